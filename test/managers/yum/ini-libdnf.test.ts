import test from 'ava';

import { parseLibdnfIni } from '../../../src/managers/yum/ini-libdnf.js';
import { iniMacros } from './ini-macros.js';

const { parses, refuses } = iniMacros((text) => parseLibdnfIni(text, '/etc/yum.repos.d/t.repo'));

test('key = value with blanks around =', parses, '[a]\nk  =  v\nj\t=\tw\t\n', {
  a: { k: 'v', j: 'w' },
});
test('= inside the value', parses, '[a]\nk=a=b\n', { a: { k: 'a=b' } });
test('comments in column 0', parses, '# c\n; c\n[a]\n#k=1\n;k=2\nk=3\n', { a: { k: '3' } });
test('no inline comments', parses, '[a]\nk=1 # c\n', { a: { k: '1 # c' } });
test('continuation lines', parses, '[a]\nk=v\n  w\n\tx\n', { a: { k: 'v\nw\nx' } });
test('a blank line inside a continuation', parses, '[a]\nk=v\n   \n  w\n', { a: { k: 'v\n\nw' } });
test('an indented comment continues the value', parses, '[a]\nk=v\n  # c\n ;d\n', {
  a: { k: 'v\n# c\n;d' },
});
test('empty first line of a value', parses, '[a]\nk=\n  x\n', { a: { k: '\nx' } });
test('trailing blank lines are dropped', parses, '[a]\nk=v\n  \n', { a: { k: 'v' } });
test('only blank continuation lines stay', parses, '[a]\nk=\n  \n  \n', { a: { k: '\n\n' } });
test('matching quotes are stripped', parses, `[a]\nk='v'\nj="w"\ne=""\n`, {
  a: { k: 'v', j: 'w', e: '' },
});
test('unmatched quotes stay', parses, `[a]\nk="v'\nj='\n`, { a: { k: `"v'`, j: "'" } });
test('quotes around a continued value', parses, "[a]\nk='a'\n  'b'\n", { a: { k: "a'\n'b" } });
test('duplicate keys: the last wins', parses, '[a]\nk=1\nk=2\n', { a: { k: '2' } });
test('duplicate sections merge', parses, '[a]\nk=1\n[b]\n[a]\nj=2\n', {
  a: { k: '1', j: '2' },
  b: {},
});
test('keys are case-sensitive', parses, '[a]\nK=1\nk=2\n', { a: { K: '1', k: '2' } });
test('CRLF line ends', parses, '[a]\r\nk=v\r\n  w\r\n', { a: { k: 'v\nw' } });
test('a CR after blanks is kept', parses, '[a]\nk=\r\nj= \r\n', { a: { k: '', j: '\r' } });
test('a CR in a key is kept', parses, '[a]\nk\r=v\n', { a: { 'k\r': 'v' } });
test('UTF-8 BOM', parses, '\uFEFF[a]\nk=v\n', { a: { k: 'v' } });
test('indented section header', parses, '  [a]  \nk=v\n', { a: { k: 'v' } });
test('section name keeps its blanks', parses, '[ a ]\nk=v\n', { ' a ': { k: 'v' } });
test('comment after a header', parses, '[a] # c\n[b];c\n', { a: {}, b: {} });
test('one character after a header is ignored', parses, '[a]x\n[b] y\n[c]]\n', {
  a: {},
  b: {},
  c: {},
});
test('a header ends a value', parses, '[a]\nk=v\n  [b]\nj=1\n', { a: { k: 'v' }, b: { j: '1' } });

test('key: value', refuses, '[a]\nk: v\n', 2);
test('a line without =', refuses, '[a]\nk=v\ngarbage\n', 3);
test('text after a header', refuses, '[a] xy\n', 1);
test('missing ]', refuses, '[a]\n[b\n', 2);
test('empty section name', refuses, '[]\n', 1);
test('a key before any section', refuses, 'k=v\n[a]\n', 1);
test('an indented first key', refuses, '[a]\n k=v\n', 2);
test('a continuation after a comment', refuses, '[a]\nk=v\n# c\n  w\n', 4);
test('a continuation after an empty line', refuses, '[a]\nk=v\n\n  w\n', 4);
test('a line starting with CR', refuses, '[a]\n\rk=v\n', 2);
test('= without a key', refuses, '[a]\n=v\n', 2);

test('entries keep their line and file', (t) => {
  const result = parseLibdnfIni('[a]\n\nk=v\n  w\n', '/x.repo');
  if (!result.ok) return t.fail();
  t.deepEqual(result.doc.sections[0]?.entries.get('k'), {
    key: 'k',
    value: 'v\nw',
    line: 3,
    path: '/x.repo',
  });
});

test('the failure names the file and says the file is refused', (t) => {
  const result = parseLibdnfIni('[a]\nk: v\n', '/x.repo');
  t.false(result.ok);
  if (!result.ok) {
    t.is(result.failure.path, '/x.repo');
    t.regex(result.failure.message, /missing '='.*refuses the whole file/);
  }
});
