import type { Risk, RuleId, Severity } from '../types.js';
import { hasCredentials, isPlainText, schemeOf } from '../uri.js';
import type { Resolved } from './layers.js';
import type { RepoConfig } from './repo-config.js';

/**
 * Risks of one repo, judged on its effective values (what it inherits from [main] included).
 * A disabled repo keeps its risks at low severity: `--enablerepo` can still turn it on.
 */
export function repoRisks(repo: RepoConfig): Risk[] {
  const enabled = repo.enabled.value;
  const risks: Risk[] = [];
  const add = (rule: RuleId, severity: Severity, message: string): void => {
    if (enabled) risks.push({ rule, severity, message });
    else risks.push({ rule, severity: 'low', message: `${message} (repo disabled)` });
  };

  if (!repo.gpgcheck.value) {
    const name = repo.stack === 'dnf5' ? 'pkg_gpgcheck' : 'gpgcheck';
    const message = `${name}=0: package signatures are not checked${origin(repo.gpgcheck)}`;
    add('signature-check-disabled', onlyLocal(repo) ? 'high' : 'critical', message);
  }
  if (!repo.repoGpgcheck.value && isExplicit(repo.repoGpgcheck)) {
    const message = 'repo_gpgcheck=0: the repo metadata signature is not checked';
    risks.push({ rule: 'metadata-signature-check-disabled', severity: 'info', message });
  }
  if (!repo.sslverify.value) {
    add(
      'tls-verify-disabled',
      'high',
      `sslverify=0: TLS certificates are not verified${origin(repo.sslverify)}`,
    );
  }
  if (repo.proxy.value !== null) {
    add('proxy-configured', 'high', `downloads go through a proxy${origin(repo.proxy)}`);
  }
  if (repo.sslcacert.value !== null) {
    add(
      'insecure-setting',
      'medium',
      `sslcacert: a custom CA bundle is trusted${origin(repo.sslcacert)}`,
    );
  }
  if (repo.moduleHotfixes) {
    add('insecure-setting', 'medium', 'module_hotfixes=1: its packages bypass modular filtering');
  }
  if (repo.gpgkey.some((key) => isPlainText(key.value))) {
    add('insecure-setting', 'high', 'gpgkey is fetched over a plain-text transport and imported');
  }
  const credentials = credentialsOf(repo);
  if (credentials.length > 0) {
    const message = `credentials in ${credentials.join(', ')}`;
    risks.push({ rule: 'credentials-in-uri', severity: 'low', message });
  }
  return risks;
}

/** Only file:// baseurls: a local repo built in the image, where gpgcheck=0 is common. */
function onlyLocal(repo: RepoConfig): boolean {
  if (repo.mirrorlist !== null || repo.metalink !== null || repo.baseurl.length === 0) return false;
  return repo.baseurl.every((url) => url.value === '' || schemeOf(url.value) === 'file');
}

/** Option names (and URL options) that carry a secret; never the secret itself. */
function credentialsOf(repo: RepoConfig): string[] {
  const names = [...repo.credentials];
  const urls: [string, string[]][] = [
    ['baseurl', repo.baseurl.map((url) => url.value)],
    ['mirrorlist', repo.mirrorlist === null ? [] : [repo.mirrorlist.value]],
    ['metalink', repo.metalink === null ? [] : [repo.metalink.value]],
    ['gpgkey', repo.gpgkey.map((url) => url.value)],
    ['proxy', repo.proxy.value === null ? [] : [repo.proxy.value]],
  ];
  for (const [name, values] of urls) if (values.some(hasCredentials)) names.push(`${name} URL`);
  return names;
}

/** Written in the repo section or a dnf 5 override, not inherited or defaulted. */
export function isExplicit(resolved: Resolved<unknown>): boolean {
  return resolved.from !== 'default' && resolved.from !== 'main';
}

function origin(resolved: Resolved<unknown>): string {
  if (resolved.from === 'main') return ` (inherited from [main] in ${resolved.entry?.path ?? '?'})`;
  if (resolved.from === 'default') return ' (the default: not set anywhere)';
  if (resolved.from === 'repo') return '';
  return ` (set by override ${resolved.from})`;
}
