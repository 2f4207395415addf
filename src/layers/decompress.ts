import { createRequire } from 'node:module';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { trace } from '../debug.js';
import type { Compression } from '../oci/media-types.js';

const debug = trace('layer');
const require = createRequire(import.meta.url);

/** Enough bytes to recognise gzip, zstd and a tar header's `ustar` magic. */
const SNIFF_BYTES = 512;

/** What the bytes say they are. Media types lie often enough (tar+gzip labels on zstd) that only the bytes decide. */
export function sniffCompression(head: Buffer): Compression | 'unknown' {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.subarray(257, 262).toString('latin1') === 'ustar') return 'none';
  if (head.length === 0 || head.every((byte) => byte === 0)) return 'none';
  if (looksLikeV7Tar(head)) return 'none';
  return 'unknown';
}

/** Pre-POSIX tar headers have no magic; their checksum still adds up. */
function looksLikeV7Tar(head: Buffer): boolean {
  if (head.length < 512) return false;
  const stored = parseInt(head.subarray(148, 156).toString('latin1').replace(/\0.*$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < 512; i += 1) sum += i >= 148 && i < 156 ? 0x20 : (head[i] ?? 0);
  return sum === stored;
}

/**
 * Node runs each zlib output chunk through the libuv thread pool; at the default 16 KiB a
 * gigabyte layer is 65,536 hand-offs, which cost more than the inflate itself (measured: a
 * 256 MiB layer scanned in 4.4 s at 16 KiB, 1.5 s at 1 MiB, same peak RSS).
 */
const GZIP_CHUNK = 1024 * 1024;

export function createDecompressor(kind: 'gzip' | 'zstd'): Transform {
  if (kind === 'gzip') return createGunzip({ chunkSize: GZIP_CHUNK });
  return createZstdDecompressor();
}

/**
 * zstd through the native zstd-napi binding when it installed, else the pure-JS fzstd.
 * TODO(zstd): drop both once Node ships zstd in zlib (Node 22.15+/23.8+).
 */
function createZstdDecompressor(): Transform {
  try {
    const native = require('zstd-napi') as { DecompressStream: new () => Transform };
    return new native.DecompressStream();
  } catch (error) {
    debug('zstd-napi unavailable, using fzstd: %s', (error as Error).message);
    return new FzstdTransform();
  }
}

class FzstdTransform extends Transform {
  private readonly inflater: { push(chunk: Uint8Array, final?: boolean): void };
  private done = false;

  constructor() {
    super();
    const fzstd = require('fzstd') as { Decompress: new (ondata: (chunk: Uint8Array, final: boolean) => void) => { push(chunk: Uint8Array, final?: boolean): void } };
    this.inflater = new fzstd.Decompress((chunk, final) => {
      this.push(Buffer.from(chunk));
      if (final) this.done = true;
    });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.inflater.push(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.inflater.push(new Uint8Array(0), true);
      callback(this.done ? null : new Error('zstd stream ended early'));
    } catch (error) {
      callback(error as Error);
    }
  }
}

export { SNIFF_BYTES };
