import type { ImageInventory } from '../inventory/read-image.js';
import type { Item, RuleId, Severity } from '../managers/types.js';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
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
  findings: Finding[];
}

/** An item some layer added and a later layer removed again. */
export interface Transient {
  item: Item;
  addedIn: number;
  removedIn: number;
  findings: Finding[];
}

export interface DiffResult {
  old: ImageInventory;
  new: ImageInventory;
  /** Layers at the bottom of both images with the same content. */
  sharedLayers: number;
  changes: Change[];
  transient: Transient[];
}

/** One item of a single image, with the layer that gave it its current form. */
export interface ScanEntry {
  item: Item;
  layer: number | null;
  findings: Finding[];
}

export interface ScanResult {
  image: ImageInventory;
  entries: ScanEntry[];
  transient: Transient[];
}
