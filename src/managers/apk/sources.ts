import { hasCredentials, redactUri } from '../uri.js';
import type { Risk, Source } from '../types.js';
import { MANAGER } from './model.js';
import type { Defined } from './repositories.js';

/**
 * One Source per line apk acts on. Identity is per file: the full key pairs the same tag and
 * URL; the second the same tag and last path segment (`…/v3.20/main` with `…/v3.21/main`),
 * the third any line of that file with the same tag, so a changed URL shows as modified.
 */
export function buildSources(
  repos: readonly Defined[],
  world: ReadonlyMap<string, string[]>,
): Source[] {
  return repos.map((repo) => {
    const url = redactUri(repo.url);
    const tag = repo.tag === null ? '' : `@${repo.tag}`;
    const id = tag === '' ? url : `${tag} ${url}`;
    const last = url.replace(/\/+$/, '').split('/').at(-1) ?? '';
    const fields: Source['fields'] = { tag: repo.tag, url, type: repo.type };
    if (repo.tag !== null) fields.usedBy = world.get(repo.tag) ?? [];
    return {
      kind: 'source',
      manager: MANAGER,
      path: repo.path,
      id,
      matchKeys: [
        `apk|${repo.path}|${tag}|${url}`,
        `apk|${repo.path}|${tag}|*/${last}`,
        `apk|${repo.path}|${tag}`,
      ],
      risks: risksOf(repo, url),
      uris: [url],
      enabled: true,
      fields,
      signedBy: null,
    };
  });
}

function risksOf(repo: Defined, url: string): Risk[] {
  if (!hasCredentials(repo.url)) return [];
  return [
    {
      rule: 'credentials-in-uri',
      severity: 'low',
      message: `the repository URL ${url} carries credentials`,
    },
  ];
}
