import { homedir } from 'node:os';
import { join } from 'node:path';

import { trace } from '../debug.js';
import { PkgrepoDiffError } from '../errors.js';
import type { RegistryOptions } from '../image/types.js';
import {
  type CredentialFile,
  decodeEntry,
  DOCKER_HUB_SERVER,
  findEntry,
  normalizeAuthKey,
  readCredentialFile,
} from './credential-files.js';
import { getFromHelper } from './credential-helper.js';

const debug = trace('registry:auth');

/** A credential for one registry, with `source` naming where it came from (never the secret). */
export type RegistryCredential =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'bearer'; token: string; source: string }
  | { kind: 'identity-token'; token: string; username?: string; source: string };

export interface CredentialOptions {
  env: NodeJS.ProcessEnv;
  registry: RegistryOptions;
  /** The repository path (`team/app`), so `host/team` keys of the containers auth file match. */
  repository?: string;
}

/**
 * The credential for `registry` (host[:port], docker.io for Docker Hub), looked up in the order
 * skopeo, podman and docker users expect: --creds / --registry-token; the containers auth file
 * (REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json, else /run/containers/UID/auth.json,
 * then ~/.config/containers/auth.json); Docker's config.json (DOCKER_CONFIG or ~/.docker). In
 * each file a `credHelpers` entry for the registry comes first, as in both tools, then the
 * `auths` entry, then Docker's catch-all `credsStore`. Undefined means anonymous. Errors name the
 * flag, file or helper in their message and leave `input` to the caller (the image reference).
 */
export async function findCredential(registry: string, options: CredentialOptions): Promise<RegistryCredential | undefined> {
  const explicit = fromFlags(options.registry);
  if (explicit !== undefined) return explicit;

  // Callers normalise already; this keeps `Registry.Example` and `index.docker.io` matching too.
  const host = normalizeAuthKey(registry, 'docker');
  for (const file of credentialFiles(options.env)) {
    const read = await readCredentialFile(file.path, file.kind);
    const credential = read === undefined ? undefined : await fromFile(read, host, options);
    if (credential !== undefined) {
      debug('%s: credential from %s', registry, credential.source);
      return credential;
    }
  }

  debug('%s: no credential found, anonymous', registry);
  return undefined;
}

/** Check --creds and --registry-token up front, so a bad one fails before any request is made. */
export function checkCredentialFlags(options: RegistryOptions): void {
  fromFlags(options);
}

function fromFlags(options: RegistryOptions): RegistryCredential | undefined {
  if (options.creds !== undefined && options.registryToken !== undefined) {
    throw new PkgrepoDiffError('E_USAGE', '--creds and --registry-token cannot be used together');
  }
  if (options.registryToken !== undefined) {
    if (options.registryToken === '') throw new PkgrepoDiffError('E_USAGE', '--registry-token: the token is empty');
    return { kind: 'bearer', token: options.registryToken, source: '--registry-token' };
  }
  if (options.creds === undefined) return undefined;

  const colon = options.creds.indexOf(':');
  if (colon < 0) {
    throw new PkgrepoDiffError('E_USAGE', '--creds needs USER:PASSWORD; pkgrepo-diff does not prompt for a password', {
      hint: 'pass --creds USER:PASSWORD, or log in with docker login or podman login',
    });
  }
  const username = options.creds.slice(0, colon);
  if (username === '') throw new PkgrepoDiffError('E_USAGE', '--creds: the user name is empty');
  return { kind: 'basic', username, password: options.creds.slice(colon + 1), source: '--creds' };
}

async function fromFile(file: CredentialFile, registry: string, options: CredentialOptions): Promise<RegistryCredential | undefined> {
  const label = file.kind === 'containers' ? `auth file ${file.path}` : `docker config ${file.path}`;
  // Docker's helpers store Docker Hub under its legacy v1 URL; podman's under the host name.
  const serverUrl = file.kind === 'docker' && registry === 'docker.io' ? DOCKER_HUB_SERVER : registry;

  const helper = file.credHelpers.get(registry);
  if (helper !== undefined) {
    const credential = await getFromHelper(helper, serverUrl, options.env, `${label} (credHelpers: ${helper})`);
    if (credential !== undefined) return credential;
  }

  const entry = findEntry(file, registry, options.repository);
  const credential = entry === undefined ? undefined : decodeEntry(entry, file.path, label);
  if (credential !== undefined) return credential;

  if (file.credsStore === undefined) return undefined;
  return getFromHelper(file.credsStore, serverUrl, options.env, `${label} (credsStore: ${file.credsStore})`);
}

/** The files to look in, in order, without duplicates. */
function credentialFiles(env: NodeJS.ProcessEnv): Array<{ path: string; kind: 'containers' | 'docker' }> {
  const home = env.HOME || homedir();
  const uid = process.getuid?.() ?? 0;
  const runtime = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json') : `/run/containers/${uid}/auth.json`;
  const containers = [env.REGISTRY_AUTH_FILE || runtime, join(env.XDG_CONFIG_HOME || join(home, '.config'), 'containers', 'auth.json')];
  const docker = join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json');
  return [
    ...[...new Set(containers)].map((path) => ({ path, kind: 'containers' as const })),
    { path: docker, kind: 'docker' as const },
  ];
}
