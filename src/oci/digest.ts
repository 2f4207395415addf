import { createHash } from 'node:crypto';

import { PkgrepoDiffError } from '../errors.js';

const ALGORITHMS: Record<string, { hash: string; length: number }> = {
  sha256: { hash: 'sha256', length: 64 },
  sha512: { hash: 'sha512', length: 128 },
};

export interface ParsedDigest {
  algorithm: string;
  encoded: string;
  /** Node's name for the hash. */
  hash: string;
}

/** Split and check a digest; only the algorithms the OCI spec registers are accepted. */
export function parseDigest(digest: string, input: string): ParsedDigest {
  const [algorithm = '', encoded = ''] = digest.split(':', 2);
  const known = ALGORITHMS[algorithm];
  if (known === undefined) {
    throw new PkgrepoDiffError('E_FORMAT', `unsupported digest algorithm in ${digest}`, { input });
  }
  if (!new RegExp(`^[a-f0-9]{${known.length}}$`).test(encoded)) {
    throw new PkgrepoDiffError('E_FORMAT', `malformed digest ${digest}`, { input });
  }
  return { algorithm, encoded, hash: known.hash };
}

/** Path of a blob inside an OCI image layout. */
export function blobPath(digest: string, input: string): string {
  const { algorithm, encoded } = parseDigest(digest, input);
  return `blobs/${algorithm}/${encoded}`;
}

/** Check whole bytes against a digest (and size, when given): for manifests and configs. */
export function verifyBytes(bytes: Buffer, digest: string, size: number | undefined, input: string): void {
  const { algorithm, hash } = parseDigest(digest, input);
  if (size !== undefined && bytes.length !== size) {
    throw new PkgrepoDiffError('E_DIGEST', `size mismatch: expected ${size} bytes, got ${bytes.length}`, { input });
  }
  const actual = `${algorithm}:${createHash(hash).update(bytes).digest('hex')}`;
  if (actual !== digest) {
    throw new PkgrepoDiffError('E_DIGEST', `digest mismatch: expected ${digest}, got ${actual}`, {
      input,
      hint: 'the blob is corrupt or was altered',
    });
  }
}

export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
