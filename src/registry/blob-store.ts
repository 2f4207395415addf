import type { Readable } from 'node:stream';

import type { FileStore } from '../image/blob-store.js';
import type { Transfers } from '../image/types.js';
import { header, type RegistryClient, type Repository } from './client.js';
import { resumableStream } from './resumable.js';

const BLOB_PATH = /^blobs\/([a-z0-9]+)\/([a-f0-9]+)$/;

/**
 * A registry repository's blobs seen as a layout's `blobs/ALG/HEX` files, so the layout code
 * reads and verifies configs and describes layers for registries as it does for directories.
 */
export class RegistryBlobStore implements FileStore {
  constructor(
    private readonly client: RegistryClient,
    private readonly repository: Repository,
    private readonly notice: (message: string) => void,
    private readonly transfers?: Transfers,
  ) {}

  describe(path: string): string {
    const digest = digestOf(path);
    return digest === undefined ? this.repository.input : `${this.client.endpoint.registry}/${this.repository.name}@${digest}`;
  }

  has(path: string): boolean {
    return digestOf(path) !== undefined;
  }

  async read(path: string, limit: number): Promise<Buffer> {
    const response = await this.client.get(this.repository, `blobs/${this.require(path)}`);
    return this.client.read(response, limit, { ...this.repository, input: this.describe(path) });
  }

  open(path: string, signal?: AbortSignal, size?: number): Readable {
    const digest = this.require(path);
    const input = { ...this.repository, input: this.describe(path) };
    return resumableStream(
      async (offset, abort) => {
        const response = await this.client.get(this.repository, `blobs/${digest}`, { from: offset, signal: abort });
        if (response.status === 200) return { body: response.body, start: 0 };
        if (response.status === 206) return { body: response.body, start: rangeStart(header(response, 'content-range')) ?? 0 };
        throw await this.client.fail(response, input);
      },
      {
        retry: this.client.retry,
        signal,
        onResume: (offset) => this.notice(`${input.input}: connection cut after ${offset} bytes; resuming`),
        transfer: this.transfers?.begin(digest, size),
      },
    );
  }

  private require(path: string): string {
    const digest = digestOf(path);
    if (digest === undefined) throw new Error(`not a blob path: ${path}`);
    return digest;
  }
}

function digestOf(path: string): string | undefined {
  const match = BLOB_PATH.exec(path);
  return match === null ? undefined : `${match[1]}:${match[2]}`;
}

/** `bytes START-END/TOTAL` → START. */
function rangeStart(value: string | undefined): number | undefined {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(value?.trim() ?? '');
  return match === null ? undefined : Number(match[1]);
}
