import type { Problem, RootView } from '../types.js';
import type { IniDocument, IniEntry, Vars } from './model.js';
import { problem, sectionOf } from './model.js';
import { sortedFileList } from './dir-list.js';
import { readIni } from './read-ini.js';
import type { Layout } from './stack.js';

export interface MainConfig {
  /** [main] as it takes effect: dnf 5 drop-ins first, the main file last (later wins). */
  entries: Map<string, IniEntry>;
  /** The main file itself, whose other sections are repos (dnf reads them before reposdir). */
  doc: IniDocument | undefined;
  /** Files that set [main], in the order they were applied. */
  files: string[];
  problems: Problem[];
}

/**
 * Read [main]. Its values are taken as written: dnf 4 substitutes no variables there (the var
 * dirs are only known after [main] is read); yum 3 replaces only `$YUM0`–`$YUM9` from the
 * environment, given here as `envVars`.
 */
export function readMainConfig(root: RootView, layout: Layout, envVars: Vars): MainConfig {
  const config: MainConfig = { entries: new Map(), doc: undefined, files: [], problems: [] };
  for (const path of [...sortedFileList(root, layout.mainDropinDirs, '.conf'), layout.mainFile]) {
    const read = readIni(root, layout.stack, path, envVars);
    config.problems.push(...read.problems);
    if (path === layout.mainFile) config.doc = read.doc;
    if (read.doc === undefined) {
      if (read.problems.length > 0) config.problems.push(refusal(layout, path));
      continue;
    }
    config.files.push(path);
    for (const [key, entry] of sectionOf(read.doc, 'main')?.entries ?? [])
      config.entries.set(key, entry);
  }
  return config;
}

function refusal(layout: Layout, path: string): Problem {
  const who = layout.stack === 'yum3' ? 'yum' : layout.stack === 'dnf5' ? 'dnf5' : 'dnf';
  return problem(
    path,
    null,
    `${who} refuses to start with this file; its settings are not applied`,
  );
}
