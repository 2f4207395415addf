import { trace } from '../debug.js';
import type { LayerBlob } from '../image/types.js';
import type { KeepFilter, LayerWalk } from '../layers/ops.js';
import { walkLayer, type WalkOptions } from '../layers/walk.js';

const debug = trace('layer-cache');

/**
 * Walk results by layer content and filter, so a layer two images share is read once per run.
 * TODO(cache): persist by diffID on disk to share results across runs and machines.
 */
export class LayerCache {
  private readonly walks = new Map<string, Promise<LayerWalk>>();

  walk(blob: LayerBlob, filter: KeepFilter, options: WalkOptions): Promise<LayerWalk> {
    if (blob.identify !== undefined) return this.walkIdentified(blob, blob.identify, filter, options);
    const key = keyOf(blob, filter, options);
    let walk = this.walks.get(key);
    if (walk === undefined) {
      debug('walking %s', blob.digest);
      walk = walkLayer(blob, filter, options);
      this.walks.set(key, walk);
      walk.catch(() => this.walks.delete(key));
    }
    return walk;
  }

  /**
   * A streamed entry whose digests are learnt by walking it: nothing to look up before, so it is
   * always walked; the result is kept under the digests found, unless a walk is already there.
   */
  private async walkIdentified(
    blob: LayerBlob,
    identify: NonNullable<LayerBlob['identify']>,
    filter: KeepFilter,
    options: WalkOptions,
  ): Promise<LayerWalk> {
    let key: string | undefined;
    const walk = await walkLayer(
      {
        ...blob,
        identify: (found) => {
          identify(found);
          key = keyOf(found, filter, options);
        },
      },
      filter,
      options,
    );
    if (key !== undefined && !this.walks.has(key)) this.walks.set(key, Promise.resolve(walk));
    return walk;
  }
}

function keyOf(layer: { digest: string; diffId: string }, filter: KeepFilter, options: WalkOptions): string {
  return `${layer.digest}\n${layer.diffId}\n${options.fileCap}\n${filter.key}`;
}

/** Run `task` over `items` with at most `limit` running at once, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
