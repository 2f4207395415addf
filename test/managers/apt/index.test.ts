import test from 'ava';

import { apt } from '../../../src/managers/apt/index.js';
import { rootFromFiles } from '../../helpers/root.js';
import { generateKeys } from '../keys/gpg.js';
import { DEBIAN_12_SOURCES, DOCKER_CLEAN } from './fixtures.js';

const archive = generateKeys([{ userId: 'Debian Archive <ftpmaster@example.org>', algorithm: 'rsa2048' }]);
const vendor = generateKeys([{ userId: 'Vendor <vendor@example.org>', algorithm: 'ed25519' }]);

/** What the official debian:12 image ships under /etc/apt (plus the archive keyring). */
const DEBIAN_12 = {
  '/etc/apt/sources.list.d/debian.sources': DEBIAN_12_SOURCES,
  '/etc/apt/apt.conf.d/docker-clean': DOCKER_CLEAN,
  '/etc/apt/apt.conf.d/docker-gzip-indexes': 'Acquire::GzipIndexes "true";\n',
  '/etc/apt/trusted.gpg.d/debian-archive-bookworm-automatic.asc': archive.armored,
  '/usr/share/keyrings/debian-archive-keyring.gpg': archive.binary,
};

test('the manager names itself and what it watches', (t) => {
  t.is(apt.name, 'apt');
  t.deepEqual(apt.watch, ['/etc/apt/', '/usr/share/keyrings/']);
});

test('the stock Debian 12 image', (t) => {
  const state = apt.read(rootFromFiles(DEBIAN_12), { env: {} });
  t.deepEqual(state.problems, []);
  t.deepEqual(state.sources.map((source) => source.id), [
    'deb http://deb.debian.org/debian/ bookworm,bookworm-updates',
    'deb http://deb.debian.org/debian-security/ bookworm-security',
  ]);
  t.true(state.sources.every((source) => source.risks.length === 0 && source.enabled));
  t.deepEqual(state.settings.map((setting) => [setting.name, setting.risks.map((risk) => risk.severity)]), [
    ['DPkg::Post-Invoke', ['low']],
    ['APT::Update::Post-Invoke', ['low']],
  ]);
  t.deepEqual(state.keys.map((key) => [key.path, key.scope, key.fingerprints]), [
    ['/etc/apt/trusted.gpg.d/debian-archive-bookworm-automatic.asc', 'global', archive.fingerprints],
    ['/usr/share/keyrings/debian-archive-keyring.gpg', 'scoped', archive.fingerprints],
  ]);
});

test('a derived image that weakens everything', (t) => {
  const root = rootFromFiles({
    ...DEBIAN_12,
    '/etc/apt/sources.list.d/vendor.list': 'deb [trusted=yes signed-by=/etc/apt/keyrings/vendor.gpg] http://u:p@vendor.example/apt stable main\n',
    '/etc/apt/keyrings/vendor.gpg': vendor.binary,
    '/etc/apt/apt.conf.d/99insecure': 'Acquire::AllowInsecureRepositories "true";\nAcquire::http::Proxy "http://proxy.example:3128";\n',
    '/etc/apt/auth.conf.d/vendor.conf': 'machine vendor.example login bob password hunter2\n',
    '/etc/apt/preferences.d/vendor.pref': 'Package: *\nPin: origin vendor.example\nPin-Priority: 1001\n',
    '/etc/apt/sources.list.d/off.sources': 'Types: deb\nURIs: http://off.example/\nSuites: s\nComponents: c\nEnabled: no\nTrusted: yes\n',
  });
  const state = apt.read(root, { env: {} });
  t.deepEqual(state.problems, []);
  const vendorSource = state.sources.find((source) => source.path.endsWith('vendor.list'));
  t.deepEqual(vendorSource?.risks.map((risk) => `${risk.rule}:${risk.severity}`), ['trusted-source:critical', 'credentials-in-uri:low']);
  t.deepEqual(vendorSource?.uris, ['http://***@vendor.example/apt/']);
  const off = state.sources.find((source) => source.path.endsWith('off.sources'));
  t.deepEqual([off?.enabled, off?.risks[0]?.severity], [false, 'info']);
  t.true(state.keys.some((key) => key.path === '/etc/apt/keyrings/vendor.gpg' && key.scope === 'scoped'));
  const names = state.settings.map((setting) => setting.name);
  for (const name of ['Acquire::AllowInsecureRepositories', 'Acquire::http::Proxy', 'auth.conf machine vendor.example', 'preferences Package: * Pin: origin vendor.example']) {
    t.true(names.includes(name), name);
  }
  t.false(JSON.stringify(state).includes('hunter2'));
  t.false(JSON.stringify(state).includes('u:p@'));
});

test('relocated sources parts are followed', (t) => {
  const root = rootFromFiles({
    '/etc/apt/apt.conf.d/50move': 'Dir::Etc::SourceParts "/opt/hidden/";\n',
    '/opt/hidden/x.list': 'deb http://hidden.example/ s c\n',
    '/etc/apt/sources.list.d/ignored.list': 'deb http://stock.example/ s c\n',
  });
  const state = apt.read(root, { env: {} });
  t.deepEqual(state.sources.map((source) => source.path), ['/opt/hidden/x.list']);
  t.true(state.settings.some((setting) => setting.name === 'Dir::Etc::SourceParts' && setting.risks.length === 1));
});

test('APT_CONFIG from the image Env is read first', (t) => {
  const root = rootFromFiles({ '/opt/apt.conf': 'APT::Get::AllowUnauthenticated "true";\n' });
  const state = apt.read(root, { env: { APT_CONFIG: '/opt/apt.conf' } });
  t.deepEqual(state.settings.map((setting) => [setting.path, setting.name]), [['/opt/apt.conf', 'APT::Get::AllowUnauthenticated']]);
});

test('an inline Signed-By key becomes a scoped key', (t) => {
  const indented = vendor.armored.trimEnd().split('\n').map((line) => (line === '' ? ' .' : ` ${line}`)).join('\n');
  const root = rootFromFiles({ '/etc/apt/sources.list.d/v.sources': `Types: deb\nURIs: https://v.example/\nSuites: s\nComponents: c\nSigned-By:\n${indented}\n` });
  const state = apt.read(root, { env: {} });
  t.deepEqual(state.sources[0]?.signedBy, vendor.fingerprints);
  t.deepEqual(state.keys.map((key) => [key.scope, key.fingerprints]), [['scoped', vendor.fingerprints]]);
});

test('problems: a broken sources file, a syntax error, a missing keyring', (t) => {
  const root = rootFromFiles({
    '/etc/apt/sources.list': 'deb [signed-by=/etc/apt/keyrings/gone.gpg] http://a.example/ s c\n',
    '/etc/apt/sources.list.d/broken.list': 'deb http://b.example/\n',
    '/etc/apt/apt.conf.d/broken': 'A "1"\n',
  });
  const state = apt.read(root, { env: {} });
  t.deepEqual(state.sources.map((source) => source.path), ['/etc/apt/sources.list']);
  t.deepEqual(state.problems.map((problem) => problem.path).sort(), [
    '/etc/apt/apt.conf.d/broken',
    '/etc/apt/keyrings/gone.gpg',
    '/etc/apt/sources.list.d/broken.list',
  ]);
});

test('an empty image has nothing', (t) => {
  t.deepEqual(apt.read(rootFromFiles({}), { env: {} }), { sources: [], settings: [], keys: [], problems: [] });
});
