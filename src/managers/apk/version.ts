import type { RootView } from '../types.js';
import type { ApkMajor } from './model.js';

const INSTALLED = '/lib/apk/db/installed';

/** Files only apk-tools 3 reads; their presence hints at apk 3 when the database says nothing. */
const APK3_ONLY = ['/etc/apk/config', '/lib/apk/config'];

/**
 * Which apk-tools the image would run: the version of the installed `apk-tools` package
 * (`P:apk-tools` then `V:` in the installed database), else apk 3 hints, else apk 2.
 */
export function detectApkMajor(root: RootView): ApkMajor {
  const installed = root.readFile(INSTALLED)?.text;
  const version = installed === undefined ? undefined : packageVersion(installed, 'apk-tools');
  if (version !== undefined) return version.startsWith('2.') ? 2 : 3;

  const hinted =
    APK3_ONLY.some((path) => root.kind(path) === 'file') ||
    root.list('/lib/apk/repositories.d').some((entry) => entry.name.endsWith('.list'));
  return hinted ? 3 : 2;
}

/** The `V:` line of the record whose `P:` line names the package; records end at a blank line. */
export function packageVersion(database: string, name: string): string | undefined {
  for (const record of database.split(/\n\n+/)) {
    const lines = record.split('\n');
    if (!lines.includes(`P:${name}`)) continue;
    const version = lines.find((line) => line.startsWith('V:'));
    if (version !== undefined) return version.slice(2);
  }
  return undefined;
}
