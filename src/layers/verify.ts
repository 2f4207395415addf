import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { PkgrepoDiffError } from '../errors.js';
import { parseDigest } from '../oci/digest.js';

/**
 * Pass bytes through while hashing them, for a stream whose digest is learnt rather than known
 * (a layer met in an engine's save stream before the image says which one it is).
 */
export class DigestMeter extends Transform {
  private readonly hash = createHash('sha256');
  private found: string | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.found = `sha256:${this.hash.digest('hex')}`;
    callback();
  }

  /** The sha256 digest of everything that passed; only once the stream has ended. */
  digest(): string {
    if (this.found === undefined) throw new Error('DigestMeter: the stream has not ended');
    return this.found;
  }
}

/**
 * Pass bytes through while hashing them; at the end, fail the stream (and so the whole
 * pipeline) unless they match the expected digest and size. Nothing downstream may trust a
 * result before this stream has ended without error.
 */
export class DigestVerifier extends Transform {
  private readonly hash: Hash;
  private readonly algorithm: string;
  private bytes = 0;

  constructor(
    private readonly expected: string,
    private readonly size: number | undefined,
    private readonly input: string,
  ) {
    super();
    const parsed = parseDigest(expected, input);
    this.hash = createHash(parsed.hash);
    this.algorithm = parsed.algorithm;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.size !== undefined && this.bytes > this.size) {
      callback(this.mismatch(`more than the ${this.size} bytes its descriptor declares`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size !== undefined && this.bytes !== this.size) {
      callback(this.mismatch(`${this.bytes} bytes, but its descriptor declares ${this.size}`));
      return;
    }
    const actual = `${this.algorithm}:${this.hash.digest('hex')}`;
    callback(actual === this.expected ? null : this.mismatch(`digest ${actual}, expected ${this.expected}`));
  }

  private mismatch(detail: string): PkgrepoDiffError {
    return new PkgrepoDiffError('E_DIGEST', `content does not match: ${detail}`, {
      input: this.input,
      hint: 'the blob is corrupt, truncated or was altered',
    });
  }
}
