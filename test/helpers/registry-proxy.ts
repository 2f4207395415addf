import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

import type { StartedRegistry } from './registry.js';

/** A request as the proxy saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** Decide what to do with a request: answer it yourself, or let it through (`forward`). */
export type Intercept = (request: IncomingMessage, response: ServerResponse, forward: Forward) => void;
export type Forward = (options?: { headers?: IncomingHttpHeaders; onResponse?: (upstream: IncomingMessage, response: ServerResponse) => void }) => void;

export interface StartedProxy {
  host: string;
  url: string;
  seen: SeenRequest[];
  stop(): Promise<void>;
}

/**
 * A plain-http proxy on a loopback address in front of a real registry, to make the network
 * misbehave on purpose (redirects, cut connections, rate limits) while the registry stays real.
 */
export async function startProxy(registry: StartedRegistry, options: { address?: string; intercept?: Intercept } = {}): Promise<StartedProxy> {
  const seen: SeenRequest[] = [];
  const ca = registry.caFile === undefined ? undefined : readFileSync(registry.caFile);
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    const forward: Forward = (forwardOptions = {}) => {
      const target = new URL(request.url ?? '/', registry.url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const headers = { ...(forwardOptions.headers ?? request.headers), host: target.host };
      const upstream = send(target, { method: request.method, headers, ca }, (answer) => {
        if (forwardOptions.onResponse !== undefined) return forwardOptions.onResponse(answer, response);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    };
    if (options.intercept === undefined) forward();
    else options.intercept(request, response, forward);
  });
  await new Promise<void>((resolve) => server.listen(0, options.address ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const host = `${address}:${port}`;
  return {
    host,
    url: `http://${host}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Is this a GET of a blob (`/v2/NAME/blobs/DIGEST`)? */
export function isBlobGet(request: IncomingMessage, digest?: string): boolean {
  const path = request.url ?? '';
  return request.method === 'GET' && /\/blobs\/sha256:[a-f0-9]{64}$/.test(path) && (digest === undefined || path.endsWith(digest));
}
