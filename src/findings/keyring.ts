import type { Finding } from '../diff/model.js';
import type { Source } from '../managers/types.js';
import { RULES } from './catalog.js';

/**
 * apt's global keyrings: a key there is trusted for every source without Signed-By, so naming
 * one in Signed-By pins nothing. See package-sources.md §2.10.
 */
const GLOBAL_KEYRING = /^\/etc\/apt\/(?:trusted\.gpg|trusted\.gpg\.d\/.*)$/;

/** `signed-by-removed`: the source lost its Signed-By, or names a global keyring it did not before. */
export function signedByFindings(source: Source, before: Source | undefined): Finding[] {
  const finding = (message: string): Finding[] => [{ rule: 'signed-by-removed', severity: RULES['signed-by-removed'].severity, message }];
  if (before?.signedBy != null && source.signedBy === null) {
    return finding(`${source.id} no longer names its key (${before.signedBy.join(', ')}); any key in the global keyring is now trusted for it`);
  }
  const global = globalKeyrings(source).filter((path) => !globalKeyrings(before).includes(path));
  if (global.length === 0) return [];
  return finding(`${source.id} names the global keyring ${global.join(', ')}; every key there is trusted for it`);
}

function globalKeyrings(source: Source | undefined): string[] {
  if (source?.manager !== 'apt') return [];
  return (source.signedBy ?? []).filter((path) => GLOBAL_KEYRING.test(path));
}
