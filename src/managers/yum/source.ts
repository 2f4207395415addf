import type { JsonValue, Source } from '../types.js';
import { redactUri } from '../uri.js';
import { MANAGER } from './model.js';
import type { RepoConfig, UrlValue } from './repo-config.js';
import { repoRisks } from './risks.js';

/**
 * One Source per repo. Its identity is the repo id alone (`yum|id`): dnf keeps one repo per id
 * whatever file defines it, so a repo moving between files is a modification.
 */
export function toSource(repo: RepoConfig): Source {
  const uris = [...repo.baseurl, repo.mirrorlist, repo.metalink]
    .filter((url): url is UrlValue => url !== null && url.value !== '')
    .map((url) => redactUri(url.value));
  const gpgkey = repo.gpgkey.filter((key) => key.value !== '').map((key) => redactUri(key.value));

  return {
    kind: 'source',
    manager: MANAGER,
    path: repo.path,
    id: repo.id,
    matchKeys: [`${MANAGER}|${repo.id}`],
    risks: repoRisks(repo),
    uris,
    enabled: repo.enabled.value,
    fields: fieldsOf(repo),
    signedBy: gpgkey.length > 0 ? gpgkey : null,
  };
}

function fieldsOf(repo: RepoConfig): Record<string, JsonValue> {
  return {
    id: repo.id,
    section: repo.section,
    name: repo.name,
    file: repo.path,
    format: repo.stack,
    baseurl: repo.baseurl.map(expanded),
    mirrorlist: repo.mirrorlist === null ? null : expanded(repo.mirrorlist),
    metalink: repo.metalink === null ? null : expanded(repo.metalink),
    enabled: repo.enabled.value,
    gpgcheck: repo.gpgcheck.value,
    repo_gpgcheck: repo.repoGpgcheck.value,
    sslverify: repo.sslverify.value,
    gpgkey: repo.gpgkey.map(expanded),
    proxy: repo.proxy.value === null ? null : redactUri(repo.proxy.value),
    priority: repo.priority,
    type: repo.type,
    sslcacert: repo.sslcacert.value,
    module_hotfixes: repo.moduleHotfixes,
    credentials: repo.credentials,
    // Where each security option's effective value comes from: repo, main, default or an override.
    origins: {
      enabled: repo.enabled.from,
      gpgcheck: repo.gpgcheck.from,
      repo_gpgcheck: repo.repoGpgcheck.from,
      sslverify: repo.sslverify.from,
      proxy: repo.proxy.from,
    },
    overrides: repo.overrides,
    raw: {
      baseurl: repo.baseurl.map(raw),
      mirrorlist: repo.mirrorlist === null ? null : raw(repo.mirrorlist),
      metalink: repo.metalink === null ? null : raw(repo.metalink),
      gpgkey: repo.gpgkey.map(raw),
    },
  };
}

function expanded(url: UrlValue): string {
  return redactUri(url.value);
}

function raw(url: UrlValue): string {
  return redactUri(url.raw);
}
