import { settingItem } from '../items.js';
import type { JsonValue, Risk, Setting } from '../types.js';
import type { OptionLine, PacmanConfig } from './model.js';
import { MANAGER, words } from './model.js';
import { describeSigLevel, mergeSigLevel } from './siglevel.js';

export const DEFAULT_GPG_DIR = '/etc/pacman.d/gnupg/';
const DEFAULT_HOOK_DIR = '/etc/pacman.d/hooks/';

type Rule = 'first' | 'last' | 'list' | 'flag' | 'siglevel';

/** The [options] that change trust, transport or what runs, and how repeats combine. */
const REPORTED: Record<string, Rule> = {
  XferCommand: 'last',
  GPGDir: 'first',
  HookDir: 'list',
  Architecture: 'list',
  IgnorePkg: 'list',
  IgnoreGroup: 'list',
  SigLevel: 'siglevel',
  LocalFileSigLevel: 'siglevel',
  RemoteFileSigLevel: 'siglevel',
  DisableSandbox: 'flag',
  DisableSandboxFilesystem: 'flag',
  DisableSandboxSyscalls: 'flag',
};

export function buildSettings(config: PacmanConfig): Setting[] {
  const settings: Setting[] = [];
  for (const [name, rule] of Object.entries(REPORTED)) {
    const lines = config.options.filter((option) => option.key === name);
    const decisive = rule === 'first' ? lines[0] : lines.at(-1);
    if (decisive === undefined) continue;

    const value = valueOf(config, name, rule, lines);
    settings.push(settingItem({ manager: MANAGER, path: decisive.path, name, value, risks: risksOf(name, value) }));
  }
  return settings;
}

/** GPGDir as pacman uses it: the first one set, else the built-in default. */
export function gpgDirOf(config: PacmanConfig): string {
  const line = config.options.find((option) => option.key === 'GPGDir');
  return line?.value ?? DEFAULT_GPG_DIR;
}

function valueOf(config: PacmanConfig, name: string, rule: Rule, lines: OptionLine[]): JsonValue {
  if (rule === 'flag') return true;
  if (rule === 'list') return lines.flatMap((line) => words(line.value ?? ''));
  if (rule === 'siglevel') return sigLevelValue(config, name);
  const line = rule === 'first' ? lines[0] : lines.at(-1);
  return line?.value ?? null;
}

/** The effective level; the file levels only concern packages, as pacman-conf shows them. */
function sigLevelValue(config: PacmanConfig, name: string): JsonValue {
  if (name === 'SigLevel') return { ...describeSigLevel(config.sigLevel.level) };
  const own = name === 'LocalFileSigLevel' ? config.localFileSigLevel : config.remoteFileSigLevel;
  const level = describeSigLevel(mergeSigLevel(config.sigLevel, own));
  return { package: level.package, packageTrust: level.packageTrust };
}

function risksOf(name: string, value: JsonValue): Risk[] {
  if (name === 'XferCommand') {
    const message = `pacman runs this command to download every file: ${String(value)}`;
    return [{ rule: 'code-execution-hook', severity: 'medium', message }];
  }
  if (name === 'HookDir' && Array.isArray(value)) {
    const extra = value.filter((dir) => typeof dir === 'string' && !sameDir(dir, DEFAULT_HOOK_DIR));
    if (extra.length === 0) return [];
    const message = `pacman runs hooks found in ${extra.join(', ')}`;
    return [{ rule: 'code-execution-hook', severity: 'medium', message }];
  }
  if (name === 'GPGDir' && typeof value === 'string' && !sameDir(value, DEFAULT_GPG_DIR)) {
    const message = `signatures are checked with the keyring in ${value}, not ${DEFAULT_GPG_DIR}`;
    return [{ rule: 'insecure-setting', severity: 'medium', message }];
  }
  if (name === 'RemoteFileSigLevel') return remoteFileRisks(value);
  if (name.startsWith('DisableSandbox')) {
    const message = `${name} turns off the download sandbox`;
    return [{ rule: 'insecure-setting', severity: 'low', message }];
  }
  return [];
}

/** `pacman -U https://…` fetches one file at build time: weak checks weigh less than a repo's. */
function remoteFileRisks(value: JsonValue): Risk[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  if (value.package === 'never') {
    const message = 'packages installed from URLs (pacman -U) are not signature-checked';
    return [{ rule: 'signature-check-disabled', severity: 'high', message }];
  }
  if (value.package === 'optional') {
    const message = 'unsigned packages installed from URLs (pacman -U) are accepted';
    return [{ rule: 'signature-check-disabled', severity: 'medium', message }];
  }
  return [];
}

function sameDir(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
