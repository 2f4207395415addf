import type { KeepFilter } from '../layers/ops.js';
import type { PackageManager } from '../managers/types.js';
import { isWithin } from '../replay/path.js';

/**
 * Build the walk filter from the managers' watch lists: `/etc/apt/` keeps everything below it,
 * `/etc/yum.conf` keeps that file. Ancestors of watched paths keep their entries too, so a
 * directory replaced by a file (or a symlink) on the way is seen.
 */
export function createKeepFilter(watch: Iterable<string>, probes: Iterable<string> = []): ViewFilter {
  const roots = [...new Set(watch)].sort();
  const probed = new Set([...probes].filter((path) => !roots.includes(path)));
  const dirs = roots.filter((root) => root.endsWith('/')).map((root) => root.slice(0, -1) || '/');
  const files = new Set(roots.filter((root) => !root.endsWith('/')));

  const keepsFile = (path: string): boolean => files.has(path) || dirs.some((dir) => isWithin(path, dir));
  const ancestors = [...roots, ...probed];
  return {
    key: [...roots, ...[...probed].sort().map((path) => `?${path}`)].join('\n'),
    keepsFile,
    keepsEntry: (path) => keepsFile(path) || probed.has(path) || ancestors.some((root) => isWithin(root, path)),
    knows: (path) => keepsFile(path) || probed.has(path),
  };
}

/** The filter the walk used, as the root view asks it: was this path recorded? */
export interface ViewFilter extends KeepFilter {
  /** True for kept files and for probed paths, whose kind was recorded without their bytes. */
  knows(path: string): boolean;
}

/** The filter for what these managers read and probe. */
export function filterFor(managers: readonly PackageManager[], extra: Iterable<string> = []): ViewFilter {
  return createKeepFilter(
    [...managers.flatMap((manager) => manager.watch), ...extra],
    managers.flatMap((manager) => manager.probe ?? []),
  );
}
