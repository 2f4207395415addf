import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import test from 'ava';

import { TarStore } from '../../src/image/blob-store.js';
import { describeChanges, type JsonReport, runBin } from '../helpers/cli.js';

/*
 * A stand-in engine: a tiny HTTP server on a unix socket that answers only the two calls
 * pkgrepo-diff makes (inspect and save) with fixed files. It exists because no Docker 25+
 * engine can run here (Debian ships dockerd 20.10, which writes only the legacy layout), and to
 * send save streams no honest engine sends. Everything else is tested on a real dockerd in
 * daemon.test.ts.
 */

interface Served {
  /** The file served as the save stream, and how many of its bytes. */
  file: string;
  bytes?: number;
  inspect: { Id: string; RepoTags: string[]; RepoDigests: string[]; RootFS: { Type: string; Layers: string[] } };
}

let dir: string;
let server: Server;
let socket: string;
const images = new Map<string, Served>();
const inspected = new Map<string, Served>();
const requests: string[] = [];

test.before(async () => {
  dir = await mkdtemp('/tmp/pe-');
  socket = join(dir, 'engine.sock');
  server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const match = /^\/images\/(.+)\/(json|get)$/.exec(req.url ?? '');
    // Saves come by image ID; two names here share one ID, so the one inspected last answers.
    const image = match === null ? undefined : (images.get(match[1] ?? '') ?? inspected.get(match[1] ?? ''));
    if (match === null || image === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `No such image: ${match?.[1] ?? ''}` }));
      return;
    }
    if (match[2] === 'json') {
      inspected.set(image.inspect.Id, image);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(image.inspect));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-tar' });
    createReadStream(image.file, image.bytes === undefined ? {} : { end: image.bytes - 1 }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));

  const docker25 = await inspectOf('fixtures/layouts/docker25.tar', 'example/app:2');
  images.set('example/app:2', { file: 'fixtures/layouts/docker25.tar', inspect: { ...docker25, RepoDigests: ['example/app@sha256:0f618b678298c77a51b0085ea392d03dd037a3fa5e51765fb198777cca216d1d'] } });
  images.set('example/cut:2', { file: 'fixtures/layouts/docker25.tar', bytes: 3000, inspect: { ...docker25, RepoTags: ['example/cut:2'] } });
  // The legacy save of all twelve fixture images, passed off as the save of apt:2 alone.
  images.set('sneaky/apt:2', { file: 'fixtures/docker-archive.tar', inspect: await inspectOf('fixtures/docker-archive.tar', 'pkgrepo-fixtures/apt:2') });
});

test.after.always(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** What an engine's inspect says of an image in a docker save archive. */
async function inspectOf(file: string, tag: string): Promise<Served['inspect']> {
  const store = await TarStore.open(file);
  const entries = JSON.parse((await store.read('manifest.json', 1 << 20)).toString()) as Array<{ Config: string; RepoTags: string[] }>;
  const entry = entries.find((candidate) => candidate.RepoTags.includes(tag));
  if (entry === undefined) throw new Error(`${tag} not in ${file}`);
  const config = JSON.parse((await store.read(entry.Config, 1 << 20)).toString()) as { rootfs: { diff_ids: string[] } };
  const hex = /([a-f0-9]{64})(?:\.json)?$/.exec(entry.Config)?.[1] ?? '';
  return { Id: `sha256:${hex}`, RepoTags: [tag], RepoDigests: [], RootFS: { Type: 'layers', Layers: config.rootfs.diff_ids } };
}

const engine = () => ['--docker-host', `unix://${socket}`];

async function diffJson(old: string, next: string): Promise<JsonReport> {
  const run = await runBin(['diff', old, next, '--format', 'json', ...engine()]);
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

test.serial('Docker 25 OCI-in-tar save stream: the same diff as the archive, in one transfer', async (t) => {
  const fromArchive = await diffJson('oci:fixtures/layouts/whiteout:old', 'docker-archive:fixtures/layouts/docker25.tar');
  requests.length = 0;
  const fromEngine = await diffJson('oci:fixtures/layouts/whiteout:old', 'docker-daemon:example/app:2');
  t.deepEqual(describeChanges(fromEngine.changes), describeChanges(fromArchive.changes));
  t.deepEqual(describeChanges(fromEngine.changes), ['added source /etc/apt/sources.list.d/b.list @2']);

  const image = fromEngine.new as { digest: string; configDigest: string; engine: { id: string; repoDigests: string[] } };
  t.is(image.digest, 'sha256:0f618b678298c77a51b0085ea392d03dd037a3fa5e51765fb198777cca216d1d');
  t.is(image.engine.id, image.configDigest);
  t.deepEqual(image.engine.repoDigests, ['example/app@sha256:0f618b678298c77a51b0085ea392d03dd037a3fa5e51765fb198777cca216d1d']);
  // Inspect, then one save: every layer was walked as it passed.
  t.deepEqual(requests, ['GET /images/example/app:2/json', `GET /images/${image.engine.id}/get`]);
});

test.serial('a missing image fails on inspect, before any transfer', async (t) => {
  requests.length = 0;
  const run = await runBin(['scan', 'docker-daemon:example/none:1', ...engine()]);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.is(run.stderr.trim(), `pkgrepo-diff: docker-daemon:example/none:1: image example/none:1 not found in the engine at unix://${socket} (from --docker-host) (docker images lists the images there; build or pull it first)`);
  t.deepEqual(requests, ['GET /images/example/none:1/json']);
});

test.serial('a save stream holding a layer the image does not list fails closed', async (t) => {
  const run = await runBin(['scan', 'docker-daemon:sneaky/apt:2', ...engine()]);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.regex(run.stderr, /the save stream holds a layer the image does not list \(diff_id sha256:[a-f0-9]{64}\)/);
});

test.serial('a save stream that breaks off fails closed', async (t) => {
  const run = await runBin(['scan', 'docker-daemon:example/cut:2', ...engine()]);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').length, 1);
  t.regex(run.stderr, /docker-daemon:example\/cut:2: the save stream of the engine at unix:\S+ broke off/, run.stderr);
});
