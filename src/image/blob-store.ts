import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import { PkgrepoDiffError } from '../errors.js';
import { indexTar, resolveMember, type TarMember } from './tar-index.js';

/** Reads of 1 MiB: fewer trips through the stream stages than the 64 KiB default, still bounded. */
const READ_CHUNK = 1024 * 1024;

/** Files of an image layout or archive, by their path inside it. One per container format. */
export interface FileStore {
  /** How to name a member in an error message. */
  describe(path: string): string;
  has(path: string): boolean | Promise<boolean>;
  /** Stream a member; `size` is what its descriptor declares, when one does. */
  open(path: string, signal?: AbortSignal, size?: number): Readable;
  /** Read a small member whole; refuses members larger than `limit` bytes. */
  read(path: string, limit: number): Promise<Buffer>;
}

/** A directory on disk, such as an OCI image layout. */
export class DirectoryStore implements FileStore {
  constructor(private readonly root: string) {}

  describe(path: string): string {
    return join(this.root, path);
  }

  async has(path: string): Promise<boolean> {
    return stat(join(this.root, path)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  open(path: string, signal?: AbortSignal): Readable {
    return createReadStream(join(this.root, path), { signal, highWaterMark: READ_CHUNK });
  }

  async read(path: string, limit: number): Promise<Buffer> {
    const file = join(this.root, path);
    const info = await stat(file).catch((error: unknown) => {
      throw new PkgrepoDiffError('E_NOT_FOUND', 'missing file', { input: file, cause: error });
    });
    if (info.size > limit) throw tooLarge(file, limit);
    return readFile(file);
  }
}

/** An uncompressed tar file, served member by member with ranged reads. */
export class TarStore implements FileStore {
  private constructor(
    private readonly file: string,
    private readonly members: Map<string, TarMember>,
  ) {}

  static async open(file: string): Promise<TarStore> {
    return new TarStore(file, await indexTar(file));
  }

  describe(path: string): string {
    return `${this.file}:${path}`;
  }

  has(path: string): boolean {
    return this.resolve(path) !== undefined;
  }

  open(path: string, signal?: AbortSignal): Readable {
    const member = this.require(path);
    if (member.size === 0) return createReadStream(this.file, { start: 1, end: 0, signal });
    return createReadStream(this.file, { start: member.offset, end: member.offset + member.size - 1, signal, highWaterMark: READ_CHUNK });
  }

  async read(path: string, limit: number): Promise<Buffer> {
    const member = this.require(path);
    if (member.size > limit) throw tooLarge(this.describe(path), limit);
    const chunks: Buffer[] = [];
    for await (const chunk of this.open(path)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private require(path: string): TarMember {
    const member = this.resolve(path);
    if (member === undefined) {
      throw new PkgrepoDiffError('E_NOT_FOUND', 'missing from the archive', { input: this.describe(path) });
    }
    return member;
  }

  private resolve(path: string): TarMember | undefined {
    return resolveMember(this.members, path);
  }
}

function tooLarge(input: string, limit: number): PkgrepoDiffError {
  return new PkgrepoDiffError('E_FORMAT', `larger than ${limit} bytes, too large for metadata`, { input });
}
