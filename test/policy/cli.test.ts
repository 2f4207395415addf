import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import test from 'ava';
import { parse } from 'yaml';

import { RULE_IDS } from '../../src/findings/catalog.js';
import { fails, ROOT, rules, runBin, runJson, type JsonReport } from '../helpers/cli.js';

/** fixtures/layouts/policy-rules (see its README): OLD and three NEW tags. */
const image = (tag: string) => `oci:fixtures/layouts/policy-rules:${tag}`;
const diff = (tag: string) => ['diff', image('old'), image(tag)];

/** The team policy of the "done when", ten lines. */
const TEAM_POLICY = [
  '# Packages come from our mirror and the base image host, nowhere else.',
  'version: 1',
  'fail-on: high',
  'allow:',
  '  hosts:',
  '    - mirror.team.example',
  '    - deb.example',
  'ignore:',
  '  - { rule: proxy-configured, path: /etc/apt/apt.conf.d/99proxy, reason: build proxy }',
  'severity: { new-host: low }',
].join('\n');

async function policyFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-policy-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const byPath = (report: JsonReport, path: string) => report.changes.find((change) => change.path === path);

test('done when: a team policy passes no source change and the team mirror, fails an unknown source', async (t) => {
  const policy = await policyFile('team.yaml', TEAM_POLICY);
  t.is(TEAM_POLICY.split('\n').length, 10);
  t.is((await runBin([...diff('clean'), '--policy', policy])).status, 0);
  t.is((await runBin([...diff('mirror'), '--policy', policy])).status, 0);

  const risky = await runBin([...diff('risky'), '--policy', policy, '--format', 'json']);
  t.is(risky.status, 1, risky.stderr);
  const report = JSON.parse(risky.stdout) as JsonReport;
  t.true(rules(byPath(report, '/etc/apt/sources.list.d/unknown.list')).includes('host-not-allowed:high'));
  const proxy = byPath(report, '/etc/apt/apt.conf.d/99proxy') as unknown as { findings: unknown[]; suppressed: Array<{ rule: string; reason: string }> };
  t.deepEqual(proxy.findings, []);
  t.deepEqual(proxy.suppressed.map((entry) => `${entry.rule}: ${entry.reason}`), ['proxy-configured: build proxy']);
  t.is((report.summary as { suppressed: number }).suppressed, 2, 'the proxy, and new-host on global.list (mirror.team.example)');
});

test('every rule of the risky fixture fires where its README says, and none on the clean twin', async (t) => {
  const { report } = await runJson(diff('risky'));
  const expected: Record<string, string> = {
    '/etc/apt/sources.list.d/unknown.list': 'new-host:medium',
    '/etc/apt/sources.list.d/vendor.list': 'mirror-replaced:medium',
    '/etc/apt/sources.list': 'suite-changed:high',
    '/etc/apt/sources.list.d/sid.list': 'suite-changed:high',
    '/etc/apt/sources.list.d/ubuntu.list': 'suite-changed:high',
    '/etc/apt/sources.list.d/global.list': 'signed-by-removed:medium',
    '/etc/apt/apt.conf.d/99proxy': 'proxy-configured:high',
  };
  for (const [path, rule] of Object.entries(expected)) t.true(rules(byPath(report, path)).includes(rule), `${path}: ${rules(byPath(report, path)).join(', ')}`);
  const clean = await runJson(diff('clean'));
  t.deepEqual(clean.report.changes, []);
  t.is(clean.run.status, 0);
});

/** --fail-on and the policy's fail-on, at each side of the boundary: :mirror's worst finding is medium. */
const exits = test.macro({
  async exec(t, policyText: string | null, flags: string[], expected: number) {
    const policy = policyText === null ? [] : ['--policy', await policyFile('p.yaml', policyText)];
    const run = await runBin([...diff('mirror'), ...policy, ...flags]);
    t.is(run.status, expected, run.stderr);
  },
  title: (what) => `exit status: ${what ?? ''}`,
});

test('no threshold → 0', exits, null, [], 0);
test('--fail-on medium → 1', exits, null, ['--fail-on', 'medium'], 1);
test('--fail-on high → 0', exits, null, ['--fail-on', 'high'], 0);
test('policy fail-on medium → 1', exits, 'fail-on: medium\n', [], 1);
test('policy fail-on high → 0', exits, 'fail-on: high\n', [], 0);
test('--fail-on high wins over policy fail-on medium → 0', exits, 'fail-on: medium\n', ['--fail-on', 'high'], 0);
test('--fail-on medium wins over policy fail-on critical → 1', exits, 'fail-on: critical\n', ['--fail-on', 'medium'], 1);
test('an override to high crosses the policy threshold → 1', exits, 'fail-on: high\nseverity: { new-host: high }\n', [], 1);
test('an ignore takes the finding out of the threshold → 0', exits, 'fail-on: medium\nignore: [{ rule: new-host, reason: reviewed }]\n', [], 0);

test('a bad policy fails before any image is read: exit 2, file and line and key', fails, ['diff', 'oci:/nonexistent:old', 'oci:/nonexistent:new', '--policy', 'test/policy/fixtures/bad.yaml'], /^pkgrepo-diff: test\/policy\/fixtures\/bad\.yaml:7: allow\.hosts\[2\]: expected a string\n$/);
test('a missing policy file: exit 2', fails, [...diff('clean'), '--policy', 'no-such-policy.yaml'], /no-such-policy\.yaml: no such policy file/);

test('policy --print prints the shipped default, which parses and validates', async (t) => {
  const run = await runBin(['policy', '--print']);
  t.is(run.status, 0);
  t.is(run.stdout, await readFile(join(ROOT, 'policy/default.yaml'), 'utf8'));
  const parsed = parse(run.stdout) as { severity: Record<string, string> };
  t.deepEqual(Object.keys(parsed.severity).sort(), [...RULE_IDS].sort());
  const path = await policyFile('default.yaml', run.stdout);
  const check = await runBin(['policy', '--check', path]);
  t.is(check.status, 0);
  t.is((await runBin([...diff('mirror'), '--policy', path, '--format', 'json'])).stdout, (await runBin([...diff('mirror'), '--format', 'json'])).stdout);
});

test('policy --check names the first fault', fails, ['policy', '--check', 'test/policy/fixtures/bad.yaml'], /bad\.yaml:7: allow\.hosts\[2\]: expected a string/);

test('rules lists every rule as a table and as JSON', async (t) => {
  const table = await runBin(['rules']);
  t.is(table.status, 0);
  for (const id of RULE_IDS) t.true(table.stdout.includes(id), id);
  t.regex(table.stdout, /Fix: /);
  const json = await runBin(['rules', '--format', 'json']);
  const listed = (JSON.parse(json.stdout) as { rules: Array<{ id: string; severity: string; title: string; explanation: string; fix: string }> }).rules;
  t.deepEqual(listed.map((rule) => rule.id), [...RULE_IDS]);
  t.true(listed.every((rule) => rule.explanation.length > 0 && rule.fix.length > 0 && rule.title.length > 0));
});

test('what the policy accepted stays in sight: table and Markdown list it with its reason, SARIF suppresses it', async (t) => {
  const policy = await policyFile('team.yaml', TEAM_POLICY);
  const [table, markdown, sarif] = await Promise.all(
    ['table', 'markdown', 'sarif'].map((format) => runBin([...diff('risky'), '--policy', policy, '--format', format])),
  );
  t.regex(table?.stdout ?? '', /Accepted by the policy \(not counted by --fail-on\):\n {2}high proxy-configured \/etc\/apt\/apt\.conf\.d\/99proxy: .*\(build proxy\)/);
  t.regex(markdown?.stdout ?? '', /<summary>Accepted by the policy: 2 findings<\/summary>/);
  t.regex(markdown?.stdout ?? '', /proxy-configured <code>\/etc\/apt\/apt\.conf\.d\/99proxy<\/code>.*\(build proxy\)/);
  const log = JSON.parse(sarif?.stdout ?? '{}') as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; status: string; justification: string }> }> }> };
  const results = log.runs[0]?.results ?? [];
  const suppressed = results.filter((result) => result.suppressions !== undefined);
  t.deepEqual(
    suppressed.map((result) => `${result.ruleId}: ${result.suppressions?.[0]?.kind} ${result.suppressions?.[0]?.status} ${result.suppressions?.[0]?.justification}`).sort(),
    ['new-host: external accepted host allowed by the policy (allow.hosts)', 'proxy-configured: external accepted build proxy'].sort(),
  );
  t.true(results.length > suppressed.length, 'the findings the policy kept are results without suppressions');
});
