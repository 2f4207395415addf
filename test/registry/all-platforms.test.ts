import test from 'ava';

import { createImageSource } from '../../src/image/open.js';
import { sourceOptions } from '../../src/image/types.js';
import { parsePlatform } from '../../src/oci/platform.js';
import { describeChanges, runBin, type JsonReport } from '../helpers/cli.js';
import { pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';

/** `diff --all-platforms` over the Distribution API: a multi-platform index pushed with `skopeo copy --all`. */
let registry: StartedRegistry;

test.before(async () => {
  registry = await startRegistry();
  await pushImage(registry, 'oci:fixtures/layouts/multi-platform:old', 'multi:old');
  await pushImage(registry, 'oci:fixtures/layouts/multi-platform:multi', 'multi:1', { all: true });
  await pushImage(registry, 'oci:fixtures/layouts/multi-platform:new', 'multi:2', { all: true });
});
test.after.always(async () => registry?.stop());

interface Report {
  new: { platforms: string[] };
  platforms: Array<{ platform: string; diff: JsonReport }>;
  onlyOld: string[];
  onlyNew: string[];
}

async function diffAll(old: string, next: string, env: NodeJS.ProcessEnv = {}) {
  const run = await runBin(['diff', old, next, '--all-platforms', '--format', 'json'], env);
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as Report };
}

const byPlatform = (report: Report) => Object.fromEntries(report.platforms.map((entry) => [entry.platform, describeChanges(entry.diff.changes)]));

test('the registry gives the same per-platform diffs as the OCI layout', async (t) => {
  const layout = 'oci:fixtures/layouts/multi-platform';
  const [fromRegistry, fromLayout] = await Promise.all([
    diffAll(`${registry.host}/multi:old`, `${registry.host}/multi:1`),
    diffAll(`${layout}:old`, `${layout}:multi`),
  ]);
  t.deepEqual(byPlatform(fromRegistry.report), byPlatform(fromLayout.report));
  t.deepEqual(fromRegistry.report.new.platforms, ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']);
  t.deepEqual(fromRegistry.report.onlyNew, ['linux/arm64/v8', 'linux/arm/v7']);
});

test('two pushed indexes: every platform diffed, each layer fetched once', async (t) => {
  const { run, report } = await diffAll(`${registry.host}/multi:1`, `${registry.host}/multi:2`, { DEBUG: 'pkgrepo-diff:layer-cache' });
  t.deepEqual(byPlatform(report), { 'linux/amd64': [], 'linux/arm64/v8': [], 'linux/arm/v7': [] });
  const walked = run.stderr.split('\n').flatMap((line) => /walking (sha256:\w+)/.exec(line)?.[1] ?? []);
  t.is(walked.length, 5, run.stderr);
  t.is(new Set(walked).size, 5);
});

test('the index listed is the index read: a tag moved after listing does not mix two indexes', async (t) => {
  await pushImage(registry, 'oci:fixtures/layouts/multi-platform:multi', 'moving:1', { all: true });
  const source = await createImageSource(`${registry.host}/moving:1`, sourceOptions());
  const listed = await source.platforms?.();
  t.is(listed?.length, 3);
  await pushImage(registry, 'oci:fixtures/layouts/multi-platform:old', 'moving:1');
  const [before, after] = await Promise.all([
    source.open({ platform: parsePlatform('linux/amd64'), platformExplicit: true }),
    createImageSource(`${registry.host}/moving:1`, sourceOptions()).then((fresh) => fresh.open({ platform: parsePlatform('linux/amd64'), platformExplicit: true })),
  ]);
  const expected = await createImageSource(`${registry.host}/multi:1`, sourceOptions());
  const original = await expected.open({ platform: parsePlatform('linux/amd64'), platformExplicit: true });
  t.is(before.digest, original.digest, 'the pinned index gives the platform manifest it listed');
  t.not(after.digest, before.digest, 'the tag did move');
});
