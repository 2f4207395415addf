import type { ImageInventory } from '../inventory/read-image.js';

/**
 * How NEW stands to OLD, by layer diffIDs:
 * - `prefix`: every layer of OLD is at the bottom of NEW (NEW was built on OLD);
 * - `same-base`: NEW's base (known from its Dockerfile) is all shared with OLD, the rest differs;
 * - `rebased`: NEW's base is not OLD's bottom layers (a base-image bump);
 * - `diverged`: some bottom layers shared, NEW's base unknown;
 * - `unrelated`: no layer shared, NEW's base unknown.
 */
export type RelationKind = 'prefix' | 'same-base' | 'rebased' | 'diverged' | 'unrelated';

/** Whether a change came with NEW's base image or was made by NEW's own build steps. */
export type Origin = 'base' | 'build';

export interface Relation {
  kind: RelationKind;
  /** NEW's bottom layers that came with its base image; null when neither OLD nor a Dockerfile tells. */
  baseLayers: number | null;
  /** What baseLayers was learnt from. */
  baseFrom: 'old-image' | 'dockerfile' | null;
}

/** Relate two images; `dockerfileBase` is NEW's base layer count from its Dockerfile, if known. */
export function relateImages(before: ImageInventory, after: ImageInventory, shared: number, dockerfileBase: number | null): Relation {
  const prefix = before.layers.length > 0 && shared === before.layers.length;
  if (dockerfileBase !== null) {
    const kind = prefix ? 'prefix' : shared >= dockerfileBase ? 'same-base' : 'rebased';
    return { kind, baseLayers: dockerfileBase, baseFrom: 'dockerfile' };
  }
  if (prefix) return { kind: 'prefix', baseLayers: before.layers.length, baseFrom: 'old-image' };
  return { kind: shared > 0 ? 'diverged' : 'unrelated', baseLayers: null, baseFrom: null };
}

/**
 * The origin of a change attributed to NEW's layer `layer`. A change no layer of NEW made (an
 * item OLD has and NEW never had) comes from NEW's base: build steps only add to it.
 */
export function originOf(relation: Relation, layer: number | null): Origin | null {
  if (relation.baseLayers === null) return null;
  if (layer === null) return 'base';
  return layer < relation.baseLayers ? 'base' : 'build';
}
