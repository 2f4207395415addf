import test from 'ava';

import { readWorldTags } from '../../../src/managers/apk/world.js';
import { rootFromFiles } from '../../helpers/root.js';

test('groups world entries by repository tag', (t) => {
  const root = rootFromFiles({
    '/etc/apk/world': 'alpine-base\nbusybox@edge\ncurl@edge>=8\n!foo@testing\nbar<2\n',
  });
  t.deepEqual(
    [...readWorldTags(root)],
    [
      ['edge', ['busybox@edge', 'curl@edge>=8']],
      ['testing', ['!foo@testing']],
    ],
  );
});

test('no world file, no tags', (t) => {
  t.is(readWorldTags(rootFromFiles({})).size, 0);
});
