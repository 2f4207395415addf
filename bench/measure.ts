import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin/pkgrepo-diff');
const RSS_HOOK = fileURLToPath(new URL('./rss.mjs', import.meta.url));

export interface Command {
  /** Shown in the report. */
  label: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  /** Exit statuses that count as success (pkgrepo-diff exits 1 on findings with --fail-on). */
  ok?: number[];
}

export interface Sample {
  seconds: number;
  /** Peak RSS in MiB, for node processes run through `node()`. */
  rssMiB: number | null;
}

/** A command that runs pkgrepo-diff's executable with the RSS hook preloaded. */
export function pkgrepoDiff(label: string, args: string[], env: NodeJS.ProcessEnv = {}): Command {
  return { label, argv: [process.execPath, '--import', RSS_HOOK, BIN, ...args], env, ok: [0, 1] };
}

/** A shell pipeline, for baselines such as `docker save IMG > /dev/null`. */
export function shell(label: string, script: string, env: NodeJS.ProcessEnv = {}): Command {
  return { label, argv: ['bash', '-o', 'pipefail', '-c', script], env };
}

/** Run once, with output discarded, and time it from spawn to exit. */
export async function run(command: Command): Promise<Sample> {
  const rssFile = join(tmpdir(), `pkgrepo-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const [program, ...args] = command.argv as [string, ...string[]];
  let stderr = '';
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: ROOT,
      env: { ...process.env, ...command.env, PKGREPO_BENCH_RSS: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!(command.ok ?? [0]).includes(status)) throw new Error(`${command.label}: exit ${status}: ${stderr.trim()}`);
  const rss = await readFile(rssFile, 'utf8').then(Number, () => null);
  await rm(rssFile, { force: true });
  return { seconds, rssMiB: rss === null ? null : rss / 1024 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
