/** What a path holds at one point of the replay. Only watched paths keep file bytes. */
export type FsNode = FileNode | DirNode | SymlinkNode;

export interface FileNode {
  type: 'file';
  /** null when the walk did not keep this file's bytes (it was outside the watched paths). */
  bytes: Buffer | null;
  size: number;
  sha256: string | null;
  truncated: boolean;
  /** Index of the layer that wrote this node. */
  layer: number;
  /** For a hardlink whose target was not kept: the path whose bytes it shares. */
  linkedFrom?: string;
}

export interface DirNode {
  type: 'dir';
  layer: number;
}

export interface SymlinkNode {
  type: 'symlink';
  target: string;
  layer: number;
}

/** The filesystem at one layer: absolute path → node. Ancestors of a node may be implicit. */
export interface Snapshot {
  get(path: string): FsNode | undefined;
  /** Every path that holds a node in this snapshot. */
  paths(): Iterable<string>;
}
