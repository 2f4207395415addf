import { findingsForChange, findingsForItem, findingsForTransient } from '../findings/evaluate.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item } from '../managers/types.js';
import { hostOf } from '../managers/uri.js';
import { changedFields } from './canonical.js';
import { pairItems } from './match.js';
import type { Change, DiffResult, ScanResult, Transient } from './model.js';
import { StateIndex } from './state-index.js';
import { findTransient } from './transient.js';

/** Compare two images' final states, attribute each change to a layer of the new image. */
export function diffInventories(before: ImageInventory, after: ImageInventory): DiffResult {
  const index = new StateIndex(after.states);
  const pairing = pairItems(before.final.items, after.final.items);
  const oldHosts = new Set(before.final.items.flatMap((item) => (item.kind === 'source' ? item.uris.map(hostOf) : [])));
  const context = { oldHosts: new Set([...oldHosts].filter((host): host is string => host !== null)) };

  const changes: Change[] = [
    ...pairing.added.map((item) => change('added', item, null, index.introducedAt(item))),
    ...pairing.modified.map(([old, now]) => change('modified', now, old, index.introducedAt(now))),
    ...pairing.removed.map((item) => change('removed', item, null, index.removedAt(item))),
  ];
  for (const entry of changes) entry.findings = findingsForChange(entry, context);

  const sharedLayers = countShared(before, after);
  const transient = withFindings(findTransient(after, index, sharedLayers, before.final.items));
  return { old: before, new: after, sharedLayers, changes: changes.sort(byPlace), transient };
}

/** The inventory of one image, each item attributed to the layer that gave it its form. */
export function scanInventory(image: ImageInventory): ScanResult {
  const index = new StateIndex(image.states);
  const entries = image.final.items.map((item) => ({ item, layer: index.introducedAt(item), findings: findingsForItem(item) }));
  const transient = withFindings(findTransient(image, index, 0, []));
  return { image, entries: entries.sort(byPlace), transient };
}

function change(kind: Change['change'], item: Item, previous: Item | null, layer: number | null): Change {
  const fields = previous === null ? [] : changedFields(previous, item);
  return { change: kind, item, previous, fields, layer, findings: [] };
}

function withFindings(found: Omit<Transient, 'findings'>[]): Transient[] {
  return found.map((entry) => ({ ...entry, findings: findingsForTransient(entry.item, entry.addedIn, entry.removedIn) }));
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
