import test, { type ExecutionContext } from 'ava';

import { readPreferences } from '../../../src/managers/apt/preferences.js';
import type { JsonValue } from '../../../src/managers/types.js';

/** [value, risk severities] per record. */
const pins = test.macro({
  exec(t: ExecutionContext, text: string, expected: [JsonValue, string[]][]) {
    const { settings, problems } = readPreferences('/etc/apt/preferences.d/x', text);
    t.deepEqual(problems, []);
    t.deepEqual(settings.map((setting) => [setting.value, setting.risks.map((risk) => risk.severity)]), expected);
  },
  title: (name = '') => `pins ${name}`,
});

test('the nginx example (900: no risk)', pins, 'Package: *\nPin: origin nginx.org\nPin: release o=nginx\nPin-Priority: 900\n', [
  [{ package: '*', pin: 'release o=nginx', priority: 900 }, []],
]);
test('a third-party origin above the distribution', pins, 'Package: *\nPin: origin evil.example\nPin-Priority: 1001\n', [
  [{ package: '*', pin: 'origin evil.example', priority: 1001 }, ['high']],
]);
test('a third-party release at 990', pins, 'Explanation: x\nPackage: *\nPin: release o=Acme,a=stable\nPin-Priority: 990\n', [
  [{ package: '*', pin: 'release o=Acme,a=stable', priority: 990 }, ['high']],
]);
test('a release selected by archive alone', pins, 'Package: *\nPin: release a=bookworm-backports\nPin-Priority: 995\n', [
  [{ package: '*', pin: 'release a=bookworm-backports', priority: 995 }, ['medium']],
]);
test('distribution pins', pins, 'Package: *\nPin: release o=Debian,n=bookworm\nPin-Priority: 1001\n\nPackage: *\nPin: origin deb.debian.org\nPin-Priority: 1000\n', [
  [{ package: '*', pin: 'release o=Debian,n=bookworm', priority: 1001 }, []],
  [{ package: '*', pin: 'origin deb.debian.org', priority: 1000 }, []],
]);
test('named packages and never', pins, 'Package: nginx nginx-common\nPin: version 1.2*\nPin-Priority: 1001\n\n# comment\nPackage: *\nPin: origin evil.example\nPin-Priority: never\n', [
  [{ package: 'nginx nginx-common', pin: 'version 1.2*', priority: 1001 }, []],
  [{ package: '*', pin: 'origin evil.example', priority: 'never' }, []],
]);

const refuses = test.macro({
  exec(t: ExecutionContext, text: string, message: RegExp) {
    const { settings, problems } = readPreferences('/p', text);
    t.deepEqual(settings, []);
    t.regex(problems[0]?.message ?? '', message);
  },
  title: (name = '') => `refuses ${name}`,
});

test('a record without Package', refuses, 'Package: a\nPin: version 1\nPin-Priority: 1\n\nPin: origin x\nPin-Priority: 1\n', /no Package header/);
test('a zero priority', refuses, 'Package: *\nPin: origin x\nPin-Priority: 0\n', /No priority/);
test('a missing priority', refuses, 'Package: *\nPin: origin x\n', /No priority/);
test('an out-of-range priority', refuses, 'Package: *\nPin: origin x\nPin-Priority: 40000\n', /outside the range/);
test('never for a named package', refuses, 'Package: a\nPin: origin x\nPin-Priority: never\n', /can only be used/);

test('records apt skips are reported and do not stop the file', (t) => {
  const { settings, problems } = readPreferences('/p', 'Package: *\nPin: version 1\nPin-Priority: 5\n\nPackage: a\nPin-Priority: 5\n\nPackage: b\nPin: origin x\nPin-Priority: 5\n');
  t.is(settings.length, 1);
  t.deepEqual(problems.map((problem) => problem.line), [1, 5]);
});

test('identity is the record content', (t) => {
  const { settings } = readPreferences('/p', 'Package: *\nPin: origin x\nPin-Priority: 5\n');
  t.is(settings[0]?.id, 'preferences Package: * Pin: origin x');
  t.deepEqual(settings[0]?.matchKeys, ['apt|setting|preferences package: * pin: origin x']);
});
