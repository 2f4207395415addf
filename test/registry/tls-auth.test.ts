import test from 'ava';

import { describeChanges, runBin, runJson } from '../helpers/cli.js';
import { failed, pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';

/** A real docker-registry with htpasswd Basic auth behind TLS, its certificate from a test CA. */
const USER = 'tester';
const PASSWORD = 'correct horse';
let registry: StartedRegistry;
const ref = (name: string) => `${registry.host}/${name}`;
const ca = () => ['--ca-cert', registry.caFile ?? ''];

test.before(async () => {
  registry = await startRegistry({ tls: true, htpasswd: { user: USER, password: PASSWORD } });
  await pushImage(registry, 'oci:fixtures/oci:apt-1', 'app:1', { creds: `${USER}:${PASSWORD}` });
  await pushImage(registry, 'oci:fixtures/oci:apt-2', 'app:2', { creds: `${USER}:${PASSWORD}` });
});
test.after.always(async () => registry?.stop());

test('Basic auth over TLS with --creds and --ca-cert', async (t) => {
  const [fromRegistry, fromLayout] = await Promise.all([
    runJson(['diff', ref('app:1'), ref('app:2'), '--creds', `${USER}:${PASSWORD}`, ...ca()]),
    runJson(['diff', 'oci:fixtures/oci:apt-1', 'oci:fixtures/oci:apt-2']),
  ]);
  t.deepEqual(describeChanges(fromRegistry.report.changes), describeChanges(fromLayout.report.changes));
  t.is(fromRegistry.run.stderr, '', 'verified https needs no notice');
});

test('a wrong password fails with the credential source named and no secret shown', async (t) => {
  const run = await runBin(['scan', ref('app:1'), '--creds', `${USER}:wrong-password`, ...ca()]);
  failed(t, run, /authentication failed by 127\.0\.0\.1:\d+ \(401\) with --creds/);
  t.false(run.stderr.includes('wrong-password'));
});

test('no credentials fails as anonymous', async (t) => {
  const run = await runBin(['scan', ref('app:1'), ...ca()], { DOCKER_CONFIG: '/nonexistent', REGISTRY_AUTH_FILE: '/nonexistent/auth.json' });
  failed(t, run, /authentication failed .*with anonymous.*--creds/);
});

test('a certificate from an unknown CA is a TLS error, not a fall back to http', async (t) => {
  const run = await runBin(['scan', ref('app:1'), '--creds', `${USER}:${PASSWORD}`]);
  failed(t, run, /TLS: certificate of 127\.0\.0\.1:\d+ signed by unknown authority \(pass --ca-cert FILE or --insecure\)/);
});

test('--insecure skips verification and says so once', async (t) => {
  const run = await runBin(['scan', ref('app:1'), '--creds', `${USER}:${PASSWORD}`, '--insecure', '--format', 'json']);
  t.is(run.status, 0, run.stderr);
  t.regex(run.stderr, /^pkgrepo-diff: 127\.0\.0\.1:\d+: TLS certificates are not verified \(--insecure\)\n$/);
  t.true(JSON.parse(run.stdout).sources.length > 0);
});

test('an unreadable --ca-cert is a usage error', async (t) => {
  const run = await runBin(['scan', ref('app:1'), '--ca-cert', '/nonexistent/ca.pem']);
  failed(t, run, /\/nonexistent\/ca\.pem: cannot read the CA certificate file/);
});
