import type { Risk, Severity } from '../types.js';
import { hasCredentials } from '../uri.js';
import type { SourceEntry } from './entry.js';
import { stringToBool } from './words.js';

/**
 * What a source weakens by itself. Choices:
 * - check-valid-until / check-date off → `insecure-setting`, medium: signatures are still
 *   checked, only freshness is not, so it is not an `allow-insecure`.
 * - deb822 Allow-* fields are flagged but low: apt (up to 3.1.12) never reads them in .sources
 *   files, so they show intent, not effect.
 * - a disabled source keeps its risks at `info`, so enabling it shows the real severity.
 */

const ALLOW_OPTIONS: readonly [string, string, Severity][] = [
  ['allow-insecure', 'accepts a repository without a valid signature', 'high'],
  ['allow-weak', 'accepts weak (e.g. SHA-1) signatures', 'high'],
  ['allow-downgrade-to-insecure', 'accepts a signed repository turning unsigned', 'high'],
];

export function judgeSource(entry: SourceEntry): Risk[] {
  const risks = [...trustRisks(entry), ...allowRisks(entry), ...freshnessRisks(entry)];
  if (entry.uris.some(hasCredentials)) {
    risks.push({ rule: 'credentials-in-uri', severity: 'low', message: 'a URI carries credentials' });
  }
  if (entry.enabled) return risks;
  return risks.map((risk) => ({ ...risk, severity: 'info', message: `${risk.message} (source disabled)` }));
}

function trustRisks(entry: SourceEntry): Risk[] {
  const trusted = entry.options.get('trusted');
  if (trusted === undefined || stringToBool(trusted, 0) !== 1) return [];
  const message = `trusted=${trusted}: signatures are not checked`;
  return [{ rule: 'trusted-source', severity: 'critical', message }];
}

function allowRisks(entry: SourceEntry): Risk[] {
  const risks: Risk[] = [];
  for (const [option, what, severity] of ALLOW_OPTIONS) {
    const effective = entry.options.get(option);
    if (effective !== undefined && stringToBool(effective, -1) === 1) {
      risks.push({ rule: 'allow-insecure', severity, message: `${option}=${effective}: ${what}` });
    }
    const ignored = entry.format === 'deb822' ? entry.ignored.get(option) : undefined;
    if (ignored !== undefined && stringToBool(ignored, -1) === 1) {
      const message = `${option}: ${ignored} ${what}, but apt ignores this field in .sources files`;
      risks.push({ rule: 'allow-insecure', severity: 'low', message });
    }
  }
  const inRelease = entry.options.get('inrelease-path');
  if (inRelease !== undefined) {
    const message = `inrelease-path=${inRelease}: the signed metadata is read from another path`;
    risks.push({ rule: 'insecure-setting', severity: 'medium', message });
  }
  return risks;
}

/** apt reads these as tri-states with a default of "no": any value but a true one turns the check off. */
function freshnessRisks(entry: SourceEntry): Risk[] {
  const risks: Risk[] = [];
  for (const option of ['check-valid-until', 'check-date']) {
    const value = entry.options.get(option);
    if (value === undefined || stringToBool(value, 0) === 1) continue;
    const message = `${option}=${value}: outdated or replayed metadata is accepted`;
    risks.push({ rule: 'insecure-setting', severity: 'medium', message });
  }
  return risks;
}
