import { PkgrepoDiffError } from '../errors.js';
import { blobPath, verifyBytes } from '../oci/digest.js';
import { isIndexMediaType, isManifestMediaType } from '../oci/media-types.js';
import { parseJson } from '../oci/parse.js';
import { indexPlatforms } from '../oci/index-platforms.js';
import { formatPlatform, platformMatches, type PlatformSpec } from '../oci/platform.js';
import {
  type Descriptor,
  type ImageConfig,
  imageConfigSchema,
  type ImageIndex,
  indexSchema,
  type Manifest,
  manifestSchema,
} from '../oci/types.js';
import type { FileStore } from './blob-store.js';
import type { LayerBlob, OpenOptions, ResolvedImage } from './types.js';

/** Manifests, indexes and configs are small; anything larger is not one. */
export const METADATA_LIMIT = 4 * 1024 * 1024;
const REF_NAME = 'org.opencontainers.image.ref.name';
export const MAX_INDEX_DEPTH = 4;

interface Target {
  reference: string;
  transport: string;
  tag: string | undefined;
}

/** Open an image from an OCI image layout (a directory, or the inside of an archive). */
export async function openLayoutImage(store: FileStore, target: Target, options: OpenOptions): Promise<ResolvedImage> {
  const descriptor = await taggedDescriptor(store, target);
  const { digest, manifest } = await resolveManifest(store, descriptor, options, target.reference, 0);
  return assembleImage(store, target, digest, manifest, options);
}

/** The platforms of the index a layout's tag names; undefined when the tag names one image. */
export async function listLayoutPlatforms(store: FileStore, target: Target): Promise<PlatformSpec[] | undefined> {
  const descriptor = await taggedDescriptor(store, target);
  const bytes = await readBlob(store, descriptor);
  if (!isIndexMediaType(mediaTypeOf(descriptor, bytes))) return undefined;
  return indexPlatforms(parseJson(indexSchema, bytes, store.describe(blobPath(descriptor.digest, 'manifest'))));
}

async function taggedDescriptor(store: FileStore, target: Target): Promise<Descriptor> {
  const index = parseJson(indexSchema, await store.read('index.json', METADATA_LIMIT), store.describe('index.json'));
  return pickByTag(index.manifests, target, store);
}

/** Read and verify a manifest's config, and describe its layers. */
export async function assembleImage(
  store: FileStore,
  target: Target,
  digest: string | null,
  manifest: Manifest,
  options: OpenOptions,
): Promise<ResolvedImage> {
  const config = await readConfig(store, manifest.config);
  checkPlatform(config, options, target.reference);
  if (config.rootfs.diff_ids.length !== manifest.layers.length) {
    throw new PkgrepoDiffError(
      'E_FORMAT',
      `manifest lists ${manifest.layers.length} layers but the config has ${config.rootfs.diff_ids.length} diff_ids`,
      { input: target.reference },
    );
  }
  const layers = manifest.layers.map((layer, index): LayerBlob => {
    const path = blobPath(layer.digest, target.reference);
    return {
      index,
      digest: layer.digest,
      diffId: config.rootfs.diff_ids[index] ?? '',
      mediaType: layer.mediaType,
      size: layer.size,
      location: store.describe(path),
      open: (signal) => store.open(path, signal, layer.size),
    };
  });
  return {
    reference: target.reference,
    transport: target.transport,
    digest,
    configDigest: manifest.config.digest,
    platform: formatPlatform(config),
    config,
    layers,
  };
}

export async function readConfig(store: FileStore, descriptor: Descriptor): Promise<ImageConfig> {
  const bytes = await readBlob(store, descriptor);
  return parseJson(imageConfigSchema, bytes, store.describe(blobPath(descriptor.digest, 'config')));
}

async function readBlob(store: FileStore, descriptor: Descriptor): Promise<Buffer> {
  const path = blobPath(descriptor.digest, store.describe('index.json'));
  const bytes = await store.read(path, METADATA_LIMIT);
  verifyBytes(bytes, descriptor.digest, descriptor.size, store.describe(path));
  return bytes;
}

function pickByTag(manifests: Descriptor[], target: Target, store: FileStore): Descriptor {
  const tags = manifests.map((entry) => entry.annotations?.[REF_NAME]).filter((tag) => tag !== undefined);
  if (target.tag !== undefined) {
    const match = manifests.find((entry) => entry.annotations?.[REF_NAME] === target.tag);
    if (match !== undefined) return match;
    throw new PkgrepoDiffError('E_NOT_FOUND', `no image tagged "${target.tag}"`, {
      input: target.reference,
      hint: tags.length === 0 ? 'the layout has no tagged images' : `tags here: ${tags.join(', ')}`,
    });
  }
  const distinct = new Set(manifests.map((entry) => entry.digest));
  const [only] = manifests;
  if (only === undefined) throw new PkgrepoDiffError('E_FORMAT', 'index.json lists no images', { input: store.describe('index.json') });
  if (distinct.size > 1) {
    throw new PkgrepoDiffError('E_USAGE', `holds ${distinct.size} images; name one with :TAG`, {
      input: target.reference,
      hint: tags.length === 0 ? undefined : `tags here: ${tags.join(', ')}`,
    });
  }
  return only;
}

async function resolveManifest(
  store: FileStore,
  descriptor: Descriptor,
  options: OpenOptions,
  reference: string,
  depth: number,
): Promise<{ digest: string; manifest: Manifest }> {
  const bytes = await readBlob(store, descriptor);
  const input = store.describe(blobPath(descriptor.digest, 'manifest'));
  const mediaType = mediaTypeOf(descriptor, bytes);
  if (isManifestMediaType(mediaType)) return { digest: descriptor.digest, manifest: parseJson(manifestSchema, bytes, input) };
  if (!isIndexMediaType(mediaType)) {
    throw new PkgrepoDiffError('E_FORMAT', `unsupported manifest media type ${mediaType ?? '(none)'}`, { input });
  }
  if (depth >= MAX_INDEX_DEPTH) throw new PkgrepoDiffError('E_FORMAT', 'image indexes nested too deeply', { input });
  const match = pickPlatform(parseJson(indexSchema, bytes, input), options, reference);
  return resolveManifest(store, match, { ...options, platformExplicit: true }, reference, depth + 1);
}

/** The index entry for the requested platform, or an error listing the ones there are. */
export function pickPlatform(index: ImageIndex, options: OpenOptions, reference: string): Descriptor {
  const match = index.manifests.find((entry) => entry.platform && platformMatches(options.platform, entry.platform));
  if (match !== undefined) return match;
  const have = index.manifests.flatMap((entry) => (entry.platform ? [formatPlatform(entry.platform)] : []));
  throw new PkgrepoDiffError('E_PLATFORM', `no image for platform ${formatPlatform(options.platform)}`, {
    input: reference,
    hint: `available: ${have.join(', ') || 'none'}; choose one with --platform`,
  });
}

/** The descriptor's media type, or the one the document itself declares. */
export function mediaTypeOf(descriptor: Descriptor, bytes: Buffer): string | undefined {
  if (isIndexMediaType(descriptor.mediaType) || isManifestMediaType(descriptor.mediaType)) return descriptor.mediaType;
  try {
    const parsed: unknown = JSON.parse(bytes.toString());
    if (typeof parsed !== 'object' || parsed === null) return descriptor.mediaType;
    if ('manifests' in parsed) return 'application/vnd.oci.image.index.v1+json';
    if ('layers' in parsed) return 'application/vnd.oci.image.manifest.v1+json';
  } catch {
    // parseJson reports the syntax error with context later
  }
  return descriptor.mediaType;
}

export function checkPlatform(config: ImageConfig, options: OpenOptions, reference: string): void {
  if (!options.platformExplicit) return;
  if (platformMatches(options.platform, config)) return;
  throw new PkgrepoDiffError('E_PLATFORM', `image is ${formatPlatform(config)}, not ${formatPlatform(options.platform)}`, {
    input: reference,
    hint: 'drop --platform or name the platform the image has',
  });
}
