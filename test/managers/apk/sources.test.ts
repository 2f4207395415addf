import test from 'ava';

import type { Defined } from '../../../src/managers/apk/repositories.js';
import { buildSources } from '../../../src/managers/apk/sources.js';

const R = '/etc/apk/repositories';
const define = (tag: string | null, url: string, type: Defined['type'] = 'v2'): Defined => ({
  tag,
  url,
  type,
  path: R,
  line: 1,
});

test('an untagged repository: id is the URL, keys are per file', (t) => {
  const [source] = buildSources(
    [define(null, 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main')],
    new Map(),
  );
  t.deepEqual(source, {
    kind: 'source',
    manager: 'apk',
    path: R,
    id: 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main',
    matchKeys: [
      `apk|${R}||https://dl-cdn.alpinelinux.org/alpine/v3.20/main`,
      `apk|${R}||*/main`,
      `apk|${R}|`,
    ],
    risks: [],
    uris: ['https://dl-cdn.alpinelinux.org/alpine/v3.20/main'],
    enabled: true,
    fields: { tag: null, url: 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main', type: 'v2' },
    signedBy: null,
  });
});

test('a tagged repository names its tag and the world entries that use it', (t) => {
  const [source] = buildSources(
    [define('edge', 'https://x/edge/main')],
    new Map([['edge', ['busybox@edge']]]),
  );
  t.is(source?.id, '@edge https://x/edge/main');
  t.is(source?.matchKeys[2], `apk|${R}|@edge`);
  t.deepEqual(source?.fields, {
    tag: 'edge',
    url: 'https://x/edge/main',
    type: 'v2',
    usedBy: ['busybox@edge'],
  });
});

test('credentials are redacted everywhere and noted', (t) => {
  const [source] = buildSources([define(null, 'https://user:token@apk.cgr.dev/org')], new Map());
  t.false(JSON.stringify(source).includes('token'));
  t.deepEqual(source?.uris, ['https://***@apk.cgr.dev/org']);
  t.deepEqual(
    source?.risks.map((risk) => [risk.rule, risk.severity]),
    [['credentials-in-uri', 'low']],
  );
});
