import test from 'ava';

import { zypper } from '../../../src/managers/zypper/index.js';
import { readZypper, risksOf, sourceOf } from './helpers.js';

test('an image without zypper gives nothing', (t) => {
  t.deepEqual(readZypper({ '/etc/yum.repos.d/a.repo': '[a]\nbaseurl=http://a/\n' }), {
    sources: [],
    settings: [],
    keys: [],
    problems: [],
  });
});

test('watches its configuration dirs', (t) => {
  for (const path of [
    '/etc/zypp/repos.d/',
    '/etc/zypp/services.d/',
    '/etc/zypp/vars.d/',
    '/etc/zypp/zypp.conf',
  ]) {
    t.true(zypper.watch.includes(path), path);
  }
});

test('services are sources of their own', (t) => {
  const state = readZypper({
    '/etc/zypp/vars.d/ver': '15.6',
    '/etc/zypp/services.d/openSUSE.service':
      '[openSUSE]\nname=openSUSE\nurl=dir:///usr/share/zypp/local/service/openSUSE/$ver\n' +
      'enabled=1\nautorefresh=1\ntype=ris\n',
    '/etc/zypp/services.d/container-suseconnect.service':
      '[container-suseconnect]\ntype=plugin\nenabled=0\n',
  });
  const ris = sourceOf(state, 'service:openSUSE');
  t.deepEqual(ris.matchKeys, ['zypper|service|openSUSE']);
  t.deepEqual(ris.uris, ['dir:///usr/share/zypp/local/service/openSUSE/15.6']);
  t.like(ris.fields, { type: 'ris', autorefresh: true });
  const plugin = sourceOf(state, 'service:container-suseconnect');
  t.false(plugin.enabled);
  t.deepEqual(risksOf(plugin), ['code-execution-hook:low']);
});

test('a service file libzypp refuses is a problem', (t) => {
  const state = readZypper({ '/etc/zypp/services.d/x.service': '[x]\nurl=http://x/\nbad line\n' });
  t.deepEqual(state.sources, []);
  t.is(state.problems[0]?.line, 3);
});

test('zypp.conf security options are settings', (t) => {
  const state = readZypper({
    '/etc/zypp/zypp.conf':
      '[main]\ngpgcheck = off\nrepo_gpgcheck = no\npkg_gpgcheck = 1\n' +
      'solver.allowVendorChange = true\nreposdir=/opt/r\ndownload.max_concurrent_connections=5\n',
  });
  const byId = Object.fromEntries(
    state.settings.map((setting) => [setting.id, [setting.value, ...risksOf(setting)]]),
  );
  t.deepEqual(byId, {
    'main.gpgcheck': [false, 'signature-check-disabled:high'],
    'main.repo_gpgcheck': [false, 'metadata-signature-check-disabled:low'],
    'main.pkg_gpgcheck': [true],
    'main.solver.allowVendorChange': [true, 'insecure-setting:medium'],
    'main.reposdir': ['/opt/r', 'insecure-setting:medium'],
  });
  t.deepEqual(state.settings[0]?.matchKeys, ['zypper|setting|main.gpgcheck']);
  t.is(state.settings[0]?.path, '/etc/zypp/zypp.conf');
});

test('local keys named by gpgkey are scoped keys', (t) => {
  const state = readZypper({
    '/etc/zypp/repos.d/r.repo':
      '[r]\nbaseurl=http://r/\ngpgkey=file:///usr/lib/rpm/gnupg/keys/gpg-pubkey-1.asc\n' +
      '  https://remote.example/k.asc\n',
    '/usr/lib/rpm/gnupg/keys/gpg-pubkey-1.asc': 'key',
  });
  t.deepEqual(
    state.keys.map((key) => `${key.path}:${key.scope}`),
    ['/usr/lib/rpm/gnupg/keys/gpg-pubkey-1.asc:scoped'],
  );
});
