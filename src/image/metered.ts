import { pipeline, type Readable, Transform } from 'node:stream';

import type { Transfer } from './types.js';

/**
 * The same bytes, counted into a transfer as they pass, which ends when the stream closes. An
 * error either side reaches the other, as pipeline() passes it.
 */
export function metered(source: Readable, transfer: Transfer | undefined): Readable {
  if (transfer === undefined) return source;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      transfer.add(chunk.length);
      done(null, chunk);
    },
  });
  meter.once('close', () => transfer.end());
  return pipeline(source, meter, () => undefined);
}
