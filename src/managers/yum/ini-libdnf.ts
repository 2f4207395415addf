import type { IniDocument, IniResult, IniSection } from './model.js';
import { openSection } from './model.js';

/**
 * libdnf's IniParser (libdnf/utils/iniparser, shared by dnf 4, microdnf and dnf 5):
 * - comments only when `#` or `;` is in column 0, no inline comments;
 * - a key must start in column 0, `=` is the only separator;
 * - an indented line continues the previous value (`"\n" + trimmed line`), a whitespace-only
 *   line inside it adds an empty line, while a comment or an empty line ends it;
 * - trailing newlines of a value are dropped, then matching outer quotes;
 * - any error rejects the whole file. See package-sources.md §3.2.
 */
export function parseLibdnfIni(text: string, path: string): IniResult {
  const doc: IniDocument = { sections: [] };
  const lines = text.split('\n');
  let section: IniSection | undefined;
  let pending: Pending | undefined;

  const flush = (): void => {
    if (pending === undefined || section === undefined) return;
    section.entries.set(pending.key, { ...pending, value: finishValue(pending.value), path });
    pending = undefined;
  };
  const fail = (line: number, message: string): IniResult => ({
    ok: false,
    failure: { path, line, message: `${message} (libdnf refuses the whole file)` },
  });

  for (const [index, raw] of lines.entries()) {
    const number = index + 1;
    const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line === '' || line[0] === '#' || line[0] === ';') {
      flush();
      continue;
    }
    const start = firstNotOf(line, ' \t\r');
    if (start === -1) {
      if (pending !== undefined) pending.value += '\n';
      continue;
    }
    const end = lastNotOf(line, ' \t\r');
    if (pending !== undefined && (start === 0 || line[start] === '[')) flush();

    if (line[start] === '[') {
      const close = line.indexOf(']', start + 1);
      if (close === -1) return fail(number, "missing ']' in section header");
      if (close === start + 1) return fail(number, 'empty section name');
      if (hasTextAfterSection(line, close, end)) return fail(number, 'text after section header');
      section = openSection(doc, line.slice(start + 1, close), path, number);
      continue;
    }
    if (section === undefined) return fail(number, 'key before any [section] header');

    if (start > 0) {
      if (pending === undefined) return fail(number, 'indented line without a key to continue');
      pending.value += `\n${line.slice(start, end + 1)}`;
      continue;
    }
    if (line[0] === '=') return fail(number, "missing key before '='");
    const equals = line.indexOf('=');
    if (equals === -1) return fail(number, "missing '=' (libdnf accepts no other separator)");
    const key = line.slice(0, lastNotOf(line.slice(0, equals), ' \t') + 1);
    pending = { key, value: valueAfter(line, equals, end), line: number };
  }
  flush();
  return { ok: true, doc };
}

interface Pending {
  key: string;
  value: string;
  line: number;
}

/**
 * The value after `=`: from the first non-blank to the last character that is not blank or CR.
 * When only a CR follows blanks, libdnf's substr length wraps and the CR itself is kept.
 */
function valueAfter(line: string, equals: number, end: number): string {
  const from = firstNotOf(line, ' \t', equals + 1);
  if (from === -1) return '';
  return end < from - 1 ? line.slice(from) : line.slice(from, end + 1);
}

/** Drop trailing newlines (unless the value is nothing else), then one pair of outer quotes. */
function finishValue(value: string): string {
  const last = lastNotOf(value, '\n');
  const trimmed = last === -1 ? value : value.slice(0, last + 1);
  const quote = trimmed[0];
  const quoted = trimmed.length > 1 && (quote === '"' || quote === "'") && trimmed.endsWith(quote);
  return quoted ? trimmed.slice(1, -1) : trimmed;
}

/** libdnf scans up to, not including, the last non-blank character: `[a]x` is accepted. */
function hasTextAfterSection(line: string, close: number, end: number): boolean {
  for (let index = close + 1; index < end; index += 1) {
    const char = line[index] ?? '';
    if (char === '#' || char === ';') return false;
    if (!' \t\r'.includes(char)) return true;
  }
  return false;
}

function firstNotOf(text: string, chars: string, from = 0): number {
  for (let index = from; index < text.length; index += 1) {
    if (!chars.includes(text[index] ?? '')) return index;
  }
  return -1;
}

function lastNotOf(text: string, chars: string): number {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    if (!chars.includes(text[index] ?? '')) return index;
  }
  return -1;
}
