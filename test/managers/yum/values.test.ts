import test from 'ava';

import type { Stack } from '../../../src/managers/yum/model.js';
import {
  asBaseurl,
  InvalidValue,
  parseBool,
  parseInteger,
  splitList,
} from '../../../src/managers/yum/values.js';

const bool = test.macro({
  exec(t, stack: Stack, input: string, expected: boolean | 'invalid') {
    if (expected === 'invalid')
      t.throws(() => parseBool(stack, input), { instanceOf: InvalidValue });
    else t.is(parseBool(stack, input), expected);
  },
  title: (_ = '', stack: Stack, input: string, expected: boolean | 'invalid') =>
    `${stack} bool ${JSON.stringify(input)} is ${expected}`,
});

for (const word of ['1', 'yes', 'YES', 'true', 'True', 'on', 'oN']) test(bool, 'dnf4', word, true);
for (const word of ['0', 'no', 'No', 'false', 'FALSE', 'off', 'OFF'])
  test(bool, 'dnf4', word, false);
for (const word of ['', '2', 'y', 'n', '1 ', 'enabled', '1 # c', 'None'])
  test(bool, 'dnf4', word, 'invalid');
test(bool, 'yum3', 'Yes', true);
test(bool, 'yum3', 'FALSE', false);
test(bool, 'yum3', 'on', 'invalid');
test(bool, 'yum3', 'off', 'invalid');

const integer = test.macro({
  exec(t, stack: Stack, input: string, expected: number | 'invalid') {
    if (expected === 'invalid')
      t.throws(() => parseInteger(stack, input), { instanceOf: InvalidValue });
    else t.is(parseInteger(stack, input), expected);
  },
  title: (_ = '', stack: Stack, input: string, expected: number | 'invalid') =>
    `${stack} number ${JSON.stringify(input)} is ${expected}`,
});

test(integer, 'dnf4', '10', 10);
test(integer, 'dnf4', '-3', -3);
test(integer, 'dnf4', '+5', 5);
test(integer, 'dnf4', '5x', 5);
test(integer, 'dnf4', ' 7', 7);
test(integer, 'dnf4', '0x10', 0);
test(integer, 'dnf4', 'abc', 'invalid');
test(integer, 'dnf4', '', 'invalid');
test(integer, 'dnf4', '2147483648', 'invalid');
test(integer, 'yum3', ' 7 ', 7);
test(integer, 'yum3', '5x', 'invalid');

const list = test.macro({
  exec(t, stack: Stack, input: string, expected: string[]) {
    t.deepEqual(splitList(stack, input), expected);
  },
  title: (_ = '', stack: Stack, input: string) => `${stack} list ${JSON.stringify(input)}`,
});

// Each libdnf case was checked against libdnf 0.69's OptionStringList::fromString.
test(list, 'dnf4', 'a ,, b,c', ['a', '', 'b', 'c']);
test(list, 'dnf4', 'a,,b', ['a', '', 'b']);
test(list, 'dnf4', 'a, ,b', ['a', '', 'b']);
test(list, 'dnf4', 'a,', ['a']);
test(list, 'dnf4', 'a, ', ['a']);
test(list, 'dnf4', ' a', ['a']);
test(list, 'dnf4', 'a  b', ['a', 'b']);
test(list, 'dnf4', 'a\n\nb', ['a', '', 'b']);
test(list, 'dnf4', 'a\n b', ['a', 'b']);
test(list, 'dnf4', ',a', ['', 'a']);
test(list, 'dnf4', ' , a', ['', 'a']);
test(list, 'dnf4', 'a ,b', ['a', 'b']);
test(list, 'dnf4', 'a\n,b', ['a', '', 'b']);
test(list, 'dnf4', 'a,\nb', ['a', 'b']);
test(list, 'dnf4', 'a ,\nb', ['a', 'b']);
test(list, 'dnf4', '', []);
test(list, 'dnf4', ' ', []);
test(list, 'dnf4', 'a\t b', ['a\t', 'b']);
test(list, 'dnf4', 'a,,,b', ['a', '', '', 'b']);
test(list, 'dnf4', 'a , , b', ['a', '', 'b']);
test(list, 'yum3', 'a ,, b,c\n\td', ['a', 'b', 'c', 'd']);

test('libdnf makes absolute baseurl paths file:// URLs, yum 3 does not', (t) => {
  t.is(asBaseurl('dnf4', '/srv/repo'), 'file:///srv/repo');
  t.is(asBaseurl('dnf5', 'relative/x'), 'relative/x');
  t.is(asBaseurl('yum3', '/srv/repo'), '/srv/repo');
});
