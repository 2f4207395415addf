import type { Problem, RootView } from '../types.js';
import { parseLibdnfIni } from './ini-libdnf.js';
import { parseYum3Ini } from './ini-yum3.js';
import { preprocessYum3 } from './include-yum3.js';
import type { IniDocument, IniEntry, IniFailure, Stack, Vars } from './model.js';
import { problem, sectionOf } from './model.js';
import { substituteYum3 } from './substitute.js';

export interface ReadIni {
  /** undefined when the file is absent or the stack refuses it (see problems). */
  doc: IniDocument | undefined;
  problems: Problem[];
}

/**
 * Read one configuration file in the stack's own dialect. yum 3 replaces `$vars` on each line
 * before parsing, so it needs the variables here; libdnf substitutes values later.
 */
export function readIni(root: RootView, stack: Stack, path: string, vars: Vars): ReadIni {
  const file = root.readFile(path);
  if (file === undefined) return { doc: undefined, problems: [] };
  const problems: Problem[] = [];
  if (file.truncated)
    problems.push(problem(path, null, 'larger than the read cap; only its start was read'));

  if (stack !== 'yum3') {
    const result = parseLibdnfIni(file.text, path);
    return result.ok
      ? { doc: canonical(stack, result.doc), problems }
      : refused(problems, result.failure);
  }

  const lines = preprocessYum3(root, path, vars);
  problems.push(...lines.problems);
  if (!lines.ok) return refused(problems, lines.failure);
  const result = parseYum3Ini(lines.lines);
  if (!result.ok) return refused(problems, result.failure);
  attachRawValues(result.doc, root, path, vars);
  return { doc: result.doc, problems };
}

/**
 * yum 3 replaces `$vars` in whole lines before parsing; a second reading without variables
 * gives each value as written, matched by section (with its name substituted) and key.
 */
function attachRawValues(doc: IniDocument, root: RootView, path: string, vars: Vars): void {
  const unexpanded = preprocessYum3(root, path, new Map());
  const raw = unexpanded.ok ? parseYum3Ini(unexpanded.lines) : undefined;
  if (raw === undefined || !raw.ok) return;
  for (const rawSection of raw.doc.sections) {
    const section = sectionOf(doc, substituteYum3(rawSection.name, vars));
    for (const [key, entry] of rawSection.entries) {
      const expanded = section?.entries.get(key);
      if (expanded !== undefined && expanded.line === entry.line) expanded.raw = entry.value;
    }
  }
}

function refused(problems: Problem[], failure: IniFailure): ReadIni {
  return {
    doc: undefined,
    problems: [...problems, problem(failure.path, failure.line, failure.message)],
  };
}

/** dnf 5 renamed gpgcheck to pkg_gpgcheck and reads the old name as an alias of the new. */
const DNF5_ALIASES: ReadonlyMap<string, string> = new Map([['gpgcheck', 'pkg_gpgcheck']]);

function canonical(stack: Stack, doc: IniDocument): IniDocument {
  if (stack !== 'dnf5') return doc;
  for (const section of doc.sections) {
    const entries = new Map<string, IniEntry>();
    for (const [key, entry] of section.entries) entries.set(DNF5_ALIASES.get(key) ?? key, entry);
    section.entries = entries;
  }
  return doc;
}
