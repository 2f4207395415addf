import { createHash } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipelineCallback } from 'node:stream';

import tar from 'tar-stream';

import { PkgrepoDiffError, asPkgrepoDiffError } from '../errors.js';
import type { LayerBlob } from '../image/types.js';
import { normalizePath, parentOf, baseName } from '../replay/path.js';
import { createDecompressor, SNIFF_BYTES, sniffCompression } from './decompress.js';
import { drain, type EntryBody, splitHead } from './entry.js';
import type { KeepFilter, LayerWalk } from './ops.js';
import { PathSketch } from './sketch.js';
import { DigestMeter, DigestVerifier } from './verify.js';

export interface WalkOptions {
  signal?: AbortSignal;
  /** Bytes kept of one file at most; the rest is hashed and dropped. */
  fileCap: number;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * Stream one layer blob once: verify its digest, inflate it by what its bytes are, verify the
 * diffID of the tar, and turn the entries the filter wants into replay operations.
 */
export async function walkLayer(blob: LayerBlob, filter: KeepFilter, options: WalkOptions): Promise<LayerWalk> {
  const result: LayerWalk = { ops: [], sketch: new PathSketch(), entries: 0, bytes: 0 };
  // Sniffing already told a tar from anything else, so old v7 headers without magic are fine.
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  extract.on('entry', (header, body, next) => {
    result.entries += 1;
    handleEntry(header, body, filter, options.fileCap, result).then(() => next(), next);
  });
  const counter = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      result.bytes += chunk.length;
      yield chunk;
    }
  };
  const checks = digestChecks(blob);
  try {
    await pipeline(blob.open(options.signal), checks.blob, decompressStage(blob), checks.tar, counter, extract, { signal: options.signal });
  } catch (error) {
    throw await explain(error, blob, options.signal);
  }
  checks.identify();
  return result;
}

/**
 * The hashing stages of a walk: verifiers for digests the blob declares, meters for the ones a
 * streamed entry learns only by being hashed (then `identify` names the layer, or throws).
 */
function digestChecks(blob: LayerBlob) {
  if (blob.identify === undefined) {
    return {
      blob: new DigestVerifier(blob.digest, blob.size, blob.location),
      tar: blob.digest === blob.diffId ? passThrough : new DigestVerifier(blob.diffId, undefined, `${blob.location} (uncompressed, diff_id)`),
      identify: () => undefined,
    };
  }
  const { identify } = blob;
  const tar = new DigestMeter();
  // Without a digest to check (a legacy layer.tar, uncompressed by the format) the layer is known
  // by its diffID alone, as the image names it: one hash pass, not two over the same bytes.
  if (blob.digest === '') return { blob: passThrough, tar, identify: () => identify({ digest: tar.digest(), diffId: tar.digest() }) };
  return {
    blob: new DigestVerifier(blob.digest, blob.size, blob.location),
    tar,
    identify: () => identify({ digest: blob.digest, diffId: tar.digest() }),
  };
}

async function* passThrough(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* source;
}

async function handleEntry(
  header: tar.Header,
  body: EntryBody,
  filter: KeepFilter,
  fileCap: number,
  { ops, sketch }: LayerWalk,
): Promise<void> {
  const path = normalizePath(header.name);
  const name = baseName(path);
  sketch.add(path);
  if (name === OPAQUE) ops.push({ op: 'opaque', dir: parentOf(path) });
  else if (name.startsWith(WHITEOUT)) ops.push({ op: 'whiteout', path: `${parentOf(path)}/${name.slice(WHITEOUT.length)}`.replace('//', '/') });
  else if (header.type === 'symlink') ops.push({ op: 'put', path, node: { type: 'symlink', target: header.linkname ?? '', layer: -1 } });
  else if (header.type === 'link') {
    if (filter.keepsFile(path) || filter.keepsEntry(path)) ops.push({ op: 'hardlink', path, target: normalizePath(header.linkname ?? '') });
  } else if (header.type === 'directory') {
    if (filter.keepsEntry(path)) ops.push({ op: 'put', path, node: { type: 'dir', layer: -1 } });
  } else if (header.type === 'file' || header.type === 'contiguous-file') {
    if (filter.keepsFile(path)) {
      ops.push({ op: 'put', path, node: await readCapped(body, fileCap) });
      return;
    }
    if (filter.keepsEntry(path)) ops.push({ op: 'put', path, node: { type: 'file', bytes: null, size: header.size ?? 0, sha256: null, truncated: false, layer: -1 } });
  } else if (filter.keepsEntry(path)) {
    ops.push({ op: 'put', path, node: { type: 'file', bytes: null, size: 0, sha256: null, truncated: false, layer: -1 } });
  }
  await drain(body);
}

/** Keep up to `cap` bytes of a file, hash all of it, never hold more than the cap. */
async function readCapped(body: EntryBody, cap: number) {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  for await (const data of body) {
    const chunk = data as Buffer;
    hash.update(chunk);
    if (size < cap) kept.push(chunk.subarray(0, cap - size));
    size += chunk.length;
  }
  const bytes = Buffer.concat(kept);
  return { type: 'file' as const, bytes, size, sha256: hash.digest('hex'), truncated: size > cap, layer: -1 };
}

/** Sniff the first bytes, then inflate by what they are, whatever the media type claims. */
function decompressStage(blob: LayerBlob) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const { head, whole } = await splitHead(source, SNIFF_BYTES);
    const kind = sniffCompression(head);
    if (kind === 'unknown') {
      throw new PkgrepoDiffError('E_FORMAT', `unknown layer format (media type ${blob.mediaType}, neither tar, gzip nor zstd)`, {
        input: blob.location,
      });
    }
    if (kind === 'none') {
      yield* whole();
      return;
    }
    yield* inflate(Readable.from(whole()), createDecompressor(kind));
  };
}

function inflate(source: Readable, inflater: Transform): AsyncIterable<Buffer> {
  return pipelineCallback(source, inflater, () => undefined) as AsyncIterable<Buffer> & Transform;
}

/**
 * When inflating or untarring fails, the blob may simply be corrupt: hash it whole, and report
 * a digest mismatch in preference to the symptom it caused.
 */
async function explain(error: unknown, blob: LayerBlob, signal?: AbortSignal): Promise<PkgrepoDiffError> {
  if (error instanceof PkgrepoDiffError && error.code === 'E_DIGEST') return error;
  // A streamed entry (identify set) cannot be read a second time to hash it.
  const rereadable = blob.identify === undefined && signal?.aborted !== true;
  if (rereadable && !(error instanceof PkgrepoDiffError && error.code === 'E_FORMAT')) {
    const verifier = new DigestVerifier(blob.digest, blob.size, blob.location);
    const mismatch = await pipeline(blob.open(signal), verifier, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) void chunk;
    }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (mismatch instanceof PkgrepoDiffError && mismatch.code === 'E_DIGEST') return mismatch;
  }
  const wrapped = asPkgrepoDiffError(error, 'E_LAYER', blob.location);
  if (wrapped.code !== 'E_LAYER') return wrapped;
  return new PkgrepoDiffError('E_LAYER', `cannot read layer: ${wrapped.message}`, {
    input: blob.location,
    hint: 'the layer is corrupt or truncated',
    cause: error,
  });
}
