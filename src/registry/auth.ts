import { z } from 'zod';

import { trace } from '../debug.js';
import { PkgrepoDiffError } from '../errors.js';
import { parseJson } from '../oci/parse.js';
import type { Challenge } from './challenge.js';
import type { RegistryCredential } from './credentials.js';
import { explainNetworkError } from './errors.js';
import type { HttpClient } from './http.js';
import { readCapped } from './body.js';

const debug = trace('registry:auth');

const TOKEN_LIMIT = 1024 * 1024;
const CLIENT_ID = 'pkgrepo-diff';

const tokenSchema = z.looseObject({
  token: z.string().optional(),
  access_token: z.string().optional(),
});

/**
 * Answers a registry's challenges for one credential (or none): Basic as is, Bearer through the
 * token service named by the challenge. Tokens are kept per realm, service and scope for the run.
 * https://distribution.github.io/distribution/spec/auth/token/
 */
export class Authenticator {
  private readonly tokens = new Map<string, Promise<string>>();
  /** The header to send first for a scope, learnt from an earlier challenge. */
  private readonly known = new Map<string, string>();
  private credential: RegistryCredential | undefined;
  private lookup: Promise<RegistryCredential | undefined> | undefined;

  constructor(
    private readonly http: HttpClient,
    /** Looked up on the first challenge only, so anonymous pulls never run a credential helper. */
    private readonly findCredential: () => Promise<RegistryCredential | undefined>,
    /** Who the errors name: `127.0.0.1:5000`. */
    private readonly registry: string,
  ) {}

  /** Where the credential came from, for error messages: never the secret itself. */
  get source(): string {
    return this.credential?.source ?? 'anonymous (no credentials found)';
  }

  /** The Authorization header already earned for this scope, if any. */
  header(scope: string): string | undefined {
    return this.known.get(scope);
  }

  /** Drop what was learnt for a scope, after the registry refused it (an expired token). */
  forget(scope: string): void {
    this.known.delete(scope);
    for (const key of this.tokens.keys()) if (key.endsWith(`\n${scope}`)) this.tokens.delete(key);
  }

  /** Answer the challenges of a 401; the returned header is remembered for the scope. */
  async answer(challenges: readonly Challenge[], scope: string, signal?: AbortSignal): Promise<string | undefined> {
    const bearer = challenges.find((challenge) => challenge.scheme === 'bearer');
    const basic = challenges.find((challenge) => challenge.scheme === 'basic');
    this.lookup ??= this.findCredential();
    this.credential = await this.lookup;
    let header: string | undefined;
    if (this.credential?.kind === 'bearer') header = `Bearer ${this.credential.token}`;
    else if (bearer !== undefined) header = `Bearer ${await this.token(bearer, scope, signal)}`;
    else if (basic !== undefined && this.credential?.kind === 'basic') header = basicHeader(this.credential.username, this.credential.password);
    if (header !== undefined) this.known.set(scope, header);
    return header;
  }

  private token(challenge: Challenge, scope: string, signal: AbortSignal | undefined): Promise<string> {
    const { realm = '', service = '' } = challenge.params;
    const key = `${realm}\n${service}\n${scope}`;
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = this.fetchToken(realm, service, challenge.params.scope ?? scope, signal);
      this.tokens.set(key, token);
      token.catch(() => this.tokens.delete(key));
    }
    return token;
  }

  private async fetchToken(realm: string, service: string, scope: string, signal: AbortSignal | undefined): Promise<string> {
    const url = parseRealm(realm, this.registry);
    const credential = this.credential;
    debug('%s: token for %s from %s (%s)', this.registry, scope, url.origin, this.source);
    const request =
      credential?.kind === 'identity-token'
        ? refreshRequest(url, service, scope, credential.token, signal)
        : fetchRequest(url, service, scope, credential, signal);
    const response = await this.http.send(request).catch((error: unknown) => {
      throw explainNetworkError(error, url.host, this.registry);
    });
    const body = await readCapped(response.body, TOKEN_LIMIT, url.origin);
    if (response.status === 401 || response.status === 403) {
      throw new PkgrepoDiffError('E_AUTH', `the token service refused ${this.source} (${response.status})`, {
        input: this.registry,
        hint: 'check the user name and password, or log in again',
      });
    }
    if (response.status !== 200) {
      throw new PkgrepoDiffError('E_AUTH', `the token service at ${url.origin} answered ${response.status}`, { input: this.registry });
    }
    const parsed = parseJson(tokenSchema, body, `token service ${url.origin}`);
    const token = parsed.token ?? parsed.access_token;
    if (token === undefined || token === '') {
      throw new PkgrepoDiffError('E_AUTH', `the token service at ${url.origin} gave no token`, { input: this.registry });
    }
    return token;
  }
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function parseRealm(realm: string, registry: string): URL {
  try {
    return new URL(realm);
  } catch {
    throw new PkgrepoDiffError('E_AUTH', `the registry's Bearer challenge has no usable realm (${JSON.stringify(realm.slice(0, 100))})`, { input: registry });
  }
}

/** GET realm?service&scope, with Basic auth when there is a user name (docker login does this). */
function fetchRequest(url: URL, service: string, scope: string, credential: RegistryCredential | undefined, signal: AbortSignal | undefined) {
  const target = new URL(url);
  if (service !== '') target.searchParams.set('service', service);
  target.searchParams.set('scope', scope);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credential?.kind === 'basic') headers.authorization = basicHeader(credential.username, credential.password);
  return { method: 'GET' as const, url: target, headers, signal };
}

/** OAuth2 refresh-token grant for a docker `identitytoken`. */
function refreshRequest(url: URL, service: string, scope: string, refreshToken: string, signal: AbortSignal | undefined) {
  const form = new URLSearchParams({ grant_type: 'refresh_token', service, scope, client_id: CLIENT_ID, refresh_token: refreshToken });
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  return { method: 'POST' as const, url, headers, body: form.toString(), signal };
}
