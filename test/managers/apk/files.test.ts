import test from 'ava';

import { configFiles, repositoryFiles } from '../../../src/managers/apk/files.js';
import { rootFromFiles } from '../../helpers/root.js';

const root = rootFromFiles({
  '/etc/apk/repositories': 'x',
  '/etc/apk/repositories.d/b.list': 'x',
  '/etc/apk/repositories.d/a.list': 'x',
  '/etc/apk/repositories.d/.hidden.list': 'x',
  '/etc/apk/repositories.d/c.list.disabled': 'x',
  '/etc/apk/repositories.d/dir.list': { dir: true },
  '/lib/apk/repositories.d/a.list': 'x',
  '/lib/apk/repositories.d/dir.list': 'x',
  '/lib/apk/repositories.d/distribution.list': 'x',
  '/srv/repos': 'x',
});

test('apk 2 reads /etc/apk/repositories and every .list of repositories.d, hidden ones too', (t) => {
  t.deepEqual(repositoryFiles(root, 2, null), [
    '/etc/apk/repositories',
    '/etc/apk/repositories.d/.hidden.list',
    '/etc/apk/repositories.d/a.list',
    '/etc/apk/repositories.d/b.list',
  ]);
});

test('apk 3 merges /etc and /lib by name; /etc hides /lib, even with an entry it cannot read', (t) => {
  t.deepEqual(repositoryFiles(root, 3, null), [
    '/etc/apk/repositories',
    '/etc/apk/repositories.d/a.list',
    '/etc/apk/repositories.d/b.list',
    '/lib/apk/repositories.d/distribution.list',
  ]);
});

test('apk 3 repositories-file replaces everything', (t) => {
  t.deepEqual(repositoryFiles(root, 3, '/srv/repos'), ['/srv/repos']);
  t.deepEqual(repositoryFiles(root, 3, '/srv/missing'), []);
});

test('configFiles sorts by bytes across directories', (t) => {
  const tree = rootFromFiles({ '/a/b': '', '/b/B': '', '/b/a': '' });
  t.deepEqual(
    configFiles(tree, ['/a', '/b'], () => true),
    ['/b/B', '/b/a', '/a/b'],
  );
});
