import test, { type ExecutionContext } from 'ava';

import { optionsToJson, splitSignedBy } from '../../../src/managers/apt/options.js';

const signedBy = test.macro({
  exec(t: ExecutionContext, value: string | undefined, expected: unknown) {
    t.deepEqual(splitSignedBy(value), expected);
  },
  title: (_name, value: string | undefined) => `Signed-By ${JSON.stringify(value)}`,
});

test(signedBy, undefined, null);
test(signedBy, '', null);
test(signedBy, '/usr/share/keyrings/a.gpg', ['/usr/share/keyrings/a.gpg']);
test(signedBy, '/a.gpg,/b.asc', ['/a.gpg', '/b.asc']);
test(signedBy, ' /a.gpg\n /b.asc ', ['/a.gpg', '/b.asc']);
test(signedBy, '0123456789abcdef0123456789abcdef01234567', ['0123456789ABCDEF0123456789ABCDEF01234567']);
test(signedBy, '0123456789ABCDEF0123456789ABCDEF01234567!', ['0123456789ABCDEF0123456789ABCDEF01234567!']);
test(signedBy, 'keys/a.gpg', { error: 'Invalid value set for option Signed-By (keys/a.gpg: not a fingerprint)' });
test(signedBy, 'ABCDEF', { error: 'Invalid value set for option Signed-By (ABCDEF: not a fingerprint)' });

test('options become JSON with lists split and keys sorted', (t) => {
  const options = new Map([['trusted', 'yes'], ['arch', 'amd64,arm64'], ['signed-by', '/k.gpg'], ['lang-', 'de']]);
  const json = optionsToJson(options, ['/k.gpg']);
  t.deepEqual(json, { arch: ['amd64', 'arm64'], 'lang-': ['de'], 'signed-by': ['/k.gpg'], trusted: 'yes' });
  t.deepEqual(Object.keys(json), ['arch', 'lang-', 'signed-by', 'trusted']);
});
