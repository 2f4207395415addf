import test from 'ava';
import type { ExecutionContext } from 'ava';

import { expandGlob, matchName } from '../../../src/managers/pacman/glob.js';
import { rootFromFiles } from '../../helpers/root.js';

const root = rootFromFiles({
  '/etc/pacman.d/mirrorlist': 'x',
  '/etc/pacman.d/repos/b.conf': 'x',
  '/etc/pacman.d/repos/a.conf': 'x',
  '/etc/pacman.d/repos/B.conf': 'x',
  '/etc/pacman.d/repos/.hidden.conf': 'x',
  '/etc/pacman.d/repos/notes.txt': 'x',
  '/etc/pacman.d/repos/sub.conf': { dir: true },
  '/etc/pacman.d/one/mirror': 'x',
  '/etc/pacman.d/two/mirror': 'x',
  '/etc/pacman.d/file/mirror': 'x',
  '/etc/pacman.d/link.conf': { symlink: 'repos/a.conf' },
  '/etc/pacman.d/lit*.conf': 'x',
});

const expands = test.macro({
  exec(t: ExecutionContext, pattern: string, expected: string[]) {
    t.deepEqual(expandGlob(root, pattern), expected);
  },
  title: (given, pattern: string) => given ?? `expands ${pattern}`,
});

test(expands, '/etc/pacman.d/mirrorlist', ['/etc/pacman.d/mirrorlist']);
test('a literal path is returned even when missing', expands, '/etc/missing', ['/etc/missing']);
test('no match returns the pattern (GLOB_NOCHECK)', expands, '/etc/pacman.d/none/*.conf', [
  '/etc/pacman.d/none/*.conf',
]);
test('sorted by bytes, hidden skipped, directories kept', expands, '/etc/pacman.d/repos/*.conf', [
  '/etc/pacman.d/repos/B.conf',
  '/etc/pacman.d/repos/a.conf',
  '/etc/pacman.d/repos/b.conf',
  '/etc/pacman.d/repos/sub.conf',
]);
test('hidden files need a literal dot', expands, '/etc/pacman.d/repos/.*.conf', [
  '/etc/pacman.d/repos/.hidden.conf',
]);
test('a magic directory part skips files such as mirrorlist', expands, '/etc/pacman.d/*/mirror', [
  '/etc/pacman.d/file/mirror',
  '/etc/pacman.d/one/mirror',
  '/etc/pacman.d/two/mirror',
]);
test('symlinks are followed', expands, '/etc/pacman.d/l*.conf', [
  '/etc/pacman.d/link.conf',
  '/etc/pacman.d/lit*.conf',
]);
test('an escaped star is literal', expands, '/etc/pacman.d/lit\\*.conf', [
  '/etc/pacman.d/lit*.conf',
]);
test('an empty pattern names nothing', expands, '', []);
test('a relative pattern starts at /', expands, 'etc/pacman.d/m*', ['/etc/pacman.d/mirrorlist']);

const matches = test.macro({
  exec(t: ExecutionContext, pattern: string, name: string, expected: boolean) {
    t.is(matchName(pattern, name), expected);
  },
  title: (_given, pattern: string, name: string, expected: boolean) =>
    `${pattern} ${expected ? 'matches' : 'does not match'} ${name}`,
});

test(matches, '*', 'a.conf', true);
test(matches, '*', '.a', false);
test(matches, '?.conf', 'a.conf', true);
test(matches, '?.conf', 'ab.conf', false);
test(matches, '[ab]*', 'b1', true);
test(matches, '[!ab]*', 'b1', false);
test(matches, '[^ab]*', 'c1', true);
test(matches, '[a-c]x', 'bx', true);
test(matches, '[]]x', ']x', true);
test(matches, '[a-]x', '-x', true);
test(matches, '[ab', '[ab', true);
test(matches, 'a.b', 'axb', false);
test(matches, '(x)|y', '(x)|y', true);
