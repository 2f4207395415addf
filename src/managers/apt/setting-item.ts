import type { JsonValue, Risk, Setting } from '../types.js';

/** Every apt Setting: named by its content, paired across images by its lower-cased name. */
export function settingItem(path: string, name: string, value: JsonValue, risks: Risk[]): Setting {
  return {
    kind: 'setting',
    manager: 'apt',
    path,
    id: name,
    name,
    value,
    matchKeys: [`apt|setting|${name.toLowerCase()}`],
    risks,
  };
}
