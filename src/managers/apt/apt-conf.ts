import type { RootView } from '../types.js';
import type { ConfigTree } from './config-tree.js';
import { listConfigParts } from './files.js';
import { parseCWord, parseQuoteWord } from './words.js';

/**
 * apt.conf files as apt 2.6's ReadConfigFile reads them (configuration.cc): `//`, `#` and
 * `/* *\/` comments outside quotes, statements ended by `;`, `{ }` scopes, `#include` and
 * `#clear` directives. On a syntax error apt stops reading the file and refuses to run; what
 * the file set before the error stays set, as in apt's own tree.
 */

export interface ConfigError {
  path: string;
  line: number | null;
  message: string;
}

const MAX_INCLUDE_DEPTH = 10;
const DIRECTIVES = ['clear', 'include', 'x-apt-configure-index'];

export function readConfigFile(root: RootView, tree: ConfigTree, path: string, depth = 0): ConfigError[] {
  const file = root.readFile(path);
  if (file === undefined) return [{ path, line: null, message: 'cannot read the file' }];
  return new ConfigReader(root, tree, path, depth).read(file.text);
}

/** ReadConfigDir: the parts with no extension or `.conf`, by apt's file-name rules. */
export function readConfigDir(root: RootView, tree: ConfigTree, dir: string, depth = 0): ConfigError[] {
  const files = listConfigParts(root, dir, ['conf', '']).files;
  return files.flatMap((path) => readConfigFile(root, tree, path, depth));
}

class ConfigReader {
  private lineBuffer = '';
  private parentTag = '';
  private readonly stack: string[] = [];
  private inComment = false;
  private line = 0;

  constructor(
    private readonly root: RootView,
    private readonly tree: ConfigTree,
    private readonly path: string,
    private readonly depth: number,
  ) {}

  read(text: string): ConfigError[] {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const raw of lines) {
      this.line += 1;
      const fragment = this.stripComments(raw.replaceAll('\t', '        ').trim());
      if (fragment === '') continue;
      const errors = this.interpret(fragment);
      if (errors.length > 0) return errors;
    }
    if (this.lineBuffer !== '') return [this.error('Extra junk at end of file')];
    return [];
  }

  private error(message: string): ConfigError {
    return { path: this.path, line: this.line, message: `Syntax error: ${message}` };
  }

  private stripComments(input: string): string {
    let line = input;
    if (this.inComment) {
      const end = line.indexOf('*/');
      if (end < 0) return '';
      line = line.slice(end + 2);
      this.inComment = false;
    }
    line = cutAtComment(line, '//', () => false);
    line = cutAtComment(line, '#', (at) => DIRECTIVES.some((word) => line.startsWith(word, at + 1)));

    let fragment = '';
    for (let start = line.indexOf('/*'); start >= 0; start = line.indexOf('/*', start)) {
      if (quotesBefore(line, start) % 2 !== 0) {
        start += 2;
        continue;
      }
      fragment += line.slice(0, start);
      const end = line.indexOf('*/', start + 2);
      if (end < 0) {
        this.inComment = true;
        return fragment;
      }
      line = line.slice(end + 2);
      start = 0;
    }
    return fragment + line;
  }

  /** Statements end at `{`, `;` or `}` outside quotes; the rest waits for the next line. */
  private interpret(fragment: string): ConfigError[] {
    let inQuote = false;
    let start = 0;
    for (let index = 0; index < fragment.length; index += 1) {
      const char = fragment[index];
      if (char === '"') inQuote = !inQuote;
      if (inQuote || (char !== '{' && char !== ';' && char !== '}')) continue;

      const piece = fragment.slice(start, index).trim();
      if (this.lineBuffer !== '' && piece !== '') this.lineBuffer += ' ';
      this.lineBuffer += piece;
      start = index + 1;
      const errors = this.statement(char);
      if (errors.length > 0) return errors;
    }
    const rest = fragment.slice(start).trim();
    if (rest !== '' && this.lineBuffer !== '') this.lineBuffer += ' ';
    this.lineBuffer += rest;
    return [];
  }

  private statement(terminator: string): ConfigError[] {
    if (terminator === '{' && this.lineBuffer === '') return [this.error('Block starts with no name.')];
    if (this.lineBuffer === '') {
      if (terminator === '}') this.leaveScope();
      return [];
    }

    const parsed = parseStatement(this.lineBuffer, terminator);
    if (typeof parsed === 'string') return [this.error(parsed)];
    let { tag } = parsed;
    const { word, noWord } = parsed;

    if (terminator === '{') {
      this.stack.push(this.parentTag);
      this.parentTag = this.parentTag === '' ? tag : `${this.parentTag}::${tag}`;
      tag = '';
    }
    const item = this.itemName(tag, terminator);

    const errors = this.apply(tag, item, word, noWord);
    if (errors.length > 0) return errors;
    this.lineBuffer = '';
    if (terminator === '}') this.leaveScope();
    return [];
  }

  private itemName(tag: string, terminator: string): string {
    if (this.parentTag === '') return tag;
    return terminator !== '{' || tag !== '' ? `${this.parentTag}::${tag}` : this.parentTag;
  }

  private apply(tag: string, item: string, word: string, noWord: boolean): ConfigError[] {
    if (tag.startsWith('#')) {
      if (this.parentTag !== '') return [this.error('Directives can only be done at the top level')];
      return this.directive(tag.slice(1), word);
    }
    if (tag === '' && !noWord && word === '#clear') {
      return [this.error('clear directive requires an option tree as argument')];
    }
    if (!noWord) this.tree.set(item, word, this.path);
    return [];
  }

  private directive(name: string, word: string): ConfigError[] {
    if (name === 'clear') {
      this.tree.clear(word);
      return [];
    }
    if (name === 'x-apt-configure-index') return [];
    if (name !== 'include') return [this.error(`Unsupported directive '${name}'`)];
    if (this.depth > MAX_INCLUDE_DEPTH) return [this.error('Too many nested includes')];

    // apt opens a relative include from its working directory; in an image that is `/`.
    const target = word.startsWith('/') ? word : `/${word}`;
    const nested =
      word.length > 2 && word.endsWith('/')
        ? readConfigDir(this.root, this.tree, target, this.depth + 1)
        : readConfigFile(this.root, this.tree, target, this.depth + 1);
    return nested.length > 0 ? [...nested, this.error('Included from here')] : [];
  }

  private leaveScope(): void {
    this.parentTag = this.stack.pop() ?? '';
  }
}

interface Statement {
  tag: string;
  word: string;
  noWord: boolean;
}

function parseStatement(buffer: string, terminator: string): Statement | string {
  const tag = parseQuoteWord(buffer, 0);
  if (tag === null) return 'Malformed tag';
  const word = parseCWord(buffer, tag.next) ?? parseQuoteWord(buffer, tag.next);
  if (word === null) {
    if (tag.next < buffer.length) return 'Extra junk after value';
    // A lone word: the name of a scope, or a value with no name (a list item).
    if (terminator === '{') return { tag: tag.word, word: '', noWord: true };
    return { tag: '', word: tag.word, noWord: false };
  }
  if (word.next < buffer.length) return 'Extra junk after value';
  return { tag: tag.word, word: word.word, noWord: false };
}

function cutAtComment(line: string, marker: string, keep: (at: number) => boolean): string {
  for (let start = line.indexOf(marker); start >= 0; start = line.indexOf(marker, start + 1)) {
    if (quotesBefore(line, start) % 2 !== 0 || keep(start)) continue;
    return line.slice(0, start);
  }
  return line;
}

function quotesBefore(line: string, index: number): number {
  return line.slice(0, index).split('"').length - 1;
}
