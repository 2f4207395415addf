import test from 'ava';

import type { Setting } from '../../../src/managers/types.js';
import type { FakeEntry } from '../../helpers/root.js';
import { readYum, risksOf } from './helpers.js';

function setting(
  main: string,
  id: string,
  extra: Record<string, FakeEntry> = {},
): Setting | undefined {
  return readYum({ '/etc/dnf/dnf.conf': `[main]\n${main}`, ...extra }).settings.find(
    (candidate) => candidate.id === id,
  );
}

const reports = test.macro({
  exec(t, main: string, id: string, value: unknown, risks: string[]) {
    const found = setting(main, id);
    if (found === undefined) return t.fail(`no setting ${id}`);
    t.deepEqual(found.value, value);
    t.deepEqual(risksOf(found), risks);
  },
  title: (_ = '', main: string) => `setting: ${JSON.stringify(main)}`,
});

test(reports, 'gpgcheck=1\n', 'main.gpgcheck', true, []);
test(reports, 'gpgcheck=0\n', 'main.gpgcheck', false, ['signature-check-disabled:high']);
test(reports, 'localpkg_gpgcheck=0\n', 'main.localpkg_gpgcheck', false, [
  'signature-check-disabled:low',
]);
test(reports, 'repo_gpgcheck=False\n', 'main.repo_gpgcheck', false, [
  'metadata-signature-check-disabled:info',
]);
test(reports, 'sslverify=no\n', 'main.sslverify', false, ['tls-verify-disabled:high']);
test(reports, 'proxy=http://u:p@proxy:3128\n', 'main.proxy', 'http://***@proxy:3128', [
  'proxy-configured:high',
]);
test(reports, 'proxy=_none_\n', 'main.proxy', '_none_', []);
test(reports, 'proxy_password=hunter2\n', 'main.proxy_password', '***', ['credentials-in-uri:low']);
test(
  reports,
  'reposdir=/etc/yum.repos.d, /opt/evil\n',
  'main.reposdir',
  ['/etc/yum.repos.d', '/opt/evil'],
  ['insecure-setting:medium'],
);
test(
  reports,
  'reposdir=/etc/yum.repos.d /etc/yum/repos.d /etc/distro.repos.d\n',
  'main.reposdir',
  ['/etc/yum.repos.d', '/etc/yum/repos.d', '/etc/distro.repos.d'],
  [],
);
test(
  reports,
  'pluginpath=/opt/plugins\n',
  'main.pluginpath',
  ['/opt/plugins'],
  ['code-execution-hook:medium'],
);
test(reports, 'gpgkey_dns_verification=1\n', 'main.gpgkey_dns_verification', true, [
  'insecure-setting:medium',
]);
test(reports, 'sslcacert=/etc/pki/ca.pem\n', 'main.sslcacert', '/etc/pki/ca.pem', [
  'insecure-setting:medium',
]);

test('settings carry their file and a global identity', (t) => {
  const found = setting('gpgcheck=1\n', 'main.gpgcheck');
  t.is(found?.path, '/etc/dnf/dnf.conf');
  t.is(found?.name, 'main.gpgcheck');
  t.deepEqual(found?.matchKeys, ['yum|setting|main.gpgcheck']);
});

test('options that change nothing that matters are not settings', (t) => {
  t.is(setting('installonly_limit=3\nbest=True\n', 'main.installonly_limit'), undefined);
});

test('an invalid boolean keeps its text and is a problem', (t) => {
  const state = readYum({ '/etc/dnf/dnf.conf': '[main]\ngpgcheck=sure\n' });
  t.is(state.settings[0]?.value, 'sure');
  t.regex(state.problems[0]?.message ?? '', /invalid boolean value 'sure'; dnf ignores it/);
});

test('dnf 5: drop-ins apply before dnf.conf, /etc masks /usr/share', (t) => {
  const state = readYum({
    '/usr/bin/dnf5': '',
    '/usr/share/dnf5/libdnf.conf.d/20-distro.conf': '[main]\nsslverify=0\npkg_gpgcheck=0\n',
    '/usr/share/dnf5/libdnf.conf.d/30-masked.conf': '[main]\nproxy=http://usr/\n',
    '/etc/dnf/libdnf5.conf.d/30-masked.conf': '[main]\nplugins=0\n',
    '/etc/dnf/dnf.conf': '[main]\ngpgcheck=1\n',
  });
  const byId = Object.fromEntries(
    state.settings.map((found) => [found.id, `${String(found.value)}@${found.path}`]),
  );
  t.deepEqual(byId, {
    'main.sslverify': 'false@/usr/share/dnf5/libdnf.conf.d/20-distro.conf',
    'main.pkg_gpgcheck': 'true@/etc/dnf/dnf.conf',
    'main.plugins': 'false@/etc/dnf/libdnf5.conf.d/30-masked.conf',
  });
});
