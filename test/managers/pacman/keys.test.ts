import test from 'ava';

import { readGpgConf, readKeyring } from '../../../src/managers/pacman/keys.js';
import { rootFromFiles } from '../../helpers/root.js';

test('reads pubring.gpg and pubring.kbx from the GnuPG home as global keys', (t) => {
  const root = rootFromFiles({
    '/etc/pacman.d/gnupg/pubring.gpg': 'ring',
    '/etc/pacman.d/gnupg/pubring.kbx': 'box',
    '/etc/pacman.d/gnupg/trustdb.gpg': 'trust',
  });
  const keys = readKeyring(root, '/etc/pacman.d/gnupg/');
  t.deepEqual(
    keys.map((key) => [key.path, key.scope, key.manager]),
    [
      ['/etc/pacman.d/gnupg/pubring.gpg', 'global', 'pacman'],
      ['/etc/pacman.d/gnupg/pubring.kbx', 'global', 'pacman'],
    ],
  );
});

test('follows another GPGDir', (t) => {
  const root = rootFromFiles({
    '/etc/pacman.d/gnupg/pubring.gpg': 'a',
    '/srv/keys/pubring.gpg': 'b',
  });
  t.deepEqual(
    readKeyring(root, '/srv/keys').map((key) => key.path),
    ['/srv/keys/pubring.gpg'],
  );
});

test('no keyring, no keys', (t) => {
  t.deepEqual(readKeyring(rootFromFiles({}), '/etc/pacman.d/gnupg/'), []);
});

test('gpg.conf trust-model always is a high risk; the last line wins', (t) => {
  const root = rootFromFiles({
    '/k/gpg.conf': 'trust-model pgp\nkeyserver x\n  trust-model always\n',
  });
  const [setting] = readGpgConf(root, '/k');
  t.is(setting?.value, 'always');
  t.deepEqual(
    setting?.risks.map((risk) => risk.severity),
    ['high'],
  );
});

test('gpg.conf without trust-model reports nothing', (t) => {
  t.deepEqual(readGpgConf(rootFromFiles({ '/k/gpg.conf': 'no-greeting\n' }), '/k'), []);
});
