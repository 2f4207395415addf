import type { Vars } from './model.js';

/** libdnf stops expanding nested `${a:-${b:-…}}` deeper than this and keeps the text. */
const MAX_DEPTH = 32;

/**
 * ConfigParser::substitute of libdnf (dnf 4, microdnf; dnf 5 has the same rules): `$name`
 * (greedy `[A-Za-z0-9_]+`), `${name}`, `${name:-word}`, `${name:+word}`, `\` escapes the next
 * character. Unknown variables stay as written. See package-sources.md §3.3.
 * libdnf 0.69 (RHEL 9) predates `:-`, `:+` and escapes and keeps those verbatim.
 */
export function substituteLibdnf(text: string, vars: Vars): string {
  return expand(text, vars, 0).text;
}

interface Expansion {
  text: string;
  /** How many characters of the input were consumed (for a nested word: up to its `}`). */
  scanned: number;
}

function expand(text: string, vars: Vars, depth: number): Expansion {
  if (depth > MAX_DEPTH) return { text, scanned: text.length };

  let result = text;
  let scanned = 0;
  let pos = 0;
  while (pos < result.length) {
    const char = result[pos];
    if (char === '}' && depth > 0) return { text: result.slice(0, pos), scanned };
    if (char === '\\') {
      if (pos + 1 >= result.length) break;
      result = result.slice(0, pos) + result.slice(pos + 1);
      scanned += 2;
      pos += 1;
      continue;
    }
    if (char !== '$') {
      scanned += 1;
      pos += 1;
      continue;
    }

    const step = expandVariable(result, pos, vars, depth);
    if (step === 'stop') break;
    if (step.replacement === undefined) {
      scanned += step.skipScanned ? step.end - pos : 0;
      pos = step.end;
      continue;
    }
    result = result.slice(0, pos) + step.replacement + result.slice(step.end);
    scanned += step.end - pos;
    pos += step.replacement.length;
  }
  // An unterminated nested word is not expanded at all.
  if (depth > 0) return { text, scanned: text.length };
  return { text: result, scanned: text.length };
}

interface Step {
  /** Index after the expression (or where scanning resumes when nothing is replaced). */
  end: number;
  replacement: string | undefined;
  /** libdnf counts the skipped characters for some dead ends and not for others. */
  skipScanned: boolean;
}

/** One `$…` expression at `pos`; 'stop' where libdnf leaves the rest of the text untouched. */
function expandVariable(text: string, pos: number, vars: Vars, depth: number): Step | 'stop' {
  const braced = text[pos + 1] === '{';
  const nameStart = braced ? pos + 2 : pos + 1;
  if (nameStart >= text.length) return 'stop';
  let nameEnd = nameStart;
  while (nameEnd < text.length && /[A-Za-z0-9_]/.test(text[nameEnd] ?? '')) nameEnd += 1;
  const value = lookup(text.slice(nameStart, nameEnd), vars);

  if (!braced) return { end: nameEnd, replacement: value, skipScanned: true };
  if (nameEnd >= text.length) return 'stop';
  if (text[nameEnd] === '}') return { end: nameEnd + 1, replacement: value, skipScanned: true };
  if (text[nameEnd] !== ':') return { end: nameEnd, replacement: undefined, skipScanned: false };

  const mode = text[nameEnd + 1];
  const wordStart = nameEnd + 2;
  if (mode === undefined || wordStart >= text.length) return 'stop';
  const word = expand(text.slice(wordStart), vars, depth + 1);
  const wordEnd = wordStart + word.scanned;
  if (wordEnd >= text.length) return 'stop';
  if (text[wordEnd] !== '}') return { end: wordEnd, replacement: undefined, skipScanned: true };

  const unset = value === undefined || value === '';
  if (mode === '-')
    return { end: wordEnd + 1, replacement: unset ? word.text : value, skipScanned: true };
  if (mode === '+')
    return { end: wordEnd + 1, replacement: unset ? '' : word.text, skipScanned: true };
  return { end: nameEnd + 1, replacement: undefined, skipScanned: false };
}

/** `releasever_major`/`_minor` derive from `releasever` unless defined themselves. */
function lookup(name: string, vars: Vars): string | undefined {
  const value = vars.get(name);
  if (value !== undefined) return value;
  if (name !== 'releasever_major' && name !== 'releasever_minor') return undefined;

  const releasever = vars.get('releasever');
  if (releasever === undefined) return undefined;
  const dot = releasever.indexOf('.');
  if (name === 'releasever_major') return dot === -1 ? releasever : releasever.slice(0, dot);
  return dot === -1 ? '' : releasever.slice(dot + 1);
}

/**
 * yum 3's varReplace (yum/parser.py): `$name` only (`\w+`, looked up lower-cased), applied to
 * every line before the INI parser sees it; unknown names stay as written.
 */
export function substituteYum3(line: string, vars: Vars): string {
  return line.replace(/\$(\w+)/g, (whole, name: string) => vars.get(name.toLowerCase()) ?? whole);
}
