import test from 'ava';
import type { ExecutionContext } from 'ava';

import { readApkConfig } from '../../../src/managers/apk/config.js';
import type { JsonValue } from '../../../src/managers/types.js';
import { rootFromFiles } from '../../helpers/root.js';

const reads = test.macro({
  exec(
    t: ExecutionContext,
    line: string,
    expected: { name: string; value: JsonValue } | { error: string },
  ) {
    const config = readApkConfig(rootFromFiles({ '/etc/apk/config': `${line}\n` }), {});
    if ('error' in expected) {
      t.deepEqual(config?.options, []);
      t.is(config?.problems[0]?.message, `${expected.error}; apk ignores this line`);
      t.is(config?.problems[0]?.line, 1);
    } else {
      t.deepEqual(config?.options, [{ ...expected, line: 1 }]);
      t.deepEqual(config?.problems, []);
    }
  },
  title: (given, line: string) => given ?? `config line ${JSON.stringify(line)}`,
});

test(reads, 'allow-untrusted', { name: 'allow-untrusted', value: true });
test(reads, 'allow-untrusted # why not', { name: 'allow-untrusted', value: true });
test(reads, 'check-certificate no', { name: 'check-certificate', value: false });
test(reads, 'check-certificate yes', { name: 'check-certificate', value: true });
test(reads, 'no-check-certificate', { name: 'check-certificate', value: false });
test(reads, 'check-certificate', { name: 'check-certificate', value: true });
test(reads, 'interactive auto', { name: 'interactive', value: 'auto' });
test(reads, 'keys-dir /opt/keys', { name: 'keys-dir', value: '/opt/keys' });
test(reads, 'repository @x https://r/main', { name: 'repository', value: '@x https://r/main' });
test(reads, 'cache-dir  /var/cache', { name: 'cache-dir', value: ' /var/cache' });
test(reads, 'cache-dir /c#ache', { name: 'cache-dir', value: '/c' });
test(reads, 'allow-untr', { error: "unrecognized option 'allow-untr'" });
test(reads, '--allow-untrusted', { error: "unrecognized option '--allow-untrusted'" });
test(reads, 'allow-untrusted\t', { error: "unrecognized option 'allow-untrusted\t'" });
test(reads, 'Allow-Untrusted', { error: "unrecognized option 'Allow-Untrusted'" });
test(reads, 'allow-untrusted yes', {
  error: "option 'allow-untrusted' does not expect argument (got 'yes')",
});
test(reads, 'no-allow-untrusted', { error: "unrecognized option 'no-allow-untrusted'" });
test(reads, 'check-certificate off', {
  error: "invalid argument for option 'check-certificate': 'off'",
});
test('two spaces before the value', reads, 'check-certificate  no', {
  error: "invalid argument for option 'check-certificate': ' no'",
});
test(reads, 'no-check-certificate yes', {
  error: "option 'no-check-certificate' does not expect argument (got 'yes')",
});
test(reads, 'keys-dir', { error: "option 'keys-dir' expects an argument" });

test('comments and blank lines are skipped', (t) => {
  const config = readApkConfig(rootFromFiles({ '/etc/apk/config': '# c\n\n   \n#x y\n' }), {});
  t.deepEqual(config, { path: '/etc/apk/config', options: [], problems: [] });
});

test('/lib/apk/config is read only when /etc/apk/config does not exist', (t) => {
  const files = { '/lib/apk/config': 'allow-untrusted\n' };
  t.is(readApkConfig(rootFromFiles(files), {})?.path, '/lib/apk/config');
  t.is(
    readApkConfig(rootFromFiles({ ...files, '/etc/apk/config': '' }), {})?.path,
    '/etc/apk/config',
  );
});

test('APK_CONFIG names the file, with /lib/apk/config as fallback', (t) => {
  const files = {
    '/etc/apk/config': 'quiet\n',
    '/opt/apk.conf': 'verbose\n',
    '/lib/apk/config': 'purge\n',
  };
  t.is(readApkConfig(rootFromFiles(files), { APK_CONFIG: '/opt/apk.conf' })?.path, '/opt/apk.conf');
  t.is(readApkConfig(rootFromFiles(files), { APK_CONFIG: '/missing' })?.path, '/lib/apk/config');
});

test('no config file, no config', (t) => {
  t.is(readApkConfig(rootFromFiles({}), {}), undefined);
});
