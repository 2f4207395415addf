import type { Item } from '../managers/types.js';
import { canonical } from './canonical.js';

export interface Pairing {
  unchanged: Array<[Item, Item]>;
  modified: Array<[Item, Item]>;
  removed: Item[];
  added: Item[];
}

/**
 * Pair the items of two states: first the ones that are exactly equal, then, rank by rank, the
 * ones that share a match key (a yum repo id; an apt entry's file, types and suites). What is
 * left is added or removed.
 */
export function pairItems(before: readonly Item[], after: readonly Item[]): Pairing {
  const left = new Set(before);
  const right = new Set(after);
  const result: Pairing = { unchanged: [], modified: [], removed: [], added: [] };

  const exact = groupBy(right, canonical);
  for (const item of left) {
    const match = take(exact.get(canonical(item)), right);
    if (match === undefined) continue;
    left.delete(item);
    result.unchanged.push([item, match]);
  }

  const ranks = Math.max(0, ...[...left, ...right].map((item) => item.matchKeys.length));
  for (let rank = 0; rank < ranks; rank += 1) {
    const byKey = groupBy(right, (item) => keyAt(item, rank));
    for (const item of [...left]) {
      const key = keyAt(item, rank);
      if (key === undefined) continue;
      const match = take(byKey.get(key), right);
      if (match === undefined) continue;
      left.delete(item);
      result.modified.push([item, match]);
    }
  }

  result.removed.push(...left);
  result.added.push(...right);
  return result;
}

function keyAt(item: Item, rank: number): string | undefined {
  const key = item.matchKeys[rank];
  return key === undefined ? undefined : `${item.kind}\n${item.manager}\n${key}`;
}

function groupBy(items: Iterable<Item>, key: (item: Item) => string | undefined): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const name = key(item);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

/** The first item of a group that is still unpaired, removed from `pool`. */
function take(group: Item[] | undefined, pool: Set<Item>): Item | undefined {
  const match = group?.find((item) => pool.has(item));
  if (match !== undefined) pool.delete(match);
  return match;
}
