import test from 'ava';

import { PathSketch } from '../../src/layers/sketch.js';

function sketchOf(...paths: string[]): PathSketch {
  const sketch = new PathSketch();
  for (const path of paths) sketch.add(path);
  return sketch;
}

test('an entry at the path, below it, or above it touches it', (t) => {
  const sketch = sketchOf('/opt/vendor/linked.list', '/srv');
  t.true(sketch.touches('/opt/vendor/linked.list'), 'the entry itself');
  t.true(sketch.touches('/opt/vendor/'), 'a directory with an entry below it');
  t.true(sketch.touches('/opt/vendor'), 'the same, without the slash');
  t.true(sketch.touches('/srv/conf/app.list'), 'an entry above the path (a file or a link in the way)');
  t.true(sketch.touches('/srv/'), 'the directory entry itself');
});

test('a layer with nothing on the way leaves the path alone', (t) => {
  const sketch = sketchOf('/opt/vendor/linked.list', '/etc/apt/sources.list', '/srv');
  t.false(sketch.touches('/opt/other/x.list'), 'a sibling directory');
  t.false(sketch.touches('/opt/vendor/linked.list.bak'), 'a name that only starts the same');
  t.false(sketch.touches('/usr/share/keyrings/'), 'another tree');
  t.false(sketch.touches('/sr'), 'a prefix of an entry is not above it');
  t.false(sketchOf().touches('/etc/apt/sources.list'), 'an empty layer');
});

test('directories are tracked whole however entries arrive', (t) => {
  const sketch = sketchOf('/a/b/c/d', '/a/x');
  t.true(sketch.touches('/a/b/'));
  t.true(sketch.touches('/a/b/c/'));
  t.false(sketch.touches('/a/y/'));
});
