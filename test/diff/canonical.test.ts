import test from 'ava';
import type { ExecutionContext } from 'ava';

import {
  canonical,
  changedFields,
  sameIdentity,
  stableStringify,
} from '../../src/diff/canonical.js';
import type { Item, JsonValue, Source } from '../../src/managers/types.js';
import { key, setting, source } from '../helpers/items.js';

test('stableStringify sorts object keys at every depth', (t) => {
  t.is(
    stableStringify({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } }),
    '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
  );
  t.is(stableStringify(undefined), 'null');
});

test('canonical ignores matchKeys and risks', (t) => {
  const plain = source('a.example');
  const judged = source('a.example', {
    matchKeys: ['other'],
    risks: [{ rule: 'trusted-source', severity: 'critical', message: 'trusted=yes' }],
  });

  t.is(canonical(plain), canonical(judged));
  t.not(canonical(plain), canonical(source('a.example', { enabled: false })));
});

test('canonical does not depend on the order of object keys', (t) => {
  const a = source('a.example', { fields: { suite: 'bookworm', types: ['deb'] } });
  const b = source('a.example', { fields: { types: ['deb'], suite: 'bookworm' } });

  t.is(canonical(a), canonical(b));
});

const identity = test.macro({
  exec(t: ExecutionContext, a: Item, b: Item, expected: boolean) {
    t.is(sameIdentity(a, b), expected);
    t.is(sameIdentity(b, a), expected);
  },
  title: (given) => given ?? 'sameIdentity',
});

const base = source('a.example');
const moved = source('b.example', { path: '/etc/apt/sources.list.d/a.example.list' });
const swapped = (keys: string[]) => source('a.example', { matchKeys: keys });

test('the same entry', identity, base, swapped([]), true);
test('a shared key at the same rank', identity, base, moved, true);
const other = (keys: string[]) => source('b.example', { matchKeys: keys });
test('a shared key at another rank', identity, swapped(['x', 'y']), other(['y', 'x']), false);
test('another manager', identity, base, source('a.example', { manager: 'yum' }), false);
const same = { matchKeys: ['same'] };
test('another kind', identity, setting('k', 1, same), key('k', same), false);

const changes = test.macro({
  exec(t: ExecutionContext, before: Item, after: Item, expected: string[]) {
    t.deepEqual(changedFields(before, after), expected);
  },
  title: (given, _before, _after, expected: string[]) =>
    given ?? `changed: ${expected.join(', ') || 'nothing'}`,
});

// Versions of one source: only what the overrides say differs from `base`.
const edit = (overrides: Partial<Source>) => source('a.example', overrides);
const fields = (extra: Record<string, JsonValue>) => edit({ fields: { ...base.fields, ...extra } });
const proxied: Partial<Source> = {
  matchKeys: [],
  risks: [{ rule: 'proxy-configured', severity: 'high', message: 'p' }],
};

test(changes, base, edit({}), []);
test('risks and matchKeys are not changes', changes, base, edit(proxied), []);
test(changes, base, edit({ enabled: false }), ['enabled']);
test(changes, base, edit({ uris: ['https://a.example/debian'] }), ['uris']);
test(changes, base, edit({ signedBy: ['/usr/share/keyrings/a.gpg'] }), ['signedBy']);
test('fields are named one by one', changes, base, fields({ components: ['main', 'contrib'] }), [
  'components',
]);
test('a field added', changes, base, fields({ arch: ['amd64'] }), ['arch']);
test('a field dropped', changes, base, edit({ fields: { types: ['deb'], suite: 'bookworm' } }), [
  'components',
]);
test('names in order', changes, base, edit({ uris: [], enabled: false }), ['enabled', 'uris']);
test('the id is derived, so never named', changes, base, edit({ id: 'other' }), []);

test('a setting value', changes, setting('X', 'http://p:3128'), setting('X', 'http://q:3128'), [
  'value',
]);
const rekeyed = key('bb', { path: '/k.gpg', fingerprints: ['F00D'] });
test('a new key', changes, key('aa', { path: '/k.gpg' }), rekeyed, ['fingerprints', 'sha256']);
