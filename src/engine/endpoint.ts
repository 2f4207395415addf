import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { join } from 'node:path';

import type Dockerode from 'dockerode';

import { PkgrepoDiffError } from '../errors.js';
import type { EngineOptions } from '../image/types.js';
import { currentContext, dockerConfigDir } from './context.js';

/** Where the engine listens, found the way the docker CLI finds it, and how to reach it. */
export interface EngineEndpoint {
  /** As the user writes it (`unix:///var/run/docker.sock`, `tcp://host:2376`), for messages. */
  address: string;
  /** What chose it: `--docker-host`, `DOCKER_HOST`, `docker context "NAME"` or the default. */
  origin: string;
  options: Dockerode.DockerOptions;
  /** True when TLS is on but the server's certificate is not checked. */
  insecure: boolean;
}

/** The engine the docker CLI talks to when nothing else is set. */
export const DEFAULT_HOST = 'unix:///var/run/docker.sock';

interface TlsFiles {
  dir: string;
  verify: boolean;
}

/**
 * `--docker-host`, else `DOCKER_HOST`, else the current docker context, else the default
 * socket. TLS for the first two comes from DOCKER_TLS_VERIFY / DOCKER_TLS and DOCKER_CERT_PATH,
 * for a context from its own TLS folder. Podman's Docker-compatible socket is just another
 * unix:// address.
 */
export async function resolveEndpoint(engine: EngineOptions, env: NodeJS.ProcessEnv): Promise<EngineEndpoint> {
  if (isSet(engine.host)) return endpointFor(engine.host, '--docker-host', envTls(env));
  if (isSet(env.DOCKER_HOST)) return endpointFor(env.DOCKER_HOST, 'DOCKER_HOST', envTls(env));
  const context = await currentContext(env);
  if (context !== undefined) {
    const tls = (await hasAny(context.tlsDir)) ? { dir: context.tlsDir, verify: !context.skipTlsVerify } : undefined;
    return endpointFor(context.host, `docker context "${context.name}"`, tls);
  }
  return endpointFor(DEFAULT_HOST, 'default', undefined);
}

async function endpointFor(host: string, origin: string, tls: TlsFiles | undefined): Promise<EngineEndpoint> {
  const unset = { socketPath: undefined, host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined, timeout: undefined };
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length) || '/var/run/docker.sock';
    return { address: `unix://${socketPath}`, origin, options: { ...unset, socketPath, protocol: 'http' }, insecure: false };
  }
  const url = parseTcp(host, origin);
  const port = url.port !== '' ? url.port : tls === undefined ? '2375' : '2376';
  const address = `tcp://${url.hostname}:${port}`;
  const base = { ...unset, host: url.hostname.replace(/^\[|\]$/g, ''), port, pathPrefix: '/' };
  if (tls === undefined) return { address, origin, options: { ...base, protocol: 'http' }, insecure: false };

  const material = await readTls(tls.dir, tls.verify, origin);
  const options: Dockerode.DockerOptions = { ...base, protocol: 'https', ...material };
  // docker-modem has no switch for "do not verify": an agent that skips the check is the way.
  const agentOptions = tls.verify ? {} : { agent: new Agent({ ...material, rejectUnauthorized: false }) };
  return { address, origin, options: { ...options, ...agentOptions }, insecure: !tls.verify };
}

function parseTcp(host: string, origin: string): URL {
  const invalid = (hint: string) =>
    new PkgrepoDiffError('E_ENGINE', `cannot use the engine address ${host}`, { input: origin, hint });
  if (host.startsWith('npipe://')) throw invalid('named pipes exist only on Windows');
  if (host.startsWith('ssh://')) throw invalid('ssh:// engines are not supported; forward the socket (ssh -L) and use unix:// or tcp://');
  let url: URL;
  try {
    url = new URL(host.includes('://') ? host : `tcp://${host}`);
  } catch (error) {
    throw new PkgrepoDiffError('E_ENGINE', `cannot parse the engine address ${host}`, { input: origin, hint: 'write unix:///path/to/docker.sock or tcp://host:port', cause: error });
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('write unix:///path/to/docker.sock or tcp://host:port');
  return url;
}

/** The docker CLI: DOCKER_TLS_VERIFY turns TLS on and checks the server, DOCKER_TLS only turns it on. */
function envTls(env: NodeJS.ProcessEnv): TlsFiles | undefined {
  const verify = isSet(env.DOCKER_TLS_VERIFY);
  if (!verify && !isSet(env.DOCKER_TLS)) return undefined;
  return { dir: isSet(env.DOCKER_CERT_PATH) ? env.DOCKER_CERT_PATH : dockerConfigDir(env), verify };
}

/** ca.pem, cert.pem and key.pem as far as they exist; verifying the server needs ca.pem. */
async function readTls(dir: string, verify: boolean, origin: string) {
  const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((name) => readFile(join(dir, name)).catch(() => undefined)));
  if (verify && ca === undefined) {
    throw new PkgrepoDiffError('E_ENGINE', `no ca.pem in ${dir} to verify the engine's certificate with`, {
      input: origin,
      hint: 'set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem',
    });
  }
  if ((cert === undefined) !== (key === undefined)) {
    throw new PkgrepoDiffError('E_ENGINE', `${dir} has only one of cert.pem and key.pem`, { input: origin });
  }
  return { ca, cert, key };
}

async function hasAny(dir: string): Promise<boolean> {
  const found = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((name) => readFile(join(dir, name)).then(() => true, () => false)));
  return found.includes(true);
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
