import type { RuleId, Severity } from '../managers/types.js';

export interface Rule {
  id: RuleId;
  /** The severity when the rule itself decides; managers may judge an item's own risk higher or lower. */
  severity: Severity;
  title: string;
}

/** Every rule pkgrepo-diff knows, with a stable id. */
export const RULES: Record<RuleId, Rule> = {
  'plain-http': { id: 'plain-http', severity: 'low', title: 'Source fetched over plain HTTP or FTP' },
  'trusted-source': { id: 'trusted-source', severity: 'critical', title: 'Source trusted without signature checks' },
  'signature-check-disabled': { id: 'signature-check-disabled', severity: 'critical', title: 'Package signature checks disabled' },
  'metadata-signature-check-disabled': {
    id: 'metadata-signature-check-disabled',
    severity: 'info',
    title: 'Repository metadata signature checks disabled',
  },
  'allow-insecure': { id: 'allow-insecure', severity: 'high', title: 'Unsigned or weakly signed repository allowed' },
  'tls-verify-disabled': { id: 'tls-verify-disabled', severity: 'high', title: 'TLS certificate verification disabled' },
  'signed-by-removed': { id: 'signed-by-removed', severity: 'medium', title: 'Source no longer pinned to its own key' },
  'key-added': { id: 'key-added', severity: 'high', title: 'Signing key added' },
  'key-removed': { id: 'key-removed', severity: 'info', title: 'Signing key removed' },
  'insecure-setting': { id: 'insecure-setting', severity: 'high', title: 'Package manager setting weakens trust' },
  'proxy-configured': { id: 'proxy-configured', severity: 'high', title: 'Proxy configured for package downloads' },
  'code-execution-hook': { id: 'code-execution-hook', severity: 'medium', title: 'Package manager runs a command' },
  'credentials-in-uri': { id: 'credentials-in-uri', severity: 'low', title: 'Credentials stored in the image' },
  'new-host': { id: 'new-host', severity: 'medium', title: 'Packages fetched from a host the old image did not use' },
  'transient-source': { id: 'transient-source', severity: 'medium', title: 'Added by one layer and removed by a later one' },
  'unparsed-file': { id: 'unparsed-file', severity: 'high', title: 'Configuration file the tool could not read as the manager does' },
};

const ORDER: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function compareSeverity(a: Severity, b: Severity): number {
  return ORDER[a] - ORDER[b];
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return ORDER[severity] >= ORDER[threshold];
}

export function maxSeverity(severities: Iterable<Severity>): Severity | null {
  let max: Severity | null = null;
  for (const severity of severities) if (max === null || ORDER[severity] > ORDER[max]) max = severity;
  return max;
}
