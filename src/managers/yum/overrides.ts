import type { Problem, RootView } from '../types.js';
import type { Layer } from './layers.js';
import type { Vars } from './model.js';
import { readIni } from './read-ini.js';
import { sortedFileList } from './dir-list.js';
import { substituteLibdnf } from './substitute.js';

export interface Overrides {
  /** Override layers, most important (read last) first, each with the id pattern it targets. */
  layers: { pattern: RegExp; layer: Layer }[];
  problems: Problem[];
}

/**
 * dnf 5 repo overrides (RepoSack::load_repos_configuration_overrides): `*.repo` files of
 * /etc/dnf/repos.override.d and /usr/share/dnf5/repos.override.d, one per name, by name. Each
 * section name is a glob over repo ids (`[*]` is every repo); its options replace the repo's.
 * They change existing repos only, never create one. See package-sources.md §3.4.
 */
export function readOverrides(root: RootView, dirs: readonly string[], vars: Vars): Overrides {
  const overrides: Overrides = { layers: [], problems: [] };
  for (const path of sortedFileList(root, dirs, '.repo')) {
    const read = readIni(root, 'dnf5', path, vars);
    overrides.problems.push(...read.problems);
    for (const section of read.doc?.sections ?? []) {
      const pattern = globToRegExp(substituteLibdnf(section.name, vars));
      overrides.layers.unshift({
        pattern,
        layer: { origin: path, entries: section.entries, substitute: true },
      });
    }
  }
  return overrides;
}

/** The override layers that apply to one repo id, most important first. */
export function overridesFor(overrides: Overrides, id: string): Layer[] {
  return overrides.layers.filter(({ pattern }) => pattern.test(id)).map(({ layer }) => layer);
}

/** fnmatch(3) without flags: `*`, `?`, `[…]` (with `!` or `^` to negate), `\` escapes. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] ?? '';
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '\\' && index + 1 < glob.length) source += escape(glob[++index] ?? '');
    else if (char === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      const body = glob.slice(index + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      const set = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      source += `[${negated ? '^' : ''}${set}]`;
      index = close;
    } else source += escape(char);
  }
  return new RegExp(`^${source}$`, 's');
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
