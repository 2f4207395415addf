import type { Problem, RootView } from '../types.js';

export const MANAGER = 'zypper';

/** One `key=value` line of a libzypp INI file (the last one wins for a repeated key). */
export interface ZyppEntry {
  value: string;
  line: number;
}

/** One `[alias]` section: plain entries, and the URL lists libzypp collects line by line. */
export interface ZyppSection {
  name: string;
  line: number;
  entries: Map<string, ZyppEntry>;
  /** baseurl, gpgkey, mirrorlist, metalink: every value and continuation line, in order. */
  urls: Map<UrlKey, string[]>;
}

export type UrlKey = 'baseurl' | 'gpgkey' | 'mirrorlist' | 'metalink';

export const URL_KEYS: readonly UrlKey[] = ['baseurl', 'gpgkey', 'mirrorlist', 'metalink'];

export type ZyppIni =
  { ok: true; sections: ZyppSection[] } | { ok: false; line: number; message: string };

export function problem(path: string, line: number | null, message: string): Problem {
  return { manager: MANAGER, path, line, message };
}

/** The text of a configuration file; a file cut at the read cap is noted as a problem. */
export function readText(root: RootView, path: string, problems: Problem[]): string | undefined {
  const file = root.readFile(path);
  if (file?.truncated === true) {
    problems.push(problem(path, null, 'larger than the read cap; only its start was read'));
  }
  return file?.text;
}
