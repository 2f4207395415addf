import test from 'ava';

import { readZypper, sourceOf } from './helpers.js';

const DIR = '/etc/zypp/repos.d';

test('the openSUSE default repo', (t) => {
  const state = readZypper({
    [`${DIR}/repo-oss.repo`]:
      '[repo-oss]\nname=openSUSE-Tumbleweed-Oss\nenabled=1\nautorefresh=1\n' +
      'baseurl=http://download.opensuse.org/tumbleweed/repo/oss/\ntype=rpm-md\nkeeppackages=0\n',
  });
  const source = sourceOf(state, 'repo-oss');
  t.deepEqual(source.matchKeys, ['zypper|repo-oss']);
  t.is(source.path, `${DIR}/repo-oss.repo`);
  t.deepEqual(source.uris, ['http://download.opensuse.org/tumbleweed/repo/oss/']);
  t.true(source.enabled);
  t.is(source.signedBy, null);
  t.like(source.fields, {
    name: 'openSUSE-Tumbleweed-Oss',
    autorefresh: true,
    priority: 99,
    gpgcheck: true,
    keeppackages: false,
  });
  t.false('type' in source.fields, 'type= is legacy: libzypp probes the repo type');
  t.deepEqual(source.risks, []);
});

test('which files are repo files', (t) => {
  const state = readZypper({
    [`${DIR}/a.repo`]: '[a]\nbaseurl=http://a/\n',
    [`${DIR}/b.repo_1`]: '[b]\nbaseurl=http://b/\n',
    [`${DIR}/c.repo.rpmsave`]: '[c]\nbaseurl=http://c/\n',
    [`${DIR}/.d.repo`]: '[d]\nbaseurl=http://d/\n',
    [`${DIR}/e.repos`]: '[e]\nbaseurl=http://e/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['a', 'b'],
  );
});

test('the first alias wins; the later one is a problem', (t) => {
  const state = readZypper({
    [`${DIR}/a.repo`]: '[x]\nbaseurl=http://first/\n',
    [`${DIR}/b.repo`]: '[x]\nbaseurl=http://second/\n[y]\nbaseurl=http://y/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['x', 'y'],
  );
  t.deepEqual(sourceOf(state, 'x').uris, ['http://first/']);
  t.deepEqual(
    state.problems.map((problem) => `${problem.path}:${problem.line}`),
    [`${DIR}/b.repo:1`],
  );
});

test('a file libzypp refuses gives no repos', (t) => {
  const state = readZypper({
    [`${DIR}/bad.repo`]: '[bad]\nname=x\nnot a line\n',
    [`${DIR}/good.repo`]: '[good]\nbaseurl=http://g/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['good'],
  );
  t.regex(state.problems[0]?.message ?? '', /refuses the file; zypper stops on it/);
});

test('keys outside any section make a repo without alias: a problem', (t) => {
  const state = readZypper({ [`${DIR}/a.repo`]: 'baseurl=http://a/\n[a]\nbaseurl=http://b/\n' });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['a'],
  );
  t.regex(state.problems[0]?.message ?? '', /without an alias/);
});

test('values as RepoFileReader reads them', (t) => {
  const state = readZypper({
    [`${DIR}/v.repo`]:
      '[v]\nname=$name_var\nenabled=garbage\npriority=abc\nbaseurl=http://v/\n' +
      '[w]\nname=\npriority=0x10\nbaseurl=http://w/\n[neg]\npriority=-1\nbaseurl=http://n/\n',
    '/etc/zypp/vars.d/name_var': 'Expanded',
  });
  t.like(sourceOf(state, 'v'), { enabled: false, fields: { name: 'Expanded', priority: 99 } });
  t.like(sourceOf(state, 'w').fields, { name: 'w', priority: 16 });
  t.is(sourceOf(state, 'neg').fields.priority, 4294967295);
});

test('URLs: expanded and raw, every list, proxy, gpgkey as signedBy', (t) => {
  const state = readZypper({
    '/etc/zypp/vars.d/releasever': '15.6',
    [`${DIR}/sle.repo`]:
      '[sle]\nbaseurl=https://u:pw@updates.example/$releasever/\n' +
      '  https://mirror.example/${releasever_major}/\n' +
      'mirrorlist=https://ml.example/?v=$releasever\nmetalink=https://mlink.example/\n' +
      'gpgkey=file:///usr/lib/rpm/gnupg/keys/a.asc https://k.example/b.asc\n' +
      'proxy=proxy.example:3128\nservice=scc\n',
  });
  const source = sourceOf(state, 'sle');
  t.deepEqual(source.uris, [
    'https://***@updates.example/15.6/',
    'https://mirror.example/15/',
    'https://ml.example/?v=15.6',
    'https://mlink.example/',
  ]);
  t.deepEqual(source.signedBy, ['file:///usr/lib/rpm/gnupg/keys/a.asc', 'https://k.example/b.asc']);
  t.like(source.fields, { proxy: 'proxy.example:3128', service: 'scc' });
  t.deepEqual((source.fields.raw as { baseurl: string[] }).baseurl, [
    'https://***@updates.example/$releasever/',
    'https://mirror.example/${releasever_major}/',
  ]);
});

test('reposdir from zypp.conf', (t) => {
  const state = readZypper({
    '/etc/zypp/zypp.conf': '[main]\nreposdir=/opt/repos\n',
    '/opt/repos/o.repo': '[o]\nbaseurl=http://o/\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    ['o'],
  );
});
