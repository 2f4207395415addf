import { compareBytes } from '../../replay/path.js';
import type { RootView } from '../types.js';

/**
 * glob(3) as pacman calls it for `Include` (GLOB_NOCHECK, sorted, no braces or tilde), over the
 * image instead of the host. A pattern that matches nothing comes back as itself, which pacman
 * then fails to open; an empty pattern names no file at all.
 */
export function expandGlob(root: RootView, pattern: string): string[] {
  if (pattern === '') return [];
  const parts = pattern.split('/').filter((part) => part !== '');
  if (!parts.some(hasMagic)) return [unescape(absolute(pattern))];

  let candidates = ['/'];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    candidates = candidates.flatMap((dir) => expandPart(root, dir, part, last));
  });

  const found = candidates.sort(compareBytes);
  return found.length > 0 ? found : [unescape(absolute(pattern))];
}

function expandPart(root: RootView, dir: string, part: string, last: boolean): string[] {
  if (!hasMagic(part)) {
    const path = join(dir, unescape(part));
    return last && root.kind(path) === 'missing' ? [] : [path];
  }
  return root
    .list(dir)
    .filter((entry) => last || entry.kind === 'dir')
    .filter((entry) => matchName(part, entry.name))
    .map((entry) => join(dir, entry.name));
}

/** fnmatch(3) without FNM_PERIOD relaxations: a leading dot must be matched literally. */
export function matchName(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.') && !pattern.startsWith('\\.')) return false;
  return new RegExp(`^${toRegExp(pattern)}$`, 's').test(name);
}

function toRegExp(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '*') out += '.*';
    else if (char === '?') out += '.';
    else if (char === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern.charAt(++i));
    else if (char === '[') {
      const bracket = readBracket(pattern, i);
      if (bracket === undefined) out += '\\[';
      else {
        out += bracket.regExp;
        i = bracket.end;
      }
    } else out += escapeRegExp(char);
  }
  return out;
}

/** `[...]`, `[!...]` or `[^...]`; a `]` right after the opening (or the negation) is literal. */
function readBracket(pattern: string, start: number): { regExp: string; end: number } | undefined {
  let i = start + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i += 1;
  let body = '';
  let first = true;
  for (; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === ']' && !first) return { regExp: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (char === '\\' && i + 1 < pattern.length) body += escapeClass(pattern.charAt(++i));
    else if (char === '-' && body !== '' && pattern[i + 1] !== ']') body += '-';
    else body += escapeClass(char);
  }
  return undefined;
}

function hasMagic(part: string): boolean {
  for (let i = 0; i < part.length; i += 1) {
    const char = part.charAt(i);
    if (char === '\\') i += 1;
    else if (char === '*' || char === '?') return true;
    else if (char === '[' && part.indexOf(']', i + 2) > 0) return true;
  }
  return false;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(char: string): string {
  return char.replace(/[\]\\^-]/g, '\\$&');
}

