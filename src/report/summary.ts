import type { DiffResult, Finding, Suppressed } from '../diff/model.js';
import type { Origin } from '../diff/relation.js';
import { compareSeverity } from '../findings/catalog.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, Severity } from '../managers/types.js';

/** The --fail-on verdict, as the CLI decided it, for reports that show pass or fail. */
export interface Verdict {
  threshold: Severity;
  failed: boolean;
}

/** "6 changes, 1 transient, 10 findings (4 critical, 3 high, 3 medium)": the last line of every report. */
export function summaryText(changes: number, transient: number, findings: readonly Finding[]): string {
  const bySeverity = new Map<Severity, number>();
  for (const finding of findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  const parts = [...bySeverity.entries()].sort(([a], [b]) => compareSeverity(b, a)).map(([severity, n]) => `${n} ${severity}`);
  const counts = parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  return `${changes} change${changes === 1 ? '' : 's'}, ${transient} transient, ${findings.length} findings${counts}`;
}

/** Every finding of a diff, changes first. */
export function allFindings(result: DiffResult): Finding[] {
  return [...result.changes.flatMap((change) => change.findings), ...result.transient.flatMap((entry) => entry.findings)];
}

/** `Dockerfile:14` when --dockerfile placed the layer, else the history instruction; null when neither. */
export function madeBy(image: ImageInventory, dockerfile: DiffResult['dockerfile'], layer: number | null): string | null {
  if (layer === null) return null;
  const line = dockerfile?.layers[layer];
  if (line !== undefined && line !== null) return `${line.path}:${line.line}`;
  return image.layers[layer]?.instruction ?? null;
}

/** How the report names NEW's relation to OLD, in one sentence. */
export function relationText(result: DiffResult): string {
  const { kind, baseLayers } = result.relation;
  const base = baseLayers === null ? '' : ` (${baseLayers} base layer${baseLayers === 1 ? '' : 's'})`;
  if (kind === 'prefix') return `new is built on old: every layer of old is at the bottom of new${base}`;
  if (kind === 'same-base') return `new and old share new's base image${base}; the differences are new's own build steps`;
  if (kind === 'rebased') return `new's base image differs from old's${base}: changes are grouped by where they came from`;
  if (kind === 'diverged') return `new and old share ${result.sharedLayers} bottom layers; where new's base ends is unknown (give --dockerfile)`;
  return 'new and old share no layer; where new\'s base ends is unknown (give --dockerfile)';
}

/** Section titles for changes grouped by origin; `null` origin is one group when nothing is known. */
export const ORIGIN_TITLES: Record<Origin | 'unknown', string> = {
  build: 'Added by this build',
  base: 'Came with the new base image',
  unknown: 'Changes',
};

/** Group entries by origin, build first, keeping their order; empty groups dropped. */
export function byOrigin<T extends { origin: Origin | null }>(entries: readonly T[]): Array<{ title: string; entries: T[] }> {
  const groups = (['build', 'base', 'unknown'] as const).map((key) => ({
    title: ORIGIN_TITLES[key],
    entries: entries.filter((entry) => (entry.origin ?? 'unknown') === key),
  }));
  return groups.filter((group) => group.entries.length > 0);
}

/** A finding the policy accepted, with the item it was about. */
export interface Accepted {
  suppressed: Suppressed;
  item: Item;
}

/** Every finding the policy took out of a report's entries, in report order. */
export function acceptedOf(entries: ReadonlyArray<{ item: Item; suppressed?: readonly Suppressed[] }>): Accepted[] {
  return entries.flatMap((entry) => (entry.suppressed ?? []).map((suppressed) => ({ suppressed, item: entry.item })));
}
