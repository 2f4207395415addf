import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import test from 'ava';
import type { ExecutionContext } from 'ava';
import { compress as zstdCompress } from 'zstd-napi';

import { PkgrepoDiffError, type ErrorCode } from '../../src/errors.js';
import type { LayerBlob } from '../../src/image/types.js';
import { createKeepFilter } from '../../src/inventory/keep-filter.js';
import type { LayerOp } from '../../src/layers/ops.js';
import { walkLayer } from '../../src/layers/walk.js';
import { sha256Digest } from '../../src/oci/digest.js';
import { MediaType } from '../../src/oci/media-types.js';
import { chunked, packTar, type TarEntry } from '../helpers/tar.js';

type Compression = 'none' | 'gzip' | 'zstd';

const MIB = 1024 * 1024;
const filter = createKeepFilter(['/etc/apt/', '/etc/yum.conf']);
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const LONG = `etc/apt/sources.list.d/${'long-name-'.repeat(12)}.list`;

const MEDIA_TYPES: Record<Compression, string> = {
  none: MediaType.ociLayer,
  gzip: MediaType.ociLayerGzip,
  zstd: MediaType.ociLayerZstd,
};

function compress(tar: Buffer, compression: Compression): Buffer {
  if (compression === 'gzip') return gzipSync(tar);
  if (compression === 'zstd') return zstdCompress(tar);
  return tar;
}

interface BlobOptions {
  compression?: Compression;
  /** Bytes per chunk of open(); undefined hands the blob over whole. */
  chunk?: number;
  mediaType?: string;
  digest?: string;
  diffId?: string;
  size?: number | undefined;
  /** Replace the stored bytes (after the digests were taken from the real ones). */
  stored?: Buffer;
  open?: (bytes: Buffer, signal?: AbortSignal) => Readable;
}

/** A layer blob over `tar`, compressed and described as the options say. */
function layerBlob(tar: Buffer, options: BlobOptions = {}): LayerBlob {
  const compression = options.compression ?? 'none';
  const blob = compress(tar, compression);
  const stored = options.stored ?? blob;
  return {
    index: 0,
    digest: options.digest ?? sha256Digest(blob),
    diffId: options.diffId ?? sha256Digest(tar),
    mediaType: options.mediaType ?? MEDIA_TYPES[compression],
    size: 'size' in options ? options.size : blob.length,
    location: 'test-layer',
    open: (signal) =>
      options.open?.(stored, signal) ??
      chunked(stored, options.chunk ?? Math.max(stored.length, 1)),
  };
}

const file = (text: string) => ({
  type: 'file' as const,
  bytes: Buffer.from(text),
  size: Buffer.byteLength(text),
  sha256: sha256(text),
  truncated: false,
  layer: -1,
});

const LAYER: TarEntry[] = [
  { name: 'etc/', type: 'directory' },
  { name: 'etc/apt/', type: 'directory' },
  { name: 'etc/apt/sources.list', body: 'deb http://deb.debian.org/debian bookworm main\n' },
  { name: 'etc/hosts', body: 'not watched' },
  { name: 'usr/', type: 'directory' },
  { name: 'usr/bin/tool', body: 'x'.repeat(5000) },
  { name: 'usr/lib/libx.so', type: 'symlink', linkname: 'libx.so.1' },
  { name: 'etc/apt/trusted.gpg.d/k.gpg', type: 'symlink', linkname: '/usr/share/keyrings/k.gpg' },
  { name: 'etc/apt/copy.list', type: 'link', linkname: 'etc/apt/sources.list' },
  { name: 'usr/bin/tool2', type: 'link', linkname: 'usr/bin/tool' },
  { name: 'etc/apt/sources.list.d/.wh.old.list', body: '' },
  { name: 'etc/apt/preferences.d/.wh..wh..opq', body: '' },
  { name: 'usr/.wh.games', body: '' },
  { name: LONG, body: 'deb http://long.example/debian bookworm main\n' },
  { name: './etc/yum.conf', body: '[main]\n' },
];

const EXPECTED: LayerOp[] = [
  { op: 'put', path: '/etc', node: { type: 'dir', layer: -1 } },
  { op: 'put', path: '/etc/apt', node: { type: 'dir', layer: -1 } },
  {
    op: 'put',
    path: '/etc/apt/sources.list',
    node: file('deb http://deb.debian.org/debian bookworm main\n'),
  },
  {
    op: 'put',
    path: '/usr/lib/libx.so',
    node: { type: 'symlink', target: 'libx.so.1', layer: -1 },
  },
  {
    op: 'put',
    path: '/etc/apt/trusted.gpg.d/k.gpg',
    node: { type: 'symlink', target: '/usr/share/keyrings/k.gpg', layer: -1 },
  },
  { op: 'hardlink', path: '/etc/apt/copy.list', target: '/etc/apt/sources.list' },
  { op: 'whiteout', path: '/etc/apt/sources.list.d/old.list' },
  { op: 'opaque', dir: '/etc/apt/preferences.d' },
  { op: 'whiteout', path: '/usr/games' },
  { op: 'put', path: `/${LONG}`, node: file('deb http://long.example/debian bookworm main\n') },
  { op: 'put', path: '/etc/yum.conf', node: file('[main]\n') },
];

const inChunks = (chunk?: number) => (chunk === undefined ? '' : `in ${chunk}-byte chunks`);

const walks = test.macro({
  async exec(t: ExecutionContext, options: BlobOptions) {
    const tar = await packTar(LAYER);
    const walk = await walkLayer(layerBlob(tar, options), filter, { fileCap: MIB });

    t.deepEqual(walk.ops, EXPECTED);
    t.is(walk.entries, LAYER.length);
    t.is(walk.bytes, tar.length);
  },
  title: (given, options: BlobOptions) =>
    given ??
    `walks a ${options.compression ?? 'plain'} layer ${inChunks(options.chunk) || 'whole'}`,
});

for (const compression of ['none', 'gzip', 'zstd'] as const) {
  test(walks, { compression });
  test(walks, { compression, chunk: 7 });
}
test('the bytes decide, not a media type saying gzip', walks, {
  mediaType: MediaType.ociLayerGzip,
  chunk: 7,
});
test('the bytes decide, not a media type saying tar', walks, {
  compression: 'gzip',
  mediaType: MediaType.dockerLayerTar,
});
test('zstd under a media type that names no compression', walks, {
  compression: 'zstd',
  mediaType: 'application/octet-stream',
});
test('a blob of unknown size is still walked', walks, { compression: 'gzip', size: undefined });

test('an ancestor of a watched path keeps its entry but not its bytes', async (t) => {
  const tar = await packTar([{ name: 'etc', body: 'a file where a directory was' }]);
  const walk = await walkLayer(layerBlob(tar), filter, { fileCap: MIB });

  t.deepEqual(walk.ops, [
    {
      op: 'put',
      path: '/etc',
      node: { type: 'file', bytes: null, size: 28, sha256: null, truncated: false, layer: -1 },
    },
  ]);
});

const caps = test.macro({
  async exec(t: ExecutionContext, size: number, chunk: number | undefined) {
    const big = Buffer.alloc(size, 'deb http://big.example/debian bookworm main\n');
    const tar = await packTar([{ name: 'etc/apt/sources.list', body: big }]);
    const walk = await walkLayer(layerBlob(tar, { compression: 'gzip', chunk }), filter, {
      fileCap: MIB,
    });
    const node = walk.ops[0]?.op === 'put' ? walk.ops[0].node : undefined;

    t.is(node?.type, 'file');
    if (node?.type !== 'file') return;
    t.deepEqual(node.bytes, big.subarray(0, MIB));
    t.is(node.size, size);
    t.is(node.truncated, size > MIB);
    t.is(node.sha256, sha256(big));
  },
  title: (given, size: number, chunk: number | undefined) =>
    given ??
    `a ${size}-byte file against a 1 MiB cap ${inChunks(chunk)}`.trim(),
});

test('a 3 MiB file keeps only the cap and hashes it whole', caps, 3 * MIB, undefined);
test('a 3 MiB file fed in small chunks', caps, 3 * MIB, 4093);
test('a file exactly at the cap is not truncated', caps, MIB, undefined);

const fails = test.macro({
  async exec(t: ExecutionContext, blob: LayerBlob, code: ErrorCode | ErrorCode[]) {
    const walk = walkLayer(blob, filter, { fileCap: MIB });
    const error = await t.throwsAsync(walk, { instanceOf: PkgrepoDiffError });

    t.true([code].flat().includes(error?.code as ErrorCode), `${error?.code}: ${error?.message}`);
    t.true(error?.input?.startsWith('test-layer'), error?.input);
  },
  title: (given, _blob, code: ErrorCode | ErrorCode[]) =>
    `${given ?? 'fails'} with ${[code].flat().join(' or ')}`,
});

const TAR = await packTar(LAYER);
const GZIP = gzipSync(TAR);
const OTHER = sha256Digest('other bytes');
const half = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2));
// A blob whose descriptor matches the bytes as stored, whatever they are.
const asStored = (bytes: Buffer, chunk?: number) => {
  const digest = sha256Digest(bytes);
  return layerBlob(Buffer.alloc(0), { stored: bytes, digest, size: bytes.length, chunk });
};

const CUT_GZIP = half(GZIP);
const CUT_TAR = half(TAR);
const DIGEST: ErrorCode = 'E_DIGEST';
const EITHER: ErrorCode[] = ['E_LAYER', 'E_DIGEST'];
const plain = (options: BlobOptions) => layerBlob(TAR, options);
const gzip = (options: BlobOptions) => layerBlob(TAR, { compression: 'gzip', ...options });

test('a digest mismatch, plain', fails, plain({ digest: OTHER, diffId: OTHER }), DIGEST);
test('a digest mismatch, gzip', fails, gzip({ digest: OTHER, chunk: 7 }), DIGEST);
test('a declared size too large', fails, plain({ size: TAR.length + 1 }), DIGEST);
test('a declared size too small', fails, layerBlob(TAR, { compression: 'zstd', size: 10 }), DIGEST);
test('a diffID mismatch', fails, gzip({ diffId: OTHER }), DIGEST);
test('a truncated gzip, digest of what is stored', fails, asStored(CUT_GZIP, 7), EITHER);
test('a truncated gzip, digest of the whole', fails, gzip({ stored: CUT_GZIP }), DIGEST);
test('a truncated plain tar', fails, layerBlob(CUT_TAR, { diffId: sha256Digest(CUT_TAR) }), EITHER);
test('neither tar, gzip nor zstd', fails, asStored(Buffer.alloc(4096, 'no')), 'E_FORMAT');
test('a blob too short to be anything', fails, asStored(Buffer.from('hi!')), 'E_FORMAT');

test('an empty tar (only the end-of-archive blocks) has no entries', async (t) => {
  const walk = await walkLayer(layerBlob(Buffer.alloc(1024), { compression: 'gzip' }), filter, {
    fileCap: MIB,
  });

  t.deepEqual(walk.ops, []);
  t.is(walk.entries, 0);
});

test('a zero-byte blob walks as an empty layer', async (t) => {
  const walk = await walkLayer(layerBlob(Buffer.alloc(0), { chunk: 7 }), filter, { fileCap: MIB });

  t.deepEqual({ ops: walk.ops, entries: walk.entries, bytes: walk.bytes }, { ops: [], entries: 0, bytes: 0 });
  t.false(walk.sketch.touches('/etc/apt/sources.list'));
});

test('an abort mid-walk rejects with E_ABORTED', async (t) => {
  const controller = new AbortController();
  const chunks = Math.ceil(TAR.length / 512);
  let opened = 0;
  let served = 0;
  // Hand over the layer 512 bytes at a time and pull the plug after the third piece.
  const pieces = function* (bytes: Buffer) {
    for (let at = 0; at < bytes.length; at += 512) {
      served += 1;
      if (served === 4) controller.abort();
      yield bytes.subarray(at, at + 512);
    }
  };
  const blob = layerBlob(TAR, { open: (bytes) => ((opened += 1), Readable.from(pieces(bytes))) });

  const walk = walkLayer(blob, filter, { fileCap: MIB, signal: controller.signal });
  const error = await t.throwsAsync(walk, { instanceOf: PkgrepoDiffError });

  t.is(error?.code, 'E_ABORTED');
  t.true(served < chunks, `read ${served} of ${chunks} pieces`);
  t.is(opened, 1, 'an abort is not a reason to hash the blob again');
});

test('an aborted signal rejects before reading', async (t) => {
  const blob = layerBlob(TAR, { compression: 'zstd' });
  const walk = walkLayer(blob, filter, { fileCap: MIB, signal: AbortSignal.abort() });
  const error = await t.throwsAsync(walk, { instanceOf: PkgrepoDiffError });

  t.is(error?.code, 'E_ABORTED');
});
