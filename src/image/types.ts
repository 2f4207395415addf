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
}

/** One adapter per transport; everything downstream is blind to which one it was. */
export interface ImageSource {
  readonly reference: string;
  open(options: OpenOptions): Promise<ResolvedImage>;
}
