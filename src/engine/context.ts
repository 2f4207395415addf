import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { PkgrepoDiffError } from '../errors.js';
import { parseJson } from '../oci/parse.js';

/** The part of a docker context the engine connection needs. */
export interface DockerContext {
  name: string;
  host: string;
  skipTlsVerify: boolean;
  /** contexts/tls/<id>/docker: ca.pem, cert.pem and key.pem when the context has TLS material. */
  tlsDir: string;
}

const configSchema = z.looseObject({ currentContext: z.string().optional() });
const metaSchema = z.looseObject({
  Name: z.string().optional(),
  Endpoints: z.looseObject({
    docker: z.looseObject({ Host: z.string(), SkipTLSVerify: z.boolean().optional() }).optional(),
  }),
});

/** `$DOCKER_CONFIG`, else `~/.docker`: where the docker CLI keeps config.json and contexts. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(homedir(), '.docker');
}

/**
 * The current docker context as the docker CLI picks it (`DOCKER_CONTEXT`, else `currentContext`
 * in config.json); undefined for the built-in `default` context, which means "no context".
 * https://docs.docker.com/engine/manage-resources/contexts/
 */
export async function currentContext(env: NodeJS.ProcessEnv): Promise<DockerContext | undefined> {
  const dir = dockerConfigDir(env);
  const name = env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== '' ? env.DOCKER_CONTEXT : await configuredContext(dir);
  if (name === undefined || name === 'default') return undefined;

  // The CLI stores each context under the sha256 of its name.
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = join(dir, 'contexts', 'meta', id, 'meta.json');
  const bytes = await readFile(metaFile).catch((error: unknown) => {
    throw new PkgrepoDiffError('E_ENGINE', `docker context "${name}" not found`, {
      input: metaFile,
      hint: 'docker context ls lists the contexts; choose one with docker context use, or set DOCKER_HOST',
      cause: error,
    });
  });
  const endpoint = parseJson(metaSchema, bytes, metaFile).Endpoints.docker;
  if (endpoint === undefined) {
    throw new PkgrepoDiffError('E_ENGINE', `docker context "${name}" has no docker endpoint`, { input: metaFile });
  }
  return { name, host: endpoint.Host, skipTlsVerify: endpoint.SkipTLSVerify ?? false, tlsDir: join(dir, 'contexts', 'tls', id, 'docker') };
}

async function configuredContext(dir: string): Promise<string | undefined> {
  const file = join(dir, 'config.json');
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return undefined;
  return parseJson(configSchema, bytes, file).currentContext;
}
