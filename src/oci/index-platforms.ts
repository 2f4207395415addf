import { formatPlatform, normalizeSpec, type PlatformSpec } from './platform.js';
import type { ImageIndex } from './types.js';

/**
 * The platforms an image index offers, as `--platform` names them: index order, each once.
 * Entries without a platform, and buildx attestation manifests (`unknown/unknown`), are not
 * images to run, so they are left out, as a platform pick would skip them too.
 */
export function indexPlatforms(index: ImageIndex): PlatformSpec[] {
  const platforms = new Map<string, PlatformSpec>();
  for (const { platform } of index.manifests) {
    if (platform === undefined || (platform.os === 'unknown' && platform.architecture === 'unknown')) continue;
    const spec = normalizeSpec({ os: platform.os, architecture: platform.architecture, variant: platform.variant });
    const key = formatPlatform(spec);
    if (!platforms.has(key)) platforms.set(key, spec);
  }
  return [...platforms.values()];
}
