import type { Problem, RootView } from '../types.js';
import type { ApkConfig } from './config.js';
import type { ApkMajor, RepoEntry } from './model.js';
import { TRUNCATED } from '../items.js';
import { problem, splitLines } from './model.js';
import { parseV2Line, v2Warning } from './repo-v2.js';
import { V3Parser } from './repo-v3.js';

/** APK_MAX_REPOS is 32; apk 2 keeps slot 0 for its cache. */
const MAX_REPOS: Record<ApkMajor, number> = { 2: 31, 3: 32 };

/** A repository apk adds, with where it was defined. */
export interface Defined extends RepoEntry {
  path: string;
  line: number;
}

export interface Collected {
  repos: Defined[];
  problems: Problem[];
}

interface Context {
  major: ApkMajor;
  parser: V3Parser;
  repos: Defined[];
  problems: Problem[];
}

/**
 * Every repository in the order apk adds it: config `repository`/`repository-config` lines
 * first (apk 3), then the files. A URL already added only gains the new tag, so it is not
 * added again; after 32 repositories apk stops reading the file. In apk 3 a bad line ends the
 * file too, while the lines before it stay in effect.
 */
export function collectRepositories(
  root: RootView,
  major: ApkMajor,
  files: readonly string[],
  config: ApkConfig | undefined,
  arch: string | null,
): Collected {
  const context: Context = { major, parser: new V3Parser(), repos: [], problems: [] };
  // apk always knows its architecture; when the image does not say, the URL keeps the name.
  context.parser.define('APK_ARCH', arch ?? '${APK_ARCH}');

  if (major === 3 && config !== undefined) readConfigLines(context, config);
  for (const path of files) {
    const file = root.readFile(path);
    if (file === undefined) continue;
    if (file.truncated) context.problems.push(problem(path, null, TRUNCATED));
    splitLines(file.text).every((text, index) =>
      readLine(context, { path, line: index + 1, inFile: true }, text, true),
    );
  }
  return { repos: context.repos, problems: context.problems };
}

function readConfigLines(context: Context, config: ApkConfig): void {
  for (const option of config.options) {
    if (typeof option.value !== 'string') continue;
    // Each option value is parsed on its own: a bad one does not stop the others.
    const at = { path: config.path, line: option.line, inFile: false };
    if (option.name === 'repository') readLine(context, at, option.value, false);
    if (option.name === 'repository-config') readLine(context, at, option.value, true);
  }
}

interface At {
  path: string;
  line: number;
  /** A line of a repositories file rather than an option value of /etc/apk/config. */
  inFile: boolean;
}

/** Read one line; false when apk stops reading the rest of the file. */
function readLine(context: Context, at: At, text: string, keywords: boolean): boolean {
  const { path, line } = at;
  const note = (message: string): void => {
    context.problems.push(problem(path, line, message));
  };

  if (context.major === 2) {
    const entry = parseV2Line(text);
    if (entry === null) return true;
    const warning = v2Warning(entry);
    if (warning !== undefined) note(warning);
    return add(context, { ...entry, path, line }, note);
  }

  const parsed = context.parser.parse(text, keywords);
  if (parsed.kind === 'error') {
    note(at.inFile ? `${parsed.message}; apk 3 ignores the rest of this file` : parsed.message);
    return false;
  }
  if (parsed.kind !== 'repos') return true;
  const comment = parsed.repos.find((repo) => /\/#[^/]*$/.test(repo.url));
  if (comment !== undefined) note(`'#' is not a comment after a URL: apk 3 adds ${comment.url}`);
  return parsed.repos.every((repo) => add(context, { ...repo, path, line }, note));
}

function add(context: Context, repo: Defined, note: (message: string) => void): boolean {
  const known = context.repos.filter((other) => other.url === repo.url && other.type === repo.type);
  if (known.length > 0) {
    // apk keeps one repository per URL; a later line only adds its tag to it.
    if (!known.some((other) => other.tag === repo.tag)) context.repos.push(repo);
    return true;
  }
  const limit = MAX_REPOS[context.major];
  if (new Set(context.repos.map((other) => `${other.type} ${other.url}`)).size >= limit) {
    note(`more than ${limit} repositories: apk stops reading this file here`);
    return false;
  }
  context.repos.push(repo);
  return true;
}
