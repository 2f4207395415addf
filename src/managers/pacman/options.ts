import type { OptionLine, PacmanConfig } from './model.js';
import { words } from './model.js';
import { applySigLevel } from './siglevel.js';

/** Options pacman accepts without a value (conf.c `_parse_options`, pacman 6 and 7). */
const FLAGS = new Set([
  'UseSyslog',
  'ILoveCandy',
  'VerbosePkgLists',
  'CheckSpace',
  'Color',
  'NoProgressBar',
  'DisableDownloadTimeout',
  'DisableSandbox',
  'DisableSandboxFilesystem',
  'DisableSandboxSyscalls',
]);

const VALUED = new Set([
  'NoUpgrade',
  'NoExtract',
  'IgnorePkg',
  'IgnoreGroup',
  'HoldPkg',
  'CacheDir',
  'HookDir',
  'Architecture',
  'DBPath',
  'RootDir',
  'GPGDir',
  'LogFile',
  'XferCommand',
  'CleanMethod',
  'SigLevel',
  'LocalFileSigLevel',
  'RemoteFileSigLevel',
  'ParallelDownloads',
  'DownloadUser',
]);

const SIG_LEVELS = {
  SigLevel: 'sigLevel',
  LocalFileSigLevel: 'localFileSigLevel',
  RemoteFileSigLevel: 'remoteFileSigLevel',
} as const;

type Outcome = { error: string } | { warning: string } | undefined;

/** Apply one [options] directive; an error is fatal to pacman, a warning is not. */
export function applyOption(config: PacmanConfig, option: OptionLine): Outcome {
  const { key, value } = option;
  const known = value === null ? FLAGS.has(key) : VALUED.has(key);
  if (!known) return { warning: `directive '${key}' in section 'options' not recognized` };

  config.options.push(option);
  if (value === null) return undefined;

  if (key === 'SigLevel' || key === 'LocalFileSigLevel' || key === 'RemoteFileSigLevel') {
    const field = SIG_LEVELS[key];
    const result = applySigLevel(words(value), config[field]);
    if (!result.ok) return { error: `invalid value for '${key}' : '${result.token}'` };
    config[field] = result.state;
  }
  if (key === 'CleanMethod') {
    const bad = words(value).find((word) => word !== 'KeepInstalled' && word !== 'KeepCurrent');
    if (bad !== undefined) return { error: `invalid value for 'CleanMethod' : '${bad}'` };
  }
  if (key === 'ParallelDownloads' && !isPositiveInt(value)) {
    return { error: `invalid value for 'ParallelDownloads' : '${value}'` };
  }
  return undefined;
}

/** parse_number() with strtol: optional sign, digits only, then 1 ≤ n ≤ INT_MAX. */
function isPositiveInt(value: string): boolean {
  if (!/^[ \t\n\v\f\r]*[+-]?\d+$/.test(value)) return false;
  const number = Number(value.trim());
  return number >= 1 && number <= 2 ** 31 - 1;
}
