import type { Problem, RootView } from '../types.js';
import type { Layer } from './layers.js';
import { RepoRejected } from './layers.js';
import type { MainConfig } from './main-config.js';
import type { IniDocument, IniSection, Vars } from './model.js';
import { problem } from './model.js';
import type { Overrides } from './overrides.js';
import { overridesFor } from './overrides.js';
import { readIni } from './read-ini.js';
import type { RepoConfig } from './repo-config.js';
import { resolveRepo } from './repo-config.js';
import type { Layout } from './stack.js';
import { substituteLibdnf } from './substitute.js';

export interface ReadRepos {
  repos: RepoConfig[];
  problems: Problem[];
}

/** Repo types libdnf accepts (Repo::verify); any other makes dnf skip the repo. */
const RPM_TYPES = ['', 'rpm-md', 'rpm', 'repomd', 'rpmmd', 'yum', 'YUM'];

/**
 * Every repo the stack would define, in the order it reads them: the main file's repo sections
 * first, then the repo files. The first repo of an id wins; later ones are problems. A file
 * the parser refuses gives no repos (dnf 4 skips it; yum 3 and dnf 5 would stop, see problems).
 */
export function readRepos(
  root: RootView,
  layout: Layout,
  main: MainConfig,
  files: readonly string[],
  vars: Vars,
  overrides: Overrides,
): ReadRepos {
  const found: ReadRepos = { repos: [], problems: [] };
  const byId = new Map<string, RepoConfig>();
  const mainLayer: Layer = { origin: 'main', entries: main.entries, substitute: false };

  for (const path of [layout.mainFile, ...files]) {
    const doc = repoDocument(root, layout, main, path, vars, found.problems);
    for (const section of doc?.sections ?? []) {
      if (section.name === 'main' || (layout.stack === 'yum3' && section.name === 'installed')) {
        continue;
      }
      const repo = buildRepo(layout, section, vars, byId, [
        ...overridesFor(overrides, repoId(layout, section, vars)),
        { origin: 'repo', entries: section.entries, substitute: true },
        mainLayer,
      ]);
      found.problems.push(...repo.problems);
      if (repo.config === undefined) continue;
      byId.set(repo.config.id, repo.config);
      found.repos.push(repo.config);
    }
  }
  return found;
}

/** The main file as parsed for [main], except that yum 3 reads it again with all variables. */
function repoDocument(
  root: RootView,
  layout: Layout,
  main: MainConfig,
  path: string,
  vars: Vars,
  problems: Problem[],
): IniDocument | undefined {
  if (path === layout.mainFile && layout.stack !== 'yum3') return main.doc;
  const read = readIni(root, layout.stack, path, vars);
  if (path !== layout.mainFile) problems.push(...read.problems);
  return read.doc;
}

function repoId(layout: Layout, section: IniSection, vars: Vars): string {
  return layout.stack === 'yum3' ? section.name : substituteLibdnf(section.name, vars);
}

interface Built {
  config: RepoConfig | undefined;
  problems: Problem[];
}

function buildRepo(
  layout: Layout,
  section: IniSection,
  vars: Vars,
  byId: ReadonlyMap<string, RepoConfig>,
  layers: Layer[],
): Built {
  const id = repoId(layout, section, vars);
  const skip = (message: string, earlier: Problem[] = []): Built => ({
    config: undefined,
    problems: [...earlier, problem(section.path, section.line, message)],
  });
  const bad = /[^A-Za-z0-9\-_.:]/.exec(id);
  if (bad !== null) return skip(`bad repo id '${id}' (character '${bad[0]}'); repo skipped`);
  const first = byId.get(id);
  if (first !== undefined) return skip(`repo '${id}' is listed more than once; ${first.path} wins`);

  const identity = { id, section: section.name, path: section.path, line: section.line };
  let config: RepoConfig;
  try {
    config = resolveRepo(layout.stack, identity, layers, vars);
  } catch (error) {
    if (!(error instanceof RepoRejected)) throw error;
    const message = `${error.problem.message}; yum 3 skips repo '${id}'`;
    return { config: undefined, problems: [{ ...error.problem, message }] };
  }
  const type = config.type ?? '';
  if (layout.stack !== 'yum3' && !RPM_TYPES.includes(type)) {
    return skip(`unsupported repo type '${type}'; repo skipped`, config.problems);
  }
  return { config, problems: config.problems };
}
