import test, { type ExecutionContext } from 'ava';

import { multiValue, readTagFile } from '../../../src/managers/apt/tag-file.js';

/** Stanzas as [line, {field: value}] with lower-cased field names. */
const stanzas = test.macro({
  exec(t: ExecutionContext, text: string, expected: [number, Record<string, string>][]) {
    const file = readTagFile(text);
    t.is(file.problem, null);
    const got = file.stanzas.map((stanza) => [
      stanza.line,
      Object.fromEntries([...stanza.fields].map(([key, field]) => [key, field.value])),
    ]);
    t.deepEqual(got, expected);
  },
  title: (name = '') => `reads ${name}`,
});

test('two stanzas', stanzas, 'A: 1\nB: 2\n\nC: 3\n', [[1, { a: '1', b: '2' }], [4, { c: '3' }]]);
test('comment lines removed, not splitting', stanzas, 'A: 1\n# c\nB: 2\n#\n\n#x\nC: 3', [[1, { a: '1', b: '2' }], [7, { c: '3' }]]);
test('an indented # is a continuation', stanzas, 'A: 1\n # 2\n', [[1, { a: '1\n # 2' }]]);
test('a blank-only line is a continuation', stanzas, 'A: 1\n \nB: 2\n', [[1, { a: '1', b: '2' }]]);
test('CRLF line ends', stanzas, 'A: 1\r\nB: 2\r\n\r\nC: 3\r\n', [[1, { a: '1', b: '2' }], [4, { c: '3' }]]);
test('case-insensitive names, last value wins', stanzas, 'Key: 1\nKEY: 2\n', [[1, { key: '2' }]]);
test('empty values and space before the colon', stanzas, 'A:\nB : x\n', [[1, { a: '', b: 'x' }]]);
test('many empty lines', stanzas, '\n\n\nA: 1\n\n\n\nB: 2\n\n', [[4, { a: '1' }], [8, { b: '2' }]]);
test('a stanza of comments only', stanzas, '# a\n# b\n\nA: 1\n', [[4, { a: '1' }]]);
test('an empty file', stanzas, '', []);

test('a stanza ending in a line without a colon cannot be scanned', (t) => {
  const file = readTagFile('A: 1\ngarbage\n');
  t.is(file.problem?.line, 1);
  t.deepEqual(file.stanzas, []);
});

test('a line without a colon swallows the next field name', (t) => {
  const file = readTagFile('A: 1\ngarbage\nB: 2\n');
  t.is(file.problem, null);
  t.deepEqual([...(file.stanzas[0]?.fields.keys() ?? [])], ['a', 'garbage\nb']);
});

test('multiValue splits on any whitespace', (t) => {
  const [stanza] = readTagFile('URIs: a  b\n\tc\n d\n').stanzas;
  t.deepEqual(stanza === undefined ? [] : multiValue(stanza, 'uris'), ['a', 'b', 'c', 'd']);
});
