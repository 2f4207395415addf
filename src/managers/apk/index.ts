import type { ManagerState, PackageManager, ReadContext, RootView } from '../types.js';
import { emptyState } from '../types.js';
import { readApkConfig } from './config.js';
import { repositoryFiles } from './files.js';
import { readArchFile, readCommitHooks, readTlsFiles } from './files-settings.js';
import { readKeys } from './keys.js';
import { MANAGER, problem } from './model.js';
import { collectRepositories } from './repositories.js';
import { buildConfigSettings, optionValue } from './settings.js';
import { buildSources } from './sources.js';
import { detectApkMajor } from './version.js';
import { readWorldTags } from './world.js';

/**
 * apk (Alpine, Wolfi, Chainguard): repository files, keys, and for apk-tools 3 the config file
 * and its variables. Which grammar applies follows the apk-tools version installed in the image.
 */
export const apk: PackageManager = {
  name: MANAGER,
  watch: ['/etc/apk/', '/lib/apk/'],

  read(root: RootView, context: ReadContext): ManagerState {
    const state = emptyState();
    const major = detectApkMajor(root);
    const config = major === 3 ? readApkConfig(root, context.env) : undefined;
    const arch = readArchFile(root);

    const replacement = stringOption(optionValue(config, 'repositories-file'));
    const files = repositoryFiles(root, major, replacement);
    if (replacement !== null && files.length === 0 && config !== undefined) {
      const message = `repositories-file ${replacement} cannot be read: apk has no repositories`;
      state.problems.push(problem(config.path, null, message));
    }
    // apk 3 fetches for the `arch` options when set, else for the first line of /etc/apk/arch.
    const configArch = config?.options.find((option) => option.name === 'arch')?.value;
    const firstArch = typeof configArch === 'string' ? configArch : (arch?.first ?? null);
    const collected = collectRepositories(root, major, files, config, firstArch);

    state.sources.push(...buildSources(collected.repos, readWorldTags(root)));
    state.settings.push(
      ...(config === undefined ? [] : buildConfigSettings(config)),
      ...(arch === undefined ? [] : [arch.setting]),
      ...readTlsFiles(root),
      ...readCommitHooks(root, major),
    );
    state.keys.push(...readKeys(root, major, stringOption(optionValue(config, 'keys-dir'))));
    state.problems.push(...(config?.problems ?? []), ...collected.problems);
    return state;
  },
};

function stringOption(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.startsWith('/') ? value : `/${value}`;
}
