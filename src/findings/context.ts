import type { Item, Source } from '../managers/types.js';
import { hostOf } from '../managers/uri.js';
import { releasesOfFields, type Release } from './releases.js';

/** What the old image had, against which a change in the new one is judged. */
export interface DiffContext {
  /** Hosts the old image fetched from; a new one is a finding. */
  oldHosts: ReadonlySet<string>;
  /** The Debian and Ubuntu releases the old image's enabled apt sources follow. */
  oldReleases: readonly Release[];
  /** Every URI of the old image's enabled sources, by manager. */
  oldUris: ReadonlyMap<string, readonly string[]>;
}

/** The context for judging changes against an image whose final items are `items`. */
export function diffContext(items: readonly Item[]): DiffContext {
  const sources = items.filter((item): item is Source => item.kind === 'source');
  const oldHosts = new Set(sources.flatMap((source) => source.uris.map(hostOf)).filter((host): host is string => host !== null));
  const enabled = sources.filter((source) => source.enabled);
  const oldReleases = enabled.filter((source) => source.manager === 'apt').flatMap((source) => releasesOfFields(source.fields));
  const oldUris = new Map<string, string[]>();
  for (const source of enabled) oldUris.set(source.manager, [...(oldUris.get(source.manager) ?? []), ...source.uris]);
  return { oldHosts, oldReleases, oldUris };
}
