import type { ReadContext, RootView } from '../types.js';
import { type ConfigError, readConfigDir, readConfigFile } from './apt-conf.js';
import { type ConfigTree, defaultConfig } from './config-tree.js';

/**
 * apt's configuration as pkgInitConfig (init.cc) builds it: defaults, then the file named by
 * APT_CONFIG (from the image's Env), then Dir::Etc::Parts, then Dir::Etc::Main, each looked up
 * with the values read so far. Relocations (`Dir`, `Dir::Etc::*`, `RootDir`) are followed:
 * every later path of the manager is asked of the tree this returns.
 */
export function loadConfig(root: RootView, context: ReadContext): { tree: ConfigTree; errors: ConfigError[] } {
  const tree = defaultConfig();
  const errors: ConfigError[] = [];

  const aptConfig = context.env.APT_CONFIG ?? '';
  if (aptConfig !== '' && root.kind(aptConfig) === 'file') {
    errors.push(...readConfigFile(root, tree, aptConfig));
  }

  const parts = tree.findDir('Dir::Etc::parts', '/dev/null');
  if (root.kind(parts) === 'dir') errors.push(...readConfigDir(root, tree, parts));

  const main = tree.findFile('Dir::Etc::main', '/dev/null');
  if (root.kind(main) === 'file') errors.push(...readConfigFile(root, tree, main));

  return { tree, errors };
}
