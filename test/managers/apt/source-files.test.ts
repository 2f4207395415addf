import test from 'ava';

import { readSourceFiles } from '../../../src/managers/apt/source-files.js';
import { rootFromFiles } from '../../helpers/root.js';
import { STOCK_DEFAULTS } from './fixtures.js';

const OFF = STOCK_DEFAULTS;
const PATHS = { sourceList: '/etc/apt/sources.list', sourceParts: '/etc/apt/sources.list.d/' };

test('sources.list first, then parts in byte order, each in its format', (t) => {
  const root = rootFromFiles({
    '/etc/apt/sources.list.d/b.sources': 'Types: deb\nURIs: http://b.example/\nSuites: s\nComponents: c\n',
    '/etc/apt/sources.list.d/a.list': 'deb http://a.example/ s c\n',
    '/etc/apt/sources.list.d/B.list': 'deb http://upper.example/ s c\n',
    '/etc/apt/sources.list': 'deb http://main.example/ s c\n',
  });
  const { files, problems } = readSourceFiles(root, PATHS, { defaults: OFF });
  t.deepEqual(files.map((file) => [file.path, file.entries[0]?.format]), [
    ['/etc/apt/sources.list', 'one-line'],
    ['/etc/apt/sources.list.d/B.list', 'one-line'],
    ['/etc/apt/sources.list.d/a.list', 'one-line'],
    ['/etc/apt/sources.list.d/b.sources', 'deb822'],
  ]);
  t.deepEqual(problems, []);
});

test('a malformed file is a problem and yields nothing; the others stay', (t) => {
  const root = rootFromFiles({
    '/etc/apt/sources.list': 'deb http://main.example/ s c\n',
    '/etc/apt/sources.list.d/bad.list': 'deb http://a.example/ s c\ndeb http://bad.example/ s\n',
  });
  const { files, problems } = readSourceFiles(root, PATHS, { defaults: OFF });
  t.deepEqual(files.map((file) => file.path), ['/etc/apt/sources.list']);
  t.deepEqual(problems, [{
    manager: 'apt',
    path: '/etc/apt/sources.list.d/bad.list',
    line: 2,
    message: 'Malformed entry 2 in list file (Component); apt refuses this file',
  }]);
});

test('a conflict with an earlier file refuses the later one', (t) => {
  const root = rootFromFiles({
    '/etc/apt/sources.list': 'deb http://a.example/ s c\n',
    '/etc/apt/sources.list.d/x.list': 'deb [trusted=yes] http://a.example/ s d\n',
  });
  const { files, problems } = readSourceFiles(root, PATHS, { defaults: OFF });
  t.deepEqual(files.map((file) => file.path), ['/etc/apt/sources.list']);
  t.regex(problems[0]?.message ?? '', /Conflicting values set for option trusted/);
});

test('a truncated file is parsed and flagged', (t) => {
  const root = rootFromFiles({ '/etc/apt/sources.list': 'deb http://a.example/ s c\n' });
  const view = { ...root, readFile: (path: string) => {
    const file = root.readFile(path);
    return file === undefined ? undefined : { ...file, truncated: true };
  } };
  const { files, problems } = readSourceFiles(view, PATHS, { defaults: OFF });
  t.is(files.length, 1);
  t.regex(problems[0]?.message ?? '', /read cap/);
});

test('a sources.list that is a directory is not read', (t) => {
  const root = rootFromFiles({ '/etc/apt/sources.list': { dir: true } });
  t.deepEqual(readSourceFiles(root, PATHS, { defaults: OFF }), { files: [], problems: [] });
});
