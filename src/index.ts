import type { AllPlatformsDiff, DiffResult, PlatformDiff, ScanResult } from './diff/model.js';
import { diffInventories, scanInventory } from './diff/compute.js';
import { loadDockerfile, mapDockerfile, type Dockerfile, type DockerfileMap } from './dockerfile/map.js';
import { PkgrepoDiffError } from './errors.js';
import { createImageSource } from './image/open.js';
import { pairPlatforms, platformSide, type PlatformSide } from './image/platform-pairs.js';
import { sourceOptions, type ResolvedImage, type SourceOptions } from './image/types.js';
import { LayerCache } from './inventory/layer-cache.js';
import { prewalker, readImage, type ReadOptions } from './inventory/read-image.js';
import { MANAGERS } from './managers/index.js';
import type { PackageManager } from './managers/types.js';
import { formatPlatform, parsePlatform } from './oci/platform.js';

export interface PipelineOptions {
  /** `os/arch[/variant]`; picks a manifest from an index. Default linux/amd64. */
  platform?: string;
  managers?: readonly PackageManager[];
  signal?: AbortSignal;
  /** Layers read at once. */
  concurrency?: number;
  /** Credentials, TLS and engine connection for docker:// and docker-daemon: references. */
  source?: Partial<SourceOptions>;
  /** The Dockerfile the new (or scanned) image was built from: maps layers to its lines. */
  dockerfile?: string;
}

/** Compare the package sources of two images: the pipeline behind `pkgrepo-diff diff`. */
export async function diffImages(oldReference: string, newReference: string, options: PipelineOptions = {}): Promise<DiffResult> {
  const read = { ...readOptions(options), cache: new LayerCache() };
  const dockerfile = options.dockerfile === undefined ? null : await loadDockerfile(options.dockerfile);
  const [before, after] = await Promise.all([open(oldReference, options, read), open(newReference, options, read)]);
  return diffOpened(before, after, read, dockerfile);
}

/**
 * Compare every platform two images share, one diff each, and name the platforms only one of
 * them has: `pkgrepo-diff diff --all-platforms`. Platforms are listed from the indexes without
 * reading layers; a layer several platforms share is read once.
 */
export async function diffAllPlatforms(oldReference: string, newReference: string, options: PipelineOptions = {}): Promise<AllPlatformsDiff> {
  if (options.platform !== undefined) {
    throw new PkgrepoDiffError('E_USAGE', 'cannot be combined with --platform', { input: '--all-platforms', hint: 'use one of them' });
  }
  const read = { ...readOptions(options), cache: new LayerCache() };
  const dockerfile = options.dockerfile === undefined ? null : await loadDockerfile(options.dockerfile);
  const opening = { signal: options.signal, prewalk: prewalker(read) };
  const side = async (reference: string) => platformSide(await createImageSource(reference, sourceOptions(options.source)), opening);
  const [before, after] = await Promise.all([side(oldReference), side(newReference)]);
  const pairs = pairPlatforms(before, after);

  const platforms: PlatformDiff[] = [];
  for (const platform of pairs.shared) {
    const [oldImage, newImage] = await Promise.all([before.open(platform), after.open(platform)]);
    platforms.push({ platform: formatPlatform(platform), result: await diffOpened(oldImage, newImage, read, dockerfile) });
  }
  const names = (listed: PlatformSide) => ({ reference: listed.reference, platforms: listed.platforms.map(formatPlatform) });
  return {
    old: names(before),
    new: names(after),
    multiPlatform: before.index || after.index,
    platforms,
    onlyOld: pairs.onlyOld.map(formatPlatform),
    onlyNew: pairs.onlyNew.map(formatPlatform),
  };
}

async function diffOpened(
  before: ResolvedImage,
  after: ResolvedImage,
  read: ReadOptions & { cache: LayerCache },
  dockerfile: Dockerfile | null,
): Promise<DiffResult> {
  const [oldInventory, newInventory] = await Promise.all([readImage(before, read), readImage(after, read)]);
  return diffInventories(oldInventory, newInventory, mapImage(dockerfile, after));
}

/** The package sources of one image: the pipeline behind `pkgrepo-diff scan`. */
export async function scanImage(reference: string, options: PipelineOptions = {}): Promise<ScanResult> {
  const read = { ...readOptions(options), cache: new LayerCache() };
  const dockerfile = options.dockerfile === undefined ? null : await loadDockerfile(options.dockerfile);
  const image = await open(reference, options, read);
  return scanInventory(await readImage(image, read), mapImage(dockerfile, image));
}

function mapImage(dockerfile: Dockerfile | null, image: ResolvedImage): DockerfileMap | null {
  return dockerfile === null ? null : mapDockerfile(dockerfile, image.config, image.layers.length);
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
export type { AllPlatformsDiff, Change, DiffResult, Finding, PlatformDiff, ScanResult, Transient } from './diff/model.js';
export type { Item, Key, PackageManager, Setting, Severity, Source } from './managers/types.js';
export { diffToJson, scanToJson, SCHEMA_VERSION } from './report/json.js';
export { diffToTable, scanToTable } from './report/table.js';
export { allPlatformsToJson, allPlatformsToTable } from './report/all-platforms.js';
export { RULES, type Rule } from './findings/catalog.js';
export { applyPolicy, defaultPolicy, loadPolicy, parsePolicy, type Policy } from './policy/index.js';
export type { Suppressed } from './diff/model.js';
