import { settingItem } from '../items.js';
import type { JsonValue, Risk, Setting } from '../types.js';
import type { ApkConfig } from './config.js';
import { MANAGER } from './model.js';
import { OPTIONS } from './options.js';

/** Options that define repositories; they become Sources, not Settings. */
const SOURCE_OPTIONS = new Set(['repository', 'repository-config']);

/** One Setting per option of /etc/apk/config: the last value, or every value of a list option. */
export function buildConfigSettings(config: ApkConfig): Setting[] {
  const names = [...new Set(config.options.map((option) => option.name))].filter(
    (name) => !SOURCE_OPTIONS.has(name),
  );
  return names.map((name) => {
    const lines = config.options.filter((option) => option.name === name);
    const value: JsonValue =
      OPTIONS.get(name) === 'list'
        ? lines.map((line) => line.value)
        : (lines.at(-1)?.value ?? null);
    return setting(config.path, name, value, risksOf(name, value));
  });
}

export function setting(
  path: string,
  name: string,
  value: JsonValue,
  risks: Risk[],
  id = name,
): Setting {
  return settingItem({ manager: MANAGER, path, name, value, risks, id });
}

/** The value of an option as apk ends up using it, if set. */
export function optionValue(config: ApkConfig | undefined, name: string): JsonValue | undefined {
  return config?.options.filter((option) => option.name === name).at(-1)?.value;
}

function risksOf(name: string, value: JsonValue): Risk[] {
  if (name === 'allow-untrusted') {
    const message =
      'allow-untrusted: apk installs packages and indexes whose signatures it cannot verify';
    return [{ rule: 'signature-check-disabled', severity: 'critical', message }];
  }
  if (name === 'check-certificate' && value === false) {
    const message = 'apk does not verify the TLS certificates of repositories';
    return [{ rule: 'tls-verify-disabled', severity: 'high', message }];
  }
  if (name === 'keys-dir') {
    const message = `trusted keys come from ${String(value)}, not /etc/apk/keys or /lib/apk/keys`;
    return [{ rule: 'insecure-setting', severity: 'medium', message }];
  }
  if (name === 'repositories-file') {
    const ignored = '/etc/apk/repositories and repositories.d are ignored';
    const message = `repositories are read from ${String(value)}; ${ignored}`;
    return [{ rule: 'insecure-setting', severity: 'medium', message }];
  }
  if (name === 'uvol-manager') {
    const message = `apk runs ${String(value)} to manage volumes`;
    return [{ rule: 'code-execution-hook', severity: 'medium', message }];
  }
  if (name.startsWith('force')) {
    const message = `${name} makes apk accept changes it would otherwise refuse`;
    return [{ rule: 'insecure-setting', severity: 'low', message }];
  }
  return [];
}
