import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { waitUntilUp } from './dockerd.js';
import { ROOT } from './paths.js';

export interface Podman {
  /** `unix://…/podman.sock`: Podman's Docker-compatible API. */
  host: string;
  /** Run podman against this instance's own storage; resolves with stdout. */
  podman(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Podman's API service (`podman system service`) on a socket of its own, with its storage (vfs)
 * and run state under a temp folder, so nothing of the machine's own podman is touched.
 */
export async function startPodman(): Promise<Podman> {
  const dir = await mkdtemp('/tmp/pp-');
  const socket = join(dir, 'podman.sock');
  const host = `unix://${socket}`;
  const global = [
    '--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs',
    '--cgroup-manager', 'cgroupfs', '--events-backend', 'none', '--tmpdir', join(dir, 'tmp'),
  ];
  const podman = (args: string[]) => run('podman', [...global, ...args]);
  const log = openSync(join(dir, 'service.log'), 'a');
  const child = spawn('podman', [...global, 'system', 'service', '--time=0', host], { stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await halt(child, exited);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(socket, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, podman, stop };
}

async function halt(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null) child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killed);
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${command} ${args.slice(-3).join(' ')}: ${stderr.trim() || error.message}`));
    });
  });
}
