import { diffContext, findingsForChange, findingsForItem, findingsForTransient } from '../findings/evaluate.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item } from '../managers/types.js';
import { changedFields } from './canonical.js';
import { pairItems } from './match.js';
import type { DockerfileMap } from '../dockerfile/map.js';
import type { Change, DiffResult, ScanResult, Transient } from './model.js';
import { originOf, relateImages } from './relation.js';
import { StateIndex } from './state-index.js';
import { findTransient } from './transient.js';

/**
 * Compare two images' final states, attribute each change to a layer of the new image, and tell
 * whether it came with NEW's base or its own build (`dockerfile`: NEW's Dockerfile, mapped).
 */
export function diffInventories(before: ImageInventory, after: ImageInventory, dockerfile: DockerfileMap | null = null): DiffResult {
  const index = new StateIndex(after.states);
  const pairing = pairItems(before.final.items, after.final.items);
  const context = diffContext(before.final.items);

  const changes: Change[] = [
    ...pairing.added.map((item) => change('added', item, null, index.introducedAt(item))),
    ...pairing.modified.map(([old, now]) => change('modified', now, old, index.introducedAt(now))),
    ...pairing.removed.map((item) => change('removed', item, null, index.removedAt(item))),
  ];
  for (const entry of changes) entry.findings = findingsForChange(entry, context);

  const sharedLayers = countShared(before, after);
  const relation = relateImages(before, after, sharedLayers, dockerfile?.baseLayers ?? null);
  for (const entry of changes) entry.origin = originOf(relation, entry.layer);
  const transient = withFindings(findTransient(after, index, sharedLayers, before.final.items)).map((entry) => ({
    ...entry,
    origin: originOf(relation, entry.addedIn),
  }));
  return { old: before, new: after, sharedLayers, changes: changes.sort(byPlace), transient, relation, dockerfile };
}

/** The inventory of one image, each item attributed to the layer that gave it its form. */
export function scanInventory(image: ImageInventory, dockerfile: DockerfileMap | null = null): ScanResult {
  const index = new StateIndex(image.states);
  const entries = image.final.items.map((item) => ({ item, layer: index.introducedAt(item), findings: findingsForItem(item) }));
  const transient = withFindings(findTransient(image, index, 0, []));
  return { image, entries: entries.sort(byPlace), transient, dockerfile };
}

function change(kind: Change['change'], item: Item, previous: Item | null, layer: number | null): Change {
  const fields = previous === null ? [] : changedFields(previous, item);
  return { change: kind, item, previous, fields, layer, origin: null, findings: [] };
}

function withFindings(found: Omit<Transient, 'findings' | 'origin'>[]): Transient[] {
  return found.map((entry) => ({ ...entry, origin: null, findings: findingsForTransient(entry.item, entry.addedIn, entry.removedIn) }));
}

function countShared(before: ImageInventory, after: ImageInventory): number {
  let shared = 0;
  while (shared < before.layers.length && before.layers[shared]?.diffId === after.layers[shared]?.diffId) shared += 1;
  return shared;
}

/** A stable order for reports: by manager, path, kind, then id. */
function byPlace(a: { item: Item }, b: { item: Item }): number {
  const left = [a.item.manager, a.item.path, a.item.kind, a.item.id];
  const right = [b.item.manager, b.item.path, b.item.kind, b.item.id];
  for (let i = 0; i < left.length; i += 1) {
    const order = (left[i] ?? '').localeCompare(right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}
