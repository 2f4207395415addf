import test from 'ava';

import {
  readArchFile,
  readCommitHooks,
  readTlsFiles,
} from '../../../src/managers/apk/files-settings.js';
import { rootFromFiles } from '../../helpers/root.js';

test('ca.pem of its own is a high risk; one that is the system bundle is not', (t) => {
  const own = readTlsFiles(rootFromFiles({ '/etc/apk/ca.pem': 'PEM' }));
  t.deepEqual(
    own.map((setting) => [setting.name, setting.risks.map((risk) => risk.severity)]),
    [['ca.pem', ['high']]],
  );

  const linked = readTlsFiles(
    rootFromFiles({
      '/etc/apk/ca.pem': { symlink: '../ssl/certs/ca-certificates.crt' },
      '/etc/ssl/certs/ca-certificates.crt': 'bundle',
    }),
  );
  t.deepEqual(linked[0]?.risks, []);
  t.like(linked[0]?.value, { realPath: '/etc/ssl/certs/ca-certificates.crt' });
});

test('a client key is noted, crl.pem and cert.pem are only listed', (t) => {
  const settings = readTlsFiles(
    rootFromFiles({ '/etc/apk/crl.pem': 'c', '/etc/apk/cert.pem': 'p', '/etc/apk/cert.key': 'k' }),
  );
  t.deepEqual(
    settings.map((setting) => [setting.name, setting.risks.length]),
    [
      ['crl.pem', 0],
      ['cert.pem', 0],
      ['cert.key', 1],
    ],
  );
});

test('/etc/apk/arch lists architectures, the first one is used', (t) => {
  const arch = readArchFile(rootFromFiles({ '/etc/apk/arch': 'aarch64\n\nx86_64\n' }));
  t.deepEqual(arch?.setting.value, ['aarch64', 'x86_64']);
  t.is(arch?.first, 'aarch64');
  t.is(readArchFile(rootFromFiles({})), undefined);
});

test('commit hooks: one setting per script; apk 3 also reads /lib, /etc hiding the same name', (t) => {
  const root = rootFromFiles({
    '/etc/apk/commit_hooks.d/a.sh': 'etc',
    '/lib/apk/commit_hooks.d/a.sh': 'lib',
    '/lib/apk/commit_hooks.d/b.sh': 'lib',
    '/etc/apk/commit_hooks.d/.hidden': 'x',
  });
  t.deepEqual(
    readCommitHooks(root, 3).map((setting) => setting.id),
    ['/etc/apk/commit_hooks.d/a.sh', '/lib/apk/commit_hooks.d/b.sh'],
  );
  t.deepEqual(
    readCommitHooks(root, 2).map((setting) => setting.id),
    ['/etc/apk/commit_hooks.d/a.sh'],
  );
  t.deepEqual(
    readCommitHooks(root, 2)[0]?.risks.map((risk) => risk.rule),
    ['code-execution-hook'],
  );
});
