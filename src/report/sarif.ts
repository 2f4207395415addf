import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AllPlatformsDiff, DiffResult, Finding, ScanResult, Suppressed } from '../diff/model.js';
import type { DockerfileMap } from '../dockerfile/map.js';
import type { Origin } from '../diff/relation.js';
import { RULES } from '../findings/catalog.js';
import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, JsonValue, Problem, RuleId, Severity } from '../managers/types.js';

type Json = { [key: string]: JsonValue };

export interface SarifOptions {
  /** pkgrepo-diff's version, for tool.driver.version. */
  version: string;
  /** Dockerfile paths are made relative to this folder (the repository root in CI). */
  cwd: string;
}

/** The `uriBaseId` of paths inside the image: they are not files of the repository. */
export const IMAGE_ROOT = 'IMAGE_ROOT';
const INFORMATION_URI = 'https://github.com/pkgrepo-diff/pkgrepo-diff';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * GitHub code scanning ranks alerts by `security-severity` (a number as a string, 0.0–10.0):
 * over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** Where findings were made: the image whose layers they name, and its Dockerfile map. */
interface Place {
  image: ImageInventory;
  dockerfile: DockerfileMap | null;
  /** With `diff --all-platforms`: which platform's diff the finding is from. */
  platform?: string;
}

/** One finding with where it was made: what a SARIF result is built from. */
interface Located {
  place: Place;
  finding: Finding;
  item: Item;
  /** added, removed, modified, present or transient. */
  change: string;
  layer: number | null;
  origin: Origin | null;
  /** The policy's reason, for a finding it accepted: the result is then suppressed. */
  accepted?: string;
}

interface Entry {
  item: Item;
  findings: readonly Finding[];
  suppressed?: readonly Suppressed[];
}

/** Every finding of the entries, then those the policy accepted, each with where it was made. */
function locate<T extends Entry>(place: Place, entries: readonly T[], where: (entry: T) => Pick<Located, 'change' | 'layer' | 'origin'>): Located[] {
  return [
    ...entries.flatMap((entry) => entry.findings.map((finding) => ({ place, finding, item: entry.item, ...where(entry) }))),
    ...entries.flatMap((entry) =>
      (entry.suppressed ?? []).map((finding) => ({ place, finding, item: entry.item, ...where(entry), accepted: finding.reason })),
    ),
  ];
}

function locateDiff(result: DiffResult, platform?: string): Located[] {
  const place = { image: result.new, dockerfile: result.dockerfile, ...(platform === undefined ? {} : { platform }) };
  return [
    ...locate(place, result.changes, (change) => ({ change: change.change, layer: change.layer, origin: change.origin })),
    ...locate(place, result.transient, (entry) => ({ change: 'transient', layer: entry.addedIn, origin: entry.origin })),
  ];
}

/** A diff as SARIF 2.1.0: one result per finding, located in the Dockerfile when known. */
export function diffToSarif(result: DiffResult, options: SarifOptions): Json {
  const images = { oldImage: imageProperties(result.old), newImage: imageProperties(result.new), relation: result.relation.kind };
  return sarifLog(locateDiff(result), result.new, result.new.final.problems.map((problem) => notificationOf(problem)), images, options);
}

/**
 * `diff --all-platforms` as SARIF: one run holding every platform's results, told apart by a
 * `platform` property, the message and the fingerprint (the same finding on two platforms is two
 * alerts, each fixed on its own).
 */
export function allPlatformsToSarif(result: AllPlatformsDiff, options: SarifOptions): Json {
  const [first] = result.platforms;
  if (first === undefined) throw new Error('no platform to report');
  if (!result.multiPlatform) return diffToSarif(first.result, options);
  const located = result.platforms.flatMap((entry) => locateDiff(entry.result, entry.platform));
  const notifications = result.platforms.flatMap((entry) => entry.result.new.final.problems.map((problem) => notificationOf(problem, entry.platform)));
  const properties: Json = {
    platforms: result.platforms.map((entry) => ({
      platform: entry.platform,
      oldImage: imageProperties(entry.result.old),
      newImage: imageProperties(entry.result.new),
      relation: entry.result.relation.kind,
    })),
    onlyOld: result.onlyOld,
    onlyNew: result.onlyNew,
  };
  return sarifLog(located, first.result.new, notifications, properties, options);
}

/** A scan as SARIF 2.1.0. */
export function scanToSarif(result: ScanResult, options: SarifOptions): Json {
  const place = { image: result.image, dockerfile: result.dockerfile };
  const located = [
    ...locate(place, result.entries, (entry) => ({ change: 'present', layer: entry.layer, origin: null })),
    ...locate(place, result.transient, (entry) => ({ change: 'transient', layer: entry.addedIn, origin: null })),
  ];
  const notifications = result.image.final.problems.map((problem) => notificationOf(problem));
  return sarifLog(located, result.image, notifications, { image: imageProperties(result.image) }, options);
}

function sarifLog(located: readonly Located[], image: ImageInventory, notifications: Json[], properties: Json, options: SarifOptions): Json {
  const ruleIds = Object.keys(RULES).sort() as RuleId[];
  const results = located.map((entry) => resultOf(entry, ruleIds, options));
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pkgrepo-diff', version: options.version, informationUri: INFORMATION_URI, rules: ruleIds.map(ruleJson) } },
        originalUriBaseIds: { [IMAGE_ROOT]: { description: { text: `The root filesystem of ${image.image.reference}` } } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        properties,
      },
    ],
  };
}

function ruleJson(id: RuleId): Json {
  const rule = RULES[id];
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    help: { text: rule.fix },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[rule.severity], severity: rule.severity, tags: ['security', 'supply-chain'] },
  };
}

function resultOf(entry: Located, ruleIds: RuleId[], options: SarifOptions): Json {
  const { image, dockerfile, platform } = entry.place;
  const layer = entry.layer === null ? undefined : image.layers[entry.layer];
  const line = entry.layer === null ? null : (dockerfile?.layers[entry.layer] ?? null);
  const inImage = { physicalLocation: { artifactLocation: { uri: imageUri(entry.item.path), uriBaseId: IMAGE_ROOT } } };
  const inDockerfile =
    line === null ? null : { physicalLocation: { artifactLocation: { uri: fileUri(line.path, options.cwd) }, region: { startLine: line.line } } };
  return {
    ruleId: entry.finding.rule,
    ruleIndex: ruleIds.indexOf(entry.finding.rule),
    level: LEVEL[entry.finding.severity],
    message: { text: `${entry.finding.message} (${entry.change} ${entry.item.manager} ${entry.item.kind} in ${entry.item.path})${platform === undefined ? '' : ` [${platform}]`}` },
    locations: [inDockerfile ?? inImage],
    ...(inDockerfile === null ? {} : { relatedLocations: [{ id: 1, ...inImage, message: { text: 'the file in the image' } }] }),
    partialFingerprints: { 'pkgrepoDiff/v1': platform === undefined ? fingerprint(entry) : `${fingerprint(entry)}:${platform}` },
    // Code scanning shows a suppressed result as closed, with the policy's reason.
    ...(entry.accepted === undefined ? {} : { suppressions: [{ kind: 'external', status: 'accepted', justification: entry.accepted }] }),
    properties: {
      severity: entry.finding.severity,
      change: entry.change,
      manager: entry.item.manager,
      kind: entry.item.kind,
      itemId: entry.item.id,
      imagePath: entry.item.path,
      layerIndex: entry.layer,
      layerDigest: layer?.digest ?? null,
      instruction: layer?.instruction ?? null,
      dockerfileStage: line?.stage ?? null,
      origin: entry.origin,
      ...(platform === undefined ? {} : { platform }),
    },
  };
}

/**
 * Stable across rebuilds and unrelated edits: the rule, the item and what happened to it, not
 * the layer or the line, so an alert stays one alert while the Dockerfile moves around it.
 */
function fingerprint(entry: Located): string {
  const key = [entry.finding.rule, entry.change, entry.item.manager, entry.item.kind, entry.item.path, entry.item.id].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function notificationOf(problem: Problem, platform?: string): Json {
  const physicalLocation: Json = { artifactLocation: { uri: imageUri(problem.path), uriBaseId: IMAGE_ROOT } };
  if (problem.line !== null) physicalLocation.region = { startLine: problem.line };
  const notification: Json = { level: LEVEL[problem.severity ?? 'info'], message: { text: `${problem.manager}: ${problem.message}` }, locations: [{ physicalLocation }] };
  return platform === undefined ? notification : { ...notification, properties: { platform } };
}

/** A path in the image as a relative URI reference: no leading slash, each segment escaped. */
export function imageUri(path: string): string {
  return path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

/** The Dockerfile relative to the repository root when inside it, else a file: URI. */
function fileUri(path: string, cwd: string): string {
  const inside = relative(cwd, isAbsolute(path) ? path : `${cwd}${sep}${path}`);
  if (inside.startsWith('..') || isAbsolute(inside)) return pathToFileURL(path).href;
  return inside.split(sep).map(encodeURIComponent).join('/');
}

function imageProperties(image: ImageInventory): Json {
  return { reference: image.image.reference, digest: image.image.digest, configDigest: image.image.configDigest, platform: image.image.platform };
}
