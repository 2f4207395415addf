/** The body of one tar entry, as tar-stream hands it over. */
export type EntryBody = AsyncIterable<unknown> & {
  on(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
  resume(): unknown;
};

/** Read an entry body to its end without keeping it, so the tar reader can go on. */
export function drain(body: EntryBody): Promise<void> {
  return new Promise((resolve, reject) => {
    body.on('end', () => resolve());
    body.on('error', reject);
    body.resume();
  });
}

/** The first `bytes` bytes of a stream (fewer if it is shorter), and the whole stream again. */
export async function splitHead(
  source: AsyncIterable<unknown>,
  bytes: number,
): Promise<{ head: Buffer; whole: () => AsyncGenerator<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const step = await iterator.next();
    if (step.done === true) {
      ended = true;
      break;
    }
    const chunk = step.value as Buffer;
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  const whole = async function* (): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) yield step.value as Buffer;
  };
  return { head, whole };
}
