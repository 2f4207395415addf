import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import type Dockerode from 'dockerode';
import { z } from 'zod';

import { trace } from '../debug.js';
import { asPkgrepoDiffError, PkgrepoDiffError } from '../errors.js';
import { parseJson } from '../oci/parse.js';
import type { EngineEndpoint } from './endpoint.js';

const debug = trace('engine');

/** The fields of `GET /images/{name}/json` pkgrepo-diff reads; the engine sends many more. */
const inspectSchema = z.looseObject({
  Id: z.string().regex(/^sha256:[a-f0-9]{64}$/),
  RepoTags: z.array(z.string()).nullish(),
  RepoDigests: z.array(z.string()).nullish(),
  RootFS: z.looseObject({ Type: z.string(), Layers: z.array(z.string()).nullish() }),
  /** Bytes of the image's layers, uncompressed: about what its save stream carries. */
  Size: z.number().nullish(),
});
export type ImageInspect = z.infer<typeof inspectSchema>;

/** Errors of the socket or the TCP connection, in words. */
const UNREACHABLE: Record<string, string> = {
  ENOENT: 'no such socket',
  ECONNREFUSED: 'connection refused',
  EACCES: 'permission denied',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  ENOTSOCK: 'not a socket',
};

/** The two calls pkgrepo-diff makes to a Docker-compatible engine, through dockerode. */
export class EngineClient {
  private docker: Promise<Dockerode> | undefined;

  constructor(readonly endpoint: EngineEndpoint) {}

  /** `GET /images/{name}/json`: whether the engine has the image, and what it says of it. */
  async inspect(name: string, signal?: AbortSignal): Promise<ImageInspect> {
    const body = await this.dial(name, { path: `/images/${name}/json`, isStream: false }, signal);
    const where = `${this.endpoint.address} inspect ${name}`;
    return parseJson(inspectSchema, Buffer.isBuffer(body) ? body : JSON.stringify(body), where);
  }

  /** `GET /images/{name}/get`: the `docker save` tar of the image, as a stream. */
  async save(name: string, signal?: AbortSignal): Promise<Readable> {
    return (await this.dial(name, { path: `/images/${name}/get`, isStream: true }, signal)) as IncomingMessage;
  }

  private async dial(name: string, request: { path: string; isStream: boolean }, signal?: AbortSignal): Promise<unknown> {
    debug('GET %s on %s', request.path, this.endpoint.address);
    // Loaded on first use: dockerode and its gRPC dependencies cost a fifth of a second at
    // start-up, which every run that reads no engine image would pay.
    this.docker ??= import('dockerode').then(({ default: Dockerode }) => new Dockerode(this.endpoint.options));
    const docker = await this.docker;
    return new Promise((resolve, reject) => {
      docker.modem.dial(
        { ...request, method: 'GET', statusCodes: { 200: true, 404: 'no such image', 500: 'server error' }, abortSignal: signal },
        (error, result) => (error === null ? resolve(result) : reject(this.explain(error, name))),
      );
    });
  }

  /** One error that names the engine and, where it helps, what to do about it. */
  private explain(error: Error, name: string): PkgrepoDiffError {
    const { address, origin } = this.endpoint;
    const failure = error as Error & { statusCode?: number; code?: string; json?: { message?: string } | null };
    const from = origin === 'default' ? '' : ` (from ${origin})`;
    if (failure.statusCode === 404) {
      return new PkgrepoDiffError('E_NOT_FOUND', `image ${name} not found in the engine at ${address}${from}`, {
        hint: 'docker images lists the images there; build or pull it first',
        cause: error,
      });
    }
    if (failure.statusCode !== undefined) {
      const message = failure.json?.message ?? error.message;
      // Go's TLS server answers plain HTTP with a 400 that says so: the address wants TLS.
      const hint = /HTTP request to an HTTPS server/i.test(message) ? 'the engine speaks TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH' : undefined;
      return new PkgrepoDiffError('E_ENGINE', `the engine at ${address} answered ${failure.statusCode}: ${message}`, { cause: error, hint });
    }
    const reason = failure.code === undefined ? undefined : UNREACHABLE[failure.code];
    if (reason !== undefined) {
      return new PkgrepoDiffError('E_ENGINE', `cannot reach the Docker engine at ${address}${from}: ${reason}`, {
        hint: failure.code === 'EACCES'
          ? 'run as a user in the docker group, or point DOCKER_HOST at a socket you may use'
          : 'start dockerd (or podman system service), or point --docker-host, DOCKER_HOST or a docker context at a running engine',
        cause: error,
      });
    }
    if (failure.code?.startsWith('ERR_TLS') === true || /certificate|SSL|TLS/i.test(error.message)) {
      return new PkgrepoDiffError('E_ENGINE', `TLS with the engine at ${address} failed: ${error.message}`, {
        hint: 'check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) or the context TLS files',
        cause: error,
      });
    }
    return asPkgrepoDiffError(error, 'E_ENGINE', address);
  }
}
