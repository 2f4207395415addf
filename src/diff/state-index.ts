import type { Inventory } from '../inventory/read-image.js';
import type { Item } from '../managers/types.js';
import { canonical } from './canonical.js';

/** Per-layer lookups over an image's states: exact entries and identities. */
export class StateIndex {
  private readonly exact: Set<string>[];
  private readonly identities: Set<string>[];

  constructor(states: readonly Inventory[]) {
    this.exact = states.map((state) => new Set(state.items.map(canonical)));
    this.identities = states.map((state) => new Set(state.items.flatMap(identityKeys)));
  }

  get length(): number {
    return this.exact.length;
  }

  hasExact(layer: number, item: Item): boolean {
    return this.exact[layer]?.has(canonical(item)) ?? false;
  }

  /** Is there, after `layer`, an item that is this one or a version of it? */
  hasIdentity(layer: number, item: Item): boolean {
    if (this.hasExact(layer, item)) return true;
    const keys = this.identities[layer];
    return keys !== undefined && identityKeys(item).some((key) => keys.has(key));
  }

  /** The first layer of the unbroken run of layers, up to `last`, that hold this exact entry. */
  introducedAt(item: Item, last = this.length - 1): number | null {
    let layer: number | null = null;
    for (let i = last; i >= 0 && this.hasExact(i, item); i -= 1) layer = i;
    return layer;
  }

  /**
   * The layer that deleted this item: the one after the last layer holding it exactly, or, when
   * the new image never held this exact version, after the last one holding any version of it.
   */
  removedAt(item: Item): number | null {
    for (let i = this.length - 1; i >= 0; i -= 1) {
      if (this.hasExact(i, item)) return i + 1 < this.length ? i + 1 : null;
    }
    for (let i = this.length - 1; i >= 0; i -= 1) {
      if (this.hasIdentity(i, item)) return i + 1 < this.length ? i + 1 : null;
    }
    return null;
  }
}

function identityKeys(item: Item): string[] {
  return item.matchKeys.map((key, rank) => `${item.kind}\n${item.manager}\n${rank}\n${key}`);
}
