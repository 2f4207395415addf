import test from 'ava';
import type { ExecutionContext } from 'ava';

import { StateIndex } from '../../src/diff/state-index.js';
import { findTransient } from '../../src/diff/transient.js';
import type { Item } from '../../src/managers/types.js';
import { inventory, source } from '../helpers/items.js';

const base = source('deb.example', { path: '/etc/apt/sources.list' });
const t1 = source('t.example');
const t1Changed = source('t.example', {
  fields: { types: ['deb'], suite: 'bookworm', components: ['main', 'contrib'] },
});
const other = source('o.example');

interface Expected {
  id: string;
  addedIn: number;
  removedIn: number;
}

const finds = test.macro({
  exec(
    t: ExecutionContext,
    states: Item[][],
    options: { fromLayer?: number; oldFinal?: Item[] },
    expected: Expected[],
  ) {
    const image = inventory(states);
    const found = findTransient(
      image,
      new StateIndex(image.states),
      options.fromLayer ?? 0,
      options.oldFinal ?? [],
    );

    t.deepEqual(
      found.map(({ item, addedIn, removedIn }) => ({ id: item.id, addedIn, removedIn })),
      expected,
    );
  },
  title: (given) => given ?? 'findTransient',
});

const T = t1.id;

test('added in layer 1, removed in layer 3', finds, [[base], [base, t1], [base, t1], [base]], {}, [
  { id: T, addedIn: 1, removedIn: 3 },
]);
test('removed by the last layer', finds, [[base], [base, t1], [base]], {}, [
  { id: T, addedIn: 1, removedIn: 2 },
]);
test('added and modified but kept', finds, [[base], [base, t1], [base, t1Changed]], {}, []);
test(
  'modified, then removed: reported once, from its first version',
  finds,
  [[base], [base, t1], [base, t1Changed], [base]],
  {},
  [{ id: t1Changed.id, addedIn: 1, removedIn: 3 }],
);
test('kept to the end', finds, [[base], [base, t1], [base, t1]], {}, []);
test('back in the final state', finds, [[base], [base, t1], [base], [base, t1]], {}, []);
test('two separate runs are two transients', finds, [[], [t1], [], [t1], [], [other]], {}, [
  { id: T, addedIn: 1, removedIn: 2 },
  { id: T, addedIn: 3, removedIn: 4 },
]);
test(
  'present in the old image: a removal, not a transient',
  finds,
  [[base], [base, t1], [base]],
  { oldFinal: [t1] },
  [],
);
test(
  'a version of it in the old image is enough',
  finds,
  [[base], [base, t1], [base]],
  { oldFinal: [t1Changed] },
  [],
);
test(
  'something else in the old image does not matter',
  finds,
  [[base], [base, t1], [base]],
  { oldFinal: [other, base] },
  [{ id: T, addedIn: 1, removedIn: 2 }],
);
test(
  'added before fromLayer: not reported',
  finds,
  [[base], [base, t1], [base, t1], [base]],
  { fromLayer: 2 },
  [],
);
test(
  'added at fromLayer: reported',
  finds,
  [[base], [base, t1], [base, t1], [base]],
  { fromLayer: 1 },
  [{ id: T, addedIn: 1, removedIn: 3 }],
);
test(
  'a run in the shared layers is judged by where it began',
  finds,
  [[t1], [t1], [], [base]],
  { fromLayer: 1 },
  [],
);
test('a single state has nothing transient', finds, [[t1]], {}, []);
test('no states at all', finds, [], {}, []);
