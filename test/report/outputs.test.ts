import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import test from 'ava';

import { fails, runBin, scratchDir } from '../helpers/cli.js';

const OLD = 'oci:fixtures/oci:apt-1';
const NEW = 'oci:fixtures/oci:apt-2';

const scratch = (t: { teardown(fn: () => Promise<void>): void }) => scratchDir(t, 'pkgrepo-outputs-');

test('several reports from one run, each --output with its --format', async (t) => {
  const dir = await scratch(t);
  const run = await runBin(['diff', OLD, NEW, '-f', 'json', '-o', join(dir, 'a.json'), '-f', 'sarif', '-o', join(dir, 'b.sarif'), '-f', 'markdown', '-o', '-']);
  t.is(run.status, 0, run.stderr);
  t.regex(run.stdout, /^### pkgrepo-diff/);
  const json = JSON.parse(await readFile(join(dir, 'a.json'), 'utf8')) as { command: string };
  const sarif = JSON.parse(await readFile(join(dir, 'b.sarif'), 'utf8')) as { version: string };
  t.is(json.command, 'diff');
  t.is(sarif.version, '2.1.0');
  t.deepEqual((await readdir(dir)).sort(), ['a.json', 'b.sarif'], 'no temporary file left behind');
});

test('one --output without --format writes the table; stdout stays empty', async (t) => {
  const dir = await scratch(t);
  const run = await runBin(['scan', OLD, '--output', join(dir, 'scan.txt')]);
  t.is(run.status, 0, run.stderr);
  t.is(run.stdout, '');
  t.regex(await readFile(join(dir, 'scan.txt'), 'utf8'), /^image: oci:fixtures\/oci:apt-1/);
});

test('an existing report is replaced whole', async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, 'r.json'), 'old contents that are much longer than nothing at all'.repeat(1000));
  const run = await runBin(['diff', OLD, OLD, '-f', 'json', '-o', join(dir, 'r.json')]);
  t.is(run.status, 0, run.stderr);
  t.is(run.stdout, '');
  t.is((JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { command: string }).command, 'diff');
});

test('a report that cannot be written leaves no file at all, not even the others', async (t) => {
  const dir = await scratch(t);
  const run = await runBin(['diff', OLD, NEW, '-f', 'json', '-o', join(dir, 'a.json'), '-f', 'sarif', '-o', join(dir, 'missing', 'b.sarif')]);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.regex(run.stderr, /missing\/b\.sarif.*cannot write the report/);
  t.deepEqual(await readdir(dir), []);
});

test('a usage error costs no image read and writes nothing', async (t) => {
  const dir = await scratch(t);
  const run = await runBin(['diff', 'oci:/no/such/layout', NEW, '-f', 'json', '-f', 'sarif', '-o', join(dir, 'a.json')]);
  t.is(run.status, 2);
  t.regex(run.stderr, /2 --format and 1 --output/);
  t.deepEqual(await readdir(dir), []);
});

test('two formats without outputs', fails, ['diff', OLD, NEW, '-f', 'json', '-f', 'sarif'], /2 --format options but no --output/);
test('more outputs than formats', fails, ['diff', OLD, NEW, '-o', '/tmp/pkgrepo-a', '-o', '/tmp/pkgrepo-b'], /1 --format and 2 --output/);
test('two reports to one file', fails, ['diff', OLD, NEW, '-f', 'json', '-o', '/tmp/pkgrepo-same', '-f', 'sarif', '-o', '/tmp/pkgrepo-same'], /two reports would go to/);
test('two reports to standard output', fails, ['diff', OLD, NEW, '-f', 'json', '-o', '-', '-f', 'sarif', '-o', '-'], /more than one --output -/);
test('a report over the Dockerfile', fails, ['diff', OLD, NEW, '--dockerfile', 'fixtures/images/apt-2/Dockerfile', '-o', 'fixtures/images/apt-2/Dockerfile'], /would overwrite an input/);
test('a report inside an OCI layout read', fails, ['diff', OLD, NEW, '-o', 'fixtures/oci/index.json'], /would overwrite an input/);
test('a report over an archive read', fails, ['scan', 'oci-archive:fixtures/oci-archive/apt-1.tar', '-o', './fixtures/oci-archive/apt-1.tar'], /would overwrite an input/);
test('an unknown format among several', fails, ['diff', OLD, NEW, '-f', 'json', '-o', '/tmp/x', '-f', 'xml', '-o', '/tmp/y'], /format/i);
