import test, { type ExecutionContext } from 'ava';

import { readAuthConf } from '../../../src/managers/apt/auth-conf.js';

const reads = test.macro({
  exec(t: ExecutionContext, text: string, expected: [string, Record<string, string>][]) {
    const settings = readAuthConf('/etc/apt/auth.conf', text);
    t.deepEqual(settings.map((setting) => [setting.name, setting.value]), expected);
    t.false(JSON.stringify(settings).includes('s3cret'), 'no password leaves the parser');
    t.false(JSON.stringify(settings).includes('alice'), 'no login leaves the parser');
  },
  title: (name = '') => `auth.conf: ${name}`,
});

test('one machine per line', reads, 'machine example.org login alice password s3cret\nmachine https://b.example/path login alice\n', [
  ['auth.conf machine example.org', { login: '***', password: '***' }],
  ['auth.conf machine https://b.example/path', { login: '***' }],
]);
test('tokens across lines and tabs', reads, 'machine\texample.org\nlogin alice\n  password s3cret\n', [['auth.conf machine example.org', { login: '***', password: '***' }]]);
test('tokens before any machine are ignored', reads, 'login alice password s3cret\n', []);
test('an empty file', reads, '', []);

test('identity and risk', (t) => {
  const [setting] = readAuthConf('/etc/apt/auth.conf.d/x.conf', 'machine http://Plain.Example login a password b\n');
  t.is(setting?.id, 'auth.conf machine http://Plain.Example');
  t.deepEqual(setting?.matchKeys, ['apt|setting|auth.conf machine http://plain.example']);
  t.is(setting?.risks[0]?.rule, 'credentials-in-uri');
  t.regex(setting?.risks[0]?.message ?? '', /plain text/);
});
