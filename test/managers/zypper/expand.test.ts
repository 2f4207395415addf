import test from 'ava';

import { expandZypp } from '../../../src/managers/zypper/expand.js';

const vars = new Map([
  ['a', 'A'],
  ['b', 'B'],
  ['empty', ''],
]);

const expands = test.macro({
  exec(t, input: string, expected: string) {
    t.is(
      expandZypp(input, (name) => vars.get(name)),
      expected,
    );
  },
  title: (_ = '', input: string, expected: string) =>
    `${JSON.stringify(input)} → ${JSON.stringify(expected)}`,
});

test(expands, 'http://h/$a/${b}/', 'http://h/A/B/');
test(expands, '$undefined/${undefined}', '$undefined/${undefined}');
test(expands, '$a_b', '$a_b');
test(expands, '${undefined:-word}', 'word');
test(expands, '${empty:-word}', 'word');
test(expands, '${a:-word}', 'A');
test(expands, '${a:+alt}', 'alt');
test(expands, '${undefined:+alt}', '');
test(expands, '${undefined:-${a}/$b}', 'A/B');
test(expands, '${a:+\\}x}', '}x');
test(expands, '${undefined:-\\$a}', '$a');
test(expands, '\\$a', '\\A');
test(expands, '${a', '${a');
test(expands, '${a:x}', '${a:x}');
test(expands, '$', '$');
test(expands, '$-', '$-');
test(expands, '${undefined:-${}}', '${undefined:-${}}');
test(expands, '${undefined:-unterminated', '${undefined:-unterminated');
