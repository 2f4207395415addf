import type { Risk, RuleId, Severity } from '../types.js';
import { isPlainText } from '../uri.js';
import type { ZyppRepo } from './repos.js';
import type { UrlValue } from './url.js';
import { queryParams, zyppUrlHasCredentials } from './url.js';
import type { ZyppConf } from './zypp-conf.js';

type Add = (rule: RuleId, severity: Severity, message: string) => void;

/** Collects risks; a disabled repo or service keeps them at low severity (it can be enabled). */
export function riskList(enabled: boolean): { risks: Risk[]; add: Add } {
  const risks: Risk[] = [];
  const add: Add = (rule, severity, message) => {
    if (enabled) risks.push({ rule, severity, message });
    else risks.push({ rule, severity: 'low', message: `${message} (disabled)` });
  };
  return { risks, add };
}

/**
 * The gpg checks as RepoInfo combines them with zypp.conf: gpgcheck unset follows zypp.conf;
 * repo_gpgcheck/pkg_gpgcheck follow zypp.conf only while gpgcheck is unset too. With gpgcheck
 * on, metadata is checked and packages are checked whenever the metadata signature is not
 * valid, so only gpgcheck off (and nothing else on) leaves a repo unverified.
 */
export function gpgRisks(repo: ZyppRepo, conf: ZyppConf, add: Add): void {
  const gpgcheck = repo.gpgcheck ?? conf.gpgcheck;
  const inherit = repo.gpgcheck === null;
  const repoCheck = inherit && repo.repoGpgcheck === null ? conf.repoGpgcheck : repo.repoGpgcheck;
  const pkgCheck = inherit && repo.pkgGpgcheck === null ? conf.pkgGpgcheck : repo.pkgGpgcheck;
  const where = inherit ? ' (gpgcheck off in zypp.conf)' : '';

  if (!gpgcheck && repoCheck !== true && pkgCheck !== true) {
    add(
      'signature-check-disabled',
      'critical',
      `gpgcheck=0: neither metadata nor package signatures are checked${where}`,
    );
  } else if (!gpgcheck) {
    if (repoCheck !== true)
      add(
        'metadata-signature-check-disabled',
        'medium',
        'gpgcheck=0: the repo metadata signature is not checked',
      );
    if (pkgCheck !== true)
      add(
        'signature-check-disabled',
        'info',
        'gpgcheck=0: package signatures are not checked; the signed metadata vouches for them',
      );
  } else {
    if (repoCheck === false)
      add(
        'metadata-signature-check-disabled',
        'low',
        'repo_gpgcheck=0: unsigned metadata is accepted silently (packages are then checked)',
      );
    if (pkgCheck === false)
      add(
        'signature-check-disabled',
        'info',
        'pkg_gpgcheck=0: packages are checked only when the metadata signature is not valid',
      );
  }
}

/** What the URLs themselves say: ssl_verify=no, proxies, a custom CA dir, credentials. */
export function urlRisks(urls: readonly UrlValue[], keys: readonly UrlValue[], add: Add): void {
  const params = urls.map((url) => queryParams(url.value));
  const verify = params.map((query) => sslVerify(query.get('ssl_verify')));
  if (verify.includes('none'))
    add('tls-verify-disabled', 'high', 'ssl_verify=no: TLS certificates are not verified');
  else if (verify.includes('host-only')) {
    add(
      'tls-verify-disabled',
      'high',
      'ssl_verify without peer: the certificate chain is not verified',
    );
  } else if (verify.includes('peer-only')) {
    add('tls-verify-disabled', 'medium', 'ssl_verify without host: the host name is not verified');
  }
  if (params.some((query) => (query.get('proxy') ?? '') !== '')) {
    add('proxy-configured', 'high', 'a proxy= URL parameter sends downloads through a proxy');
  }
  if (params.some((query) => query.has('ssl_capath'))) {
    add(
      'insecure-setting',
      'medium',
      'ssl_capath: certificates are verified against a custom CA dir',
    );
  }
  if (keys.some((key) => isPlainText(key.value))) {
    add('insecure-setting', 'high', 'gpgkey is fetched over a plain-text transport');
  }
  if ([...urls, ...keys].some((url) => zyppUrlHasCredentials(url.value))) {
    add('credentials-in-uri', 'low', 'credentials in a URL');
  }
}

/** curlhelper: empty or `yes` verifies both, `no` neither, else a list of `host`/`peer`. */
function sslVerify(value: string | undefined): 'full' | 'none' | 'host-only' | 'peer-only' {
  if (value === undefined || value === '' || value === 'yes') return 'full';
  if (value === 'no') return 'none';
  const parts = value.split(',');
  if (!parts.includes('peer')) return parts.includes('host') ? 'host-only' : 'none';
  return parts.includes('host') ? 'full' : 'peer-only';
}
