import test from 'ava';

import { globToRegExp } from '../../../src/managers/yum/overrides.js';
import { readYum, risksOf, sourceOf } from './helpers.js';

const matches = test.macro({
  exec(t, glob: string, id: string, expected: boolean) {
    t.is(globToRegExp(glob).test(id), expected);
  },
  title: (_ = '', glob: string, id: string, expected: boolean) =>
    `glob ${glob} ${expected ? 'matches' : 'misses'} ${id}`,
});

test(matches, '*', 'fedora', true);
test(matches, 'fedora*', 'fedora-updates', true);
test(matches, 'fedora', 'fedora-updates', false);
test(matches, '?edora', 'fedora', true);
test(matches, '[ef]edora', 'fedora', true);
test(matches, '[!f]edora', 'fedora', false);
test(matches, 'a.b', 'axb', false);
test(matches, 'a\\*', 'a*', true);
test(matches, 'a\\*', 'ab', false);

const DNF5 = { '/usr/bin/dnf5': '', '/etc/dnf/dnf.conf': '[main]\n' };

test('[*] pkg_gpgcheck=0 turns signature checks off for every repo', (t) => {
  const state = readYum({
    ...DNF5,
    '/etc/yum.repos.d/fedora.repo':
      '[fedora]\nmetalink=https://m.example/\ngpgcheck=1\n[updates]\n' +
      'metalink=https://u.example/\ngpgcheck=1\n',
    '/etc/dnf/repos.override.d/99-config_manager.repo': '[*]\npkg_gpgcheck=0\n',
  });
  for (const id of ['fedora', 'updates']) {
    const source = sourceOf(state, id);
    t.deepEqual(risksOf(source), ['signature-check-disabled:critical']);
    t.deepEqual(source.fields.overrides, ['/etc/dnf/repos.override.d/99-config_manager.repo']);
    t.regex(source.risks[0]?.message ?? '', /set by override/);
  }
});

test('overrides never create a repo, and a later file wins', (t) => {
  const state = readYum({
    ...DNF5,
    '/etc/yum.repos.d/a.repo': '[a]\nbaseurl=http://a/\nenabled=1\n',
    '/etc/dnf/repos.override.d/10-off.repo': '[a]\nenabled=0\n[ghost]\nbaseurl=http://ghost/\n',
    '/etc/dnf/repos.override.d/20-on.repo': '[a*]\nenabled=1\nbaseurl=http://other/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['a'],
  );
  const source = sourceOf(state, 'a');
  t.true(source.enabled);
  t.deepEqual(source.uris, ['http://other/']);
});

test('the /etc override dir masks a same-named file in /usr/share', (t) => {
  const state = readYum({
    ...DNF5,
    '/usr/share/dnf5/repos.d/a.repo': '[a]\nbaseurl=http://a/\n',
    '/usr/share/dnf5/repos.override.d/50.repo': '[a]\nenabled=0\n',
    '/etc/dnf/repos.override.d/50.repo': '[a]\nname=renamed\n',
  });
  const source = sourceOf(state, 'a');
  t.true(source.enabled);
  t.is(source.fields.name, 'renamed');
});

test('dnf 4 ignores override dirs', (t) => {
  const state = readYum({
    '/etc/dnf/dnf.conf': '[main]\n',
    '/etc/yum.repos.d/a.repo': '[a]\nbaseurl=http://a/\n',
    '/etc/dnf/repos.override.d/x.repo': '[*]\nenabled=0\n',
  });
  t.true(sourceOf(state, 'a').enabled);
});
