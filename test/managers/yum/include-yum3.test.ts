import test from 'ava';

import { preprocessYum3 } from '../../../src/managers/yum/include-yum3.js';
import { rootFromFiles } from '../../helpers/root.js';

const vars = new Map([['releasever', '7']]);

function lines(files: Record<string, string>, path = '/etc/yum.conf'): string[] | string {
  const result = preprocessYum3(rootFromFiles(files), path, vars);
  if (!result.ok) return `fails at ${result.failure.path}:${result.failure.line}`;
  return result.lines.map((line) => `${line.path}:${line.line}:${line.text}`);
}

test('an include is replaced by the lines of the file', (t) => {
  t.deepEqual(
    lines({ '/etc/yum.conf': '[main]\ninclude=extra.conf\nk=2', '/etc/extra.conf': 'j=1' }),
    ['/etc/yum.conf:1:[main]', '/etc/extra.conf:1:j=1', '/etc/yum.conf:3:k=2'],
  );
});

test('includes nest, and an absolute path or file:// URL works too', (t) => {
  const files = {
    '/etc/yum.conf': '[main]\ninclude = file:///etc/a.conf',
    '/etc/a.conf': 'include=/etc/b.conf\na=1',
    '/etc/b.conf': 'b=1',
  };
  t.deepEqual(lines(files), ['/etc/yum.conf:1:[main]', '/etc/b.conf:1:b=1', '/etc/a.conf:2:a=1']);
});

test('the same include in the same section is read once', (t) => {
  const files = {
    '/etc/yum.conf': '[main]\ninclude=x\ninclude=x\n[b]\ninclude=x',
    '/etc/x': 'k=1',
  };
  t.deepEqual(lines(files), [
    '/etc/yum.conf:1:[main]',
    '/etc/x:1:k=1',
    '/etc/yum.conf:4:[b]',
    '/etc/x:1:k=1',
  ]);
});

test('a file including itself stops', (t) => {
  t.deepEqual(lines({ '/etc/yum.conf': 'include=yum.conf\n[main]' }), ['/etc/yum.conf:2:[main]']);
});

test('a missing include makes the file fail', (t) => {
  t.is(lines({ '/etc/yum.conf': '[main]\ninclude=missing.conf' }), 'fails at /etc/yum.conf:2');
});

test('an empty include makes the file fail', (t) => {
  t.is(lines({ '/etc/yum.conf': '[main]\ninclude=' }), 'fails at /etc/yum.conf:2');
});

test('a remote include is reported and not followed', (t) => {
  const result = preprocessYum3(
    rootFromFiles({ '/etc/yum.conf': '[main]\ninclude=http://evil.example/yum.conf' }),
    '/etc/yum.conf',
    vars,
  );
  t.true(result.ok);
  t.is(result.problems.length, 1);
  t.regex(result.problems[0]?.message ?? '', /pulls configuration from http:\/\/evil\.example/);
});

test('variables are replaced in each line, indented headers lose their blanks', (t) => {
  t.deepEqual(lines({ '/etc/yum.conf': '  [main]\nbaseurl=http://h/$releasever/$basearch' }), [
    '/etc/yum.conf:1:[main]',
    '/etc/yum.conf:2:baseurl=http://h/7/$basearch',
  ]);
});
