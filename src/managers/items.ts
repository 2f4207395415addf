import type { JsonValue, Risk, Setting } from './types.js';

/** Said of a file the walk cut at its read cap: what follows the cap is not seen. */
export const TRUNCATED = 'the file is larger than the read cap: only its start was read';

export interface SettingFields {
  manager: string;
  path: string;
  name: string;
  value: JsonValue;
  risks: Risk[];
  /** Defaults to the name. */
  id?: string;
  /** What pairs the setting across images; defaults to `MANAGER|setting|ID`. */
  matchKey?: string;
}

/** A Setting item as every manager reports one: named by its option, paired by its id. */
export function settingItem(fields: SettingFields): Setting {
  const id = fields.id ?? fields.name;
  return {
    kind: 'setting',
    manager: fields.manager,
    path: fields.path,
    id,
    name: fields.name,
    value: fields.value,
    matchKeys: [fields.matchKey ?? `${fields.manager}|setting|${id}`],
    risks: fields.risks,
  };
}
