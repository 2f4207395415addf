import { PkgrepoDiffError } from '../errors.js';
import { resolveSavedImage, type SaveEntry } from '../image/docker-archive.js';
import { parseImageName } from '../image/image-name.js';
import { metered } from '../image/metered.js';
import type { ImageSource, OpenOptions, ResolvedImage, SourceOptions } from '../image/types.js';
import { EngineClient } from './client.js';
import { resolveEndpoint } from './endpoint.js';
import { readSaveStream } from './save-stream.js';
import { SavedStreamStore } from './saved-store.js';

const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/;

/**
 * `docker-daemon:NAME[:TAG]` or `docker-daemon:ID`: an image in a Docker-compatible engine
 * (dockerd, Podman's socket). Inspected first, so a missing image fails before any transfer;
 * then the engine's save stream is read once, its layers walked as they pass.
 */
export class DockerDaemonSource implements ImageSource {
  constructor(
    readonly reference: string,
    private readonly name: string,
    private readonly sources: SourceOptions,
  ) {}

  async open(options: OpenOptions): Promise<ResolvedImage> {
    checkName(this.name, this.reference);
    try {
      return await this.read(options);
    } catch (error) {
      throw error instanceof PkgrepoDiffError ? error.within(this.reference) : error;
    }
  }

  private async read(options: OpenOptions): Promise<ResolvedImage> {
    const endpoint = await resolveEndpoint(this.sources.engine, this.sources.env);
    if (endpoint.insecure) this.sources.notice(`the TLS certificate of the engine at ${endpoint.address} is not verified`);
    const client = new EngineClient(endpoint);
    const inspect = await client.inspect(this.name, options.signal);

    // Saved by ID, so a tag moved meanwhile cannot swap the image under us.
    const id = inspect.Id;
    const label = `engine save of ${id.slice('sha256:'.length, 'sha256:'.length + 12)}`;
    const transfer = this.sources.transfers?.begin(label, inspect.Size ?? undefined);
    const contents = await readSaveStream(
      metered(await client.save(id, options.signal), transfer),
      { configDigest: id, diffIds: inspect.RootFS.Layers ?? [], describe: (member) => `${label}:${member}`, prewalk: options.prewalk },
      options.signal,
    ).catch((error: unknown) => {
      if (error instanceof PkgrepoDiffError) throw error;
      throw new PkgrepoDiffError('E_ENGINE', `the save stream of the engine at ${endpoint.address} broke off: ${(error as Error).message}`, { cause: error });
    });

    const store = new SavedStreamStore(contents, label, (signal) => client.save(id, signal));
    const image = await resolveSavedImage(store, { reference: this.reference, transport: 'docker-daemon', pick: (entries) => pickById(entries, id) }, options);
    if (image.configDigest !== id) {
      throw new PkgrepoDiffError('E_DIGEST', `the engine saved config ${image.configDigest} for image ${id}`, { hint: 'the image changed while it was read; try again' });
    }
    return { ...image, engine: { id, repoDigests: inspect.RepoDigests ?? [] } };
  }
}

function checkName(name: string, reference: string): void {
  if (IMAGE_ID.test(name) || parseImageName(name) !== undefined) return;
  throw new PkgrepoDiffError('E_REFERENCE', name === '' ? 'no image named' : `"${name}" is neither an image name nor an image ID`, {
    input: reference,
    hint: 'write docker-daemon:NAME[:TAG] or docker-daemon:ID',
  });
}

/** A save by ID holds that one image; its config member carries the ID. */
function pickById(entries: SaveEntry[], id: string): SaveEntry {
  const hex = id.slice('sha256:'.length);
  const entry = entries.find((candidate) => candidate.Config.includes(hex)) ?? (entries.length === 1 ? entries[0] : undefined);
  if (entry === undefined) throw new PkgrepoDiffError('E_FORMAT', `the engine's manifest.json does not list image ${id}`);
  return entry;
}
