import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import test from 'ava';
import { Ajv2020 } from 'ajv/dist/2020.js';

import { runCli } from '../../src/cli/run.js';
import { type CliRun, describeChanges, type JsonReport, ROOT, rules, runBin } from '../helpers/cli.js';
import { buildEngineImages, type Dockerd, PREFIX, startDockerd } from '../helpers/dockerd.js';
import { failed, pushImage, startRegistry } from '../helpers/registry.js';

// One real engine for the whole file: started and built once (about 20 s), stopped after.
let engine: Dockerd;
/** An empty docker config folder, so the user's own contexts never leak into a test. */
let noConfig: string;
const ids = new Map<string, string>();

test.before(async () => {
  engine = await startDockerd({ tls: true });
  await buildEngineImages(engine);
  noConfig = join(engine.dir, 'empty-config');
  await mkdir(noConfig);
  for (const ref of ['base:1', 'app:2', 'prune:3']) ids.set(ref, (await engine.docker(['image', 'inspect', '-f', '{{.Id}}', `${PREFIX}/${ref}`])).trim());
});

test.after.always(async () => {
  await engine?.stop();
});

const daemon = (ref: string) => `docker-daemon:${PREFIX}/${ref}`;
const idOf = (ref: string) => ids.get(ref) ?? '';

/** The CLI with this engine in DOCKER_HOST (unless `env` says otherwise) and no docker config. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runBin(args, { DOCKER_HOST: engine.host, DOCKER_CONFIG: noConfig, DOCKER_CONTEXT: '', ...env });
}

async function report(args: string[], env: NodeJS.ProcessEnv = {}): Promise<JsonReport> {
  const run = await cli([...args, '--format', 'json'], env);
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** What must agree whichever way the same two images were read. */
function verdict(json: JsonReport) {
  const layers = (side: unknown) => (side as { layers: Array<{ diffId: string; instruction: string | null }> }).layers;
  return {
    changes: describeChanges(json.changes),
    transient: describeChanges(json.transient),
    findings: json.changes.map((change) => `${change.path}: ${rules(change).join(' ')}`).sort(),
    instructions: json.changes.map((change) => change.instruction).sort(),
    oldLayers: layers(json.old),
    newLayers: layers(json.new),
    summary: json.summary,
  };
}

const BUILT = [
  'added source /etc/apt/sources.list.d/internal.list @2',
  'added source /etc/apt/sources.list.d/linked.list @6',
  'added source /etc/apt/sources.list.d/vendor.list @3',
  'modified source /etc/apt/sources.list @4',
];

test('diff base:1 app:2 by name: every change, attributed to the engine\'s own history', async (t) => {
  const json = await report(['diff', daemon('base:1'), daemon('app:2')]);
  t.deepEqual(describeChanges(json.changes), BUILT);
  const internal = json.changes.find((change) => change.path.endsWith('internal.list'));
  t.regex(internal?.instruction ?? '', /^RUN mkdir -p \/etc\/apt\/sources\.list\.d/);
  t.true(rules(internal).includes('trusted-source:critical'));
  t.regex(json.changes.find((change) => change.path.endsWith('vendor.list'))?.instruction ?? '', /^COPY file:[a-f0-9]+ in \/etc\/apt\/sources\.list\.d\/vendor\.list/);
  t.regex(json.changes.find((change) => change.path === '/etc/apt/sources.list')?.instruction ?? '', /^RUN sed -i/);
  const image = json.new as { transport: string; configDigest: string; engine: { id: string; repoDigests: string[] } };
  t.is(image.transport, 'docker-daemon');
  t.deepEqual(image.engine, { id: idOf('app:2'), repoDigests: [] });
  t.is(image.configDigest, idOf('app:2'));
});

test('the same report as from docker save archives of the same images', async (t) => {
  const file = join(engine.dir, 'saved.tar');
  await engine.docker(['save', '-o', file, `${PREFIX}/base:1`, `${PREFIX}/app:2`, `${PREFIX}/prune:3`]);
  const archive = (ref: string) => `docker-archive:${file}:${PREFIX}/${ref}`;
  for (const [from, to] of [['base:1', 'app:2'], ['app:2', 'prune:3']] as const) {
    const fromEngine = await report(['diff', daemon(from), daemon(to)]);
    const fromArchive = await report(['diff', archive(from), archive(to)]);
    t.deepEqual(verdict(fromEngine), verdict(fromArchive), `${from} → ${to}`);
  }
  const table = await cli(['diff', daemon('base:1'), daemon('app:2')]);
  t.is(table.status, 0);
  t.regex(table.stdout, new RegExp(`engine image ID ${idOf('app:2').slice(0, 19)}, no repo digest`));
});

test('by image ID, full and short', async (t) => {
  const full = await report(['diff', `docker-daemon:${idOf('base:1')}`, `docker-daemon:${idOf('app:2')}`]);
  t.deepEqual(describeChanges(full.changes), BUILT);
  const short = await report(['diff', `docker-daemon:${idOf('base:1').slice(7, 19)}`, daemon('app:2')]);
  t.deepEqual(describeChanges(short.changes), BUILT);
});

test('layers removed by a later step: the engine\'s whiteouts, and a transient source', async (t) => {
  const json = await report(['diff', daemon('app:2'), daemon('prune:3')]);
  t.deepEqual(describeChanges(json.changes), ['removed source /etc/apt/sources.list.d/internal.list @8']);
  t.regex(json.changes[0]?.instruction ?? '', /^RUN rm \/etc\/apt\/sources\.list\.d\/internal\.list/);
  t.deepEqual(
    json.transient.map((entry) => `${entry.path} ${entry.addedIn?.index ?? '-'}→${entry.removedIn?.index ?? '-'}`),
    ['/etc/apt/sources.list.d/tmp.list 7→8'],
  );
});

test('--docker-host wins over DOCKER_HOST', async (t) => {
  const json = await report(['diff', daemon('base:1'), daemon('app:2'), '--docker-host', engine.host], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  t.deepEqual(describeChanges(json.changes), BUILT);
});

test('the current docker context of config.json, and DOCKER_CONTEXT', async (t) => {
  const config = join(engine.dir, 'context-config');
  const write = async (name: string, host: string) => {
    const meta = join(config, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
    await mkdir(meta, { recursive: true });
    const body = { Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } };
    await writeFile(join(meta, 'meta.json'), JSON.stringify(body));
  };
  await write('pkgrepo-test', engine.host);
  await write('elsewhere', 'unix:///nonexistent/other.sock');
  await writeFile(join(config, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'pkgrepo-test' }));

  const json = await report(['diff', daemon('base:1'), daemon('app:2')], { DOCKER_HOST: '', DOCKER_CONFIG: config });
  t.deepEqual(describeChanges(json.changes), BUILT);

  const other = await cli(['diff', daemon('base:1'), daemon('app:2')], { DOCKER_HOST: '', DOCKER_CONFIG: config, DOCKER_CONTEXT: 'elsewhere' });
  t.is(other.status, 2);
  t.regex(other.stderr, /cannot reach the Docker engine at unix:\/\/\/nonexistent\/other\.sock \(from docker context "elsewhere"\): no such socket/);
});

test('an image the engine does not have: exit 2 before any transfer, naming image and engine', async (t) => {
  const run = await cli(['diff', daemon('base:1'), daemon('app:9')]);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').length, 1);
  t.true(run.stderr.includes(`image ${PREFIX}/app:9 not found in the engine at ${engine.host}`), run.stderr);
});

test('no engine listening: exit 2 with one line naming the socket', async (t) => {
  const socket = join(engine.dir, 'none', 'docker.sock');
  const run = await cli(['scan', daemon('app:2')], { DOCKER_HOST: `unix://${socket}` });
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').length, 1);
  t.true(run.stderr.includes(`cannot reach the Docker engine at unix://${socket} (from DOCKER_HOST): no such socket`), run.stderr);
});

test('an engine address that is no address', async (t) => {
  const run = await cli(['scan', daemon('app:2'), '--docker-host', 'ssh://user@host']);
  t.is(run.status, 2);
  t.regex(run.stderr, /--docker-host: cannot use the engine address ssh:\/\/user@host \(ssh:\/\/ engines are not supported/);
});

test('a mixed comparison: an OCI layout against an engine image', async (t) => {
  const json = await report(['diff', 'oci:fixtures/oci:apt-1', daemon('app:2')]);
  t.is((json.old as { transport: string }).transport, 'oci');
  t.is((json.new as { transport: string }).transport, 'docker-daemon');
  const added = describeChanges(json.changes).filter((line) => line.startsWith('added source'));
  t.true(added.includes('added source /etc/apt/sources.list.d/internal.list @2'), added.join('\n'));
});

test('DOCKER_HOST tcp:// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH: the same report as over the socket', async (t) => {
  const tcp = engine.tcp;
  if (tcp === undefined) throw new Error('the engine was started without its TLS listener');
  const args = ['diff', daemon('base:1'), daemon('app:2')];
  const [overTls, overSocket] = await Promise.all([
    report(args, { DOCKER_HOST: tcp.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tcp.certPath }),
    report(args),
  ]);
  t.deepEqual(verdict(overTls), verdict(overSocket));
  t.deepEqual(describeChanges(overTls.changes), BUILT);
});

test('TLS to the engine fails closed: no client certificate, or no TLS at all', async (t) => {
  const tcp = engine.tcp;
  if (tcp === undefined) throw new Error('the engine was started without its TLS listener');
  const args = ['diff', daemon('base:1'), daemon('app:2')];
  const empty = join(engine.dir, 'no-certs');
  await mkdir(empty, { recursive: true });
  const noCerts = await cli(args, { DOCKER_HOST: tcp.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: empty });
  failed(t, noCerts, /no-certs.*(ca|cert|key)\.pem|DOCKER_CERT_PATH/);
  const plain = await cli(args, { DOCKER_HOST: tcp.host });
  failed(t, plain, /127\.0\.0\.1:\d+.*\(the engine speaks TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH\)/);
});

test('the gating case: the base from a registry, the build from the engine', async (t) => {
  const registry = await startRegistry();
  t.teardown(() => registry.stop());
  const pushed = await pushImage(registry, daemon('base:1'), 'team/base:1', { daemonHost: engine.host });
  const [gate, local] = await Promise.all([
    report(['diff', `docker://${registry.host}/team/base:1`, daemon('app:2')]),
    report(['diff', daemon('base:1'), daemon('app:2')]),
  ]);
  t.is((gate.old as { transport: string; digest: string }).digest, pushed);
  t.deepEqual(describeChanges(gate.changes), BUILT);
  t.deepEqual(verdict(gate).findings, verdict(local).findings);
  t.deepEqual(verdict(gate).instructions, verdict(local).instructions);
  t.is((gate.relation as { kind: string }).kind, 'prefix', 'the pushed base is the bottom of the build, layer for layer');
});

test('on a terminal, the status line counts each image\'s save stream', async (t) => {
  const writes: string[] = [];
  const status = await runCli(['diff', daemon('base:1'), daemon('app:2'), '--format', 'json'], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => writes.push(text), isTTY: true, columns: 120 },
    env: { DOCKER_HOST: engine.host, DOCKER_CONFIG: noConfig, NO_COLOR: '1' },
  });
  t.is(status, 0, writes.join(''));
  const last = writes.filter((text) => text.includes('reading images:')).at(-1) ?? '';
  t.regex(last, /reading images: 2 done, 0 in flight, [\d.]+ MiB of [\d.]+ MiB/);
  t.is(writes.at(-1), '\r\u001b[K', 'cleared at the end');
});

test('JSON of engine images validates against schema/report.schema.json', async (t) => {
  const schema = JSON.parse(await readFile(join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  for (const args of [['diff', daemon('base:1'), daemon('app:2')], ['scan', daemon('prune:3')]]) {
    const json = await report(args);
    t.true(validate(json), `${args.join(' ')}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});
