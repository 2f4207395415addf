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
  };
}

/** One adapter per transport; everything downstream is blind to which one it was. */
export interface ImageSource {
  readonly reference: string;
  open(options: OpenOptions): Promise<ResolvedImage>;
}
