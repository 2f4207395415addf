import { writeFile } from 'node:fs/promises';

import test from 'ava';

import { runCli } from '../../src/cli/run.js';
import { type JsonReport, describeChanges, runBin, runJson } from '../helpers/cli.js';
import { blobDataPath, failed, pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';

/** Fixture images pushed with skopeo into a real docker-registry on loopback, read back over HTTP. */
let registry: StartedRegistry;
const digests = new Map<string, string>();
const ref = (name: string) => `${registry.host}/${name}`;

test.before(async () => {
  registry = await startRegistry();
  const pushes: Array<[string, string, Parameters<typeof pushImage>[3]?]> = [
    ['oci:fixtures/oci:apt-1', 'app:1'],
    ['oci:fixtures/oci:apt-2', 'app:2'],
    ['oci:fixtures/oci:apk-1', 'zst:1', { zstd: true }],
    ['oci:fixtures/oci:apk-2', 'zst:2', { zstd: true }],
    ['oci:fixtures/oci:apk-1', 'v2s2:1', { format: 'v2s2' }],
    ['oci:fixtures/oci:apk-2', 'v2s2:2', { format: 'v2s2' }],
    ['oci:fixtures/layouts/multi-platform:old', 'multi:old'],
    ['oci:fixtures/layouts/multi-platform:multi', 'multi:1', { all: true }],
    ['oci:fixtures/oci:yum-1', 'tampered-config:1'],
    ['oci:fixtures/oci:zypper-2', 'tampered-layer:1'],
  ];
  for (const [from, to, options] of pushes) digests.set(to, await pushImage(registry, from, to, options));
});
test.after.always(async () => registry?.stop());

/** The parts of a report that do not depend on where the images came from. */
const changesOf = (report: JsonReport) => JSON.stringify({ changes: report.changes, transient: report.transient });

test('diff REG/app:1 REG/app:2 gives the same changes as the OCI layout', async (t) => {
  const [fromRegistry, fromLayout] = await Promise.all([
    runJson(['diff', ref('app:1'), ref('app:2')]),
    runJson(['diff', 'oci:fixtures/oci:apt-1', 'oci:fixtures/oci:apt-2']),
  ]);
  t.true(fromRegistry.report.changes.length > 0);
  t.is(changesOf(fromRegistry.report), changesOf(fromLayout.report));
  const image = fromRegistry.report.new as { transport: string; digest: string; reference: string };
  t.is(image.transport, 'docker');
  t.is(image.digest, digests.get('app:2') ?? '');
  t.regex(fromRegistry.run.stderr, /using plain http \(loopback registry\)/);
  t.is(fromRegistry.run.stderr.match(/using plain http/g)?.length, 1, 'the notice is given once per registry');
});

test('docker://, a bare reference and a digest reference name the same image', async (t) => {
  const digest = digests.get('app:1') ?? '';
  const runs = await Promise.all(
    [`docker://${ref('app:1')}`, ref('app:1'), ref(`app@${digest}`), ref(`app:1@${digest}`)].map((image) => runJson(['scan', image])),
  );
  const [first, ...others] = runs.map(({ report }) => JSON.stringify(report.sources));
  for (const other of others) t.is(other, first ?? '');
  for (const { report } of runs) t.is((report.image as { digest: string }).digest, digest);
});

test('zstd layers (beside a reused gzip base) read like the gzip originals', async (t) => {
  const [zstd, layout] = await Promise.all([
    runJson(['diff', ref('zst:1'), ref('zst:2')]),
    runJson(['diff', 'oci:fixtures/oci:apk-1', 'oci:fixtures/oci:apk-2']),
  ]);
  const manifest = await fetchManifest('zst', '2');
  // skopeo reuses the gzip base layer app:1 already pushed, so the image mixes both compressions.
  const zstdLayers = manifest.layers.filter((layer) => layer.mediaType.endsWith('+zstd'));
  t.true(zstdLayers.length >= 3, JSON.stringify(manifest.layers));
  t.true(zstd.report.changes.length > 0);
  t.deepEqual(describeChanges(zstd.report.changes), describeChanges(layout.report.changes));
});

test('Docker schema 2 manifests read like OCI ones', async (t) => {
  const [v2s2, layout] = await Promise.all([
    runJson(['diff', ref('v2s2:1'), ref('v2s2:2')]),
    runJson(['diff', 'oci:fixtures/oci:apk-1', 'oci:fixtures/oci:apk-2']),
  ]);
  t.deepEqual(describeChanges(v2s2.report.changes), describeChanges(layout.report.changes));
});

test('--platform picks from a pushed multi-platform index', async (t) => {
  const hosts = (entries: JsonReport['sources']) => entries.map((entry) => new URL(entry.source?.uris[0] ?? 'x:').hostname).sort();
  const [amd64, arm64] = await Promise.all([
    runJson(['diff', ref('multi:old'), ref('multi:1')]),
    runJson(['scan', ref('multi:1'), '--platform', 'linux/arm64']),
  ]);
  t.deepEqual(hosts(amd64.report.changes), ['amd64.example']);
  t.deepEqual(hosts(arm64.report.sources), ['arm64.example', 'ports.example']);
  const missing = await runBin(['scan', ref('multi:1'), '--platform', 'linux/s390x']);
  failed(t, missing, /no image for platform linux\/s390x.*linux\/arm64/);
});

test('a missing tag is told apart from a missing repository', async (t) => {
  const [tag, repository] = await Promise.all([runBin(['scan', ref('app:9')]), runBin(['scan', ref('nothing/here:1')])]);
  failed(t, tag, new RegExp(`tag 9 not found in ${registry.host}/app \\(tags there: .*1`));
  failed(t, repository, new RegExp(`repository nothing/here not found in ${registry.host}`));
});

test('a config altered on the registry disk is caught by its digest', async (t) => {
  const manifest = await fetchManifest('tampered-config', '1');
  await writeFile(blobDataPath(registry, manifest.config.digest), '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}');
  const run = await runBin(['scan', ref('tampered-config:1')]);
  failed(t, run, new RegExp(`${manifest.config.digest}.*(digest|size) mismatch`));
});

test('a layer altered on the registry disk is caught while it streams', async (t) => {
  const manifest = await fetchManifest('tampered-layer', '1');
  const last = manifest.layers.at(-1);
  if (last === undefined) return t.fail('no layers');
  await writeFile(blobDataPath(registry, last.digest), Buffer.alloc(last.size, 7));
  const run = await runBin(['scan', ref('tampered-layer:1')]);
  failed(t, run, new RegExp(`${last.digest}.*does not match`));
});

async function fetchManifest(repository: string, tag: string): Promise<{ config: { digest: string }; layers: Array<{ digest: string; size: number; mediaType: string }> }> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  return (await response.json()) as never;
}

test('on a terminal, a status line counts the layers as they stream and is gone before the report', async (t) => {
  const writes: Array<['out' | 'err', string]> = [];
  const status = await runCli(['diff', ref('app:1'), ref('app:2'), '--format', 'json'], {
    stdout: { write: (text: string) => writes.push(['out', text]) },
    stderr: { write: (text: string) => writes.push(['err', text]), isTTY: true, columns: 120 },
    env: { NO_COLOR: '1' },
  });
  t.is(status, 0);
  const lines = writes.filter(([, text]) => text.includes('reading images:'));
  t.true(lines.length > 0, 'the status line was drawn');
  t.regex(lines.at(-1)?.[1] ?? '', /\d+ done, 0 in flight, [\d.]+ MiB of [\d.]+ MiB/);
  const report = writes.findIndex(([stream]) => stream === 'out');
  t.is(writes[report - 1]?.[1], '\r\u001b[K', 'the status line is cleared just before the report');
  t.true(writes.slice(report).every(([stream]) => stream === 'out'), 'nothing is drawn after the report');
  const notice = writes.find(([, text]) => text.includes('using plain http'));
  t.regex(notice?.[1] ?? '', /^pkgrepo-diff: \S+: using plain http .*\n$/, 'notices are whole lines of their own');
});
