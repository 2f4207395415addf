import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import test from 'ava';

import { type ErrorCode, PkgrepoDiffError } from '../../src/errors.js';
import type { RegistryOptions } from '../../src/image/types.js';
import { findCredential, type RegistryCredential } from '../../src/registry/credentials.js';
import { installCredentialHelper } from '../helpers/credential-helper.js';

/** A home directory of its own for each test, with nothing of the machine's leaking in. */
async function sandbox() {
  const root = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-creds-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  await mkdir(home);
  await mkdir(runtime);
  const env: NodeJS.ProcessEnv = { HOME: home, XDG_RUNTIME_DIR: runtime, PATH: process.env.PATH };
  return {
    root,
    home,
    env,
    runtimeAuth: join(runtime, 'containers', 'auth.json'),
    userAuth: join(home, '.config', 'containers', 'auth.json'),
    dockerConfig: join(home, '.docker', 'config.json'),
  };
}

async function writeJson(path: string, value: unknown): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const auth = (user: string, password: string) => ({ auth: Buffer.from(`${user}:${password}`).toString('base64') });
const basic = (username: string, password: string, source: string): RegistryCredential => ({ kind: 'basic', username, password, source });
const userOf = (credential: RegistryCredential | undefined) => (credential?.kind === 'basic' ? credential.username : undefined);

function find(registry: string, env: NodeJS.ProcessEnv, registryOptions: RegistryOptions = {}, repository?: string) {
  return findCredential(registry, { env, registry: registryOptions, repository });
}

async function rejectsWith(t: import('ava').ExecutionContext, promise: Promise<unknown>, code: ErrorCode, pattern: RegExp) {
  const error = await t.throwsAsync(promise, { instanceOf: PkgrepoDiffError });
  t.is(error?.code, code);
  t.regex(error?.line ?? '', pattern);
  return error;
}

test('--creds gives Basic credentials; the password may hold colons', async (t) => {
  const { env } = await sandbox();
  t.deepEqual(await find('reg.example', env, { creds: 'alice:pa:ss' }), basic('alice', 'pa:ss', '--creds'));
});

test('--creds without a password is a usage error, never a prompt', async (t) => {
  const { env } = await sandbox();
  await rejectsWith(t, find('reg.example', env, { creds: 'alice' }), 'E_USAGE', /^--creds needs USER:PASSWORD; pkgrepo-diff does not prompt/);
});

test('--registry-token is sent as a bearer token', async (t) => {
  const { env } = await sandbox();
  t.deepEqual(await find('reg.example', env, { registryToken: 'tok' }), { kind: 'bearer', token: 'tok', source: '--registry-token' });
});

test('--creds and --registry-token together are a usage error', async (t) => {
  const { env } = await sandbox();
  await rejectsWith(t, find('reg.example', env, { creds: 'a:b', registryToken: 'tok' }), 'E_USAGE', /cannot be used together/);
});

test('flags win over every file', async (t) => {
  const box = await sandbox();
  await writeJson(box.runtimeAuth, { auths: { 'reg.example': auth('file', 'secret') } });
  t.deepEqual(await find('reg.example', box.env, { creds: 'flag:pw' }), basic('flag', 'pw', '--creds'));
});

test('no file and no flag: anonymous', async (t) => {
  const { env } = await sandbox();
  t.is(await find('reg.example', env), undefined);
});

test('REGISTRY_AUTH_FILE is read first, and named as the source', async (t) => {
  const box = await sandbox();
  const file = await writeJson(join(box.root, 'custom.json'), { auths: { 'reg.example': auth('custom', 'pw1') } });
  await writeJson(box.runtimeAuth, { auths: { 'reg.example': auth('runtime', 'pw2') } });
  t.deepEqual(await find('reg.example', { ...box.env, REGISTRY_AUTH_FILE: file }), basic('custom', 'pw1', `auth file ${file}`));
});

test('$XDG_RUNTIME_DIR/containers/auth.json comes before ~/.config/containers/auth.json', async (t) => {
  const box = await sandbox();
  await writeJson(box.runtimeAuth, { auths: { 'reg.example': auth('runtime', 'pw') } });
  await writeJson(box.userAuth, { auths: { 'reg.example': auth('user', 'pw'), 'other.example': auth('user', 'pw') } });
  t.deepEqual(await find('reg.example', box.env), basic('runtime', 'pw', `auth file ${box.runtimeAuth}`));
  t.deepEqual(await find('other.example', box.env), basic('user', 'pw', `auth file ${box.userAuth}`));
});

test('the containers auth file comes before docker config.json', async (t) => {
  const box = await sandbox();
  await writeJson(box.userAuth, { auths: { 'reg.example': auth('podman', 'pw') } });
  await writeJson(box.dockerConfig, { auths: { 'reg.example': auth('docker', 'pw'), 'only-docker.example': auth('docker', 'pw') } });
  t.is((await find('reg.example', box.env))?.source, `auth file ${box.userAuth}`);
  t.deepEqual(await find('only-docker.example', box.env), basic('docker', 'pw', `docker config ${box.dockerConfig}`));
});

test('an empty auths entry falls through to the next file', async (t) => {
  const box = await sandbox();
  await writeJson(box.runtimeAuth, { auths: { 'reg.example': {} } });
  await writeJson(box.dockerConfig, { auths: { 'reg.example': auth('docker', 'pw') } });
  t.is((await find('reg.example', box.env))?.source, `docker config ${box.dockerConfig}`);
});

test('containers auth file: the most specific host/namespace key wins', async (t) => {
  const box = await sandbox();
  await writeJson(box.runtimeAuth, {
    auths: {
      'reg.example': auth('host', 'pw'),
      'reg.example/team': auth('team', 'pw'),
      'reg.example/team/app': auth('app', 'pw'),
    },
  });
  const user = async (repository: string) => userOf(await find('reg.example', box.env, {}, repository));
  t.is(await user('team/app'), 'app');
  t.is(await user('team/other'), 'team');
  t.is(await user('elsewhere/app'), 'host');
  t.is(await user('team/application'), 'team', 'a key matches whole path components only');
});

test('docker config: URL keys match by host, Docker Hub by all its names', async (t) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, {
    auths: {
      'https://index.docker.io/v1/': auth('hub', 'pw'),
      'https://reg.example:5000/v2/': auth('ported', 'pw'),
      'http://plain.example': auth('plain', 'pw'),
      'REG.Upper.example': auth('upper', 'pw'),
    },
  });
  const user = async (registry: string) => userOf(await find(registry, box.env));
  t.is(await user('docker.io'), 'hub');
  t.is(await user('reg.example:5000'), 'ported');
  t.is(await user('reg.example'), undefined, 'the port is part of the registry');
  t.is(await user('plain.example'), 'plain');
  t.is(await user('reg.upper.example'), 'upper');
});

for (const key of ['index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://registry-1.docker.io/v2/']) {
  test(`docker config: the Docker Hub key ${key} serves docker.io`, async (t) => {
    const box = await sandbox();
    await writeJson(box.dockerConfig, { auths: { [key]: auth('hub', 'pw') } });
    t.deepEqual(await find('docker.io', box.env), basic('hub', 'pw', `docker config ${box.dockerConfig}`));
  });
}

test('DOCKER_CONFIG names the directory of config.json', async (t) => {
  const box = await sandbox();
  const dir = join(box.root, 'docker-cfg');
  await writeJson(join(dir, 'config.json'), { auths: { 'reg.example': auth('dc', 'pw') } });
  await writeJson(box.dockerConfig, { auths: { 'reg.example': auth('home', 'pw') } });
  t.deepEqual(await find('reg.example', { ...box.env, DOCKER_CONFIG: dir }), basic('dc', 'pw', `docker config ${join(dir, 'config.json')}`));
});

test('an identitytoken is an identity token, with the user name of auth', async (t) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, { auths: { 'reg.example': { ...auth('idu', ''), identitytoken: 'refresh-me' } } });
  t.deepEqual(await find('reg.example', box.env), {
    kind: 'identity-token',
    token: 'refresh-me',
    username: 'idu',
    source: `docker config ${box.dockerConfig}`,
  });
});

test('credHelpers: the real helper protocol, asked with the registry host', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'reg.example:5000': { Username: 'helped', Secret: 's3' } });
  await writeJson(box.dockerConfig, { credHelpers: { 'reg.example:5000': 'test' } });
  const credential = await find('reg.example:5000', { ...box.env, PATH: helper.path });
  t.deepEqual(credential, basic('helped', 's3', `docker config ${box.dockerConfig} (credHelpers: test)`));
  t.deepEqual(await helper.asked(), ['reg.example:5000']);
});

test('credHelpers: Docker Hub is asked for by its v1 URL, as docker login stores it', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'https://index.docker.io/v1/': { Username: 'hub', Secret: 'pw' } });
  await writeJson(box.dockerConfig, { credHelpers: { 'docker.io': 'test' } });
  t.is((await find('docker.io', { ...box.env, PATH: helper.path }))?.kind, 'basic');
  t.deepEqual(await helper.asked(), ['https://index.docker.io/v1/']);
});

test('credHelpers: a <token> user name means an identity token', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'reg.example': { Username: '<token>', Secret: 'idt' } });
  await writeJson(box.dockerConfig, { credHelpers: { 'reg.example': 'test' } });
  t.deepEqual(await find('reg.example', { ...box.env, PATH: helper.path }), {
    kind: 'identity-token',
    token: 'idt',
    source: `docker config ${box.dockerConfig} (credHelpers: test)`,
  });
});

test('a credHelpers entry comes before the auths entry of the same file', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'reg.example': { Username: 'helped', Secret: 'pw' } });
  await writeJson(box.dockerConfig, { auths: { 'reg.example': auth('stored', 'pw') }, credHelpers: { 'reg.example': 'test' } });
  t.is(userOf(await find('reg.example', { ...box.env, PATH: helper.path })), 'helped');
});

test('credsStore serves registries with no auths entry; an auths entry with a secret comes first', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('store', {
    'stored.example': { Username: 'from-store', Secret: 'pw' },
    'both.example': { Username: 'from-store', Secret: 'pw' },
  });
  await writeJson(box.dockerConfig, { auths: { 'both.example': auth('from-auths', 'pw'), 'stored.example': {} }, credsStore: 'store' });
  const env = { ...box.env, PATH: helper.path };
  t.deepEqual(await find('stored.example', env), basic('from-store', 'pw', `docker config ${box.dockerConfig} (credsStore: store)`));
  t.is(userOf(await find('both.example', env)), 'from-auths');
  t.is(await find('unknown.example', env), undefined, '"credentials not found" is anonymous');
  t.deepEqual(await helper.asked(), ['stored.example', 'unknown.example']);
});

test('credHelpers in the containers auth file are asked too', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'docker.io': { Username: 'podman-hub', Secret: 'pw' } });
  await writeJson(box.userAuth, { credHelpers: { 'docker.io': 'test' } });
  t.deepEqual(await find('docker.io', { ...box.env, PATH: helper.path }), basic('podman-hub', 'pw', `auth file ${box.userAuth} (credHelpers: test)`));
});

test('a failing helper is an error naming the helper and the file', async (t) => {
  const box = await sandbox();
  const helper = await installCredentialHelper('test', { 'reg.example': { fail: 'gpg: decryption failed' } });
  await writeJson(box.dockerConfig, { credHelpers: { 'reg.example': 'test' } });
  await rejectsWith(
    t,
    find('reg.example', { ...box.env, PATH: helper.path }),
    'E_IO',
    /\(credHelpers: test\): credential helper docker-credential-test failed: exited with status 3: gpg: decryption failed/,
  );
});

test('a helper missing from PATH is an error naming it', async (t) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, { credsStore: 'nonexistent' });
  await rejectsWith(t, find('reg.example', box.env), 'E_IO', /docker-credential-nonexistent is not on PATH/);
});

test('a helper name that is not a name is a malformed file', async (t) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, { credHelpers: { 'reg.example': '../../bin/sh' } });
  await rejectsWith(t, find('reg.example', box.env), 'E_FORMAT', /config\.json: .*not a credential helper name/);
});

const SECRET = 'hunter2-very-secret';

const malformedFile = test.macro(async (t, content: string, pattern: RegExp) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, content);
  const error = await rejectsWith(t, find('reg.example', box.env), 'E_FORMAT', pattern);
  t.true(error?.line.startsWith(box.dockerConfig));
  t.false(error?.line.includes(SECRET), 'the error must not quote the file');
  t.false(error?.line.includes(Buffer.from(`u:${SECRET}`).toString('base64')));
});

test('invalid JSON', malformedFile, `{"auths": {"reg.example": {"auth": "${Buffer.from(`u:${SECRET}`).toString('base64')}" }`, /not valid JSON/);
test('a secret in a JSON syntax error is not quoted', malformedFile, `{"auths": {"reg.example": {"password": ${SECRET}}}}`, /: not valid JSON/);
test('auths is not an object', malformedFile, '{"auths": []}', /unexpected content at auths/);
test('auth of the wrong type', malformedFile, '{"auths": {"reg.example": {"auth": 42}}}', /unexpected content at auths\.reg\.example\.auth/);
test('auth is not base64 of user:password', malformedFile, `{"auths": {"reg.example": {"auth": "${Buffer.from(SECRET).toString('base64')}"}}}`, /auths\["reg\.example"\]\.auth is not base64 of USER:PASSWORD/);

test('the registry asked for is matched whatever its case or Docker Hub alias', async (t) => {
  const box = await sandbox();
  await writeJson(box.dockerConfig, { auths: { 'https://index.docker.io/v1/': auth('hub', 'pw'), 'reg.example:5000': auth('reg', 'pw') } });
  t.is(userOf(await find('registry-1.docker.io', box.env)), 'hub');
  t.is(userOf(await find('Reg.Example:5000', box.env)), 'reg');
});
