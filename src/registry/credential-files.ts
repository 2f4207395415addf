import { readFile } from 'node:fs/promises';

import { z } from 'zod';

import { PkgrepoDiffError } from '../errors.js';
import type { RegistryCredential } from './credentials.js';

/**
 * The two credential files users already have: the containers auth file (podman, skopeo,
 * buildah) and Docker's config.json. Both share the `auths` / `credHelpers` shape; keys differ
 * in what they may hold. https://github.com/containers/image/blob/main/docs/containers-auth.json.5.md
 */
export type FileKind = 'containers' | 'docker';

const entrySchema = z.looseObject({
  auth: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  identitytoken: z.string().optional(),
  registrytoken: z.string().optional(),
});
type AuthEntry = z.infer<typeof entrySchema>;

const fileSchema = z.looseObject({
  auths: z.record(z.string(), entrySchema).nullish(),
  credHelpers: z.record(z.string(), z.string()).nullish(),
  credsStore: z.string().nullish(),
});

/** One credential file, its keys normalised to `host[:port]` or `host[:port]/namespace...`. */
export interface CredentialFile {
  path: string;
  kind: FileKind;
  auths: Map<string, { key: string; entry: AuthEntry }>;
  credHelpers: Map<string, string>;
  credsStore: string | undefined;
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The key `docker login` writes for Docker Hub, and the server URL its helpers know it by. */
export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
/** Helper names become part of an executable name: keep them to what helpers are called. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Read one credential file; undefined when it does not exist. Malformed files are errors. */
export async function readCredentialFile(path: string, kind: FileKind): Promise<CredentialFile | undefined> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new PkgrepoDiffError('E_IO', `${path}: cannot read credentials: ${error.code ?? error.message}`, { cause: error });
  });
  if (text === undefined) return undefined;

  const parsed = fileSchema.safeParse(parseQuietly(text, path));
  if (!parsed.success) {
    // zod's messages name the field and the expected type, never the value.
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw malformed(path, `unexpected content${where}: ${issue?.message ?? 'invalid'}`);
  }

  const auths = new Map<string, { key: string; entry: AuthEntry }>();
  for (const [key, entry] of Object.entries(parsed.data.auths ?? {})) {
    const normalised = normalizeAuthKey(key, kind);
    const held = auths.get(normalised);
    if (held === undefined || isCanonicalKey(key, normalised)) auths.set(normalised, { key, entry });
  }
  const credHelpers = new Map<string, string>();
  for (const [key, helper] of Object.entries(parsed.data.credHelpers ?? {})) {
    checkHelperName(helper, path);
    credHelpers.set(normalizeAuthKey(key, 'docker'), helper);
  }
  const credsStore = parsed.data.credsStore ?? undefined;
  if (credsStore !== undefined && credsStore !== '') checkHelperName(credsStore, path);
  return { path, kind, auths, credHelpers, credsStore: credsStore === '' ? undefined : credsStore };
}

/**
 * The entry for a registry, most specific key first: the containers auth file may key by
 * `host/namespace/repo`, as containers-auth.json(5) describes; Docker's keys are hosts only.
 */
export function findEntry(file: CredentialFile, registry: string, repository: string | undefined) {
  const candidates = file.kind === 'containers' && repository !== undefined ? scopes(registry, repository) : [registry];
  for (const candidate of candidates) {
    const found = file.auths.get(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Decode an `auths` entry; undefined when it holds no secret (helpers then get their turn). */
export function decodeEntry(found: { key: string; entry: AuthEntry }, path: string, source: string): RegistryCredential | undefined {
  const { key, entry } = found;
  const basic = entry.auth !== undefined && entry.auth !== '' ? decodeAuth(entry.auth, key, path) : undefined;
  const username = basic?.username ?? entry.username;
  if (entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken, username, source };
  if (entry.registrytoken) return { kind: 'bearer', token: entry.registrytoken, source };
  if (basic !== undefined) return { kind: 'basic', ...basic, source };
  if (entry.username && entry.password) return { kind: 'basic', username: entry.username, password: entry.password, source };
  return undefined;
}

/** `host[:port]` as docker's ConvertToHostname gives it, with Docker Hub's aliases as docker.io. */
export function normalizeAuthKey(key: string, kind: FileKind): string {
  const withoutScheme = key.replace(/^https?:\/\//i, '');
  // A scheme marks a legacy URL key (`https://host/v1/`): only its host counts, as in docker.
  const hostOnly = kind === 'docker' || withoutScheme !== key;
  const [host = '', ...rest] = withoutScheme.replace(/\/+$/, '').split('/');
  const registry = DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase();
  return hostOnly || rest.length === 0 ? registry : [registry, ...rest].join('/');
}

function isCanonicalKey(key: string, normalised: string): boolean {
  return normalised === 'docker.io' ? key === DOCKER_HUB_SERVER : key === normalised;
}

function scopes(registry: string, repository: string): string[] {
  const parts = repository.split('/').filter((part) => part !== '');
  const keys: string[] = [];
  for (let length = parts.length; length > 0; length -= 1) keys.push([registry, ...parts.slice(0, length)].join('/'));
  return [...keys, registry];
}

function decodeAuth(auth: string, key: string, path: string): { username: string; password: string } {
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(auth) ? Buffer.from(auth, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw malformed(path, `auths["${key}"].auth is not base64 of USER:PASSWORD`);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function checkHelperName(name: string, path: string): void {
  if (!HELPER_NAME.test(name)) throw malformed(path, `"${name}" is not a credential helper name`);
}

/** JSON.parse messages quote the text around the error, which may be a secret: keep the position only. */
function parseQuietly(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw malformed(path, `not valid JSON${position === undefined ? '' : ` (at byte ${position})`}`);
  }
}

/** The file is named in the message, not as `input`: callers name the image the lookup was for. */
function malformed(path: string, message: string): PkgrepoDiffError {
  return new PkgrepoDiffError('E_FORMAT', `${path}: ${message}`, { hint: 'fix or remove the file, or pass --creds' });
}
