import type { LayerBlob } from '../image/types.js';
import type { KeepFilter, LayerWalk } from '../layers/ops.js';
import { walkLayer, type WalkOptions } from '../layers/walk.js';

/**
 * Walk results by layer content and filter, so a layer two images share is read once per run.
 * TODO(cache): persist by diffID on disk to share results across runs and machines.
 */
export class LayerCache {
  private readonly walks = new Map<string, Promise<LayerWalk>>();

  walk(blob: LayerBlob, filter: KeepFilter, options: WalkOptions): Promise<LayerWalk> {
    const key = `${blob.digest}\n${blob.diffId}\n${options.fileCap}\n${filter.key}`;
    let walk = this.walks.get(key);
    if (walk === undefined) {
      walk = walkLayer(blob, filter, options);
      this.walks.set(key, walk);
      walk.catch(() => this.walks.delete(key));
    }
    return walk;
  }
}

/** Run `task` over `items` with at most `limit` running at once, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
