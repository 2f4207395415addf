import type { KeepFilter } from '../layers/ops.js';
import { isWithin } from '../replay/path.js';

/**
 * Build the walk filter from the managers' watch lists: `/etc/apt/` keeps everything below it,
 * `/etc/yum.conf` keeps that file. Ancestors of watched paths keep their entries too, so a
 * directory replaced by a file (or a symlink) on the way is seen.
 */
export function createKeepFilter(watch: Iterable<string>): KeepFilter {
  const roots = [...new Set(watch)].sort();
  const dirs = roots.filter((root) => root.endsWith('/')).map((root) => root.slice(0, -1) || '/');
  const files = new Set(roots.filter((root) => !root.endsWith('/')));

  const keepsFile = (path: string): boolean => files.has(path) || dirs.some((dir) => isWithin(path, dir));
  return {
    key: roots.join('\n'),
    keepsFile,
    keepsEntry: (path) => keepsFile(path) || roots.some((root) => isWithin(root, path)),
  };
}
