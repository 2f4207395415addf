import Table from 'cli-table3';

import type { DiffResult, Finding, ScanResult, Transient } from '../diff/model.js';
import { compareSeverity } from '../findings/catalog.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, Problem } from '../managers/types.js';
import { type Paint, createPaint } from './paint.js';
import { type Accepted, acceptedOf, byOrigin, madeBy, relationText, summaryText } from './summary.js';

export interface TableOptions {
  color: boolean;
}

const WIDTHS = [11, 41, 24, 19];
const INSTRUCTION_CHARS = 60;

/** The diff for people: a header, one row per change, transient items, then findings in full. */
export function diffToTable(result: DiffResult, options: TableOptions): string {
  const paint = createPaint(options.color);
  const lines = [imageLine('old', result.old), imageLine('new', result.new)];
  lines.push(`${result.sharedLayers} of ${result.new.layers.length} layers shared with the old image; ${relationText(result)}`, '');
  const notes: Finding[] = [];
  const place = (layer: number | null) => layerCell(result.new, result.dockerfile, layer);
  if (result.changes.length === 0) lines.push('No package source changes.');
  const groups = byOrigin(result.changes);
  for (const group of groups) {
    const table = newTable(['Change', 'Item', 'Layer / instruction', 'Findings'], paint);
    for (const change of group.entries) {
      const changed = change.fields.length === 0 ? [] : [`changed: ${change.fields.join(', ')}`];
      table.push([
        `${change.change}\n${change.item.kind}\n${change.item.manager}`,
        [...describeItem(change.item), ...changed].join('\n'),
        place(change.layer),
        findingsCell(change.findings, notes, paint),
      ]);
    }
    if (groups.length > 1 || group.entries[0]?.origin === 'base') lines.push(`${group.title}:`);
    lines.push(table.toString());
  }
  lines.push(...transientLines(place, result.transient, notes, paint));
  lines.push(...problemLines([...result.old.final.problems, ...result.new.final.problems]));
  lines.push(...noteLines(notes, paint), ...acceptedLines(acceptedOf([...result.changes, ...result.transient]), paint));
  lines.push('', summaryText(result.changes.length, result.transient.length, notes));
  return `${lines.join('\n')}\n`;
}

/** The inventory of one image for people. */
export function scanToTable(result: ScanResult, options: TableOptions): string {
  const paint = createPaint(options.color);
  const lines = [imageLine('image', result.image), ''];
  const notes: Finding[] = [];
  if (result.entries.length === 0) lines.push('No package sources found.');
  else {
    const table = newTable(['Kind', 'Item', 'Layer / instruction', 'Findings'], paint);
    for (const entry of result.entries) {
      const place = layerCell(result.image, result.dockerfile, entry.layer);
      table.push([`${entry.item.kind}\n${entry.item.manager}`, describeItem(entry.item).join('\n'), place, findingsCell(entry.findings, notes, paint)]);
    }
    lines.push(table.toString());
  }
  lines.push(...transientLines((layer) => layerCell(result.image, result.dockerfile, layer), result.transient, notes, paint));
  lines.push(...problemLines(result.image.final.problems));
  const items = `${result.entries.length} item${result.entries.length === 1 ? '' : 's'}`;
  lines.push(...noteLines(notes, paint), ...acceptedLines(acceptedOf([...result.entries, ...result.transient]), paint));
  lines.push('', `${items}, ${result.transient.length} transient, ${notes.length} findings`);
  return `${lines.join('\n')}\n`;
}

function newTable(head: string[], paint: Paint): Table.Table {
  return new Table({
    head: head.map((title) => paint.bold(title)),
    colWidths: WIDTHS,
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [] },
  });
}

function describeItem(item: Item): string[] {
  const head = item.path;
  if (item.kind === 'source') {
    const state = item.enabled ? [] : ['(disabled)'];
    return [head, item.id, ...item.uris.filter((uri) => !item.id.includes(uri)), ...state];
  }
  if (item.kind === 'setting') return [head, `${item.name} = ${JSON.stringify(item.value)}`];
  return [head, `${item.scope} key`, ...item.fingerprints];
}

/** `#7 Dockerfile:12` when --dockerfile placed the layer, else `#7` and the history instruction. */
function layerCell(image: ImageInventory, dockerfile: DiffResult['dockerfile'], index: number | null): string {
  if (index === null) return '(not in new image)';
  const instruction = madeBy(image, dockerfile, index) ?? '(unknown instruction)';
  const short = instruction.length > INSTRUCTION_CHARS ? `${instruction.slice(0, INSTRUCTION_CHARS - 1)}…` : instruction;
  return `#${index} ${short}`;
}

function findingsCell(findings: readonly Finding[], notes: Finding[], paint: Paint): string {
  return [...findings]
    .sort((a, b) => compareSeverity(b.severity, a.severity))
    .map((finding) => {
      notes.push(finding);
      return `[${notes.length}] ${paint.severity(finding.severity, finding.severity.toUpperCase())} ${finding.rule}`;
    })
    .join('\n');
}

function transientLines(place: (layer: number) => string, transient: readonly Transient[], notes: Finding[], paint: Paint): string[] {
  if (transient.length === 0) return [];
  const table = newTable(['Transient', 'Item', 'Added / removed by', 'Findings'], paint);
  for (const entry of transient) {
    const layers = `${place(entry.addedIn)}\n${place(entry.removedIn)}`;
    table.push([`${entry.item.kind}\n${entry.item.manager}`, describeItem(entry.item).join('\n'), layers, findingsCell(entry.findings, notes, paint)]);
  }
  return ['', 'Added and removed again inside the image:', table.toString()];
}

function problemLines(problems: readonly Problem[]): string[] {
  if (problems.length === 0) return [];
  const lines = problems.map(
    (problem) => `  ${problem.severity ?? 'info'} ${problem.path}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message} (${problem.manager})`,
  );
  return ['', 'Problems (what the package managers would reject, or what could not be read whole):', ...lines];
}

function noteLines(notes: readonly Finding[], paint: Paint): string[] {
  if (notes.length === 0) return [];
  return ['', 'Findings:', ...notes.map((note, index) => `  [${index + 1}] ${paint.severity(note.severity, note.severity)} ${note.rule}: ${note.message}`)];
}

/** What the policy waved through stays in sight, with the reason it gave. */
function acceptedLines(accepted: readonly Accepted[], paint: Paint): string[] {
  if (accepted.length === 0) return [];
  const lines = accepted.map(({ suppressed, item }) =>
    `  ${paint.severity(suppressed.severity, suppressed.severity)} ${suppressed.rule} ${item.path}: ${suppressed.message} (${suppressed.reason})`,
  );
  return ['', 'Accepted by the policy (not counted by --fail-on):', ...lines];
}

function imageLine(label: string, image: ImageInventory): string {
  const digest = image.image.digest ?? image.image.configDigest;
  const line = `${label}: ${image.image.reference}  ${digest.slice(0, 19)}  ${image.image.platform}`;
  const engine = image.image.engine;
  if (engine === undefined) return line;
  const pulled = engine.repoDigests.length === 0 ? 'no repo digest (built here)' : engine.repoDigests.join(', ');
  return `${line}\n  engine image ID ${engine.id.slice(0, 19)}, ${pulled}`;
}
