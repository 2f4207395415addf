import type { Problem, RootView } from '../types.js';
import type { Lookup } from './expand.js';
import { expandZypp } from './expand.js';
import { parseZyppIni } from './ini.js';
import type { UrlKey, ZyppSection } from './model.js';
import { problem, readText } from './model.js';
import type { UrlValue } from './url.js';
import { expandUrl } from './url.js';
import type { TriBool } from './values.js';
import { strToTriBool, strToTrue, strtonum } from './values.js';

/** One repo as RepoFileReader builds its RepoInfo; the gpg checks as written (null: unset). */
export interface ZyppRepo {
  alias: string;
  path: string;
  line: number;
  name: string;
  enabled: boolean;
  autorefresh: boolean;
  priority: number;
  urls: Record<UrlKey, UrlValue[]>;
  gpgcheck: TriBool;
  repoGpgcheck: TriBool;
  pkgGpgcheck: TriBool;
  /** `proxy=host[:port]`, which libzypp adds to every baseurl as proxy/proxyport parameters. */
  proxy: string | null;
  service: string | null;
  repoPath: string | null;
  keeppackages: boolean | null;
}

export interface ZyppRepos {
  repos: ZyppRepo[];
  problems: Problem[];
}

/** RepoFileReader: `.repo` or `.repo_N` files, dot files excluded (repositories_in_dir). */
const REPO_FILE = /^[^.].*\.repo(_[0-9]+)?$/;

/**
 * The repos of the repos dir. libzypp keeps the first repo of an alias; it reads the dir in
 * readdir order, which this takes to be name order. A file it cannot parse stops zypper; here
 * the file gives no repos and a problem.
 */
export function readZyppRepos(root: RootView, reposdir: string, lookup: Lookup): ZyppRepos {
  const found: ZyppRepos = { repos: [], problems: [] };
  const byAlias = new Map<string, ZyppRepo>();
  for (const entry of root.list(reposdir)) {
    if (!REPO_FILE.test(entry.name)) continue;
    const path = `${reposdir}/${entry.name}`;
    const text = entry.kind === 'file' ? readText(root, path, found.problems) : undefined;
    if (text === undefined) {
      found.problems.push(problem(path, null, 'not a readable file; zypper stops on it'));
      continue;
    }
    const parsed = parseZyppIni(text);
    if (!parsed.ok) {
      found.problems.push(problem(path, parsed.line, `${parsed.message}; zypper stops on it`));
      continue;
    }
    for (const section of parsed.sections.sort((a, b) => compare(a.name, b.name))) {
      const first = byAlias.get(section.name);
      if (section.name === '') {
        found.problems.push(
          problem(path, section.line, 'repo without an alias (keys before any [alias])'),
        );
      } else if (first !== undefined) {
        const message = `alias '${section.name}' is defined again; ${first.path} wins`;
        found.problems.push(problem(path, section.line, message));
      } else {
        const repo = toRepo(section, path, lookup);
        byAlias.set(repo.alias, repo);
        found.repos.push(repo);
      }
    }
  }
  return found;
}

/** RepoFileReader's keys; `type=` is legacy and ignored (libzypp probes the repo type). */
function toRepo(section: ZyppSection, path: string, lookup: Lookup): ZyppRepo {
  const get = (key: string): string | undefined => section.entries.get(key)?.value;
  const urls = (key: UrlKey): UrlValue[] =>
    (section.urls.get(key) ?? []).map((url) => expandUrl(url, lookup));
  const name = get('name');
  const priority = unsigned(strtonum(get('priority') ?? '0'));
  const keeppackages = get('keeppackages');
  return {
    alias: section.name,
    path,
    line: section.line,
    name: name === undefined || name === '' ? section.name : expandZypp(name, lookup),
    enabled: get('enabled') === undefined ? true : strToTrue(get('enabled') ?? ''),
    autorefresh: strToTrue(get('autorefresh') ?? '0'),
    priority: priority === 0 ? 99 : priority,
    urls: {
      baseurl: urls('baseurl'),
      gpgkey: urls('gpgkey'),
      mirrorlist: urls('mirrorlist'),
      metalink: urls('metalink'),
    },
    gpgcheck: tri(get('gpgcheck'), strToTriBool),
    repoGpgcheck: tri(get('repo_gpgcheck'), strToTrue),
    pkgGpgcheck: tri(get('pkg_gpgcheck'), strToTrue),
    proxy: get('proxy') || null,
    service: get('service') || null,
    repoPath: get('path') ?? null,
    keeppackages: keeppackages === undefined ? null : strToTrue(keeppackages),
  };
}

/** repo_gpgcheck and pkg_gpgcheck are read with strToTrue: any value makes them determinate. */
function tri(value: string | undefined, parse: (value: string) => TriBool): TriBool {
  return value === undefined ? null : parse(value);
}

/** strtonum<unsigned>: a negative number wraps around. */
function unsigned(value: number): number {
  return value < 0 ? (value % 2 ** 32) + 2 ** 32 : value % 2 ** 32;
}

function compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
