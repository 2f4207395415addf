import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import tar from 'tar-stream';

import { asPkgrepoDiffError, PkgrepoDiffError } from '../errors.js';
import type { FileStore } from '../image/blob-store.js';
import { normalizeMemberName, resolveMember } from '../image/tar-index.js';
import { drain } from '../layers/entry.js';
import type { SaveContents, StreamMember } from './save-stream.js';

/** Starts a new save request of the same image. */
export type SaveRequest = (signal: AbortSignal) => Promise<Readable>;

/**
 * The members of an engine's save stream after one pass: documents from what the pass kept,
 * layers by streaming them again out of a new save request (only a later walk round that
 * follows links needs that). Nothing is written to disk.
 */
export class SavedStreamStore implements FileStore {
  constructor(
    private readonly contents: SaveContents,
    private readonly label: string,
    private readonly request: SaveRequest,
  ) {}

  describe(path: string): string {
    return `${this.label}:${path}`;
  }

  has(path: string): boolean {
    return resolveMember(this.contents.members, path) !== undefined;
  }

  async read(path: string, limit: number): Promise<Buffer> {
    const bytes = this.contents.metadata.get(this.require(path).name);
    if (bytes === undefined || bytes.length > limit) {
      throw new PkgrepoDiffError('E_FORMAT', `larger than ${limit} bytes, too large for metadata`, { input: this.describe(path) });
    }
    return bytes;
  }

  open(path: string, signal?: AbortSignal): Readable {
    return streamMember(this.request, this.require(path).name, this.describe(path), signal);
  }

  private require(path: string): StreamMember {
    const member = resolveMember(this.contents.members, path);
    if (member === undefined) throw new PkgrepoDiffError('E_NOT_FOUND', 'missing from the save stream', { input: this.describe(path) });
    return member;
  }
}

/** Stream one member out of a new save request, and stop the transfer once it has passed. */
export function streamMember(request: SaveRequest, member: string, location: string, signal?: AbortSignal): Readable {
  const out = new PassThrough();
  const stop = new AbortController();
  const combined = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
  // Done reading, or given up on by the reader: either way the rest of the save is not needed.
  out.on('close', () => stop.abort());
  let found = false;

  const run = async (): Promise<void> => {
    const extract = tar.extract();
    extract.on('entry', (header, body, next) => {
      if (found || normalizeMemberName(header.name) !== member) {
        drain(body).then(() => next(), next);
        return;
      }
      found = true;
      pipeline(body, out).then(
        () => stop.abort(),
        (error: unknown) => out.destroy(asPkgrepoDiffError(error, 'E_ENGINE', location)),
      );
    });
    await pipeline(await request(combined), extract, { signal: combined });
  };
  run().then(
    () => {
      if (!found) out.destroy(new PkgrepoDiffError('E_NOT_FOUND', 'missing from the save stream', { input: location }));
    },
    (error: unknown) => {
      if (!stop.signal.aborted) out.destroy(asPkgrepoDiffError(error, 'E_ENGINE', location));
    },
  );
  return out;
}
