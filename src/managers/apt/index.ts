import type { Key, ManagerState, PackageManager, Problem, ReadContext, RootView, Setting } from '../types.js';
import { emptyState } from '../types.js';
import { readAuthConf } from './auth-conf.js';
import { loadConfig } from './config-load.js';
import type { ConfigTree } from './config-tree.js';
import { listConfigParts } from './files.js';
import { readGlobalKeys, readScopedKeys } from './keys.js';
import { readPreferences } from './preferences.js';
import type { GlobalDefaults } from './release-checks.js';
import { buildSettings } from './settings.js';
import { problem, readSourceFiles } from './source-files.js';
import { buildSource } from './source-item.js';
import { stringToBool } from './words.js';

/**
 * APT (Debian, Ubuntu): sources.list and its parts, apt.conf, auth.conf, preferences and the
 * keyrings, read as apt 2.6 reads them (package-sources.md §2). Every path comes from the
 * configuration tree, so Dir::Etc relocations and RootDir are followed.
 */
export const apt: PackageManager = {
  name: 'apt',
  watch: ['/etc/apt/', '/usr/share/keyrings/'],
  read(root: RootView, context: ReadContext): ManagerState {
    const state = emptyState();
    const { tree, errors } = loadConfig(root, context);
    for (const error of errors) {
      state.problems.push(problem(error.path, error.line, `${error.message}; apt refuses to run`));
    }
    state.settings.push(...buildSettings(tree));

    const global = readGlobalKeys(root, {
      trusted: tree.findFile('Dir::Etc::trusted'),
      trustedParts: tree.findDir('Dir::Etc::trustedparts'),
    });
    state.keys.push(...global.keys);
    state.problems.push(...global.problems);

    readSources(root, tree, state, global.keys);
    readAuth(root, tree, state.settings);
    readPins(root, tree, state.settings, state.problems);
    return state;
  },
};

function readSources(root: RootView, tree: ConfigTree, state: ManagerState, globalKeys: readonly Key[]): void {
  const paths = {
    sourceList: tree.findFile('Dir::Etc::sourcelist'),
    sourceParts: tree.findDir('Dir::Etc::sourceparts'),
  };
  const { files, problems } = readSourceFiles(root, paths, { defaults: globalDefaults(tree) });
  state.problems.push(...problems);

  const keyPaths: string[] = [];
  for (const file of files) {
    for (const entry of file.entries) {
      const built = buildSource(root, file.path, entry);
      state.sources.push(built.source);
      state.problems.push(...built.problems);
      // A disabled source trusts nothing: its keys count once it is enabled.
      if (!entry.enabled) continue;
      if (built.inlineKey !== null) state.keys.push(built.inlineKey);
      keyPaths.push(...built.keyPaths);
    }
  }
  const scoped = readScopedKeys(root, keyPaths, globalKeys);
  state.keys.push(...scoped.keys);
  state.problems.push(...scoped.problems);
}

function globalDefaults(tree: ConfigTree): GlobalDefaults {
  const flag = (name: string): boolean => stringToBool(tree.find(name), 0) === 1;
  return {
    allowInsecure: flag('Acquire::AllowInsecureRepositories'),
    allowWeak: flag('Acquire::AllowWeakRepositories'),
    allowDowngradeToInsecure: flag('Acquire::AllowDowngradeToInsecureRepositories'),
  };
}

function readAuth(root: RootView, tree: ConfigTree, settings: Setting[]): void {
  const paths = mainAndParts(root, tree, 'Dir::Etc::netrc', 'Dir::Etc::netrcparts', ['conf', '']);
  for (const path of paths) {
    const file = root.readFile(path);
    if (file !== undefined) settings.push(...readAuthConf(path, file.text));
  }
}

function readPins(root: RootView, tree: ConfigTree, settings: Setting[], problems: Problem[]): void {
  const paths = mainAndParts(root, tree, 'Dir::Etc::preferences', 'Dir::Etc::preferencesparts', ['pref', '']);
  for (const path of paths) {
    const file = root.readFile(path);
    if (file === undefined) continue;
    const read = readPreferences(path, file.text);
    settings.push(...read.settings);
    problems.push(...read.problems);
  }
}

/** A main file (when it is a regular file) followed by the parts of its `.d` directory. */
function mainAndParts(
  root: RootView,
  tree: ConfigTree,
  main: string,
  parts: string,
  extensions: string[],
): string[] {
  const mainPath = tree.findFile(main);
  const paths = root.kind(mainPath) === 'file' ? [mainPath] : [];
  paths.push(...listConfigParts(root, tree.findDir(parts), extensions).files);
  return paths;
}
