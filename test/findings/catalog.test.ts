import test from 'ava';

import { RULE_IDS, RULES } from '../../src/findings/catalog.js';
import { defaultPolicy } from '../../src/policy/default.js';

test('every rule has its id, a title, a one-paragraph explanation and a short fix', (t) => {
  t.true(RULE_IDS.length >= 20);
  for (const id of RULE_IDS) {
    const rule = RULES[id];
    t.is(rule.id, id);
    t.true(rule.title.length > 10, id);
    t.true(rule.explanation.length > 80 && !rule.explanation.includes('\n'), id);
    t.true(rule.fix.length > 20 && rule.fix.split('. ').length <= 2, id);
  }
});

test('the issue rules exist under stable ids', (t) => {
  for (const id of ['plain-http', 'trusted-source', 'allow-insecure', 'signature-check-disabled', 'metadata-signature-check-disabled', 'tls-verify-disabled', 'signed-by-removed', 'key-added', 'key-removed', 'host-not-allowed', 'transient-source', 'insecure-setting', 'proxy-configured', 'mirror-replaced', 'suite-changed']) {
    t.true(id in RULES, id);
  }
});

test('the shipped default policy names every rule at its catalog severity and changes nothing else', (t) => {
  const policy = defaultPolicy();
  t.deepEqual(policy.severity, Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].severity])));
  t.is(policy.failOn, null);
  t.is(policy.allowHosts, null);
  t.is(policy.allowKeys, null);
  t.deepEqual(policy.ignore, []);
});
