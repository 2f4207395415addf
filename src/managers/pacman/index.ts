import type { ManagerState, PackageManager, RootView } from '../types.js';
import { emptyState } from '../types.js';
import { parseConfig } from './conf.js';
import { readGpgConf, readKeyring } from './keys.js';
import { MANAGER } from './model.js';
import { registerRepos } from './register.js';
import { buildSettings, DEFAULT_GPG_DIR, gpgDirOf } from './settings.js';
import { buildSources } from './sources.js';

const CONFIG = '/etc/pacman.conf';

/**
 * pacman (Arch Linux): pacman.conf with its Includes, the [options] that change trust or run
 * code, and the keyring in GPGDir. When pacman would refuse the configuration, only the
 * problem and the keyring are reported, since pacman uses no repository at all then.
 */
export const pacman: PackageManager = {
  name: MANAGER,
  watch: [CONFIG, '/etc/pacman.d/'],

  read(root: RootView): ManagerState {
    const state = emptyState();
    if (root.kind(CONFIG) !== 'file') return state;

    const config = parseConfig(root, CONFIG);
    const registration = config.failed ? undefined : registerRepos(config);
    state.problems.push(...config.problems, ...(registration?.problems ?? []));

    const usable = registration !== undefined && !registration.failed;
    const gpgDir = usable ? gpgDirOf(config) : DEFAULT_GPG_DIR;
    if (usable) {
      state.sources.push(...buildSources(registration.repos));
      state.settings.push(...buildSettings(config), ...readGpgConf(root, gpgDir));
    }
    state.keys.push(...readKeyring(root, gpgDir));
    return state;
  },
};
