import { parentOf } from '../replay/path.js';

/**
 * Which paths a layer has entries at, whatever the walk kept: enough to tell, when a later walk
 * round widens the filter by a few paths, which layers could give it anything new. Entry paths
 * are kept as 32-bit hashes (a collision only costs a walk that was not needed); the
 * directories above them as strings, since there are far fewer of them and the answer for a
 * directory must never be a false "no".
 */
export class PathSketch {
  private readonly paths = new Set<number>();
  private readonly dirs = new Set<string>(['/']);

  add(path: string): void {
    this.paths.add(fnv1a(path));
    // Every directory above the entry; stop at one already there, whose ancestors are too.
    for (let dir = parentOf(path); !this.dirs.has(dir); dir = parentOf(dir)) this.dirs.add(dir);
  }

  /**
   * Could a walk that also keeps `path` (a file, or a directory with a trailing slash) record
   * something this layer's walk did not: an entry at it, below it, or at a directory above it?
   */
  touches(path: string): boolean {
    const at = path.length > 1 ? path.replace(/\/+$/, '') : path;
    if (this.dirs.has(at) || this.paths.has(fnv1a(at))) return true;
    for (let dir = parentOf(at); dir !== '/'; dir = parentOf(dir)) {
      if (this.paths.has(fnv1a(dir))) return true;
    }
    return false;
  }
}

/** 32-bit FNV-1a over UTF-16 code units: a fingerprint, not a digest. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
