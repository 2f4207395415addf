import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { ExecutionContext } from 'ava';

import type { CliRun } from './cli.js';
import { makeCertificates } from './certificates.js';
import { ROOT } from './paths.js';

const run = promisify(execFile);
const REGISTRY_BIN = '/usr/bin/docker-registry';

export interface RegistryOptions {
  /** Serve https with a certificate for 127.0.0.1 and localhost, signed by a CA made here. */
  tls?: boolean;
  /** htpasswd Basic auth with this one user. */
  htpasswd?: { user: string; password: string };
  /** The registry's `auth: token` mode; the token service is the caller's. */
  token?: { realm: string; service: string; issuer: string; rootCertBundle: string };
}

export interface StartedRegistry {
  /** `127.0.0.1:PORT`, as a reference names it. */
  host: string;
  url: string;
  /** The filesystem driver's root: blobs are under docker/registry/v2/blobs/sha256/XX/HEX/data. */
  storage: string;
  /** The test CA's certificate (PEM) when `tls` is on. */
  caFile?: string;
  stop(): Promise<void>;
}

/** Start the Debian `docker-registry` (CNCF distribution) on loopback with its storage in a temp dir. */
export async function startRegistry(options: RegistryOptions = {}): Promise<StartedRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-registry-'));
  const storage = join(dir, 'storage');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const http: Record<string, unknown> = { addr: host, secret: randomBytes(16).toString('hex') };
  const tls = options.tls === true ? await makeCertificates(join(dir, 'certs')) : undefined;
  if (tls !== undefined) http.tls = { certificate: tls.server.cert, key: tls.server.key };
  const config = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: storage }, delete: { enabled: true } },
    http,
    auth: await authConfig(dir, options),
  };
  const configFile = join(dir, 'config.yml');
  // JSON is YAML, and needs no quoting rules of its own.
  await writeFile(configFile, JSON.stringify(config, null, 2));

  const child = spawn(REGISTRY_BIN, ['serve', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    child.kill();
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host,
    url: `${tls === undefined ? 'http' : 'https'}://${host}`,
    storage,
    caFile: tls?.ca,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface PushOptions {
  /** `USER:PASS` for a registry with auth. */
  creds?: string;
  /** Recompress the layers with zstd. */
  zstd?: boolean;
  /** Manifest format written; by default the source's. */
  format?: 'oci' | 'v2s2';
  /** Copy every image of an index (`skopeo copy --all`). */
  all?: boolean;
  /** The engine a `docker-daemon:` source is read from (`unix://…`). */
  daemonHost?: string;
}

/** Push an image with `skopeo copy` (relative `oci:` paths are from the repository root); its manifest digest. */
export async function pushImage(registry: StartedRegistry, from: string, to: string, options: PushOptions = {}): Promise<string> {
  const digestFile = join(tmpdir(), `pkgrepo-diff-push-${randomBytes(6).toString('hex')}`);
  const args = ['copy', '--quiet', '--dest-tls-verify=false', '--digestfile', digestFile];
  if (options.creds !== undefined) args.push('--dest-creds', options.creds);
  if (options.zstd === true) args.push('--dest-compress-format', 'zstd', '--dest-compress');
  if (options.format !== undefined) args.push('--format', options.format);
  if (options.all === true) args.push('--all');
  if (options.daemonHost !== undefined) args.push('--src-daemon-host', options.daemonHost);
  try {
    await run('skopeo', [...args, from, `docker://${registry.host}/${to}`], { cwd: ROOT });
    return (await readFile(digestFile, 'utf8')).trim();
  } finally {
    await rm(digestFile, { force: true });
  }
}

/**
 * The CLI failed closed: exit 2, nothing on stdout, one error line. Notices (plain http on
 * loopback, retries, resumes) may come before it.
 */
export function failed(t: ExecutionContext, run: CliRun, pattern: RegExp): void {
  t.is(run.status, 2, run.stderr);
  t.is(run.stdout, '');
  const errors = run.stderr.trim().split('\n').filter((line) => !/using plain http|retrying in|resuming/.test(line));
  t.is(errors.length, 1, run.stderr);
  t.regex(errors[0] ?? '', pattern);
}

/** Where the registry keeps a blob's bytes, to alter them behind its back. */
export function blobDataPath(registry: StartedRegistry, digest: string): string {
  const hex = digest.replace(/^sha256:/, '');
  return join(registry.storage, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
}

async function authConfig(dir: string, options: RegistryOptions): Promise<Record<string, unknown> | undefined> {
  if (options.htpasswd !== undefined) {
    const path = join(dir, 'htpasswd');
    await writeFile(path, `${options.htpasswd.user}:${await bcrypt(options.htpasswd.password)}\n`);
    return { htpasswd: { realm: 'pkgrepo-diff-test', path } };
  }
  if (options.token !== undefined) {
    const { realm, service, issuer, rootCertBundle } = options.token;
    return { token: { realm, service, issuer, rootcertbundle: rootCertBundle } };
  }
  return undefined;
}

/**
 * A bcrypt hash as htpasswd files want it. Without apache2-utils or an npm bcrypt, Perl's crypt()
 * (libxcrypt, in every Debian) makes `$2b$` hashes, which the registry's Go bcrypt accepts.
 */
async function bcrypt(password: string): Promise<string> {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const salt = Array.from(randomBytes(22), (byte) => alphabet[byte % 64]).join('');
  const { stdout } = await run('perl', ['-e', 'print crypt($ARGV[0], $ARGV[1])', password, `$2b$05$${salt}`]);
  if (!stdout.startsWith('$2b$05$')) throw new Error(`perl crypt() made no bcrypt hash: ${stdout}`);
  return stdout;
}

/** A TCP port nothing listens on now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited ${child.exitCode}: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not listen on ${port}: ${stderr()}`);
}
