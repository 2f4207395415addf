import test from 'ava';

import { PkgrepoDiffError } from '../../src/errors.js';
import { parsePolicy } from '../../src/policy/load.js';

/** A bad policy fails with E_FORMAT naming the file, the line and the key. */
const refuses = test.macro({
  exec(t, text: string, expected: string) {
    const error = t.throws(() => parsePolicy(text, 'policy.yaml'), { instanceOf: PkgrepoDiffError });
    t.is(error?.code, 'E_FORMAT');
    t.is(error?.line, expected);
  },
  title: (what) => `refuses ${what ?? ''}`,
});

const HOSTS = 'allow:\n  hosts:\n    - mirror.corp.example\n    - "*.corp.example"\n';

test('a host that is not a string', refuses, `version: 1\n${HOSTS}    - 7\n`, 'policy.yaml:6: allow.hosts[2]: expected a string');
test('a misspelt key', refuses, 'allow:\n  host: [a]\n', 'policy.yaml:2: allow.host: unknown key "host"; expected hosts, keys and distribution-mirrors');
test('an unknown top-level key', refuses, 'version: 1\nfailon: high\n', 'policy.yaml:2: failon: unknown key "failon"; expected version, fail-on, allow, severity and ignore');
test('an unknown rule id in severity', refuses, 'severity:\n  new-host: low\n  plain-htp: high\n', 'policy.yaml:3: severity.plain-htp: unknown rule id "plain-htp" (see pkgrepo-diff rules)');
test('a severity that is not one', refuses, 'severity:\n  new-host: urgent\n', 'policy.yaml:2: severity.new-host: expected one of info, low, medium, high, critical');
test('fail-on that is not a severity', refuses, '\n\nfail-on: hi\n', 'policy.yaml:3: fail-on: expected one of info, low, medium, high, critical');
test('an ignore without a reason', refuses, 'ignore:\n  - rule: plain-http\n    reason: ok\n  - rule: new-host\n    path: /etc/apt/x.list\n', 'policy.yaml:4: ignore[1].reason: reason is required: say why the finding is accepted');
test('an ignore with an empty reason', refuses, 'ignore:\n  - rule: plain-http\n    reason: "  "\n', 'policy.yaml:3: ignore[0].reason: reason must not be empty');
test('an ignore that names nothing', refuses, 'ignore:\n  - reason: because\n', 'policy.yaml:2: ignore[0]: an ignore names at least one of rule, path or host');
test('an ignore of an unknown rule in a list', refuses, 'ignore:\n  - rule: [plain-http, nope]\n    reason: x\n', 'policy.yaml:2: ignore[0].rule: unknown rule id "nope" (see pkgrepo-diff rules)');
test('a key that is neither fingerprint nor path', refuses, 'allow:\n  keys:\n    - ABCD\n', 'policy.yaml:3: allow.keys[0]: expected a key fingerprint (hex, at least 16 digits) or an absolute path in the image');
test('a host pattern with a path but no scheme', refuses, 'allow:\n  hosts: [mirror.corp/debian]\n', 'policy.yaml:2: allow.hosts[0]: expected a host glob (mirror.corp.example, *.corp.example) or a URL prefix (https://mirror.corp/debian/)');
test('a list where a mapping belongs', refuses, '- allow\n', 'policy.yaml:1: expected a mapping with version, fail-on, allow, severity and ignore');
test('an empty file', refuses, '', 'policy.yaml:1: expected a mapping with version, fail-on, allow, severity and ignore');
test('a duplicate key', refuses, 'fail-on: high\nfail-on: low\n', 'policy.yaml:2: Map keys must be unique');
test('broken YAML', refuses, 'allow:\n  hosts: [a\n', 'policy.yaml:3: Flow sequence in block collection must be sufficiently indented and end with a ]');
test('JSON with a bad value, by its line', refuses, '{\n  "allow": {\n    "hosts": ["ok.example", ""]\n  }\n}\n', 'policy.yaml:3: allow.hosts[1]: expected a non-empty string');

test('a full policy parses into its normal form', (t) => {
  const text = [
    'version: 1',
    'fail-on: high',
    'allow:',
    '  hosts: [mirror.corp.example, "https://repo.example/debian/*"]',
    '  distribution-mirrors: true',
    '  keys: ["0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567", /usr/share/keyrings/corp.gpg]',
    'severity: { plain-http: high }',
    'ignore:',
    '  - { rule: proxy-configured, path: /etc/apt/apt.conf.d/01proxy, reason: build proxy }',
    '  - { host: "*.corp.example", reason: ours }',
  ].join('\n');
  const policy = parsePolicy(text, 'p.yaml');
  t.is(policy.failOn, 'high');
  t.deepEqual(policy.allowHosts, ['mirror.corp.example', 'https://repo.example/debian/*']);
  t.true(policy.allowDistributionMirrors);
  t.is(policy.allowKeys?.length, 2);
  t.deepEqual(policy.severity, { 'plain-http': 'high' });
  t.deepEqual(policy.ignore, [
    { rules: ['proxy-configured'], path: '/etc/apt/apt.conf.d/01proxy', host: null, reason: 'build proxy' },
    { rules: null, path: null, host: '*.corp.example', reason: 'ours' },
  ]);
});
