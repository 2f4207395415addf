import test from 'ava';
import type { ExecutionContext } from 'ava';

import { parseConfig } from '../../../src/managers/pacman/conf.js';
import type { FakeEntry } from '../../helpers/root.js';
import { rootFromFiles } from '../../helpers/root.js';

const CONF = '/etc/pacman.conf';
const HEAD = '[options]\nArchitecture = x86_64\n';

function parse(files: Record<string, FakeEntry>) {
  return parseConfig(rootFromFiles(files), CONF);
}

interface Expected {
  path?: string;
  line: number | null;
  includes: string;
}

/** Malformed input: pacman stops at the first error, so does the parser, naming file and line. */
const refuses = test.macro({
  exec(t: ExecutionContext, files: Record<string, FakeEntry>, expected: Expected) {
    const config = parse(files);
    t.true(config.failed);
    const last = config.problems.at(-1);
    t.is(last?.path, expected.path ?? CONF);
    t.is(last?.line, expected.line);
    t.true(last?.message.includes(expected.includes), last?.message);
    t.true(last?.message.endsWith('pacman refuses to run with this configuration'));
  },
  title: (given) => `refuses ${given ?? ''}`,
});

test(
  'a directive before any section',
  refuses,
  { [CONF]: 'SigLevel = Never\n' },
  {
    line: 1,
    includes: 'must belong to a section',
  },
);
test(
  'a missing Include, reported at the Include line',
  refuses,
  { [CONF]: `${HEAD}[core]\nInclude = /etc/x\n` },
  {
    line: 4,
    includes: 'config file /etc/x could not be read',
  },
);
test(
  'a dangling symlink as Include',
  refuses,
  {
    [CONF]: `${HEAD}Include = /etc/pacman.d/*\n`,
    '/etc/pacman.d/gone': { symlink: '/nowhere' },
  },
  { line: 3, includes: 'config file /etc/pacman.d/gone could not be read' },
);
test(
  'an error inside an included file, with that file and line',
  refuses,
  {
    [CONF]: `${HEAD}Include = /etc/pacman.d/inc\n`,
    '/etc/pacman.d/inc': '[x]\n\nSigLevel = Maybe\n',
  },
  { path: '/etc/pacman.d/inc', line: 3, includes: "invalid value for 'SigLevel' : 'Maybe'" },
);
test(
  'an invalid LocalFileSigLevel',
  refuses,
  { [CONF]: `${HEAD}LocalFileSigLevel = Optional Trust\n` },
  {
    line: 3,
    includes: "'Trust'",
  },
);
test(
  'an invalid CleanMethod',
  refuses,
  { [CONF]: `${HEAD}CleanMethod = KeepAll\n` },
  {
    line: 3,
    includes: "'KeepAll'",
  },
);
test(
  'ParallelDownloads that is not a number',
  refuses,
  { [CONF]: `${HEAD}ParallelDownloads = 5x\n` },
  {
    line: 3,
    includes: 'ParallelDownloads',
  },
);
test(
  'Usage with a lower-case word',
  refuses,
  { [CONF]: `${HEAD}[core]\nUsage = sync\n` },
  {
    line: 4,
    includes: "'Usage' option 'sync'",
  },
);
test(
  'CacheServer without value',
  refuses,
  { [CONF]: `${HEAD}[core]\nCacheServer\n` },
  {
    line: 4,
    includes: "directive 'CacheServer' needs a value",
  },
);
test('an include chain deeper than ten', refuses, chain(11), {
  path: '/etc/pacman.d/c10',
  line: 1,
  includes: 'deeper than 10',
});

function chain(depth: number): Record<string, FakeEntry> {
  const files: Record<string, FakeEntry> = { [CONF]: `${HEAD}Include = /etc/pacman.d/c1\n` };
  for (let level = 1; level <= depth; level += 1) {
    files[`/etc/pacman.d/c${level}`] =
      level < depth ? `Include = /etc/pacman.d/c${level + 1}\n` : '[deep]\n';
  }
  return files;
}

test('stops reading at the first error', (t) => {
  const config = parse({ [CONF]: `${HEAD}[a]\nServer\n[b]\n` });
  t.deepEqual(
    config.repos.map((repo) => repo.name),
    ['a'],
  );
});

test('unknown directives are warnings and reading goes on', (t) => {
  const config = parse({
    [CONF]: `${HEAD}Colour\nColor = yes\n[core]\nMirror = x\nServer = http://a\n`,
  });
  t.false(config.failed);
  t.deepEqual(
    config.problems.map((p) => [p.line, p.message]),
    [
      [3, "directive 'Colour' in section 'options' not recognized; pacman ignores it"],
      [4, "directive 'Color' in section 'options' not recognized; pacman ignores it"],
      [6, "directive 'Mirror' in section 'core' not recognized; pacman ignores it"],
    ],
  );
  t.deepEqual(config.repos[0]?.servers, ['http://a']);
});

test('directive names are case-sensitive', (t) => {
  const config = parse({ [CONF]: `${HEAD}[core]\nserver = http://a\n` });
  t.deepEqual(config.repos[0]?.servers, []);
  t.is(config.problems.length, 1);
});

test('a repository records the Include values written inside it', (t) => {
  const config = parse({
    [CONF]: `${HEAD}Include = /etc/pacman.d/none*\n[core]\nInclude = /etc/pacman.d/mirrorlist\n`,
    '/etc/pacman.d/none-yet': '',
    '/etc/pacman.d/mirrorlist': 'Server = http://m/$repo\n',
  });
  t.deepEqual(config.repos[0]?.includes, ['/etc/pacman.d/mirrorlist']);
  t.deepEqual(config.repos[0]?.servers, ['http://m/$repo']);
});

test('a section opened by an included file stays current after the Include', (t) => {
  const config = parse({
    [CONF]: `${HEAD}[core]\nInclude = /etc/pacman.d/x\nServer = http://after\n`,
    '/etc/pacman.d/x': '[extra]\n',
  });
  t.deepEqual(
    config.repos.map((repo) => [repo.name, repo.path, repo.servers]),
    [
      ['core', CONF, []],
      ['extra', '/etc/pacman.d/x', ['http://after']],
    ],
  );
});

test('a relative Include is read from / and noted', (t) => {
  const config = parse({
    [CONF]: `${HEAD}[core]\nInclude = etc/mirrors\n`,
    '/etc/mirrors': 'Server = http://r\n',
  });
  t.false(config.failed);
  t.deepEqual(config.repos[0]?.servers, ['http://r']);
  t.regex(config.problems[0]?.message ?? '', /relative Include 'etc\/mirrors'/);
});

test('CacheServer is kept apart from Server', (t) => {
  const config = parse({
    [CONF]: `${HEAD}[core]\nCacheServer = http://cache\nServer = http://s\n`,
  });
  t.deepEqual(config.repos[0]?.servers, ['http://s']);
  t.deepEqual(config.repos[0]?.cacheServers, ['http://cache']);
});

test('[options] lines are kept in file order, across includes', (t) => {
  const config = parse({
    [CONF]: `${HEAD}Include = /etc/pacman.d/o\nXferCommand = b\n`,
    '/etc/pacman.d/o': 'XferCommand = a\n',
  });
  t.deepEqual(
    config.options.map((option) => [option.key, option.value, option.path, option.line]),
    [
      ['Architecture', 'x86_64', CONF, 2],
      ['XferCommand', 'a', '/etc/pacman.d/o', 1],
      ['XferCommand', 'b', CONF, 4],
    ],
  );
});

test('a file cut at the read cap is read as far as it goes, and noted', (t) => {
  const root = rootFromFiles({ [CONF]: `${HEAD}[core]\nServer = http://a\n` });
  const capped = { ...root, readFile: (path: string) => cut(root.readFile(path)) };
  const config = parseConfig(capped, CONF);
  t.deepEqual(config.repos[0]?.servers, ['http://a']);
  t.deepEqual(config.problems.map((p) => [p.path, p.line]), [[CONF, null]]);
});

function cut<T extends { truncated: boolean }>(file: T | undefined): T | undefined {
  return file === undefined ? undefined : { ...file, truncated: true };
}
