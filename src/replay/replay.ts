import type { LayerOp } from '../layers/ops.js';
import type { FsNode, Snapshot } from './node.js';
import { isWithin, parentOf } from './path.js';

interface Version {
  layer: number;
  /** null: deleted at this layer. */
  node: FsNode | null;
}

/**
 * Applies layers in order, as the OCI image spec's changeset rules say, and keeps every path's
 * versions so the filesystem can be looked at as it stood after any layer.
 * https://github.com/opencontainers/image-spec/blob/main/layer.md#applying-changesets
 */
export class Replay {
  private readonly versions = new Map<string, Version[]>();
  private layers = 0;

  get layerCount(): number {
    return this.layers;
  }

  /** Apply the next layer's operations. */
  apply(ops: readonly LayerOp[]): void {
    const layer = this.layers;
    this.layers += 1;
    for (const op of ops) {
      if (op.op === 'whiteout') this.removeTree(op.path, layer, true);
      else if (op.op === 'opaque') this.removeChildren(op.dir, layer);
      else if (op.op === 'hardlink') this.put(op.path, this.linkNode(op.target, layer), layer);
      else this.put(op.path, { ...op.node, layer }, layer);
    }
  }

  /** The filesystem as it stood after `layer` was applied. */
  snapshot(layer: number): Snapshot {
    return {
      get: (path) => this.nodeAt(path, layer),
      paths: () => this.pathsAt(layer),
    };
  }

  private *pathsAt(layer: number): Iterable<string> {
    for (const path of this.versions.keys()) {
      if (this.nodeAt(path, layer) !== undefined) yield path;
    }
  }

  private nodeAt(path: string, layer: number): FsNode | undefined {
    const versions = this.versions.get(path);
    if (versions === undefined) return undefined;
    for (let i = versions.length - 1; i >= 0; i -= 1) {
      const version = versions[i];
      if (version !== undefined && version.layer <= layer) return version.node ?? undefined;
    }
    return undefined;
  }

  private put(path: string, node: FsNode, layer: number): void {
    const current = this.nodeAt(path, layer);
    // A non-directory replacing a directory takes the directory's contents with it.
    if (current?.type === 'dir' && node.type !== 'dir') this.removeChildren(path, layer, false);
    this.replaceFileAncestors(path, layer);
    this.record(path, node, layer);
  }

  /** An entry below a path that is a regular file turns that file into a directory. */
  private replaceFileAncestors(path: string, layer: number): void {
    for (let dir = parentOf(path); dir !== '/'; dir = parentOf(dir)) {
      if (this.nodeAt(dir, layer)?.type === 'file') this.record(dir, { type: 'dir', layer }, layer);
    }
  }

  private linkNode(target: string, layer: number): FsNode {
    const node = this.nodeAt(target, layer);
    // A link to a link: name the path whose bytes a later walk must keep, not the middle one.
    if (node?.type === 'file') {
      return node.bytes === null ? { ...node, layer, linkedFrom: node.linkedFrom ?? target } : { ...node, layer };
    }
    return { type: 'file', bytes: null, size: 0, sha256: null, truncated: false, layer, linkedFrom: target };
  }

  /** A whiteout hides the path and everything below it, as lower layers had them. */
  private removeTree(path: string, layer: number, lowerOnly: boolean): void {
    if (this.isLive(path, layer, lowerOnly)) this.record(path, null, layer);
    this.removeChildren(path, layer, lowerOnly);
  }

  private removeChildren(dir: string, layer: number, lowerOnly = true): void {
    for (const path of this.versions.keys()) {
      if (path !== dir && isWithin(path, dir) && this.isLive(path, layer, lowerOnly)) this.record(path, null, layer);
    }
  }

  private isLive(path: string, layer: number, lowerOnly: boolean): boolean {
    const node = this.nodeAt(path, layer);
    return node !== undefined && (!lowerOnly || node.layer < layer);
  }

  private record(path: string, node: FsNode | null, layer: number): void {
    const versions = this.versions.get(path);
    if (versions === undefined) {
      this.versions.set(path, [{ layer, node }]);
      return;
    }
    const last = versions[versions.length - 1];
    if (last?.layer === layer) last.node = node;
    else versions.push({ layer, node });
  }
}
