import type { Problem, RootView } from '../types.js';
import { parseDeb822File } from './deb822.js';
import type { ParsedSourcesFile, SourceEntry } from './entry.js';
import { extensionOf, listConfigParts } from './files.js';
import { parseOneLineFile } from './one-line.js';
import { type GlobalDefaults, ReleaseChecks } from './release-checks.js';

/** The sources files apt reads, in its order, and the entries it keeps from each (ReadMainList). */

export interface SourcePaths {
  /** Dir::Etc::SourceList, always one-line. */
  sourceList: string;
  /** Dir::Etc::SourceParts: `*.list` one-line, `*.sources` deb822. */
  sourceParts: string;
}

export interface SourceFile {
  path: string;
  entries: SourceEntry[];
}

export interface ReadOptions {
  defaults: GlobalDefaults;
  /** Substitute `$(ARCH)` with this architecture; left as written when absent. */
  arch?: string;
}

export function readSourceFiles(root: RootView, paths: SourcePaths, options: ReadOptions): {
  files: SourceFile[];
  problems: Problem[];
} {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  const checks = new ReleaseChecks(options.defaults);

  const candidates = root.kind(paths.sourceList) === 'file' ? [paths.sourceList] : [];
  candidates.push(...listConfigParts(root, paths.sourceParts, ['list', 'sources']).files);

  for (const path of candidates) {
    const file = root.readFile(path);
    if (file === undefined) continue;
    if (file.truncated) {
      problems.push(problem(path, null, 'file is larger than the read cap; only its start was read'));
    }

    const parsed = parseSources(path, file.text, options.arch);
    const failure = parsed.problem ?? checks.checkFile(parsed.entries);
    if (failure !== null) {
      problems.push(problem(path, failure.line, `${failure.message}; apt refuses this file`));
      continue;
    }
    files.push({ path, entries: parsed.entries });
  }
  return { files, problems };
}

/** ReadAppend: the format follows the extension alone; sources.list itself is one-line. */
function parseSources(path: string, text: string, arch: string | undefined): ParsedSourcesFile {
  return extensionOf(path) === 'sources' ? parseDeb822File(text, arch) : parseOneLineFile(text, arch);
}

export function problem(path: string, line: number | null, message: string): Problem {
  return { manager: 'apt', path, line, message };
}
