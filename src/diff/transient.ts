import type { ImageInventory } from '../inventory/read-image.js';
import type { Item } from '../managers/types.js';
import { canonical, sameIdentity } from './canonical.js';
import type { Transient } from './model.js';
import type { StateIndex } from './state-index.js';

/**
 * Items that a layer added and a later layer removed: never in the final state, yet packages
 * may have been installed from them in between. Runs that began in `fromLayer` or later only,
 * and nothing the old image still has (that is a removal, not a transient).
 */
export function findTransient(image: ImageInventory, index: StateIndex, fromLayer: number, oldFinal: readonly Item[]): Omit<Transient, 'findings' | 'origin'>[] {
  const found = new Map<string, Omit<Transient, 'findings' | 'origin'>>();
  const last = image.states.length - 1;
  for (let layer = 0; layer < last; layer += 1) {
    for (const item of image.states[layer]?.items ?? []) {
      if (index.hasIdentity(layer + 1, item) || index.hasIdentity(last, item)) continue;
      if (oldFinal.some((other) => sameIdentity(item, other))) continue;
      const addedIn = firstOfRun(index, item, layer);
      if (addedIn < fromLayer) continue;
      found.set(`${canonical(item)}\n${layer}`, { item, addedIn, removedIn: layer + 1 });
    }
  }
  return [...found.values()];
}

function firstOfRun(index: StateIndex, item: Item, layer: number): number {
  let first = layer;
  while (first > 0 && index.hasIdentity(first - 1, item)) first -= 1;
  return first;
}
