/**
 * Ports of the string helpers of apt's strutl.cc that decide how sources and apt.conf are
 * tokenised. They follow apt 2.6 byte for byte where it matters: a difference here would make us
 * read a different host or suite than apt does.
 */

export interface Word {
  word: string;
  /** Where parsing goes on: after the word and the whitespace that follows it. */
  next: number;
}

/** C `isspace` in the C locale. */
export function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r';
}

/**
 * ParseQuoteWord: a word ends at whitespace, except inside "…" (quotes dropped) or […] (kept);
 * %xx escapes are decoded. Null where apt returns false (end of text, unclosed quote or bracket).
 */
export function parseQuoteWord(text: string, start: number): Word | null {
  let cursor = start;
  while (text[cursor] === ' ') cursor += 1;
  if (cursor >= text.length) return null;

  for (; cursor < text.length && !isSpace(text[cursor]); cursor += 1) {
    if (text[cursor] === '"') {
      cursor = text.indexOf('"', cursor + 1);
      if (cursor < 0) return null;
    }
    if (text[cursor] === '[') {
      cursor = text.indexOf(']', cursor + 1);
      if (cursor < 0) return null;
    }
  }

  // apt dequotes from where it was called, so leading blanks would stay; callers never leave any.
  const word = percentDecode(text.slice(start, cursor), true);
  while (cursor < text.length && isSpace(text[cursor])) cursor += 1;
  return { word, next: cursor };
}

/** ParseCWord: a value made only of "…" strings, concatenated; null when anything else is there. */
export function parseCWord(text: string, start: number): Word | null {
  let cursor = start;
  while (text[cursor] === ' ') cursor += 1;
  if (cursor >= text.length) return null;

  let word = '';
  for (; cursor < text.length; cursor += 1) {
    if (text[cursor] === '"') {
      const close = text.indexOf('"', cursor + 1);
      if (close < 0) return null;
      word += text.slice(cursor + 1, close);
      cursor = close;
      continue;
    }
    if (cursor !== start && isSpace(text[cursor]) && isSpace(text[cursor - 1])) continue;
    if (!isSpace(text[cursor])) return null;
    word += ' ';
  }
  return { word, next: cursor };
}

/** Decode %xx escapes at the byte level (DeQuoteString); with `dropQuotes`, raw `"` go too. */
export function percentDecode(raw: string, dropQuotes = false): string {
  if (!raw.includes('%') && !(dropQuotes && raw.includes('"'))) return raw;
  const bytes = Buffer.from(raw, 'utf8');
  const out: number[] = [];
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x25 && isHex(bytes[index + 1]) && isHex(bytes[index + 2])) {
      out.push(Number.parseInt(String.fromCharCode(bytes[index + 1] ?? 0, bytes[index + 2] ?? 0), 16));
      index += 2;
    } else if (!(dropQuotes && byte === 0x22)) {
      out.push(byte);
    }
  }
  return Buffer.from(out).toString('utf8');
}

function isHex(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

const FALSE_WORDS = new Set(['no', 'false', 'without', 'off', 'disable']);
const TRUE_WORDS = new Set(['yes', 'true', 'with', 'on', 'enable']);

/** StringToBool: 1, 0, or `fallback` when the text is neither (apt passes -1 or a default). */
export function stringToBool(text: string, fallback: number): number {
  const number = parseWholeInteger(text);
  if (number === 0) return 0;
  if (number === 1) return 1;
  const lower = text.toLowerCase();
  if (FALSE_WORDS.has(lower)) return 0;
  if (TRUE_WORDS.has(lower)) return 1;
  return fallback;
}

/** strtol(text, &end, 0) when it consumes the whole text, else null. "" counts as 0, as in C. */
function parseWholeInteger(text: string): number | null {
  if (text === '') return 0;
  const match = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (match === null) return null;
  const digits = match[2] ?? '0';
  const base = /^0[xX]/.test(digits) ? 16 : digits.startsWith('0') ? 8 : 10;
  const value = Number.parseInt(base === 16 ? digits.slice(2) : digits, base);
  return match[1] === '-' ? -value : value;
}

/** strtol(text, 0, 10) as apt's FindI and atoi use it: leading digits, else 0. */
export function leadingInteger(text: string): number {
  const match = /^[\t\n\v\f\r ]*([+-]?[0-9]+)/.exec(text);
  return match === null ? 0 : Number.parseInt(match[1] ?? '0', 10);
}
