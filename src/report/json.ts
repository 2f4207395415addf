import type { DiffResult, Finding, ScanResult, Suppressed, Transient } from '../diff/model.js';
import type { DockerfileMap } from '../dockerfile/map.js';
import { maxSeverity } from '../findings/catalog.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, JsonValue, Problem, Severity } from '../managers/types.js';
import { SEVERITIES } from '../managers/types.js';

/** Version of the JSON contract in schema/report.schema.json; bump on a breaking change. */
export const SCHEMA_VERSION = 1;

type Json = { [key: string]: JsonValue };

/** The JSON document of a diff, as schema/report.schema.json describes it. */
export function diffToJson(result: DiffResult): Json {
  const layerRef = (index: number | null) => layerRefOf(result.new, index);
  const lineAt = (index: number | null) => dockerfileLineOf(result.dockerfile, index);
  const changes = result.changes.map((change) => ({
    change: change.change,
    ...itemFields(change.item),
    previous: change.previous === null ? null : itemJson(change.previous),
    fields: change.fields,
    layer: layerRef(change.layer),
    instruction: instructionOf(result.new, change.layer),
    dockerfile: lineAt(change.layer),
    origin: change.origin,
    findings: change.findings.map(findingJson),
    suppressed: suppressedJson(change.suppressed),
  }));
  const findings = [...result.changes.flatMap((change) => change.findings), ...result.transient.flatMap((entry) => entry.findings)];
  return {
    schemaVersion: SCHEMA_VERSION,
    command: 'diff',
    old: imageJson(result.old),
    new: imageJson(result.new),
    sharedLayers: result.sharedLayers,
    relation: { ...result.relation },
    dockerfile: dockerfileJson(result.dockerfile),
    summary: {
      added: count(result.changes, 'added'),
      removed: count(result.changes, 'removed'),
      modified: count(result.changes, 'modified'),
      transient: result.transient.length,
      suppressed: countSuppressed([...result.changes, ...result.transient]),
      ...severitySummary(findings),
    },
    changes,
    transient: result.transient.map((entry) => transientJson(result.new, entry, result.dockerfile)),
    problems: [...problemsJson('old', result.old.final.problems), ...problemsJson('new', result.new.final.problems)],
  };
}

/** The JSON document of a scan. */
export function scanToJson(result: ScanResult): Json {
  const entry = (kind: Item['kind']) =>
    result.entries
      .filter((scanned) => scanned.item.kind === kind)
      .map((scanned) => ({
        ...itemFields(scanned.item),
        layer: layerRefOf(result.image, scanned.layer),
        instruction: instructionOf(result.image, scanned.layer),
        dockerfile: dockerfileLineOf(result.dockerfile, scanned.layer),
        findings: scanned.findings.map(findingJson),
        suppressed: suppressedJson(scanned.suppressed),
      }));
  const findings = [...result.entries.flatMap((scanned) => scanned.findings), ...result.transient.flatMap((t) => t.findings)];
  return {
    schemaVersion: SCHEMA_VERSION,
    command: 'scan',
    image: imageJson(result.image),
    dockerfile: dockerfileJson(result.dockerfile),
    summary: {
      sources: result.entries.filter((scanned) => scanned.item.kind === 'source').length,
      settings: result.entries.filter((scanned) => scanned.item.kind === 'setting').length,
      keys: result.entries.filter((scanned) => scanned.item.kind === 'key').length,
      transient: result.transient.length,
      suppressed: countSuppressed([...result.entries, ...result.transient]),
      ...severitySummary(findings),
    },
    sources: entry('source'),
    settings: entry('setting'),
    keys: entry('key'),
    transient: result.transient.map((t) => transientJson(result.image, t, result.dockerfile)),
    problems: problemsJson('image', result.image.final.problems),
  };
}

/** `kind`, `manager`, `path`, `id`, and the item under its kind's name (the others null). */
function itemFields(item: Item): Json {
  return {
    kind: item.kind,
    manager: item.manager,
    path: item.path,
    id: item.id,
    source: item.kind === 'source' ? itemJson(item) : null,
    setting: item.kind === 'setting' ? itemJson(item) : null,
    key: item.kind === 'key' ? itemJson(item) : null,
  };
}

export function itemJson(item: Item): Json {
  if (item.kind === 'source') {
    return { ...item.fields, id: item.id, uris: item.uris, enabled: item.enabled, signedBy: item.signedBy };
  }
  if (item.kind === 'setting') return { id: item.id, name: item.name, value: item.value };
  return { id: item.id, scope: item.scope, sha256: item.sha256, fingerprints: item.fingerprints, userIds: item.userIds };
}

function transientJson(image: ImageInventory, entry: Transient, dockerfile: DockerfileMap | null): Json {
  const at = (index: number) => ({
    ...layerRefOf(image, index),
    instruction: instructionOf(image, index),
    dockerfile: dockerfileLineOf(dockerfile, index),
  });
  return {
    ...itemFields(entry.item),
    addedIn: at(entry.addedIn),
    removedIn: at(entry.removedIn),
    origin: entry.origin,
    findings: entry.findings.map(findingJson),
    suppressed: suppressedJson(entry.suppressed),
  };
}

/** The Dockerfile line that made a layer, as `{ path, line, stage }`; null when unknown. */
function dockerfileLineOf(dockerfile: DockerfileMap | null, index: number | null): Json | null {
  const line = index === null ? null : (dockerfile?.layers[index] ?? null);
  return line === null ? null : { ...line };
}

function dockerfileJson(dockerfile: DockerfileMap | null): Json | null {
  return dockerfile === null ? null : { path: dockerfile.path, stage: dockerfile.stage, baseLayers: dockerfile.baseLayers };
}

function imageJson(image: ImageInventory): Json {
  return {
    reference: image.image.reference,
    transport: image.image.transport,
    digest: image.image.digest,
    configDigest: image.image.configDigest,
    platform: image.image.platform,
    layers: image.layers.map((layer) => ({ index: layer.index, digest: layer.digest, diffId: layer.diffId, instruction: layer.instruction })),
    ...(image.image.engine === undefined ? {} : { engine: { id: image.image.engine.id, repoDigests: image.image.engine.repoDigests } }),
  };
}

function layerRefOf(image: ImageInventory, index: number | null): Json | null {
  if (index === null) return null;
  const layer = image.layers[index];
  return layer === undefined ? null : { index, digest: layer.digest };
}

function instructionOf(image: ImageInventory, index: number | null): string | null {
  return index === null ? null : (image.layers[index]?.instruction ?? null);
}

function findingJson(finding: Finding): Json {
  return { rule: finding.rule, severity: finding.severity, message: finding.message };
}

function countSuppressed(entries: ReadonlyArray<{ suppressed?: readonly Suppressed[] }>): number {
  return entries.reduce((total, entry) => total + (entry.suppressed?.length ?? 0), 0);
}

/** What a policy accepted, with its reason; [] when no policy ran or it accepted nothing. */
function suppressedJson(suppressed: readonly Suppressed[] | undefined): Json[] {
  return (suppressed ?? []).map((finding) => ({ ...findingJson(finding), reason: finding.reason }));
}

function problemsJson(image: string, problems: readonly Problem[]): Json[] {
  return problems.map((problem) => ({
    image,
    manager: problem.manager,
    path: problem.path,
    line: problem.line,
    severity: problem.severity ?? 'info',
    message: problem.message,
  }));
}

function count(changes: DiffResult['changes'], kind: string): number {
  return changes.filter((change) => change.change === kind).length;
}

function severitySummary(findings: readonly Finding[]): Json {
  const bySeverity: Record<string, number> = {};
  for (const severity of SEVERITIES) bySeverity[severity] = findings.filter((finding) => finding.severity === severity).length;
  const highest: Severity | null = maxSeverity(findings.map((finding) => finding.severity));
  return { findings: bySeverity, highestSeverity: highest };
}
