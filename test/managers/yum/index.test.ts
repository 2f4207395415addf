import test from 'ava';

import { yum } from '../../../src/managers/yum/index.js';
import { readYum, sourceOf } from './helpers.js';

const MAIN = '/etc/dnf/dnf.conf';
const REPO = '/etc/yum.repos.d/test.repo';

test('an image without yum or dnf gives nothing', (t) => {
  t.deepEqual(
    readYum({ '/etc/apt/sources.list': 'deb http://deb.debian.org/debian bookworm main\n' }),
    {
      sources: [],
      settings: [],
      keys: [],
      problems: [],
    },
  );
});

test('watches the paths of every stack', (t) => {
  for (const path of [
    '/etc/yum.conf',
    '/etc/dnf/',
    '/etc/yum.repos.d/',
    '/etc/distro.repos.d/',
    '/usr/share/dnf5/',
    '/etc/pki/rpm-gpg/',
  ]) {
    t.true(yum.watch.includes(path), path);
  }
});

test('one source per repo, identified by its repo id alone', (t) => {
  const state = readYum({
    '/etc/dnf/vars/releasever': '9',
    [REPO]:
      '[baseos]\nname=Rocky $releasever BaseOS\n' +
      'mirrorlist=https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever\n' +
      'baseurl=https://u:p@dl.rockylinux.org/$releasever/BaseOS/$basearch/os/\ngpgcheck=1\n' +
      'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-Rocky-9\nenabled=1\n',
  });
  const source = sourceOf(state, 'baseos');
  t.is(source.path, REPO);
  t.deepEqual(source.matchKeys, ['yum|baseos']);
  t.true(source.enabled);
  t.deepEqual(source.uris, [
    'https://***@dl.rockylinux.org/9/BaseOS/$basearch/os/',
    'https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-9',
  ]);
  t.deepEqual(source.signedBy, ['file:///etc/pki/rpm-gpg/RPM-GPG-KEY-Rocky-9']);
  t.is(source.fields.name, 'Rocky 9 BaseOS');
  t.is(source.fields.format, 'dnf4');
  t.deepEqual(source.fields.raw, {
    baseurl: ['https://***@dl.rockylinux.org/$releasever/BaseOS/$basearch/os/'],
    mirrorlist: 'https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever',
    metalink: null,
    gpgkey: ['file:///etc/pki/rpm-gpg/RPM-GPG-KEY-Rocky-9'],
  });
});

test('a repo moving to another file keeps its identity', (t) => {
  const before = sourceOf(readYum({ '/etc/yum.repos.d/a.repo': '[x]\nbaseurl=http://a/\n' }), 'x');
  const after = sourceOf(readYum({ '/etc/yum.repos.d/b.repo': '[x]\nbaseurl=http://a/\n' }), 'x');
  t.deepEqual(before.matchKeys, after.matchKeys);
  t.not(before.path, after.path);
});

test('no gpgkey means any imported key is trusted', (t) => {
  t.is(sourceOf(readYum({ [REPO]: '[x]\nbaseurl=http://a/\n' }), 'x').signedBy, null);
});

test('a disabled repo is still reported', (t) => {
  const source = sourceOf(
    readYum({ [REPO]: '[testing]\nbaseurl=http://a/\nenabled=0\n' }),
    'testing',
  );
  t.false(source.enabled);
});

test('DNF_VAR_ variables of the image environment expand, var files win', (t) => {
  const state = readYum(
    { '/etc/dnf/vars/region': 'from-file', [REPO]: '[x]\nbaseurl=http://$region.$zone.example/\n' },
    { DNF_VAR_region: 'from-env', DNF_VAR_zone: 'z1' },
  );
  t.deepEqual(sourceOf(state, 'x').uris, ['http://from-file.z1.example/']);
});

test('problems: a refused file, a duplicate id, a bad id, an unsupported type', (t) => {
  const state = readYum({
    '/etc/yum.repos.d/a.repo':
      '[dup]\nbaseurl=http://a/\n[bad id]\nbaseurl=http://b/\n[deb]\nbaseurl=http://c/\ntype=deb\n',
    '/etc/yum.repos.d/b.repo': '[dup]\nbaseurl=http://b/\n',
    '/etc/yum.repos.d/c.repo': '[c]\nbaseurl: http://c/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['dup'],
  );
  t.deepEqual(
    state.problems.map((problem) => `${problem.path}:${problem.line}`),
    [
      '/etc/yum.repos.d/a.repo:3',
      '/etc/yum.repos.d/a.repo:5',
      '/etc/yum.repos.d/b.repo:1',
      '/etc/yum.repos.d/c.repo:2',
    ],
  );
  t.regex(
    state.problems[2]?.message ?? '',
    /listed more than once; \/etc\/yum.repos.d\/a.repo wins/,
  );
});

test('an invalid value is a problem and the line is ignored', (t) => {
  const state = readYum({
    [MAIN]: '[main]\ngpgcheck=1\n',
    [REPO]: '[x]\nbaseurl=http://a/\ngpgcheck=yes please\n',
  });
  t.true(sourceOf(state, 'x').fields.gpgcheck);
  t.deepEqual(
    state.problems.map((problem) => problem.line),
    [3],
  );
});

test('a malformed dnf.conf: dnf would not start, its repos are not read', (t) => {
  const state = readYum({
    [MAIN]: '[main]\ngpgcheck 0\n[inmain]\nbaseurl=http://m/\n',
    [REPO]: '[x]\nbaseurl=http://a/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['x'],
  );
  t.deepEqual(state.settings, []);
  t.true(
    state.problems.some(
      (problem) => problem.path === MAIN && problem.message.includes('refuses to start'),
    ),
  );
});

test('reposdir may point outside the watched dirs', (t) => {
  const state = readYum({
    [MAIN]: '[main]\nreposdir=/opt/repos\n',
    '/opt/repos/o.repo': '[o]\nbaseurl=http://o/\n',
    [REPO]: '[x]\nbaseurl=http://x/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['o'],
  );
});
