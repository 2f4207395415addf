import type { RepoEntry } from './model.js';

/** apk 2's repository separators (apk_spn_repo_separators): space, tab and colon. */
const SEPARATOR = /[ \t:]/;

/**
 * apk-tools 2 `apk_db_add_repository`: `#` only in the first column, an optional `@tag` ended by
 * a separator, then the rest of the line is the URL, trailing blanks and CR included.
 */
export function parseV2Line(line: string): RepoEntry | null {
  if (line === '' || line.startsWith('#')) return null;
  if (!line.startsWith('@')) return { tag: null, url: line, type: 'v2' };

  const end = line.search(SEPARATOR);
  const tag = end < 0 ? line : line.slice(0, end);
  const url = end < 0 ? '' : line.slice(end).replace(/^[ \t:]+/, '');
  return { tag: tag.slice(1), url, type: 'v2' };
}

/** Lines apk 2 accepts but that cannot be what the author meant. */
export function v2Warning(entry: RepoEntry): string | undefined {
  if (entry.url === '') return 'a tag without URL: apk 2 adds a repository with an empty URL';
  if (/[ \t\r]/.test(entry.url)) {
    return `apk 2 takes the rest of the line as the URL, blanks and CR included: '${entry.url}'`;
  }
  return undefined;
}
