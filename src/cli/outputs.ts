import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

import { PkgrepoDiffError } from '../errors.js';
import { parseReference } from '../image/reference.js';
import { FORMATS, type Format, type RenderOptions } from '../report/formats.js';
import { wantsColor } from '../report/paint.js';
import type { Verdict } from '../report/summary.js';

/** One report to produce: a format and where it goes (null: standard output). */
export interface OutputPlan {
  format: Format;
  path: string | null;
}

const STDOUT = '-';

/** The options the reports depend on; yargs gives a repeated option as an array. */
export interface ReportArgs {
  format?: string | string[];
  output?: string | string[];
  dockerfile?: string;
  policy?: string;
}

export interface ReportContext {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  verdict: Verdict | null;
  version: string;
}

/** Check `--format`/`--output` before any image is read: a usage error should cost nothing. */
export function planReports(args: ReportArgs, images: readonly string[]): Promise<OutputPlan[]> {
  const inputs = [...images.flatMap(inputPaths), ...[args.dockerfile, args.policy].filter((path): path is string => path !== undefined)];
  return planOutputs(listOf(args.format), listOf(args.output), inputs);
}

/** Render every planned report from the one result and write them; colour only for a terminal. */
export async function emitReports(plans: readonly OutputPlan[], render: (format: Format, options: RenderOptions) => string, context: ReportContext): Promise<void> {
  const base = { verdict: context.verdict, version: context.version, cwd: process.cwd() };
  const reports = plans.map((plan) => {
    const color = plan.path === null && plan.format === 'table' && wantsColor(context.stdout, context.env);
    return { path: plan.path, text: render(plan.format, { ...base, color }) };
  });
  await writeOutputs(reports, context.stdout);
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat().map(String);
}

/**
 * Pair `--format` and `--output` by position: the i-th output takes the i-th format. One format
 * without any output goes to standard output, as does an output of `-` (at most one). Outputs
 * may not name the same file twice, nor an input: an image, the Dockerfile or the policy.
 */
export async function planOutputs(formats: readonly string[], outputs: readonly string[], inputs: readonly string[]): Promise<OutputPlan[]> {
  const chosen = formats.length === 0 ? ['table'] : formats;
  const checked = chosen.map(checkFormat);
  if (outputs.length === 0) {
    if (checked.length > 1) throw usage(`${checked.length} --format options but no --output`, 'give each --format its own --output FILE (or - for standard output)');
    return [{ format: checked[0] ?? 'table', path: null }];
  }
  if (outputs.length !== checked.length) {
    throw usage(`${checked.length} --format and ${outputs.length} --output options`, 'give one --output per --format, in the same order');
  }
  const plans = checked.map((format, index) => ({ format, path: outputs[index] === STDOUT ? null : (outputs[index] ?? null) }));
  if (plans.filter((plan) => plan.path === null).length > 1) throw usage('more than one --output -', 'only one report can go to standard output');
  await checkTargets(plans.flatMap((plan) => (plan.path === null ? [] : [plan.path])), inputs);
  return plans;
}

/** The files an image reference reads, for the never-overwrite-an-input check. */
export function inputPaths(reference: string): string[] {
  try {
    const parsed = parseReference(reference);
    return 'path' in parsed ? [parsed.path] : [];
  } catch {
    return [];
  }
}

/**
 * Write each report to a temporary file beside its target, then rename them all into place: a
 * reader never sees half a report, and when one write fails no target is touched at all. The
 * report for standard output is written last, after every file is in place.
 */
export async function writeOutputs(reports: ReadonlyArray<{ path: string | null; text: string }>, stdout: { write(text: string): unknown }): Promise<void> {
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const report of reports) {
      if (report.path === null) continue;
      const temp = join(dirname(report.path), `.${basename(report.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, path: report.path });
      await writeFile(temp, report.text, { flag: 'wx', mode: 0o644 });
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const failed = staged.at(-1)?.path;
    throw new PkgrepoDiffError('E_IO', `cannot write the report${code === '' ? '' : ` (${code})`}`, {
      input: failed,
      hint: 'check that the folder exists and is writable',
      cause: error,
    });
  }
  for (const report of reports) if (report.path === null) stdout.write(report.text);
}

function checkFormat(format: string): Format {
  const known = FORMATS.find((name) => name === format);
  if (known === undefined) throw usage(`unknown --format ${JSON.stringify(format)}`, `use one of ${FORMATS.join(', ')}`);
  return known;
}

async function checkTargets(paths: readonly string[], inputs: readonly string[]): Promise<void> {
  const targets = await Promise.all(paths.map(canonical));
  const duplicate = targets.find((target, index) => targets.indexOf(target) !== index);
  if (duplicate !== undefined) throw usage(`two reports would go to ${duplicate}`, 'give each --output its own file');
  const sources = await Promise.all(inputs.map(canonical));
  for (const [index, target] of targets.entries()) {
    const input = sources.find((source) => target === source || isInside(source, target));
    if (input !== undefined) throw usage(`--output ${paths[index] ?? target} would overwrite an input (${input})`, 'write reports elsewhere');
  }
}

/** The real path of a file, or of its folder when the file does not exist yet. */
async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    try {
      return join(await realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function usage(message: string, hint: string): PkgrepoDiffError {
  return new PkgrepoDiffError('E_USAGE', message, { hint });
}
