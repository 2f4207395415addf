import { createHash } from 'node:crypto';

import { PkgrepoDiffError } from '../errors.js';
import type { ConfigFile, DirEntry, RootView } from '../managers/types.js';
import type { FsNode, Snapshot } from './node.js';
import { baseName, compareBytes, normalizePath, parentOf } from './path.js';

/** Linux gives up after 40 links in one lookup (MAXSYMLINKS); so do we. */
const MAX_LINK_HOPS = 40;

interface Resolved {
  path: string;
  node: FsNode | undefined;
}

/** Tells the view which paths the walk kept, and hears of reads that fall outside them. */
export interface KeptPaths {
  isKept(path: string): boolean;
  /** A file (or, with a trailing '/', a directory) the walk should keep next time. */
  onMissing(path: string): void;
}

/**
 * A RootView over one snapshot. Reads that resolve outside the kept paths are reported through
 * `kept.onMissing`, so the pipeline can walk the layers again for them.
 */
export function createRootView(snapshot: Snapshot, kept?: KeptPaths): RootView {
  let children: Map<string, Set<string>> | undefined;

  const childIndex = (): Map<string, Set<string>> => {
    children ??= indexChildren(snapshot);
    return children;
  };

  const resolve = (path: string): Resolved => resolvePath(snapshot, childIndex(), path);

  return {
    readFile(path: string): ConfigFile | undefined {
      const wanted = normalizePath(path);
      const { path: realPath, node } = resolve(wanted);
      if (node === undefined && kept?.isKept(realPath) === false) kept.onMissing(realPath);
      if (node?.type !== 'file') return undefined;
      if (node.bytes === null) {
        kept?.onMissing(node.linkedFrom ?? realPath);
        return undefined;
      }
      const sha256 = node.sha256 ?? createHash('sha256').update(node.bytes).digest('hex');
      return {
        path: wanted,
        realPath,
        bytes: node.bytes,
        text: node.bytes.toString('utf8'),
        size: node.size,
        sha256,
        truncated: node.truncated,
      };
    },

    list(dir: string): DirEntry[] {
      const { path: realDir, node } = resolve(normalizePath(dir));
      if (kept?.isKept(realDir) === false) kept.onMissing(`${realDir}/`);
      if (!isDirectory(node, realDir, childIndex())) return [];
      const names = [...(childIndex().get(realDir) ?? [])].sort(compareBytes);
      return names.map((name) => ({ name, kind: kindOf(resolveQuiet(`${realDir}/${name}`)) }));
    },

    kind(path: string): DirEntry['kind'] {
      return kindOf(resolveQuiet(normalizePath(path)));
    },
  };

  /** A loop is an error here too: a manager must not skip, unnoticed, a file it may read. */
  function resolveQuiet(path: string): Resolved | undefined {
    return resolve(path);
  }

  function kindOf(resolved: Resolved | undefined): DirEntry['kind'] {
    if (resolved === undefined) return 'missing';
    // A link out of the kept paths: absent here only because the walk did not keep its target.
    if (resolved.node === undefined && kept?.isKept(resolved.path) === false) kept.onMissing(resolved.path);
    if (resolved.node?.type === 'file') return 'file';
    if (isDirectory(resolved.node, resolved.path, childIndex())) return 'dir';
    return resolved.node === undefined ? 'missing' : 'other';
  }
}

function isDirectory(node: FsNode | undefined, path: string, children: Map<string, Set<string>>): boolean {
  if (node?.type === 'dir') return true;
  return node === undefined && (path === '/' || children.has(path));
}

/** Follow symlinks component by component, as the kernel does, without leaving the root. */
function resolvePath(snapshot: Snapshot, children: Map<string, Set<string>>, path: string): Resolved {
  let hops = 0;
  let pending = normalizePath(path).split('/').filter(Boolean);
  let current = '/';
  while (pending.length > 0) {
    const [name, ...rest] = pending as [string, ...string[]];
    const next = current === '/' ? `/${name}` : `${current}/${name}`;
    const node = snapshot.get(next);
    if (node?.type !== 'symlink') {
      current = next;
      pending = rest;
      // Nothing below a missing directory: name the whole path, so the pipeline keeps that file
      // and not everything below its first missing ancestor.
      if (node === undefined && !children.has(next) && rest.length > 0) {
        return { path: [next, ...rest].join('/'), node: undefined };
      }
      continue;
    }
    hops += 1;
    if (hops > MAX_LINK_HOPS) {
      throw new PkgrepoDiffError('E_LINK', `too many levels of symbolic links (a loop through ${next})`, {
        input: path,
      });
    }
    const target = normalizePath(node.target, parentOf(next));
    pending = [...target.split('/').filter(Boolean), ...rest];
    current = '/';
  }
  return { path: current, node: snapshot.get(current) };
}

function indexChildren(snapshot: Snapshot): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const path of snapshot.paths()) {
    let child = path;
    while (child !== '/') {
      const parent = parentOf(child);
      const names = index.get(parent);
      if (names === undefined) index.set(parent, new Set([baseName(child)]));
      else if (names.has(baseName(child))) break;
      else names.add(baseName(child));
      child = parent;
    }
  }
  return index;
}

