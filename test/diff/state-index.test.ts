import test from 'ava';

import { StateIndex } from '../../src/diff/state-index.js';
import type { Item } from '../../src/managers/types.js';
import { source } from '../helpers/items.js';

const index = (...states: Item[][]) =>
  new StateIndex(states.map((items) => ({ items, problems: [] })));

const a = source('a.example');
const aDisabled = source('a.example', { enabled: false });
const b = source('b.example');

test('length is the number of states', (t) => {
  t.is(index([], [a], [a]).length, 3);
});

test('hasExact and hasIdentity look at one layer', (t) => {
  const states = index([a], [aDisabled], []);

  t.true(states.hasExact(0, a));
  t.false(states.hasExact(1, a));
  t.true(states.hasIdentity(1, a), 'a version of it, by a shared match key');
  t.false(states.hasIdentity(2, a));
  t.false(states.hasExact(7, a), 'a layer out of range holds nothing');
});

test('introducedAt: the layer that first had the exact entry', (t) => {
  t.is(index([], [a], [a, b], [a, b]).introducedAt(a), 1);
  t.is(index([], [a], [a, b], [a, b]).introducedAt(b), 2);
});

test('introducedAt: a file rewritten around an unchanged entry keeps the earlier layer', (t) => {
  // The file gets a comment and a second line in layer 2; the entry for a.example stays the same.
  const states = index([], [a], [a, b]);

  t.is(states.introducedAt(a), 1);
});

test('introducedAt: an entry that changed form is attributed to the change', (t) => {
  const states = index([a], [a], [aDisabled], [aDisabled]);

  t.is(states.introducedAt(aDisabled), 2);
});

test('introducedAt: an entry removed and added again counts from its return', (t) => {
  const states = index([a], [], [a], [a]);

  t.is(states.introducedAt(a), 2);
});

test('introducedAt: an entry risks or match keys apart is the same entry', (t) => {
  const judged = source('a.example', {
    matchKeys: [],
    risks: [{ rule: 'plain-http', severity: 'low', message: 'http' }],
  });

  t.is(index([a], [judged]).introducedAt(a), 0);
});

test('introducedAt: null when the last state does not hold it', (t) => {
  t.is(index([a], []).introducedAt(a), null);
  t.is(index([], []).introducedAt(b), null);
});

test('introducedAt: up to an earlier layer', (t) => {
  const states = index([a], [], [a]);

  t.is(states.introducedAt(a, 0), 0);
  t.is(states.introducedAt(a, 1), null);
  t.is(states.introducedAt(a, 2), 2);
});

test('removedAt: the layer after the last that held the exact entry', (t) => {
  t.is(index([a], [a], [], []).removedAt(a), 2);
  t.is(index([a], [], [a], []).removedAt(a), 3, 'the last removal counts');
  t.is(index([a], [aDisabled], []).removedAt(a), 1, 'a rewrite already removed this exact entry');
});

test('removedAt: with no exact entry, after the last layer holding a version of it', (t) => {
  t.is(index([aDisabled], [aDisabled], []).removedAt(a), 2);
  t.is(index([aDisabled], [], [aDisabled], [b]).removedAt(a), 3);
});

test('removedAt: null when still there at the end, or never there', (t) => {
  t.is(index([a], [a]).removedAt(a), null);
  t.is(index([a], [], [a]).removedAt(a), null);
  t.is(index([aDisabled], [aDisabled]).removedAt(a), null);
  t.is(index([b], []).removedAt(a), null);
});
