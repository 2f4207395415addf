import { stat } from 'node:fs/promises';

import { PkgrepoDiffError } from '../errors.js';
import { DockerDaemonSource } from '../engine/daemon-source.js';
import { TarStore } from './blob-store.js';
import { DockerArchiveSource } from './docker-archive.js';
import { OciArchiveSource, OciLayoutSource } from './oci-layout.js';
import { parseReference } from './reference.js';
import { looksLikeRegistryReference, registrySource } from '../registry/source.js';
import type { ImageSource, SourceOptions } from './types.js';

/** Pick the transport adapter for a reference; bare paths are detected by looking inside. */
export async function createImageSource(raw: string, options: SourceOptions): Promise<ImageSource> {
  const reference = parseReference(raw);
  switch (reference.transport) {
    case 'oci':
      return new OciLayoutSource(raw, reference.path, reference.tag);
    case 'oci-archive':
      return new OciArchiveSource(raw, reference.path, reference.tag);
    case 'docker-archive':
      return new DockerArchiveSource(raw, reference.path, reference.name, reference.sourceIndex);
    case 'docker':
      return registrySource(raw, reference.name, options);
    case 'docker-daemon':
      return new DockerDaemonSource(raw, reference.name, options);
    case 'path':
      return detect(raw, reference.path, reference.tag, options);
  }
}

/** A bare reference: a file or directory when one exists, else an image in a registry. */
async function detect(raw: string, path: string, tag: string | undefined, options: SourceOptions): Promise<ImageSource> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    if (looksLikeRegistryReference(raw)) return registrySource(raw, raw, options);
    throw new PkgrepoDiffError('E_NOT_FOUND', 'no such file or directory', {
      input: raw,
      hint: 'for an image in a registry use docker://NAME[:TAG]; for local files docker-archive:, oci: or oci-archive:',
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
