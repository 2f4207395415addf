import { createHash, generateKeyPairSync } from 'node:crypto';

import test from 'ava';

import { describeKeyMaterial, readKey } from '../../../src/managers/keys/key.js';
import type { ConfigFile } from '../../../src/managers/types.js';
import { generateKeys } from './gpg.js';

const pgp = generateKeys([{ userId: 'Archive <archive@example.org>', algorithm: 'ed25519' }]);
const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const pemText = pem.export({ type: 'spki', format: 'pem' }).toString();
const pemFingerprint = createHash('sha256').update(pem.export({ type: 'spki', format: 'der' })).digest('hex');

function configFile(path: string, bytes: Buffer): ConfigFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, realPath: path, bytes, text: bytes.toString('utf8'), size: bytes.length, sha256, truncated: false };
}

test('readKey fills fingerprints and user IDs of a binary keyring', (t) => {
  const key = readKey('apt', configFile('/etc/apt/trusted.gpg.d/a.gpg', pgp.binary), 'global');
  t.deepEqual(key.fingerprints, pgp.fingerprints);
  t.deepEqual(key.userIds, pgp.userIds);
  t.is(key.scope, 'global');
  t.is(key.id, '/etc/apt/trusted.gpg.d/a.gpg');
  t.deepEqual(key.matchKeys, ['apt|key|/etc/apt/trusted.gpg.d/a.gpg']);
});

test('readKey reads armored keys and keeps the risks it is given', (t) => {
  const risks = [{ rule: 'key-added' as const, severity: 'high' as const, message: 'x' }];
  const key = readKey('apt', configFile('/k.asc', Buffer.from(pgp.armored)), 'scoped', risks);
  t.deepEqual(key.fingerprints, pgp.fingerprints);
  t.deepEqual(key.risks, risks);
});

test('readKey names PEM keys by the SHA-256 of their DER body', (t) => {
  const key = readKey('apk', configFile('/etc/apk/keys/a.rsa.pub', Buffer.from(pemText)), 'global');
  t.deepEqual(key.fingerprints, [pemFingerprint]);
  t.deepEqual(key.userIds, []);
});

test('readKey gives no fingerprint for what is not a key', (t) => {
  const key = readKey('apt', configFile('/x.gpg', Buffer.from('hello')), 'global');
  t.deepEqual([key.fingerprints, key.userIds], [[], []]);
  t.is(key.sha256, createHash('sha256').update('hello').digest('hex'));
});

test('describeKeyMaterial prefers OpenPGP armor over PEM-looking text', (t) => {
  t.deepEqual(describeKeyMaterial(Buffer.from(`${pgp.armored}\n${pemText}`)).fingerprints, pgp.fingerprints);
});
