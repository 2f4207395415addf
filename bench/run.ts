/**
 * `npm run bench`: each case times pkgrepo-diff against a baseline doing the unavoidable part of
 * the same job in the same run (raw inflate, skopeo copy, docker save), and reports the ratio of
 * their medians and pkgrepo-diff's peak memory. Ratios, not seconds, are what to compare across
 * machines. Options: --runs N (default 3), --size MiB of the bulky layer (default 256),
 * --only NAME[,NAME], --work DIR (default /tmp/pkgrepo-bench; generated images are kept there).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { CASES, type BenchContext, type Prepared } from './cases.js';
import { median, run, type Sample } from './measure.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    size: { type: 'string', default: '256' },
    only: { type: 'string' },
    work: { type: 'string', default: '/tmp/pkgrepo-bench' },
  },
});
const runs = Math.max(1, Number(values.runs));
const only = values.only?.split(',');
const context: BenchContext = { work: values.work, sizeMiB: Number(values.size) };
await mkdir(context.work, { recursive: true });

interface Row {
  name: string;
  baseline: string;
  baselineSeconds: number;
  subjectSeconds: number;
  ratio: number;
  rssMiB: number | null;
  note: string;
}

const rows: Row[] = [];
const failures: string[] = [];
for (const bench of CASES.filter((candidate) => only === undefined || only.includes(candidate.name))) {
  process.stderr.write(`bench: ${bench.name}: preparing\n`);
  let prepared: Prepared | undefined;
  try {
    prepared = await bench.prepare(context);
    const baseline: Sample[] = [];
    const subject: Sample[] = [];
    // One untimed run of each warms caches; then alternate, so drift hits both sides alike.
    await run(prepared.baseline);
    await run(prepared.subject);
    for (let round = 0; round < runs; round += 1) {
      await prepared.beforeEach?.();
      baseline.push(await run(prepared.baseline));
      await prepared.beforeEach?.();
      subject.push(await run(prepared.subject));
    }
    const baselineSeconds = median(baseline.map((sample) => sample.seconds));
    const subjectSeconds = median(subject.map((sample) => sample.seconds));
    const rss = subject.map((sample) => sample.rssMiB).filter((value): value is number => value !== null);
    rows.push({
      name: bench.name,
      baseline: prepared.baseline.label,
      baselineSeconds,
      subjectSeconds,
      ratio: subjectSeconds / baselineSeconds,
      rssMiB: rss.length > 0 ? Math.max(...rss) : null,
      note: prepared.note,
    });
    process.stderr.write(`bench: ${bench.name}: ${subjectSeconds.toFixed(2)} s vs ${baselineSeconds.toFixed(2)} s\n`);
  } catch (error) {
    failures.push(`${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await prepared?.teardown?.();
  }
}

const header = ['case', 'baseline', 'baseline s', 'pkgrepo-diff s', 'ratio', 'peak RSS MiB', 'data'];
const table = rows.map((row) => [
  row.name,
  row.baseline,
  row.baselineSeconds.toFixed(2),
  row.subjectSeconds.toFixed(2),
  `${row.ratio.toFixed(2)}x`,
  row.rssMiB === null ? '-' : row.rssMiB.toFixed(0),
  row.note,
]);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
console.log(line(header));
for (const cells of table) console.log(line(cells));
console.log(`runs per side: ${runs} (median), bulky layer: ${context.sizeMiB} MiB uncompressed, work dir: ${join(context.work)}`);
for (const failure of failures) console.log(`FAILED ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;
