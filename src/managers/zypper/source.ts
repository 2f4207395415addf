import type { JsonValue, Source } from '../types.js';
import { MANAGER } from './model.js';
import type { ZyppRepo } from './repos.js';
import { gpgRisks, riskList, urlRisks } from './risks.js';
import type { ZyppService } from './services.js';
import type { UrlValue } from './url.js';
import { redactZyppUrl } from './url.js';
import type { ZyppConf } from './zypp-conf.js';

/** One Source per repo alias: zypper keeps one repo per alias whatever file defines it. */
export function repoSource(repo: ZyppRepo, conf: ZyppConf): Source {
  const { baseurl, mirrorlist, metalink, gpgkey } = repo.urls;
  const { risks, add } = riskList(repo.enabled);
  gpgRisks(repo, conf, add);
  urlRisks([...baseurl, ...mirrorlist, ...metalink], gpgkey, add);
  if (repo.proxy !== null)
    add('proxy-configured', 'high', 'proxy= sends downloads through a proxy');

  const keys = gpgkey.map(shown);
  return {
    kind: 'source',
    manager: MANAGER,
    path: repo.path,
    id: repo.alias,
    matchKeys: [`${MANAGER}|${repo.alias}`],
    risks,
    uris: [...baseurl, ...mirrorlist, ...metalink].map(shown),
    enabled: repo.enabled,
    fields: repoFields(repo, conf),
    signedBy: keys.length > 0 ? keys : null,
  };
}

function repoFields(repo: ZyppRepo, conf: ZyppConf): Record<string, JsonValue> {
  const { baseurl, mirrorlist, metalink, gpgkey } = repo.urls;
  const gpgcheck = repo.gpgcheck ?? conf.gpgcheck;
  const inherit = repo.gpgcheck === null;
  return {
    alias: repo.alias,
    name: repo.name,
    file: repo.path,
    format: 'libzypp',
    baseurl: baseurl.map(shown),
    mirrorlist: mirrorlist.map(shown),
    metalink: metalink.map(shown),
    gpgkey: gpgkey.map(shown),
    enabled: repo.enabled,
    autorefresh: repo.autorefresh,
    priority: repo.priority,
    // Effective checks (RepoInfo::gpgCheck, cfgRepoGpgCheck, cfgPkgGpgCheck); null: not decided.
    gpgcheck,
    repo_gpgcheck: inherit && repo.repoGpgcheck === null ? conf.repoGpgcheck : repo.repoGpgcheck,
    pkg_gpgcheck: inherit && repo.pkgGpgcheck === null ? conf.pkgGpgcheck : repo.pkgGpgcheck,
    written: {
      gpgcheck: repo.gpgcheck,
      repo_gpgcheck: repo.repoGpgcheck,
      pkg_gpgcheck: repo.pkgGpgcheck,
    },
    proxy: repo.proxy,
    service: repo.service,
    path: repo.repoPath,
    keeppackages: repo.keeppackages,
    raw: {
      baseurl: baseurl.map(raw),
      mirrorlist: mirrorlist.map(raw),
      metalink: metalink.map(raw),
      gpgkey: gpgkey.map(raw),
    },
  };
}

/**
 * A service adds and changes repos when it is refreshed; identity is its alias, apart from the
 * repo aliases. A plugin service runs a program to list them.
 */
export function serviceSource(service: ZyppService): Source {
  const urls = service.url === null ? [] : [service.url];
  const { risks, add } = riskList(service.enabled);
  urlRisks(urls, [], add);
  if (service.type === 'plugin')
    add('code-execution-hook', 'medium', 'a plugin service runs a program to list its repos');

  return {
    kind: 'source',
    manager: MANAGER,
    path: service.path,
    id: `service:${service.alias}`,
    matchKeys: [`${MANAGER}|service|${service.alias}`],
    risks,
    uris: urls.map(shown),
    enabled: service.enabled,
    fields: {
      service: service.alias,
      name: service.name,
      file: service.path,
      format: 'libzypp-service',
      url: service.url === null ? null : shown(service.url),
      type: service.type,
      enabled: service.enabled,
      autorefresh: service.autorefresh,
      repostoenable: service.reposToEnable,
      repostodisable: service.reposToDisable,
      raw: { url: service.url === null ? null : raw(service.url) },
    },
    signedBy: null,
  };
}

function shown(url: UrlValue): string {
  return redactZyppUrl(url.value);
}

function raw(url: UrlValue): string {
  return redactZyppUrl(url.raw);
}
