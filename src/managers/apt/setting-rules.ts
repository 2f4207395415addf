import type { JsonValue, Risk, RuleId, Severity } from '../types.js';
import { redactUri } from '../uri.js';
import { stringToBool } from './words.js';

/**
 * The apt.conf options worth reporting (package-sources.md §2.7), in apt.conf(5) spelling, and
 * the risk each carries. `scoped` options also take a `::host` (or `::item`) suffix. Hooks stay
 * `low`: stock images ship them (Debian's docker-clean sets DPkg::Post-Invoke).
 */

export type Judge = (value: JsonValue) => Risk[];

export interface SettingRule {
  name: string;
  scoped: boolean;
  judge: Judge;
}

const none: Judge = () => [];

/** Judged as apt's FindB would read it: `fallback` for a value that is neither true nor false. */
function whenBool(wanted: 0 | 1, rule: RuleId, severity: Severity, what: string): Judge {
  const fallback = wanted === 1 ? 0 : 1;
  return (value) => {
    const matches = typeof value === 'string' && stringToBool(value, fallback) === wanted;
    return matches ? [{ rule, severity, message: what }] : [];
  };
}

const whenTrue = (rule: RuleId, severity: Severity, what: string): Judge => whenBool(1, rule, severity, what);
const whenFalse = (rule: RuleId, severity: Severity, what: string): Judge => whenBool(0, rule, severity, what);

function always(rule: RuleId, severity: Severity, what: string): Judge {
  return () => [{ rule, severity, message: what }];
}

const proxy: Judge = (value) => {
  const values = Array.isArray(value) ? value : [value];
  const isProxy = (item: JsonValue): boolean => typeof item === 'string' && item !== '' && item.toUpperCase() !== 'DIRECT';
  if (!values.some(isProxy)) return [];
  return [{ rule: 'proxy-configured', severity: 'high', message: 'downloads go through a proxy' }];
};

const relocation = always('insecure-setting', 'medium', 'moves the files apt reads its configuration from');
const hook = always('code-execution-hook', 'low', 'runs a command when apt or dpkg runs');

const RULES: readonly [string, boolean, Judge][] = [
  ['Acquire::AllowInsecureRepositories', false,
    whenTrue('allow-insecure', 'critical', 'unsigned repositories are used')],
  ['Acquire::AllowWeakRepositories', false,
    whenTrue('allow-insecure', 'high', 'weakly signed repositories are used')],
  ['Acquire::AllowDowngradeToInsecureRepositories', false,
    whenTrue('allow-insecure', 'critical', 'a signed repository may turn unsigned')],
  ['APT::Get::AllowUnauthenticated', false,
    whenTrue('signature-check-disabled', 'critical', 'unauthenticated packages install without asking')],
  ['APT::Get::force-yes', false,
    whenTrue('signature-check-disabled', 'critical', 'force-yes implies unauthenticated installs')],
  ['Acquire::Check-Valid-Until', false,
    whenFalse('insecure-setting', 'medium', 'expired Release files are accepted')],
  ['Acquire::Check-Date', false,
    whenFalse('insecure-setting', 'medium', 'Release file dates are not checked')],
  ['Acquire::Max-FutureTime', false, none],
  ['Acquire::Min-ValidTime', false, none],
  ['Acquire::Max-ValidTime', false, none],
  ['Acquire::AllowReleaseInfoChange', true,
    whenTrue('insecure-setting', 'medium', 'a repository may change its identity silently')],
  ['Acquire::http::Proxy', true, proxy],
  ['Acquire::https::Proxy', true, proxy],
  ['Acquire::ftp::Proxy', true, proxy],
  ['Acquire::http::Proxy-Auto-Detect', false,
    always('proxy-configured', 'high', 'a program chooses the proxy')],
  ['Acquire::https::Proxy-Auto-Detect', false,
    always('proxy-configured', 'high', 'a program chooses the proxy')],
  ['Acquire::http::ProxyAutoDetect', false,
    always('proxy-configured', 'high', 'a program chooses the proxy')],
  ['Acquire::https::Verify-Peer', true,
    whenFalse('tls-verify-disabled', 'high', 'TLS certificates are not verified')],
  ['Acquire::https::Verify-Host', true,
    whenFalse('tls-verify-disabled', 'high', 'TLS host names are not verified')],
  ['Acquire::https::CAInfo', true,
    always('insecure-setting', 'medium', 'TLS trusts a custom CA file')],
  ['Acquire::https::CaPath', true,
    always('insecure-setting', 'medium', 'TLS trusts a custom CA directory')],
  ['Acquire::https::CRLFile', true, none],
  ['Acquire::https::SslCert', true, none],
  ['Acquire::https::SslKey', true, none],
  ['Acquire::AllowTLS', false, whenFalse('tls-verify-disabled', 'medium', 'TLS is turned off')],
  ['Acquire::gpgv::Options', false,
    always('insecure-setting', 'high', 'changes how signatures are verified')],
  ['APT::Key::GPGVCommand', false,
    always('insecure-setting', 'high', 'replaces the signature verifier')],
  ['APT::Key::Assert-Pubkey-Algo', false,
    always('insecure-setting', 'low', 'changes the accepted key algorithms')],
  ['Dir', false, relocation],
  ['RootDir', false, relocation],
  ['Dir::Etc', false, relocation],
  ['Dir::Etc::SourceList', false, relocation],
  ['Dir::Etc::SourceParts', false, relocation],
  ['Dir::Etc::Main', false, relocation],
  ['Dir::Etc::Parts', false, relocation],
  ['Dir::Etc::Preferences', false, relocation],
  ['Dir::Etc::PreferencesParts', false, relocation],
  ['Dir::Etc::Trusted', false, relocation],
  ['Dir::Etc::TrustedParts', false, relocation],
  ['Dir::Etc::Netrc', false, relocation],
  ['Dir::Etc::NetrcParts', false, relocation],
  ['Dir::Bin', true, always('code-execution-hook', 'medium', 'replaces a program apt runs')],
  ['APT::Sources::With', false,
    always('insecure-setting', 'high', 'adds unsigned local package sources')],
  ['APT::Sandbox::User', false,
    (value) => (value === 'root' ? always('insecure-setting', 'low', 'downloads run as root')(value) : [])],
  ['APT::Authentication::TrustCDROM', false,
    whenTrue('signature-check-disabled', 'medium', 'cdrom: sources are trusted without signatures')],
  ['APT::Update::Pre-Invoke', false, hook],
  ['APT::Update::Post-Invoke', false, hook],
  ['APT::Update::Post-Invoke-Success', false, hook],
  ['DPkg::Pre-Invoke', false, hook],
  ['DPkg::Post-Invoke', false, hook],
  ['DPkg::Pre-Install-Pkgs', false, hook],
  ['DPkg::Post-Install-Pkgs', false, hook],
  ['DPkg::Options', false, none],
  ['APT::Periodic', true, none],
  ['APT::Default-Release', false, none],
  ['APT::Get::AllowDowngrades', false,
    whenTrue('insecure-setting', 'low', 'packages may be downgraded without asking')],
  ['APT::Get::allow-change-held-packages', false, none],
];

const BY_NAME: ReadonlyMap<string, SettingRule> = new Map(
  RULES.map(([name, scoped, judge]) => [name.toLowerCase(), { name, scoped, judge }]),
);

/** The canonical name and rule of a flattened option name, or null when it is not reported. */
export function matchSetting(name: string): { canonical: string; rule: SettingRule } | null {
  const exact = BY_NAME.get(name.toLowerCase());
  if (exact !== undefined) return { canonical: exact.name, rule: exact };
  const cut = name.lastIndexOf('::');
  if (cut < 0) return null;
  const parent = BY_NAME.get(name.slice(0, cut).toLowerCase());
  if (parent === undefined || !parent.scoped) return null;
  return { canonical: `${parent.name}${name.slice(cut)}`, rule: parent };
}

/** Proxies may carry credentials: they never leave the parser. */
export function displayValue(canonical: string, value: JsonValue): JsonValue {
  if (!/::Proxy(::|$)/.test(canonical)) return value;
  if (typeof value === 'string') return redactUri(value);
  if (!Array.isArray(value)) return value;
  return value.map((item) => (typeof item === 'string' ? redactUri(item) : item));
}
