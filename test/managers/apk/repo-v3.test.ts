import test from 'ava';
import type { ExecutionContext } from 'ava';

import type { RepoEntry } from '../../../src/managers/apk/model.js';
import { V3Parser } from '../../../src/managers/apk/repo-v3.js';
import type { V3Line } from '../../../src/managers/apk/repo-v3.js';

function parser(): V3Parser {
  const result = new V3Parser();
  result.define('APK_ARCH', 'x86_64');
  result.variables.set('mirror', 'https://m.example/alpine');
  return result;
}

const repo = (
  url: string,
  tag: string | null = null,
  type: RepoEntry['type'] = 'v2',
): RepoEntry => ({ tag, url, type });

const parses = test.macro({
  exec(t: ExecutionContext, line: string, expected: V3Line, keywords?: boolean) {
    t.deepEqual(parser().parse(line, keywords ?? true), expected);
  },
  title: (given, line: string) => given ?? `parses ${JSON.stringify(line)}`,
});

const repos = (...list: RepoEntry[]): V3Line => ({ kind: 'repos', repos: list });
const error = (message: string): V3Line => ({ kind: 'error', message });

test(
  parses,
  'https://dl-cdn.alpinelinux.org/alpine/v3.20/main',
  repos(repo('https://dl-cdn.alpinelinux.org/alpine/v3.20/main')),
);
test(parses, 'https://x/main///', repos(repo('https://x/main')));
test(parses, '/media/cdrom/apks', repos(repo('/media/cdrom/apks')));
test(parses, 'file:///srv/repo', repos(repo('file:///srv/repo')));
test(parses, '', { kind: 'skip' });
test(parses, '#https://x/main', { kind: 'skip' });
test(parses, '@edge https://x/edge/main', repos(repo('https://x/edge/main', 'edge')));
test(parses, '@edge\thttps://x/edge/main', repos(repo('https://x/edge/main', 'edge')));
test(parses, 'v3 https://x/os', repos(repo('https://x/os', null, 'v3')));
test(parses, 'v2 @t https://x/os', repos(repo('https://x/os', 't', 'v2')));
test(parses, 'ndx https://x/custom/index', repos(repo('https://x/custom/index', null, 'ndx')));
test(
  'an index file URL means ndx',
  parses,
  'https://x/os/x86_64/Packages.adb',
  repos(repo('https://x/os/x86_64/Packages.adb', null, 'ndx')),
);
test(parses, 'https://x/APKINDEX.tar.gz', repos(repo('https://x/APKINDEX.tar.gz', null, 'ndx')));
test(
  'components expand to url/component',
  parses,
  'v3 https://x/alpine/ main community',
  repos(repo('https://x/alpine/main', null, 'v3'), repo('https://x/alpine/community', null, 'v3')),
);
test(
  'components are split on spaces only',
  parses,
  'https://x a\tb',
  repos(repo('https://x/a\tb')),
);
test(
  'an inline comment becomes components',
  parses,
  'https://x/main # note',
  repos(repo('https://x/main/#'), repo('https://x/main/note')),
);
test(
  'variables in URL and components',
  parses,
  '${mirror}/v3.20 ${APK_ARCH}',
  repos(repo('https://m.example/alpine/v3.20/x86_64')),
);
test('length-limited variables', parses, '${mirror:10}x', repos(repo('https://m.x')));
test('a CR stays in the URL', parses, 'https://x/main\r', repos(repo('https://x/main\r')));
test('a set line', parses, 'set mirror=https://other', { kind: 'set' });

test(
  'leading blank',
  parses,
  ' https://x/main',
  error('syntax error: the line starts with a blank'),
);
test('only blanks', parses, '   ', error('syntax error: the line starts with a blank'));
test(
  'a URL without scheme',
  parses,
  'dl-cdn.alpinelinux.org/alpine/v3.20/main',
  error('unrecognized keyword: dl-cdn.alpinelinux.org/alpine/v3.20/main'),
);
test('a tag after the keyword only', parses, '@edge v3 https://x', error('invalid url: v3'));
test('a tag without URL', parses, '@edge', error('syntax error: no URL after the tag'));
test('a keyword without URL', parses, 'v3', error('syntax error: no URL after the keyword'));
test('an undefined variable', parses, '${nope}/main', error('undefined variable: nope'));
test(
  'an unclosed variable',
  parses,
  '${mirror/main',
  error("unclosed variable reference in '${mirror/main'"),
);
test('a variable that expands to no URL', parses, 'v2 ${APK_ARCH}', error('invalid url: x86_64'));

test(
  'command-line style lines take no keywords and need no URL shape',
  parses,
  'v3',
  repos(repo('v3')),
  false,
);

const sets = test.macro({
  exec(t: ExecutionContext, lines: string[], name: string, expected: string | undefined) {
    const p = parser();
    for (const line of lines) p.parse(line, true);
    t.is(p.variables.get(name), expected);
  },
  title: (_given, lines: string[]) => `set: ${lines.join(' ; ')}`,
});

test(sets, ['set a=1'], 'a', '1');
test(sets, ['set a=1', 'set a=2'], 'a', '2');
test(sets, ['set a=1', 'set -default a=2'], 'a', '1');
test(sets, ['set -default a=2'], 'a', '2');
test(sets, ['set a=x y  '], 'a', 'x y  ');
test(sets, ['set b=${mirror}/v3'], 'b', 'https://m.example/alpine/v3');
test(sets, ['set APK_ARCH=arm'], 'APK_ARCH', 'x86_64');
test(sets, ['set 1a=x'], '1a', undefined);
test(sets, ['set a b=x'], 'a b', undefined);

const rejects = test.macro({
  exec(t: ExecutionContext, line: string, message: string) {
    t.deepEqual(parser().parse(line, true), error(message));
  },
  title: (_given, line: string) => `rejects ${JSON.stringify(line)}`,
});

test(rejects, 'set APK_X=1', 'invalid variable definition: APK_X=1');
test(rejects, 'set novalue', 'invalid variable definition: novalue');
test(rejects, 'set -force a=1', 'invalid option: -force');
test(rejects, 'set a=${undefined}', 'undefined variable: undefined');
test(rejects, 'main', 'unrecognized keyword: main');
