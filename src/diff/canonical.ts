import type { Item, JsonValue } from '../managers/types.js';

/** The exact form of an item: what must be equal for two items to be "the same entry". */
export function canonical(item: Item): string {
  const { matchKeys: _keys, risks: _risks, ...rest } = item;
  return stableStringify(rest as unknown as JsonValue);
}

export function stableStringify(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Do two items stand for the same thing: the same entry, or a shared match key at the same rank? */
export function sameIdentity(a: Item, b: Item): boolean {
  if (a.kind !== b.kind || a.manager !== b.manager) return false;
  if (canonical(a) === canonical(b)) return true;
  return a.matchKeys.some((key, rank) => b.matchKeys[rank] === key);
}

/** Names of the top-level fields that differ between two versions of an item. */
export function changedFields(before: Item, after: Item): string[] {
  const a = before as unknown as Record<string, JsonValue>;
  const b = after as unknown as Record<string, JsonValue>;
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  const changed: string[] = [];
  for (const name of [...names].sort()) {
    // The id is derived from the content for apt and apk; naming it too would say nothing new.
    if (name === 'matchKeys' || name === 'risks' || name === 'id') continue;
    const left = a[name];
    const right = b[name];
    if (name === 'fields' && isRecord(left) && isRecord(right)) {
      for (const field of new Set([...Object.keys(left), ...Object.keys(right)])) {
        if (stableStringify(left[field]) !== stableStringify(right[field])) changed.push(field);
      }
    } else if (stableStringify(left) !== stableStringify(right)) {
      changed.push(name);
    }
  }
  return [...new Set(changed)];
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
