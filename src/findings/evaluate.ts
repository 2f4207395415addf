import type { Change, Finding } from '../diff/model.js';
import type { Item, Source } from '../managers/types.js';
import { hostOf, isPlainText } from '../managers/uri.js';
import { RULES, atLeast, maxSeverity } from './catalog.js';
import type { DiffContext } from './context.js';
import { hostFindings } from './hosts.js';
import { signedByFindings } from './keyring.js';
import { suiteFindings } from './suite-changed.js';

export { diffContext, type DiffContext } from './context.js';

/** The findings an item carries by itself: its manager's judgement and plain transports. */
export function findingsForItem(item: Item): Finding[] {
  const findings: Finding[] = item.risks.map((risk) => ({ ...risk }));
  if (item.kind === 'source') findings.push(...plainHttp(item, []));
  return findings;
}

/** Findings for one change between two images. */
export function findingsForChange(change: Change, context: DiffContext): Finding[] {
  const { item, previous } = change;
  if (change.change === 'removed') return item.kind === 'key' ? [keyRemoved(item)] : [];

  const findings: Finding[] = item.risks.map((risk) => ({ ...risk }));
  if (item.kind === 'source') {
    const before = previous?.kind === 'source' ? previous : undefined;
    findings.push(...plainHttp(item, before?.uris ?? []));
    findings.push(...hostFindings(item, before, context));
    findings.push(...signedByFindings(item, before));
    findings.push(...suiteFindings(item, before, context));
  }
  if (item.kind === 'key') {
    const verb = change.change === 'added' ? 'added' : 'changed';
    findings.push({
      rule: 'key-added',
      severity: item.scope === 'global' ? 'high' : 'medium',
      message: `${item.scope === 'global' ? 'global keyring trusted by every source' : 'key'} ${verb}: ${item.path}${fingerprints(item)}`,
    });
  }
  return dedupe(findings);
}

/** A transient item is as risky as what it carried, and never below the rule's own severity. */
export function findingsForTransient(item: Item, addedIn: number, removedIn: number): Finding[] {
  const own = findingsForItem(item);
  const worst = maxSeverity(own.map((finding) => finding.severity));
  const severity = worst !== null && atLeast(worst, 'high') ? worst : RULES['transient-source'].severity;
  const what = item.kind === 'source' ? `source ${item.id}` : `${item.kind} ${item.id}`;
  return [
    {
      rule: 'transient-source',
      severity,
      message: `${what} in ${item.path} was added by layer ${addedIn} and removed by layer ${removedIn}; packages installed in between may come from it`,
    },
    ...own,
  ];
}

function plainHttp(source: Source, before: readonly string[]): Finding[] {
  const fresh = source.uris.filter((uri) => isPlainText(uri) && !before.includes(uri));
  if (fresh.length === 0) return [];
  const unverified = source.risks.some((risk) => atLeast(risk.severity, 'high'));
  const hosts = [...new Set(fresh.map(hostOf).filter((host): host is string => host !== null))];
  return [
    {
      rule: 'plain-http',
      severity: unverified ? 'high' : RULES['plain-http'].severity,
      message: `${fresh.join(', ')} is fetched without TLS${unverified ? ' and without signature checks' : ''}`,
      hosts,
    },
  ];
}

function keyRemoved(item: Item): Finding {
  return { rule: 'key-removed', severity: RULES['key-removed'].severity, message: `key removed: ${item.path}` };
}

function fingerprints(item: Item): string {
  return item.kind === 'key' && item.fingerprints.length > 0 ? ` (${item.fingerprints.join(', ')})` : '';
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\n${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
