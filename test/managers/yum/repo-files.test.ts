import test from 'ava';

import type { Stack } from '../../../src/managers/yum/model.js';
import { listRepoFiles } from '../../../src/managers/yum/repo-files.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

const files: Record<string, FakeEntry> = {
  '/etc/yum.repos.d/a.repo': '',
  '/etc/yum.repos.d/a-b.repo': '',
  '/etc/yum.repos.d/.hidden.repo': '',
  '/etc/yum.repos.d/x.repo.bak': '',
  '/etc/yum.repos.d/dir.repo': { dir: true },
  '/etc/yum.repos.d/dangling.repo': { symlink: 'nowhere.repo' },
  '/etc/yum/repos.d/z.repo': '',
  '/etc/distro.repos.d/z.repo': '',
};
const dirs = ['/etc/yum.repos.d', '/etc/yum/repos.d/', '/etc/distro.repos.d'];

const orders = test.macro({
  exec(t, stack: Stack, expected: string[]) {
    t.deepEqual(listRepoFiles(rootFromFiles(files), stack, dirs).paths, expected);
  },
  title: (_ = '', stack: Stack) => `${stack} reads repo files in its own order`,
});

test(orders, 'dnf4', [
  '/etc/distro.repos.d/z.repo',
  '/etc/yum/repos.d/z.repo',
  '/etc/yum.repos.d/a.repo',
  '/etc/yum.repos.d/a-b.repo',
]);
test(orders, 'dnf5', [
  '/etc/yum.repos.d/.hidden.repo',
  '/etc/yum.repos.d/a-b.repo',
  '/etc/yum.repos.d/a.repo',
  '/etc/yum/repos.d/z.repo',
  '/etc/distro.repos.d/z.repo',
]);
test(orders, 'yum3', [
  '/etc/yum.repos.d/a-b.repo',
  '/etc/yum.repos.d/a.repo',
  '/etc/yum/repos.d/z.repo',
  '/etc/distro.repos.d/z.repo',
]);

test('a dangling symlink is a problem', (t) => {
  const { problems } = listRepoFiles(rootFromFiles(files), 'dnf4', dirs);
  t.deepEqual(
    problems.map((problem) => problem.path),
    ['/etc/yum.repos.d/dangling.repo'],
  );
});
