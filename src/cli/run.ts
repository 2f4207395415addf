import { readFileSync } from 'node:fs';

import yargs from 'yargs';

import { PkgrepoDiffError, asPkgrepoDiffError, oneLine } from '../errors.js';
import { atLeast } from '../findings/catalog.js';
import type { SourceOptions } from '../image/types.js';
import { diffImages, scanImage, type PipelineOptions } from '../index.js';
import { SEVERITIES, type Severity } from '../managers/types.js';
import { diffToJson, scanToJson } from '../report/json.js';
import { wantsColor } from '../report/paint.js';
import { diffToTable, scanToTable } from '../report/table.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Exit statuses, as trivy and friends use them. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

const FORMATS = ['table', 'json'] as const;

/** Run the CLI; returns the exit status. Errors are reported here, once, as one line. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let status: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName('pkgrepo-diff')
    .usage('$0 <command> [options]\n\nDiff the package-repository configuration of container images.')
    .option('platform', { type: 'string', describe: 'os/arch[/variant] to pick from a multi-platform image (default linux/amd64)' })
    .option('format', { alias: 'f', choices: FORMATS, default: 'table' as const, describe: 'output format' })
    .option('fail-on', { choices: SEVERITIES, describe: 'exit 1 when a finding is at or above this severity' })
    .command(
      'diff <old> <new>',
      'Compare the package sources of two images',
      (command) => command.positional('old', { type: 'string', demandOption: true, describe: 'base or earlier image' }).positional('new', { type: 'string', demandOption: true, describe: 'built or later image' }),
      async (args) => {
        const result = await diffImages(String(args.old), String(args.new), pipelineOptions(args, io));
        const output = args.format === 'json' ? `${JSON.stringify(diffToJson(result), null, 2)}\n` : diffToTable(result, { color: wantsColor(io.stdout, io.env) });
        const severities = [
          ...[...result.changes, ...result.transient].flatMap((entry) => entry.findings.map((finding) => finding.severity)),
          ...result.new.final.problems.map((problem) => problem.severity ?? 'info'),
        ];
        status = gate(severities, args['fail-on']);
        io.stdout.write(output);
      },
    )
    .command(
      'scan <image>',
      'List the package sources of one image, each with the layer that made it',
      (command) => command.positional('image', { type: 'string', demandOption: true }),
      async (args) => {
        const result = await scanImage(String(args.image), pipelineOptions(args, io));
        const output = args.format === 'json' ? `${JSON.stringify(scanToJson(result), null, 2)}\n` : scanToTable(result, { color: wantsColor(io.stdout, io.env) });
        const severities = [
          ...[...result.entries, ...result.transient].flatMap((entry) => entry.findings.map((finding) => finding.severity)),
          ...result.image.final.problems.map((problem) => problem.severity ?? 'info'),
        ];
        status = gate(severities, args['fail-on']);
        io.stdout.write(output);
      },
    )
    .epilogue(
      'Images: docker-archive:PATH[:NAME[:TAG]|:@N], oci:DIR[:TAG], oci-archive:PATH[:TAG], or a path.\n' +
        'Exit status: 0 done, 1 findings at or above --fail-on, 2 error.',
    )
    .demandCommand(1, 'name a command: diff or scan')
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
  }
}

/** What the pipeline needs from the command line; notices go to stderr, never to the report. */
function pipelineOptions(args: { platform?: string }, io: CliIo): PipelineOptions {
  const source: Partial<SourceOptions> = {
    env: io.env,
    notice: (message) => io.stderr.write(`pkgrepo-diff: ${oneLine(message)}\n`),
  };
  return args.platform === undefined ? { source } : { platform: args.platform, source };
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

