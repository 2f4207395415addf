import test from 'ava';

import type { FakeEntry } from '../../helpers/root.js';
import { readYum, risksOf, sourceOf } from './helpers.js';

const REPO = '/etc/yum.repos.d/test.repo';

/** The risks of repo `r` given its section body and an optional [main]. */
const judges = test.macro({
  exec(t, body: string, expected: string[], main = '', extra: Record<string, FakeEntry> = {}) {
    const state = readYum({
      '/etc/dnf/dnf.conf': `[main]\n${main}`,
      [REPO]: `[r]\n${body}`,
      ...extra,
    });
    t.deepEqual(risksOf(sourceOf(state, 'r')), expected);
  },
  title: (name = '') => `risk: ${name}`,
});

test(
  'a signed https repo has none',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\ngpgkey=https://a.example/key\n',
  [],
);
test(
  'gpgcheck=0 on an enabled repo is critical',
  judges,
  'baseurl=https://a.example/\ngpgcheck=0\n',
  ['signature-check-disabled:critical'],
);
test('no gpgcheck anywhere is the libdnf default: off', judges, 'baseurl=https://a.example/\n', [
  'signature-check-disabled:critical',
]);
test(
  'gpgcheck=1 in [main] is inherited',
  judges,
  'baseurl=https://a.example/\n',
  [],
  'gpgcheck=1\n',
);
test(
  'gpgcheck=0 in [main] is inherited',
  judges,
  'baseurl=https://a.example/\n',
  ['signature-check-disabled:critical'],
  'gpgcheck=0\n',
);
test(
  'an invalid gpgcheck falls back to [main]',
  judges,
  'baseurl=https://a.example/\ngpgcheck=maybe\n',
  [],
  'gpgcheck=1\n',
);
test(
  'a disabled repo keeps its risks at low',
  judges,
  'baseurl=https://a.example/\ngpgcheck=0\nenabled=0\n',
  ['signature-check-disabled:low'],
);
test(
  'a local file:// repo without checks is high',
  judges,
  'baseurl=file:///srv/repo\n  /srv/other\ngpgcheck=0\n',
  ['signature-check-disabled:high'],
);
test(
  'repo_gpgcheck=0 written is info',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nrepo_gpgcheck=0\n',
  ['metadata-signature-check-disabled:info'],
);
test('sslverify=0 is high', judges, 'baseurl=https://a.example/\ngpgcheck=1\nsslverify=0\n', [
  'tls-verify-disabled:high',
]);
test(
  'sslverify=0 from [main]',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\n',
  ['tls-verify-disabled:high'],
  'sslverify=off\n',
);
test(
  'a proxy is high',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nproxy=http://p.example:3128\n',
  ['proxy-configured:high'],
);
test(
  'a proxy from [main]',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\n',
  ['proxy-configured:high'],
  'proxy=http://p:3128\n',
);
test(
  'proxy=_none_ cancels the [main] proxy',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nproxy=_none_\n',
  [],
  'proxy=http://p:3128\n',
);
test(
  'an empty proxy cancels it too',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nproxy=\n',
  [],
  'proxy=http://p:3128\n',
);
test(
  'a custom CA bundle',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nsslcacert=/etc/pki/mitm.pem\n',
  ['insecure-setting:medium'],
);
test('module_hotfixes', judges, 'baseurl=https://a.example/\ngpgcheck=1\nmodule_hotfixes=1\n', [
  'insecure-setting:medium',
]);
test(
  'a gpgkey over http',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\ngpgkey=http://a.example/key\n',
  ['insecure-setting:high'],
);
test('credentials in the baseurl', judges, 'baseurl=https://u:p@a.example/\ngpgcheck=1\n', [
  'credentials-in-uri:low',
]);
test(
  'username and password keys',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\nusername=u\npassword=p\n',
  ['credentials-in-uri:low'],
);
test(
  'password in [main] reaches every repo',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\n',
  ['credentials-in-uri:low'],
  'password=p\n',
);
test(
  'dnf 5 reads pkg_gpgcheck',
  judges,
  'baseurl=https://a.example/\npkg_gpgcheck=0\n',
  ['signature-check-disabled:critical'],
  '',
  { '/usr/bin/dnf5': '' },
);
test(
  'dnf 5 reads gpgcheck as its alias',
  judges,
  'baseurl=https://a.example/\ngpgcheck=1\n',
  [],
  '',
  { '/usr/bin/dnf5': '' },
);

test('messages say where an inherited value comes from, never a secret', (t) => {
  const state = readYum({
    '/etc/dnf/dnf.conf': '[main]\ngpgcheck=0\nproxy=http://user:hunter2@p:3128\n',
    [REPO]: '[r]\nbaseurl=https://a.example/\npassword=s3cret\n',
  });
  const messages = sourceOf(state, 'r').risks.map((risk) => risk.message);
  t.true(
    messages.some((message) => message.includes('inherited from [main] in /etc/dnf/dnf.conf')),
  );
  t.false(JSON.stringify(state).includes('hunter2'));
  t.false(JSON.stringify(state).includes('s3cret'));
});
