import type { Finding } from '../diff/model.js';
import { hostsOf } from '../findings/hosts.js';
import { isOfficialHost } from '../findings/official-hosts.js';
import type { Item, Key } from '../managers/types.js';
import { hostMatcher, isUrlPattern, pathMatcher, urlMatcher, type Matcher } from './glob.js';
import type { Policy } from './model.js';

/**
 * The policy's allow lists, compiled. A host is allowed when a host glob names it, when a URL
 * prefix covers every URI of the item on that host, or (with distribution-mirrors) when it is
 * an official mirror. A key is allowed when its path or every fingerprint it holds is listed.
 */
export class AllowList {
  readonly checksHosts: boolean;
  readonly checksKeys: boolean;
  private readonly hosts: Matcher[];
  private readonly urls: Matcher[];
  private readonly keyPaths: Matcher[];
  private readonly fingerprints: string[];

  constructor(private readonly policy: Policy) {
    const hosts = policy.allowHosts ?? [];
    this.checksHosts = policy.allowHosts !== null || policy.allowDistributionMirrors;
    this.checksKeys = policy.allowKeys !== null;
    this.hosts = hosts.filter((pattern) => !isUrlPattern(pattern)).map(hostMatcher);
    this.urls = hosts.filter(isUrlPattern).map(urlMatcher);
    const keys = policy.allowKeys ?? [];
    this.keyPaths = keys.filter((key) => key.startsWith('/')).map(pathMatcher);
    this.fingerprints = keys.filter((key) => !key.startsWith('/')).map(normalFingerprint);
  }

  /** The hosts among `uris` the policy does not allow; [] when it has no host allow list. */
  disallowedHosts(uris: readonly string[]): string[] {
    if (!this.checksHosts) return [];
    return hostsOf(uris).filter((host) => !this.allowsHost(host, uris));
  }

  /** Is every host a finding is about allowed (for suppressing new-host and mirror-replaced)? */
  allowsFinding(finding: Finding, item: Item): boolean {
    const uris = item.kind === 'source' ? item.uris : [];
    const hosts = finding.hosts ?? [];
    return this.checksHosts && hosts.length > 0 && hosts.every((host) => this.allowsHost(host, uris));
  }

  allowsKey(key: Key): boolean {
    if (!this.checksKeys) return true;
    if (this.keyPaths.some((matches) => matches(key.path))) return true;
    return key.fingerprints.length > 0 && key.fingerprints.every((fingerprint) => this.allowsFingerprint(fingerprint));
  }

  private allowsHost(host: string, uris: readonly string[]): boolean {
    if (this.hosts.some((matches) => matches(host))) return true;
    if (this.policy.allowDistributionMirrors && isOfficialHost(host)) return true;
    const onHost = uris.filter((uri) => hostsOf([uri])[0] === host);
    return onHost.length > 0 && this.urls.length > 0 && onHost.every((uri) => this.urls.some((matches) => matches(uri)));
  }

  /** A listed fingerprint matches the whole fingerprint or its tail (a long key id). */
  private allowsFingerprint(fingerprint: string): boolean {
    const full = normalFingerprint(fingerprint);
    return this.fingerprints.some((listed) => full === listed || (listed.length >= 16 && full.endsWith(listed)));
  }
}

function normalFingerprint(fingerprint: string): string {
  return fingerprint.replace(/\s+/g, '').toUpperCase();
}
