import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import tar from 'tar-stream';

import { trace } from '../debug.js';
import { PkgrepoDiffError } from '../errors.js';
import { METADATA_LIMIT } from '../image/layout.js';
import { normalizeMemberName, type TarMember } from '../image/tar-index.js';
import type { LayerBlob } from '../image/types.js';
import { SNIFF_BYTES, sniffCompression } from '../layers/decompress.js';
import { drain, type EntryBody, splitHead } from '../layers/entry.js';
import { MediaType } from '../oci/media-types.js';

const debug = trace('engine');

/** Small documents kept of one save stream, all together; a save holds a few kilobytes of them. */
const METADATA_TOTAL = 4 * METADATA_LIMIT;

/** What the image is known to be before its save stream starts: from inspecting it. */
export interface SavePlan {
  /** The image ID, which is the digest of its config. */
  configDigest: string;
  /** The diffIDs of its layers. */
  diffIds: readonly string[];
  /** How to name a member in messages. */
  describe(member: string): string;
  prewalk?: (blob: LayerBlob) => Promise<unknown>;
}

/** A member of the stream: enough to follow links between members afterwards. */
export type StreamMember = Pick<TarMember, 'name' | 'type' | 'linkName'>;

/** What one pass over a save stream leaves behind: small documents and the list of members. */
export interface SaveContents {
  metadata: Map<string, Buffer>;
  members: Map<string, StreamMember>;
  /** diffIDs of the layers handed to prewalk as they passed. */
  walked: Set<string>;
}

type EntryKind =
  | { kind: 'metadata' }
  | { kind: 'layer'; digest: string; diffId: string }
  | { kind: 'unknown-layer'; digest: string }
  | { kind: 'blob'; digest: string }
  | { kind: 'skip' };

const LEGACY_CONFIG = /^[a-f0-9]{64}\.json$/;
const LEGACY_LAYER = /^([a-f0-9]{64})\/layer\.tar$/;

/**
 * diffIDs learnt for legacy v1 ids. A v1 id is a hash over the layer chain, so two images that
 * share base layers share those ids: the second image's stream can then skip a layer the first
 * one walked. A wrong entry cannot pass unnoticed: the walker checks the bytes against it.
 */
const learntDiffIds = new Map<string, string>();
const LEARNT_LIMIT = 4096;
const BLOB = /^blobs\/sha256\/([a-f0-9]{64})$/;

/**
 * Read an engine's `docker save` stream once, front to back. The engine writes it in the
 * lexical order of member names (it tars a folder), so a legacy `<v1id>/layer.tar` passes
 * before manifest.json says which layer it is: each layer is handed to `plan.prewalk` as it
 * passes, hashed while it is walked, and named by the diffID it hashes to. Small documents
 * are kept whole; nothing else is kept.
 */
export async function readSaveStream(source: Readable, plan: SavePlan, signal?: AbortSignal): Promise<SaveContents> {
  const contents: SaveContents = { metadata: new Map(), members: new Map(), walked: new Set() };
  const reader = new EntryReader(plan, contents);
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    reader.read(header, body).then(() => next(), next);
  });
  await pipeline(source, extract, { signal });
  return contents;
}

class EntryReader {
  private readonly diffIds: Set<string>;
  private kept = 0;

  constructor(
    private readonly plan: SavePlan,
    private readonly contents: SaveContents,
  ) {
    this.diffIds = new Set(plan.diffIds);
  }

  async read(header: tar.Header, body: EntryBody): Promise<void> {
    const name = normalizeMemberName(header.name);
    const type = header.type === 'symlink' ? 'symlink' : header.type === 'link' ? 'link' : header.type === 'file' || header.type === 'contiguous-file' ? 'file' : 'other';
    this.contents.members.set(name, { name, type, linkName: header.linkname ?? '' });
    if (type !== 'file') return drain(body);

    const size = header.size ?? 0;
    const entry = this.classify(name);
    debug('%s: %s (%d bytes)', name, entry.kind, size);
    if (entry.kind === 'metadata') return this.keep(name, size, body);
    if (entry.kind === 'layer') return this.walk(name, size, body, { digest: entry.digest, diffId: entry.diffId });
    if (entry.kind === 'unknown-layer') return this.walk(name, size, body, { digest: entry.digest, diffId: '' });
    if (entry.kind === 'blob') return this.sniff(name, size, body, entry.digest);
    return drain(body);
  }

  private classify(name: string): EntryKind {
    if (name === 'manifest.json' || name === 'index.json' || LEGACY_CONFIG.test(name)) return { kind: 'metadata' };
    const v1id = LEGACY_LAYER.exec(name)?.[1];
    if (v1id !== undefined) {
      const diffId = learntDiffIds.get(v1id);
      return diffId !== undefined && this.diffIds.has(diffId) ? { kind: 'layer', digest: diffId, diffId } : { kind: 'unknown-layer', digest: '' };
    }
    const blob = BLOB.exec(name)?.[1];
    if (blob === undefined) return { kind: 'skip' };
    const digest = `sha256:${blob}`;
    if (digest === this.plan.configDigest) return { kind: 'metadata' };
    // Uncompressed layers are stored under their diffID (Docker 25+ with its own layer store).
    if (this.diffIds.has(digest)) return { kind: 'layer', digest, diffId: digest };
    return { kind: 'blob', digest };
  }

  /**
   * A blob the image does not name in advance: a manifest or index (JSON), or a compressed
   * layer of an engine that keeps layers compressed. Its first bytes tell which.
   */
  private async sniff(name: string, size: number, body: EntryBody, digest: string): Promise<void> {
    const { head, whole } = await splitHead(body, SNIFF_BYTES);
    if (size > 0 && sniffCompression(head) !== 'unknown') {
      return this.walk(name, size, Readable.from(whole(), { objectMode: false }), { digest, diffId: '' });
    }
    return this.keep(name, size, Readable.from(whole(), { objectMode: false }));
  }

  /** Small documents are kept whole, within METADATA_LIMIT each; larger members are skipped. */
  private async keep(name: string, size: number, body: EntryBody): Promise<void> {
    if (size > METADATA_LIMIT || this.kept + size > METADATA_TOTAL) {
      debug('%s: %d bytes, too large to keep', name, size);
      return drain(body);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    this.kept += bytes.length;
    this.contents.metadata.set(name, bytes);
  }

  /** Hand a layer to prewalk while it passes; drain it when prewalk did not read it. */
  private async walk(name: string, size: number, body: EntryBody, digests: { digest: string; diffId: string }): Promise<void> {
    const prewalk = this.plan.prewalk;
    if (prewalk === undefined) return drain(body);
    const location = this.plan.describe(name);
    let opened = false;
    const blob: LayerBlob = {
      index: -1,
      ...digests,
      mediaType: MediaType.dockerLayerTar,
      size,
      location,
      open: () => {
        if (opened) return Readable.from(failOnce(location));
        opened = true;
        return Readable.from(body, { objectMode: false });
      },
    };
    if (digests.diffId === '') blob.identify = (found) => this.identify(found.diffId, name, location);
    else this.contents.walked.add(digests.diffId);
    await prewalk(blob);
    if (!opened) await drain(body);
  }

  /** A layer found by hashing must be one the image lists; anything else fails closed. */
  private identify(diffId: string, name: string, location: string): void {
    if (!this.diffIds.has(diffId)) {
      throw new PkgrepoDiffError('E_DIGEST', `the save stream holds a layer the image does not list (diff_id ${diffId})`, {
        input: location,
        hint: 'the image changed while it was read; try again',
      });
    }
    this.contents.walked.add(diffId);
    const v1id = LEGACY_LAYER.exec(name)?.[1];
    if (v1id === undefined) return;
    if (learntDiffIds.size >= LEARNT_LIMIT) learntDiffIds.clear();
    learntDiffIds.set(v1id, diffId);
  }
}

/** A streamed entry passes once: a second read (to explain a failure) gets this error. */
// eslint-disable-next-line require-yield
async function* failOnce(location: string): AsyncGenerator<Buffer> {
  throw new PkgrepoDiffError('E_LAYER', 'a streamed layer cannot be read twice', { input: location });
}
