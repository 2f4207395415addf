import { trace } from '../debug.js';
import { asPkgrepoDiffError } from '../errors.js';
import type { LayerBlob, ResolvedImage } from '../image/types.js';
import type { KeepFilter, LayerWalk } from '../layers/ops.js';
import type { Item, PackageManager, Problem, ReadContext, RootView } from '../managers/types.js';
import { Replay } from '../replay/replay.js';
import { createRootView } from '../replay/root-view.js';
import { instructionsForLayers } from './history.js';
import { filterFor } from './keep-filter.js';
import { LayerCache, mapLimit } from './layer-cache.js';

const debug = trace('inventory');

/** Bytes kept of one configuration file; larger files are hashed and flagged, never buffered. */
export const FILE_CAP = 1024 * 1024;
/** Extra walks allowed for paths found only by following links or includes. */
const MAX_EXTRA_WALKS = 3;

export interface LayerInfo {
  index: number;
  digest: string;
  diffId: string;
  instruction: string | null;
}

/** What the managers see in one state of the filesystem. */
export interface Inventory {
  items: Item[];
  problems: Problem[];
}

/** An image's package sources after each of its layers. */
export interface ImageInventory {
  image: ResolvedImage;
  layers: LayerInfo[];
  /** states[i]: after layer i was applied. */
  states: Inventory[];
  final: Inventory;
}

export interface ReadOptions {
  managers: readonly PackageManager[];
  cache?: LayerCache;
  signal?: AbortSignal;
  concurrency?: number;
}

/**
 * The walk readImage's first round will ask for, to run early on a layer that streams past only
 * once (see OpenOptions.prewalk); the cache then answers readImage without reading it again.
 */
export function prewalker(options: ReadOptions & { cache: LayerCache }): (blob: LayerBlob) => Promise<LayerWalk> {
  const filter = filterFor(options.managers);
  return (blob) => options.cache.walk(blob, filter, { signal: options.signal, fileCap: FILE_CAP });
}

/** Walk an image's layers and ask every manager what it sees after each one. */
export async function readImage(image: ResolvedImage, options: ReadOptions): Promise<ImageInventory> {
  const cache = options.cache ?? new LayerCache();
  const context: ReadContext = { env: envOf(image) };
  const extra = new Set<string>();
  const instructions = instructionsForLayers(image.config, image.layers.length);
  const layers = image.layers.map((layer) => ({
    index: layer.index,
    digest: layer.digest,
    diffId: layer.diffId,
    instruction: instructions[layer.index] ?? null,
  }));

  let previous: LayerWalk[] | undefined;
  let added: string[] = [];
  for (let round = 0; ; round += 1) {
    const filter = filterFor(options.managers, extra);
    const walks = await walkAll(image, cache, filter, options, previous, added);
    const replay = new Replay();
    const missing = new Set<string>();
    const states = walks.map((walk, index) => {
      replay.apply(walk.ops);
      const view = createRootView(replay.snapshot(index), { isKept: filter.knows, onMissing: (path) => missing.add(path) });
      return inventoryOf(view, options.managers, context, image.reference);
    });
    const fresh = [...missing].filter((path) => !extra.has(path) && !filter.knows(path.replace(/\/$/, '')));
    if (fresh.length === 0 || round >= MAX_EXTRA_WALKS) {
      return { image, layers, states, final: states[states.length - 1] ?? { items: [], problems: [] } };
    }
    debug('%s: walking again for %o', image.reference, fresh);
    for (const path of fresh) extra.add(path);
    previous = walks;
    added = fresh;
  }
}

/**
 * Walk every layer with the filter. In a later round, a layer whose entries touch none of the
 * paths just added gives the same operations as before, so its last walk stands and its blob is
 * not read again.
 */
async function walkAll(
  image: ResolvedImage,
  cache: LayerCache,
  filter: KeepFilter,
  options: ReadOptions,
  previous: readonly LayerWalk[] | undefined,
  added: readonly string[],
): Promise<LayerWalk[]> {
  const controller = new AbortController();
  const signal = options.signal === undefined ? controller.signal : AbortSignal.any([options.signal, controller.signal]);
  try {
    return await mapLimit(image.layers, options.concurrency ?? 2, (layer, index) => {
      const before = previous?.[index];
      if (before !== undefined && !added.some((path) => before.sketch.touches(path))) return Promise.resolve(before);
      return cache.walk(layer, filter, { signal, fileCap: FILE_CAP });
    });
  } catch (error) {
    controller.abort();
    throw asPkgrepoDiffError(error, 'E_LAYER', image.reference);
  }
}

function inventoryOf(view: RootView, managers: readonly PackageManager[], context: ReadContext, reference: string): Inventory {
  const inventory: Inventory = { items: [], problems: [] };
  for (const manager of managers) {
    try {
      const state = manager.read(flagTruncated(view, manager.name, inventory.problems), context);
      inventory.items.push(...state.sources, ...state.settings, ...state.keys);
      inventory.problems.push(...state.problems);
    } catch (error) {
      throw asPkgrepoDiffError(error, 'E_FORMAT', reference);
    }
  }
  return inventory;
}

/** A file cut at the cap may hide sources past it: say so, once per file, as a high problem. */
function flagTruncated(view: RootView, manager: string, problems: Problem[]): RootView {
  return {
    ...view,
    readFile(path) {
      const file = view.readFile(path);
      if (file?.truncated === true && !problems.some((problem) => problem.path === file.path && problem.manager === manager)) {
        problems.push({
          manager,
          path: file.path,
          line: null,
          message: `file is ${file.size} bytes; only the first ${FILE_CAP} were read, so sources past that are not reported`,
          severity: 'high',
        });
      }
      return file;
    },
  };
}

function envOf(image: ResolvedImage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of image.config.config?.Env ?? []) {
    const equals = entry.indexOf('=');
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return env;
}
