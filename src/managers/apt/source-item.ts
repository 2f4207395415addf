import { createHash } from 'node:crypto';

import { describeKeyMaterial } from '../keys/key.js';
import type { JsonValue, Key, Problem, RootView, Source } from '../types.js';
import { redactUri } from '../uri.js';
import type { SourceEntry } from './entry.js';
import { mirrorListPath, readMirrorList } from './mirror-list.js';
import { optionsToJson, splitSignedBy } from './options.js';
import { problem } from './source-files.js';
import { judgeSource } from './source-risks.js';

/** One Source per one-line entry or deb822 stanza, plus what it points at. */
export interface BuiltSource {
  source: Source;
  /** Keyring files named by Signed-By. */
  keyPaths: string[];
  /** A key given inline in Signed-By, as its own scoped Key item. */
  inlineKey: Key | null;
  problems: Problem[];
}

export function buildSource(root: RootView, path: string, entry: SourceEntry): BuiltSource {
  const uris = entry.uris.map(redactUri);
  const mirrors = readMirrors(root, path, entry);
  const inlineKey = entry.inlineKey === null ? null : buildInlineKey(path, entry.inlineKey);
  const signedBy = inlineKey === null ? signedByPaths(entry) : inlineKeyNames(inlineKey);

  const fields: Record<string, JsonValue> = {
    format: entry.format,
    types: entry.types,
    uris,
    suites: entry.suites,
    components: entry.components,
    options: optionsToJson(entry.options, signedBy),
  };
  if (entry.ignored.size > 0) fields.ignoredOptions = Object.fromEntries(entry.ignored);
  if (inlineKey !== null) fields.inlineKey = inlineKeyField(inlineKey);
  if (mirrors.lists.length > 0) fields.mirrorLists = Object.fromEntries(mirrors.lists);

  const types = entry.types.join(',');
  const joinedUris = uris.join(',');
  const suites = entry.suites.join(',');
  const source: Source = {
    kind: 'source',
    manager: 'apt',
    path,
    id: `${types} ${joinedUris} ${suites}`,
    matchKeys: [
      `apt|${path}|${types}|${joinedUris}|${suites}`,
      `apt|${path}|${types}|${suites}`,
      `apt|${path}|${types}|${joinedUris}`,
    ],
    risks: judgeSource(entry),
    uris: [...new Set([...uris, ...mirrors.uris])],
    enabled: entry.enabled,
    fields,
    signedBy,
  };
  const keyPaths = (signedBy ?? []).filter((item) => item.startsWith('/'));
  return { source, keyPaths: inlineKey === null ? keyPaths : [], inlineKey, problems: mirrors.problems };
}

function signedByPaths(entry: SourceEntry): string[] | null {
  const split = splitSignedBy(entry.options.get('signed-by'));
  // Invalid values were refused with the file (release-checks.ts); keep what was written.
  return split === null || Array.isArray(split) ? split : [entry.options.get('signed-by') ?? ''];
}

function readMirrors(root: RootView, path: string, entry: SourceEntry): {
  uris: string[];
  lists: [string, JsonValue][];
  problems: Problem[];
} {
  const result = { uris: [] as string[], lists: [] as [string, JsonValue][], problems: [] as Problem[] };
  for (const uri of entry.uris) {
    const listPath = mirrorListPath(uri);
    if (listPath === null) continue;
    const list = readMirrorList(root, listPath);
    if ('error' in list) {
      result.problems.push(problem(path, entry.line, list.error));
      continue;
    }
    const redacted = list.uris.map(redactUri);
    result.uris.push(...redacted);
    result.lists.push([listPath, redacted]);
  }
  return result;
}

/** The inline key is named by its fingerprints; by its hash when none could be read. */
function buildInlineKey(path: string, armored: string): Key {
  const bytes = Buffer.from(armored, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { fingerprints, userIds } = describeKeyMaterial(bytes);
  const name = fingerprints.length > 0 ? fingerprints.join(',') : `sha256:${sha256}`;
  return {
    kind: 'key',
    manager: 'apt',
    path,
    id: `${path} Signed-By ${name}`,
    matchKeys: [`apt|key|${path}|inline|${name}`, `apt|key|${path}|inline`],
    risks: [],
    scope: 'scoped',
    sha256,
    fingerprints,
    userIds,
  };
}

/** Signed-By for an inline key: its fingerprints, or its hash when it has none we can read. */
function inlineKeyNames(key: Key): string[] {
  return key.fingerprints.length > 0 ? key.fingerprints : [`inline:sha256:${key.sha256}`];
}

function inlineKeyField(key: Key): JsonValue {
  return { fingerprints: key.fingerprints, userIds: key.userIds, sha256: key.sha256 };
}
