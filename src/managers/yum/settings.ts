import { settingItem } from '../items.js';
import type { JsonValue, Problem, Risk, RuleId, Setting, Severity } from '../types.js';
import { redactUri } from '../uri.js';
import type { IniEntry, Stack } from './model.js';
import { MANAGER, problem } from './model.js';
import type { Layout } from './stack.js';
import { InvalidValue, parseBool, splitList } from './values.js';

type Kind = 'bool' | 'list' | 'text' | 'url' | 'secret';

/** When the value carries a risk: false, true, any non-empty value, or not the default dirs. */
type When = 'off' | 'on' | 'set' | 'moved';

interface Spec {
  kind: Kind;
  risk?: { when: When; rule: RuleId; severity: Severity; message: string };
}

const plain = (kind: Kind): Spec => ({ kind });
const risky = (
  kind: Kind,
  when: When,
  rule: RuleId,
  severity: Severity,
  message: string,
): Spec => ({
  kind,
  risk: { when, rule, severity, message },
});
const secret = risky('secret', 'set', 'credentials-in-uri', 'low', 'credentials written in [main]');
const gpgcheck = risky(
  'bool',
  'off',
  'signature-check-disabled',
  'high',
  'package signatures are not checked for repos that do not set gpgcheck',
);

/** [main] options that change trust, transport, where configuration is read or what code runs. */
const SPECS: ReadonlyMap<string, Spec> = new Map<string, Spec>([
  ['gpgcheck', gpgcheck],
  ['pkg_gpgcheck', gpgcheck],
  ['gpgcheck_policy', plain('text')],
  [
    'localpkg_gpgcheck',
    risky(
      'bool',
      'off',
      'signature-check-disabled',
      'low',
      'signatures of local rpm files are not checked',
    ),
  ],
  [
    'repo_gpgcheck',
    risky(
      'bool',
      'off',
      'metadata-signature-check-disabled',
      'info',
      'repo metadata signatures are not checked by default',
    ),
  ],
  [
    'gpgkey_dns_verification',
    risky(
      'bool',
      'on',
      'insecure-setting',
      'medium',
      'keys verified through DNS are imported without asking',
    ),
  ],
  [
    'sslverify',
    risky(
      'bool',
      'off',
      'tls-verify-disabled',
      'high',
      'TLS certificates are not verified by default',
    ),
  ],
  ['sslverifystatus', plain('bool')],
  [
    'proxy_sslverify',
    risky(
      'bool',
      'off',
      'tls-verify-disabled',
      'high',
      'the TLS certificate of the proxy is not verified',
    ),
  ],
  [
    'sslcacert',
    risky(
      'text',
      'set',
      'insecure-setting',
      'medium',
      'a custom CA bundle is trusted for every repo that does not set its own',
    ),
  ],
  ['sslclientcert', plain('text')],
  ['sslclientkey', plain('text')],
  [
    'proxy',
    risky('url', 'set', 'proxy-configured', 'high', 'downloads go through a proxy by default'),
  ],
  ['proxy_username', secret],
  ['proxy_password', secret],
  ['username', secret],
  ['password', secret],
  ['enabled', plain('bool')],
  [
    'reposdir',
    risky('list', 'moved', 'insecure-setting', 'medium', 'repo files are read from other dirs'),
  ],
  [
    'varsdir',
    risky('list', 'moved', 'insecure-setting', 'medium', 'variables are read from other dirs'),
  ],
  [
    'pluginpath',
    risky('list', 'set', 'code-execution-hook', 'medium', 'plugins are loaded from these dirs'),
  ],
  [
    'pluginconfpath',
    risky(
      'list',
      'set',
      'code-execution-hook',
      'medium',
      'plugin configuration is read from these dirs',
    ),
  ],
  ['plugins', plain('bool')],
  ['exclude', plain('list')],
  ['excludepkgs', plain('list')],
  ['includepkgs', plain('list')],
  ['skip_if_unavailable', plain('bool')],
]);

export interface Settings {
  settings: Setting[];
  problems: Problem[];
}

/** One Setting per option of SPECS written in [main] (defaults are not reported). */
export function mainSettings(entries: ReadonlyMap<string, IniEntry>, layout: Layout): Settings {
  const found: Settings = { settings: [], problems: [] };
  for (const [key, entry] of entries) {
    const spec = SPECS.get(key);
    if (spec === undefined) continue;
    const value = valueOf(spec.kind, entry, layout.stack, found.problems);
    const { risk } = spec;
    const risks: Risk[] = [];
    if (risk !== undefined && applies(risk.when, key, value, layout)) {
      risks.push({
        rule: risk.rule,
        severity: risk.severity,
        message: `main.${key}: ${risk.message}`,
      });
    }
    found.settings.push(settingItem({ manager: MANAGER, path: entry.path, name: `main.${key}`, value, risks }));
  }
  return found;
}

function valueOf(kind: Kind, entry: IniEntry, stack: Stack, problems: Problem[]): JsonValue {
  if (kind === 'secret') return entry.value === '' ? '' : '***';
  if (kind === 'url') return redactUri(entry.value);
  if (kind === 'list') return splitList(stack, entry.value);
  if (kind === 'text') return entry.value;
  try {
    return parseBool(stack, entry.value);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    const effect =
      stack === 'yum3' ? 'yum refuses to start' : 'dnf ignores it and keeps the default';
    problems.push(
      problem(entry.path, entry.line, `${entry.key}=${entry.value}: ${error.message}; ${effect}`),
    );
    return entry.value;
  }
}

function applies(when: When, key: string, value: JsonValue, layout: Layout): boolean {
  if (when === 'off') return value === false;
  if (when === 'on') return value === true;
  if (when === 'set') return isSet(value);
  // Only a dir the stack would not read anyway moves configuration; fewer dirs do not.
  const defaults: readonly string[] = key === 'varsdir' ? layout.varsdir : layout.reposdir;
  return Array.isArray(value) && value.some((dir) => typeof dir !== 'string' || !defaults.includes(dir));
}

/** Non-empty; a proxy of `_none_` means no proxy. */
function isSet(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' && value !== '' && value.toLowerCase() !== '_none_';
}
