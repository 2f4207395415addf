import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Ajv2020 } from 'ajv/dist/2020.js';
import test from 'ava';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

import { describeChanges, fails, ROOT, runBin, type JsonReport } from '../helpers/cli.js';
import { findManifest, layoutPath, readBlob, readImage, readLayoutIndex } from '../helpers/layouts.js';

/** `diff --all-platforms` on fixtures/layouts/multi-platform (README section 7). */
const LAYOUT = layoutPath('multi-platform');
const at = (tag: string, dir = 'fixtures/layouts/multi-platform') => `oci:${dir}:${tag}`;

interface AllPlatformsReport {
  command: string;
  multiPlatform: boolean;
  old: { reference: string; platforms: string[] };
  new: { reference: string; platforms: string[] };
  summary: { platforms: number; added: number; modified: number; findings: Record<string, number>; highestSeverity: string | null };
  platforms: Array<{ platform: string; diff: JsonReport }>;
  onlyOld: string[];
  onlyNew: string[];
}

async function runAll(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await runBin(['diff', ...args, '--all-platforms', '--format', 'json'], env);
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as AllPlatformsReport };
}

const changesByPlatform = (report: AllPlatformsReport) =>
  Object.fromEntries(report.platforms.map((entry) => [entry.platform, describeChanges(entry.diff.changes)]));

/**
 * A copy of the layout with one more tag, `mixed`: an index of multi's amd64 manifest and an
 * arm64/v8 image made of old's layer under an arm64 config. Against `multi`, amd64 then has no
 * change and only arm64 has findings: the case where looking at one platform hides something.
 * And `arm-only`: an index of multi's arm64/v8 manifest alone.
 */
async function layoutWithMixedIndex(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-platforms-'));
  await cp(LAYOUT, dir, { recursive: true });
  const writeBlob = async (mediaType: string, value: unknown) => {
    const bytes = Buffer.from(JSON.stringify(value));
    const hex = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(dir, 'blobs', 'sha256', hex), bytes);
    return { mediaType, digest: `sha256:${hex}`, size: bytes.length };
  };

  const old = await readImage(LAYOUT, 'old');
  const config = await writeBlob(old.manifest.config.mediaType, { ...old.config, architecture: 'arm64', variant: 'v8' });
  const arm64 = await writeBlob('application/vnd.oci.image.manifest.v1+json', { ...old.manifest, config });
  const amd64 = await findManifest(LAYOUT, 'multi', 'linux/amd64');
  const index = await writeBlob('application/vnd.oci.image.index.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [amd64, { ...arm64, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }],
  });
  const armOnly = await writeBlob('application/vnd.oci.image.index.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [await findManifest(LAYOUT, 'multi', 'linux/arm64')],
  });
  const top = await readLayoutIndex(LAYOUT);
  top.manifests.push({ ...index, annotations: { 'org.opencontainers.image.ref.name': 'mixed' } });
  top.manifests.push({ ...armOnly, annotations: { 'org.opencontainers.image.ref.name': 'arm-only' } });
  await writeFile(join(dir, 'index.json'), JSON.stringify(top));
  return dir;
}

test('a single image against an index: the shared platform is diffed, the others listed', async (t) => {
  const { report } = await runAll([at('old'), at('multi')]);
  t.is(report.command, 'diff-all-platforms');
  t.true(report.multiPlatform);
  t.deepEqual(report.old.platforms, ['linux/amd64']);
  t.deepEqual(report.new.platforms, ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']);
  t.deepEqual(changesByPlatform(report), { 'linux/amd64': ['added source /etc/apt/sources.list.d/multi.list @1'] });
  t.deepEqual(report.onlyOld, []);
  t.deepEqual(report.onlyNew, ['linux/arm64/v8', 'linux/arm/v7']);
  t.is(report.summary.platforms, 1);
  t.is(report.summary.added, 1);
});

test('the platforms only the old image has are listed too', async (t) => {
  const { report } = await runAll([at('multi'), at('old')]);
  t.deepEqual(report.onlyOld, ['linux/arm64/v8', 'linux/arm/v7']);
  t.deepEqual(report.onlyNew, []);
  t.deepEqual(changesByPlatform(report), { 'linux/amd64': ['removed source /etc/apt/sources.list.d/multi.list @null'] });
});

test('two indexes: every shared platform gets its own diff, each with its own layers', async (t) => {
  const dir = await layoutWithMixedIndex();
  const { report } = await runAll([at('mixed', dir), at('multi', dir)]);
  t.deepEqual(changesByPlatform(report), {
    'linux/amd64': [],
    'linux/arm64/v8': ['added source /etc/apt/sources.list.d/multi.list @1', 'modified source /etc/apt/sources.list @0'],
  });
  t.deepEqual(report.onlyNew, ['linux/arm/v7']);
  const arm64 = report.platforms.find((entry) => entry.platform === 'linux/arm64/v8')?.diff.new as { platform: string; digest: string };
  t.is(arm64.platform, 'linux/arm64/v8');
  t.is(arm64.digest, (await findManifest(LAYOUT, 'multi', 'linux/arm64')).digest);
  t.is(report.summary.modified, 1);
  t.is(report.summary.highestSeverity, 'medium');
});

test('--fail-on weighs the findings of every platform, not just the default one', async (t) => {
  const dir = await layoutWithMixedIndex();
  const args = ['diff', at('mixed', dir), at('multi', dir), '--fail-on', 'low'];
  t.is((await runBin(args)).status, 0, 'amd64 alone has no change');
  t.is((await runBin([...args, '--all-platforms'])).status, 1);
  t.is((await runBin([...args.slice(0, -1), 'critical', '--all-platforms'])).status, 0);
});

test('layers shared across platforms and images are read once', async (t) => {
  const { run } = await runAll([at('multi'), at('new')], { DEBUG: 'pkgrepo-diff:layer-cache' });
  const walked = run.stderr.split('\n').flatMap((line) => /walking (sha256:\w+)/.exec(line)?.[1] ?? []);
  // 3 platforms x 2 layers, with the ports.example base layer shared by arm64 and arm.
  t.is(walked.length, 5, run.stderr);
  t.is(new Set(walked).size, 5);
});

test('identical indexes: three platforms, no change', async (t) => {
  const { report } = await runAll([at('multi'), at('new')]);
  t.deepEqual(changesByPlatform(report), { 'linux/amd64': [], 'linux/arm64/v8': [], 'linux/arm/v7': [] });
  t.is(report.summary.platforms, 3);
  t.is(report.summary.highestSeverity, null);
});

test('the table has one section per platform and names the platforms only one side has', async (t) => {
  const run = await runBin(['diff', at('old'), at('multi'), '--all-platforms']);
  t.is(run.status, 0, run.stderr);
  t.regex(run.stdout, /^=== Platform linux\/amd64 ===$/m);
  t.regex(run.stdout, /amd64\.example/);
  t.regex(run.stdout, /^Only in the new image: linux\/arm64\/v8, linux\/arm\/v7$/m);
  t.notRegex(run.stdout, /Only in the old image/);
});

test('single images on both sides: the table is the plain diff, the JSON one entry', async (t) => {
  const plain = await runBin(['diff', at('old'), at('old')]);
  const all = await runBin(['diff', at('old'), at('old'), '--all-platforms']);
  t.is(all.stdout, plain.stdout);
  const { report } = await runAll([at('old'), at('old')]);
  t.false(report.multiPlatform);
  t.deepEqual(report.platforms.map((entry) => entry.platform), ['linux/amd64']);
});

test('oci-archive: platforms are read from the index inside the tar', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-platforms-'));
  const archive = join(dir, 'multi.tar');
  await promisify(execFile)('tar', ['-cf', archive, '-C', LAYOUT, '.']);
  const { report } = await runAll([`oci-archive:${archive}:old`, `oci-archive:${archive}:multi`]);
  const { report: fromLayout } = await runAll([at('old'), at('multi')]);
  t.deepEqual(changesByPlatform(report), changesByPlatform(fromLayout));
  t.deepEqual(report.onlyNew, fromLayout.onlyNew);
});

test('the multi-platform JSON validates against schema/report.schema.json', async (t) => {
  const schema = JSON.parse(await readFile(join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const dir = await layoutWithMixedIndex();
  for (const args of [[at('old'), at('multi')], [at('mixed', dir), at('multi', dir)], [at('old'), at('old')]]) {
    const { report } = await runAll(args);
    t.true(validate(report), `${args.join(' ')}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('--all-platforms with --platform', fails, ['diff', at('old'), at('multi'), '--all-platforms', '--platform', 'linux/amd64'], /mutually exclusive|cannot be combined/);

test('images with no platform in common are an error naming both lists', async (t) => {
  const dir = await layoutWithMixedIndex();
  const run = await runBin(['diff', at('old', dir), at('arm-only', dir), '--all-platforms']);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.regex(run.stderr, /^pkgrepo-diff: .*the images share no platform \(old: linux\/amd64; new: linux\/arm64\/v8\)/);
});

test('SARIF over every platform: one run, each result tagged with its platform, valid against the schema', async (t) => {
  const dir = await layoutWithMixedIndex();
  const run = await runBin(['diff', at('mixed', dir), at('multi', dir), '--all-platforms', '--format', 'sarif']);
  t.is(run.status, 0, run.stderr);
  const schema = JSON.parse(await readFile(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const log = JSON.parse(run.stdout) as {
    runs: Array<{ results: Array<{ message: { text: string }; partialFingerprints: Record<string, string>; properties: { platform: string } }>; properties: { onlyNew: string[] } }>;
  };
  t.true(ajv.validate(schema, log), ajv.errorsText(ajv.errors));
  t.is(log.runs.length, 1);
  const results = log.runs[0]?.results ?? [];
  t.true(results.length > 0);
  for (const result of results) {
    t.is(result.properties.platform, 'linux/arm64/v8', 'amd64 has no change, so every finding is arm64\'s');
    t.true(result.message.text.endsWith(' [linux/arm64/v8]'));
    t.true(Object.values(result.partialFingerprints).every((value) => value.endsWith(':linux/arm64/v8')));
  }
  t.deepEqual(log.runs[0]?.properties.onlyNew, ['linux/arm/v7']);
});

test('Markdown over every platform: a line per platform, then each platform\'s report a level down', async (t) => {
  const dir = await layoutWithMixedIndex();
  const run = await runBin(['diff', at('mixed', dir), at('multi', dir), '--all-platforms', '--format', 'markdown', '--fail-on', 'high']);
  t.is(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  t.is(lines[0], '### pkgrepo-diff ✅ passes `--fail-on high`: highest severity **medium** over 2 platforms');
  t.true(lines.includes('- `linux/amd64`: 0 changes, 0 transient, 0 findings'));
  t.true(lines.some((line) => /^- `linux\/arm64\/v8`: 2 changes, 0 transient, \d+ findings/.test(line)));
  t.true(lines.includes('- only in the new image: `linux/arm/v7`'));
  t.true(lines.includes('### Platform `linux/arm64/v8`'));
  t.true(lines.some((line) => line.startsWith('#### pkgrepo-diff')), 'each platform\'s own headline, a level down');
  t.false(lines.slice(1).some((line) => /^### pkgrepo-diff/.test(line)));
});

test('--output writes the multi-platform report to a file', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-platforms-'));
  const file = join(dir, 'report.json');
  const run = await runBin(['diff', at('old'), at('multi'), '--all-platforms', '--format', 'json', '--output', file]);
  t.is(run.status, 0, run.stderr);
  t.is(run.stdout, '');
  const report = JSON.parse(await readFile(file, 'utf8')) as AllPlatformsReport;
  t.is(report.command, 'diff-all-platforms');
  t.deepEqual(report.onlyNew, ['linux/arm64/v8', 'linux/arm/v7']);
});
