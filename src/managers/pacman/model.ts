import type { Problem } from '../types.js';
import type { SigLevelState } from './siglevel.js';

export const MANAGER = 'pacman';

/** One `[name]` section other than [options], before pacman decides whether to register it. */
export interface RepoSection {
  name: string;
  /** The file holding the `[name]` line, and that line. */
  path: string;
  line: number;
  /** Server and CacheServer values as written; `$repo`/`$arch` are replaced at the end. */
  servers: string[];
  cacheServers: string[];
  sigLevel: SigLevelState;
  usage: number;
  /** Include values written while this section was current. */
  includes: string[];
}

/** One directive of [options], kept in file order so each option can apply its own rule. */
export interface OptionLine {
  key: string;
  value: string | null;
  path: string;
  line: number;
}

export interface PacmanConfig {
  repos: RepoSection[];
  options: OptionLine[];
  sigLevel: SigLevelState;
  localFileSigLevel: SigLevelState;
  remoteFileSigLevel: SigLevelState;
  problems: Problem[];
  /** pacman stops at the first error and refuses to run; nothing of the file is used then. */
  failed: boolean;
}

export function problem(path: string, line: number | null, message: string): Problem {
  return { manager: MANAGER, path, line, message };
}

/** setrepeatingoption(): values split on spaces only (strtok " "), empty words dropped. */
export function words(value: string): string[] {
  return value.split(' ').filter((word) => word !== '');
}
