import test from 'ava';

import { pacman } from '../../../src/managers/pacman/index.js';
import { rootFromFiles } from '../../helpers/root.js';

const ARCH_CONF = [
  '[options]',
  'Architecture = x86_64',
  'SigLevel = Required DatabaseOptional',
  '[core]',
  'Include = /etc/pacman.d/mirrorlist',
  '[extra]',
  'Include = /etc/pacman.d/mirrorlist',
  '',
].join('\n');

const MIRRORLIST =
  '#Server = http://old/$repo\nServer = https://geo.mirror.pkgbuild.com/$repo/os/$arch\n';

test('watches pacman.conf and /etc/pacman.d/', (t) => {
  t.is(pacman.name, 'pacman');
  t.deepEqual(pacman.watch, ['/etc/pacman.conf', '/etc/pacman.d/']);
});

test('an image without pacman.conf has nothing to report', (t) => {
  t.deepEqual(pacman.read(rootFromFiles({ '/etc/pacman.d/mirrorlist': MIRRORLIST }), { env: {} }), {
    sources: [],
    settings: [],
    keys: [],
    problems: [],
  });
});

test('Arch defaults: two repositories through the mirrorlist, the SigLevel setting and the keyring', (t) => {
  const state = pacman.read(
    rootFromFiles({
      '/etc/pacman.conf': ARCH_CONF,
      '/etc/pacman.d/mirrorlist': MIRRORLIST,
      '/etc/pacman.d/gnupg/pubring.gpg': 'keys',
    }),
    { env: {} },
  );
  t.deepEqual(
    state.sources.map((source) => [source.id, source.uris, source.risks]),
    [
      ['core', ['https://geo.mirror.pkgbuild.com/core/os/x86_64'], []],
      ['extra', ['https://geo.mirror.pkgbuild.com/extra/os/x86_64'], []],
    ],
  );
  t.deepEqual(state.sources[0]?.fields.includes, ['/etc/pacman.d/mirrorlist']);
  t.deepEqual(
    state.settings.map((setting) => setting.name),
    ['Architecture', 'SigLevel'],
  );
  t.deepEqual(
    state.keys.map((key) => key.path),
    ['/etc/pacman.d/gnupg/pubring.gpg'],
  );
  t.deepEqual(state.problems, []);
});

test('a configuration pacman refuses yields its problem and the keyring only', (t) => {
  const state = pacman.read(
    rootFromFiles({
      '/etc/pacman.conf': `${ARCH_CONF}[third]\nInclude = /etc/pacman.d/third-mirrors\n`,
      '/etc/pacman.d/mirrorlist': MIRRORLIST,
      '/etc/pacman.d/gnupg/pubring.gpg': 'keys',
    }),
    { env: {} },
  );
  t.deepEqual(state.sources, []);
  t.deepEqual(state.settings, []);
  t.is(state.keys.length, 1);
  t.like(state.problems[0], { manager: 'pacman', path: '/etc/pacman.conf', line: 9 });
});

test('SigLevel = Never on a repository is critical', (t) => {
  const state = pacman.read(
    rootFromFiles({
      '/etc/pacman.conf': `${ARCH_CONF}[omarchy]\nSigLevel = Never\nServer = https://pkgs.omarchy.org/$arch\n`,
      '/etc/pacman.d/mirrorlist': MIRRORLIST,
    }),
    { env: {} },
  );
  const omarchy = state.sources.find((source) => source.id === 'omarchy');
  t.deepEqual(
    omarchy?.risks.map((risk) => [risk.rule, risk.severity]),
    [['signature-check-disabled', 'critical']],
  );
});

test('the keyring follows GPGDir', (t) => {
  const state = pacman.read(
    rootFromFiles({
      '/etc/pacman.conf': `${ARCH_CONF.replace('[core]', 'GPGDir = /opt/gnupg\n[core]')}`,
      '/etc/pacman.d/mirrorlist': MIRRORLIST,
      '/etc/pacman.d/gnupg/pubring.gpg': 'default',
      '/opt/gnupg/pubring.gpg': 'moved',
    }),
    { env: {} },
  );
  t.deepEqual(
    state.keys.map((key) => key.path),
    ['/opt/gnupg/pubring.gpg'],
  );
});
