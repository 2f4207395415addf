import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

import tar from 'tar-stream';

/** One member of a tar built in memory; `body` only for regular files. */
export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  body?: string | Buffer;
  linkname?: string;
}

/** A tar written by tar-stream's pack, as layer tools write them (PAX headers for long names). */
export async function packTar(entries: readonly TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const header = { name: entry.name, type, linkname: entry.linkname };
    if (type === 'file') pack.entry(header, Buffer.from(entry.body ?? ''));
    else pack.entry(header);
  }
  pack.finalize();

  return buffer(pack);
}

/** A stream that hands `bytes` over `size` bytes at a time, as a slow network would. */
export function chunked(bytes: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces, { objectMode: false });
}
