import { PkgrepoDiffError } from '../errors.js';
import { formatPlatform, normalizeSpec, type PlatformSpec } from '../oci/platform.js';
import type { ImageSource, OpenOptions, ResolvedImage } from './types.js';

/** One image of `diff --all-platforms`: the platforms it offers and how to open each. */
export interface PlatformSide {
  reference: string;
  /** False for a single image: it has one platform, its config's. */
  index: boolean;
  platforms: PlatformSpec[];
  open(platform: PlatformSpec): Promise<ResolvedImage>;
}

/** The platforms both images have (in the new image's order), and those only one has. */
export interface PlatformPairs {
  shared: PlatformSpec[];
  onlyOld: PlatformSpec[];
  onlyNew: PlatformSpec[];
}

type Opening = Omit<OpenOptions, 'platform' | 'platformExplicit'>;

/** What a source offers: its index's platforms without reading a layer, or a single image's own. */
export async function platformSide(source: ImageSource, opening: Opening): Promise<PlatformSide> {
  const listed = await source.platforms?.(opening.signal);
  if (listed !== undefined) {
    if (listed.length === 0) throw new PkgrepoDiffError('E_PLATFORM', 'the image index names no platform', { input: source.reference });
    const open = (platform: PlatformSpec) => source.open({ ...opening, platform, platformExplicit: true });
    return { reference: source.reference, index: true, platforms: listed, open };
  }

  // A single image: its config says which platform it is, and it is opened only this once.
  const image = await source.open({ ...opening, platform: normalizeSpec({ os: 'linux', architecture: 'amd64', variant: undefined }), platformExplicit: false });
  const { os, architecture, variant } = image.config;
  return { reference: source.reference, index: false, platforms: [normalizeSpec({ os, architecture, variant })], open: async () => image };
}

/**
 * Match platforms by their normalised `os/arch[/variant]`. Two single images are paired
 * whatever their platforms, as a plain diff would compare them.
 */
export function pairPlatforms(before: PlatformSide, after: PlatformSide): PlatformPairs {
  if (!before.index && !after.index) return { shared: after.platforms, onlyOld: [], onlyNew: [] };

  const oldKeys = new Set(before.platforms.map(formatPlatform));
  const newKeys = new Set(after.platforms.map(formatPlatform));
  const pairs = {
    shared: after.platforms.filter((platform) => oldKeys.has(formatPlatform(platform))),
    onlyOld: before.platforms.filter((platform) => !newKeys.has(formatPlatform(platform))),
    onlyNew: after.platforms.filter((platform) => !oldKeys.has(formatPlatform(platform))),
  };
  if (pairs.shared.length === 0) {
    const list = (side: PlatformSide) => side.platforms.map(formatPlatform).join(', ');
    throw new PkgrepoDiffError('E_PLATFORM', `the images share no platform (old: ${list(before)}; new: ${list(after)})`, {
      input: `${before.reference} ${after.reference}`,
      hint: 'drop --all-platforms to compare one platform of each, picked with --platform',
    });
  }
  return pairs;
}
