import test from 'ava';

import {
  strToBool,
  strToTriBool,
  strToTrue,
  strtonum,
} from '../../../src/managers/zypper/values.js';

const tri = test.macro({
  exec(t, input: string, expected: boolean | null) {
    t.is(strToTriBool(input), expected);
  },
  title: (_ = '', input: string, expected: boolean | null) =>
    `strToTriBool(${JSON.stringify(input)}) is ${String(expected)}`,
});

for (const word of ['1', 'yes', 'TRUE', 'On', '+', '2', '-1', '0x10', '12abc'])
  test(tri, word, true);
for (const word of ['0', 'no', 'False', 'OFF', '-']) test(tri, word, false);
for (const word of ['', 'maybe', 'y', 'never', '00']) test(tri, word, null);

test('strToTrue is false for anything it does not know', (t) => {
  t.false(strToTrue('maybe'));
  t.true(strToTrue('Yes'));
});

test('strToBool looks only for the word against the default', (t) => {
  t.true(strToBool('maybe', true));
  t.false(strToBool('no', true));
  t.false(strToBool('maybe', false));
});

test('strtonum parses like strtoll with base 0', (t) => {
  t.is(strtonum(' 42x'), 42);
  t.is(strtonum('0x1F'), 31);
  t.is(strtonum('017'), 15);
  t.is(strtonum('089'), 0);
  t.is(strtonum('-3'), -3);
  t.is(strtonum('abc'), 0);
});
