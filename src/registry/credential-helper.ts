import { spawn } from 'node:child_process';

import { z } from 'zod';

import { PkgrepoDiffError } from '../errors.js';
import type { RegistryCredential } from './credentials.js';

/**
 * The docker-credential-helpers protocol: run `docker-credential-NAME get`, write the server URL
 * on stdin, read `{ServerURL, Username, Secret}` on stdout. A Username of `<token>` means the
 * Secret is an identity token. https://github.com/docker/docker-credential-helpers#development
 */
const replySchema = z.looseObject({ Username: z.string().optional(), Secret: z.string().optional() });

const IDENTITY_TOKEN_USER = '<token>';
/** What helpers print when they hold nothing for the server: docker treats it as anonymous. */
const NOT_FOUND = /credentials not found/i;
/** A reply is a few hundred bytes; more is not a helper speaking the protocol. */
const OUTPUT_LIMIT = 64 * 1024;
/** Helpers may wait on a keyring or a pinentry; do not hang forever on one. */
const HELPER_TIMEOUT_MS = 60_000;

/** Ask a credential helper for a server's credential; undefined when it has none. */
export async function getFromHelper(
  name: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv,
  source: string,
): Promise<RegistryCredential | undefined> {
  const program = `docker-credential-${name}`;
  const { code, stdout, stderr, error } = await run(program, serverUrl, env);

  if (error !== undefined) throw failure(program, source, describeSpawnError(error, program), error);
  if (code !== 0) {
    if (NOT_FOUND.test(stdout) || NOT_FOUND.test(stderr)) return undefined;
    throw failure(program, source, `exited with status ${code ?? 'unknown'}${firstLine(stderr || stdout)}`);
  }

  const reply = replySchema.safeParse(safeJson(stdout));
  if (!reply.success) throw failure(program, source, 'did not answer with {ServerURL, Username, Secret} JSON');
  const { Username: username = '', Secret: secret = '' } = reply.data;
  if (secret === '') return undefined;
  if (username === IDENTITY_TOKEN_USER) return { kind: 'identity-token', token: secret, source };
  return { kind: 'basic', username, password: secret, source };
}

interface HelperRun {
  code: number | null;
  stdout: string;
  stderr: string;
  error: Error | undefined;
}

function run(program: string, serverUrl: string, env: NodeJS.ProcessEnv): Promise<HelperRun> {
  return new Promise((resolve) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], signal: AbortSignal.timeout(HELPER_TIMEOUT_MS) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failed: Error | undefined;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > OUTPUT_LIMIT) {
        failed ??= new Error(`wrote more than ${OUTPUT_LIMIT} bytes`);
        child.kill();
        return;
      }
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.stdin.on('error', () => undefined); // a helper that exits without reading stdin
    const finish = (code: number | null) =>
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), error: failed });
    child.on('error', (error) => {
      failed ??= error;
      if (child.pid === undefined) finish(null); // never started, so no 'close' to wait for
    });
    child.on('close', finish);
    child.stdin.end(serverUrl);
  });
}

function describeSpawnError(error: Error, program: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${program} is not on PATH`;
  if (error.name === 'AbortError') return `gave no answer within ${HELPER_TIMEOUT_MS / 1000}s`;
  return error.message;
}

function failure(program: string, source: string, message: string, cause?: Error): PkgrepoDiffError {
  return new PkgrepoDiffError('E_IO', `${source}: credential helper ${program} failed: ${message}`, {
    hint: 'fix the helper, remove it from the config, or pass --creds',
    cause,
  });
}

/** The helper's own error line helps the user; cap it so a chatty helper cannot flood stderr. */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]?.trim().slice(0, 200) ?? '';
  return line === '' ? '' : `: ${line}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
