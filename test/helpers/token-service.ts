import { execFile } from 'node:child_process';
import { createPrivateKey, randomBytes, sign, type KeyObject, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A token service in front of the real docker-registry's `auth: token` mode, as Docker Hub's
 * auth.docker.io is in front of registry-1.docker.io: it checks Basic credentials or a refresh
 * token, and signs an ES256 JWT granting the repository actions the user may have. The registry
 * trusts it through `rootcertbundle`; the JWT header carries the certificate in `x5c`, which
 * distribution 2.8 verifies against that bundle.
 * https://distribution.github.io/distribution/spec/auth/jwt/
 */
export interface TokenUser {
  password: string;
  /** Actions granted on every repository, e.g. ['pull'] or ['pull', 'push']. */
  actions: string[];
}

export interface TokenServiceOptions {
  users: Record<string, TokenUser>;
  /** Refresh tokens (docker's `identitytoken`) and the user each stands for. */
  refreshTokens?: Record<string, string>;
}

/** One request the service answered, for tests to assert what a client asked for. */
export interface TokenRequest {
  method: string;
  grant: 'basic' | 'anonymous' | 'password' | 'refresh_token';
  /** Who the credentials stood for; null when anonymous or when they did not check out. */
  user: string | null;
  service: string | null;
  scopes: string[];
  status: number;
}

export interface StartedTokenService {
  /** What `startRegistry({ token })` needs. */
  registryAuth: { realm: string; service: string; issuer: string; rootCertBundle: string };
  requests: TokenRequest[];
  /** Sign a token outside the HTTP flow, as a CI system hands one out (`--registry-token`). */
  mint(user: string, access: Access[]): string;
  stop(): Promise<void>;
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

const run = promisify(execFile);
const SERVICE = 'pkgrepo-diff-test-registry';
const ISSUER = 'pkgrepo-diff-test-issuer';
const LIFETIME_S = 300;

/** Make a key and certificate, and listen on loopback. */
export async function startTokenService(options: TokenServiceOptions): Promise<StartedTokenService> {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-token-'));
  const { key, certDer, certFile } = await makeSigningCertificate(dir);
  const requests: TokenRequest[] = [];
  const mint = (user: string, access: Access[]) => signJwt(key, certDer, user, access);

  const server = createServer((request, response) => {
    answer(request, response, options, mint, requests).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    registryAuth: { realm: `http://127.0.0.1:${port}/token`, service: SERVICE, issuer: ISSUER, rootCertBundle: certFile },
    requests,
    mint,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  options: TokenServiceOptions,
  mint: (user: string, access: Access[]) => string,
  requests: TokenRequest[],
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://token.invalid');
  const params = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams;
  const { grant, user } = authenticate(request, params, options);
  const scopes = params.getAll('scope').flatMap((scope) => scope.split(' ')).filter((scope) => scope !== '');
  const record: TokenRequest = { method: request.method ?? '', grant, user: user ?? null, service: params.get('service'), scopes, status: 200 };
  requests.push(record);

  if (url.pathname !== '/token') return reply(response, record, 404, { details: 'not found' });
  if (user === undefined) return reply(response, record, 401, { details: 'invalid credentials' });
  const allowed = user === null ? [] : (options.users[user]?.actions ?? []);
  const token = mint(user ?? '', scopes.flatMap((scope) => grantScope(scope, allowed)));
  const issuedAt = new Date().toISOString();
  reply(response, record, 200, { token, access_token: token, expires_in: LIFETIME_S, issued_at: issuedAt });
}

/** null: anonymous; undefined: credentials that do not check out. */
function authenticate(request: IncomingMessage, params: URLSearchParams, options: TokenServiceOptions) {
  const grantType = params.get('grant_type');
  if (grantType === 'refresh_token') {
    const user = options.refreshTokens?.[params.get('refresh_token') ?? ''];
    return { grant: 'refresh_token' as const, user: user ?? undefined };
  }
  if (grantType === 'password') {
    const name = params.get('username') ?? '';
    return { grant: 'password' as const, user: options.users[name]?.password === params.get('password') ? name : undefined };
  }
  const header = request.headers.authorization;
  if (header === undefined) return { grant: 'anonymous' as const, user: null };
  const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString();
  const colon = decoded.indexOf(':');
  const name = decoded.slice(0, colon);
  const valid = colon > 0 && options.users[name]?.password === decoded.slice(colon + 1);
  return { grant: 'basic' as const, user: valid ? name : undefined };
}

/** `repository:NAME:ACTIONS` → the actions asked for that the user has. */
function grantScope(scope: string, allowed: string[]): Access[] {
  const [type = '', ...rest] = scope.split(':');
  const actions = (rest.pop() ?? '').split(',');
  const granted = actions.filter((action) => allowed.includes(action));
  return type === 'repository' && granted.length > 0 ? [{ type, name: rest.join(':'), actions: granted }] : [];
}

function signJwt(key: KeyObject, certDer: Buffer, user: string, access: Access[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
  const claims = { iss: ISSUER, sub: user, aud: SERVICE, exp: now + LIFETIME_S, nbf: now - 10, iat: now, jti: randomBytes(12).toString('hex'), access };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  // JWS wants ECDSA signatures as r||s, not DER: https://www.rfc-editor.org/rfc/rfc7518#section-3.4
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

async function makeSigningCertificate(dir: string): Promise<{ key: KeyObject; certDer: Buffer; certFile: string }> {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.pem');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=pkgrepo-diff token issuer']);
  const certDer = new X509Certificate(await readFile(certFile)).raw;
  return { key: createPrivateKey(await readFile(keyFile)), certDer, certFile };
}

function reply(response: ServerResponse, record: TokenRequest, status: number, body: object): void {
  record.status = status;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}
