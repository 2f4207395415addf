import { TRUNCATED } from '../items.js';
import type { RootView } from '../types.js';
import { expandGlob } from './glob.js';
import { readIni } from './ini.js';
import type { IniEvent } from './ini.js';
import type { PacmanConfig, RepoSection } from './model.js';
import { problem } from './model.js';
import { applyOption } from './options.js';
import { applyRepoDirective } from './repo.js';
import { DEFAULT_GLOBAL, USE_GLOBAL } from './siglevel.js';

/** conf.c `config_max_recursion`: the eleventh nested Include is an error. */
const MAX_INCLUDE_DEPTH = 10;

/** The section being filled; shared with included files, as pacman's `struct section_t` is. */
interface Cursor {
  name: string | null;
  repo: RepoSection | null;
  depth: number;
}

/**
 * Read pacman.conf and every Include the way `parseconfigfile` does. The first error stops
 * pacman, so parsing stops there too and the result is marked failed.
 */
export function parseConfig(root: RootView, path: string): PacmanConfig {
  const config: PacmanConfig = {
    repos: [],
    options: [],
    sigLevel: DEFAULT_GLOBAL,
    localFileSigLevel: USE_GLOBAL,
    remoteFileSigLevel: USE_GLOBAL,
    problems: [],
    failed: false,
  };
  parseFile(root, config, { name: null, repo: null, depth: 0 }, path, null);
  return config;
}

function parseFile(
  root: RootView,
  config: PacmanConfig,
  cursor: Cursor,
  path: string,
  from: { path: string; line: number } | null,
): void {
  const kind = root.kind(path);
  // fopen() of a directory succeeds and its first read fails: pacman reads nothing from it.
  if (kind === 'dir') return;
  const file = kind === 'file' ? root.readFile(path) : undefined;
  if (file === undefined) {
    const where = from ?? { path, line: null };
    fail(config, where.path, where.line, `config file ${path} could not be read`);
    return;
  }

  if (file.truncated) config.problems.push(problem(path, null, TRUNCATED));
  for (const event of readIni(file.bytes)) {
    handleEvent(root, config, cursor, path, event);
    if (config.failed) return;
  }
}

function handleEvent(
  root: RootView,
  config: PacmanConfig,
  cursor: Cursor,
  path: string,
  event: IniEvent,
): void {
  if (event.kind === 'section') {
    openSection(config, cursor, path, event.line, event.name);
    return;
  }

  const { key, value, line } = event;
  if (key === 'Include') {
    if (cursor.repo !== null && value !== null) cursor.repo.includes.push(value);
    include(root, config, cursor, { path, line }, value);
    return;
  }
  if (cursor.name === null) {
    fail(config, path, line, 'all directives must belong to a section');
    return;
  }

  const outcome =
    cursor.repo === null
      ? applyOption(config, { key, value, path, line })
      : applyRepoDirective(cursor.repo, key, value);
  if (outcome === undefined) return;
  if ('error' in outcome) fail(config, path, line, outcome.error);
  else config.problems.push(problem(path, line, `${outcome.warning}; pacman ignores it`));
}

function openSection(
  config: PacmanConfig,
  cursor: Cursor,
  path: string,
  line: number,
  name: string,
): void {
  cursor.name = name;
  if (name === 'options') {
    cursor.repo = null;
    return;
  }
  cursor.repo = {
    name,
    path,
    line,
    servers: [],
    cacheServers: [],
    sigLevel: USE_GLOBAL,
    usage: 0,
    includes: [],
  };
  config.repos.push(cursor.repo);
}

function include(
  root: RootView,
  config: PacmanConfig,
  cursor: Cursor,
  from: { path: string; line: number },
  pattern: string | null,
): void {
  if (pattern === null) {
    fail(config, from.path, from.line, "directive 'Include' needs a value");
    return;
  }
  if (cursor.depth >= MAX_INCLUDE_DEPTH) {
    fail(config, from.path, from.line, `Include nested deeper than ${MAX_INCLUDE_DEPTH} levels`);
    return;
  }
  if (!pattern.startsWith('/')) {
    const message = `relative Include '${pattern}' depends on pacman's working dir; read from /`;
    config.problems.push(problem(from.path, from.line, message));
  }

  const matches = expandGlob(root, pattern);
  if (matches.length === 0) {
    fail(config, from.path, from.line, `config file '${pattern}' could not be read`);
    return;
  }
  cursor.depth += 1;
  for (const match of matches) {
    parseFile(root, config, cursor, match, from);
    if (config.failed) break;
  }
  cursor.depth -= 1;
}

function fail(config: PacmanConfig, path: string, line: number | null, message: string): void {
  config.failed = true;
  config.problems.push(
    problem(path, line, `${message}; pacman refuses to run with this configuration`),
  );
}
