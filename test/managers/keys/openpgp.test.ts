import test, { type ExecutionContext } from 'ava';

import { dearmor, parseOpenPgp, readPackets } from '../../../src/managers/keys/openpgp.js';
import { generateKeys } from './gpg.js';

const single = generateKeys([{ userId: 'Repo Signing <repo@example.org>', algorithm: 'ed25519' }]);
const keyring = generateKeys([
  { userId: 'First Key <first@example.org>', algorithm: 'rsa2048', subkey: true },
  { userId: 'Second Key <second@example.org>', algorithm: 'ed25519', subkey: true },
]);

// RFC 9580 Appendix A.3 (sample v6 certificate) and A.1 (sample v4 Ed25519 legacy key).
const RFC9580_V6 = `-----BEGIN PGP PUBLIC KEY BLOCK-----

xioGY4d/4xsAAAAg+U2nu0jWCmHlZ3BqZYfQMxmZu52JGggkLq2EVD34laPCsQYf
GwoAAABCBYJjh3/jAwsJBwUVCg4IDAIWAAKbAwIeCSIhBssYbE8GCaaX5NUt+mxy
KwwfHifBilZwj2Ul7Ce62azJBScJAgcCAAAAAK0oIBA+LX0ifsDm185Ecds2v8lw
gyU2kCcUmKfvBXbAf6rhRYWzuQOwEn7E/aLwIwRaLsdry0+VcallHhSu4RN6HWaE
QsiPlR4zxP/TP7mhfVEe7XWPxtnMUMtf15OyA51YBM4qBmOHf+MZAAAAIIaTJINn
+eUBXbki+PSAld2nhJh/LVmFsS+60WyvXkQ1wpsGGBsKAAAALAWCY4d/4wKbDCIh
BssYbE8GCaaX5NUt+mxyKwwfHifBilZwj2Ul7Ce62azJAAAAAAQBIKbpGG2dWTX8
j+VjFM21J0hqWlEg+bdiojWnKfA5AQpWUWtnNwDEM0g12vYxoWM8Y81W+bHBw805
I8kWVkXU6vFOi+HWvv/ira7ofJu16NnoUkhclkUrk0mXubZvyl4GBg==
-----END PGP PUBLIC KEY BLOCK-----
`;
const RFC9580_V4 = Buffer.from('xjMEU/NfCxYJKwYBBAHaRw8BAQdAPwmJlL3ZFu1AUxl5NOSofIBzOhKA1i+AEJkuQ+47JAY=', 'base64');

const parsesTo = test.macro({
  exec(t: ExecutionContext, input: Buffer, fingerprints: string[], userIds?: string[]) {
    const parsed = parseOpenPgp(input);
    t.deepEqual(parsed.fingerprints, fingerprints);
    if (userIds !== undefined) t.deepEqual(parsed.userIds, userIds);
  },
  title: (name = '') => `parses ${name}`,
});

test('a binary gpg export', parsesTo, single.binary, single.fingerprints, single.userIds);
test('an armored gpg export', parsesTo, Buffer.from(single.armored), single.fingerprints, single.userIds);
test('a keyring of two keys with subkeys (primaries only)', parsesTo, keyring.binary, keyring.fingerprints, keyring.userIds);
test('the armored keyring', parsesTo, Buffer.from(keyring.armored), keyring.fingerprints, keyring.userIds);
test('two armored blocks in one file', parsesTo, Buffer.from(`${single.armored}\n${keyring.armored}`), [
  ...single.fingerprints,
  ...keyring.fingerprints,
]);
test('armor with headers and CRLF', parsesTo, Buffer.from(single.armored.replace('\n\n', '\nVersion: test\nComment: a: b\n\n').replaceAll('\n', '\r\n')), single.fingerprints);
test('the RFC 9580 v6 certificate', parsesTo, Buffer.from(RFC9580_V6), ['CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9']);
test('the RFC 9580 v4 Ed25519 key (new-format header)', parsesTo, RFC9580_V4, ['C959BDBAFA32A2F89A153B678CFDE12197965A9A']);
test('packets rewritten with new-format lengths', parsesTo, rewriteNewFormat(keyring.binary), keyring.fingerprints, keyring.userIds);
test('packets rewritten with partial body lengths', parsesTo, rewriteNewFormat(single.binary, true), single.fingerprints, single.userIds);
test('a lone public-key packet', parsesTo, keyring.binary.subarray(0, packetEnd(keyring.binary, 0)), keyring.fingerprints.slice(0, 1), []);

test('gpg writes old-format headers, so both formats are covered', (t) => {
  t.is((keyring.binary[0] ?? 0) & 0x40, 0);
  t.is((RFC9580_V4[0] ?? 0) & 0x40, 0x40);
});

const nothing = test.macro({
  exec(t: ExecutionContext, input: Buffer) {
    t.deepEqual(parseOpenPgp(input), { fingerprints: [], userIds: [] });
  },
  title: (name = '') => `no fingerprint from ${name}`,
});

test('an empty file', nothing, Buffer.alloc(0));
test('text', nothing, Buffer.from('not a key at all\n'));
test('random bytes', nothing, Buffer.from([0x13, 0x37, 0xff, 0x00, 0x42]));
test('a GnuPG keybox', nothing, Buffer.concat([Buffer.from([0, 0, 0, 32, 1, 1]), Buffer.from('KBXf'), Buffer.alloc(22)]));
test('a header whose length runs past the end', nothing, Buffer.from([0x99, 0x01, 0x0d, 0x04]));
test('a truncated 5-octet length', nothing, Buffer.from([0xc6, 0xff, 0x00]));
test('an armor block with broken base64', nothing, Buffer.from('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----\n'));
test('an unknown key version', nothing, Buffer.from([0x98, 0x06, 0x09, 1, 2, 3, 4, 5]));

test('a truncated keyring keeps the keys before the cut', (t) => {
  const second = readPackets(keyring.binary).findIndex((packet, index) => index > 0 && packet.tag === 6);
  const cut = keyring.binary.subarray(0, packetEnd(keyring.binary, second) - 5);
  t.deepEqual(parseOpenPgp(cut).fingerprints, keyring.fingerprints.slice(0, 1));
});

test('dearmor ignores text around blocks', (t) => {
  const blocks = dearmor(`preamble\n${single.armored}trailer\n`);
  t.is(blocks.length, 1);
  t.deepEqual(blocks[0], single.binary);
});

test('readPackets splits a stream into tags', (t) => {
  const tags = readPackets(single.binary).map((packet) => packet.tag);
  t.is(tags[0], 6);
  t.true(tags.includes(13));
  t.true(tags.includes(2));
});

/** Re-encode every packet with a new-format header, optionally cutting bodies into partial chunks. */
function rewriteNewFormat(bytes: Buffer, partial = false): Buffer {
  const parts: Buffer[] = [];
  for (const packet of readPackets(bytes)) {
    parts.push(Buffer.from([0xc0 | packet.tag]));
    let body = packet.body;
    while (partial && body.length > 4) {
      parts.push(Buffer.from([0xe2]), body.subarray(0, 4));
      body = body.subarray(4);
    }
    parts.push(newLength(body.length), body);
  }
  return Buffer.concat(parts);
}

function newLength(length: number): Buffer {
  if (length < 192) return Buffer.from([length]);
  if (length < 8384) return Buffer.from([((length - 192) >> 8) + 192, (length - 192) & 0xff]);
  const buffer = Buffer.alloc(5);
  buffer[0] = 0xff;
  buffer.writeUInt32BE(length, 1);
  return buffer;
}

/** Where the body of the index-th packet ends (bodies are views into `bytes`). */
function packetEnd(bytes: Buffer, index: number): number {
  const packet = readPackets(bytes)[index];
  return packet === undefined ? 0 : packet.body.byteOffset - bytes.byteOffset + packet.body.length;
}
