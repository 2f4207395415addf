import type { Finding } from '../diff/model.js';
import type { Source } from '../managers/types.js';
import { hostOf } from '../managers/uri.js';
import { RULES } from './catalog.js';
import type { DiffContext } from './context.js';
import { isOfficialHost } from './official-hosts.js';

/**
 * Where a source fetches from, against where it and the old image fetched before:
 * - `mirror-replaced`: a modified source dropped a host and gained another, unofficial one;
 * - `new-host`: a source gained an unofficial host that no source of the old image used
 *   (and did not just swap it in for one of its own: that is the replacement above).
 */
export function hostFindings(source: Source, before: Source | undefined, context: DiffContext): Finding[] {
  if (!source.enabled) return [];
  const now = hostsOf(source.uris);
  const previous = hostsOf(before?.uris ?? []);
  const gained = now.filter((host) => !previous.includes(host) && !isOfficialHost(host));
  if (gained.length === 0) return [];

  const lost = previous.filter((host) => !now.includes(host));
  if (before !== undefined && lost.length > 0) {
    const message = `${source.id} moved from ${lost.join(', ')} to ${gained.join(', ')}`;
    return [{ rule: 'mirror-replaced', severity: RULES['mirror-replaced'].severity, message, hosts: gained }];
  }
  const unknown = gained.filter((host) => !context.oldHosts.has(host));
  if (unknown.length === 0) return [];
  const message = `${source.id} fetches from ${unknown.join(', ')}, which the old image did not use`;
  return [{ rule: 'new-host', severity: RULES['new-host'].severity, message, hosts: unknown }];
}

/** Distinct hosts of some URIs, in order; URIs without a host (file:, cdrom:) give none. */
export function hostsOf(uris: readonly string[]): string[] {
  return [...new Set(uris.map(hostOf).filter((host): host is string => host !== null))];
}
