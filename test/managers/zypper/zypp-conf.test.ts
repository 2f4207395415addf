import test from 'ava';

import { readZyppConf } from '../../../src/managers/zypper/zypp-conf.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

function conf(files: Record<string, FakeEntry>, env: Record<string, string> = {}) {
  return readZyppConf(rootFromFiles(files), env);
}

test('defaults without any file', (t) => {
  const read = conf({});
  t.like(read, {
    reposdir: '/etc/zypp/repos.d',
    varsdir: '/etc/zypp/vars.d',
    servicesdir: '/etc/zypp/services.d',
  });
  t.like(read, { gpgcheck: true, repoGpgcheck: null, pkgGpgcheck: null });
});

test('only [main] counts; configdir moves the other dirs', (t) => {
  const read = conf({
    '/etc/zypp/zypp.conf': '[other]\ngpgcheck=0\n[main]\nconfigdir=/opt/zypp\nvarsdir=/v\n',
  });
  t.like(read, { gpgcheck: true, reposdir: '/opt/zypp/repos.d', varsdir: '/v' });
});

test('gpgcheck is on unless a false word says otherwise; the others are tri-state', (t) => {
  t.like(
    conf({
      '/etc/zypp/zypp.conf': '[main]\ngpgcheck=maybe\nrepo_gpgcheck=maybe\npkg_gpgcheck=off\n',
    }),
    {
      gpgcheck: true,
      repoGpgcheck: null,
      pkgGpgcheck: false,
    },
  );
  t.like(conf({ '/etc/zypp/zypp.conf': '[main]\ngpgcheck = off\n' }), { gpgcheck: false });
});

test('the vendor file when /etc has none, then drop-ins by name with /etc masking /usr', (t) => {
  const read = conf({
    '/usr/etc/zypp/zypp.conf': '[main]\ngpgcheck=1\nrepo_gpgcheck=1\n',
    '/usr/etc/zypp/zypp.conf.d/10-a.conf': '[main]\nrepo_gpgcheck=0\n',
    '/usr/etc/zypp/zypp.conf.d/20-b.conf': '[main]\ngpgcheck=0\n',
    '/etc/zypp/zypp.conf.d/20-b.conf': '[main]\npkg_gpgcheck=1\n',
  });
  t.like(read, { gpgcheck: true, repoGpgcheck: false, pkgGpgcheck: true });
  t.is(read.entries.get('pkg_gpgcheck')?.path, '/etc/zypp/zypp.conf.d/20-b.conf');
});

test('/etc/zypp/zypp.conf replaces the vendor file', (t) => {
  const read = conf({
    '/usr/etc/zypp/zypp.conf': '[main]\ngpgcheck=0\n',
    '/etc/zypp/zypp.conf': '[main]\n',
  });
  t.true(read.gpgcheck);
});

test('ZYPP_CONF names the only file', (t) => {
  const read = conf(
    { '/etc/zypp/zypp.conf': '[main]\ngpgcheck=0\n', '/opt/z.conf': '[main]\nreposdir=/opt/r\n' },
    { ZYPP_CONF: '/opt/z.conf' },
  );
  t.like(read, { gpgcheck: true, reposdir: '/opt/r' });
});

test('a file libzypp cannot parse is a problem and is not applied', (t) => {
  const read = conf({ '/etc/zypp/zypp.conf': '[main]\ngpgcheck=0\njunk line\n' });
  t.true(read.gpgcheck);
  t.deepEqual(
    read.problems.map((problem) => `${problem.path}:${problem.line}`),
    ['/etc/zypp/zypp.conf:3'],
  );
});
