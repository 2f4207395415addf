import test from 'ava';

import { readGlobalKeys, readScopedKeys } from '../../../src/managers/apt/keys.js';
import { rootFromFiles } from '../../helpers/root.js';
import { generateKeys } from '../keys/gpg.js';

const one = generateKeys([{ userId: 'One <one@example.org>', algorithm: 'ed25519' }]);
const two = generateKeys([{ userId: 'Two <two@example.org>', algorithm: 'rsa2048' }]);
const PATHS = { trusted: '/etc/apt/trusted.gpg', trustedParts: '/etc/apt/trusted.gpg.d/' };

test('global keys: trusted.gpg and trusted.gpg.d/*.gpg|*.asc', (t) => {
  const root = rootFromFiles({
    '/etc/apt/trusted.gpg': one.binary,
    '/etc/apt/trusted.gpg.d/b.asc': two.armored,
    '/etc/apt/trusted.gpg.d/a.gpg': two.binary,
    '/etc/apt/trusted.gpg.d/.dot.gpg': one.binary,
    '/etc/apt/trusted.gpg.d/odd@name.gpg': one.binary,
    '/etc/apt/trusted.gpg.d/with space.gpg': one.binary,
    '/etc/apt/trusted.gpg.d/c.key': one.binary,
    '/etc/apt/trusted.gpg.d/d.gpg~': one.binary,
    '/etc/apt/trusted.gpg.d/empty.gpg': '',
    '/etc/apt/trusted.gpg.d/link.gpg': { symlink: '/usr/share/keyrings/one.gpg' },
    '/usr/share/keyrings/one.gpg': one.binary,
  });
  const { keys, problems } = readGlobalKeys(root, PATHS);
  t.deepEqual(keys.map((key) => [key.path, key.scope, key.fingerprints]), [
    ['/etc/apt/trusted.gpg', 'global', one.fingerprints],
    ['/etc/apt/trusted.gpg.d/.dot.gpg', 'global', one.fingerprints],
    ['/etc/apt/trusted.gpg.d/a.gpg', 'global', two.fingerprints],
    ['/etc/apt/trusted.gpg.d/b.asc', 'global', two.fingerprints],
    ['/etc/apt/trusted.gpg.d/link.gpg', 'global', one.fingerprints],
    ['/etc/apt/trusted.gpg.d/odd@name.gpg', 'global', one.fingerprints],
  ]);
  t.deepEqual(problems, []);
});

test('an armored key in a .gpg file is ignored by apt', (t) => {
  const root = rootFromFiles({ '/etc/apt/trusted.gpg.d/armored.gpg': one.armored });
  const { keys, problems } = readGlobalKeys(root, PATHS);
  t.deepEqual(keys, []);
  t.is(problems[0]?.path, '/etc/apt/trusted.gpg.d/armored.gpg');
});

test('relocated keyrings are read where the configuration says', (t) => {
  const root = rootFromFiles({ '/srv/keys/x.gpg': one.binary, '/srv/legacy.gpg': two.binary });
  const { keys } = readGlobalKeys(root, { trusted: '/srv/legacy.gpg', trustedParts: '/srv/keys' });
  t.deepEqual(keys.map((key) => key.path), ['/srv/legacy.gpg', '/srv/keys/x.gpg']);
});

test('scoped keys: each Signed-By keyring once, global ones not repeated, missing ones reported', (t) => {
  const root = rootFromFiles({
    '/usr/share/keyrings/one.gpg': one.binary,
    '/etc/apt/keyrings/two.asc': two.armored,
    '/etc/apt/trusted.gpg.d/g.gpg': one.binary,
  });
  const global = readGlobalKeys(root, PATHS).keys;
  const paths = ['/usr/share/keyrings/one.gpg', '/etc/apt/keyrings/two.asc', '/usr/share/keyrings/one.gpg', '/etc/apt/trusted.gpg.d/g.gpg', '/gone.gpg'];
  const { keys, problems } = readScopedKeys(root, paths, global);
  t.deepEqual(keys.map((key) => [key.path, key.scope, key.userIds]), [
    ['/usr/share/keyrings/one.gpg', 'scoped', one.userIds],
    ['/etc/apt/keyrings/two.asc', 'scoped', two.userIds],
  ]);
  t.deepEqual(problems.map((problem) => problem.path), ['/gone.gpg']);
});
