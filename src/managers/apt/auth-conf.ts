import type { Setting } from '../types.js';
import { settingItem } from './setting-item.js';

/**
 * auth.conf(5) files: netrc-like tokens (`machine`, `login`, `password`) split on blanks, as
 * apt's MaybeAddAuth reads them. One Setting per machine; no secret is ever copied out.
 */
export function readAuthConf(path: string, text: string): Setting[] {
  const machines: { machine: string; login: boolean; password: boolean }[] = [];
  let expecting: 'machine' | 'login' | 'password' | null = null;
  for (const token of text.split(/[\t \n]+/).filter((item) => item !== '')) {
    const current = machines.at(-1);
    if (expecting === 'machine') machines.push({ machine: token, login: false, password: false });
    else if (expecting === 'login' && current !== undefined) current.login = true;
    else if (expecting === 'password' && current !== undefined) current.password = true;

    if (expecting !== null) expecting = null;
    else if (token === 'machine') expecting = 'machine';
    else if ((token === 'login' || token === 'password') && current !== undefined) expecting = token;
  }
  return machines.map((entry) => toSetting(path, entry));
}

function toSetting(path: string, entry: { machine: string; login: boolean; password: boolean }): Setting {
  const name = `auth.conf machine ${entry.machine}`;
  const value: Record<string, string> = {};
  if (entry.login) value.login = '***';
  if (entry.password) value.password = '***';
  const plain = /^(http|ftp|tor\+http):\/\//i.test(entry.machine);
  const message = plain
    ? `credentials for ${entry.machine} stored in ${path}, sent over plain text`
    : `credentials for ${entry.machine} stored in ${path}`;
  return settingItem(path, name, value, [{ rule: 'credentials-in-uri', severity: 'low', message }]);
}
