import test from 'ava';
import type { ExecutionContext } from 'ava';

import { formatInstruction, instructionsForLayers } from '../../src/inventory/history.js';
import type { History, ImageConfig } from '../../src/oci/types.js';

const formats = test.macro({
  exec(t: ExecutionContext, createdBy: string, expected: string | null) {
    t.is(formatInstruction(createdBy), expected);
  },
  title: (given, createdBy: string, expected: string | null) =>
    given ?? `${JSON.stringify(createdBy)} → ${JSON.stringify(expected)}`,
});

// Classic builder
const SH = '/bin/sh -c';
test(formats, `${SH} #(nop)  ENV X=1`, 'ENV X=1');
test(formats, `${SH} #(nop) COPY file:abc in /etc/ `, 'COPY file:abc in /etc/');
test(formats, `${SH} #(nop) ADD file:4a5b6c7d8e9f in / `, 'ADD file:4a5b6c7d8e9f in /');
test(formats, `${SH} #(nop)  CMD ["bash"]`, 'CMD ["bash"]');
test(formats, `${SH} echo hi`, 'RUN echo hi');
test(formats, `|2 A=1 B=2 ${SH} make`, 'RUN make');
test('an empty build arg', formats, `|1 A= ${SH} make install`, 'RUN make install');
test('lines', formats, `${SH} apt-get update &&     make`, 'RUN apt-get update &&     make');
test('a #(nop) without the shell', formats, '#(nop) WORKDIR /src', 'WORKDIR /src');
const HASH = `${'0123456789ab'.repeat(5)}abcd`;
test('a hash cut short', formats, `#(nop) ADD file:${HASH} in / `, 'ADD file:0123456789ab in /');
test('multi:', formats, `#(nop) COPY multi:${HASH} in /x/ `, 'COPY multi:0123456789ab in /x/');
test('Windows', formats, 'cmd /S /C echo hi', 'RUN echo hi');

// BuildKit
test(formats, 'RUN /bin/sh -c apt-get update # buildkit', 'RUN apt-get update');
test(formats, 'COPY a /b # buildkit', 'COPY a /b');
test(formats, 'RUN |1 X=1 /bin/sh -c echo # buildkit', 'RUN echo');
test(formats, 'RUN |2 X=1 Y=two /bin/sh -c make # buildkit', 'RUN make');
test(formats, 'RUN ["apt-get", "update"] # buildkit', 'RUN ["apt-get", "update"]');
test('a metadata step as written', formats, 'ENV PATH=/usr/bin:/bin', 'ENV PATH=/usr/bin:/bin');

test('an unknown form is kept as written', formats, 'docker commit', 'docker commit');
test('empty created_by', formats, '', null);
test('blank created_by', formats, '   ', null);

test('empty created_by shows the comment instead', (t) => {
  t.is(formatInstruction('', 'imported from tarball'), '# imported from tarball');
  t.is(formatInstruction('', ''), null);
});

test('a comment does not replace an instruction', (t) => {
  t.is(formatInstruction('/bin/sh -c make', 'built by CI'), 'RUN make');
});

function config(history: History[] | undefined): ImageConfig {
  return { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, history };
}

const step = (createdBy: string, emptyLayer?: boolean): History =>
  emptyLayer === undefined
    ? { created_by: createdBy }
    : { created_by: createdBy, empty_layer: emptyLayer };

const aligns = test.macro({
  exec(
    t: ExecutionContext,
    history: History[] | undefined,
    layers: number,
    expected: (string | null)[],
  ) {
    t.deepEqual(instructionsForLayers(config(history), layers), expected);
  },
  title: (given) => given ?? 'instructionsForLayers',
});

const CLASSIC = [
  step('/bin/sh -c #(nop) ADD file:4a5b in / '),
  step('/bin/sh -c #(nop)  CMD ["bash"]', true),
  step('/bin/sh -c #(nop)  ENV X=1', true),
  step('/bin/sh -c apt-get update'),
  step('COPY a.list /etc/apt/sources.list.d/ # buildkit'),
  step('RUN /bin/sh -c true # buildkit', false),
];

test('empty_layer entries make no layer', aligns, CLASSIC, 4, [
  'ADD file:4a5b in /',
  'RUN apt-get update',
  'COPY a.list /etc/apt/sources.list.d/',
  'RUN true',
]);
test('more layers than history: the first layers get null', aligns, CLASSIC, 6, [
  null,
  null,
  'ADD file:4a5b in /',
  'RUN apt-get update',
  'COPY a.list /etc/apt/sources.list.d/',
  'RUN true',
]);
test('more history than layers: the last entries are matched', aligns, CLASSIC, 2, [
  'COPY a.list /etc/apt/sources.list.d/',
  'RUN true',
]);
test('no history at all', aligns, undefined, 3, [null, null, null]);
test('no layers', aligns, CLASSIC, 0, []);
test('an entry without created_by', aligns, [{ comment: 'squashed' }, step('/bin/sh -c make')], 2, [
  '# squashed',
  'RUN make',
]);
