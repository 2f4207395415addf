import { execFile } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { startDockerd } from '../test/helpers/dockerd.js';
import { pushImage, startRegistry } from '../test/helpers/registry.js';
import { pkgrepoDiff, shell, type Command } from './measure.js';
import { writeSyntheticLayout } from './synthetic.js';

const exec = promisify(execFile);

export interface BenchContext {
  work: string;
  sizeMiB: number;
}

export interface Prepared {
  subject: Command;
  baseline: Command;
  /** What was measured on, for the report. */
  note: string;
  beforeEach?: () => Promise<void>;
  teardown?: () => Promise<void>;
}

export interface BenchCase {
  name: string;
  prepare(context: BenchContext): Promise<Prepared>;
}

/** The synthetic gzip layout for this size, generated once and kept in the work dir. */
export async function gzipLayout(context: BenchContext): Promise<string> {
  const dir = join(context.work, `layout-gzip-${context.sizeMiB}`);
  const marker = join(dir, 'index.json');
  if (!(await stat(marker).catch(() => undefined))) {
    process.stderr.write(`bench: writing a ${context.sizeMiB} MiB image to ${dir}\n`);
    await writeSyntheticLayout(dir, { baseBytes: context.sizeMiB * 1024 * 1024 });
  }
  return dir;
}

/** The same images with zstd layers, converted by skopeo. */
async function zstdLayout(context: BenchContext): Promise<string> {
  const from = await gzipLayout(context);
  const dir = join(context.work, `layout-zstd-${context.sizeMiB}`);
  if (!(await stat(join(dir, 'index.json')).catch(() => undefined))) {
    for (const tag of ['1', '2']) {
      await exec('skopeo', ['copy', '--quiet', '--dest-compress-format', 'zstd', `oci:${from}:${tag}`, `oci:${dir}:${tag}`]);
    }
  }
  return dir;
}

/** The largest layer blob of tag 1, which is the bulky one. */
async function bulkyBlob(layout: string): Promise<{ path: string; bytes: number }> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string; annotations?: Record<string, string> }> };
  const descriptor = index.manifests.find((entry) => entry.annotations?.['org.opencontainers.image.ref.name'] === '1');
  if (descriptor === undefined) throw new Error(`${layout}: no tag 1`);
  const manifest = JSON.parse(await readFile(blobFile(layout, descriptor.digest), 'utf8')) as { layers: Array<{ digest: string; size: number }> };
  const bulky = manifest.layers.reduce((a, b) => (b.size > a.size ? b : a));
  return { path: blobFile(layout, bulky.digest), bytes: bulky.size };
}

function blobFile(layout: string, digest: string): string {
  return join(layout, 'blobs', digest.replace(':', '/'));
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export const CASES: BenchCase[] = [
  {
    // The tar walk against the floor it cannot beat: Node's own inflate of the same blob.
    name: 'gzip-walk',
    async prepare(context) {
      const layout = await gzipLayout(context);
      const blob = await bulkyBlob(layout);
      return {
        subject: pkgrepoDiff('scan', ['scan', `oci:${layout}:1`, '--format', 'json']),
        // Node's fastest streaming inflate of the blob: 1 MiB reads and output chunks, bytes
        // counted and dropped (writing 16 KiB chunks to /dev/null triples its time).
        baseline: shell(
          'node zlib inflate',
          `"${process.execPath}" -e 'const {pipeline}=require("node:stream");const fs=require("node:fs");let n=0;` +
            `pipeline(fs.createReadStream(process.argv[1],{highWaterMark:1<<20}),require("node:zlib").createGunzip({chunkSize:1<<20}),` +
            `async function(s){for await(const c of s)n+=c.length},(e)=>{if(e)throw e})' "${blob.path}"`,
        ),
        note: `${mib(blob.bytes)} gzip layer, ${context.sizeMiB} MiB of tar`,
      };
    },
  },
  {
    name: 'zstd-walk',
    async prepare(context) {
      const layout = await zstdLayout(context);
      const blob = await bulkyBlob(layout);
      return {
        subject: pkgrepoDiff('scan', ['scan', `oci:${layout}:1`, '--format', 'json']),
        baseline: shell('zstd -dc', `zstd -dc "${blob.path}" > /dev/null`),
        note: `${mib(blob.bytes)} zstd layer, ${context.sizeMiB} MiB of tar`,
      };
    },
  },
  {
    // Both images pulled from a real docker-registry on loopback, against skopeo copying the
    // same two images to an OCI layout (which reads every blob, as a pull must).
    name: 'registry',
    async prepare(context) {
      const layout = await gzipLayout(context);
      const registry = await startRegistry();
      try {
        for (const tag of ['1', '2']) await pushImage(registry, `oci:${layout}:${tag}`, `bench/app:${tag}`);
      } catch (error) {
        await registry.stop();
        throw error;
      }
      const copies = join(context.work, 'skopeo-copy');
      const copy = (tag: string) => `skopeo copy --quiet --src-tls-verify=false docker://${registry.host}/bench/app:${tag} oci:${copies}:${tag}`;
      return {
        subject: pkgrepoDiff('diff', ['diff', `${registry.host}/bench/app:1`, `${registry.host}/bench/app:2`, '--format', 'json']),
        baseline: shell('skopeo copy x2 to oci:', `rm -rf "${copies}" && ${copy('1')} && ${copy('2')}`),
        note: `two images sharing a ${context.sizeMiB} MiB base layer, docker-registry on loopback`,
        teardown: async () => {
          await registry.stop();
          await rm(copies, { recursive: true, force: true });
        },
      };
    },
  },
  {
    // Both images read through a real dockerd's save endpoint, against `docker save` of each.
    name: 'engine',
    async prepare(context) {
      const layout = await gzipLayout(context);
      const engine = await startDockerd();
      try {
        for (const tag of ['1', '2']) {
          await exec('skopeo', ['copy', '--quiet', '--dest-daemon-host', engine.host, `oci:${layout}:${tag}`, `docker-daemon:bench/app:${tag}`]);
        }
      } catch (error) {
        await engine.stop();
        throw error;
      }
      const env = { DOCKER_HOST: engine.host };
      return {
        subject: pkgrepoDiff('diff', ['diff', 'docker-daemon:bench/app:1', 'docker-daemon:bench/app:2', '--format', 'json'], env),
        baseline: shell('docker save x2 >/dev/null', 'docker save bench/app:1 > /dev/null && docker save bench/app:2 > /dev/null', env),
        note: `two images sharing a ${context.sizeMiB} MiB base layer, dockerd (vfs)`,
        teardown: () => engine.stop(),
      };
    },
  },
];
