import { apk } from './apk/index.js';
import { apt } from './apt/index.js';
import { pacman } from './pacman/index.js';
import type { PackageManager } from './types.js';
import { yum } from './yum/index.js';
import { zypper } from './zypper/index.js';

/** Every package manager pkgrepo-diff reads. A new ecosystem is a new folder and a line here. */
export const MANAGERS: readonly PackageManager[] = [apt, yum, zypper, apk, pacman];
