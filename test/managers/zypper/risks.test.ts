import test from 'ava';

import { readZypper, risksOf, sourceOf } from './helpers.js';

const judges = test.macro({
  exec(t, body: string, expected: string[], conf = '') {
    const state = readZypper({
      '/etc/zypp/zypp.conf': `[main]\n${conf}`,
      '/etc/zypp/repos.d/r.repo': `[r]\nbaseurl=https://r.example/\n${body}`,
    });
    t.deepEqual(risksOf(sourceOf(state, 'r')), expected);
  },
  title: (name = '') => `risk: ${name}`,
});

test('defaults check everything', judges, '', []);
test('gpgcheck=0 alone checks nothing', judges, 'gpgcheck=0\n', [
  'signature-check-disabled:critical',
]);
test(
  'gpgcheck off in zypp.conf',
  judges,
  '',
  ['signature-check-disabled:critical'],
  'gpgcheck=off\n',
);
test('gpgcheck=0 in zypp.conf, the repo turns it on', judges, 'gpgcheck=1\n', [], 'gpgcheck=0\n');
test('gpgcheck=0 with repo_gpgcheck=1: metadata only', judges, 'gpgcheck=0\nrepo_gpgcheck=1\n', [
  'signature-check-disabled:info',
]);
test('gpgcheck=0 with pkg_gpgcheck=1: packages only', judges, 'gpgcheck=0\npkg_gpgcheck=1\n', [
  'metadata-signature-check-disabled:medium',
]);
test(
  'zypp.conf repo_gpgcheck does not apply once the repo sets gpgcheck',
  judges,
  'gpgcheck=0\n',
  ['signature-check-disabled:critical'],
  'repo_gpgcheck=1\n',
);
test(
  'zypp.conf repo_gpgcheck applies when gpgcheck is unset',
  judges,
  '',
  ['signature-check-disabled:info'],
  'gpgcheck=0\nrepo_gpgcheck=1\n',
);
test('repo_gpgcheck=0 with gpgcheck on: unsigned metadata accepted', judges, 'repo_gpgcheck=0\n', [
  'metadata-signature-check-disabled:low',
]);
test('pkg_gpgcheck=0 with gpgcheck on', judges, 'pkg_gpgcheck=0\n', [
  'signature-check-disabled:info',
]);
test('repo_gpgcheck=garbage reads as off', judges, 'repo_gpgcheck=maybe\n', [
  'metadata-signature-check-disabled:low',
]);
test('a disabled repo keeps its risks at low', judges, 'gpgcheck=0\nenabled=0\n', [
  'signature-check-disabled:low',
]);
test('ssl_verify=no', judges, 'mirrorlist=https://m.example/?ssl_verify=no\n', [
  'tls-verify-disabled:high',
]);
test('ssl_verify=host', judges, 'baseurl=https://x.example/?ssl_verify=host\n', [
  'tls-verify-disabled:high',
]);
test('ssl_verify=peer', judges, 'baseurl=https://x.example/?ssl_verify=peer\n', [
  'tls-verify-disabled:medium',
]);
test('ssl_verify=host,peer', judges, 'baseurl=https://x.example/?ssl_verify=host,peer\n', []);
test('ssl_capath', judges, 'baseurl=https://x.example/?ssl_capath=/etc/evil\n', [
  'insecure-setting:medium',
]);
test('a proxy key', judges, 'proxy=p.example:3128\n', ['proxy-configured:high']);
test(
  'a proxy URL parameter',
  judges,
  'baseurl=https://x.example/?proxy=p.example&proxyport=3128\n',
  ['proxy-configured:high'],
);
test('credentials in a URL', judges, 'baseurl=https://u:p@x.example/\n', [
  'credentials-in-uri:low',
]);
test(
  'proxy credentials in parameters',
  judges,
  'baseurl=https://x.example/?proxyuser=u&proxypass=p\n',
  ['credentials-in-uri:low'],
);
test('a gpgkey over http', judges, 'gpgkey=http://k.example/key\n', ['insecure-setting:high']);

test('no secret reaches the state', (t) => {
  const state = readZypper({
    '/etc/zypp/repos.d/r.repo': '[r]\nbaseurl=https://bob:hunter2@x.example/?proxypass=s3cret\n',
  });
  t.false(JSON.stringify(state).includes('hunter2'));
  t.false(JSON.stringify(state).includes('s3cret'));
});
