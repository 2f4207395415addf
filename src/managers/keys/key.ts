import type { ConfigFile, Key, Risk } from '../types.js';
import { parseOpenPgp } from './openpgp.js';
import { isPemPublicKey, pemFingerprints } from './pem.js';

export interface KeyMaterial {
  fingerprints: string[];
  userIds: string[];
}

/** Fingerprints and user IDs of a key file, whatever its encoding; nothing for what is not a key. */
export function describeKeyMaterial(bytes: Buffer): KeyMaterial {
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN PGP ') && isPemPublicKey(text)) {
    return { fingerprints: pemFingerprints(text), userIds: [] };
  }
  return parseOpenPgp(bytes);
}

/** Build a Key item from a key file. */
export function readKey(manager: string, file: ConfigFile, scope: Key['scope'], risks: Risk[] = []): Key {
  const { fingerprints, userIds } = describeKeyMaterial(file.bytes);
  return {
    kind: 'key',
    manager,
    path: file.path,
    id: file.path,
    matchKeys: [`${manager}|key|${file.path}`],
    risks,
    scope,
    sha256: file.sha256,
    fingerprints,
    userIds,
  };
}
