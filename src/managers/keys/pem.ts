import { createHash } from 'node:crypto';

/** PEM public keys (RFC 7468), as apk keeps them: each key is named by the SHA-256 of its DER body. */

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function isPemPublicKey(text: string): boolean {
  return /-----BEGIN (?!PGP )[A-Z0-9 ]*PUBLIC KEY-----/.test(text);
}

/** Lower-case hex SHA-256 of the DER body of every public-key block, in file order. */
export function pemFingerprints(text: string): string[] {
  const fingerprints = new Set<string>();
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1] ?? '';
    if (!label.endsWith('PUBLIC KEY') || label.startsWith('PGP ')) continue;
    const der = decodeBody(match[2] ?? '');
    if (der.length > 0) fingerprints.add(createHash('sha256').update(der).digest('hex'));
  }
  return [...fingerprints];
}

function decodeBody(body: string): Buffer {
  // RFC 1421 headers (`Proc-Type: ...`) may precede the base64 text; they are not part of the DER.
  const lines = body.split('\n').map((line) => line.trim());
  const data = lines.filter((line) => !line.includes(':'));
  return Buffer.from(data.join(''), 'base64');
}
