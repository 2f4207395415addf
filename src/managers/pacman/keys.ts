import { settingItem } from '../items.js';
import { readKey } from '../keys/key.js';
import type { Key, RootView, Setting } from '../types.js';
import { MANAGER } from './model.js';

/** GnuPG keeps the public keyring in one of these; pacman-key creates pubring.gpg. */
const KEYRINGS = ['pubring.gpg', 'pubring.kbx'];

/** pacman's keyring: every key in it may sign any repository (global trust). */
export function readKeyring(root: RootView, gpgDir: string): Key[] {
  return KEYRINGS.flatMap((name) => {
    const file = root.readFile(join(gpgDir, name));
    return file === undefined ? [] : [readKey(MANAGER, file, 'global')];
  });
}

/**
 * gpg.conf in pacman's GnuPG home is read by gpgme on every check; `trust-model always`
 * makes every key in the keyring fully valid, which undoes pacman's TrustedOnly.
 */
export function readGpgConf(root: RootView, gpgDir: string): Setting[] {
  const file = root.readFile(join(gpgDir, 'gpg.conf'));
  if (file === undefined) return [];

  const models = file.text
    .split('\n')
    .map((line) => /^\s*trust-model\s+(\S+)/.exec(line)?.[1])
    .filter((model): model is string => model !== undefined);
  const model = models.at(-1);
  if (model === undefined) return [];

  const weak = model === 'always' || model === 'direct';
  const message = `gpg.conf sets trust-model ${model}: keys need no signature from the master keys`;
  return [
    settingItem({
      manager: MANAGER,
      path: file.path,
      id: 'gpg.conf trust-model',
      name: 'trust-model',
      value: model,
      risks: weak ? [{ rule: 'insecure-setting', severity: 'high', message }] : [],
    }),
  ];
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}
