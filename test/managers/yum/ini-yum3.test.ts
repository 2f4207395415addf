import test from 'ava';

import { parseYum3Ini } from '../../../src/managers/yum/ini-yum3.js';
import { iniMacros } from './ini-macros.js';

const { parses, refuses } = iniMacros((text) =>
  parseYum3Ini(text.split('\n').map((line, index) => ({ text: line, path: '/r', line: index + 1 }))),
);

test('= and : separators', parses, '[a]\nk = v\nj: w\n', { a: { k: 'v', j: 'w' } });
test('keys are lower-cased', parses, '[a]\nBaseURL=http://x/\n', { a: { baseurl: 'http://x/' } });
test('inline ; comment after a blank', parses, '[a]\nk=v ;c\nj=v;c\nh=v #c\n', {
  a: { k: 'v', j: 'v;c', h: 'v #c' },
});
test('rem lines are comments', parses, '[a]\nREM k=1\nremote=x\nk=2\n', { a: { k: '2' } });
test('continuation lines', parses, '[a]\nk=v\n  w\n\tx\n', { a: { k: 'v\nw\nx' } });
test('an indented comment continues the value', parses, '[a]\nk=v\n  # c\n', {
  a: { k: 'v\n# c' },
});
test('an indented key continues the value', parses, '[a]\nbaseurl=http://x/\n  gpgcheck=0\n', {
  a: { baseurl: 'http://x/\ngpgcheck=0' },
});
test('duplicate keys and sections', parses, '[a]\nk=1\n[b]\n[a]\nk=2\n', { a: { k: '2' }, b: {} });
test('[DEFAULT] backs every section', parses, '[DEFAULT]\ngpgcheck=0\n[a]\n[b]\ngpgcheck=1\n', {
  a: { gpgcheck: '0' },
  b: { gpgcheck: '1' },
});
test('comment after a header', parses, '[a] # c\nk=1\n', { a: { k: '1' } });
test('quotes stay', parses, '[a]\nk="v"\n', { a: { k: '"v"' } });

test('a line without a separator', refuses, '[a]\nk=v\ngarbage\n', 3);
test('text after a header', refuses, '[a]x\nk=v\n', 1);
test('a key before any section', refuses, 'k=v\n[a]\n', 1);
test('a continuation after a comment', refuses, '[a]\nk=v\n#c\n  w\n', 4);
test('a continuation after an empty line', refuses, '[a]\nk=v\n\n  w\n', 4);

test('every bad line is counted in the failure', (t) => {
  const lines = ['[a]', 'x', 'y'].map((text, index) => ({ text, path: '/p', line: index + 1 }));
  const result = parseYum3Ini(lines);
  t.false(result.ok);
  if (!result.ok) t.regex(result.failure.message, /and 1 more line/);
});
