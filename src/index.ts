import type { DiffResult, ScanResult } from './diff/model.js';
import { diffInventories, scanInventory } from './diff/compute.js';
import { createImageSource } from './image/open.js';
import { sourceOptions, type ResolvedImage, type SourceOptions } from './image/types.js';
import { LayerCache } from './inventory/layer-cache.js';
import { prewalker, readImage, type ReadOptions } from './inventory/read-image.js';
import { MANAGERS } from './managers/index.js';
import type { PackageManager } from './managers/types.js';
import { parsePlatform } from './oci/platform.js';

export interface PipelineOptions {
  /** `os/arch[/variant]`; picks a manifest from an index. Default linux/amd64. */
  platform?: string;
  managers?: readonly PackageManager[];
  signal?: AbortSignal;
  /** Layers read at once. */
  concurrency?: number;
  /** Credentials, TLS and engine connection for docker:// and docker-daemon: references. */
  source?: Partial<SourceOptions>;
}

/** Compare the package sources of two images: the pipeline behind `pkgrepo-diff diff`. */
export async function diffImages(oldReference: string, newReference: string, options: PipelineOptions = {}): Promise<DiffResult> {
  const read = { ...readOptions(options), cache: new LayerCache() };
  const [before, after] = await Promise.all([open(oldReference, options, read), open(newReference, options, read)]);
  const [oldInventory, newInventory] = await Promise.all([readImage(before, read), readImage(after, read)]);
  return diffInventories(oldInventory, newInventory);
}

/** The package sources of one image: the pipeline behind `pkgrepo-diff scan`. */
export async function scanImage(reference: string, options: PipelineOptions = {}): Promise<ScanResult> {
  const read = { ...readOptions(options), cache: new LayerCache() };
  const image = await open(reference, options, read);
  return scanInventory(await readImage(image, read));
}

async function open(reference: string, options: PipelineOptions, read: ReadOptions & { cache: LayerCache }): Promise<ResolvedImage> {
  const source = await createImageSource(reference, sourceOptions(options.source));
  const platform = parsePlatform(options.platform ?? 'linux/amd64');
  return source.open({ platform, platformExplicit: options.platform !== undefined, signal: options.signal, prewalk: prewalker(read) });
}

function readOptions(options: PipelineOptions): ReadOptions {
  return { managers: options.managers ?? MANAGERS, signal: options.signal, concurrency: options.concurrency };
}

export { PkgrepoDiffError } from './errors.js';
export type { ErrorCode } from './errors.js';
export type { Change, DiffResult, Finding, ScanResult, Transient } from './diff/model.js';
export type { Item, Key, PackageManager, Setting, Severity, Source } from './managers/types.js';
export { diffToJson, scanToJson, SCHEMA_VERSION } from './report/json.js';
export { diffToTable, scanToTable } from './report/table.js';
export { RULES } from './findings/catalog.js';
