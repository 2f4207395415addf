import test, { type ExecutionContext } from 'ava';

import { parseDeb822File } from '../../../src/managers/apt/deb822.js';
import { parseOneLineFile } from '../../../src/managers/apt/one-line.js';
import { judgeSource } from '../../../src/managers/apt/source-risks.js';

const STANZA = 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\n';

/** [rule, severity] pairs of the first entry of a .list (or, with `deb822`, a .sources) text. */
const judges = test.macro({
  exec(t: ExecutionContext, text: string, expected: [string, string][]) {
    const parsed = text.startsWith('Types:') ? parseDeb822File(text) : parseOneLineFile(text);
    const [entry] = parsed.entries;
    t.truthy(entry);
    if (entry === undefined) return;
    t.deepEqual(judgeSource(entry).map((risk) => [risk.rule, risk.severity]), expected);
  },
  title: (name = '') => `judges ${name}`,
});

test('a plain source', judges, 'deb https://a.example/ s c\n', []);
test('trusted=yes', judges, 'deb [trusted=yes] http://a.example/ s c\n', [['trusted-source', 'critical']]);
test('trusted=no and garbage', judges, 'deb [trusted=nah] http://a.example/ s c\n', []);
test('Trusted: true in deb822', judges, `${STANZA}Trusted: true\n`, [['trusted-source', 'critical']]);
test('allow-insecure, allow-weak and downgrade', judges, 'deb [allow-insecure=yes allow-weak=1 allow-downgrade-to-insecure=on] http://a.example/ s c\n', [
  ['allow-insecure', 'high'],
  ['allow-insecure', 'high'],
  ['allow-insecure', 'high'],
]);
test('allow-insecure=no', judges, 'deb [allow-insecure=no] http://a.example/ s c\n', []);
test('Allow-Insecure in deb822 is not effective', judges, `${STANZA}Allow-Insecure: yes\n`, [['allow-insecure', 'low']]);
test('freshness checks off', judges, 'deb [check-valid-until=no check-date=false] http://a.example/ s c\n', [
  ['insecure-setting', 'medium'],
  ['insecure-setting', 'medium'],
]);
test('check-valid-until with garbage is off too', judges, 'deb [check-valid-until=maybe] http://a.example/ s c\n', [['insecure-setting', 'medium']]);
test('check-valid-until=yes', judges, 'deb [check-valid-until=yes] http://a.example/ s c\n', []);
test('inrelease-path', judges, 'deb [inrelease-path=x] http://a.example/ s c\n', [['insecure-setting', 'medium']]);
test('credentials in the URI', judges, 'deb https://u:p@a.example/ s c\n', [['credentials-in-uri', 'low']]);
test('a disabled trusted source', judges, `${STANZA}Trusted: yes\nEnabled: no\n`, [['trusted-source', 'info']]);
