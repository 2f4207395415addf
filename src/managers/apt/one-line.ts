import { fixupUri } from './apt-uri.js';
import {
  isExactPath,
  type ParsedSourcesFile,
  SOURCE_TYPES,
  type SourceEntry,
  sortOptions,
  substituteArch,
} from './entry.js';
import { isSpace, parseQuoteWord } from './words.js';

/**
 * The one-line format of sources.list and `*.list` parts, after apt 2.6's ParseFileOldStyle and
 * Type::ParseLine (sourcelist.cc). A malformed line makes apt refuse the file, so the parse
 * stops there with a problem and no entries. `$(ARCH)` stays as written unless `arch` is given.
 */
export function parseOneLineFile(text: string, arch?: string): ParsedSourcesFile {
  const entries: SourceEntry[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const buffer = trimLine(stripComment(raw));
    if (buffer === '') continue;

    const parsed = parseEntryLine(buffer, line, arch);
    if (typeof parsed === 'string') return { entries: [], problem: { line, message: parsed } };
    entries.push(parsed);
  }
  return { entries, problem: null };
}

/** `#` starts a comment unless more `[` than `]` come before it (a `#` inside options). */
function stripComment(line: string): string {
  let from = 0;
  for (;;) {
    const hash = line.indexOf('#', from);
    if (hash < 0) return line;
    const before = line.slice(0, hash);
    if (count(before, '[') <= count(before, ']')) return before;
    from = hash + 1;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function trimLine(line: string): string {
  return line.replace(/^[ \t\r]+/, '').replace(/[ \t\r]+$/, '');
}

function parseEntryLine(buffer: string, line: number, arch: string | undefined): SourceEntry | string {
  const typeEnd = buffer.search(/[ \t\v]/);
  if (typeEnd <= 0) return `Malformed line ${line} in source list (type)`;
  const type = buffer.slice(0, typeEnd);
  if (!SOURCE_TYPES.has(type)) return `Type '${type}' is not known on line ${line} in source list`;

  let cursor = typeEnd;
  while (isSpace(buffer[cursor])) cursor += 1;
  const options = buffer[cursor] === '[' ? parseOptions(buffer, cursor + 1) : { pairs: [], next: cursor };
  if (typeof options === 'string') return malformed(line, options);

  const uri = parseQuoteWord(buffer, options.next);
  if (uri === null) return malformed(line, 'URI');
  const suite = parseQuoteWord(buffer, uri.next);
  if (suite === null) return malformed(line, 'Suite');
  const canonical = fixupUri(uri.word, arch);
  if (canonical === null) return malformed(line, 'URI parse');

  const components: string[] = [];
  let dist = suite.word;
  if (dist !== '' && isExactPath(dist)) {
    if (parseQuoteWord(buffer, suite.next) !== null) return malformed(line, 'absolute Suite Component');
    dist = substituteArch(dist, arch);
  } else {
    // The first component is required; after it, apt stops quietly at a word it cannot parse.
    let word = parseQuoteWord(buffer, suite.next);
    while (word !== null) {
      components.push(word.word);
      word = parseQuoteWord(buffer, word.next);
    }
    if (components.length === 0) return malformed(line, 'Component');
  }

  return {
    format: 'one-line',
    line,
    entry: line,
    enabled: true,
    types: [type],
    uris: [canonical],
    suites: [dist],
    components,
    ...sortOptions(options.pairs),
    inlineKey: null,
  };
}

function malformed(line: number, what: string): string {
  return `Malformed entry ${line} in list file (${what})`;
}

/** `[ key=value ... ]`: key up to the first `=`, a `]` may end the last option without a space. */
function parseOptions(buffer: string, start: number): { pairs: [string, string][]; next: number } | string {
  const pairs: [string, string][] = [];
  let cursor = start;
  while (isSpace(buffer[cursor])) cursor += 1;
  while (buffer[cursor] !== ']') {
    const word = parseQuoteWord(buffer, cursor);
    if (word === null) return '[option] unparsable';
    let option = word.word;
    cursor = word.next;
    if (option.length < 3) return '[option] too short';
    if (option.endsWith(']')) {
      cursor = buffer.lastIndexOf(']', cursor);
      if (cursor < 0) return '[option] unparsable';
      option = option.slice(0, -1);
    }
    const equals = option.indexOf('=');
    if (equals < 0) return '[option] not assignment';
    const key = option.slice(0, equals);
    const value = option.slice(equals + 1);
    if (key === '') return '[option] no key';
    if (value === '') return '[option] no value';
    pairs.push([key, value]);
  }
  cursor += 1;
  while (isSpace(buffer[cursor])) cursor += 1;
  return { pairs, next: cursor };
}
