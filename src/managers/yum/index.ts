import type { ManagerState, PackageManager, ReadContext, RootView } from '../types.js';
import { emptyState } from '../types.js';
import { readKeys } from './keys.js';
import type { MainConfig } from './main-config.js';
import { readMainConfig } from './main-config.js';
import { MANAGER } from './model.js';
import { readOverrides } from './overrides.js';
import { listRepoFiles } from './repo-files.js';
import { readRepos } from './read-repos.js';
import { mainSettings } from './settings.js';
import { toSource } from './source.js';
import type { Layout } from './stack.js';
import { detectLayout, STACK_PROBES } from './stack.js';
import { splitList } from './values.js';
import { loadVars } from './vars.js';

/**
 * yum 3, dnf 4 (and microdnf) and dnf 5: [main] of the main config (and dnf 5 drop-ins), the
 * repo sections of the main file and of `*.repo` in reposdir, var files, dnf 5 overrides, and
 * the key files of /etc/pki/rpm-gpg. See package-sources.md §3.
 */
export const yum: PackageManager = {
  name: MANAGER,
  watch: [
    '/etc/yum.conf',
    '/etc/yum/',
    '/etc/dnf/',
    '/etc/yum.repos.d/',
    '/etc/distro.repos.d/',
    '/usr/share/dnf5/',
    '/etc/pki/rpm-gpg/',
  ],
  probe: STACK_PROBES,

  read(root: RootView, context: ReadContext): ManagerState {
    const state = emptyState();
    const layout = detectLayout(root);
    const envOnly = loadVars(root, layout.stack, [], context.env).vars;
    const main = readMainConfig(root, layout, layout.stack === 'yum3' ? envOnly : new Map());
    const settings = mainSettings(main.entries, layout);

    // yum 3 always reads /etc/yum/vars; dnf takes varsdir from [main].
    const varsdir = layout.stack === 'yum3' ? undefined : listOption(main, layout, 'varsdir');
    const reposdir = listOption(main, layout, 'reposdir') ?? layout.reposdir;
    const { vars } = loadVars(root, layout.stack, varsdir ?? layout.varsdir, context.env);
    const files = listRepoFiles(root, layout.stack, reposdir);
    const overrides = readOverrides(root, layout.overrideDirs, vars);
    const repos = readRepos(root, layout, main, files.paths, vars, overrides);

    state.sources.push(...repos.repos.map(toSource));
    state.settings.push(...settings.settings);
    state.keys.push(...readKeys(root, repos.repos));
    state.problems.push(
      ...main.problems,
      ...settings.problems,
      ...files.problems,
      ...overrides.problems,
      ...repos.problems,
    );
    return state;
  },
};

function listOption(main: MainConfig, layout: Layout, key: string): string[] | undefined {
  const entry = main.entries.get(key);
  return entry === undefined ? undefined : splitList(layout.stack, entry.value);
}
