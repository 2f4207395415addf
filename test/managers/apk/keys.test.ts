import test from 'ava';

import { readKeys } from '../../../src/managers/apk/keys.js';
import { rootFromFiles } from '../../helpers/root.js';

const root = rootFromFiles({
  '/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub': 'a',
  '/etc/apk/keys/.hidden.pub': 'h',
  '/etc/apk/keys/shared.pub': 'etc',
  '/lib/apk/keys/shared.pub': 'lib',
  '/lib/apk/keys/wolfi-signing.rsa.pub': 'w',
  '/opt/keys/mine.pub': 'm',
});

test('apk 2 trusts every file of /etc/apk/keys', (t) => {
  t.deepEqual(
    readKeys(root, 2, null).map((key) => [key.path, key.scope]),
    [
      ['/etc/apk/keys/.hidden.pub', 'global'],
      ['/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 'global'],
      ['/etc/apk/keys/shared.pub', 'global'],
    ],
  );
});

test('apk 3 merges /etc/apk/keys and /lib/apk/keys, skipping hidden files', (t) => {
  t.deepEqual(
    readKeys(root, 3, null).map((key) => key.path),
    [
      '/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub',
      '/etc/apk/keys/shared.pub',
      '/lib/apk/keys/wolfi-signing.rsa.pub',
    ],
  );
});

test('apk 3 keys-dir replaces both directories', (t) => {
  t.deepEqual(
    readKeys(root, 3, '/opt/keys').map((key) => key.path),
    ['/opt/keys/mine.pub'],
  );
});
