import { z } from 'zod';

import { PkgrepoDiffError } from '../errors.js';
import { sha256Digest, verifyBytes } from '../oci/digest.js';
import { MediaType } from '../oci/media-types.js';
import { parseJson } from '../oci/parse.js';
import { formatPlatform } from '../oci/platform.js';
import { type Descriptor, imageConfigSchema, indexSchema, manifestSchema } from '../oci/types.js';
import { type FileStore, TarStore } from './blob-store.js';
import { checkPlatform, METADATA_LIMIT } from './layout.js';
import { normalizeImageName } from './image-name.js';
import type { ImageSource, LayerBlob, OpenOptions, ResolvedImage } from './types.js';

/** `manifest.json` of `docker save`, in both the legacy and the Docker 25+ OCI layouts. */
const saveManifestSchema = z.array(
  z.looseObject({
    Config: z.string(),
    RepoTags: z.array(z.string()).nullish(),
    Layers: z.array(z.string()),
  }),
);
export type SaveEntry = z.infer<typeof saveManifestSchema>[number];

/** Which image of a `docker save` output to read, and how to name it in the result. */
export interface SaveTarget {
  reference: string;
  transport: string;
  pick(entries: SaveEntry[]): SaveEntry;
}

const BLOB_MEMBER = /^blobs\/(sha256)\/([a-f0-9]{64})$/;

/** `docker-archive:PATH[:NAME[:TAG]|:@N]`: the output of `docker save`. */
export class DockerArchiveSource implements ImageSource {
  constructor(
    readonly reference: string,
    private readonly file: string,
    private readonly name: string | undefined,
    private readonly sourceIndex: number | undefined,
  ) {}

  async open(options: OpenOptions): Promise<ResolvedImage> {
    const store = await TarStore.open(this.file).catch((error: unknown) => {
      throw error instanceof PkgrepoDiffError ? error.within(this.reference) : error;
    });
    if (!store.has('manifest.json')) {
      throw new PkgrepoDiffError('E_FORMAT', 'not a docker save archive (no manifest.json inside)', {
        input: this.reference,
        hint: store.has('index.json') ? 'this is an OCI archive: use oci-archive:' : undefined,
      });
    }
    return resolveSavedImage(store, { reference: this.reference, transport: 'docker-archive', pick: (entries) => this.pick(entries) }, options);
  }

  private pick(entries: SaveEntry[]): SaveEntry {
    const tags = entries.flatMap((entry) => entry.RepoTags ?? []);
    if (this.sourceIndex !== undefined) {
      const entry = entries[this.sourceIndex];
      if (entry !== undefined) return entry;
      throw new PkgrepoDiffError('E_NOT_FOUND', `no image @${this.sourceIndex}; the archive holds ${entries.length}`, { input: this.reference });
    }
    if (this.name !== undefined) {
      const wanted = normalizeImageName(this.name);
      const entry = entries.find((candidate) => (candidate.RepoTags ?? []).some((tag) => normalizeImageName(tag) === wanted));
      if (entry !== undefined) return entry;
      throw new PkgrepoDiffError('E_NOT_FOUND', `no image named ${this.name}`, {
        input: this.reference,
        hint: tags.length === 0 ? 'the archive has no tagged images; select one with :@N' : `images here: ${tags.join(', ')}`,
      });
    }
    const [only] = entries;
    if (only === undefined) throw new PkgrepoDiffError('E_FORMAT', 'the archive holds no image', { input: this.reference });
    if (entries.length > 1) {
      throw new PkgrepoDiffError('E_USAGE', `holds ${entries.length} images; name one with :NAME:TAG or :@N`, {
        input: this.reference,
        hint: tags.length === 0 ? undefined : `images here: ${tags.join(', ')}`,
      });
    }
    return only;
  }
}

/**
 * The image a `docker save` output holds, in the legacy or the Docker 25+ OCI layout, whether
 * the output is a file read in place or what an engine's save stream left (src/engine).
 */
export async function resolveSavedImage(store: FileStore, target: SaveTarget, options: OpenOptions): Promise<ResolvedImage> {
  const entries = parseJson(saveManifestSchema, await store.read('manifest.json', METADATA_LIMIT), store.describe('manifest.json'));
  const entry = target.pick(entries);

  const configBytes = await store.read(entry.Config, METADATA_LIMIT);
  const configDigest = sha256Digest(configBytes);
  const expected = /([a-f0-9]{64})(?:\.json)?$/.exec(entry.Config)?.[1];
  if (expected !== undefined) verifyBytes(configBytes, `sha256:${expected}`, undefined, store.describe(entry.Config));
  const config = parseJson(imageConfigSchema, configBytes, store.describe(entry.Config));
  checkPlatform(config, options, target.reference);
  if (config.rootfs.diff_ids.length !== entry.Layers.length) {
    throw new PkgrepoDiffError('E_FORMAT', `manifest.json lists ${entry.Layers.length} layers, the config ${config.rootfs.diff_ids.length}`, {
      input: target.reference,
    });
  }

  const oci = await findOciManifest(store, configDigest);
  const layers = entry.Layers.map((member, index): LayerBlob => {
    const diffId = config.rootfs.diff_ids[index] ?? '';
    const blob = BLOB_MEMBER.exec(member);
    const descriptor: Descriptor | undefined = oci?.manifest.layers[index];
    return {
      index,
      digest: blob ? `${blob[1]}:${blob[2]}` : diffId,
      diffId,
      mediaType: descriptor?.mediaType ?? MediaType.dockerLayerTar,
      size: descriptor?.size,
      location: store.describe(member),
      open: (signal) => store.open(member, signal),
    };
  });
  return {
    reference: target.reference,
    transport: target.transport,
    digest: oci?.digest ?? null,
    configDigest,
    platform: formatPlatform(config),
    config,
    layers,
  };
}

/** Docker 25+ also writes an OCI index: find the manifest of this config to report its digest. */
async function findOciManifest(store: FileStore, configDigest: string) {
  if (!(await store.has('index.json'))) return undefined;
  const index = parseJson(indexSchema, await store.read('index.json', METADATA_LIMIT), store.describe('index.json'));
  for (const descriptor of index.manifests) {
    const member = `blobs/${descriptor.digest.replace(':', '/')}`;
    if (!(await store.has(member))) continue;
    const bytes = await store.read(member, METADATA_LIMIT);
    verifyBytes(bytes, descriptor.digest, descriptor.size, store.describe(member));
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString()));
    if (parsed.success && parsed.data.config.digest === configDigest) return { digest: descriptor.digest, manifest: parsed.data };
  }
  return undefined;
}
