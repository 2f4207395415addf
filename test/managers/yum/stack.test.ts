import test from 'ava';

import type { Stack } from '../../../src/managers/yum/model.js';
import { detectLayout } from '../../../src/managers/yum/stack.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

const detects = test.macro({
  exec(t, files: Record<string, FakeEntry>, stack: Stack, mainFile: string) {
    const layout = detectLayout(rootFromFiles(files));
    t.is(layout.stack, stack);
    t.is(layout.mainFile, mainFile);
  },
  title: (name = '') => `stack: ${name}`,
});

test(
  'dnf 5 by its binary',
  detects,
  { '/usr/bin/dnf5': '', '/etc/dnf/dnf.conf': '' },
  'dnf5',
  '/etc/dnf/dnf.conf',
);
test(
  'dnf 4 by dnf.conf',
  detects,
  { '/etc/dnf/dnf.conf': '', '/etc/yum.conf': { symlink: 'dnf/dnf.conf' } },
  'dnf4',
  '/etc/dnf/dnf.conf',
);
test(
  'dnf 4 when nothing is there',
  detects,
  { '/etc/yum.repos.d/a.repo': '' },
  'dnf4',
  '/etc/dnf/dnf.conf',
);
test('yum 3 by yum.conf alone', detects, { '/etc/yum.conf': '' }, 'yum3', '/etc/yum.conf');
test(
  'yum 3 by its python module',
  detects,
  {
    '/usr/lib/python2.7/site-packages/yum/__init__.py': '',
    '/etc/dnf/dnf.conf': '',
    '/etc/yum.conf': '',
  },
  'yum3',
  '/etc/yum.conf',
);
test(
  'yum 3 upstream path',
  detects,
  { '/usr/share/yum-cli/cli.py': '', '/etc/yum/yum.conf': '' },
  'yum3',
  '/etc/yum/yum.conf',
);

test('dnf 5 reads its own dirs', (t) => {
  const layout = detectLayout(rootFromFiles({ '/usr/bin/dnf5': '' }));
  t.deepEqual(layout.reposdir, [
    '/etc/yum.repos.d',
    '/etc/distro.repos.d',
    '/usr/share/dnf5/repos.d',
  ]);
  t.deepEqual(layout.overrideDirs, [
    '/etc/dnf/repos.override.d',
    '/usr/share/dnf5/repos.override.d',
  ]);
});
