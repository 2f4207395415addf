import test from 'ava';
import type { ExecutionContext } from 'ava';

import { expand } from '../../../src/managers/apk/variables.js';
import type { Expansion } from '../../../src/managers/apk/variables.js';

const variables = new Map([
  ['a', 'alpha'],
  ['u', 'ünï'],
]);

const expands = test.macro({
  exec(t: ExecutionContext, text: string, expected: Expansion) {
    t.deepEqual(expand(text, variables), expected);
  },
  title: (_given, text: string) => `expands ${JSON.stringify(text)}`,
});

test(expands, 'no variables', { ok: true, text: 'no variables' });
test(expands, '${a}/${a}', { ok: true, text: 'alpha/alpha' });
test(expands, '$a and {a}', { ok: true, text: '$a and {a}' });
test(expands, '${a:3}', { ok: true, text: 'alp' });
test(expands, '${a:}', { ok: true, text: '' });
test(expands, '${a:99}', { ok: true, text: 'alpha' });
test(expands, '${u:2}', { ok: true, text: 'ü' });
test(expands, '${a:x}', { ok: false, error: "invalid length in '${a:x}'" });
test(expands, '${b}', { ok: false, error: 'undefined variable: b' });
test(expands, 'x${a', { ok: false, error: "unclosed variable reference in 'x${a'" });
