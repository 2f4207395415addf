import test from 'ava';

import { diffImages, scanImage } from '../../src/index.js';
import { mapDockerfile, type Dockerfile } from '../../src/dockerfile/map.js';
import { parseStages } from '../../src/dockerfile/steps.js';
import type { ImageConfig } from '../../src/oci/types.js';

const oci = (tag: string) => `oci:fixtures/oci:${tag}`;
const BUILDKIT = 'test/fixtures/dockerfiles/buildkit-history.Dockerfile';

/** `index:line:stage` for each layer the Dockerfile placed. */
function placed(layers: ReadonlyArray<{ line: number; stage: string } | null>): string[] {
  return layers.flatMap((line, index) => (line === null ? [] : [`${index}:${line.line}:${line.stage}`]));
}

function dockerfileOf(text: string): Dockerfile {
  return { path: 'Dockerfile', stages: parseStages(text) };
}

/** A config whose history is these `created_by` strings; `#(nop)` entries other than COPY/ADD make no layer. */
function configOf(createdBy: string[]): ImageConfig {
  const history = createdBy.map((created_by) => ({ created_by, empty_layer: /#\(nop\) {2}/.test(created_by) }));
  return { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, history };
}

test('multi-stage, classic builder: only the final stage makes layers, after its FROM image', async (t) => {
  const result = await scanImage(oci('app-1'), { dockerfile: 'fixtures/images/app-1/Dockerfile' });
  t.deepEqual(placed(result.dockerfile?.layers ?? []), ['6:11:1', '7:12:1']);
  t.is(result.dockerfile?.baseLayers, 6);
  t.is(result.dockerfile?.stage, '1');
});

test('a final stage FROM another stage: both stages’ steps, ARG in RUN, a comment inside a continuation', async (t) => {
  const result = await scanImage(oci('app-2'), { dockerfile: 'fixtures/images/app-2/Dockerfile' });
  t.deepEqual(placed(result.dockerfile?.layers ?? []), ['8:10:runtime', '9:11:runtime', '10:17:final']);
  t.is(result.dockerfile?.baseLayers, 8);
});

test('the single-stage fixtures: every layer of the build, none of the base', async (t) => {
  const result = await scanImage(oci('apt-2'), { dockerfile: 'fixtures/images/apt-2/Dockerfile' });
  const lines = (result.dockerfile?.layers ?? []).map((line) => line?.line ?? null);
  t.deepEqual(lines, [null, null, null, null, null, null, 7, 8, 11, 14, 16, 18, 21, 23, 25, 30, 33]);
});

test('BuildKit history over a classic base (byte-exact layout)', async (t) => {
  const result = await scanImage('oci:fixtures/layouts/buildkit-history:new', { dockerfile: BUILDKIT });
  t.deepEqual(placed(result.dockerfile?.layers ?? []), ['4:5:0', '5:6:0', '6:7:0', '7:8:0']);
  t.is(result.dockerfile?.baseLayers, 4);
});

test('the wrong Dockerfile gives no line at all, never a wrong one', async (t) => {
  const result = await scanImage(oci('app-2'), { dockerfile: 'fixtures/images/app-1/Dockerfile' });
  t.deepEqual(placed(result.dockerfile?.layers ?? []), []);
  t.is(result.dockerfile?.baseLayers, null);
});

test('a build arg given on the command line: COPY destination and RUN text still match', (t) => {
  const dockerfile = dockerfileOf('FROM base\nARG DIR=default\nCOPY a.list /etc/${DIR}/\nRUN echo $DIR \\\n  > /x\n');
  const config = configOf([
    '/bin/sh -c #(nop) ADD file:aaaa in / ',
    '/bin/sh -c #(nop)  ARG DIR=default',
    '/bin/sh -c #(nop) COPY file:0123abcd in /etc/other/ ',
    '|1 DIR=other /bin/sh -c echo $DIR   > /x',
  ]);
  const map = mapDockerfile(dockerfile, config, 3);
  t.deepEqual(placed(map.layers), ['1:3:0', '2:4:0']);
  t.is(map.baseLayers, 1);
});

test('exec-form RUN, and a RUN whose text differs stops the mapping below it', (t) => {
  const dockerfile = dockerfileOf('FROM base\nRUN ["echo", "a"]\nRUN echo changed\nRUN echo last\n');
  const config = configOf(['/bin/sh -c #(nop) ADD file:aaaa in / ', 'echo a', '/bin/sh -c echo original', '/bin/sh -c echo last']);
  const map = mapDockerfile(dockerfile, config, 4);
  t.deepEqual(placed(map.layers), ['3:4:0']);
  t.is(map.baseLayers, null);

  const exact = mapDockerfile(dockerfileOf('FROM base\nRUN ["echo", "a"]\n'), configOf(['/bin/sh -c #(nop) ADD file:aaaa in / ', 'echo a']), 2);
  t.deepEqual(placed(exact.layers), ['1:2:0']);
});

test('a diff with --dockerfile points changes at lines; without it, no line', async (t) => {
  const withFile = await diffImages(oci('apt-1'), oci('apt-2'), { dockerfile: 'fixtures/images/apt-2/Dockerfile' });
  const internal = withFile.changes.find((change) => change.item.path === '/etc/apt/sources.list.d/internal.list');
  t.is(withFile.dockerfile?.layers[internal?.layer ?? -1]?.line, 14);
  const without = await diffImages(oci('apt-1'), oci('apt-2'));
  t.is(without.dockerfile, null);
});

test('a missing Dockerfile is a usage error naming it', async (t) => {
  const error = await t.throwsAsync(scanImage(oci('apt-1'), { dockerfile: 'no/such/Dockerfile' }));
  t.regex(error?.message ?? '', /cannot read the Dockerfile/);
  t.is((error as { code?: string } | undefined)?.code, 'E_USAGE');
});
