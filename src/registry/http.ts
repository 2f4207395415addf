import { Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import { trace } from '../debug.js';
import type { Endpoint } from './endpoint.js';

const debug = trace('registry');

/** Redirects followed per request, as Go's net/http and skopeo do at most ten; five is plenty. */
const MAX_REDIRECTS = 5;
/** A socket idle this long is given up on; the retry logic decides what happens next. */
const IDLE_TIMEOUT_MS = 30_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: URL;
  /** Lower-case names, so `authorization` can be dropped on a redirect. */
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Where the answer finally came from, after redirects. */
  url: URL;
  body: IncomingMessage;
}

/**
 * HTTP/1.1 over node:http and node:https with keep-alive agents for one endpoint's trust
 * settings. Redirects are followed by hand so Authorization never leaves the origin it was
 * meant for (blob storage behind a registry gets the signed URL only).
 */
export class HttpClient {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  private readonly https: HttpsAgent;

  constructor(endpoint: Pick<Endpoint, 'ca' | 'skipVerify'>) {
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 8, ca: endpoint.ca, rejectUnauthorized: !endpoint.skipVerify });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    let current = request;
    for (let hops = 0; ; hops += 1) {
      const response = await this.once(current);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || location === undefined) return response;
      response.body.resume();
      if (hops >= MAX_REDIRECTS) throw Object.assign(new Error(`more than ${MAX_REDIRECTS} redirects`), { code: 'E_REDIRECTS' });
      current = redirect(current, new URL(location, current.url), response.status);
    }
  }

  /** Close idle keep-alive sockets. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }

  private once(request: HttpRequest): Promise<HttpResponse> {
    const secure = request.url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    // The query of a redirect to blob storage is often a signature: leave it out of traces.
    if (debug.enabled) debug('%s %s%s', request.method, request.url.origin, request.url.pathname);
    return new Promise((resolve, reject) => {
      const outgoing = send(
        request.url,
        { method: request.method, headers: request.headers, agent: secure ? this.https : this.http, signal: request.signal },
        (body) => resolve({ status: body.statusCode ?? 0, headers: body.headers, url: request.url, body }),
      );
      outgoing.setTimeout(IDLE_TIMEOUT_MS, () => outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }
}

/** The next hop: 303 turns into GET, and credentials stay behind when the origin changes. */
function redirect(request: HttpRequest, url: URL, status: number): HttpRequest {
  const headers = { ...request.headers };
  if (url.origin !== request.url.origin) {
    delete headers.authorization;
    if (debug.enabled) debug('redirected to %s; authorization dropped', url.origin);
  }
  if (status === 303) return { method: 'GET', url, headers, signal: request.signal };
  return { ...request, url, headers };
}
