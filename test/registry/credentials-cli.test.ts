import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import test from 'ava';

import { type CliRun, runBin } from '../helpers/cli.js';
import { installCredentialHelper } from '../helpers/credential-helper.js';
import { pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';

/**
 * Each credential source, end to end: the CLI against the real docker-registry with htpasswd
 * Basic auth behind TLS (a test CA), with a home directory of its own per test.
 */
const USER = 'alice';
const PASSWORD = 'correct-horse-7';
let registry: StartedRegistry;

test.before(async () => {
  registry = await startRegistry({ tls: true, htpasswd: { user: USER, password: PASSWORD } });
  await pushImage(registry, 'oci:fixtures/oci:apt-1', 'app:1', { creds: `${USER}:${PASSWORD}` });
});
test.after.always(async () => registry?.stop());

const auth = (user: string, password: string) => ({ auth: Buffer.from(`${user}:${password}`).toString('base64') });

/** A fresh HOME and runtime dir, so no credential of the machine running the tests is found. */
async function home() {
  const root = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-auth-e2e-'));
  const env: NodeJS.ProcessEnv = {
    HOME: join(root, 'home'),
    XDG_RUNTIME_DIR: join(root, 'run'),
    XDG_CONFIG_HOME: '',
    REGISTRY_AUTH_FILE: '',
    DOCKER_CONFIG: join(root, 'docker'),
  };
  const write = async (path: string, value: unknown) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, JSON.stringify(value));
    return path;
  };
  return { root, env, write, dockerConfig: join(root, 'docker', 'config.json') };
}

function scan(env: NodeJS.ProcessEnv, ...flags: string[]): Promise<CliRun> {
  return runBin(['scan', `${registry.host}/app:1`, '--ca-cert', registry.caFile ?? '', '--format', 'json', ...flags], env);
}

function succeeded(t: import('ava').ExecutionContext, run: CliRun): void {
  t.is(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { image: { transport: string }; sources: unknown[] };
  t.is(report.image.transport, 'docker');
  t.true(report.sources.length > 0);
}

/** Exit 2, nothing on stdout, one line naming the credential source tried, no secret in it. */
function refused(t: import('ava').ExecutionContext, run: CliRun, source: RegExp, secret: string): void {
  t.is(run.status, 2, run.stderr);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').length, 1, run.stderr);
  t.regex(run.stderr, source);
  t.false(run.stderr.includes(secret), 'the password must not be printed');
  t.false(run.stderr.includes(Buffer.from(`${USER}:${secret}`).toString('base64')));
}

test('no credentials: refused, saying none were found', async (t) => {
  const box = await home();
  refused(t, await scan(box.env), /anonymous|no credentials/i, PASSWORD);
});

test('--creds USER:PASS', async (t) => {
  const box = await home();
  succeeded(t, await scan(box.env, '--creds', `${USER}:${PASSWORD}`));
});

test('--creds with a wrong password: exit 2 naming --creds', async (t) => {
  const box = await home();
  refused(t, await scan(box.env, '--creds', `${USER}:wrong-password-1`), /--creds/, 'wrong-password-1');
});

test('--creds without a password: exit 2, no prompt', async (t) => {
  const box = await home();
  const run = await scan(box.env, '--creds', USER);
  t.is(run.status, 2);
  t.regex(run.stderr, /^pkgrepo-diff: --creds needs USER:PASSWORD; pkgrepo-diff does not prompt/);
});

test('config.json auths (DOCKER_CONFIG)', async (t) => {
  const box = await home();
  await box.write(box.dockerConfig, { auths: { [`https://${registry.host}`]: auth(USER, PASSWORD) } });
  succeeded(t, await scan(box.env));
});

test('config.json auths with a wrong password: exit 2 naming the file', async (t) => {
  const box = await home();
  await box.write(box.dockerConfig, { auths: { [registry.host]: auth(USER, 'stale-password-2') } });
  refused(t, await scan(box.env), new RegExp(`docker config ${box.dockerConfig.replace(/[.]/g, '\\.')}`), 'stale-password-2');
});

test('config.json credHelpers: a helper executable speaking the real protocol', async (t) => {
  const box = await home();
  const helper = await installCredentialHelper('test', { [registry.host]: { Username: USER, Secret: PASSWORD } });
  await box.write(box.dockerConfig, { credHelpers: { [registry.host]: 'test' } });
  succeeded(t, await scan({ ...box.env, PATH: helper.path }));
  t.deepEqual(await helper.asked(), [registry.host]);
});

test('config.json credsStore: "credentials not found" is anonymous, and refused as such', async (t) => {
  const box = await home();
  const helper = await installCredentialHelper('store', {});
  await box.write(box.dockerConfig, { credsStore: 'store' });
  refused(t, await scan({ ...box.env, PATH: helper.path }), /anonymous|no credentials/i, PASSWORD);
});

test('REGISTRY_AUTH_FILE', async (t) => {
  const box = await home();
  const file = await box.write(join(box.root, 'auth.json'), { auths: { [`${registry.host}/app`]: auth(USER, PASSWORD) } });
  succeeded(t, await scan({ ...box.env, REGISTRY_AUTH_FILE: file }));
});

test('$XDG_RUNTIME_DIR/containers/auth.json wins over config.json', async (t) => {
  const box = await home();
  await box.write(join(box.root, 'run', 'containers', 'auth.json'), { auths: { [registry.host]: auth(USER, PASSWORD) } });
  await box.write(box.dockerConfig, { auths: { [registry.host]: auth(USER, 'stale-password-3') } });
  succeeded(t, await scan(box.env));
});

test('a malformed auth file: exit 2 naming it, before any request', async (t) => {
  const box = await home();
  await mkdir(join(box.root, 'docker'), { recursive: true });
  await writeFile(box.dockerConfig, `{"auths": {"${registry.host}": {"auth": "${PASSWORD}"`);
  const run = await scan(box.env);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.regex(run.stderr, new RegExp(`app:1: ${box.dockerConfig.replace(/[.]/g, '\\.')}: not valid JSON`));
  t.false(run.stderr.includes(PASSWORD));
});
