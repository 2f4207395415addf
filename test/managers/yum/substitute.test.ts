import test from 'ava';

import { substituteLibdnf, substituteYum3 } from '../../../src/managers/yum/substitute.js';

const vars = new Map([
  ['a', 'A'],
  ['b', 'B'],
  ['a_x', 'AX'],
  ['empty', ''],
  ['releasever', '9.4'],
]);

const libdnf = test.macro({
  exec(t, input: string, expected: string) {
    t.is(substituteLibdnf(input, vars), expected);
  },
  title: (_ = '', input: string, expected: string) =>
    `libdnf: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`,
});

const yum3 = test.macro({
  exec(t, input: string, expected: string) {
    t.is(substituteYum3(input, vars), expected);
  },
  title: (_ = '', input: string, expected: string) =>
    `yum 3: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`,
});

test(libdnf, 'http://h/$a/$b', 'http://h/A/B');
test(libdnf, '${a}x', 'Ax');
test(libdnf, '$a_x', 'AX');
test(libdnf, '$a_y', '$a_y');
test(libdnf, '$A', '$A');
test(libdnf, '$$a', '$A');
test(libdnf, '$', '$');
test(libdnf, '${a', '${a');
test(libdnf, '${}', '${}');
test(libdnf, '$a-$b', 'A-B');
test(libdnf, '${undefined}/$undefined', '${undefined}/$undefined');
test(libdnf, '${z:-default}', 'default');
test(libdnf, '${empty:-default}', 'default');
test(libdnf, '${a:-default}', 'A');
test(libdnf, '${a:+alt}', 'alt');
test(libdnf, '${z:+alt}', '');
test(libdnf, '${z:-${a}-$b}', 'A-B');
test(libdnf, '${z:-${y:-deep}}', 'deep');
test(libdnf, '${z:-unterminated', '${z:-unterminated');
test(libdnf, '${a:?x}', '${a:?x}');
test(libdnf, '${a!}', '${a!}');
test(libdnf, '\\$a', '$a');
test(libdnf, 'a\\\\b', 'a\\b');
test(libdnf, 'end\\', 'end\\');
test(libdnf, '$releasever_major.$releasever_minor', '9.4');
test(libdnf, 'prefix ${z:-x} then $a', 'prefix x then A');

test(yum3, 'http://h/$a/$b', 'http://h/A/B');
test(yum3, '$A', 'A');
test(yum3, '${a}', '${a}');
test(yum3, '$a_x', 'AX');
test(yum3, '$undefined', '$undefined');
test(yum3, '$$a', '$A');
