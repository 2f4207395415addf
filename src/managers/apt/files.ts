import type { RootView } from '../types.js';

/**
 * Which files apt reads from a `.d` directory: GetListOfFilesInDir in apt 2.6 fileutl.cc,
 * shared by sources.list.d, apt.conf.d, preferences.d and auth.conf.d.
 */

/** Dir::Ignore-Files-Silently defaults (init.cc): apt skips these without a notice. */
export const IGNORE_FILES_SILENTLY: readonly RegExp[] = [
  /~$/, /\.disabled$/, /\.bak$/, /\.dpkg-[a-z]+$/, /\.ucf-[a-z]+$/, /\.save$/, /\.orig$/, /\.distUpgrade$/,
];

export type SkipReason = 'hidden' | 'not a regular file' | 'extension' | 'character' | 'trailing period';

export interface Listing {
  /** Absolute paths apt reads, in its order (byte order of the names). */
  files: string[];
  skipped: { name: string; reason: SkipReason; silently: boolean }[];
}

/**
 * `extensions` lists the accepted extensions; '' accepts a name without any. With extensions
 * required, `.` is an allowed character; every other character must be `A-Za-z0-9_-:`.
 * The silent-ignore patterns only choose whether apt prints a notice: every name they match
 * already fails the extension or character rule, so they never change what is read.
 */
export function listConfigParts(root: RootView, dir: string, extensions: readonly string[]): Listing {
  const listing: Listing = { files: [], skipped: [] };
  const base = dir.endsWith('/') ? dir.slice(0, -1) : dir;
  for (const entry of root.list(base)) {
    const reason = skipReason(entry.name, entry.kind, extensions);
    if (reason === null) listing.files.push(`${base}/${entry.name}`);
    else listing.skipped.push({ name: entry.name, reason, silently: isSilentlyIgnored(entry.name) });
  }
  return listing;
}

export function isSilentlyIgnored(name: string): boolean {
  return IGNORE_FILES_SILENTLY.some((pattern) => pattern.test(name));
}

function skipReason(name: string, kind: string, extensions: readonly string[]): SkipReason | null {
  if (name.startsWith('.')) return 'hidden';
  if (kind !== 'file') return 'not a regular file';
  if (extensions.length > 0 && !extensions.includes(extensionOf(name))) return 'extension';
  const allowed = extensions.length > 0 ? /^[A-Za-z0-9_:.-]*$/ : /^[A-Za-z0-9_:-]*$/;
  if (!allowed.test(name)) return 'character';
  if (name.endsWith('.')) return 'trailing period';
  return null;
}

/** flExtension: the text after the last `.`; '' for a name with no `.` (apt compares it to ''). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}
