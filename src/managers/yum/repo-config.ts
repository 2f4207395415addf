import type { Problem } from '../types.js';
import type { Layer, Resolved } from './layers.js';
import { Resolver } from './layers.js';
import type { Stack, Vars } from './model.js';
import { asBaseurl, parseBool, parseInteger, splitList } from './values.js';
import { parseYum3Proxy, parseYum3Url, parseYum3UrlList } from './values-yum3.js';

/** A URL option: what libdnf uses (variables replaced) and what the file says. */
export interface UrlValue {
  value: string;
  raw: string;
}

/** One repo with every option at its effective value, as the stack would use it. */
export interface RepoConfig {
  id: string;
  section: string;
  path: string;
  line: number;
  stack: Stack;
  name: string;
  baseurl: UrlValue[];
  mirrorlist: UrlValue | null;
  metalink: UrlValue | null;
  gpgkey: UrlValue[];
  enabled: Resolved<boolean>;
  /** gpgcheck (pkg_gpgcheck in dnf 5). */
  gpgcheck: Resolved<boolean>;
  repoGpgcheck: Resolved<boolean>;
  sslverify: Resolved<boolean>;
  proxy: Resolved<string | null>;
  priority: number | null;
  type: string | null;
  sslcacert: Resolved<string | null>;
  moduleHotfixes: boolean;
  /** Options that hold credentials (names only; the values never leave the parser). */
  credentials: string[];
  /** Override files (dnf 5) that changed this repo. */
  overrides: string[];
  problems: Problem[];
}

export interface RepoIdentity {
  id: string;
  section: string;
  path: string;
  line: number;
}

const CREDENTIAL_KEYS = ['username', 'password', 'proxy_username', 'proxy_password'];

/**
 * Resolve a repo section against [main] (the options a repo inherits) and, for dnf 5, the
 * overrides that match it. Throws InvalidValue for yum 3, which drops a repo with a bad value.
 */
export function resolveRepo(
  stack: Stack,
  repo: RepoIdentity,
  layers: Layer[],
  vars: Vars,
): RepoConfig {
  const get = new Resolver(stack, vars, layers);
  const text = (value: string): string | null => (value === '' ? null : value);
  const bool = (value: string): boolean => parseBool(stack, value);
  const urls = (key: string, baseurl: boolean): UrlValue[] =>
    urlList(
      get.get(key, false, (value) => splitUrls(stack, value), []),
      stack,
      baseurl,
    );

  const gpgcheckKey = stack === 'dnf5' ? 'pkg_gpgcheck' : 'gpgcheck';
  const noPriority = stack === 'yum3' ? null : 99;
  const config: RepoConfig = {
    ...repo,
    stack,
    name: get.get('name', false, (value) => value, repo.id).value,
    baseurl: urls('baseurl', true),
    mirrorlist: single(get.get('mirrorlist', false, (value) => urlOption(stack, value), null)),
    metalink: single(get.get('metalink', false, (value) => urlOption(stack, value), null)),
    gpgkey: urls('gpgkey', false),
    enabled: get.get('enabled', true, bool, true),
    gpgcheck: get.get(gpgcheckKey, true, bool, false),
    repoGpgcheck: get.get('repo_gpgcheck', true, bool, false),
    sslverify: get.get('sslverify', true, bool, true),
    proxy: get.get('proxy', true, (value) => proxyOption(stack, value), null),
    priority: get.get('priority', false, (value) => priorityOption(stack, value), noPriority).value,
    type: get.get('type', false, text, null).value,
    sslcacert: get.get('sslcacert', true, text, null),
    moduleHotfixes: stack !== 'yum3' && get.get('module_hotfixes', false, bool, false).value,
    credentials: CREDENTIAL_KEYS.filter((key) => get.get(key, true, text, null).value !== null),
    overrides: layers
      .filter((layer) => !['repo', 'main'].includes(layer.origin))
      .map((layer) => layer.origin),
    problems: get.problems,
  };
  return config;
}

/** A list of URLs; libdnf keeps empty items (they fetch nothing), yum 3 checks every scheme. */
function splitUrls(stack: Stack, value: string): string[] {
  return stack === 'yum3' ? parseYum3UrlList(value) : splitList(stack, value);
}

/** Pair each URL with the item as written, when both lists split alike. */
function urlList(resolved: Resolved<string[]>, stack: Stack, baseurl: boolean): UrlValue[] {
  const raws = resolved.raw === undefined ? [] : splitList(stack, resolved.raw);
  return resolved.value.map((value, index) => ({
    value: baseurl ? asBaseurl(stack, value) : value,
    raw: raws.length === resolved.value.length ? (raws[index] ?? value) : value,
  }));
}

function single(resolved: Resolved<string | null>): UrlValue | null {
  if (resolved.value === null) return null;
  return { value: resolved.value, raw: resolved.raw ?? resolved.value };
}

/**
 * libdnf's number option (default 99). yum 3 itself has no priority: the priorities plugin reads
 * it, so a value that is no number does not cost the repo; it stays unknown (null).
 */
function priorityOption(stack: Stack, value: string): number | null {
  if (stack !== 'yum3') return parseInteger(stack, value);
  return /^\s*[+-]?[0-9]+\s*$/.test(value) ? Number.parseInt(value, 10) : null;
}

/** libdnf keeps the string as it is (empty means unset); yum 3 checks the URL scheme. */
function urlOption(stack: Stack, value: string): string | null {
  if (stack === 'yum3') return parseYum3Url(value);
  return value === '' ? null : value;
}

/** An empty value or `_none_` means no proxy, also against a proxy set in [main]. */
function proxyOption(stack: Stack, value: string): string | null {
  if (stack === 'yum3') return parseYum3Proxy(value);
  return value === '' || value === '_none_' ? null : value;
}
