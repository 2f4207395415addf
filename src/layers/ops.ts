import type { FsNode } from '../replay/node.js';
import type { PathSketch } from './sketch.js';

/** What one layer does to the filesystem, in tar order, limited to what the walk kept. */
export type LayerOp =
  | { op: 'put'; path: string; node: FsNode }
  | { op: 'hardlink'; path: string; target: string }
  | { op: 'whiteout'; path: string }
  | { op: 'opaque'; dir: string };

/** Which paths a walk keeps the bytes of; everything else is skipped without buffering. */
export interface KeepFilter {
  /** Keep this regular file's bytes (up to the cap)? */
  keepsFile(path: string): boolean;
  /** Keep this directory or other non-file entry? (Symlinks and whiteouts are always kept.) */
  keepsEntry(path: string): boolean;
  /** A stable key of the filter, for caching walk results. */
  readonly key: string;
}

export interface LayerWalk {
  ops: LayerOp[];
  /** Every entry path of the layer, kept or not, for deciding whether a wider walk needs it again. */
  sketch: PathSketch;
  /** Entries seen in the layer, kept or not. */
  entries: number;
  /** Uncompressed bytes read. */
  bytes: number;
}
