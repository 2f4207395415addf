import test from 'ava';
import type { ExecutionContext } from 'ava';

import { baseName, isWithin, normalizePath, parentOf } from '../../src/replay/path.js';

const normalizes = test.macro({
  exec(t: ExecutionContext, name: string, base: string | undefined, expected: string) {
    t.is(normalizePath(name, base), expected);
  },
  title: (given, name: string, base: string | undefined, expected: string) =>
    given ??
    `normalizePath(${JSON.stringify(name)}${base === undefined ? '' : `, ${base}`}) is ${expected}`,
});

test(normalizes, './etc/x', undefined, '/etc/x');
test(normalizes, 'etc//x', undefined, '/etc/x');
test(normalizes, 'etc/apt/', undefined, '/etc/apt');
test(normalizes, '/etc/apt///', undefined, '/etc/apt');
test(normalizes, 'etc/./apt/../yum.conf', undefined, '/etc/yum.conf');
test('.. above the root stays at the root', normalizes, '../../etc', undefined, '/etc');
test(
  'an absolute name climbing out stays inside',
  normalizes,
  '/../../../etc/shadow',
  undefined,
  '/etc/shadow',
);
test(normalizes, '', undefined, '/');
test(normalizes, '.', undefined, '/');
test(normalizes, './', undefined, '/');
test(
  'a relative link target joins its base',
  normalizes,
  'keyring.gpg',
  '/usr/share/keyrings',
  '/usr/share/keyrings/keyring.gpg',
);
test('a relative target climbs from its base', normalizes, '../lib/x', '/usr/bin', '/usr/lib/x');
test(
  'a relative target cannot leave the root',
  normalizes,
  '../../../../etc/x',
  '/usr/bin',
  '/etc/x',
);
test('an absolute target ignores its base', normalizes, '/etc/x', '/usr/bin', '/etc/x');

const parents = test.macro({
  exec(t: ExecutionContext, path: string, parent: string, base: string) {
    t.is(parentOf(path), parent);
    t.is(baseName(path), base);
  },
  title: (given, path: string) => given ?? `parentOf and baseName of ${path}`,
});

test(parents, '/etc/apt/sources.list', '/etc/apt', 'sources.list');
test(parents, '/etc', '/', 'etc');
test(parents, '/', '/', '');

const within = test.macro({
  exec(t: ExecutionContext, path: string, dir: string, expected: boolean) {
    t.is(isWithin(path, dir), expected);
  },
  title: (given, path: string, dir: string, expected: boolean) =>
    given ?? `${path} is ${expected ? '' : 'not '}within ${dir}`,
});

test(within, '/etc/apt', '/etc/apt', true);
test(within, '/etc/apt/sources.list', '/etc/apt', true);
test(within, '/etc/apt2', '/etc/apt', false);
test(within, '/etc', '/etc/apt', false);
test(within, '/anything', '/', true);
