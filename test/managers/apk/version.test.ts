import test from 'ava';
import type { ExecutionContext } from 'ava';

import { detectApkMajor, packageVersion } from '../../../src/managers/apk/version.js';
import type { FakeEntry } from '../../helpers/root.js';
import { rootFromFiles } from '../../helpers/root.js';

const installed = (version: string): string =>
  `C:Q1abc=\nP:musl\nV:1.2.5-r0\n\nC:Q1def=\nP:apk-tools\nV:${version}\nA:x86_64\n\nP:busybox\nV:1.36\n`;

const detects = test.macro({
  exec(t: ExecutionContext, files: Record<string, FakeEntry>, expected: 2 | 3) {
    t.is(detectApkMajor(rootFromFiles(files)), expected);
  },
  title: (given) => `apk ${given ?? ''}`,
});

test(
  '2 from the installed database',
  detects,
  { '/lib/apk/db/installed': installed('2.14.4-r0') },
  2,
);
test(
  '3 from the installed database',
  detects,
  { '/lib/apk/db/installed': installed('3.0.3-r1') },
  3,
);
test(
  'the database wins over hints',
  detects,
  {
    '/lib/apk/db/installed': installed('2.14.4-r0'),
    '/etc/apk/config': '',
  },
  2,
);
test('3 from /etc/apk/config', detects, { '/etc/apk/config': '' }, 3);
test(
  '3 from /lib/apk/repositories.d',
  detects,
  { '/lib/apk/repositories.d/distribution.list': '' },
  3,
);
test('2 when nothing says otherwise', detects, { '/etc/apk/repositories': 'https://x' }, 2);

test('packageVersion finds the record by its P: line only', (t) => {
  t.is(packageVersion('P:apk-tools-doc\nV:9\n\nP:apk-tools\nV:3.0.0\n', 'apk-tools'), '3.0.0');
  t.is(packageVersion('P:musl\nV:1\n', 'apk-tools'), undefined);
});
