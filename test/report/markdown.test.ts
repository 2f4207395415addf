import { readFile, writeFile } from 'node:fs/promises';

import test from 'ava';

import { escape } from '../../src/report/markdown.js';
import { ROOT, runBin } from '../helpers/cli.js';

/**
 * Snapshots of `--format markdown`, compared byte for byte. The layouts are byte-exact
 * (fixtures/make-layouts.ts), so digests never move. After a deliberate change to the output,
 * rewrite them with `UPDATE_SNAPSHOTS=1 npx ava test/report/markdown.test.ts` and review the diff.
 */
const snapshot = test.macro(async (t, args: string[], name: string) => {
  const run = await runBin([...args, '--format', 'markdown']);
  t.true(run.status === 0 || run.status === 1, run.stderr);
  const file = `${ROOT}/test/report/snapshots/${name}`;
  if (process.env.UPDATE_SNAPSHOTS === '1') await writeFile(file, run.stdout);
  t.is(run.stdout, await readFile(file, 'utf8'));
});

const layout = (tag: string) => `oci:fixtures/layouts/buildkit-history:${tag}`;

test('a diff with a Dockerfile and --fail-on', snapshot, ['diff', layout('old'), layout('new'), '--dockerfile', 'test/fixtures/dockerfiles/buildkit-history.Dockerfile', '--fail-on', 'medium'], 'buildkit-history.md');
test('a diff without changes', snapshot, ['diff', layout('old'), layout('old'), '--fail-on', 'high'], 'no-changes.md');

test('the verdict follows --fail-on', async (t) => {
  const [fails, passes] = await Promise.all([
    runBin(['diff', layout('old'), layout('new'), '--format', 'markdown', '--fail-on', 'low']),
    runBin(['diff', layout('old'), layout('new'), '--format', 'markdown', '--fail-on', 'critical']),
  ]);
  t.is(fails.status, 1);
  t.regex(fails.stdout.split('\n')[0] ?? '', /❌ fails `--fail-on low`/);
  t.is(passes.status, 0);
  t.regex(passes.stdout.split('\n')[0] ?? '', /✅ passes `--fail-on critical`/);
});

test('values from the image cannot break the table, inject HTML or mention people', (t) => {
  const escaped = escape('a|b `c` <script>x</script> [l](u) @team *e* $x\nnext');
  t.false(/[|`<>[\]@*$\n]/.test(escaped), escaped);
  t.is(escaped, 'a&#124;b &#96;c&#96; &#60;script&#62;x&#60;/script&#62; &#91;l&#93;(u) &#64;team &#42;e&#42; &#36;x next');
});
