import { settingItem } from '../items.js';
import type { JsonValue, Risk, RuleId, Setting, Severity } from '../types.js';
import { MANAGER } from './model.js';
import { strToBool, strToTriBool } from './values.js';
import type { ConfEntry, ZyppConf } from './zypp-conf.js';

interface Spec {
  parse: (value: string) => JsonValue;
  /** The value that carries a risk, and the risk. */
  risk?: { when: JsonValue | 'any'; rule: RuleId; severity: Severity; message: string };
}

const text = (value: string): JsonValue => value;
const flag =
  (fallback: boolean) =>
  (value: string): JsonValue =>
    strToBool(value, fallback);
const risky = (
  parse: Spec['parse'],
  when: JsonValue | 'any',
  rule: RuleId,
  severity: Severity,
  message: string,
): Spec => ({ parse, risk: { when, rule, severity, message } });
const moved = (message: string): Spec => risky(text, 'any', 'insecure-setting', 'medium', message);

/** [main] options of zypp.conf that change trust, where configuration is read, or what runs. */
const SPECS: ReadonlyMap<string, Spec> = new Map<string, Spec>([
  [
    'gpgcheck',
    risky(
      flag(true),
      false,
      'signature-check-disabled',
      'high',
      'no signature is checked for repos that do not set gpgcheck',
    ),
  ],
  [
    'repo_gpgcheck',
    risky(
      strToTriBool,
      false,
      'metadata-signature-check-disabled',
      'low',
      'unsigned repo metadata is accepted silently',
    ),
  ],
  [
    'pkg_gpgcheck',
    risky(
      strToTriBool,
      false,
      'signature-check-disabled',
      'info',
      'package signatures are checked only when the metadata signature is not valid',
    ),
  ],
  ['configdir', moved('configuration is read from another dir')],
  ['reposdir', moved('repo files are read from another dir')],
  ['servicesdir', moved('service files are read from another dir')],
  ['varsdir', moved('repo variables are read from another dir')],
  [
    'pluginsdir',
    risky(text, 'any', 'code-execution-hook', 'medium', 'plugins are run from another dir'),
  ],
  ['credentials.global.dir', { parse: text }],
  ['credentials.global.file', { parse: text }],
  [
    'solver.allowVendorChange',
    risky(flag(false), true, 'insecure-setting', 'medium', 'packages may switch vendor on update'),
  ],
  ['solver.dupAllowVendorChange', { parse: flag(true) }],
  ['download.use_geoip_mirror', { parse: flag(false) }],
]);

/** One Setting per option of SPECS written in zypp.conf (defaults are not reported). */
export function zyppSettings(conf: ZyppConf): Setting[] {
  const settings: Setting[] = [];
  for (const [key, entry] of conf.entries) {
    const spec = SPECS.get(key);
    if (spec !== undefined) settings.push(toSetting(key, entry, spec));
  }
  return settings;
}

function toSetting(key: string, entry: ConfEntry, spec: Spec): Setting {
  const value = spec.parse(entry.value);
  const { risk } = spec;
  const risks: Risk[] = [];
  if (risk !== undefined && (risk.when === 'any' || risk.when === value)) {
    risks.push({
      rule: risk.rule,
      severity: risk.severity,
      message: `main.${key}: ${risk.message}`,
    });
  }
  return settingItem({ manager: MANAGER, path: entry.path, name: `main.${key}`, value, risks });
}
