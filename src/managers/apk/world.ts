import type { RootView } from '../types.js';

export const WORLD = '/etc/apk/world';

/**
 * The world entries that name each repository tag. apk only takes packages from a tagged
 * repository for dependencies written `name@tag` (apk-world(5)), so a tagged line matters once
 * world asks for it.
 */
export function readWorldTags(root: RootView): Map<string, string[]> {
  const text = root.readFile(WORLD)?.text ?? '';
  const byTag = new Map<string, string[]>();
  for (const dependency of text.split(/\s+/).filter(Boolean)) {
    const tag = /^!?[^@<>=~]+@([^<>=~]+)/.exec(dependency)?.[1];
    if (tag === undefined) continue;
    byTag.set(tag, [...(byTag.get(tag) ?? []), dependency]);
  }
  return byTag;
}
