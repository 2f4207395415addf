import { readKey } from '../keys/key.js';
import type { Key, Problem, RootView } from '../types.js';
import { extensionOf } from './files.js';
import { problem } from './source-files.js';

/**
 * apt's trust anchors. Global: Dir::Etc::Trusted (`trusted.gpg`, still read by apt up to 2.9.23)
 * and the `*.gpg`/`*.asc` files of Dir::Etc::TrustedParts. Scoped: keyrings named by Signed-By.
 *
 * Up to apt 2.9.14 apt-key lists trusted.gpg.d with `find -name '*.gpg' -o -name '*.asc'`, so
 * dot-files and names with characters that newer apt skips are trusted too; we follow that
 * wider rule (Debian 12 and Ubuntu 24.04 behave so), except for names with blanks, which
 * apt-key's word splitting loses. A `.gpg` file must start like a binary key packet, and an
 * empty file holds nothing (apt-key's is_supported_keyring and accessible_file_exists).
 */

export interface KeyPaths {
  trusted: string;
  trustedParts: string;
}

export function readGlobalKeys(root: RootView, paths: KeyPaths): { keys: Key[]; problems: Problem[] } {
  const keys: Key[] = [];
  const problems: Problem[] = [];
  const candidates = root.kind(paths.trusted) === 'file' ? [paths.trusted] : [];
  candidates.push(...trustedParts(root, paths.trustedParts));

  for (const path of candidates) {
    const file = root.readFile(path);
    if (file === undefined || file.size === 0) continue;
    if (extensionOf(path) === 'gpg' && !startsLikeBinaryKey(file.bytes)) {
      const message = 'apt ignores this keyring: a .gpg file must hold binary OpenPGP packets';
      problems.push(problem(path, null, message));
      continue;
    }
    keys.push(readKey('apt', file, 'global'));
  }
  return { keys, problems };
}

function trustedParts(root: RootView, dir: string): string[] {
  const base = dir.endsWith('/') ? dir.slice(0, -1) : dir;
  return root
    .list(base)
    .filter((entry) => entry.kind === 'file' && /\.(gpg|asc)$/.test(entry.name) && !/\s/.test(entry.name))
    .map((entry) => `${base}/${entry.name}`);
}

/** 0x98/0x99 (old-format public key) or 0xC6 (new format), as apt-key tests. */
function startsLikeBinaryKey(bytes: Buffer): boolean {
  const first = bytes[0];
  return first === 0x98 || first === 0x99 || first === 0xc6;
}

/** Keyrings named by Signed-By, each once; those already trusted globally are not repeated. */
export function readScopedKeys(root: RootView, paths: Iterable<string>, global: readonly Key[]): {
  keys: Key[];
  problems: Problem[];
} {
  const seen = new Set(global.map((key) => key.path));
  const keys: Key[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    const file = root.readFile(path);
    if (file === undefined) {
      const missing = root.kind(path) !== 'file';
      if (missing) problems.push(problem(path, null, 'keyring named by Signed-By is missing'));
      continue;
    }
    keys.push(readKey('apt', file, 'scoped'));
  }
  return { keys, problems };
}
