import { settingItem as item } from '../items.js';
import type { JsonValue, Risk, Setting } from '../types.js';

/** Every apt Setting: named by its content, paired across images by its lower-cased name. */
export function settingItem(path: string, name: string, value: JsonValue, risks: Risk[]): Setting {
  return item({ manager: 'apt', path, name, value, risks, matchKey: `apt|setting|${name.toLowerCase()}` });
}
