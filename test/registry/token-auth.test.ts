import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import test from 'ava';

import { type CliRun, runBin } from '../helpers/cli.js';
import { pushImage, startRegistry, type StartedRegistry } from '../helpers/registry.js';
import { startTokenService, type StartedTokenService } from '../helpers/token-service.js';

/**
 * The Bearer flow against the real docker-registry in `auth: token` mode, with the token service
 * of test/helpers/token-service.ts signing the JWTs. Serial: tests read the service's request log.
 */
let tokens: StartedTokenService;
let registry: StartedRegistry;
const PULLER = { name: 'puller', password: 'pull-pw-4' };

test.before(async () => {
  tokens = await startTokenService({
    users: { pusher: { password: 'push-pw-5', actions: ['pull', 'push'] }, [PULLER.name]: { password: PULLER.password, actions: ['pull'] } },
    refreshTokens: { 'refresh-for-puller': PULLER.name },
  });
  registry = await startRegistry({ token: tokens.registryAuth });
  // skopeo too needs a token with push access to write into a token-mode registry.
  await pushImage(registry, 'oci:fixtures/oci:apt-1', 'team/app:1', { creds: 'pusher:push-pw-5' });
});
test.after.always(async () => {
  await registry?.stop();
  await tokens?.stop();
});

/** A HOME with nothing in it, and optionally a docker config.json. */
async function env(dockerConfig?: unknown): Promise<NodeJS.ProcessEnv> {
  const root = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-token-e2e-'));
  const docker = join(root, 'docker');
  await mkdir(docker);
  if (dockerConfig !== undefined) await writeFile(join(docker, 'config.json'), JSON.stringify(dockerConfig));
  return { HOME: root, XDG_RUNTIME_DIR: root, REGISTRY_AUTH_FILE: '', DOCKER_CONFIG: docker };
}

async function scan(environment: NodeJS.ProcessEnv, ...flags: string[]): Promise<{ run: CliRun; asked: StartedTokenService['requests'] }> {
  const before = tokens.requests.length;
  const run = await runBin(['scan', `${registry.host}/team/app:1`, '--format', 'json', ...flags], environment);
  return { run, asked: tokens.requests.slice(before) };
}

function pulled(t: import('ava').ExecutionContext, run: CliRun): void {
  t.is(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { image: { transport: string }; sources: unknown[] };
  t.is(report.image.transport, 'docker');
  t.true(report.sources.length > 0);
}

function refused(t: import('ava').ExecutionContext, run: CliRun, pattern: RegExp): void {
  t.is(run.status, 2, run.stderr);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').filter((line) => !/using plain http/.test(line)).length, 1, run.stderr);
  t.regex(run.stderr, pattern);
}

test.serial('the push went through the token service with a push scope', (t) => {
  t.true(tokens.requests.some((request) => request.user === 'pusher' && request.scopes.some((scope) => /^repository:team\/app:.*push/.test(scope))));
});

test.serial('anonymous: the service gives a token without access, and the registry refuses it', async (t) => {
  const { run, asked } = await scan(await env());
  refused(t, run, /\(401\) with anonymous/);
  t.deepEqual(
    asked.map((request) => [request.grant, request.service, request.scopes]),
    [['anonymous', 'pkgrepo-diff-test-registry', ['repository:team/app:pull']]],
  );
});

test.serial('--creds: Basic to the token service, then a Bearer token with the pull scope', async (t) => {
  const { run, asked } = await scan(await env(), '--creds', `${PULLER.name}:${PULLER.password}`);
  pulled(t, run);
  t.true(asked.length >= 1);
  for (const request of asked) {
    t.is(request.grant, 'basic');
    t.is(request.user, PULLER.name);
    t.deepEqual(request.scopes, ['repository:team/app:pull'], 'only pull is asked for');
  }
});

test.serial('a wrong password: the token service refuses, exit 2 naming --creds', async (t) => {
  const { run, asked } = await scan(await env(), '--creds', `${PULLER.name}:not-it-6`);
  refused(t, run, /token service refused --creds/);
  t.false(run.stderr.includes('not-it-6'));
  t.deepEqual(asked.map((request) => request.status), [401]);
});

test.serial('an identitytoken in config.json is exchanged with the refresh_token grant', async (t) => {
  const config = { auths: { [registry.host]: { identitytoken: 'refresh-for-puller' } } };
  const { run, asked } = await scan(await env(config));
  pulled(t, run);
  t.true(asked.length >= 1);
  t.true(asked.every((request) => request.method === 'POST' && request.grant === 'refresh_token' && request.user === PULLER.name));
  t.deepEqual(asked[0]?.scopes, ['repository:team/app:pull']);
  t.false(run.stderr.includes('refresh-for-puller'));
});

test.serial('an unknown identitytoken is refused, naming the config file', async (t) => {
  const environment = await env({ auths: { [registry.host]: { identitytoken: 'revoked-7' } } });
  const { run } = await scan(environment);
  refused(t, run, /token service refused docker config \S+config\.json/);
  t.false(run.stderr.includes('revoked-7'));
});

test.serial('--registry-token is sent as the Bearer token, without asking the service', async (t) => {
  const token = tokens.mint(PULLER.name, [{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
  const { run, asked } = await scan(await env(), '--registry-token', token);
  pulled(t, run);
  t.deepEqual(asked, []);
});

test.serial('--registry-token for another repository is refused, naming --registry-token', async (t) => {
  const token = tokens.mint(PULLER.name, [{ type: 'repository', name: 'team/other', actions: ['pull'] }]);
  const { run } = await scan(await env(), '--registry-token', token);
  refused(t, run, /with --registry-token/);
  t.false(run.stderr.includes(token));
});
