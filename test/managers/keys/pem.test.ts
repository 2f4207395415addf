import { createHash, generateKeyPairSync } from 'node:crypto';

import test, { type ExecutionContext } from 'ava';

import { isPemPublicKey, pemFingerprints } from '../../../src/managers/keys/pem.js';

// Keys made at test time by Node's crypto; the expectation is the SHA-256 of Node's own DER export.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const sha256 = (der: Buffer): string => createHash('sha256').update(der).digest('hex');
const spki = (key: typeof rsa): string => key.export({ type: 'spki', format: 'pem' }).toString();
const spkiDer = (key: typeof rsa): Buffer => key.export({ type: 'spki', format: 'der' });
const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();

const fingerprints = test.macro({
  exec(t: ExecutionContext, text: string, expected: string[]) {
    t.deepEqual(pemFingerprints(text), expected);
  },
  title: (name = '') => `fingerprints of ${name}`,
});

test('an RSA SPKI key', fingerprints, spki(rsa), [sha256(spkiDer(rsa))]);
test('an EC SPKI key', fingerprints, spki(ec), [sha256(spkiDer(ec))]);
test('a PKCS#1 RSA key', fingerprints, pkcs1, [sha256(rsa.export({ type: 'pkcs1', format: 'der' }))]);
test('two keys in one file', fingerprints, `${spki(rsa)}${spki(ec)}`, [sha256(spkiDer(rsa)), sha256(spkiDer(ec))]);
test('a key with CRLF and indentation', fingerprints, spki(rsa).replaceAll('\n', '\r\n  '), [sha256(spkiDer(rsa))]);
test('the same key twice', fingerprints, `${spki(rsa)}${spki(rsa)}`, [sha256(spkiDer(rsa))]);
test('a certificate (not a public key)', fingerprints, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', []);
test('an empty body', fingerprints, '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n', []);
test('mismatched labels', fingerprints, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n', []);
test('garbage', fingerprints, '\u0000\u0001binary', []);

test('PEM public keys are told from OpenPGP armor', (t) => {
  t.true(isPemPublicKey(spki(rsa)));
  t.false(isPemPublicKey('-----BEGIN PGP PUBLIC KEY BLOCK-----\n'));
  t.false(isPemPublicKey('plain text'));
});
