import test from 'ava';
import type { ExecutionContext } from 'ava';

import type { RepoEntry } from '../../../src/managers/apk/model.js';
import { parseV2Line, v2Warning } from '../../../src/managers/apk/repo-v2.js';

const parses = test.macro({
  exec(t: ExecutionContext, line: string, tag: string | null, url: string | null, warns: boolean) {
    const entry = parseV2Line(line);
    const expected: RepoEntry | null = url === null ? null : { tag, url, type: 'v2' };
    t.deepEqual(entry, expected);
    t.is(entry !== null && v2Warning(entry) !== undefined, warns);
  },
  title: (_given, line: string) => `apk 2 reads ${JSON.stringify(line)}`,
});

test(
  parses,
  'https://dl-cdn.alpinelinux.org/alpine/v3.19/main',
  null,
  'https://dl-cdn.alpinelinux.org/alpine/v3.19/main',
  false,
);
test(parses, '', null, null, false);
test(parses, '#https://x', null, null, false);
test(parses, ' #https://x', null, ' #https://x', true);
test(parses, '@edge https://x/edge', 'edge', 'https://x/edge', false);
test(parses, '@edge\t https://x/edge', 'edge', 'https://x/edge', false);
test(parses, '@edge:https://x/edge', 'edge', 'https://x/edge', false);
test(parses, '@edge', 'edge', '', true);
test(parses, 'https://x/main # comment', null, 'https://x/main # comment', true);
test(parses, 'https://x/main\r', null, 'https://x/main\r', true);
test(parses, 'https://x/main  ', null, 'https://x/main  ', true);
test(parses, 'v3 https://x/os', null, 'v3 https://x/os', true);
test(parses, '${mirror}/main', null, '${mirror}/main', false);
