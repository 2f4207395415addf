import type { Readable } from 'node:stream';

import type { PlatformSpec } from '../oci/platform.js';
import type { ImageConfig } from '../oci/types.js';

/** One layer blob of a resolved image, with what its bytes must hash to. */
export interface LayerBlob {
  index: number;
  /** Digest of the blob as stored (compressed); equals diffId for uncompressed legacy layers. */
  digest: string;
  /** Digest of the uncompressed tar, from the config's rootfs.diff_ids. */
  diffId: string;
  mediaType: string;
  /** Size the descriptor declares, when the transport gives one. */
  size: number | undefined;
  /** Where the bytes come from, for error messages. */
  location: string;
  /** Stream the raw blob. The layer reader verifies digest and size while it streams. */
  open(signal?: AbortSignal): Readable;
  /**
   * Only on a blob handed to OpenOptions.prewalk by a transport that cannot tell which layer a
   * stream entry is before hashing it (the legacy docker save layout names layers by v1 id, in
   * lexical order). Then `diffId` is empty, and `digest` too unless the name gave it: the walker
   * hashes the bytes instead of checking them and hands the digests here (with no digest given,
   * the layer is known by its diffID alone: `digest` is then the diffID), which throws for a
   * layer the image does not list. The cache keeps the walk under the digests found.
   */
  identify?: (found: { digest: string; diffId: string }) => void;
}

/** An image reduced to what the pipeline needs, whatever transport it came from. */
export interface ResolvedImage {
  reference: string;
  transport: string;
  /** Digest of the manifest, or null when the transport has none (legacy docker save). */
  digest: string | null;
  configDigest: string;
  platform: string;
  config: ImageConfig;
  layers: LayerBlob[];
  /** What the Docker engine says of an image read from it (docker-daemon: only). */
  engine?: EngineImage;
}

/** The engine's own names for an image: `docker images --digests` shows the same. */
export interface EngineImage {
  /** The image ID: the digest of its config. */
  id: string;
  /** `NAME@sha256:…` of the manifests this image was pulled by or pushed as; empty for a local build. */
  repoDigests: string[];
}

export interface OpenOptions {
  platform: PlatformSpec;
  /** True when the user named the platform: a single-platform image must then match it. */
  platformExplicit: boolean;
  signal?: AbortSignal;
  /**
   * Transports that can read an image only as one sequential stream (the engine's save
   * endpoint) hand each layer to this as it passes, so the pipeline walks it then and caches the
   * result; later reads of that layer come from the cache. Others ignore it.
   */
  prewalk?: (blob: LayerBlob) => Promise<unknown>;
}

/** What remote transports need to reach an image; local files need none of it. */
export interface SourceOptions {
  /** Environment to read DOCKER_HOST, REGISTRY_AUTH_FILE, DOCKER_CONFIG and friends from. */
  env: NodeJS.ProcessEnv;
  registry: RegistryOptions;
  engine: EngineOptions;
  /** One-line notices for the user (stderr in the CLI): insecure connections, retries. */
  notice: (message: string) => void;
  /** Told of each blob a remote transport streams, for a progress display; none by default. */
  transfers?: Transfers;
}

/** Byte counts of blobs as they stream from a remote transport. */
export interface Transfers {
  /** A blob starts streaming; `total` is its size when the transport knows it. */
  begin(label: string, total: number | undefined): Transfer;
}

export interface Transfer {
  /** Bytes that arrived (counted once even when a cut stream is resumed). */
  add(bytes: number): void;
  /** The stream ended, read to its end or not. */
  end(): void;
}

export interface RegistryOptions {
  /** `USER[:PASS]` for every registry named on the command line. */
  creds?: string;
  /** A bearer token sent as is. */
  registryToken?: string;
  /** Extra CA certificates (PEM files) trusted on top of the system ones. */
  caCertFiles?: string[];
  /** Allow plain http and unverified TLS (always allowed for loopback hosts). */
  insecure?: boolean;
}

export interface EngineOptions {
  /** Overrides DOCKER_HOST and the docker context, as `docker --host` does. */
  host?: string;
}

/** Defaults for library callers that name only some options. */
export function sourceOptions(partial: Partial<SourceOptions> = {}): SourceOptions {
  return {
    env: partial.env ?? process.env,
    registry: partial.registry ?? {},
    engine: partial.engine ?? {},
    notice: partial.notice ?? (() => undefined),
    ...(partial.transfers === undefined ? {} : { transfers: partial.transfers }),
  };
}

/** One adapter per transport; everything downstream is blind to which one it was. */
export interface ImageSource {
  readonly reference: string;
  open(options: OpenOptions): Promise<ResolvedImage>;
  /**
   * The platforms of the index the reference names (index order, without duplicates), read
   * without touching layers; undefined when it names a single image. Transports that never
   * hold an index leave this out. `diff --all-platforms` opens each platform it lists.
   */
  platforms?(signal?: AbortSignal): Promise<PlatformSpec[] | undefined>;
}
