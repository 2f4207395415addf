import type { Problem } from '../types.js';
import type { PacmanConfig, RepoSection } from './model.js';
import { problem, words } from './model.js';
import { describeUsage } from './repo.js';
import { describeSigLevel, mergeSigLevel } from './siglevel.js';
import type { EffectiveSigLevel } from './siglevel.js';

/** A repository libalpm would register, with pacman's defaults and substitutions applied. */
export interface Repo {
  section: RepoSection;
  /** Position among registered repositories: earlier wins for the same package name. */
  order: number;
  servers: string[];
  cacheServers: string[];
  sigLevel: EffectiveSigLevel;
  usage: string[];
}

export interface Registration {
  repos: Repo[];
  problems: Problem[];
  failed: boolean;
}

/**
 * conf.c `setdefaults` then `register_repo`: replace `$repo`/`$arch`, merge SigLevel over
 * [options], and drop the sections libalpm refuses (a repeated name, `local`, an empty name or
 * one with a slash); pacman prints an error for those and goes on without them.
 */
export function registerRepos(config: PacmanConfig): Registration {
  const arch = firstArchitecture(config);
  const problems: Problem[] = [];
  const resolved: Repo[] = [];

  for (const section of config.repos) {
    const urls = [...section.servers, ...section.cacheServers];
    const unresolved = arch === null ? urls.find((url) => url.includes('$arch')) : undefined;
    if (unresolved !== undefined) {
      const refusal = 'pacman refuses to run with this configuration';
      const message = `mirror '${unresolved}' uses $arch but no Architecture is set; ${refusal}`;
      return { repos: [], problems: [problem(section.path, section.line, message)], failed: true };
    }
    resolved.push({
      section,
      order: 0,
      servers: section.servers.map((url) => substitute(url, section.name, arch)),
      cacheServers: section.cacheServers.map((url) => substitute(url, section.name, arch)),
      sigLevel: describeSigLevel(mergeSigLevel(config.sigLevel, section.sigLevel)),
      usage: describeUsage(section.usage),
    });
  }

  const seen = new Set<string>();
  const repos: Repo[] = [];
  for (const repo of resolved) {
    const refusal = refusalOf(repo.section.name, seen);
    if (refusal !== undefined) {
      problems.push(problem(repo.section.path, repo.section.line, refusal));
      continue;
    }
    seen.add(repo.section.name);
    repos.push({ ...repo, order: repos.length });
  }
  return { repos, problems, failed: false };
}

function refusalOf(name: string, seen: ReadonlySet<string>): string | undefined {
  const ignored = 'libalpm does not register it and pacman ignores the section';
  if (name === '' || name.includes('/')) return `invalid repository name '${name}': ${ignored}`;
  if (name === 'local') return `the repository name 'local' is reserved: ${ignored}`;
  if (seen.has(name)) return `repository '${name}' is defined again: ${ignored}`;
  return undefined;
}

/**
 * The first Architecture value; 'auto' means the machine pacman runs on, which an image does
 * not tell, so `$arch` stays as written then.
 */
function firstArchitecture(config: PacmanConfig): string | null {
  const line = config.options.find((option) => option.key === 'Architecture');
  return line?.value === null || line === undefined ? null : (words(line.value)[0] ?? null);
}

/** replace_server_vars(): every `$arch` first, then every `$repo`. */
function substitute(url: string, repo: string, arch: string | null): string {
  const withArch = arch === null || arch === 'auto' ? url : url.replaceAll('$arch', arch);
  return withArch.replaceAll('$repo', repo);
}
