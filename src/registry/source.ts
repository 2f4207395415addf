import { PkgrepoDiffError } from '../errors.js';
import { formatImageName, type ImageName, parseImageName } from '../image/image-name.js';
import { assembleImage, MAX_INDEX_DEPTH, mediaTypeOf, pickPlatform } from '../image/layout.js';
import type { ImageSource, OpenOptions, ResolvedImage, SourceOptions } from '../image/types.js';
import { isIndexMediaType, isManifestMediaType } from '../oci/media-types.js';
import { indexPlatforms } from '../oci/index-platforms.js';
import { parseJson } from '../oci/parse.js';
import type { PlatformSpec } from '../oci/platform.js';
import { indexSchema, type Manifest, manifestSchema } from '../oci/types.js';
import { RegistryBlobStore } from './blob-store.js';
import type { RegistryClient, Repository } from './client.js';
import { fetchManifest, type FetchedManifest } from './manifests.js';
import type { RetryPolicy } from './retry.js';
import { clientFor } from './session.js';

const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(prettyjws|json)$/;

/** `docker://REF` or a bare image reference: an image in a registry, read over the Distribution API. */
export class RegistrySource implements ImageSource {
  private readonly client: RegistryClient;
  private readonly repository: Repository;
  /** The index digest platforms() saw: later opens read that index even if the tag has moved. */
  private pinned: string | undefined;

  constructor(
    readonly reference: string,
    private readonly name: ImageName,
    private readonly options: SourceOptions,
    retry?: RetryPolicy,
  ) {
    this.client = clientFor(name.domain, options, retry);
    this.repository = { name: name.repository, input: reference };
  }

  async open(options: OpenOptions): Promise<ResolvedImage> {
    const { digest, manifest } = await this.resolve(await fetchManifest(this.client, this.repository, this.wanted(), options.signal), options, 0);
    const store = new RegistryBlobStore(this.client, this.repository, this.options.notice, this.options.transfers);
    const target = { reference: this.reference, transport: 'docker', tag: this.name.tag };
    return assembleImage(store, target, digest, manifest, options);
  }

  /** The platforms of the index the reference names (one manifest fetch); undefined for one image. */
  async platforms(signal?: AbortSignal): Promise<PlatformSpec[] | undefined> {
    const fetched = await fetchManifest(this.client, this.repository, this.wanted(), signal);
    const mediaType = mediaTypeOfFetched(fetched);
    if (!isIndexMediaType(mediaType)) return undefined;
    this.pinned = fetched.digest;
    return indexPlatforms(parseJson(indexSchema, fetched.bytes, formatImageName({ ...this.name, tag: undefined, digest: fetched.digest })));
  }

  private wanted() {
    if (this.pinned !== undefined) return { digest: this.pinned };
    return this.name.digest === undefined ? { tag: this.name.tag ?? 'latest' } : { digest: this.name.digest };
  }

  /** Follow an index down to the manifest for the platform asked for. */
  private async resolve(fetched: FetchedManifest, options: OpenOptions, depth: number): Promise<{ digest: string; manifest: Manifest }> {
    const input = `${formatImageName({ ...this.name, tag: undefined, digest: fetched.digest })}`;
    if (fetched.mediaType !== undefined && SCHEMA1.test(fetched.mediaType)) {
      const hint = 'push the image again with a current client';
      throw new PkgrepoDiffError('E_UNSUPPORTED', 'Docker schema 1 manifests are not supported', { input, hint });
    }
    const mediaType = mediaTypeOfFetched(fetched);
    if (isManifestMediaType(mediaType)) return { digest: fetched.digest, manifest: parseJson(manifestSchema, fetched.bytes, input) };
    if (!isIndexMediaType(mediaType)) {
      throw new PkgrepoDiffError('E_FORMAT', `unsupported manifest media type ${mediaType ?? '(none)'}`, { input });
    }
    if (depth >= MAX_INDEX_DEPTH) throw new PkgrepoDiffError('E_FORMAT', 'image indexes nested too deeply', { input });
    const entry = pickPlatform(parseJson(indexSchema, fetched.bytes, input), options, this.reference);
    const next = await fetchManifest(this.client, this.repository, { digest: entry.digest, size: entry.size }, options.signal);
    return this.resolve(next, { ...options, platformExplicit: true }, depth + 1);
  }
}

/** The manifest's media type: Content-Type when it names one we know, else what the bytes declare. */
function mediaTypeOfFetched(fetched: FetchedManifest): string | undefined {
  return mediaTypeOf({ mediaType: fetched.mediaType ?? '', digest: fetched.digest, size: fetched.bytes.length }, fetched.bytes);
}

/** The source for `docker://NAME` (or a bare NAME): the name must follow the reference grammar. */
export function registrySource(raw: string, text: string, options: SourceOptions): RegistrySource {
  const name = parseImageName(text);
  if (name === undefined) {
    throw new PkgrepoDiffError('E_REFERENCE', 'not a valid image reference', {
      input: raw,
      hint: 'use [HOST[:PORT]/]NAME[:TAG][@DIGEST], lower-case, e.g. registry.example:5000/team/app:1',
    });
  }
  return new RegistrySource(raw, name, options);
}

/** A missing path that reads as an image name is one; names of archives are left as paths. */
export function looksLikeRegistryReference(text: string): boolean {
  return parseImageName(text) !== undefined && !ARCHIVE_NAME.test(text);
}

const ARCHIVE_NAME = /\.(tar|tgz|tar\.gz|tar\.zst|oci)(:[^/]*)?$/i;
