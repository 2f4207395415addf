import test from 'ava';

import { describeChanges, type JsonReport, runBin } from '../helpers/cli.js';
import { startPodman, type Podman } from '../helpers/podman.js';
import { failed } from '../helpers/registry.js';

/** docker-daemon: through Podman's Docker-compatible socket: the same client, the same path. */
let podman: Podman;

test.before(async () => {
  podman = await startPodman();
  await podman.podman(['load', '--quiet', '--input', 'fixtures/docker-archive.tar']);
});
test.after.always(async () => podman?.stop());

const ARCHIVE = 'docker-archive:fixtures/docker-archive.tar:pkgrepo-fixtures';

async function json(args: string[]): Promise<JsonReport> {
  const run = await runBin([...args, '--format', 'json', '--docker-host', podman.host]);
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

for (const [old, next] of [['apt:1', 'apt:2'], ['yum:1', 'yum:2']]) {
  test(`${old} → ${next} from Podman: the same report as from the docker save archive`, async (t) => {
    const [fromPodman, fromArchive] = await Promise.all([
      json(['diff', `docker-daemon:pkgrepo-fixtures/${old}`, `docker-daemon:pkgrepo-fixtures/${next}`]),
      json(['diff', `${ARCHIVE}/${old}`, `${ARCHIVE}/${next}`]),
    ]);
    t.true(fromPodman.changes.length > 0);
    t.deepEqual(describeChanges(fromPodman.changes), describeChanges(fromArchive.changes));
    t.deepEqual(fromPodman.changes.map((change) => change.instruction), fromArchive.changes.map((change) => change.instruction));
    const engine = (fromPodman.new as { engine: { id: string; repoDigests: string[] } }).engine;
    t.is(engine.id, (fromArchive.new as { configDigest: string }).configDigest, 'the image ID is the config digest');
  });
}

test('an image Podman does not have: exit 2 naming the image and the socket', async (t) => {
  const run = await runBin(['scan', 'docker-daemon:pkgrepo-fixtures/apt:9', '--docker-host', podman.host]);
  failed(t, run, new RegExp(`apt:9 not found in the engine at ${podman.host.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
});
