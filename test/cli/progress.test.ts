import test from 'ava';

import { TerminalProgress } from '../../src/cli/progress.js';

function terminal(columns = 200) {
  const writes: string[] = [];
  let now = 0;
  const progress = new TerminalProgress({ write: (text: string) => writes.push(text), columns }, () => now);
  return { writes, progress, tick: (ms: number) => (now += ms) };
}

test('redraws at most every quarter second, but always when a blob ends', (t) => {
  const { writes, progress, tick } = terminal();
  const blob = progress.begin('sha256:a', 4 * 1024 * 1024);
  tick(1000);
  blob.add(1024 * 1024);
  blob.add(1024 * 1024);
  t.is(writes.length, 1, 'the second chunk in the same instant draws nothing');
  t.is(writes[0], '\r\u001b[Kpkgrepo-diff: reading images: 0 done, 1 in flight, 1.0 MiB of 4.0 MiB');
  tick(300);
  blob.add(2 * 1024 * 1024);
  blob.end();
  blob.end();
  t.is(writes.at(-1), '\r\u001b[Kpkgrepo-diff: reading images: 1 done, 0 in flight, 4.0 MiB of 4.0 MiB');
  t.is(writes.length, 3, 'a second end() of the same blob counts nothing');
});

test('other lines clear the status line first; clear() is a no-op when nothing is shown', (t) => {
  const { writes, progress, tick } = terminal();
  progress.clear();
  t.deepEqual(writes, []);
  tick(1000);
  progress.begin('sha256:b', undefined).add(512 * 1024);
  progress.line('pkgrepo-diff: a notice\n');
  t.deepEqual(writes.slice(1), ['\r\u001b[K', 'pkgrepo-diff: a notice\n']);
  progress.clear();
  t.is(writes.length, 3, 'already cleared');
});

test('the line is cut to the terminal width', (t) => {
  const { writes, progress, tick } = terminal(30);
  tick(1000);
  progress.begin('sha256:c', undefined).add(1);
  t.is(writes[0]?.length, '\r\u001b[K'.length + 29);
});
