import type { Change, DiffResult, Finding, ScanResult, Transient } from '../diff/model.js';
import { compareSeverity, maxSeverity } from '../findings/catalog.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, Problem } from '../managers/types.js';
import { type Accepted, acceptedOf, allFindings, byOrigin, madeBy, relationText, summaryText, type Verdict } from './summary.js';

export interface MarkdownOptions {
  /** The --fail-on verdict; null when no threshold was given. */
  verdict: Verdict | null;
}

const INSTRUCTION_CHARS = 60;

/** A diff as a pull-request comment: a summary line, tables of changes, details folded away. */
export function diffToMarkdown(result: DiffResult, options: MarkdownOptions): string {
  const findings = allFindings(result);
  const lines = [`### ${headline(options.verdict, findings)}`, '', summaryText(result.changes.length, result.transient.length, findings), ''];
  lines.push(`Old ${imageText(result.old)} → new ${imageText(result.new)}; ${relationText(result)}.`, '');
  if (result.changes.length === 0) lines.push('No package source changes.', '');
  for (const group of byOrigin(result.changes)) {
    lines.push(`#### ${group.title}`, '', ...changeTable(result, group.entries), '');
  }
  if (result.transient.length > 0) {
    lines.push('#### Added and removed again inside the image', '', ...transientTable(result.new, result.dockerfile, result.transient), '');
  }
  lines.push(...problemLines([...result.old.final.problems, ...result.new.final.problems]));
  lines.push(...acceptedLines(acceptedOf([...result.changes, ...result.transient])));
  const details = [...result.changes.map((change) => changeDetails(result, change)), ...result.transient.map((entry) => transientDetails(result, entry))];
  lines.push(...details.flat());
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** One image's sources as Markdown: the same summary and tables as a diff. */
export function scanToMarkdown(result: ScanResult, options: MarkdownOptions): string {
  const findings = [...result.entries.flatMap((entry) => entry.findings), ...result.transient.flatMap((entry) => entry.findings)];
  const lines = [`### ${headline(options.verdict, findings)}`, '', `Image ${imageText(result.image)}: ${result.entries.length} items, ${findings.length} findings`, ''];
  const rows = result.entries.map((entry) => [
    `${entry.item.manager} ${entry.item.kind}`,
    itemCell(entry.item),
    layerCell(entry.layer),
    madeByCell(result.image, result.dockerfile, entry.layer),
    findingsCell(entry.findings),
  ]);
  if (rows.length > 0) lines.push(...table(['Item', 'Source / path', 'Layer', 'Made by', 'Findings'], rows), '');
  if (result.transient.length > 0) lines.push('#### Added and removed again inside the image', '', ...transientTable(result.image, result.dockerfile, result.transient), '');
  lines.push(...problemLines(result.image.final.problems));
  lines.push(...acceptedLines(acceptedOf([...result.entries, ...result.transient])));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function imageText(image: ImageInventory): string {
  const digest = image.image.digest ?? image.image.configDigest;
  return `${code(image.image.reference)} (${code(digest.slice(0, 19))})`;
}

function headline(verdict: Verdict | null, findings: readonly Finding[]): string {
  const highest = maxSeverity(findings.map((finding) => finding.severity));
  const worst = highest === null ? 'no findings' : `highest severity **${highest}**`;
  if (verdict === null) return `pkgrepo-diff: ${worst}`;
  const mark = verdict.failed ? '❌ fails' : '✅ passes';
  return `pkgrepo-diff ${mark} \`--fail-on ${verdict.threshold}\`: ${worst}`;
}

function changeTable(result: DiffResult, changes: readonly Change[]): string[] {
  const rows = changes.map((change) => [
    `${change.change} ${change.item.manager} ${change.item.kind}`,
    itemCell(change.item),
    layerCell(change.layer),
    madeByCell(result.new, result.dockerfile, change.layer),
    findingsCell(change.findings),
  ]);
  return table(['Change', 'Source / path', 'Layer', 'Made by', 'Findings'], rows);
}

function transientTable(image: ImageInventory, dockerfile: DiffResult['dockerfile'], transient: readonly Transient[]): string[] {
  const rows = transient.map((entry) => [
    `${entry.item.manager} ${entry.item.kind}`,
    itemCell(entry.item),
    `${layerCell(entry.addedIn)} → ${layerCell(entry.removedIn)}`,
    `${madeByCell(image, dockerfile, entry.addedIn)}<br>${madeByCell(image, dockerfile, entry.removedIn)}`,
    findingsCell(entry.findings),
  ]);
  return table(['Item', 'Source / path', 'Added → removed', 'Made by', 'Findings'], rows);
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function itemCell(item: Item): string {
  return `${code(itemLabel(item))}<br>${code(item.path)}`;
}

function itemLabel(item: Item): string {
  if (item.kind === 'source') return item.id;
  if (item.kind === 'setting') return `${item.name} = ${JSON.stringify(item.value)}`;
  return `${item.scope} key ${item.fingerprints[0] ?? item.sha256}`;
}

function layerCell(layer: number | null): string {
  return layer === null ? '—' : `#${layer}`;
}

function madeByCell(image: ImageInventory, dockerfile: DiffResult['dockerfile'], layer: number | null): string {
  const text = madeBy(image, dockerfile, layer);
  if (text === null) return '—';
  return code(text.length > INSTRUCTION_CHARS ? `${text.slice(0, INSTRUCTION_CHARS - 1)}…` : text);
}

function findingsCell(findings: readonly Finding[]): string {
  if (findings.length === 0) return '—';
  return sorted(findings)
    .map((finding) => `**${finding.severity}** ${escape(finding.rule)}`)
    .join('<br>');
}

function changeDetails(result: DiffResult, change: Change): string[] {
  const facts = [`path: ${code(change.item.path)}`, ...layerFacts(result.new, result.dockerfile, change.layer)];
  if (change.fields.length > 0) facts.push(`changed: ${change.fields.map(escape).join(', ')}`);
  if (change.previous !== null) facts.push(`before: ${code(itemLabel(change.previous))}`);
  if (change.origin !== null) facts.push(`origin: ${change.origin === 'base' ? 'came with the new base image' : 'added by this build'}`);
  return details(`${change.change} ${change.item.manager} ${change.item.kind} ${code(itemLabel(change.item))}`, facts, change.findings);
}

function transientDetails(result: DiffResult, entry: Transient): string[] {
  const facts = [
    `path: ${code(entry.item.path)}`,
    ...layerFacts(result.new, result.dockerfile, entry.addedIn).map((fact) => `added: ${fact}`),
    ...layerFacts(result.new, result.dockerfile, entry.removedIn).map((fact) => `removed: ${fact}`),
  ];
  return details(`transient ${entry.item.manager} ${entry.item.kind} ${code(itemLabel(entry.item))}`, facts, entry.findings);
}

function layerFacts(image: ImageInventory, dockerfile: DiffResult['dockerfile'], index: number | null): string[] {
  const layer = index === null ? undefined : image.layers[index];
  if (layer === undefined) return ['layer: none of the new image'];
  const line = dockerfile?.layers[layer.index];
  const where = line === undefined || line === null ? '' : ` (${code(`${line.path}:${line.line}`)}, stage ${code(line.stage)})`;
  return [`layer: #${layer.index} ${code(layer.digest)}`, `instruction: ${layer.instruction === null ? 'unknown' : code(layer.instruction)}${where}`];
}

function details(summary: string, facts: string[], findings: readonly Finding[]): string[] {
  const noted = sorted(findings).map((finding) => `**${finding.severity}** ${escape(finding.rule)}: ${escape(finding.message)}`);
  return ['<details>', `<summary>${summary}</summary>`, '', ...[...facts, ...noted].map((fact) => `- ${fact}`), '', '</details>', ''];
}

function problemLines(problems: readonly Problem[]): string[] {
  if (problems.length === 0) return [];
  const lines = problems.map((problem) => {
    const at = problem.line === null ? '' : `:${problem.line}`;
    return `- **${problem.severity ?? 'info'}** ${code(`${problem.path}${at}`)} (${escape(problem.manager)}): ${escape(problem.message)}`;
  });
  return ['#### Problems', '', ...lines, ''];
}

function acceptedLines(accepted: readonly Accepted[]): string[] {
  if (accepted.length === 0) return [];
  const lines = accepted.map(
    ({ suppressed, item }) => `- **${suppressed.severity}** ${escape(suppressed.rule)} ${code(item.path)}: ${escape(suppressed.message)} (${escape(suppressed.reason)})`,
  );
  return ['<details>', `<summary>Accepted by the policy: ${accepted.length} finding${accepted.length === 1 ? '' : 's'}</summary>`, '', ...lines, '', '</details>', ''];
}

function sorted(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareSeverity(b.severity, a.severity));
}

/** Untrusted text in an HTML code element: every character Markdown or HTML could act on is an entity. */
function code(text: string): string {
  return `<code>${escape(text)}</code>`;
}

/**
 * Escape text from an image for a GitHub or GitLab comment: HTML specials, the table separator
 * `|`, Markdown's inline markers and `@` (no mentions); newlines become spaces.
 */
export function escape(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[&<>"'|`*_[\]\\~#@!$]/g, (char) => `&#${char.charCodeAt(0)};`);
}
