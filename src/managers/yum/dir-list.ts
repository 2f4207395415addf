import { compareBytes } from '../../replay/path.js';
import type { RootView } from '../types.js';

/**
 * create_sorted_file_list (libdnf5): regular files with the extension in each dir, one per
 * file name (the first dir masks the later ones), sorted by name.
 */
export function sortedFileList(
  root: RootView,
  dirs: readonly string[],
  extension: string,
): string[] {
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of root.list(dir)) {
      if (entry.kind !== 'file' || !hasExtension(entry.name, extension)) continue;
      if (!byName.has(entry.name)) byName.set(entry.name, `${dir}/${entry.name}`);
    }
  }
  return [...byName.entries()].sort(([a], [b]) => compareBytes(a, b)).map(([, path]) => path);
}

/** std::filesystem::path::extension(): a leading dot alone does not start an extension. */
export function hasExtension(name: string, extension: string): boolean {
  return name.endsWith(extension) && name.length > extension.length;
}

