import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import test from 'ava';

import { ROOT } from './paths.js';

export { ROOT };
const BIN = fileURLToPath(new URL('../../bin/pkgrepo-diff', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the installed executable as a user would, from the repository root unless `cwd` says otherwise. */
export function runBin(args: string[], env: NodeJS.ProcessEnv = {}, cwd: string = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, stdout, stderr });
    });
  });
}

/** A fresh temporary folder, removed when the test ends. */
export async function scratchDir(t: { teardown(fn: () => Promise<void>): void }, prefix = 'pkgrepo-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Run and parse the JSON report; fails the caller when the run did not succeed. */
export async function runJson(args: string[]): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runBin([...args, '--format', 'json']);
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

export interface JsonChange {
  change: string;
  kind: string;
  manager: string;
  path: string;
  id: string;
  source: { id: string; uris: string[]; enabled: boolean; [field: string]: unknown } | null;
  setting: { name: string; value: unknown } | null;
  key: { scope: string; fingerprints: string[] } | null;
  fields: string[];
  layer: { index: number; digest: string } | null;
  instruction: string | null;
  findings: Array<{ rule: string; severity: string; message: string }>;
  addedIn?: { index: number };
  removedIn?: { index: number };
}

export interface JsonReport {
  command: string;
  changes: JsonChange[];
  transient: JsonChange[];
  sources: JsonChange[];
  settings: JsonChange[];
  keys: JsonChange[];
  problems: Array<{ path: string; severity: string; message: string }>;
  summary: Record<string, unknown>;
  [key: string]: unknown;
}

/** A compact, order-free description of changes for assertions: "added source /path @7". */
export function describeChanges(changes: readonly JsonChange[]): string[] {
  return changes.map((change) => `${change.change} ${change.kind} ${change.path} @${change.layer?.index ?? 'null'}`).sort();
}

export function rules(change: JsonChange | undefined): string[] {
  return (change?.findings ?? []).map((finding) => `${finding.rule}:${finding.severity}`).sort();
}

/** The CLI must fail closed: exit 2, nothing on stdout, one line on stderr matching `pattern`. */
export const fails = test.macro(async (t, args: string[], pattern: RegExp) => {
  const run = await runBin(args);
  t.is(run.status, 2);
  t.is(run.stdout, '');
  t.is(run.stderr.trim().split('\n').length, 1, run.stderr);
  t.regex(run.stderr, pattern);
});
