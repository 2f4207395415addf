import type { Stack } from './model.js';

/** A value the option type refuses; libdnf ignores the line, yum 3 drops the repo. */
export class InvalidValue extends Error {}

/**
 * OptionBool (libdnf): `1 yes true on` / `0 no false off`, case-insensitive, nothing else.
 * yum 3's BoolOption knows no `on`/`off`.
 */
export function parseBool(stack: Stack, value: string): boolean {
  const word = value.toLowerCase();
  const on = stack === 'yum3' ? ['1', 'yes', 'true'] : ['1', 'yes', 'true', 'on'];
  const off = stack === 'yum3' ? ['0', 'no', 'false'] : ['0', 'no', 'false', 'off'];
  if (on.includes(word)) return true;
  if (off.includes(word)) return false;
  throw new InvalidValue(`invalid boolean value '${value}'`);
}

/**
 * OptionNumber<int32> (libdnf) reads a leading decimal number and ignores what follows
 * (`5x` is 5); yum 3's int() wants the whole value to be one.
 */
export function parseInteger(stack: Stack, value: string): number {
  const pattern = stack === 'yum3' ? /^\s*([+-]?[0-9]+)\s*$/ : /^\s*([+-]?[0-9]+)/;
  const digits = pattern.exec(value)?.[1];
  const number = digits === undefined ? Number.NaN : Number.parseInt(digits, 10);
  const outOfRange = stack !== 'yum3' && (number >= 2 ** 31 || number < -(2 ** 31));
  if (!Number.isSafeInteger(number) || outOfRange) {
    throw new InvalidValue(`invalid number '${value}'`);
  }
  return number;
}

/** List options (baseurl, gpgkey, reposdir, …) as each stack splits them. */
export function splitList(stack: Stack, value: string): string[] {
  return stack === 'yum3' ? splitYum3List(value) : splitLibdnfList(value);
}

/**
 * OptionStringList::fromString of libdnf 0.69: items end at a space, comma or newline; spaces
 * before the next item are skipped, and a comma or newline right after such a separator joins
 * it, so `a ,b` and `a,\nb` are two items while `a,,b` and `a\n\nb` hold an empty one.
 */
function splitLibdnfList(value: string): string[] {
  const items: string[] = [];
  let start = skipSpaces(value, 0);
  while (start !== -1 && start < value.length) {
    let end = indexOfAny(value, ' ,\n', start);
    if (end === -1) {
      items.push(value.slice(start));
      break;
    }
    items.push(value.slice(start, end));
    start = skipSpaces(value, end + 1);
    if (start !== -1 && value[start] === ',' && value[end] === ' ') {
      end = start;
      start = skipSpaces(value, start + 1);
    }
    if (start !== -1 && value[start] === '\n' && (value[end] === ' ' || value[end] === ',')) {
      start = skipSpaces(value, start + 1);
    }
  }
  return items;
}

/** yum 3 ListOption: newlines and commas become spaces, then Python's str.split(). */
function splitYum3List(value: string): string[] {
  return value
    .replace(/[\n,]/g, ' ')
    .split(/\s+/)
    .filter((item) => item !== '');
}

/** libdnf turns a baseurl that is an absolute path into a file:// URL (after substitution). */
export function asBaseurl(stack: Stack, value: string): string {
  return stack !== 'yum3' && value.startsWith('/') ? `file://${value}` : value;
}

function skipSpaces(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] !== ' ') return index;
  }
  return -1;
}

function indexOfAny(text: string, chars: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (chars.includes(text[index] ?? '')) return index;
  }
  return -1;
}
