import { createHash } from 'node:crypto';

import type { RootView } from '../../src/managers/types.js';
import type { FsNode } from '../../src/replay/node.js';
import { normalizePath } from '../../src/replay/path.js';
import { createRootView } from '../../src/replay/root-view.js';

export type FakeEntry = string | Buffer | { symlink: string } | { dir: true };

/** A RootView over files given in a plain object, for parser tests: `{'/etc/apt/sources.list': 'deb ...'}`. */
export function rootFromFiles(files: Record<string, FakeEntry>): RootView {
  const snapshot = new Map<string, FsNode>();
  for (const [path, entry] of Object.entries(files)) {
    snapshot.set(normalizePath(path), toNode(entry));
  }
  return createRootView({ get: (path) => snapshot.get(path), paths: () => snapshot.keys() });
}

function toNode(entry: FakeEntry): FsNode {
  if (typeof entry === 'string' || Buffer.isBuffer(entry)) {
    const bytes = Buffer.from(entry);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { type: 'file', bytes, size: bytes.length, sha256, truncated: false, layer: 0 };
  }
  if ('symlink' in entry) return { type: 'symlink', target: entry.symlink, layer: 0 };
  return { type: 'dir', layer: 0 };
}
