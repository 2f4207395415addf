import { readKey } from '../keys/key.js';
import type { Key, RootView } from '../types.js';
import { MANAGER } from './model.js';
import type { UrlValue } from './url.js';

/**
 * The local key files repos name in gpgkey=. They are scoped: zypper imports a key into the
 * rpmdb only for the repo that lists it (and asks first, unless told to trust it).
 */
export function readZyppKeys(root: RootView, gpgkeys: readonly UrlValue[]): Key[] {
  const keys = new Map<string, Key>();
  for (const url of gpgkeys) {
    const path = localPath(url.value);
    if (path === undefined || keys.has(path)) continue;
    const file = root.readFile(path);
    if (file !== undefined) keys.set(path, readKey(MANAGER, file, 'scoped'));
  }
  return [...keys.values()];
}

/** file:/path and dir:/path URLs (libzypp reads both locally). */
function localPath(url: string): string | undefined {
  const match = /^(?:file|dir):(?:\/\/)?(\/[^?#]*)/i.exec(url);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
