import type { DiffResult, Finding, ScanResult, Suppressed } from '../diff/model.js';
import { RULES } from '../findings/catalog.js';
import { hostsOf } from '../findings/hosts.js';
import type { Item } from '../managers/types.js';
import { SEVERITIES, type Severity } from '../managers/types.js';
import { AllowList } from './allow.js';
import { pathMatcher, hostMatcher } from './glob.js';
import type { Ignore, Policy } from './model.js';

/** One thing findings hang on, with the hosts a policy judges: all of them, or only the new ones. */
interface Entry {
  item: Item;
  /** URIs the policy's host allow list judges. */
  judged: readonly string[];
  findings: Finding[];
  suppressed?: Suppressed[];
}

/**
 * Apply a policy after evaluation: add `host-not-allowed` and `key-not-allowed`, move
 * severities, and move what the allow lists and ignores accept into `suppressed`, with the
 * reason. Returns a new result; the one given is not changed.
 */
export function applyPolicy<T extends DiffResult | ScanResult>(result: T, policy: Policy): T {
  const judge = policyJudge(policy);
  if ('changes' in result) {
    const changes = result.changes.map((change) => {
      const before = change.previous?.kind === 'source' ? change.previous.uris : [];
      const judged = change.change === 'removed' || change.item.kind !== 'source' ? [] : change.item.uris.filter((uri) => !before.includes(uri));
      return { ...change, ...judge({ ...change, judged }, change.change !== 'removed') };
    });
    const transient = result.transient.map((entry) => ({ ...entry, ...judge(whole(entry), true) }));
    return { ...result, changes, transient };
  }
  const entries = result.entries.map((entry) => ({ ...entry, ...judge(whole(entry), true) }));
  const transient = result.transient.map((entry) => ({ ...entry, ...judge(whole(entry), true) }));
  return { ...result, entries, transient };
}

function whole<E extends { item: Item; findings: Finding[] }>(entry: E): E & { judged: readonly string[] } {
  return { ...entry, judged: entry.item.kind === 'source' ? entry.item.uris : [] };
}

function policyJudge(policy: Policy): (entry: Entry, present: boolean) => { findings: Finding[]; suppressed: Suppressed[] } {
  const allow = new AllowList(policy);
  const ignores = policy.ignore.map(ignoreMatcher);
  return (entry, present) => {
    const added = present ? policyFindings(entry, allow) : [];
    const findings: Finding[] = [];
    const suppressed: Suppressed[] = [...(entry.suppressed ?? [])];
    for (const raw of [...entry.findings, ...added]) {
      const finding = { ...raw, severity: overridden(raw, policy) };
      const reason = allowance(finding, entry.item, allow) ?? ignores.map((matches) => matches(finding, entry.item)).find((why) => why !== null);
      if (reason === undefined || reason === null) findings.push(finding);
      else suppressed.push({ ...finding, reason });
    }
    return { findings, suppressed };
  };
}

/** The findings only a policy can give: a host or key its allow lists do not name. */
function policyFindings(entry: Entry, allow: AllowList): Finding[] {
  const { item } = entry;
  if (item.kind === 'source' && item.enabled) {
    const hosts = allow.disallowedHosts(entry.judged);
    if (hosts.length === 0) return [];
    const message = `${item.id} fetches from ${hosts.join(', ')}, which the policy does not allow`;
    return [{ rule: 'host-not-allowed', severity: RULES['host-not-allowed'].severity, message, hosts }];
  }
  if (item.kind === 'key' && !allow.allowsKey(item)) {
    const what = item.fingerprints.length > 0 ? ` (${item.fingerprints.join(', ')})` : '';
    const message = `key ${item.path}${what} is not in the policy's allowed keys`;
    return [{ rule: 'key-not-allowed', severity: RULES['key-not-allowed'].severity, message }];
  }
  return [];
}

/** Why an allow list accepts a finding, or null. */
function allowance(finding: Finding, item: Item, allow: AllowList): string | null {
  if ((finding.rule === 'new-host' || finding.rule === 'mirror-replaced') && allow.allowsFinding(finding, item)) return 'host allowed by the policy (allow.hosts)';
  if (finding.rule === 'key-added' && item.kind === 'key' && allow.checksKeys && allow.allowsKey(item)) return 'key allowed by the policy (allow.keys)';
  return null;
}

/**
 * An override moves the rule's default severity to the one given; a finding the tool judged
 * above or below the default (a disabled source, a scoped key) moves by as many steps.
 */
function overridden(finding: Finding, policy: Policy): Severity {
  const target = policy.severity[finding.rule];
  if (target === undefined) return finding.severity;
  const shift = SEVERITIES.indexOf(target) - SEVERITIES.indexOf(RULES[finding.rule].severity);
  const index = Math.min(Math.max(SEVERITIES.indexOf(finding.severity) + shift, 0), SEVERITIES.length - 1);
  return SEVERITIES[index] ?? finding.severity;
}

/** An ignore matches a finding when every part it names matches; its hosts must all match. */
function ignoreMatcher(ignore: Ignore): (finding: Finding, item: Item) => string | null {
  const path = ignore.path === null ? null : pathMatcher(ignore.path);
  const host = ignore.host === null ? null : hostMatcher(ignore.host);
  return (finding, item) => {
    if (ignore.rules !== null && !ignore.rules.includes(finding.rule)) return null;
    if (path !== null && !path(item.path)) return null;
    if (host !== null) {
      const hosts = finding.hosts ?? (item.kind === 'source' ? hostsOf(item.uris) : []);
      if (hosts.length === 0 || !hosts.every(host)) return null;
    }
    return ignore.reason;
  };
}
