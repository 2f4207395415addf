import type { UrlKey, ZyppIni, ZyppSection } from './model.js';
import { URL_KEYS } from './model.js';

/** Characters that may not come before `=` in a key (IniParser keyGarbage). */
const KEY_GARBAGE = /[:/?|,\\]/;

/** RepoFileParser::storeUrl: words split at blanks, with or without commas around them. */
const URL_SEPARATOR = /[,\t ]*[\t ][,\t ]*/;

/**
 * libzypp's IniParser with RepoFileParser on top (zypp-core/parser/iniparser.cc,
 * zypp/parser/RepoFileReader.cc), see package-sources.md §4.2:
 * - every line is trimmed; empty, `;` and `#` lines are comments (so indented ones too);
 * - `[` starts a section named by the text up to the last `]` (anything after is dropped);
 * - `key=value` splits at the first `=`; a line without `=`, or with one of `:/?|,\` before
 *   it, is garbage: an extra URL right after baseurl/gpgkey/mirrorlist/metalink (the state
 *   survives comments and section headers), else the whole file is refused;
 * - URL keys accumulate over repeated lines; any other repeated key keeps the last value.
 */
export function parseZyppIni(text: string, urlLists = true): ZyppIni {
  const sections = new Map<string, ZyppSection>();
  let current = '';
  let multiline: UrlKey | undefined;
  const section = (name: string, line: number): ZyppSection => {
    const found = sections.get(name) ?? { name, line, entries: new Map(), urls: new Map() };
    sections.set(name, found);
    return found;
  };
  const store = (key: UrlKey, line: number, value: string): void => {
    const list = section(current, line).urls.get(key) ?? [];
    list.push(...value.split(URL_SEPARATOR).filter((word) => word !== ''));
    section(current, line).urls.set(key, list);
  };

  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    const trimmed = trimSpace(raw);
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) continue;

    const close = trimmed.startsWith('[') ? trimmed.lastIndexOf(']') : -1;
    const equals = trimmed.indexOf('=');
    const garbage = trimmed.startsWith('[')
      ? close === -1
      : equals === -1 || KEY_GARBAGE.test(trimmed.slice(0, equals));
    if (garbage) {
      if (multiline === undefined) return { ok: false, line, message: refusal(trimmed) };
      store(multiline, line, trimmed);
    } else if (trimmed.startsWith('[')) {
      current = trimmed.slice(1, close);
      section(current, line);
    } else {
      const key = trimSpace(trimmed.slice(0, equals));
      const value = trimSpace(trimmed.slice(equals + 1));
      multiline = urlLists ? URL_KEYS.find((candidate) => candidate === key) : undefined;
      if (multiline !== undefined) store(multiline, line, value);
      else section(current, line).entries.set(key, { value, line });
    }
  }
  return { ok: true, sections: [...sections.values()] };
}

function refusal(line: string): string {
  return `garbage line "${line}" (no '=' or one of ':/?|,\\' before it); libzypp refuses the file`;
}

/** str::trim: C isspace only (a UTF-8 BOM is not blank: a file starting with one is refused). */
export function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}
