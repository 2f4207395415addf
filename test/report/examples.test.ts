import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import test from 'ava';
import { parse } from 'yaml';

import { ROOT, runBin, scratchDir } from '../helpers/cli.js';

/**
 * The CI examples run pkgrepo-diff as written: the command is taken out of each file, its image
 * variables pointed at fixture images (a registry base and an engine build cannot run here; the
 * transports have their own tests), and run from an empty folder as a CI job would.
 */
const STAND_INS: Record<string, string> = {
  'docker://$BASE_IMAGE': `oci:${ROOT}/fixtures/oci:apt-1`,
  'docker-daemon:$IMAGE': `oci:${ROOT}/fixtures/oci:apt-2`,
  Dockerfile: join(ROOT, 'fixtures/images/apt-2/Dockerfile'),
};

const NPX = 'npx --yes --package "$PKGREPO_DIFF" pkgrepo-diff ';

/** The pkgrepo-diff command of a script, continuation lines joined, as words after the executable's name. */
function commandIn(script: string): string[] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  const line = joined.split('\n').find((text) => text.trim().startsWith(NPX));
  if (line === undefined) throw new Error('no pkgrepo-diff command in the script');
  const words = line.trim().slice(NPX.length).split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1'));
  return words.map((word) => STAND_INS[word] ?? word);
}

/** The package spec npx is given must be pinned to a version (or a tag, or a tarball). */
function pinned(spec: string | undefined): boolean {
  return spec !== undefined && /^pkgrepo-diff@\d+\.\d+\.\d+$|^github:|^https:/.test(spec);
}

async function githubCommand(): Promise<string[]> {
  const workflow = parse(await readFile(join(ROOT, 'examples/github-actions.yml'), 'utf8')) as {
    jobs: Record<string, { env?: Record<string, string>; steps: Array<{ id?: string; run?: string; uses?: string; with?: Record<string, string> }> }>;
  };
  const job = Object.values(workflow.jobs)[0];
  if (!pinned(job?.env?.PKGREPO_DIFF)) throw new Error('the workflow does not pin PKGREPO_DIFF');
  const steps = job?.steps ?? [];
  const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif') === true);
  if (upload?.with?.sarif_file !== 'pkgrepo-diff.sarif') throw new Error('the upload step does not take the SARIF the diff writes');
  return commandIn(steps.find((step) => step.id === 'diff')?.run ?? '');
}

async function gitlabCommand(): Promise<{ command: string[]; artifacts: string[] }> {
  const job = (parse(await readFile(join(ROOT, 'examples/gitlab-ci.yml'), 'utf8')) as Record<string, { variables: Record<string, string>; script: string[]; artifacts: { paths: string[] } }>)['pkgrepo-diff'];
  if (job === undefined) throw new Error('no pkgrepo-diff job');
  if (!pinned(job.variables.PKGREPO_DIFF)) throw new Error('the job does not pin PKGREPO_DIFF');
  const script = job.script.find((entry) => entry.trim().startsWith(NPX)) ?? '';
  // A YAML folded scalar (`>`) arrives as one line already.
  return { command: commandIn(script), artifacts: job.artifacts.paths };
}

test('the GitHub Actions step writes the SARIF it uploads and the Markdown summary, and fails on high', async (t) => {
  const dir = await scratchDir(t, 'pkgrepo-example-');
  const run = await runBin(await githubCommand(), {}, dir);
  t.is(run.status, 1, run.stderr);
  t.deepEqual((await readdir(dir)).sort(), ['pkgrepo-diff.md', 'pkgrepo-diff.sarif']);
  const sarif = JSON.parse(await readFile(join(dir, 'pkgrepo-diff.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  t.is(sarif.version, '2.1.0');
  const uris = sarif.runs[0]?.results.flatMap((result) => result.locations.map((location) => location.physicalLocation.artifactLocation.uri)) ?? [];
  t.true(uris.some((uri) => uri.endsWith('Dockerfile')), 'results point at the Dockerfile');
  t.regex(await readFile(join(dir, 'pkgrepo-diff.md'), 'utf8'), /^### pkgrepo-diff/);
  t.regex(run.stdout, /added/, 'the table goes to the job log');
});

test('the GitLab job writes every artifact it keeps, and exit 1 fails it', async (t) => {
  const dir = await scratchDir(t, 'pkgrepo-example-');
  const { command, artifacts } = await gitlabCommand();
  const run = await runBin(command, {}, dir);
  t.is(run.status, 1, run.stderr);
  t.deepEqual((await readdir(dir)).sort(), [...artifacts].sort());
  JSON.parse(await readFile(join(dir, 'pkgrepo-diff.json'), 'utf8'));
  t.regex(run.stdout, /added/);
});
