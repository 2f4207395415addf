import type { ConfigFile, Key, Risk } from '../types.js';

/**
 * Build a Key item from a key file.
 * TODO(keys): OpenPGP and PEM fingerprints are filled in by keys/openpgp.ts and keys/pem.ts.
 */
export function readKey(manager: string, file: ConfigFile, scope: Key['scope'], risks: Risk[] = []): Key {
  return {
    kind: 'key',
    manager,
    path: file.path,
    id: file.path,
    matchKeys: [`${manager}|key|${file.path}`],
    risks,
    scope,
    sha256: file.sha256,
    fingerprints: [],
    userIds: [],
  };
}
