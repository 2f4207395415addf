import { createHash } from 'node:crypto';

import test from 'ava';
import type { ExecutionContext } from 'ava';

import { PkgrepoDiffError } from '../../src/errors.js';
import type { LayerOp } from '../../src/layers/ops.js';
import type { DirEntry } from '../../src/managers/types.js';
import { isWithin, normalizePath } from '../../src/replay/path.js';
import { Replay } from '../../src/replay/replay.js';
import { createRootView, type KeptPaths } from '../../src/replay/root-view.js';
import { rootFromFiles } from '../helpers/root.js';

const root = rootFromFiles({
  '/etc/apt/sources.list': 'deb http://deb.debian.org/debian bookworm main\n',
  '/etc/apt/sources.list.d/b.list': 'B',
  '/etc/apt/sources.list.d/a.list': 'A',
  '/etc/apt/sources.list.d/Z.list': 'Z',
  '/etc/apt/sources.list.d/é.list': 'E',
  '/etc/apt/sources.list.d/abs.list': { symlink: '/opt/lists/abs.list' },
  '/etc/apt/sources.list.d/rel.list': { symlink: '../../../opt/lists/rel.list' },
  '/etc/apt/sources.list.d/chain.list': { symlink: 'abs.list' },
  '/etc/apt/sources.list.d/dangling.list': { symlink: '/nowhere' },
  '/etc/apt/sources.list.d/subdir': { dir: true },
  '/etc/apt/sources.list.d/escape.list': { symlink: '../../../../../../opt/lists/rel.list' },
  '/opt/lists/abs.list': 'ABS',
  '/opt/lists/rel.list': 'REL',
  '/etc/yum.repos.d': { symlink: '/srv/repos' },
  '/srv/repos/x.repo': 'X',
  '/etc/loop/a': { symlink: 'b' },
  '/etc/loop/b': { symlink: 'a' },
  '/etc/self': { symlink: '/etc/self' },
  '/etc/empty': { dir: true },
});

const reads = test.macro({
  exec(t: ExecutionContext, path: string, text: string | undefined, realPath?: string) {
    const file = root.readFile(path);
    t.is(file?.text, text);
    if (text === undefined) return;
    t.is(file?.path, normalizePath(path));
    t.is(file?.realPath, realPath ?? path);
  },
  title: (given, path: string) => given ?? `reads ${path}`,
});

test(reads, '/etc/apt/sources.list.d/a.list', 'A');
test(
  'a path is normalised first',
  reads,
  'etc/apt//sources.list.d/./a.list',
  'A',
  '/etc/apt/sources.list.d/a.list',
);
test(
  'an absolute symlink',
  reads,
  '/etc/apt/sources.list.d/abs.list',
  'ABS',
  '/opt/lists/abs.list',
);
test('a relative symlink', reads, '/etc/apt/sources.list.d/rel.list', 'REL', '/opt/lists/rel.list');
test(
  'a chain of symlinks',
  reads,
  '/etc/apt/sources.list.d/chain.list',
  'ABS',
  '/opt/lists/abs.list',
);
test(
  'a symlink climbing out stays in the root',
  reads,
  '/etc/apt/sources.list.d/escape.list',
  'REL',
  '/opt/lists/rel.list',
);
test('a symlinked directory', reads, '/etc/yum.repos.d/x.repo', 'X', '/srv/repos/x.repo');
test(
  'a dangling symlink reads as missing',
  reads,
  '/etc/apt/sources.list.d/dangling.list',
  undefined,
);
test('a missing file', reads, '/etc/apt/none.list', undefined);
test('a path below a missing directory', reads, '/usr/share/keyrings/k.gpg', undefined);
test('a directory is not a file', reads, '/etc/apt/sources.list.d', undefined);

test('readFile gives size, sha256 and bytes', (t) => {
  const file = root.readFile('/etc/apt/sources.list');
  const bytes = Buffer.from('deb http://deb.debian.org/debian bookworm main\n');

  t.deepEqual(file?.bytes, bytes);
  t.is(file?.size, bytes.length);
  t.is(file?.sha256, createHash('sha256').update(bytes).digest('hex'));
  t.false(file?.truncated);
});

const loops = test.macro({
  exec(t: ExecutionContext, path: string) {
    const error = t.throws(() => root.readFile(path), { instanceOf: PkgrepoDiffError });
    t.is(error?.code, 'E_LINK');
    t.is(error?.input, path);
  },
  title: (given, path: string) => given ?? `a loop through ${path} throws E_LINK`,
});

test(loops, '/etc/loop/a');
test(loops, '/etc/self');
test(loops, '/etc/self/below');

test('list sorts names by bytes and resolves kinds through links', (t) => {
  t.deepEqual(root.list('/etc/apt/sources.list.d'), [
    { name: 'Z.list', kind: 'file' },
    { name: 'a.list', kind: 'file' },
    { name: 'abs.list', kind: 'file' },
    { name: 'b.list', kind: 'file' },
    { name: 'chain.list', kind: 'file' },
    { name: 'dangling.list', kind: 'missing' },
    { name: 'escape.list', kind: 'file' },
    { name: 'rel.list', kind: 'file' },
    { name: 'subdir', kind: 'dir' },
    { name: 'é.list', kind: 'file' },
  ]);
});

test('list follows a symlinked directory', (t) => {
  t.deepEqual(root.list('/etc/yum.repos.d/'), [{ name: 'x.repo', kind: 'file' }]);
});

// A manager must not skip, unnoticed, a file it may read: list and kind throw on loops too.
test('list of a directory holding a loop throws E_LINK', (t) => {
  const error = t.throws(() => root.list('/etc/loop'), { instanceOf: PkgrepoDiffError });
  t.is(error?.code, 'E_LINK');
});

test('kind of a loop throws E_LINK', (t) => {
  const error = t.throws(() => root.kind('/etc/loop/a'), { instanceOf: PkgrepoDiffError });
  t.is(error?.code, 'E_LINK');
});

const lists = test.macro({
  exec(t: ExecutionContext, dir: string, expected: DirEntry[]) {
    t.deepEqual(root.list(dir), expected);
  },
  title: (given, dir: string) => given ?? `list(${dir})`,
});

test('an empty directory', lists, '/etc/empty', []);
test('a missing directory', lists, '/etc/none', []);
test('a file is not a directory', lists, '/etc/apt/sources.list', []);
test('the root lists implicit directories', lists, '/', [
  { name: 'etc', kind: 'dir' },
  { name: 'opt', kind: 'dir' },
  { name: 'srv', kind: 'dir' },
]);

const kinds = test.macro({
  exec(t: ExecutionContext, path: string, expected: DirEntry['kind']) {
    t.is(root.kind(path), expected);
  },
  title: (given, path: string, expected: DirEntry['kind']) =>
    given ?? `kind(${path}) is ${expected}`,
});

test(kinds, '/etc/apt/sources.list', 'file');
test(kinds, '/etc/apt/sources.list.d/subdir', 'dir');
test('an implicit directory', kinds, '/etc/apt', 'dir');
test(kinds, '/', 'dir');
test(kinds, '/etc/yum.repos.d', 'dir');
test(kinds, '/etc/apt/sources.list.d/chain.list', 'file');
test(kinds, '/etc/apt/sources.list.d/dangling.list', 'missing');
test(kinds, '/etc/none', 'missing');

// A view over a replay, with the walk having kept only what is below `keptDirs`.
function keptView(ops: LayerOp[], keptDirs: string[]) {
  const replay = new Replay();
  replay.apply(ops);
  const missing: string[] = [];
  const kept: KeptPaths = {
    isKept: (path) => keptDirs.some((dir) => isWithin(path, dir)),
    onMissing: (path) => missing.push(path),
  };
  return { view: createRootView(replay.snapshot(0), kept), missing };
}

const bytes = (text: string) => ({
  type: 'file' as const,
  bytes: Buffer.from(text),
  size: text.length,
  sha256: null,
  truncated: false,
  layer: -1,
});
const ops: LayerOp[] = [
  { op: 'put', path: '/etc/apt/sources.list', node: bytes('S') },
  {
    op: 'put',
    path: '/etc/apt/trusted.gpg.d/k.gpg',
    node: { type: 'symlink', target: '/usr/share/keyrings/k.gpg', layer: -1 },
  },
  {
    op: 'put',
    path: '/etc/apt/unkept',
    node: { type: 'file', bytes: null, size: 9, sha256: null, truncated: false, layer: -1 },
  },
  { op: 'hardlink', path: '/etc/apt/hard.gpg', target: '/usr/share/keyrings/h.gpg' },
];

type Call = 'readFile' | 'list' | 'kind';

const reports = test.macro({
  exec(t: ExecutionContext, call: Call, path: string, expected: string[]) {
    const { view, missing } = keptView(ops, ['/etc/apt']);
    view[call](path);
    t.deepEqual(missing, expected);
  },
  title: (given, call: Call, path: string, expected: string[]) =>
    `${given ?? `${call}(${path})`} reports ${expected.join(', ') || 'nothing'}`,
});

const K = '/usr/share/keyrings';
test('inside the kept paths', reports, 'readFile', '/etc/apt/sources.list', []);
test('missing inside the kept paths', reports, 'readFile', '/etc/apt/none', []);
test('outside the kept paths', reports, 'readFile', `${K}/x.gpg`, [`${K}/x.gpg`]);
test('a link leading outside', reports, 'readFile', '/etc/apt/trusted.gpg.d/k.gpg', [`${K}/k.gpg`]);
test('a kept entry without bytes', reports, 'readFile', '/etc/apt/unkept', ['/etc/apt/unkept']);
test('a hardlink without bytes', reports, 'readFile', '/etc/apt/hard.gpg', [`${K}/h.gpg`]);
test('a directory outside the kept paths', reports, 'list', K, [`${K}/`]);
test('a listed link leading outside', reports, 'list', '/etc/apt/trusted.gpg.d', [`${K}/k.gpg`]);
test('a directory inside the kept paths', reports, 'list', '/etc/apt', []);
test('kind outside the kept paths', reports, 'kind', `${K}/k.gpg`, [`${K}/k.gpg`]);
test('kind of a missing path inside the kept paths', reports, 'kind', '/etc/apt/x', []);

test('a read with no KeptPaths never reports', (t) => {
  t.is(rootFromFiles({}).readFile('/usr/share/x'), undefined);
});
