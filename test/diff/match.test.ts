import test from 'ava';
import type { ExecutionContext } from 'ava';

import { pairItems, type Pairing } from '../../src/diff/match.js';
import type { Item, Source } from '../../src/managers/types.js';
import { key, setting, source } from '../helpers/items.js';

/** A pairing in one line: `a=a` unchanged, `a~b` modified, `-a` removed, `+b` added. */
function summary(pairing: Pairing): string {
  return [
    ...pairing.unchanged.map(([a, b]) => `${a.id}=${b.id}`),
    ...pairing.modified.map(([a, b]) => `${a.id}~${b.id}`),
    ...pairing.removed.map((item) => `-${item.id}`),
    ...pairing.added.map((item) => `+${item.id}`),
  ].join(' ');
}

const pairs = test.macro({
  exec(t: ExecutionContext, before: Item[], after: Item[], expected: string) {
    const pairing = pairItems(before, after);
    const paired = pairing.unchanged.length + pairing.modified.length;

    t.is(summary(pairing), expected);
    t.is(paired + pairing.removed.length, before.length, 'every old item is used once');
    t.is(paired + pairing.added.length, after.length, 'every new item is used once');
  },
  title: (given, _before, _after, expected: string) =>
    `${given ?? 'pairs'}: ${expected || '(none)'}`,
});

/** A source with id `id` and the space-separated match keys; otherwise all alike. */
const s = (id: string, keys: string, overrides: Partial<Source> = {}): Source =>
  source('a.example', { id, matchKeys: keys.split(' ').filter(Boolean), ...overrides });

const proxied: Partial<Source> = {
  risks: [{ rule: 'proxy-configured', severity: 'high', message: 'p' }],
};

const disabled: Partial<Source> = { enabled: false };
const [a, b] = [s('a', 'ka'), s('b', 'kb')];

test('equal items, in any order', pairs, [a, b], [{ ...b }, { ...a }], 'a=a b=b');
test('risks and match keys are no change', pairs, [s('a', 'k1')], [s('a', 'k2', proxied)], 'a=a');
test('an exact match first', pairs, [s('a', 'k'), s('b', 'k')], [s('b', 'k')], 'b=b -a');
test('duplicates pair one to one', pairs, [s('a', 'k'), s('a', 'k')], [s('a', 'k')], 'a=a -a');
test('a shared first key', pairs, [s('old', 'f:s f')], [s('new', 'f:s f', disabled)], 'old~new');
test('a shared second key', pairs, [s('old', 'f:bookworm f')], [s('new', 'f:trixie f')], 'old~new');
test(
  'the most specific key wins',
  pairs,
  [s('old', 'f:bookworm f')],
  [s('same-file', 'f:trixie f'), s('same-suite', 'f:bookworm g')],
  'old~same-suite +same-file',
);
// Item by item, `x` would take `q` by the shared second key before `y` could claim it by its first.
test(
  'ranks are matched one at a time across all items',
  pairs,
  [s('x', 'x shared'), s('y', 'y shared')],
  [s('q', 'y shared'), s('p', 'p shared')],
  'y~q x~p',
);
test('a key at another rank', pairs, [s('a', 'one two')], [s('b', 'two one')], '-a +b');
test('another manager', pairs, [s('a', 'k')], [s('b', 'k', { manager: 'yum' })], '-a +b');
test(
  'another kind does not pair',
  pairs,
  [setting('s', 1, { id: 'a', matchKeys: ['k'] })],
  [key('aa', { id: 'b', matchKeys: ['k'] })],
  '-a +b',
);
test('items without keys', pairs, [s('a', '')], [s('b', '')], '-a +b');
test('nothing before', pairs, [], [s('a', 'k')], '+a');
test('nothing after', pairs, [s('a', 'k')], [], '-a');
test('nothing at all', pairs, [], [], '');

test('the pairs hold the original objects', (t) => {
  const before = s('old', 'k');
  const after = s('new', 'k');
  const pairing = pairItems([before], [after]);

  t.is(pairing.modified[0]?.[0], before);
  t.is(pairing.modified[0]?.[1], after);
});
