import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What a test helper answers for one server URL: a credential, or a failure it prints. */
export type HelperAnswer = { Username: string; Secret: string } | { fail: string };

/**
 * A `docker-credential-NAME` executable speaking the real helper protocol (server URL on stdin,
 * JSON on stdout, "credentials not found in native keychain" and exit 1 when it has nothing),
 * answering from a JSON store and logging every server URL it was asked for.
 */
export interface InstalledHelper {
  /** The directory holding the executable: put it first on PATH. */
  dir: string;
  /** PATH with the helper's directory first. */
  path: string;
  /** The server URLs the helper was asked about, in order. */
  asked(): Promise<string[]>;
}

const SCRIPT = `
const fs = require('node:fs');
if (process.argv[2] !== 'get') { process.stdout.write('only get is supported'); process.exit(1); }
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const dir = __dirname;
  fs.appendFileSync(dir + '/asked.log', input + '\\n');
  const answers = JSON.parse(fs.readFileSync(dir + '/store.json', 'utf8'));
  const answer = answers[input];
  if (answer === undefined) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  if (answer.fail !== undefined) { process.stderr.write(answer.fail + '\\n'); process.exit(3); }
  process.stdout.write(JSON.stringify({ ServerURL: input, ...answer }) + '\\n');
});
`;

/** Write `docker-credential-NAME` into a fresh directory, answering from `store` by server URL. */
export async function installCredentialHelper(name: string, store: Record<string, HelperAnswer>): Promise<InstalledHelper> {
  const dir = await mkdtemp(join(tmpdir(), 'pkgrepo-diff-helper-'));
  const program = join(dir, `docker-credential-${name}`);
  await writeFile(program, `#!${process.execPath}\n${SCRIPT}`);
  await chmod(program, 0o755);
  await writeFile(join(dir, 'store.json'), JSON.stringify(store));
  return {
    dir,
    path: [dir, process.env.PATH ?? ''].join(delimiter),
    async asked() {
      const log = await readFile(join(dir, 'asked.log'), 'utf8').catch(() => '');
      return log.split('\n').filter((line) => line !== '');
    },
  };
}
