import { normalizePath } from '../../replay/path.js';
import type { ManagerState, PackageManager, ReadContext, RootView } from '../types.js';
import { emptyState } from '../types.js';
import { readZyppKeys } from './keys.js';
import { MANAGER } from './model.js';
import { readZyppRepos } from './repos.js';
import { readZyppServices } from './services.js';
import { zyppSettings } from './settings.js';
import { repoSource, serviceSource } from './source.js';
import { zyppVars } from './vars.js';
import { readZyppConf } from './zypp-conf.js';

/**
 * zypper (libzypp): zypp.conf and its drop-ins, the repos of repos.d and the services of
 * services.d with variables from vars.d, and the local keys repos name. See
 * package-sources.md §4.
 */
export const zypper: PackageManager = {
  name: MANAGER,
  watch: [
    '/etc/zypp/zypp.conf',
    '/etc/zypp/zypp.conf.d/',
    '/etc/zypp/repos.d/',
    '/etc/zypp/services.d/',
    '/etc/zypp/vars.d/',
    '/usr/etc/zypp/',
  ],

  read(root: RootView, context: ReadContext): ManagerState {
    const state = emptyState();
    const conf = readZyppConf(root, context.env);
    const lookup = zyppVars(root, normalizePath(conf.varsdir), context.env);
    const repos = readZyppRepos(root, normalizePath(conf.reposdir), lookup);
    const services = readZyppServices(root, normalizePath(conf.servicesdir), lookup);

    state.sources.push(...repos.repos.map((repo) => repoSource(repo, conf)));
    state.sources.push(...services.services.map(serviceSource));
    state.settings.push(...zyppSettings(conf));
    state.keys.push(
      ...readZyppKeys(
        root,
        repos.repos.flatMap((repo) => repo.urls.gpgkey),
      ),
    );
    state.problems.push(...conf.problems, ...repos.problems, ...services.problems);
    return state;
  },
};
