import test from 'ava';

import { readYum, risksOf, sourceOf } from './helpers.js';

const YUM3 = { '/usr/lib/python2.7/site-packages/yum/__init__.py': '' };

test('yum 3: yum.conf with [main], includes, : separators and its own defaults', (t) => {
  const state = readYum(
    {
      ...YUM3,
      '/etc/yum.conf':
        '[main]\ngpgcheck: 1\ninclude=/etc/yum/extra.conf\n[inconf]\nbaseurl=http://conf.example/$yum0\n',
      '/etc/yum/extra.conf': 'sslverify = False\n',
      '/etc/yum/vars/awsregion': 'eu-west-1\n',
      '/etc/yum.repos.d/amzn2-core.repo':
        '[amzn2-core]\nname=Amazon Linux 2 core repository\n' +
        'mirrorlist=http://amazonlinux.$awsregion.$awsdomain/$releasever/core/latest/$basearch/mirror.list\n' +
        'priority=10\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-amazon-linux-2\n' +
        'report_instanceid=yes\n',
    },
    { YUM0: 'zero' },
  );
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['inconf', 'amzn2-core'],
  );
  t.deepEqual(sourceOf(state, 'inconf').uris, ['http://conf.example/zero']);
  const core = sourceOf(state, 'amzn2-core');
  t.is(core.fields.format, 'yum3');
  t.is(core.fields.priority, 10);
  t.deepEqual(core.uris, [
    'http://amazonlinux.eu-west-1.$awsdomain/$releasever/core/latest/$basearch/mirror.list',
  ]);
  t.deepEqual(
    (core.fields.raw as { mirrorlist: string }).mirrorlist,
    'http://amazonlinux.$awsregion.$awsdomain/$releasever/core/latest/$basearch/mirror.list',
  );
  t.deepEqual(risksOf(core), ['tls-verify-disabled:high']);
  t.deepEqual(
    state.settings.map((setting) => `${setting.id}=${String(setting.value)}@${setting.path}`),
    ['main.gpgcheck=true@/etc/yum.conf', 'main.sslverify=false@/etc/yum/extra.conf'],
  );
});

test('yum 3: a repo with a value yum cannot parse is skipped', (t) => {
  const state = readYum({
    ...YUM3,
    '/etc/yum.conf': '[main]\n',
    '/etc/yum.repos.d/a.repo':
      '[on]\nbaseurl=http://a/\nenabled=on\n[path]\nbaseurl=/srv/repo\n[empty-mirror]\n' +
      'mirrorlist=\n[ok]\nbaseurl=http://ok/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['ok'],
  );
  t.deepEqual(
    state.problems.map((problem) => problem.line),
    [3, 5, 7],
  );
  t.regex(state.problems[0]?.message ?? '', /invalid boolean value 'on'; yum 3 skips repo 'on'/);
});

test('yum 3: a file with a bad line gives no repos', (t) => {
  const state = readYum({
    ...YUM3,
    '/etc/yum.conf': '[main]\n',
    '/etc/yum.repos.d/a.repo': '[a]\nbaseurl=http://a/\nnot a line\n',
    '/etc/yum.repos.d/b.repo': '[b]\nbaseurl=http://b/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['b'],
  );
  t.regex(state.problems[0]?.message ?? '', /yum 3 refuses the file/);
});

test('yum 3: gpgcheck defaults to off, [main] and [DEFAULT] supply it', (t) => {
  const state = readYum({
    ...YUM3,
    '/etc/yum.conf': '[main]\n',
    '/etc/yum.repos.d/a.repo': '[DEFAULT]\ngpgcheck=1\n[a]\nbaseurl=http://a/\n',
    '/etc/yum.repos.d/b.repo': '[b]\nbaseurl=http://b/\n',
  });
  t.deepEqual(risksOf(sourceOf(state, 'a')), []);
  t.deepEqual(risksOf(sourceOf(state, 'b')), ['signature-check-disabled:critical']);
});

test('yum 3: the first repo of an id wins, dirs in reposdir order', (t) => {
  const state = readYum({
    ...YUM3,
    '/etc/yum.conf': '[main]\n',
    '/etc/yum/repos.d/z.repo': '[x]\nbaseurl=http://first/\n',
    '/etc/yum.repos.d/a.repo': '[x]\nbaseurl=http://second/\n',
  });
  t.deepEqual(sourceOf(state, 'x').uris, ['http://first/']);
  t.is(state.problems.length, 1);
});

test('dnf 5: repos from /usr/share/dnf5/repos.d, not from /etc/yum/repos.d', (t) => {
  const state = readYum({
    '/usr/bin/dnf5': '',
    '/usr/share/dnf5/repos.d/vendor.repo': '[vendor]\nbaseurl=http://vendor/\n',
    '/etc/yum/repos.d/old.repo': '[old]\nbaseurl=http://old/\n',
    '/etc/yum.repos.d/.dot.repo': '[dot]\nbaseurl=http://dot/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['dot', 'vendor'],
  );
  t.is(sourceOf(state, 'vendor').fields.format, 'dnf5');
});

test('yum 3: priority belongs to a plugin; a bad one does not cost the repo', (t) => {
  const state = readYum({
    ...YUM3,
    '/etc/yum.conf': '[main]\n',
    '/etc/yum.repos.d/a.repo': '[a]\nbaseurl=http://a/\npriority=high\n[b]\nbaseurl=http://b/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.fields.priority),
    [null, null],
  );
});
