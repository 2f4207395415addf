import { readFile } from 'node:fs/promises';

import test, { type ExecutionContext } from 'ava';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

import { ROOT, runBin } from '../helpers/cli.js';

const oci = (tag: string) => `oci:fixtures/oci:${tag}`;

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }>;
  relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; fullDescription: { text: string }; help: { text: string }; properties: Record<string, string> }> } };
    results: SarifResult[];
  }>;
}

async function validSarif(t: ExecutionContext, args: string[]): Promise<SarifLog> {
  const schema = JSON.parse(await readFile(`${ROOT}/test/fixtures/sarif-schema-2.1.0.json`, 'utf8')) as object;
  // The official schema's `language` pattern has a lone `]`, valid only without the u flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const run = await runBin([...args, '--format', 'sarif']);
  t.true(run.status === 0 || run.status === 1, run.stderr);
  const log = JSON.parse(run.stdout) as SarifLog;
  t.true(ajv.validate(schema, log), ajv.errorsText(ajv.errors));
  t.false(ajv.validate(schema, { version: '2.1.0', runs: [{ tool: { driver: {} } }] }), 'the schema is enforced: a driver needs a name');
  t.is(log.version, '2.1.0');
  return log;
}

const validate = test.macro(async (t, args: string[]) => {
  await validSarif(t, args);
});

test('a diff with findings validates against the SARIF 2.1.0 schema', validate, ['diff', oci('apt-1'), oci('apt-2'), '--dockerfile', 'fixtures/images/apt-2/Dockerfile']);
test('a diff without findings validates too', validate, ['diff', oci('apt-1'), oci('apt-1')]);
test('a scan validates too', validate, ['scan', oci('apt-2')]);
test('findings a policy accepted are suppressed results, and validate', async (t) => {
  const layout = (tag: string) => `oci:fixtures/layouts/policy-rules:${tag}`;
  const log = await validSarif(t, ['diff', layout('old'), layout('risky'), '--policy', 'test/policy/fixtures/team.yaml']);
  const suppressed = log.runs[0]?.results.filter((result) => 'suppressions' in result) ?? [];
  t.is(suppressed.length, 2);
});

test('results point at the Dockerfile line, the image path is a related location', async (t) => {
  const run = await runBin(['diff', oci('apt-1'), oci('apt-2'), '--dockerfile', 'fixtures/images/apt-2/Dockerfile', '--format', 'sarif']);
  const log = JSON.parse(run.stdout) as SarifLog;
  const [sarifRun] = log.runs;
  const trusted = sarifRun?.results.find((result) => result.ruleId === 'trusted-source' && result.properties.change === 'added');
  t.deepEqual(trusted?.locations[0]?.physicalLocation, { artifactLocation: { uri: 'fixtures/images/apt-2/Dockerfile' }, region: { startLine: 14 } });
  t.deepEqual(trusted?.relatedLocations?.[0]?.physicalLocation.artifactLocation, { uri: 'etc/apt/sources.list.d/internal.list', uriBaseId: 'IMAGE_ROOT' });
  t.is(trusted?.level, 'error');
  t.is(trusted?.properties.layerIndex, 9);
  t.regex(String(trusted?.properties.layerDigest), /^sha256:[0-9a-f]{64}$/);
  t.regex(String(trusted?.properties.instruction), /^COPY /);
  t.regex(trusted?.partialFingerprints['pkgrepoDiff/v1'] ?? '', /^[0-9a-f]{32}$/);
});

test('without --dockerfile the image path is the location; fingerprints do not depend on layers', async (t) => {
  const [withFile, without] = await Promise.all([
    runBin(['diff', oci('apt-1'), oci('apt-2'), '--dockerfile', 'fixtures/images/apt-2/Dockerfile', '--format', 'sarif']),
    runBin(['diff', oci('apt-1'), oci('apt-2'), '--format', 'sarif']),
  ]);
  const results = (JSON.parse(without.stdout) as SarifLog).runs[0]?.results ?? [];
  t.true(results.length > 0);
  for (const result of results) {
    t.is(result.locations[0]?.physicalLocation.artifactLocation.uriBaseId, 'IMAGE_ROOT');
    t.false(result.locations[0]?.physicalLocation.artifactLocation.uri.startsWith('/'));
  }
  const fingerprints = (log: string) => ((JSON.parse(log) as SarifLog).runs[0]?.results ?? []).map((result) => result.partialFingerprints['pkgrepoDiff/v1']).sort();
  t.deepEqual(fingerprints(withFile.stdout), fingerprints(without.stdout));
  t.is(new Set(fingerprints(without.stdout)).size, results.length);
});

test('rules carry the catalog text and GitHub’s security-severity', async (t) => {
  const run = await runBin(['diff', oci('apt-1'), oci('apt-1'), '--format', 'sarif']);
  const rules = (JSON.parse(run.stdout) as SarifLog).runs[0]?.tool.driver.rules ?? [];
  const trusted = rules.find((rule) => rule.id === 'trusted-source');
  t.is(trusted?.properties['security-severity'], '9.5');
  t.true((trusted?.fullDescription.text.length ?? 0) > 40);
  t.true((trusted?.help.text.length ?? 0) > 10);
  for (const rule of rules) t.regex(rule.properties['security-severity'] ?? '', /^\d+\.\d$/);
});
