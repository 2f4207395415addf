import type { IniDocument, IniEntry, IniResult, IniSection } from './model.js';
import { openSection } from './model.js';

/** A line as the yum 3 parser reads it: after include= expansion, with its origin. */
export interface SourceLine {
  text: string;
  path: string;
  line: number;
}

const COMMENT = /^([;#]|[rR][eE][mM])/;
const SECTION = /^\[([^\]]+)\]\s*([;#].*)?$/;
const OPTION = /^([^:=\s[][^:=]*)\s*[:=]\s*(.*)$/;
const CONTINUATION = /^\s+(.*)$/;

/**
 * iniparse's compat ConfigParser as yum 3 uses it (yum/config.py, iniparse/ini.py): `key = value`
 * or `key: value`, keys lower-cased, `;`/`#`/`rem` comments in column 0, ` ;` starts an inline
 * comment, indented lines continue a value, `[DEFAULT]` supplies every section's fallbacks.
 * A line it cannot read makes the whole file fail. See package-sources.md §3.2b.
 */
export function parseYum3Ini(lines: readonly SourceLine[]): IniResult {
  const doc: IniDocument = { sections: [] };
  const defaults = new Map<string, IniEntry>();
  let section: IniSection | undefined;
  let option: IniEntry | undefined;
  let firstError: SourceLine | undefined;
  let errors = 0;

  for (const source of lines) {
    const text = source.text.replace(/\s+$/, '');
    if (text === '' || COMMENT.test(text)) {
      option = undefined;
      continue;
    }
    const sectionMatch = SECTION.exec(text);
    const optionMatch = sectionMatch === null ? OPTION.exec(text) : null;
    const continuation =
      sectionMatch === null && optionMatch === null ? CONTINUATION.exec(text) : null;
    if (section === undefined && (optionMatch !== null || continuation !== null)) {
      return fail(source, 'key before any [section] header');
    }

    if (sectionMatch !== null) {
      option = undefined;
      section = openSection(doc, sectionMatch[1] ?? '', source.path, source.line);
    } else if (optionMatch !== null && section !== undefined) {
      const key = (optionMatch[1] ?? '').trimEnd().toLowerCase();
      option = {
        key,
        value: cutInlineComment(optionMatch[2] ?? ''),
        path: source.path,
        line: source.line,
      };
      (section.name === 'DEFAULT' ? defaults : section.entries).set(key, option);
    } else if (continuation !== null && option !== undefined) {
      option.value += `\n${continuation[1] ?? ''}`;
    } else {
      if (section === undefined) return fail(source, 'line before any [section] header');
      firstError ??= source;
      errors += 1;
      option = undefined;
    }
  }
  if (firstError !== undefined) {
    const more = errors > 1 ? ` and ${errors - 1} more line(s)` : '';
    return fail(firstError, `cannot parse this line${more}`);
  }
  return { ok: true, doc: withDefaults(doc, defaults) };
}

/** `value ;comment` loses the comment; a `;` not preceded by whitespace is kept. */
function cutInlineComment(value: string): string {
  const at = value.indexOf(';');
  if (at <= 0 || !/\s/.test(value[at - 1] ?? '')) return value;
  return value.slice(0, at).trimEnd();
}

/** [DEFAULT] is no section of its own; its keys back every section that lacks them. */
function withDefaults(doc: IniDocument, defaults: Map<string, IniEntry>): IniDocument {
  const sections = doc.sections.filter((section) => section.name !== 'DEFAULT');
  for (const section of sections) {
    for (const [key, entry] of defaults) {
      if (!section.entries.has(key)) section.entries.set(key, entry);
    }
  }
  return { sections };
}

function fail(source: SourceLine, message: string): IniResult {
  const why = `${message} (yum 3 refuses the file and stops)`;
  return { ok: false, failure: { path: source.path, line: source.line, message: why } };
}
