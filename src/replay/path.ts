/**
 * Normalise a tar entry name or a link target into an absolute path. `..` that would climb out
 * of the root stays at the root, as container runtimes do when they apply a layer.
 */
export function normalizePath(name: string, base = '/'): string {
  const joined = name.startsWith('/') ? name : `${base}/${name}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Is `path` equal to `dir` or below it? */
export function isWithin(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/** Byte order of UTF-8 names, as C's strcmp and readdir-then-sort tools order them. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
