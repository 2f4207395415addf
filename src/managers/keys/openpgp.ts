import { createHash } from 'node:crypto';

/**
 * OpenPGP public keys and keyrings (RFC 4880, RFC 9580): primary-key fingerprints and user IDs.
 * Tolerant by design: a key file in an image may be truncated, a GnuPG keybox or plain garbage;
 * whatever cannot be read gives no fingerprints instead of an error.
 */

export interface OpenPgpKeys {
  /** Primary-key fingerprints, upper-case hex, in file order, without duplicates. */
  fingerprints: string[];
  userIds: string[];
}

interface Packet {
  tag: number;
  body: Buffer;
}

const PUBLIC_KEY = 6;
const USER_ID = 13;
const ARMOR_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----([\s\S]*?)-----END PGP PUBLIC KEY BLOCK-----/g;

export function parseOpenPgp(bytes: Buffer): OpenPgpKeys {
  const text = bytes.toString('latin1');
  const blocks = text.includes('-----BEGIN PGP ') ? dearmor(text) : [bytes];

  const fingerprints = new Set<string>();
  const userIds = new Set<string>();
  for (const block of blocks) {
    for (const packet of readPackets(block)) {
      if (packet.tag === PUBLIC_KEY) {
        const fingerprint = fingerprintOf(packet.body);
        if (fingerprint !== null) fingerprints.add(fingerprint);
      } else if (packet.tag === USER_ID) {
        userIds.add(packet.body.toString('utf8'));
      }
    }
  }
  return { fingerprints: [...fingerprints], userIds: [...userIds] };
}

/** The binary packets of every armored public-key block in the text (RFC 4880 §6.2). */
export function dearmor(text: string): Buffer[] {
  const blocks: Buffer[] = [];
  for (const match of text.matchAll(ARMOR_BLOCK)) {
    const lines = (match[1] ?? '').split('\n').map((line) => line.trim());
    let index = 1;
    while (index < lines.length && /^[^\s:]+: /.test(lines[index] ?? '')) index += 1;
    const data: string[] = [];
    for (; index < lines.length; index += 1) {
      const line = lines[index] ?? '';
      if (line.startsWith('=')) break;
      data.push(line);
    }
    blocks.push(Buffer.from(data.join(''), 'base64'));
  }
  return blocks;
}

/** Split a packet stream; stops quietly at the first header or length that does not fit. */
export function readPackets(bytes: Buffer): Packet[] {
  const packets: Packet[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const packet = readPacket(bytes, offset);
    if (packet === null) break;
    packets.push({ tag: packet.tag, body: packet.body });
    offset = packet.end;
  }
  return packets;
}

function readPacket(bytes: Buffer, offset: number): (Packet & { end: number }) | null {
  const header = bytes[offset];
  if (header === undefined || (header & 0x80) === 0) return null;
  if ((header & 0x40) === 0) return readOldFormat(bytes, offset, header);
  return readNewFormat(bytes, offset + 1, header & 0x3f);
}

function readOldFormat(bytes: Buffer, offset: number, header: number): (Packet & { end: number }) | null {
  const tag = (header >> 2) & 0x0f;
  const lengthType = header & 0x03;
  const start = offset + 1;
  if (lengthType === 3) return { tag, body: bytes.subarray(start), end: bytes.length };
  const size = [1, 2, 4][lengthType] ?? 1;
  if (start + size > bytes.length) return null;
  const length = bytes.readUIntBE(start, size);
  return slice(bytes, tag, start + size, length);
}

function readNewFormat(bytes: Buffer, start: number, tag: number): (Packet & { end: number }) | null {
  const chunks: Buffer[] = [];
  let offset = start;
  for (;;) {
    const first = bytes[offset];
    if (first === undefined) return null;
    if (first >= 224 && first < 255) {
      // A partial body length: a chunk of 2^n bytes, then more length headers follow.
      const length = 1 << (first & 0x1f);
      if (offset + 1 + length > bytes.length) return null;
      chunks.push(bytes.subarray(offset + 1, offset + 1 + length));
      offset += 1 + length;
      continue;
    }
    const { length, size } = newFormatLength(bytes, offset, first);
    if (length === null) return null;
    const last = slice(bytes, tag, offset + size, length);
    if (last === null) return null;
    return { tag, body: Buffer.concat([...chunks, last.body]), end: last.end };
  }
}

function newFormatLength(bytes: Buffer, offset: number, first: number): { length: number | null; size: number } {
  if (first < 192) return { length: first, size: 1 };
  if (first < 224) {
    const second = bytes[offset + 1];
    return { length: second === undefined ? null : ((first - 192) << 8) + second + 192, size: 2 };
  }
  return { length: offset + 5 <= bytes.length ? bytes.readUInt32BE(offset + 1) : null, size: 5 };
}

function slice(bytes: Buffer, tag: number, start: number, length: number): (Packet & { end: number }) | null {
  if (start + length > bytes.length) return null;
  return { tag, body: bytes.subarray(start, start + length), end: start + length };
}

/** v4: SHA-1 over 0x99, a 2-byte length and the body; v5/v6: SHA-256 with 0x9A/0x9B and 4 bytes. */
export function fingerprintOf(body: Buffer): string | null {
  const version = body[0];
  if (version === 4) return digest('sha1', 0x99, 2, body);
  if (version === 5) return digest('sha256', 0x9a, 4, body);
  if (version === 6) return digest('sha256', 0x9b, 4, body);
  if (version === 2 || version === 3) return fingerprintV3(body);
  return null;
}

function digest(algorithm: 'sha1' | 'sha256', prefix: number, lengthSize: 2 | 4, body: Buffer): string | null {
  if (body.length < 6 || (lengthSize === 2 && body.length > 0xffff)) return null;
  const header = Buffer.alloc(1 + lengthSize);
  header[0] = prefix;
  header.writeUIntBE(body.length, 1, lengthSize);
  return createHash(algorithm).update(header).update(body).digest('hex').toUpperCase();
}

/** v3 keys (RSA only): MD5 over the bodies of the modulus and exponent MPIs. */
function fingerprintV3(body: Buffer): string | null {
  const algorithm = body[7];
  if (algorithm === undefined || algorithm < 1 || algorithm > 3) return null;
  const modulus = readMpi(body, 8);
  const exponent = modulus === null ? null : readMpi(body, modulus.end);
  if (modulus === null || exponent === null) return null;
  return createHash('md5').update(modulus.value).update(exponent.value).digest('hex').toUpperCase();
}

function readMpi(body: Buffer, offset: number): { value: Buffer; end: number } | null {
  if (offset + 2 > body.length) return null;
  const size = Math.ceil(body.readUInt16BE(offset) / 8);
  const end = offset + 2 + size;
  return end > body.length ? null : { value: body.subarray(offset + 2, end), end };
}
