import { stat } from 'node:fs/promises';

import { PkgrepoDiffError } from '../errors.js';
import { TarStore } from './blob-store.js';
import { DockerArchiveSource } from './docker-archive.js';
import { OciArchiveSource, OciLayoutSource } from './oci-layout.js';
import { parseReference } from './reference.js';
import type { ImageSource, SourceOptions } from './types.js';

/** Pick the transport adapter for a reference; bare paths are detected by looking inside. */
export async function createImageSource(raw: string, _options: SourceOptions): Promise<ImageSource> {
  const reference = parseReference(raw);
  switch (reference.transport) {
    case 'oci':
      return new OciLayoutSource(raw, reference.path, reference.tag);
    case 'oci-archive':
      return new OciArchiveSource(raw, reference.path, reference.tag);
    case 'docker-archive':
      return new DockerArchiveSource(raw, reference.path, reference.name, reference.sourceIndex);
    case 'docker':
    case 'docker-daemon':
      throw new PkgrepoDiffError('E_UNSUPPORTED', `the ${reference.transport}: transport is not yet supported`, {
        input: raw,
        hint: 'save the image with docker save or skopeo copy and pass docker-archive:, oci: or oci-archive:',
      });
    case 'path':
      return detect(raw, reference.path, reference.tag);
  }
}

async function detect(raw: string, path: string, tag: string | undefined): Promise<ImageSource> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    const looksLikeName = !path.includes('/') && !path.startsWith('.');
    throw new PkgrepoDiffError('E_NOT_FOUND', 'no such file or directory', {
      input: raw,
      hint: looksLikeName
        ? 'registry references need docker:// (not yet supported); for local files use docker-archive:, oci: or oci-archive:'
        : undefined,
    });
  }
  if (info.isDirectory()) return new OciLayoutSource(raw, path, tag);
  const store = await TarStore.open(path).catch((error: unknown) => {
    throw new PkgrepoDiffError('E_FORMAT', 'not an image layout, docker save archive or OCI archive', {
      input: raw,
      cause: error,
    });
  });
  if (store.has('manifest.json')) return new DockerArchiveSource(raw, path, tag, undefined);
  if (store.has('index.json')) return new OciArchiveSource(raw, path, tag);
  throw new PkgrepoDiffError('E_FORMAT', 'a tar, but neither a docker save archive nor an OCI archive', { input: raw });
}
