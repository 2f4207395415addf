import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';

import { makeCertificates } from './certificates.js';
import { ROOT } from './paths.js';
import { freePort } from './registry.js';

/**
 * A real Docker engine (Debian's docker.io dockerd) for the engine tests, started without
 * systemd: vfs storage, no iptables, no bridge, its socket, data and exec roots in a temp folder
 * that is removed when it stops. Needs root, as dockerd does. Mirrors fixtures/build-images.sh.
 */
export interface Dockerd {
  /** `unix://…/docker.sock`, to put in DOCKER_HOST or --docker-host. */
  host: string;
  socket: string;
  /** The temp folder everything lives in; tests may put their own files here. */
  dir: string;
  /** Run the docker CLI against this engine; resolves with stdout. */
  docker(args: string[]): Promise<string>;
  /** With `tls`: a second listener on loopback TCP that requires a client certificate. */
  tcp?: {
    /** `tcp://127.0.0.1:PORT` */
    host: string;
    /** A DOCKER_CERT_PATH folder: ca.pem, cert.pem and key.pem of a client the engine trusts. */
    certPath: string;
  };
  stop(): Promise<void>;
}

export interface DockerdOptions {
  /** Also listen on `tcp://127.0.0.1:PORT` with --tlsverify and a test CA. */
  tls?: boolean;
}

/** Images of fixtures/engine, in build order (each FROM names one built before it). */
export const ENGINE_IMAGES = ['base:1', 'app:2', 'prune:3'] as const;
/** Repository prefix of every image the tests build. */
export const PREFIX = 'pkgrepo-engine';
/** The busybox applets the Dockerfiles' RUN steps use. */
const APPLETS = ['sh', 'mkdir', 'echo', 'rm', 'sed', 'ln'];
/** Fixed mtime of the base rootfs, so its diffID is the same on every run (2024-01-01). */
const BASE_EPOCH = 1704067200;

export async function startDockerd(options: DockerdOptions = {}): Promise<Dockerd> {
  // Short: a unix socket path must fit in 108 bytes, and dockerd puts its own under exec-root.
  const dir = await mkdtemp('/tmp/pd-');
  const socket = join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const tcp = options.tls === true ? await tlsListener(dir) : undefined;
  const log = openSync(join(dir, 'dockerd.log'), 'a');
  const child = spawn(
    'dockerd',
    ['--storage-driver', 'vfs', '--iptables=false', '--ip-masq=false', '--bridge=none', '--host', host,
      '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'x'), '--pidfile', join(dir, 'docker.pid'), ...(tcp?.flags ?? [])],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const config = join(dir, 'cli-config');
  await mkdir(config);
  const docker = (args: string[]) => run('docker', args, { DOCKER_HOST: host, DOCKER_CONFIG: config, DOCKER_BUILDKIT: '0' });
  const engine: Dockerd = { host, socket, dir, docker, stop: () => stop(child, exited, dir) };
  if (tcp !== undefined) engine.tcp = { host: tcp.host, certPath: tcp.certPath };

  try {
    await waitUntilUp(socket, child);
  } catch (error) {
    await engine.stop();
    throw error;
  }
  return engine;
}

/** Import the busybox base and build every image of fixtures/engine with the classic builder. */
export async function buildEngineImages(engine: Dockerd): Promise<void> {
  await importBase(engine);
  for (const ref of ENGINE_IMAGES) {
    const folder = ref.replace(':', '-');
    await engine.docker(['build', '-q', '--network', 'none', '--force-rm', '-f', `fixtures/engine/${folder}/Dockerfile`, '-t', `${PREFIX}/${ref}`, 'fixtures/engine']);
  }
}

/** `pkgrepo-engine/rootfs:1`: busybox-static and its applet links, as one deterministic tar. */
async function importBase(engine: Dockerd): Promise<void> {
  const root = join(engine.dir, 'rootfs');
  await mkdir(join(root, 'bin'), { recursive: true });
  await mkdir(join(root, 'etc'));
  await mkdir(join(root, 'tmp'));
  await copyFile('/bin/busybox', join(root, 'bin', 'busybox'));
  await chmod(join(root, 'bin', 'busybox'), 0o755);
  for (const applet of APPLETS) await symlink('busybox', join(root, 'bin', applet));
  await chmod(join(root, 'tmp'), 0o1777);
  const tarball = join(engine.dir, 'rootfs.tar');
  await run('tar', ['--sort=name', '--format=gnu', `--mtime=@${BASE_EPOCH}`, '--owner=0', '--group=0', '--numeric-owner', '-C', root, '-cf', tarball, ...(await readdir(root))]);
  await engine.docker(['import', '--change', 'CMD ["/bin/sh"]', '--message', 'busybox-static rootfs', tarball, `${PREFIX}/rootfs:1`]);
}

/** Certificates for a TLS listener, and a client's DOCKER_CERT_PATH folder laid out as docker wants it. */
async function tlsListener(dir: string): Promise<{ host: string; certPath: string; flags: string[] }> {
  const made = await makeCertificates(join(dir, 'certs'));
  const certPath = join(dir, 'client');
  await mkdir(certPath);
  await copyFile(made.ca, join(certPath, 'ca.pem'));
  await copyFile(made.client.cert, join(certPath, 'cert.pem'));
  await copyFile(made.client.key, join(certPath, 'key.pem'));
  const host = `tcp://127.0.0.1:${await freePort()}`;
  const flags = ['--host', host, '--tlsverify', '--tlscacert', made.ca, '--tlscert', made.server.cert, '--tlskey', made.server.key];
  return { host, certPath, flags };
}

export async function waitUntilUp(socket: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) break;
    if (await ping(socket)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no engine answered on ${socket}; see the log in its folder`);
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function stop(child: ChildProcess, exited: Promise<void>, dir: string): Promise<void> {
  if (child.exitCode === null) child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killed);
  await rm(dir, { recursive: true, force: true });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim() || error.message}`));
    });
  });
}
