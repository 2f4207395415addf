import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, RuleId, Severity } from '../managers/types.js';
import type { DockerfileMap } from '../dockerfile/map.js';
import type { Origin, Relation } from './relation.js';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Hosts the finding is about (new-host, mirror-replaced, host-not-allowed, plain-http), for policy allows and ignores. */
  hosts?: string[];
}

/** A finding a policy accepted: kept in reports so reviewers see what was waved through, and why. */
export interface Suppressed extends Finding {
  reason: string;
}

export type ChangeKind = 'added' | 'removed' | 'modified';

/** One item that differs between the two images' final states. */
export interface Change {
  change: ChangeKind;
  /** After the change; for `removed`, before it. */
  item: Item;
  /** For `modified`, the item before the change. */
  previous: Item | null;
  /** For `modified`, the fields that differ. */
  fields: string[];
  /** Index of the new image's layer that gave the item its current form (or deleted it). */
  layer: number | null;
  /** Whether the change came with NEW's base image or from its own build steps; null when unknown. */
  origin: Origin | null;
  findings: Finding[];
  /** Findings a policy ignored or allowed; absent when no policy ran. */
  suppressed?: Suppressed[];
}

/** An item some layer added and a later layer removed again. */
export interface Transient {
  item: Item;
  addedIn: number;
  removedIn: number;
  /** As Change.origin, by the layer that added the item; null in a scan. */
  origin: Origin | null;
  findings: Finding[];
  /** Findings a policy ignored or allowed; absent when no policy ran. */
  suppressed?: Suppressed[];
}

export interface DiffResult {
  old: ImageInventory;
  new: ImageInventory;
  /** Layers at the bottom of both images with the same content. */
  sharedLayers: number;
  changes: Change[];
  transient: Transient[];
  /** How NEW stands to OLD (built on it, rebased, ...), and where NEW's base ends. */
  relation: Relation;
  /** The Dockerfile NEW was built from, mapped to its layers (--dockerfile). */
  dockerfile: DockerfileMap | null;
}

/** One item of a single image, with the layer that gave it its current form. */
export interface ScanEntry {
  item: Item;
  layer: number | null;
  findings: Finding[];
  /** Findings a policy ignored or allowed; absent when no policy ran. */
  suppressed?: Suppressed[];
}

export interface ScanResult {
  image: ImageInventory;
  entries: ScanEntry[];
  transient: Transient[];
  dockerfile: DockerfileMap | null;
}

/** One platform of `diff --all-platforms`, by its `os/arch[/variant]`. */
export interface PlatformDiff {
  platform: string;
  result: DiffResult;
}

/** `diff --all-platforms`: each platform both images have, diffed, and those only one has. */
export interface AllPlatformsDiff {
  old: { reference: string; platforms: string[] };
  new: { reference: string; platforms: string[] };
  /** False when neither image is an index: the one entry then compares them as a plain diff does. */
  multiPlatform: boolean;
  platforms: PlatformDiff[];
  onlyOld: string[];
  onlyNew: string[];
}
