import test from 'ava';

import { describeChanges, runBin, runJson , fails } from '../helpers/cli.js';

/** Edge cases from fixtures/layouts (see its README for how each was made and why). */
const layout = (name: string, tag: string) => `oci:fixtures/layouts/${name}:${tag}`;
const hostsOf = (report: { sources: Array<{ source: { uris: string[] } | null; layer: { index: number } | null }> }) =>
  report.sources.map((entry) => `${new URL(entry.source?.uris[0] ?? 'x:').hostname}@${entry.layer?.index ?? 'null'}`).sort();

const scans = test.macro(async (t, name: string, expected: string[], platform?: string) => {
  const args = ['scan', layout(name, name === 'multi-platform' ? 'multi' : 'new'), ...(platform ? ['--platform', platform] : [])];
  const { report } = await runJson(args);
  t.deepEqual(hostsOf(report as never), expected.sort());
});

test('whiteout hides a file of a lower layer', scans, 'whiteout', ['deb.example@0', 'b.example@1']);
test('an opaque directory hides lower layers but not its own', scans, 'opaque', ['deb.example@0', 'c.example@2']);
test('a directory that became a file and a directory again', scans, 'dir-file-dir', ['deb.example@0', 'd.example@3']);
// r.list reads the same at layers 1 and 2 (layer 2 only moves it behind a symlinked directory),
// so it keeps the layer that first gave it that exact form.
test('symlinks, chains, hardlinks and symlinked directories resolve inside the root', scans, 'links', ['deb.example@0', 'r.example@1', 's.example@2']);
test('odd tar names are normalised and ../ is clamped to the root', scans, 'odd-names', [
  'dot.example@1',
  'escape.example@1',
  'pax.example@1',
  'ustar.example@1',
  'x.example@1',
]);
test('zstd layers, and media types that lie, are read by their bytes', scans, 'zstd', ['deb.example@0', 'a.example@1', 'b.example@2', 'c.example@3']);
test('--platform picks from a nested index (amd64 by default)', scans, 'multi-platform', ['deb.example@0', 'amd64.example@1']);
test('--platform linux/arm64 picks the arm64 manifest', scans, 'multi-platform', ['ports.example@0', 'arm64.example@1'], 'linux/arm64');

test('diff reports removals, additions and transient sources with their layers', async (t) => {
  const { report } = await runJson(['diff', layout('whiteout', 'old'), layout('whiteout', 'new')]);
  t.deepEqual(describeChanges(report.changes), [
    'added source /etc/apt/sources.list.d/b.list @1',
    'removed source /etc/apt/sources.list.d/a.list @2',
  ]);
  t.is(report.transient.length, 1);
  const [transient] = report.transient;
  t.is(transient?.path, '/etc/apt/sources.list.d/t.list');
  t.is(transient?.addedIn?.index, 1);
  t.is(transient?.removedIn?.index, 2);
  t.true(transient?.findings.some((finding) => finding.rule === 'transient-source'));
});

test('BuildKit and classic history become the instructions a person wrote', async (t) => {
  const { report } = await runJson(['diff', layout('buildkit-history', 'old'), layout('buildkit-history', 'new')]);
  const byPath = new Map(report.changes.map((change) => [change.path, change]));
  const instruction = (path: string) => byPath.get(`/etc/apt/${path}`)?.instruction;
  t.regex(instruction('sources.list') ?? '', /^COPY /);
  for (const change of report.changes) t.notRegex(change.instruction ?? '', /# buildkit|#\(nop\)|\/bin\/sh -c/);
  t.deepEqual(describeChanges(report.changes).map((line) => line.replace(/ source | /g, ' ')).length, report.changes.length);
});

test('layers that history cannot place get a null instruction, the rest keep theirs', async (t) => {
  const { report } = await runJson(['scan', layout('history-mismatch', 'new')]);
  const byHost = new Map(report.sources.map((entry) => [new URL(entry.source?.uris[0] ?? 'x:').hostname, entry]));
  t.is(byHost.get('deb.example')?.instruction, null);
  t.is(byHost.get('a.example')?.instruction, null);
  t.truthy(byHost.get('b.example')?.instruction);
  t.truthy(byHost.get('c.example')?.instruction);
});

test('a file over the read cap is reported, flagged high, and gates --fail-on high', async (t) => {
  const { report } = await runJson(['scan', layout('big-file', 'new')]);
  t.true(hostsOf(report as never).includes('huge.example@1'));
  t.false(hostsOf(report as never).some((host) => host.startsWith('tail.example')));
  t.true(report.problems.some((problem) => problem.path.endsWith('huge.list') && problem.severity === 'high'));
  const gated = await runBin(['scan', layout('big-file', 'new'), '--fail-on', 'high']);
  t.is(gated.status, 1);
});

test('a Docker 25+ save archive (OCI layout inside) reads like the layout it holds', async (t) => {
  const { report } = await runJson(['diff', layout('whiteout', 'old'), 'docker-archive:fixtures/layouts/docker25.tar']);
  t.deepEqual(describeChanges(report.changes), ['added source /etc/apt/sources.list.d/b.list @2']);
  t.regex(String((report.new as { digest: string | null }).digest), /^sha256:[a-f0-9]{64}$/);
});


test('a symlink loop is an error naming the path', fails, ['scan', layout('link-loop', 'new')], /sources\.list\.d\/a\.list.*symbolic links/);
test('a blob whose bytes do not match its digest is an error', fails, ['diff', layout('corrupt-digest', 'old'), layout('corrupt-digest', 'new')], /does not match/);
test('a truncated gzip layer is an error', fails, ['scan', layout('truncated', 'new')], /truncated|unexpected end/i);
test('a layer whose diff_id does not match is an error', fails, ['scan', layout('diffid-mismatch', 'new')], /diff_id/);
test('an unknown layer format is an error naming the media type', fails, ['scan', layout('unknown-format', 'new')], /lz4/);
test('a malformed index.json is an error naming it', fails, ['scan', layout('malformed-index', 'new')], /index\.json/);
test('a platform the index lacks is an error listing what it has', fails, ['scan', layout('multi-platform', 'multi'), '--platform', 'linux/s390x'], /linux\/arm64/);
test('a platform a single image lacks is an error', fails, ['scan', layout('whiteout', 'new'), '--platform', 'linux/arm64'], /linux\/amd64/);
