import { stat } from 'node:fs/promises';

import { PkgrepoDiffError } from '../errors.js';
import type { PlatformSpec } from '../oci/platform.js';
import { DirectoryStore, type FileStore, TarStore } from './blob-store.js';
import { listLayoutPlatforms, openLayoutImage } from './layout.js';
import type { ImageSource, OpenOptions, ResolvedImage } from './types.js';

/** What both OCI layout transports share: a store of the layout's files, and the tag to pick. */
abstract class LayoutSource implements ImageSource {
  protected abstract readonly transport: string;

  constructor(
    readonly reference: string,
    protected readonly path: string,
    private readonly tag: string | undefined,
  ) {}

  async open(options: OpenOptions): Promise<ResolvedImage> {
    return openLayoutImage(await this.store(), this.target(), options);
  }

  async platforms(): Promise<PlatformSpec[] | undefined> {
    return listLayoutPlatforms(await this.store(), this.target());
  }

  protected abstract store(): Promise<FileStore>;

  private target() {
    return { reference: this.reference, transport: this.transport, tag: this.tag };
  }
}

/** `oci:DIR[:TAG]`: an OCI image layout directory. */
export class OciLayoutSource extends LayoutSource {
  protected readonly transport = 'oci';

  protected async store(): Promise<DirectoryStore> {
    const info = await stat(this.path).catch((error: unknown) => {
      throw new PkgrepoDiffError('E_NOT_FOUND', 'no such directory', { input: this.reference, cause: error });
    });
    if (!info.isDirectory()) throw new PkgrepoDiffError('E_FORMAT', 'not a directory', { input: this.reference, hint: 'for a tar file use oci-archive:' });
    const store = new DirectoryStore(this.path);
    if (!(await store.has('index.json'))) {
      throw new PkgrepoDiffError('E_FORMAT', 'not an OCI image layout (no index.json)', { input: this.reference });
    }
    return store;
  }
}

/** `oci-archive:PATH[:TAG]`: a tar of an OCI image layout, read in place. */
export class OciArchiveSource extends LayoutSource {
  protected readonly transport = 'oci-archive';

  private indexed: Promise<TarStore> | undefined;

  /** Indexed once per source: `--all-platforms` opens the archive once per platform. */
  protected store(): Promise<TarStore> {
    this.indexed ??= this.indexArchive();
    return this.indexed;
  }

  private async indexArchive(): Promise<TarStore> {
    const store = await TarStore.open(this.path).catch((error: unknown) => {
      throw error instanceof PkgrepoDiffError ? error.within(this.reference) : error;
    });
    if (!store.has('index.json')) {
      throw new PkgrepoDiffError('E_FORMAT', 'not an OCI archive (no index.json inside)', { input: this.reference });
    }
    return store;
  }
}
