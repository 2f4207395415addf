import type { Problem } from '../types.js';

export const MANAGER = 'apk';

/** apk-tools 2.x and 3.x read the same files with different grammars. */
export type ApkMajor = 2 | 3;

/** One repository line as apk adds it, before identity and risks are judged. */
export interface RepoEntry {
  /** Without the leading `@`; null for an untagged repository. */
  tag: string | null;
  /** After variable expansion and with the component appended (apk 3). */
  url: string;
  /** apk 3: how the index is found; apk 2 always fetches `APKINDEX.tar.gz`. */
  type: 'v2' | 'v3' | 'ndx';
}

export function problem(path: string, line: number | null, message: string): Problem {
  return { manager: MANAGER, path, line, message };
}

/** Lines as `apk_istream_get_delim(…, "\n")` hands them out: no trimming, CR kept. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}
