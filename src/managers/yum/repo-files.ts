import { normalizePath } from '../../replay/path.js';
import type { Problem, RootView } from '../types.js';
import type { Stack } from './model.js';
import { problem } from './model.js';
import { compareBytes } from '../../replay/path.js';
import { hasExtension } from './dir-list.js';

export interface RepoFiles {
  paths: string[];
  problems: Problem[];
}

/**
 * The `.repo` files of the repo dirs, in the order the stack reads them (the order decides
 * which of two repos with one id wins):
 * - dnf 4 globs `dir/*.repo` (no dot files) in every dir, then sorts all paths together by
 *   their components with `.repo` cut off (dnf/conf/read.py), so `a.repo` precedes `a-b.repo`;
 * - dnf 5 takes each dir in turn, its regular `*.repo` files (dot files too) by name;
 * - yum 3 takes each dir in turn, `sorted(glob('dir/*.repo'))`.
 */
export function listRepoFiles(root: RootView, stack: Stack, dirs: readonly string[]): RepoFiles {
  const problems: Problem[] = [];
  const perDir = dirs.map((dir) => {
    const found: string[] = [];
    const base = normalizePath(dir);
    for (const entry of root.list(base)) {
      if (!entry.name.endsWith('.repo') || !globbed(stack, entry.name)) continue;
      const path = base === '/' ? `/${entry.name}` : `${base}/${entry.name}`;
      if (entry.kind === 'file') found.push(path);
      else if (entry.kind === 'missing')
        problems.push(problem(path, null, 'dangling symlink; not read'));
    }
    return found.sort(compareBytes);
  });

  const paths = perDir.flat();
  if (stack === 'dnf4') paths.sort(compareDnf4);
  return { paths, problems };
}

/** Python's glob skips names starting with a dot; dnf 5 only needs a `.repo` extension. */
function globbed(stack: Stack, name: string): boolean {
  if (stack === 'dnf5') return hasExtension(name, '.repo');
  return !name.startsWith('.');
}

/** `sort(key=lambda x: dnf.util.split_path(x[:-5]))`: compare path components, code points. */
function compareDnf4(a: string, b: string): number {
  const left = a.slice(0, -'.repo'.length).split('/');
  const right = b.slice(0, -'.repo'.length).split('/');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const order = compareBytes(left[index] ?? '', right[index] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
