import test from 'ava';

import { apk } from '../../../src/managers/apk/index.js';
import type { FakeEntry } from '../../helpers/root.js';
import { rootFromFiles } from '../../helpers/root.js';

const installed = (version: string): string => `P:apk-tools\nV:${version}\n\n`;

function read(files: Record<string, FakeEntry>, env: Record<string, string> = {}) {
  return apk.read(rootFromFiles(files), { env });
}

test('watches /etc/apk/ and /lib/apk/', (t) => {
  t.is(apk.name, 'apk');
  t.deepEqual(apk.watch, ['/etc/apk/', '/lib/apk/']);
});

test('an image without apk reports nothing', (t) => {
  t.deepEqual(read({ '/etc/os-release': 'ID=debian' }), {
    sources: [],
    settings: [],
    keys: [],
    problems: [],
  });
});

test('Alpine 3.20 with apk 2: repositories, an edge tag used by world, keys and arch', (t) => {
  const state = read({
    '/lib/apk/db/installed': installed('2.14.4-r1'),
    '/etc/apk/repositories': [
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/main',
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/community',
      '@edge https://dl-cdn.alpinelinux.org/alpine/edge/main',
      '',
    ].join('\n'),
    '/etc/apk/world': 'alpine-base\nbusybox@edge\n',
    '/etc/apk/arch': 'x86_64\n',
    '/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub': 'key',
    '/etc/apk/config': 'allow-untrusted\n',
  });
  t.deepEqual(
    state.sources.map((source) => source.id),
    [
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/main',
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/community',
      '@edge https://dl-cdn.alpinelinux.org/alpine/edge/main',
    ],
  );
  t.deepEqual(state.sources[2]?.fields.usedBy, ['busybox@edge']);
  t.deepEqual(
    state.settings.map((setting) => setting.name),
    ['arch'],
    'apk 2 has no config file',
  );
  t.deepEqual(
    state.keys.map((key) => key.path),
    ['/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub'],
  );
  t.deepEqual(state.problems, []);
});

test('apk 3: a variable line in /etc redirects the distribution list in /lib', (t) => {
  const state = read({
    '/lib/apk/db/installed': installed('3.0.3-r0'),
    '/lib/apk/repositories.d/distribution.list': [
      'set -default distro_mirror=https://example.com/distro',
      'v3 ${distro_mirror} main community',
      '',
    ].join('\n'),
    '/etc/apk/repositories.d/00-vars.list': 'set distro_mirror=https://mirror.example.com/distro\n',
  });
  t.deepEqual(
    state.sources.map((source) => [source.path, source.uris[0], source.fields.type]),
    [
      ['/lib/apk/repositories.d/distribution.list', 'https://mirror.example.com/distro/main', 'v3'],
      [
        '/lib/apk/repositories.d/distribution.list',
        'https://mirror.example.com/distro/community',
        'v3',
      ],
    ],
  );
});

test('apk 3 config: allow-untrusted is critical, check-certificate no is high', (t) => {
  const state = read({
    '/lib/apk/db/installed': installed('3.0.3-r0'),
    '/etc/apk/config': 'allow-untrusted\ncheck-certificate no\nbogus\n',
  });
  t.deepEqual(
    state.settings.map((setting) => [setting.name, setting.risks.map((risk) => risk.severity)]),
    [
      ['allow-untrusted', ['critical']],
      ['check-certificate', ['high']],
    ],
  );
  t.deepEqual(
    state.problems.map((problem) => [problem.path, problem.line]),
    [['/etc/apk/config', 3]],
  );
});

test('the same inline comment reads differently in apk 2 and apk 3', (t) => {
  const line = 'https://x/alpine/main # mirror\n';
  const v2 = read({
    '/lib/apk/db/installed': installed('2.14.4-r1'),
    '/etc/apk/repositories': line,
  });
  const v3 = read({
    '/lib/apk/db/installed': installed('3.0.3-r0'),
    '/etc/apk/repositories': line,
  });
  t.deepEqual(
    v2.sources.map((source) => source.id),
    ['https://x/alpine/main # mirror'],
  );
  t.deepEqual(
    v3.sources.map((source) => source.id),
    ['https://x/alpine/main/#', 'https://x/alpine/main/mirror'],
  );
  t.is(v2.problems.length, 1);
  t.is(v3.problems.length, 1);
});

test('apk 3: repositories-file and keys-dir from the config are followed', (t) => {
  const state = read({
    '/lib/apk/db/installed': installed('3.0.3-r0'),
    '/etc/apk/config': 'repositories-file /srv/repos\nkeys-dir /srv/keys\n',
    '/etc/apk/repositories': 'https://ignored\n',
    '/srv/repos': 'https://used\n',
    '/etc/apk/keys/a.pub': 'a',
    '/srv/keys/b.pub': 'b',
  });
  t.deepEqual(
    state.sources.map((source) => [source.path, source.id]),
    [['/srv/repos', 'https://used']],
  );
  t.deepEqual(
    state.keys.map((key) => key.path),
    ['/srv/keys/b.pub'],
  );
});

test('apk 3: a missing repositories-file leaves apk without repositories', (t) => {
  const state = read({
    '/lib/apk/db/installed': installed('3.0.3-r0'),
    '/etc/apk/config': 'repositories-file /srv/none\n',
    '/etc/apk/repositories': 'https://ignored\n',
  });
  t.deepEqual(state.sources, []);
  t.regex(state.problems[0]?.message ?? '', /repositories-file \/srv\/none cannot be read/);
});

test('apk 3: APK_CONFIG from the image environment and the arch option feed APK_ARCH', (t) => {
  const state = read(
    {
      '/lib/apk/db/installed': installed('3.0.3-r0'),
      '/etc/apk/arch': 'x86_64\n',
      '/opt/apk/config': 'arch aarch64\nrepository-config https://r/${APK_ARCH}\n',
    },
    { APK_CONFIG: '/opt/apk/config' },
  );
  t.deepEqual(
    state.sources.map((source) => [source.path, source.id]),
    [['/opt/apk/config', 'https://r/aarch64']],
  );
});
