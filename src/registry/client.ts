import { trace } from '../debug.js';
import { PkgrepoDiffError } from '../errors.js';
import { Authenticator } from './auth.js';
import { discard, readCapped } from './body.js';
import { parseChallenges } from './challenge.js';
import type { RegistryCredential } from './credentials.js';
import type { Endpoint } from './endpoint.js';
import { aboutReference, codeOf, explainNetworkError, isTransient, parseApiErrors, statusError } from './errors.js';
import type { HttpClient, HttpResponse } from './http.js';
import { Backoff, isRetryStatus, type RetryPolicy } from './retry.js';

const debug = trace('registry');
const ERROR_BODY_LIMIT = 64 * 1024;
const USER_AGENT = 'pkgrepo-diff';

/** A repository in a registry, and how errors about it name it (the reference as written). */
export interface Repository {
  name: string;
  input: string;
}

export interface RequestOptions {
  accept?: string;
  /** Ask for the bytes from this offset on (`Range: bytes=N-`). */
  from?: number;
  signal?: AbortSignal;
}

export interface ClientContext {
  http: HttpClient;
  retry: RetryPolicy;
  notice: (message: string) => void;
  findCredential: (repository: string) => Promise<RegistryCredential | undefined>;
}

/**
 * The Distribution API of one registry: scheme negotiation, authentication and retries, shared
 * by every image read from it in a run. https://github.com/opencontainers/distribution-spec
 */
export class RegistryClient {
  private base: Promise<URL> | undefined;
  private readonly auth = new Map<string, Authenticator>();

  constructor(
    readonly endpoint: Endpoint,
    private readonly context: ClientContext,
  ) {}

  get retry(): RetryPolicy {
    return this.context.retry;
  }

  /**
   * GET `/v2/NAME/PATH`, answering auth challenges and retrying 429, 5xx and cut connections.
   * Returns the last response whatever its status; `fail` turns an unwanted one into an error.
   */
  async get(repository: Repository, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const base = await this.baseUrl(repository, options.signal);
    const url = new URL(`/v2/${repository.name}/${path}`, base);
    const scope = `repository:${repository.name}:pull`;
    const auth = this.authenticator(repository.name);
    const backoff = new Backoff(this.context.retry);
    let challenged = false;
    for (;;) {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT };
      if (options.accept !== undefined) headers.accept = options.accept;
      if (options.from !== undefined && options.from > 0) headers.range = `bytes=${options.from}-`;
      const authorization = auth.header(scope);
      if (authorization !== undefined) headers.authorization = authorization;

      let response: HttpResponse;
      try {
        response = await this.context.http.send({ method: 'GET', url, headers, signal: options.signal });
      } catch (error) {
        const delay = isTransient(error) ? backoff.next() : undefined;
        if (delay === undefined) throw explainNetworkError(error, this.endpoint.apiHost, repository.input);
        this.retrying(`connection ${codeOf(error) ?? 'failed'}`, delay);
        await backoff.wait(delay, options.signal);
        continue;
      }

      if (response.status === 401 && !challenged) {
        challenged = true;
        discard(response.body);
        if (authorization !== undefined) auth.forget(scope);
        const challenges = parseChallenges(response.headers['www-authenticate']);
        const answer = await auth.answer(challenges, scope, options.signal).catch((error: unknown) => {
          throw aboutReference(error, repository.input);
        });
        if (answer === undefined) throw this.authError(401, repository, auth);
        continue;
      }
      if (isRetryStatus(response.status)) {
        const delay = backoff.next(header(response, 'retry-after'));
        if (delay !== undefined) {
          discard(response.body);
          this.retrying(`answered ${response.status}`, delay);
          await backoff.wait(delay, options.signal);
          continue;
        }
      }
      return response;
    }
  }

  /** The error for a response we cannot use; reads (a capped amount of) its body for the reason. */
  async fail(response: HttpResponse, repository: Repository): Promise<PkgrepoDiffError> {
    const body = await readCapped(response.body, ERROR_BODY_LIMIT, repository.input).catch(() => Buffer.alloc(0));
    if (response.status === 401 || response.status === 403) {
      return this.authError(response.status, repository, this.authenticator(repository.name));
    }
    return statusError(response.status, parseApiErrors(body.toString()), repository.input);
  }

  /** Read a whole small answer (a manifest, a config, a tag list) after checking its status. */
  async read(response: HttpResponse, limit: number, repository: Repository): Promise<Buffer> {
    if (response.status !== 200) throw await this.fail(response, repository);
    return readCapped(response.body, limit, repository.input);
  }

  private authenticator(repository: string): Authenticator {
    let auth = this.auth.get(repository);
    if (auth === undefined) {
      auth = new Authenticator(this.context.http, () => this.context.findCredential(repository), this.endpoint.registry);
      this.auth.set(repository, auth);
    }
    return auth;
  }

  private authError(status: number, repository: Repository, auth: Authenticator): PkgrepoDiffError {
    const what = status === 403 ? 'access denied' : 'authentication failed';
    return new PkgrepoDiffError('E_AUTH', `${what} by ${this.endpoint.registry} (${status}) with ${auth.source}`, {
      input: repository.input,
      hint: auth.source.startsWith('anonymous')
        ? 'pass --creds USER:PASS or log in with docker login'
        : 'check the credentials, or whether they may pull this repository',
    });
  }

  private retrying(what: string, delay: number): void {
    this.context.notice(`${this.endpoint.registry} ${what}; retrying in ${(delay / 1000).toFixed(1)}s`);
  }

  /** https first; plain http only where allowed and only when https is not spoken at all. */
  private baseUrl(repository: Repository, signal: AbortSignal | undefined): Promise<URL> {
    this.base ??= this.negotiate(signal);
    return this.base.catch((error: unknown) => {
      this.base = undefined;
      throw aboutReference(error, repository.input);
    });
  }

  private async negotiate(signal: AbortSignal | undefined): Promise<URL> {
    const { apiHost, allowHttp, skipVerify, registry } = this.endpoint;
    const secure = new URL(`https://${apiHost}/`);
    const failure = await this.ping(secure, signal);
    if (failure === undefined) {
      if (skipVerify) this.context.notice(`${registry}: TLS certificates are not verified (--insecure)`);
      return secure;
    }
    const code = codeOf(failure) ?? '';
    const tlsRefused = explainNetworkError(failure, apiHost);
    const speaksTls = tlsRefused.code === 'E_TLS' && !/^(EPROTO|ERR_SSL_WRONG_VERSION_NUMBER)$/.test(code);
    if (!allowHttp || speaksTls || code === 'ENOTFOUND') throw tlsRefused;
    const plain = new URL(`http://${apiHost}/`);
    const plainFailure = await this.ping(plain, signal);
    if (plainFailure !== undefined) throw code === 'ECONNREFUSED' ? tlsRefused : explainNetworkError(plainFailure, apiHost);
    debug('%s: https failed (%s); using http', registry, code);
    this.context.notice(`${registry}: using plain http (${skipVerify ? '--insecure' : 'loopback registry'})`);
    return plain;
  }

  /** GET /v2/: any HTTP answer means the scheme works; the error otherwise. */
  private async ping(base: URL, signal: AbortSignal | undefined): Promise<unknown> {
    try {
      const url = new URL('/v2/', base);
      const response = await this.context.http.send({ method: 'GET', url, headers: { 'user-agent': USER_AGENT }, signal });
      discard(response.body);
      return undefined;
    } catch (error) {
      if (signal?.aborted === true) throw error;
      return error;
    }
  }
}

export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
