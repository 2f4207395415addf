import type { RepoEntry } from './model.js';
import { expand } from './variables.js';

/**
 * apk-tools 3 `apk_repoparser_parse` (src/repoparser.c): words split on space and tab,
 * `#` only as the first byte, optional keyword (`set`, `ndx`, `v2`, `v3`), optional `@tag`, a URL
 * and components that each become `url/component`. Variables set by `set` live as long as the
 * parser, across every file, in the order apk reads them.
 */
export type V3Line =
  | { kind: 'skip' }
  | { kind: 'set' }
  | { kind: 'repos'; repos: RepoEntry[] }
  | { kind: 'error'; message: string };

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export class V3Parser {
  readonly variables = new Map<string, string>();
  private readonly readonly = new Set<string>();

  /** Built-ins such as APK_ARCH cannot be changed by `set`. */
  define(name: string, value: string): void {
    this.variables.set(name, value);
    this.readonly.add(name);
  }

  parse(line: string, allowKeywords: boolean): V3Line {
    if (line === '' || line.startsWith('#')) return { kind: 'skip' };

    const words = new Words(line);
    let word = words.next();
    if (word === '')
      return { kind: 'error', message: 'syntax error: the line starts with a blank' };

    let type: RepoEntry['type'] | null = null;
    if (allowKeywords && isKeyword(word)) {
      if (word === 'set') return this.set(words.rest());
      if (word !== 'ndx' && word !== 'v2' && word !== 'v3') {
        return { kind: 'error', message: `unrecognized keyword: ${word}` };
      }
      type = word;
      word = words.next();
      if (word === '') return { kind: 'error', message: 'syntax error: no URL after the keyword' };
    }

    let tag: string | null = null;
    if (word.startsWith('@')) {
      tag = word.slice(1);
      word = words.next();
      if (word === '') return { kind: 'error', message: 'syntax error: no URL after the tag' };
    }
    type ??= word.endsWith('.adb') || word.endsWith('.tar.gz') ? 'ndx' : 'v2';

    const url = expand(word, this.variables);
    if (!url.ok) return { kind: 'error', message: url.error };
    const base = url.text.replace(/\/+$/, '');
    if (allowKeywords && !isUrl(base)) return { kind: 'error', message: `invalid url: ${base}` };

    const rest = words.rest();
    if (rest === '') return { kind: 'repos', repos: [{ tag, url: base, type }] };
    const components = expand(rest, this.variables);
    if (!components.ok) return { kind: 'error', message: components.error };
    // apk_blob_foreach_word splits components on spaces only.
    const repos = components.text
      .split(' ')
      .filter((component) => component !== '')
      .map((component) => ({ tag, url: `${base}/${component}`, type: type ?? 'v2' }));
    return { kind: 'repos', repos };
  }

  /** `set [-default] name=value`: -default keeps an existing value; APK_* names are reserved. */
  private set(text: string): V3Line {
    const words = new Words(text);
    let overwrite = true;
    let rest = text;
    while (rest.startsWith('-')) {
      const option = words.next();
      if (option !== '-default') return { kind: 'error', message: `invalid option: ${option}` };
      overwrite = false;
      rest = words.rest();
    }

    const equals = rest.indexOf('=');
    const name = equals < 0 ? '' : rest.slice(0, equals);
    if (!NAME.test(name) || name.startsWith('APK_')) {
      return { kind: 'error', message: `invalid variable definition: ${rest}` };
    }
    const value = expand(rest.slice(equals + 1), this.variables);
    if (!value.ok) return { kind: 'error', message: value.error };

    const exists = this.variables.has(name);
    if (!exists || (overwrite && !this.readonly.has(name))) this.variables.set(name, value.text);
    return { kind: 'set' };
  }
}

/** get_word(): a run of non-separators, then the separators after it are skipped. */
class Words {
  private text: string;

  constructor(text: string) {
    this.text = text;
  }

  next(): string {
    const word = /^[^ \t]*/.exec(this.text)?.[0] ?? '';
    this.text = this.text.slice(word.length).replace(/^[ \t]+/, '');
    return word;
  }

  rest(): string {
    return this.text;
  }
}

function isUrl(word: string): boolean {
  return word.startsWith('/') || word.includes('://');
}

function isKeyword(word: string): boolean {
  return !word.startsWith('@') && !word.startsWith('$') && !isUrl(word);
}
