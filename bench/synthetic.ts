import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import tar from 'tar-stream';

/**
 * Large images for the benchmark, written as an OCI layout streamed straight to disk: a bulky
 * base layer of pseudo-random files (half random, half text, so gzip behaves as on real
 * binaries and docs) and small layers that change /etc/apt. Deterministic for a given seed.
 */
export interface SyntheticOptions {
  /** Uncompressed bytes of the bulky base layer. */
  baseBytes: number;
  /** Bytes per file in the base layer. */
  fileBytes?: number;
}

interface Written {
  digest: string;
  diffId: string;
  size: number;
}

const MEDIA = {
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  config: 'application/vnd.oci.image.config.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  index: 'application/vnd.oci.image.index.v1+json',
} as const;

/** Write tags `1` (base + apt sources) and `2` (base + changed sources) into `dir`. */
export async function writeSyntheticLayout(dir: string, options: SyntheticOptions): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'blobs/sha256'), { recursive: true });
  const base = await writeLayer(dir, (pack) => bulk(pack, options.baseBytes, options.fileBytes ?? 256 * 1024));
  const apt1 = await writeLayer(dir, (pack) => {
    entry(pack, 'etc/apt/sources.list', 'deb http://deb.debian.org/debian bookworm main\n');
  });
  const apt2 = await writeLayer(dir, (pack) => {
    entry(pack, 'etc/apt/sources.list.d/mirror.list', 'deb [trusted=yes] http://mirror.example/debian bookworm main\n');
  });
  const manifests = [];
  for (const [tag, layers] of [
    ['1', [base, apt1]],
    ['2', [base, apt1, apt2]],
  ] as const) {
    const config = await putJson(dir, {
      architecture: 'amd64',
      os: 'linux',
      created: '1970-01-01T00:00:00Z',
      config: { Env: ['PATH=/usr/bin:/bin'] },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: layers.map((_, index) => ({ created_by: `/bin/sh -c #(nop) ADD layer-${index} in / ` })),
    });
    const manifest = await putJson(dir, {
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: { mediaType: MEDIA.config, ...config },
      layers: layers.map((layer) => ({ mediaType: MEDIA.layer, digest: layer.digest, size: layer.size })),
    });
    manifests.push({
      mediaType: MEDIA.manifest,
      ...manifest,
      annotations: { 'org.opencontainers.image.ref.name': tag },
      platform: { architecture: 'amd64', os: 'linux' },
    });
  }
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.index, manifests }));
}

/** Stream a tar built by `fill` through gzip to a blob, hashing both sides on the way. */
async function writeLayer(dir: string, fill: (pack: tar.Pack) => Promise<void> | void): Promise<Written> {
  const pack = tar.pack();
  const diffId = new Hasher();
  const digest = new Hasher();
  const temp = join(dir, `blobs/sha256/.tmp-${process.pid}-${Date.now()}`);
  const done = pipeline(pack, diffId, createGzip({ level: 6 }), digest, createWriteStream(temp));
  await fill(pack);
  pack.finalize();
  await done;
  const hex = digest.hex();
  await rename(temp, join(dir, 'blobs/sha256', hex));
  return { digest: `sha256:${hex}`, diffId: `sha256:${diffId.hex()}`, size: digest.bytes };
}

async function putJson(dir: string, value: unknown): Promise<{ digest: string; size: number }> {
  const bytes = Buffer.from(JSON.stringify(value));
  const hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(dir, 'blobs/sha256', hex), bytes);
  return { digest: `sha256:${hex}`, size: bytes.length };
}

function entry(pack: tar.Pack, name: string, text: string): void {
  pack.entry({ name, mtime: new Date(0), mode: 0o644 }, text);
}

/** Files of pseudo-random bytes and text under /usr, written with backpressure honoured. */
async function bulk(pack: tar.Pack, total: number, fileBytes: number): Promise<void> {
  const random = xorshift(0x9e3779b9);
  const words = ['package', 'source', 'mirror', 'layer', 'debian', 'config', 'signed', 'release'];
  for (let index = 0, written = 0; written < total; index += 1) {
    const size = Math.min(fileBytes, total - written);
    const body = Buffer.alloc(size);
    const half = size >> 1;
    for (let at = 0; at + 4 <= half; at += 4) body.writeUInt32LE(random(), at);
    let at = half;
    while (at < size) at += body.write(`${words[random() % words.length]} `, at, 'latin1');
    const stream = pack.entry({ name: `usr/share/bench/${index >> 8}/${index}.bin`, size, mtime: new Date(0), mode: 0o644 });
    const ready = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    stream.end(body);
    await ready;
    written += size;
  }
}

function xorshift(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** Counts and hashes what passes. */
class Hasher extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

