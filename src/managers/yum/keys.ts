import { readKey } from '../keys/key.js';
import type { Key, RootView } from '../types.js';
import { MANAGER } from './model.js';
import type { RepoConfig } from './repo-config.js';

export const RPM_GPG_DIR = '/etc/pki/rpm-gpg';

/**
 * The key files of /etc/pki/rpm-gpg and any other local file a repo's gpgkey names. All are
 * scoped: rpm trusts a key once it is imported into the rpmdb, which dnf does for the keys a
 * repo's gpgkey= lists, so a file here is only trusted where a repo references it.
 */
export function readKeys(root: RootView, repos: readonly RepoConfig[]): Key[] {
  const paths = new Set<string>();
  for (const entry of root.list(RPM_GPG_DIR)) {
    if (entry.kind === 'file') paths.add(`${RPM_GPG_DIR}/${entry.name}`);
  }
  for (const repo of repos) {
    for (const key of repo.gpgkey) {
      const path = localPath(key.value);
      if (path !== undefined) paths.add(path);
    }
  }

  const keys: Key[] = [];
  for (const path of paths) {
    const file = root.readFile(path);
    if (file !== undefined) keys.push(readKey(MANAGER, file, 'scoped'));
  }
  return keys;
}

/** The path of a `file://` URL (librepo also takes a bare absolute path). */
function localPath(url: string): string | undefined {
  if (url.startsWith('/')) return url;
  if (!url.startsWith('file://')) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}
