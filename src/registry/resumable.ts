import { addAbortSignal, Readable } from 'node:stream';

import { trace } from '../debug.js';
import { isTransient } from './errors.js';
import type { Transfer } from '../image/types.js';
import { Backoff, type RetryPolicy } from './retry.js';

const debug = trace('registry');

/** A body that starts at `start` (0 when the server ignored the Range header). */
export interface RangedBody {
  body: Readable;
  start: number;
}

export interface ResumeOptions {
  retry: RetryPolicy;
  signal?: AbortSignal;
  /** Told each time a cut stream is picked up again. */
  onResume: (offset: number, error: unknown) => void;
  /** Told of each chunk passed on, and once when the stream ends either way. */
  transfer?: Transfer;
}

/**
 * One seamless stream of a blob over as many requests as it takes: when the connection breaks,
 * ask again from the byte reached; a server that ignores Range sends it all and we skip what the
 * reader already has. Verification downstream sees every byte exactly once, in order.
 */
export function resumableStream(fetchFrom: (offset: number, signal?: AbortSignal) => Promise<RangedBody>, options: ResumeOptions): Readable {
  const backoff = new Backoff(options.retry);
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      yield* resumed();
    } finally {
      options.transfer?.end();
    }
  }
  async function* resumed(): AsyncGenerator<Buffer> {
    let offset = 0;
    for (;;) {
      const { body, start } = await fetchFrom(offset, options.signal);
      let skip = offset - start;
      try {
        for await (const chunk of body) {
          let buffer = chunk as Buffer;
          if (skip > 0) {
            const dropped = Math.min(skip, buffer.length);
            skip -= dropped;
            buffer = buffer.subarray(dropped);
            if (buffer.length === 0) continue;
          }
          offset += buffer.length;
          options.transfer?.add(buffer.length);
          backoff.reset();
          yield buffer;
        }
        return;
      } catch (error) {
        body.destroy();
        const delay = isTransient(error) && options.signal?.aborted !== true ? backoff.next() : undefined;
        if (delay === undefined) throw error;
        debug('stream cut at byte %d (%s); resuming', offset, (error as Error).message);
        options.onResume(offset, error);
        await backoff.wait(delay, options.signal);
      }
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false });
  return options.signal === undefined ? stream : addAbortSignal(options.signal, stream);
}
