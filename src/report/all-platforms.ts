import type { AllPlatformsDiff } from '../diff/model.js';
import { maxSeverity } from '../findings/catalog.js';
import { type JsonValue, SEVERITIES } from '../managers/types.js';
import { diffToJson, SCHEMA_VERSION } from './json.js';
import { diffToMarkdown, type MarkdownOptions } from './markdown.js';
import { allFindings, summaryText } from './summary.js';
import { diffToTable, type TableOptions } from './table.js';

type Json = { [key: string]: JsonValue };

/**
 * The JSON document of `diff --all-platforms`: one full diff document per shared platform, the
 * platforms only one image has, and a summary over all of them. It keeps this shape even when
 * neither image is an index, so scripts read one shape whatever the images are.
 */
export function allPlatformsToJson(result: AllPlatformsDiff): Json {
  const platforms = result.platforms.map((entry) => ({ platform: entry.platform, diff: diffToJson(entry.result) }));
  const summaries = platforms.map((entry) => entry.diff.summary);
  const highest = maxSeverity(SEVERITIES.filter((severity) => summaries.some((part) => isObject(part) && part.highestSeverity === severity)));
  const summary: Json = { platforms: platforms.length };
  for (const part of summaries) addInto(summary, part);
  return {
    schemaVersion: SCHEMA_VERSION,
    command: 'diff-all-platforms',
    old: { ...result.old },
    new: { ...result.new },
    multiPlatform: result.multiPlatform,
    summary: { ...summary, highestSeverity: highest },
    platforms,
    onlyOld: result.onlyOld,
    onlyNew: result.onlyNew,
  };
}

/** One section per platform, each the table of a plain diff, then the platforms only one side has. */
export function allPlatformsToTable(result: AllPlatformsDiff, options: TableOptions): string {
  const [only] = result.platforms;
  if (!result.multiPlatform && only !== undefined) return diffToTable(only.result, options);

  const sections = result.platforms.map((entry) => `=== Platform ${entry.platform} ===\n\n${diffToTable(entry.result, options)}`);
  const tail = [
    ...(result.onlyOld.length === 0 ? [] : [`Only in the old image: ${result.onlyOld.join(', ')}`]),
    ...(result.onlyNew.length === 0 ? [] : [`Only in the new image: ${result.onlyNew.join(', ')}`]),
    `${result.platforms.length} platform${result.platforms.length === 1 ? '' : 's'} compared: ${result.platforms.map((entry) => entry.platform).join(', ')}`,
  ];
  return `${sections.join('\n')}\n${tail.join('\n')}\n`;
}

/**
 * A pull-request comment over every platform: one summary line per platform, then each
 * platform's own report with its headings one level down.
 */
export function allPlatformsToMarkdown(result: AllPlatformsDiff, options: MarkdownOptions): string {
  const [only] = result.platforms;
  if (!result.multiPlatform && only !== undefined) return diffToMarkdown(only.result, options);

  const findings = result.platforms.flatMap((entry) => allFindings(entry.result));
  const highest = maxSeverity(findings.map((finding) => finding.severity));
  const worst = highest === null ? 'no findings' : `highest severity **${highest}**`;
  const verdict = options.verdict;
  const mark = verdict === null ? '' : ` ${verdict.failed ? '❌ fails' : '✅ passes'} \`--fail-on ${verdict.threshold}\``;
  const lines = [`### pkgrepo-diff${mark}: ${worst} over ${result.platforms.length} platforms`, ''];
  for (const entry of result.platforms) {
    const { changes, transient } = entry.result;
    lines.push(`- \`${entry.platform}\`: ${summaryText(changes.length, transient.length, allFindings(entry.result))}`);
  }
  if (result.onlyOld.length > 0) lines.push(`- only in the old image: ${result.onlyOld.map((platform) => `\`${platform}\``).join(', ')}`);
  if (result.onlyNew.length > 0) lines.push(`- only in the new image: ${result.onlyNew.map((platform) => `\`${platform}\``).join(', ')}`);
  lines.push('');
  for (const entry of result.platforms) {
    // Headings are the report's own (image text is escaped, so no line of it starts with #).
    const section = diffToMarkdown(entry.result, { verdict: null }).replace(/^(#{3,5}) /gm, '#$1 ');
    lines.push(`### Platform \`${entry.platform}\``, '', section);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Add the numbers of one summary into the total, recursing into objects (the severity counts). */
function addInto(total: Json, part: JsonValue | undefined): void {
  if (!isObject(part)) return;
  for (const [key, value] of Object.entries(part)) {
    const held = total[key];
    if (typeof value === 'number') total[key] = (typeof held === 'number' ? held : 0) + value;
    else if (isObject(value)) {
      const inner: Json = isObject(held) ? held : {};
      addInto(inner, value);
      total[key] = inner;
    }
  }
}

function isObject(value: JsonValue | undefined): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
