import type { DiffResult, ScanResult } from '../diff/model.js';
import { diffToJson, scanToJson } from './json.js';
import { diffToMarkdown, scanToMarkdown } from './markdown.js';
import { diffToSarif, scanToSarif } from './sarif.js';
import type { Verdict } from './summary.js';
import { diffToTable, scanToTable } from './table.js';

/** Every report format; `--format` takes one per output. */
export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour, for a table on a terminal only. */
  color: boolean;
  verdict: Verdict | null;
  /** pkgrepo-diff's version, named in SARIF. */
  version: string;
  /** The folder SARIF makes Dockerfile paths relative to. */
  cwd: string;
}

/** A diff in one format, as the text to write. */
export function renderDiff(result: DiffResult, format: Format, options: RenderOptions): string {
  if (format === 'json') return jsonText(diffToJson(result));
  if (format === 'sarif') return jsonText(diffToSarif(result, options));
  if (format === 'markdown') return diffToMarkdown(result, options);
  return diffToTable(result, options);
}

/** A scan in one format. */
export function renderScan(result: ScanResult, format: Format, options: RenderOptions): string {
  if (format === 'json') return jsonText(scanToJson(result));
  if (format === 'sarif') return jsonText(scanToSarif(result, options));
  if (format === 'markdown') return scanToMarkdown(result, options);
  return scanToTable(result, options);
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
