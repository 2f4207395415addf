import type { Readable } from 'node:stream';

import { PkgrepoDiffError } from '../errors.js';

/** Read a small response body whole; refuses more than `limit` bytes without buffering them. */
export async function readCapped(body: Readable, limit: number, input: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > limit) {
      body.destroy();
      throw new PkgrepoDiffError('E_REGISTRY', `answer larger than ${limit} bytes, too large for metadata`, { input });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Drop a body we do not need, so its socket goes back to the pool. */
export function discard(body: Readable): void {
  body.resume();
  body.on('error', () => undefined);
}
