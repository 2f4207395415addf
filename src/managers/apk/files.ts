import { compareBytes } from '../../replay/path.js';
import type { DirEntry, RootView } from '../types.js';
import type { ApkMajor } from './model.js';
import { join } from './model.js';

export const REPOSITORIES = '/etc/apk/repositories';

/**
 * The repository files in the order apk reads them.
 * apk 2: /etc/apk/repositories, then every `*.list` of /etc/apk/repositories.d.
 * apk 3: /etc/apk/repositories, then the `*.list` files of /etc/apk/repositories.d and
 * /lib/apk/repositories.d merged by name, where a name seen in /etc hides the one in /lib;
 * hidden files are skipped. A `repositories-file` option replaces all of them.
 */
export function repositoryFiles(
  root: RootView,
  major: ApkMajor,
  replacement: string | null,
): string[] {
  const readable = (path: string): boolean => root.kind(path) === 'file';
  if (major === 3 && replacement !== null) return [replacement].filter(readable);
  const dirs =
    major === 2
      ? ['/etc/apk/repositories.d']
      : ['/etc/apk/repositories.d', '/lib/apk/repositories.d'];
  const accept = major === 2 ? (name: string) => name.endsWith('.list') : isVisibleList;
  return [REPOSITORIES, ...configFiles(root, dirs, accept)].filter(readable);
}

/**
 * apk_dir_foreach_config_file(): names from several directories merged and sorted, the first
 * directory holding a name wins even when that entry cannot be read.
 */
export function configFiles(
  root: RootView,
  dirs: readonly string[],
  accept: (name: string) => boolean,
): string[] {
  const owner = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of root.list(dir).filter((item: DirEntry) => accept(item.name))) {
      if (!owner.has(entry.name)) owner.set(entry.name, dir);
    }
  }
  return [...owner.entries()]
    .sort(([a], [b]) => compareBytes(a, b))
    .map(([name, dir]) => join(dir, name));
}

/** apk 3 `file_not_dot_list`: not hidden, and the last extension is `.list`. */
function isVisibleList(name: string): boolean {
  return !name.startsWith('.') && name.endsWith('.list');
}

export function isVisible(name: string): boolean {
  return !name.startsWith('.');
}
