import test from 'ava';
import type { ExecutionContext } from 'ava';

import { parseConfig } from '../../../src/managers/pacman/conf.js';
import { buildSettings, gpgDirOf } from '../../../src/managers/pacman/settings.js';
import type { JsonValue, Severity } from '../../../src/managers/types.js';
import { rootFromFiles } from '../../helpers/root.js';

const CONF = '/etc/pacman.conf';

function settingsOf(options: string) {
  const config = parseConfig(rootFromFiles({ [CONF]: `[options]\n${options}` }), CONF);
  return { config, settings: buildSettings(config) };
}

const setting = test.macro({
  exec(
    t: ExecutionContext,
    options: string,
    name: string,
    value: JsonValue,
    severity: Severity | null,
  ) {
    const found = settingsOf(options).settings.find((item) => item.name === name);
    t.deepEqual(found?.value, value);
    t.deepEqual(found?.risks.map((risk) => risk.severity)[0] ?? null, severity);
    t.is(found?.id, name);
    t.deepEqual(found?.matchKeys, [`pacman|setting|${name}`]);
  },
  title: (_given, options: string, name: string) => `${name} from ${JSON.stringify(options)}`,
});

test(
  setting,
  'XferCommand = /bin/a %u\nXferCommand = /bin/b %u %o\n',
  'XferCommand',
  '/bin/b %u %o',
  'medium',
);
test(setting, 'GPGDir = /etc/pacman.d/gnupg\n', 'GPGDir', '/etc/pacman.d/gnupg', null);
test(
  setting,
  'GPGDir = /tmp/keys\nGPGDir = /etc/pacman.d/gnupg/\n',
  'GPGDir',
  '/tmp/keys',
  'medium',
);
test(setting, 'HookDir = /etc/pacman.d/hooks/\n', 'HookDir', ['/etc/pacman.d/hooks/'], null);
test(
  setting,
  'HookDir = /etc/pacman.d/hooks/ /opt/hooks\n',
  'HookDir',
  ['/etc/pacman.d/hooks/', '/opt/hooks'],
  'medium',
);
test(setting, 'Architecture = x86_64 x86_64_v3\n', 'Architecture', ['x86_64', 'x86_64_v3'], null);
test(setting, 'IgnorePkg = linux\nIgnorePkg = glibc\n', 'IgnorePkg', ['linux', 'glibc'], null);
test(setting, 'DisableSandbox\n', 'DisableSandbox', true, 'low');
test(
  setting,
  'SigLevel = Required DatabaseOptional\n',
  'SigLevel',
  {
    package: 'required',
    packageTrust: 'trustedOnly',
    database: 'optional',
    databaseTrust: 'trustedOnly',
  },
  null,
);
test(
  setting,
  'SigLevel = Never\nLocalFileSigLevel = Optional\n',
  'LocalFileSigLevel',
  {
    package: 'optional',
    packageTrust: 'trustedOnly',
  },
  null,
);
test(
  setting,
  'SigLevel = Never\nRemoteFileSigLevel = DatabaseRequired\n',
  'RemoteFileSigLevel',
  {
    package: 'never',
    packageTrust: null,
  },
  'high',
);
test(
  setting,
  'RemoteFileSigLevel = Optional\n',
  'RemoteFileSigLevel',
  {
    package: 'optional',
    packageTrust: 'trustedOnly',
  },
  'medium',
);

test('only options that were set are reported', (t) => {
  t.deepEqual(settingsOf('Color\nCheckSpace\n').settings, []);
});

test('a setting names the file of its deciding line', (t) => {
  const config = parseConfig(
    rootFromFiles({
      [CONF]: '[options]\nInclude = /etc/pacman.d/x\n',
      '/etc/pacman.d/x': 'XferCommand = w\n',
    }),
    CONF,
  );
  t.is(buildSettings(config)[0]?.path, '/etc/pacman.d/x');
});

test('GPGDir: the first one wins, else the default', (t) => {
  t.is(gpgDirOf(settingsOf('GPGDir = /a\nGPGDir = /b\n').config), '/a');
  t.is(gpgDirOf(settingsOf('').config), '/etc/pacman.d/gnupg/');
});
