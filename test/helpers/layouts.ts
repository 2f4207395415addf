import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { isIndexMediaType } from '../../src/oci/media-types.js';
import { parseJson } from '../../src/oci/parse.js';
import { parsePlatform, platformMatches } from '../../src/oci/platform.js';
import {
  imageConfigSchema,
  indexSchema,
  manifestSchema,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type Manifest,
} from '../../src/oci/types.js';

/** Where fixtures/make-layouts.ts writes the layouts; see fixtures/layouts/README.md. */
export const LAYOUTS_DIR = fileURLToPath(new URL('../../fixtures/layouts/', import.meta.url));

export function layoutPath(name: string): string {
  return join(LAYOUTS_DIR, name);
}

export function readBlob(layout: string, digest: string): Promise<Buffer> {
  return readFile(join(layout, 'blobs', digest.replace(':', '/')));
}

export async function readLayoutIndex(layout: string): Promise<ImageIndex> {
  return parseJson(indexSchema, await readFile(join(layout, 'index.json')), 'index.json');
}

/** The manifest descriptor behind a tag, through a nested index when `platform` picks one. */
export async function findManifest(
  layout: string,
  tag: string,
  platform = 'linux/amd64',
): Promise<Descriptor> {
  const index = await readLayoutIndex(layout);
  const tagged = index.manifests.find(
    (d) => d.annotations?.['org.opencontainers.image.ref.name'] === tag,
  );
  if (tagged === undefined) throw new Error(`${layout}: no tag ${tag}`);
  if (!isIndexMediaType(tagged.mediaType)) return tagged;

  const nested = parseJson(indexSchema, await readBlob(layout, tagged.digest), tagged.digest);
  const wanted = parsePlatform(platform);
  const match = nested.manifests.find(
    (d) => d.platform !== undefined && platformMatches(wanted, d.platform),
  );
  if (match === undefined) throw new Error(`${layout}:${tag}: no manifest for ${platform}`);
  return match;
}

/** The manifest and config of a tagged image, validated with the same schemas as the tool. */
export async function readImage(
  layout: string,
  tag: string,
  platform?: string,
): Promise<{ manifest: Manifest; config: ImageConfig }> {
  const descriptor = await findManifest(layout, tag, platform);
  const manifest = parseJson(
    manifestSchema,
    await readBlob(layout, descriptor.digest),
    descriptor.digest,
  );
  const configBytes = await readBlob(layout, manifest.config.digest);
  return { manifest, config: parseJson(imageConfigSchema, configBytes, manifest.config.digest) };
}
