import test from 'ava';
import type { ExecutionContext } from 'ava';

import { readApkConfig } from '../../../src/managers/apk/config.js';
import type { ApkMajor } from '../../../src/managers/apk/model.js';
import { collectRepositories } from '../../../src/managers/apk/repositories.js';
import type { FakeEntry } from '../../helpers/root.js';
import { rootFromFiles } from '../../helpers/root.js';

function collect(
  major: ApkMajor,
  files: Record<string, FakeEntry>,
  arch: string | null = 'x86_64',
) {
  const root = rootFromFiles(files);
  const config = major === 3 ? readApkConfig(root, {}) : undefined;
  const paths = Object.keys(files).filter((path) => !path.endsWith('/config'));
  return collectRepositories(root, major, paths, config, arch);
}

type Row = [string | null, string, number];

const collects = test.macro({
  exec(
    t: ExecutionContext,
    major: ApkMajor,
    files: Record<string, FakeEntry>,
    expected: Row[],
    problems: number[],
  ) {
    const result = collect(major, files);
    t.deepEqual(
      result.repos.map((repo) => [repo.tag, repo.url, repo.line]),
      expected,
    );
    t.deepEqual(
      result.problems.map((problem) => problem.line),
      problems,
    );
  },
  title: (given) => given ?? '',
});

const R = '/etc/apk/repositories';

test(
  'apk 2: a repeated URL is added once; another tag on it is a line of its own',
  collects,
  2,
  {
    [R]: 'https://x/main\nhttps://x/main\n@t https://x/main\n@t https://x/main\n',
  },
  [
    [null, 'https://x/main', 1],
    ['t', 'https://x/main', 3],
  ],
  [],
);

test(
  'apk 2: odd lines are kept as apk keeps them and noted',
  collects,
  2,
  {
    [R]: 'https://x/main # c\n  https://y\n',
  },
  [
    [null, 'https://x/main # c', 1],
    [null, '  https://y', 2],
  ],
  [1, 2],
);

test(
  'apk 3: a bad line ends the file, earlier lines stay',
  collects,
  3,
  {
    [R]: 'https://x/main\n main\nhttps://y/after\n',
    '/etc/apk/repositories.d/a.list': 'https://z/next-file\n',
  },
  [
    [null, 'https://x/main', 1],
    [null, 'https://z/next-file', 1],
  ],
  [2],
);

test(
  'apk 3: an undefined variable ends the file',
  collects,
  3,
  {
    [R]: '${mirror}/main\nhttps://y\n',
  },
  [],
  [1],
);

test(
  'apk 3: variables carry over to later files and -default does not override',
  collects,
  3,
  {
    '/etc/apk/repositories.d/00-vars.list': 'set distro_mirror=https://mirror.example.com/distro\n',
    '/lib/apk/repositories.d/distribution.list': [
      'set -default distro_mirror=https://example.com/distro',
      'v3 ${distro_mirror} main community',
      '',
    ].join('\n'),
  },
  [
    [null, 'https://mirror.example.com/distro/main', 2],
    [null, 'https://mirror.example.com/distro/community', 2],
  ],
  [],
);

test(
  'apk 3: same URL as v2 and v3 index are two repositories',
  collects,
  3,
  {
    [R]: 'https://x/os\nv3 https://x/os\nv2 https://x/os/\n',
  },
  [
    [null, 'https://x/os', 1],
    [null, 'https://x/os', 2],
  ],
  [],
);

test(
  'apk 3: an inline comment is noted',
  collects,
  3,
  {
    [R]: 'https://x/main # mirror\n',
  },
  [
    [null, 'https://x/main/#', 1],
    [null, 'https://x/main/mirror', 1],
  ],
  [1],
);

test(
  'apk 3: APK_ARCH',
  collects,
  3,
  {
    [R]: 'https://x/${APK_ARCH}/main\n',
  },
  [[null, 'https://x/x86_64/main', 1]],
  [],
);

test('apk 3: without a known architecture APK_ARCH stays as written', (t) => {
  const result = collect(3, { [R]: 'https://x/${APK_ARCH}\n' }, null);
  t.deepEqual(
    result.repos.map((repo) => repo.url),
    ['https://x/${APK_ARCH}'],
  );
});

test('stops reading a file after 32 repositories (31 for apk 2)', (t) => {
  const lines = Array.from({ length: 40 }, (_, index) => `https://x/r${index}`).join('\n');
  for (const [major, limit] of [
    [2, 31],
    [3, 32],
  ] as const) {
    const result = collect(major, { [R]: `${lines}\n` });
    t.is(result.repos.length, limit);
    t.deepEqual(
      result.problems.map((problem) => problem.line),
      [limit + 1],
    );
  }
});

test('apk 3: config repository lines come first; repository takes no keywords', (t) => {
  const result = collect(3, {
    '/etc/apk/config':
      'repository @local /srv/local\nrepository-config v3 https://c/os\nrepository set x=1\n',
    [R]: 'https://x/main\n',
  });
  t.deepEqual(
    result.repos.map((repo) => [repo.path, repo.tag, repo.url, repo.type]),
    [
      ['/etc/apk/config', 'local', '/srv/local', 'v2'],
      ['/etc/apk/config', null, 'https://c/os', 'v3'],
      ['/etc/apk/config', null, 'set/x=1', 'v2'],
      [R, null, 'https://x/main', 'v2'],
    ],
  );
});

test('a repositories file cut at the read cap is noted', (t) => {
  const root = rootFromFiles({ [R]: 'https://x/main\n' });
  const capped = {
    ...root,
    readFile: (path: string) => {
      const file = root.readFile(path);
      return file === undefined ? undefined : { ...file, truncated: true };
    },
  };
  const result = collectRepositories(capped, 2, [R], undefined, null);
  t.is(result.repos.length, 1);
  t.regex(result.problems[0]?.message ?? '', /larger than the read cap/);
});
