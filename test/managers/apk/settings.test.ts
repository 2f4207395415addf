import test from 'ava';
import type { ExecutionContext } from 'ava';

import { readApkConfig } from '../../../src/managers/apk/config.js';
import { buildConfigSettings } from '../../../src/managers/apk/settings.js';
import type { JsonValue, RuleId, Severity } from '../../../src/managers/types.js';
import { rootFromFiles } from '../../helpers/root.js';

function settings(text: string) {
  const config = readApkConfig(rootFromFiles({ '/etc/apk/config': text }), {});
  return config === undefined ? [] : buildConfigSettings(config);
}

const judges = test.macro({
  exec(
    t: ExecutionContext,
    text: string,
    name: string,
    value: JsonValue,
    risk: [RuleId, Severity] | null,
  ) {
    const found = settings(text).find((setting) => setting.name === name);
    t.deepEqual(found?.value, value);
    t.deepEqual(found?.risks.map((r) => [r.rule, r.severity])[0] ?? null, risk);
    t.deepEqual(found?.matchKeys, [`apk|setting|${name}`]);
  },
  title: (_given, text: string) => `setting from ${JSON.stringify(text)}`,
});

test(judges, 'allow-untrusted\n', 'allow-untrusted', true, [
  'signature-check-disabled',
  'critical',
]);
test(judges, 'check-certificate no\n', 'check-certificate', false, ['tls-verify-disabled', 'high']);
test(judges, 'no-check-certificate\ncheck-certificate yes\n', 'check-certificate', true, null);
test(judges, 'keys-dir /opt/keys\n', 'keys-dir', '/opt/keys', ['insecure-setting', 'medium']);
test(judges, 'repositories-file /srv/r\n', 'repositories-file', '/srv/r', [
  'insecure-setting',
  'medium',
]);
test(judges, 'uvol-manager /bin/lvm\n', 'uvol-manager', '/bin/lvm', [
  'code-execution-hook',
  'medium',
]);
test(judges, 'force-overwrite\n', 'force-overwrite', true, ['insecure-setting', 'low']);
test(judges, 'arch x86_64\narch x86\n', 'arch', ['x86_64', 'x86'], null);
test(judges, 'no-cache\n', 'cache', false, null);

test('repository options are sources, not settings', (t) => {
  t.deepEqual(settings('repository https://x\nrepository-config v3 https://y\n'), []);
});
