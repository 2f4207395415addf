import { readFile } from 'node:fs/promises';

import test from 'ava';
import { Ajv2020 } from 'ajv/dist/2020.js';

import { type JsonChange, type JsonReport, ROOT, describeChanges, rules, runBin, runJson , fails } from '../helpers/cli.js';

/** Real images built by dockerd from fixtures/images (see its README for the expected diffs). */
const oci = (name: string) => `oci:fixtures/oci:${name}`;
const archive = (name: string) => `docker-archive:fixtures/docker-archive.tar:pkgrepo-fixtures/${name.replace(/-(\d+)$/, ':$1')}`;
const ociArchive = (name: string) => `oci-archive:fixtures/oci-archive/${name}.tar`;

const find = (report: JsonReport, path: string, change?: string): JsonChange | undefined =>
  report.changes.find((entry) => entry.path === path && (change === undefined || entry.change === change));

test('apt:1 → apt:2 names every change, its layer, its instruction and its risk', async (t) => {
  const { report } = await runJson(['diff', oci('apt-1'), oci('apt-2')]);
  t.deepEqual(describeChanges(report.changes), [
    'added key /etc/apt/trusted.gpg.d/legacy-vendor.gpg @13',
    'added setting /etc/apt/apt.conf.d/99insecure @12',
    'added source /etc/apt/sources.list.d/internal.list @9',
    'added source /etc/apt/sources.list.d/linked.list @16',
    'modified source /etc/apt/sources.list.d/debian.sources @11',
    'modified source /etc/apt/sources.list.d/vendor.list @7',
  ]);

  const internal = find(report, '/etc/apt/sources.list.d/internal.list');
  t.true(rules(internal).includes('trusted-source:critical'));
  t.true(rules(internal).includes('plain-http:high'));
  t.regex(internal?.instruction ?? '', /^COPY /);

  const vendor = find(report, '/etc/apt/sources.list.d/vendor.list');
  t.true(vendor?.fields.includes('uris'));
  t.regex(vendor?.instruction ?? '', /^RUN echo 'deb \[signed-by=/);
  // The same source now fetches from another host: a replaced mirror, not just a new host.
  t.true(rules(vendor).includes('mirror-replaced:medium'));
  t.false(rules(vendor).includes('new-host:medium'));

  const debian = find(report, '/etc/apt/sources.list.d/debian.sources');
  t.deepEqual(debian?.fields, ['components', 'id'].filter((field) => debian?.fields.includes(field)));
  t.true(debian?.fields.includes('components'));

  t.true(rules(find(report, '/etc/apt/apt.conf.d/99insecure')).some((rule) => rule.endsWith(':high') || rule.endsWith(':critical')));
  t.true(rules(find(report, '/etc/apt/trusted.gpg.d/legacy-vendor.gpg')).includes('key-added:high'));
  t.is(find(report, '/etc/apt/trusted.gpg.d/legacy-vendor.gpg')?.key?.scope, 'global');

  t.deepEqual(
    report.transient.map((entry) => `${entry.path} ${entry.addedIn?.index}→${entry.removedIn?.index}`),
    ['/etc/apt/sources.list.d/tmp.list 8→10'],
  );
  t.true(rules(report.transient[0]).includes('transient-source:critical'));
  t.false(JSON.stringify(report.changes).includes('saved.example'), 'apt ignores *.save');
  t.false(JSON.stringify(report.changes).includes('space.example'), 'apt ignores names with spaces');
  t.false(JSON.stringify(report.changes).includes('disabled.example'), 'apt ignores *.disabled');
});

test('the three local formats give the same answer', async (t) => {
  const strip = (report: JsonReport) => JSON.stringify({ changes: report.changes.map(({ layer, ...rest }) => ({ ...rest, layer: layer?.index })), transient: report.transient.length });
  const [fromOci, fromArchive, fromOciArchive] = await Promise.all([
    runJson(['diff', oci('apt-1'), oci('apt-2')]),
    runJson(['diff', archive('apt-1'), archive('apt-2')]),
    runJson(['diff', ociArchive('apt-1'), ociArchive('apt-2')]),
  ]);
  t.is(strip(fromArchive.report), strip(fromOci.report));
  t.is(strip(fromOciArchive.report), strip(fromOci.report));
});

test('yum:1 → yum:2', async (t) => {
  const { report } = await runJson(['diff', oci('yum-1'), oci('yum-2')]);
  const ids = report.changes.map((change) => `${change.change} ${change.kind} ${change.id} @${change.layer?.index ?? 'null'}`).sort();
  t.true(ids.includes('modified source appstream @5'), ids.join('\n'));
  t.true(ids.some((line) => /^modified source vendor @6$/.test(line)), ids.join('\n'));
  t.true(ids.some((line) => /^added source tools @9$/.test(line)), ids.join('\n'));
  t.true(ids.some((line) => /^removed source extras @10$/.test(line)), ids.join('\n'));
  t.true(ids.some((line) => /^added key .*RPM-GPG-KEY-tools @7$/.test(line)), ids.join('\n'));
  const appstream = report.changes.find((change) => change.id === 'appstream');
  t.true(rules(appstream).includes('signature-check-disabled:critical'));
  t.true(appstream?.fields.includes('gpgcheck'));
  t.true(rules(report.changes.find((change) => change.id === 'tools')).includes('tls-verify-disabled:high'));
});

test('apk:1 → apk:2', async (t) => {
  const { report } = await runJson(['diff', oci('apk-1'), oci('apk-2')]);
  const kinds = report.changes.map((change) => `${change.change} ${change.kind} @${change.layer?.index ?? 'null'}`).sort();
  t.deepEqual(kinds, ['added key @5', 'added source @6', 'removed source @4']);
  const edge = report.changes.find((change) => change.change === 'added' && change.kind === 'source');
  t.regex(JSON.stringify(edge?.source), /edge/);
  t.true(rules(edge).includes('plain-http:low'));
  t.true(rules(report.changes.find((change) => change.kind === 'key')).includes('key-added:high'));
});

test('zypper:1 → zypper:2', async (t) => {
  const { report } = await runJson(['diff', oci('zypper-1'), oci('zypper-2')]);
  const ids = report.changes.map((change) => `${change.change} ${change.id} @${change.layer?.index ?? 'null'}`).sort();
  t.deepEqual(ids, ['added vendor-tools @4', 'modified repo-non-oss @3']);
  t.true(rules(report.changes.find((change) => change.id === 'repo-non-oss')).includes('signature-check-disabled:critical'));
});

test('pacman:1 → pacman:2 follows Include into the mirrorlist', async (t) => {
  const { report } = await runJson(['diff', oci('pacman-1'), oci('pacman-2')]);
  const ids = report.changes.filter((change) => change.kind === 'source').map((change) => `${change.change} ${change.id} @${change.layer?.index ?? 'null'}`).sort();
  t.deepEqual(ids, ['added custom @5', 'modified core @4', 'modified extra @4']);
  const custom = report.changes.find((change) => change.id === 'custom');
  t.true(rules(custom).includes('signature-check-disabled:critical'));
  t.true(rules(custom).includes('plain-http:high'));
});

test('scan attributes every source of an image to the layer that made it', async (t) => {
  const { report } = await runJson(['scan', archive('apt-2')]);
  const vendor = report.sources.find((entry) => entry.path.endsWith('vendor.list'));
  t.is(vendor?.layer?.index, 7);
  const debian = report.sources.filter((entry) => entry.path.endsWith('debian.sources'));
  t.true(debian.length >= 2);
  t.true(report.keys.some((entry) => entry.path === '/usr/share/keyrings/debian-archive-keyring.gpg'));
});

test('JSON reports validate against schema/report.schema.json', async (t) => {
  const schema = JSON.parse(await readFile(`${ROOT}/schema/report.schema.json`, 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  for (const args of [
    ['diff', oci('apt-1'), oci('apt-2')],
    ['diff', oci('yum-1'), oci('yum-2')],
    ['diff', oci('pacman-1'), oci('pacman-2')],
    ['scan', oci('apt-2')],
    ['scan', oci('apk-2')],
  ]) {
    const { report } = await runJson(args);
    t.true(validate(report), `${args.join(' ')}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('--fail-on sets the exit status from the findings', async (t) => {
  t.is((await runBin(['diff', oci('apt-1'), oci('apt-2'), '--fail-on', 'critical'])).status, 1);
  t.is((await runBin(['diff', oci('apt-1'), oci('apt-2')])).status, 0);
  t.is((await runBin(['diff', oci('apt-1'), oci('apt-1'), '--fail-on', 'info'])).status, 0);
});

test('the table fits 100 columns and has no colour without a terminal', async (t) => {
  const run = await runBin(['diff', oci('apt-1'), oci('apt-2')], { NO_COLOR: '' });
  t.is(run.status, 0);
  t.false(run.stdout.includes('\u001b['));
  const table = run.stdout.split('\n').filter((line) => /^[┌│├└]/.test(line));
  t.true(table.length > 0);
  for (const line of table) t.true(line.length <= 100, line);
  t.regex(run.stdout, /internal\.list/);
});

test('an identical pair reports no changes', async (t) => {
  const { report } = await runJson(['diff', oci('apt-2'), archive('apt-2')]);
  t.deepEqual(report.changes, []);
  t.deepEqual(report.transient, []);
});


test('a missing file', fails, ['scan', 'oci:fixtures/nope'], /fixtures\/nope/);
test('a tag the layout does not have', fails, ['scan', oci('apt-9')], /apt-9.*tags here/);
test('a name the archive does not have', fails, ['scan', archive('apt-9')], /no image named/);
test('an archive of several images without a name', fails, ['scan', 'docker-archive:fixtures/docker-archive.tar'], /holds 12 images/);
test('a registry nobody listens on', fails, ['scan', 'docker://127.0.0.1:1/app:1'], /connection refused by 127\.0\.0\.1:1/);
test('an invalid registry reference', fails, ['scan', 'docker://Team/App'], /not a valid image reference/);
test('an unknown transport', fails, ['scan', 'dir:/tmp/nothing-here'], /unknown transport/);
test('a bad --platform', fails, ['scan', oci('apt-1'), '--platform', 'linux'], /platform/);
test('an unknown --format', fails, ['scan', oci('apt-1'), '--format', 'xml'], /format/i);
test('a missing argument', fails, ['diff', oci('apt-1')], /new|arguments/i);
test('a file that is not an image', fails, ['scan', 'README.md'], /README\.md/);

test('--help lists the commands and the exit statuses', async (t) => {
  const run = await runBin(['--help']);
  t.is(run.status, 0);
  t.regex(run.stdout, /diff <old> <new>/);
  t.regex(run.stdout, /scan <image>/);
  t.regex(run.stdout, /Exit status/);
});
