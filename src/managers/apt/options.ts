import type { JsonValue } from '../types.js';

/** How a source's options are shown: the lists apt splits on `,` become arrays. */

const LIST_OPTIONS: ReadonlySet<string> = new Set([
  'arch', 'arch+', 'arch-', 'lang', 'lang+', 'lang-', 'target', 'target+', 'target-', 'include', 'exclude',
]);

export function optionsToJson(
  options: ReadonlyMap<string, string>,
  signedBy: string[] | null,
): Record<string, JsonValue> {
  const json: Record<string, JsonValue> = {};
  for (const [key, value] of [...options].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (key === 'signed-by') json[key] = signedBy ?? [];
    else if (LIST_OPTIONS.has(key)) json[key] = value.split(',').filter((item) => item !== '');
    else json[key] = value;
  }
  return json;
}

/**
 * Signed-By as apt's NormalizeSignedBy reads it: words split on whitespace and `,`; each an
 * absolute keyring path or a 40-hex fingerprint (upper-cased, `!` allowed after it).
 * Null when the option is absent or empty (the global keyrings apply); a string for an error.
 */
export function splitSignedBy(value: string | undefined): string[] | null | { error: string } {
  if (value === undefined) return null;
  const words = value.split(/[\t\n\v\f\r ,]+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  const normalised = words.map(normaliseSignedByWord);
  const bad = words.find((_, index) => normalised[index] === null);
  if (bad !== undefined) return { error: `Invalid value set for option Signed-By (${bad}: not a fingerprint)` };
  return normalised.filter((word): word is string => word !== null);
}

function normaliseSignedByWord(word: string): string | null {
  if (word.startsWith('/')) return word;
  const upper = word.toUpperCase();
  return /^[0-9A-F]{40}!?$/.test(upper) ? upper : null;
}
