import type { JsonValue, Problem, RootView } from '../types.js';
import { TRUNCATED } from '../items.js';
import { problem, splitLines } from './model.js';
import { OPTIONS } from './options.js';

export const CONFIG = '/etc/apk/config';
const FALLBACK = '/lib/apk/config';

/** One option line apk 3 accepted, with its value in JSON form. */
export interface ConfigOption {
  name: string;
  value: JsonValue;
  line: number;
}

export interface ApkConfig {
  path: string;
  options: ConfigOption[];
  problems: Problem[];
}

/**
 * apk 3 `load_config`: $APK_CONFIG or /etc/apk/config, and /lib/apk/config only when that
 * file does not exist. Text after `#` is dropped; the option name ends at the first space and
 * must be spelled in full; a bad line is warned about and skipped.
 */
export function readApkConfig(
  root: RootView,
  env: Readonly<Record<string, string>>,
): ApkConfig | undefined {
  const given = env.APK_CONFIG ?? CONFIG;
  const wanted = given.startsWith('/') ? given : `/${given}`;
  const file = root.readFile(root.kind(wanted) === 'missing' ? FALLBACK : wanted);
  if (file === undefined) return undefined;

  const config: ApkConfig = { path: file.path, options: [], problems: [] };
  if (file.truncated) config.problems.push(problem(file.path, null, TRUNCATED));
  splitLines(file.text).forEach((text, index) => {
    const parsed = parseOptionLine(text);
    if (parsed === undefined) return;
    if ('error' in parsed) {
      const message = `${parsed.error}; apk ignores this line`;
      config.problems.push(problem(file.path, index + 1, message));
    } else config.options.push({ ...parsed, line: index + 1 });
  });
  return config;
}

type Parsed = { name: string; value: JsonValue } | { error: string } | undefined;

function parseOptionLine(text: string): Parsed {
  const line = text.split('#')[0]?.replace(/ +$/, '') ?? '';
  const space = line.indexOf(' ');
  const key = (space < 0 ? line : line.slice(0, space)).replace(/ +$/, '');
  const value = space < 0 ? null : line.slice(space + 1);
  if (key === '') return undefined;

  const negated = key.startsWith('no-') && isBoolean(key.slice(3));
  const name = negated ? key.slice(3) : key;
  const kind = OPTIONS.get(name);
  if (kind === undefined) return { error: `unrecognized option '${key}'` };

  if (kind === 'flag') return value === null ? { name, value: true } : unexpected(key, value);
  if (kind === 'arg' || kind === 'list') {
    return value === null ? { error: `option '${key}' expects an argument` } : { name, value };
  }
  if (negated) return value === null ? { name, value: false } : unexpected(key, value);
  if (value === null) return { name, value: true };
  if (value === 'yes' || value === 'no') return { name, value: value === 'yes' };
  if (kind === 'auto' && value === 'auto') return { name, value };
  return { error: `invalid argument for option '${key}': '${value}'` };
}

function isBoolean(name: string): boolean {
  const kind = OPTIONS.get(name);
  return kind === 'bool' || kind === 'auto';
}

function unexpected(key: string, value: string): { error: string } {
  return { error: `option '${key}' does not expect argument (got '${value}')` };
}
