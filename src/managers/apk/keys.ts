import { readKey } from '../keys/key.js';
import type { Key, RootView } from '../types.js';
import { configFiles, isVisible } from './files.js';
import type { ApkMajor } from './model.js';
import { join, MANAGER } from './model.js';

/**
 * apk trusts every key it loads for every repository. apk 2 opens keys by name from
 * /etc/apk/keys; apk 3 loads the visible files of /etc/apk/keys and /lib/apk/keys (a name in
 * /etc hides the same name in /lib), or only those of `keys-dir` when the config sets it.
 */
export function readKeys(root: RootView, major: ApkMajor, keysDir: string | null): Key[] {
  const paths =
    major === 2
      ? root.list('/etc/apk/keys').map((entry) => join('/etc/apk/keys', entry.name))
      : keysDir !== null
        ? root
            .list(keysDir)
            .filter((entry) => isVisible(entry.name))
            .map((entry) => join(keysDir, entry.name))
        : configFiles(root, ['/etc/apk/keys', '/lib/apk/keys'], isVisible);

  return paths.flatMap((path) => {
    const file = root.kind(path) === 'file' ? root.readFile(path) : undefined;
    return file === undefined ? [] : [readKey(MANAGER, file, 'global')];
  });
}
