import { readFileSync } from 'node:fs';

import yargs from 'yargs';

import { PkgrepoDiffError, asPkgrepoDiffError, oneLine } from '../errors.js';
import { atLeast } from '../findings/catalog.js';
import type { SourceOptions, Transfers } from '../image/types.js';
import type { DiffResult } from '../diff/model.js';
import { diffAllPlatforms, diffImages, scanImage, type PipelineOptions } from '../index.js';
import { SEVERITIES, type Severity } from '../managers/types.js';
import { checkCredentialFlags } from '../registry/credentials.js';
import { allPlatformsToJson, allPlatformsToMarkdown, allPlatformsToTable } from '../report/all-platforms.js';
import { allPlatformsToSarif } from '../report/sarif.js';
import { type Format, FORMATS, type RenderOptions, renderDiff, renderScan } from '../report/formats.js';
import { wantsColor } from '../report/paint.js';
import { TerminalProgress } from './progress.js';
import { emitReports, planReports, type ReportArgs, type ReportContext } from './outputs.js';
import { rulesToJson, rulesToTable } from '../report/rules.js';
import { judge, policyCommand, policyOf, type PolicyArgs } from './policy-options.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Set by runCli when stderr is a terminal: the status line of registry pulls. */
  transfers?: Transfers;
}

/** Exit statuses, as trivy and friends use them. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;


/** Run the CLI; returns the exit status. Errors are reported here, once, as one line. */
export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  let status: number = EXIT.ok;
  const progress = terminal.stderr.isTTY === true && terminal.env.PKGREPO_DIFF_NO_PROGRESS === undefined ? new TerminalProgress(terminal.stderr) : undefined;
  const io = progress === undefined ? terminal : withProgress(terminal, progress);
  const parser = yargs(argv)
    .scriptName('pkgrepo-diff')
    .usage('$0 <command> [options]\n\nDiff the package-repository configuration of container images.')
    .option('platform', { type: 'string', describe: 'os/arch[/variant] to pick from a multi-platform image (default linux/amd64)' })
    .option('format', { alias: 'f', choices: FORMATS, default: 'table' as const, describe: 'output format; repeat it, each with its own --output, for several reports from one run' })
    .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'write the report of the matching --format to FILE (atomically; - for standard output)' })
    .option('dockerfile', { type: 'string', requiresArg: true, describe: 'the Dockerfile the new (or scanned) image was built from: reports point at its lines' })
    .option('fail-on', { choices: SEVERITIES, describe: 'exit 1 when a finding is at or above this severity (wins over the policy)' })
    .option('policy', { type: 'string', requiresArg: true, describe: 'policy file (YAML or JSON): allowed hosts and keys, severities, ignores, fail-on' })
    .option('ca-cert', { type: 'string', array: true, requiresArg: true, describe: 'PEM file of a CA to trust for registries, on top of the system ones (repeatable)' })
    .option('insecure', { type: 'boolean', describe: 'allow plain http and unverified TLS for registries (always allowed for loopback http)' })
    .option('creds', { type: 'string', requiresArg: true, describe: 'USER:PASSWORD for the registries named (instead of auth files)' })
    .option('registry-token', { type: 'string', requiresArg: true, describe: 'bearer token sent as is to the registries named' })
    .option('docker-host', { type: 'string', requiresArg: true, describe: 'engine for docker-daemon: images (unix:///PATH or tcp://HOST:PORT); wins over DOCKER_HOST and the docker context' })
    .conflicts('creds', 'registry-token')
    .command(
      'diff <old> <new>',
      'Compare the package sources of two images',
      (command) =>
        command
          .positional('old', { type: 'string', demandOption: true, describe: 'base or earlier image' })
          .positional('new', { type: 'string', demandOption: true, describe: 'built or later image' })
          .option('all-platforms', { type: 'boolean', describe: 'diff every platform both images have, and list those only one has' })
          .conflicts('all-platforms', 'platform'),
      async (args) => {
        if (args['all-platforms'] === true) {
          status = await diffEveryPlatform(String(args.old), String(args.new), args, io);
          return;
        }
        const plans = await planReports(args, [String(args.old), String(args.new)]);
        const policy = await policyOf(args);
        const { result, failOn } = judge(await diffImages(String(args.old), String(args.new), pipelineOptions(args, io)), policy, args);
        status = gate(diffSeverities(result), failOn);
        await emitReports(plans, (format, options) => renderDiff(result, format, options), reportContext(io, failOn, status));
      },
    )
    .command(
      'scan <image>',
      'List the package sources of one image, each with the layer that made it',
      (command) => command.positional('image', { type: 'string', demandOption: true }),
      async (args) => {
        const plans = await planReports(args, [String(args.image)]);
        const policy = await policyOf(args);
        const { result, failOn } = judge(await scanImage(String(args.image), pipelineOptions(args, io)), policy, args);
        const severities = [
          ...[...result.entries, ...result.transient].flatMap((entry) => entry.findings.map((finding) => finding.severity)),
          ...result.image.final.problems.map((problem) => problem.severity ?? 'info'),
        ];
        status = gate(severities, failOn);
        await emitReports(plans, (format, options) => renderScan(result, format, options), reportContext(io, failOn, status));
      },
    )
    .command(
      'rules',
      'List every rule: id, default severity, title, explanation and fix',
      (command) => command,
      (args) => {
        io.stdout.write(args.format === 'json' ? `${JSON.stringify(rulesToJson(), null, 2)}\n` : rulesToTable({ color: wantsColor(io.stdout, io.env) }));
      },
    )
    .command(
      'policy',
      'Print the default policy (--print) or check a policy file (--check FILE)',
      (command) =>
        command
          .option('print', { type: 'boolean', describe: 'print the default policy that ships with pkgrepo-diff' })
          .option('check', { type: 'string', requiresArg: true, describe: 'validate a policy file; exit 2 naming the line of the first fault' }),
      async (args) => policyCommand(args, (text) => io.stdout.write(text)),
    )
    .epilogue(
      'Images: docker-archive:PATH[:NAME[:TAG]|:@N], oci:DIR[:TAG], oci-archive:PATH[:TAG], docker-daemon:NAME[:TAG]|ID,\n' +
        'docker://[HOST/]NAME[:TAG][@DIGEST] (or that name bare, from a registry), or a path.\n' +
        'Exit status: 0 done, 1 findings at or above --fail-on, 2 error.',
    )
    .demandCommand(1, 'name a command: diff, scan, rules or policy')
    .strict()
    .version(version())
    .help()
    .wrap(Math.min(100, yargs().terminalWidth()))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new PkgrepoDiffError('E_USAGE', message ?? 'invalid usage', { hint: 'see pkgrepo-diff --help' });
    });

  try {
    let helpText = '';
    await parser.parseAsync(argv, {}, (_error, _argv, output) => {
      helpText = output;
    });
    if (helpText !== '') io.stdout.write(`${helpText}\n`);
    return status;
  } catch (error) {
    const failure = error instanceof PkgrepoDiffError ? error : asPkgrepoDiffError(error, 'E_IO', 'pkgrepo-diff');
    io.stderr.write(`pkgrepo-diff: ${oneLine(failure.line)}\n`);
    return EXIT.error;
  } finally {
    progress?.clear();
  }
}

/** Every other line written clears the status line first, so the two never mix. */
function withProgress(io: CliIo, progress: TerminalProgress): CliIo {
  const stdout = {
    isTTY: io.stdout.isTTY,
    write: (text: string) => {
      progress.clear();
      return io.stdout.write(text);
    },
  };
  return { ...io, stdout, stderr: { write: (text: string) => progress.line(text) }, transfers: progress };
}

/** `diff --all-platforms`: one report over every shared platform; --fail-on weighs them all. */
async function diffEveryPlatform(old: string, next: string, args: CliArgs & PolicyArgs & ReportArgs, io: CliIo): Promise<number> {
  const plans = await planReports(args, [old, next]);
  const policy = await policyOf(args);
  const found = await diffAllPlatforms(old, next, pipelineOptions(args, io));
  const judged = found.platforms.map((entry) => ({ platform: entry.platform, ...judge(entry.result, policy, args) }));
  const result = { ...found, platforms: judged };
  const failOn = judged[0]?.failOn;
  const status = gate(result.platforms.flatMap((entry) => diffSeverities(entry.result)), failOn);
  const render = (format: Format, options: RenderOptions) => {
    if (format === 'json') return `${JSON.stringify(allPlatformsToJson(result), null, 2)}\n`;
    if (format === 'sarif') return `${JSON.stringify(allPlatformsToSarif(result, options), null, 2)}\n`;
    if (format === 'markdown') return allPlatformsToMarkdown(result, options);
    return allPlatformsToTable(result, options);
  };
  await emitReports(plans, render, reportContext(io, failOn, status));
  return status;
}

/** What --fail-on weighs in a diff: the findings, and the problems of the new image. */
function diffSeverities(result: DiffResult): Severity[] {
  return [
    ...[...result.changes, ...result.transient].flatMap((entry) => entry.findings.map((finding) => finding.severity)),
    ...result.new.final.problems.map((problem) => problem.severity ?? 'info'),
  ];
}

interface CliArgs {
  platform?: string;
  dockerfile?: string;
  'ca-cert'?: string[];
  insecure?: boolean;
  creds?: string;
  'registry-token'?: string;
  'docker-host'?: string;
}

/** What the pipeline needs from the command line; notices go to stderr, never to the report. */
function pipelineOptions(args: CliArgs, io: CliIo): PipelineOptions {
  const registry = { caCertFiles: args['ca-cert']?.map(String), insecure: args.insecure, creds: args.creds, registryToken: args['registry-token'] };
  checkCredentialFlags(registry);
  const source: Partial<SourceOptions> = {
    env: io.env,
    registry,
    engine: args['docker-host'] === undefined ? {} : { host: args['docker-host'] },
    notice: (message) => io.stderr.write(`pkgrepo-diff: ${oneLine(message)}\n`),
    ...(io.transfers === undefined ? {} : { transfers: io.transfers }),
  };
  const dockerfile = args.dockerfile === undefined ? {} : { dockerfile: args.dockerfile };
  return args.platform === undefined ? { source, ...dockerfile } : { platform: args.platform, source, ...dockerfile };
}

/** What the reports need to know of the run: the --fail-on verdict, the version, where stdout goes. */
function reportContext(io: CliIo, failOn: Severity | null | undefined, status: number): ReportContext {
  const verdict = failOn === null || failOn === undefined ? null : { threshold: failOn, failed: status === EXIT.findings };
  return { stdout: io.stdout, env: io.env, verdict, version: version() };
}

function gate(severities: Severity[], threshold: Severity | undefined): number {
  if (threshold === undefined) return EXIT.ok;
  return severities.some((severity) => atLeast(severity, threshold)) ? EXIT.findings : EXIT.ok;
}

/** From dist/src/cli or src/cli, the package.json above. */
function version(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'pkgrepo-diff' && manifest.version !== undefined) return manifest.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}

