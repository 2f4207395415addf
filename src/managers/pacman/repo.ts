import type { RepoSection } from './model.js';
import { words } from './model.js';
import { applySigLevel } from './siglevel.js';

const USAGE_ALL = 15;
const USAGE_BITS: Record<string, number> = {
  Sync: 1,
  Search: 2,
  Install: 4,
  Upgrade: 8,
  All: USAGE_ALL,
};

type Outcome = { error: string } | { warning: string } | undefined;

/** conf.c `_parse_repo`: Server, CacheServer, SigLevel and Usage; the rest is warned about. */
export function applyRepoDirective(repo: RepoSection, key: string, value: string | null): Outcome {
  const known = key === 'Server' || key === 'CacheServer' || key === 'SigLevel' || key === 'Usage';
  if (!known) return { warning: `directive '${key}' in section '${repo.name}' not recognized` };
  if (value === null) return { error: `directive '${key}' needs a value` };

  if (key === 'Server') repo.servers.push(value);
  if (key === 'CacheServer') repo.cacheServers.push(value);
  if (key === 'SigLevel') {
    const result = applySigLevel(words(value), repo.sigLevel);
    if (!result.ok) return { error: `invalid value for 'SigLevel' : '${result.token}'` };
    repo.sigLevel = result.state;
  }
  if (key === 'Usage') {
    for (const word of words(value)) {
      const bits = USAGE_BITS[word];
      if (bits === undefined) return { error: `'Usage' option '${word}' not recognized` };
      repo.usage |= bits;
    }
  }
  return undefined;
}

/** pacman-conf's spelling of a usage value: All, or the parts in a fixed order. */
export function describeUsage(usage: number): string[] {
  const effective = usage === 0 ? USAGE_ALL : usage;
  if (effective === USAGE_ALL) return ['All'];
  return ['Sync', 'Search', 'Install', 'Upgrade'].filter(
    (name) => effective & (USAGE_BITS[name] ?? 0),
  );
}
