import test, { type ExecutionContext } from 'ava';

import { extensionOf, isSilentlyIgnored, listConfigParts } from '../../../src/managers/apt/files.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

const NAMES = [
  'a.list', 'b.sources', 'c.list.save', 'd.list.disabled', '.hidden.list', 'e f.list', 'g@.list', 'h+.list',
  'i.list~', 'UP.LIST', 'j:k_l-m.list', 'noext', 'n.list.dpkg-old', 'o.conf', 'p.conf.bak', 'q.', 'r.pref',
  'ß.list', '50unattended-upgrades', '99x.conf.ucf-dist', 'Zed.list',
];

function rootWith(extra: Record<string, FakeEntry> = {}): ReturnType<typeof rootFromFiles> {
  return rootFromFiles({ ...Object.fromEntries(NAMES.map((name) => [`/d/${name}`, 'x'])), ...extra });
}

const lists = test.macro({
  exec(t: ExecutionContext, extensions: string[], expected: string[]) {
    const listing = listConfigParts(rootWith(), '/d/', extensions);
    t.deepEqual(listing.files, expected.map((name) => `/d/${name}`));
    t.is(listing.files.length + listing.skipped.length, NAMES.length);
  },
  title: (name = '') => `lists ${name}`,
});

// The same rules as apt's GetListOfFilesInDir; sources.list.d is checked live in differential.test.ts.
test('sources.list.d (list, sources)', lists, ['list', 'sources'], ['Zed.list', 'a.list', 'b.sources', 'j:k_l-m.list']);
test('apt.conf.d (conf or none)', lists, ['conf', ''], ['50unattended-upgrades', 'noext', 'o.conf']);
test('preferences.d (pref or none)', lists, ['pref', ''], ['50unattended-upgrades', 'noext', 'r.pref']);

test('symlinks to files are read, dangling links and directories are not', (t) => {
  const root = rootFromFiles({
    '/d/a.list': { symlink: '/elsewhere/file' },
    '/elsewhere/file': 'x',
    '/d/b.list': { symlink: '/nowhere' },
    '/d/c.list': { dir: true },
  });
  const listing = listConfigParts(root, '/d', ['list']);
  t.deepEqual(listing.files, ['/d/a.list']);
  t.deepEqual(listing.skipped.map((skip) => [skip.name, skip.reason]), [['b.list', 'not a regular file'], ['c.list', 'not a regular file']]);
});

test('a missing directory lists nothing', (t) => {
  t.deepEqual(listConfigParts(rootFromFiles({}), '/nope/', ['list']).files, []);
});

test('the silent-ignore patterns', (t) => {
  const silent = NAMES.filter(isSilentlyIgnored);
  t.deepEqual(silent, ['c.list.save', 'd.list.disabled', 'i.list~', 'n.list.dpkg-old', 'p.conf.bak', '99x.conf.ucf-dist']);
});

test('extensionOf follows flExtension', (t) => {
  t.deepEqual(['a.list', 'a.b.sources', 'noext', 'q.', '/x.d/file'].map(extensionOf), ['list', 'sources', '', '', 'd/file']);
});
