import test, { type ExecutionContext } from 'ava';

import { parseOneLineFile } from '../../../src/managers/apt/one-line.js';
import { type GlobalDefaults, ReleaseChecks } from '../../../src/managers/apt/release-checks.js';
import { STOCK_DEFAULTS } from './fixtures.js';

const OFF: GlobalDefaults = STOCK_DEFAULTS;

/** Files checked in order; the expected result per file: null (kept) or a message pattern. */
const checks = test.macro({
  exec(t: ExecutionContext, files: string[], expected: (RegExp | null)[], defaults: GlobalDefaults = OFF) {
    const checker = new ReleaseChecks(defaults);
    const results = files.map((text) => checker.checkFile(parseOneLineFile(text).entries)?.message ?? null);
    t.is(results.length, expected.length);
    for (const [index, pattern] of expected.entries()) {
      if (pattern === null) t.is(results[index], null);
      else t.regex(results[index] ?? '', pattern);
    }
  },
  title: (name = '') => `release checks: ${name}`,
});

test('distinct releases never conflict', checks, ['deb [trusted=yes] http://a.example/ s c\n', 'deb http://a.example/ t c\n'], [null, null]);
test('trusted set on one entry only', checks, ['deb http://a.example/ s main\n', 'deb [trusted=yes] http://a.example/ s contrib\n'], [null, /option trusted regarding source http:\/\/a.example\/ s/]);
test('trusted=no against unset', checks, ['deb [trusted=no] http://a.example/ s c\ndeb http://a.example/ s d\n'], [/option trusted/]);
test('the same options agree', checks, ['deb [trusted=yes check-valid-until=no] http://a.example/ s c\n', 'deb-src [trusted=yes check-valid-until=no] http://a.example/ s c\n'], [null, null]);
test('garbage and no are the same tri-state', checks, ['deb [trusted=no] http://a.example/ s c\ndeb [trusted=maybe] http://a.example/ s d\n'], [null]);
test('a time option set after an unset one', checks, ['deb http://a.example/ s c\ndeb [valid-until-max=10] http://a.example/ s d\n'], [null]);
test('a time option unset after a set one', checks, ['deb [valid-until-max=10] http://a.example/ s c\ndeb http://a.example/ s d\n'], [/valid-until-max/]);
test('Signed-By added later is accepted', checks, ['deb http://a.example/ s c\ndeb [signed-by=/k.gpg] http://a.example/ s d\n'], [null]);
test('Signed-By dropped later conflicts', checks, ['deb [signed-by=/k.gpg] http://a.example/ s c\ndeb http://a.example/ s d\n'], [/Signed-By/]);
test('Signed-By spelled differently is the same', checks, ['deb [signed-by=/a.gpg,/b.gpg] http://a.example/ s c\ndeb ["signed-by=/a.gpg /b.gpg"] http://a.example/ s d\n'], [null]);
test('an invalid Signed-By', checks, ['deb [signed-by=relative.gpg] http://a.example/ s c\n'], [/Invalid value set for option Signed-By/]);
test('allow-insecure on one entry only', checks, ['deb http://a.example/ s c\n', 'deb [allow-insecure=yes] http://a.example/ s d\n'], [null, /release options/]);
test('allow-insecure matching the global default', checks, ['deb http://a.example/ s c\n', 'deb [allow-insecure=yes] http://a.example/ s d\n'], [null, null], { ...OFF, allowInsecure: true });

test('a refused file leaves no trace for the next ones', (t) => {
  const checker = new ReleaseChecks(OFF);
  const refused = parseOneLineFile('deb [trusted=yes] http://a.example/ s c\ndeb [signed-by=bad] http://b.example/ s c\n');
  t.truthy(checker.checkFile(refused.entries));
  t.is(checker.checkFile(parseOneLineFile('deb http://a.example/ s c\n').entries), null);
});
