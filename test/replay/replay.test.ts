import { createHash } from 'node:crypto';

import test from 'ava';
import type { ExecutionContext } from 'ava';

import type { LayerOp } from '../../src/layers/ops.js';
import type { FileNode, Snapshot } from '../../src/replay/node.js';
import { Replay } from '../../src/replay/replay.js';

// Ops as walkLayer emits them: layer -1, the replay stamps the real index.
function file(path: string, text: string | null): LayerOp {
  const bytes = text === null ? null : Buffer.from(text);
  const sha256 = bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
  const size = bytes?.length ?? 42;
  return {
    op: 'put',
    path,
    node: { type: 'file', bytes, size, sha256, truncated: false, layer: -1 },
  };
}
const dir = (path: string): LayerOp => ({ op: 'put', path, node: { type: 'dir', layer: -1 } });
const link = (path: string, target: string): LayerOp => ({
  op: 'put',
  path,
  node: { type: 'symlink', target, layer: -1 },
});
const hardlink = (path: string, target: string): LayerOp => ({ op: 'hardlink', path, target });
const whiteout = (path: string): LayerOp => ({ op: 'whiteout', path });
const opaque = (path: string): LayerOp => ({ op: 'opaque', dir: path });

function replay(...layers: LayerOp[][]): Replay {
  const result = new Replay();
  for (const ops of layers) result.apply(ops);
  return result;
}

/** path → type (and text for files), sorted: a whole snapshot at a glance. */
function tree(snapshot: Snapshot): Record<string, string> {
  const result: Record<string, string> = {};
  for (const path of [...snapshot.paths()].sort()) {
    const node = snapshot.get(path);
    if (node?.type === 'file') result[path] = `file:${node.bytes?.toString() ?? '(not kept)'}`;
    else if (node?.type === 'symlink') result[path] = `symlink:${node.target}`;
    else if (node !== undefined) result[path] = node.type;
  }
  return result;
}

const leaves = test.macro({
  exec(t: ExecutionContext, layers: LayerOp[][], expected: Record<string, string>) {
    const result = replay(...layers);
    t.is(result.layerCount, layers.length);
    t.deepEqual(tree(result.snapshot(layers.length - 1)), expected);
  },
  title: (given) => given ?? 'replay',
});

test(
  'a whiteout removes a file of a lower layer',
  leaves,
  [[dir('/etc'), file('/etc/a', 'A'), file('/etc/b', 'B')], [whiteout('/etc/a')]],
  { '/etc': 'dir', '/etc/b': 'file:B' },
);

test(
  'a whiteout of a directory removes its children, explicit or not',
  leaves,
  [
    [
      dir('/etc'),
      dir('/etc/apt'),
      file('/etc/apt/sources.list', 'S'),
      file('/etc/apt/x/deep', 'D'),
    ],
    [whiteout('/etc/apt')],
  ],
  { '/etc': 'dir' },
);

test(
  'a whiteout does not touch siblings sharing a name prefix',
  leaves,
  [[file('/etc/apt/a', 'A'), file('/etc/apt2/b', 'B')], [whiteout('/etc/apt')]],
  { '/etc/apt2/b': 'file:B' },
);

test(
  'a whiteout leaves what its own layer wrote',
  leaves,
  [[file('/etc/a', 'old')], [file('/etc/a', 'new'), whiteout('/etc/a')]],
  { '/etc/a': 'file:new' },
);

test(
  'a whiteout of a missing path does nothing',
  leaves,
  [[file('/etc/a', 'A')], [whiteout('/etc/none')]],
  {
    '/etc/a': 'file:A',
  },
);

test(
  'an opaque directory hides lower children and keeps its own layer children',
  leaves,
  [
    [
      dir('/etc/apt'),
      file('/etc/apt/old.list', 'O'),
      file('/etc/apt/d/deep', 'D'),
      file('/etc/other', 'X'),
    ],
    [
      dir('/etc/apt'),
      file('/etc/apt/before.list', 'B'),
      opaque('/etc/apt'),
      file('/etc/apt/after.list', 'A'),
    ],
  ],
  {
    '/etc/apt': 'dir',
    '/etc/apt/after.list': 'file:A',
    '/etc/apt/before.list': 'file:B',
    '/etc/other': 'file:X',
  },
);

test(
  'an opaque directory keeps a lower child this layer rewrote',
  leaves,
  [
    [file('/etc/apt/a.list', 'old'), file('/etc/apt/b.list', 'B')],
    [file('/etc/apt/a.list', 'new'), opaque('/etc/apt')],
  ],
  { '/etc/apt/a.list': 'file:new' },
);

test(
  'a later entry replaces an earlier one',
  leaves,
  [[file('/etc/a', 'one')], [file('/etc/a', 'two'), file('/etc/a', 'three')]],
  { '/etc/a': 'file:three' },
);

test(
  'a file replacing a directory takes its children with it',
  leaves,
  [[dir('/etc/apt'), file('/etc/apt/sources.list', 'S')], [file('/etc/apt', 'now a file')]],
  { '/etc/apt': 'file:now a file' },
);

test(
  'a symlink replacing a directory takes its children with it',
  leaves,
  [[dir('/etc/apt'), file('/etc/apt/sources.list', 'S')], [link('/etc/apt', '/opt/apt')]],
  { '/etc/apt': 'symlink:/opt/apt' },
);

test(
  'dir, then file, then dir again starts empty',
  leaves,
  [[dir('/d'), file('/d/f', 'F')], [file('/d', 'file')], [dir('/d'), file('/d/g', 'G')]],
  { '/d': 'dir', '/d/g': 'file:G' },
);

test(
  'an entry below a file turns the file into a directory',
  leaves,
  [[file('/etc/apt', 'file')], [file('/etc/apt/sources.list', 'S')]],
  { '/etc/apt': 'dir', '/etc/apt/sources.list': 'file:S' },
);

test(
  'a directory over a directory merges',
  leaves,
  [
    [dir('/etc'), file('/etc/a', 'A')],
    [dir('/etc'), file('/etc/b', 'B')],
  ],
  { '/etc': 'dir', '/etc/a': 'file:A', '/etc/b': 'file:B' },
);

test('nodes carry the layer that wrote them', (t) => {
  const result = replay([file('/a', 'A'), file('/b', 'B')], [file('/b', 'B2'), dir('/c')]);
  const last = result.snapshot(1);

  t.is(last.get('/a')?.layer, 0);
  t.is(last.get('/b')?.layer, 1);
  t.is(last.get('/c')?.layer, 1);
  t.is(result.snapshot(0).get('/b')?.layer, 0);
});

test('snapshots of earlier layers stay as they were', (t) => {
  const result = replay(
    [dir('/etc/apt'), file('/etc/apt/a', 'A1'), file('/etc/apt/b', 'B')],
    [file('/etc/apt/a', 'A2'), whiteout('/etc/apt/b')],
    [whiteout('/etc/apt')],
    [file('/etc/apt/c', 'C')],
  );

  t.deepEqual(tree(result.snapshot(0)), {
    '/etc/apt': 'dir',
    '/etc/apt/a': 'file:A1',
    '/etc/apt/b': 'file:B',
  });
  t.deepEqual(tree(result.snapshot(1)), { '/etc/apt': 'dir', '/etc/apt/a': 'file:A2' });
  t.deepEqual(tree(result.snapshot(2)), {});
  t.deepEqual(tree(result.snapshot(3)), { '/etc/apt/c': 'file:C' });
});

test('a hardlink takes its target bytes', (t) => {
  const result = replay([file('/etc/a', 'shared'), hardlink('/etc/b', '/etc/a')]);
  const node = result.snapshot(0).get('/etc/b') as FileNode;

  t.is(node.type, 'file');
  t.is(node.bytes?.toString(), 'shared');
  t.is(node.sha256, (result.snapshot(0).get('/etc/a') as FileNode).sha256);
  t.is(node.linkedFrom, undefined);
});

test('a hardlink to a file of a lower layer takes its bytes', (t) => {
  const result = replay([file('/etc/a', 'lower')], [hardlink('/etc/b', '/etc/a')]);
  const node = result.snapshot(1).get('/etc/b') as FileNode;

  t.is(node.bytes?.toString(), 'lower');
  t.is(node.layer, 1);
});

test('a hardlink to a file whose bytes were not kept names it in linkedFrom', (t) => {
  const result = replay([
    file('/usr/share/k.gpg', null),
    hardlink('/etc/apt/k.gpg', '/usr/share/k.gpg'),
  ]);
  const node = result.snapshot(0).get('/etc/apt/k.gpg') as FileNode;

  t.is(node.bytes, null);
  t.is(node.size, 42);
  t.is(node.linkedFrom, '/usr/share/k.gpg');
});

test('a hardlink to an entry the walk did not keep at all names it in linkedFrom', (t) => {
  const result = replay([hardlink('/etc/apt/k.gpg', '/usr/share/k.gpg')]);
  const node = result.snapshot(0).get('/etc/apt/k.gpg') as FileNode;

  t.is(node.type, 'file');
  t.is(node.bytes, null);
  t.is(node.linkedFrom, '/usr/share/k.gpg');
});

test('a hardlink to a hardlink names the file that holds the bytes', (t) => {
  const result = replay(
    [file('/usr/share/k.gpg', null), hardlink('/usr/share/k2.gpg', '/usr/share/k.gpg')],
    [hardlink('/etc/apt/k.gpg', '/usr/share/k2.gpg')],
  );

  t.is((result.snapshot(1).get('/etc/apt/k.gpg') as FileNode).linkedFrom, '/usr/share/k.gpg');
});

test('a snapshot before any layer has no paths', (t) => {
  const result = replay([file('/a', 'A')]);

  t.deepEqual([...result.snapshot(-1).paths()], []);
  t.is(result.snapshot(-1).get('/a'), undefined);
});
