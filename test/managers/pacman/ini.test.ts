import test from 'ava';
import type { ExecutionContext } from 'ava';

import { readIni } from '../../../src/managers/pacman/ini.js';
import type { IniEvent } from '../../../src/managers/pacman/ini.js';

const reads = test.macro({
  exec(t: ExecutionContext, input: string | Buffer, expected: IniEvent[]) {
    t.deepEqual(readIni(Buffer.from(input)), expected);
  },
  title: (given) => `reads ${given ?? ''}`,
});

test('a section', reads, '[core]\n', [{ kind: 'section', line: 1, name: 'core' }]);
test('a section with inner spaces kept', reads, '  [ core ]  \n', [
  { kind: 'section', line: 1, name: ' core ' },
]);
test('an empty section name', reads, '[]\n', [{ kind: 'section', line: 1, name: '' }]);
test('an unclosed bracket as a key', reads, '[core\n', [
  { kind: 'directive', line: 1, key: '[core', value: null },
]);
test('a key and value, trimmed', reads, '\tServer  =  http://a  \n', [
  { kind: 'directive', line: 1, key: 'Server', value: 'http://a' },
]);
test('split at the first =', reads, 'Server = http://a/?x=1\n', [
  { kind: 'directive', line: 1, key: 'Server', value: 'http://a/?x=1' },
]);
test('a key without value', reads, 'Color\n', [
  { kind: 'directive', line: 1, key: 'Color', value: null },
]);
test('an empty value', reads, 'Server =\n', [
  { kind: 'directive', line: 1, key: 'Server', value: '' },
]);
test('comments only at the start', reads, '# c\n   # c\nServer = a # b\n', [
  { kind: 'directive', line: 3, key: 'Server', value: 'a # b' },
]);
test('CRLF and blank lines', reads, '\r\n[core]\r\n\r\nUsage = All\r\n', [
  { kind: 'section', line: 2, name: 'core' },
  { kind: 'directive', line: 4, key: 'Usage', value: 'All' },
]);
test('no final newline', reads, '[a]\nServer = x', [
  { kind: 'section', line: 1, name: 'a' },
  { kind: 'directive', line: 2, key: 'Server', value: 'x' },
]);
test('a NUL byte ends the line', reads, Buffer.from('Server = a\0b\n'), [
  { kind: 'directive', line: 1, key: 'Server', value: 'a' },
]);
test('a line of 4094 bytes stays whole', reads, `#${'x'.repeat(4093)}\nA = 1\n`, [
  { kind: 'directive', line: 2, key: 'A', value: '1' },
]);
test(
  'a longer line is read in 4095-byte pieces',
  reads,
  `#${'x'.repeat(4094)}Server = hidden\nA = 1\n`,
  [
    { kind: 'directive', line: 2, key: 'Server', value: 'hidden' },
    { kind: 'directive', line: 3, key: 'A', value: '1' },
  ],
);
test(
  'a line of exactly 4095 bytes leaves its newline as an empty piece',
  reads,
  `#${'x'.repeat(4094)}\nA = 1\n`,
  [{ kind: 'directive', line: 3, key: 'A', value: '1' }],
);
