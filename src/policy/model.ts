import * as z from 'zod';

import { RULE_IDS } from '../findings/catalog.js';
import { SEVERITIES, type RuleId, type Severity } from '../managers/types.js';

/**
 * The policy file, as a team writes it (YAML or JSON). Keys are kebab-case like the CLI's
 * options; every object is strict, so a misspelt key is an error, not a silent no-op.
 */

const HOST = /^[a-z0-9*.\-[\]:]+$/i;
/** Hex, spaced as gpg prints it or not: a long key id (16 digits) up to a SHA-256 (64). */
const FINGERPRINT = /^[0-9a-f]{16,64}$/i;

const severity = z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` });
const ruleId = z.enum(RULE_IDS as [RuleId, ...RuleId[]], { error: (issue) => `unknown rule id ${JSON.stringify(issue.input)} (see pkgrepo-diff rules)` });
const text = z.string({ error: 'expected a string' }).trim().min(1, { error: 'expected a non-empty string' });

const hostPattern = text.refine((value) => value.includes('://') || HOST.test(value), {
  error: 'expected a host glob (mirror.corp.example, *.corp.example) or a URL prefix (https://mirror.corp/debian/)',
});
const keyPattern = text.refine((value) => value.startsWith('/') || FINGERPRINT.test(value.replace(/\s+/g, '')), {
  error: 'expected a key fingerprint (hex, at least 16 digits) or an absolute path in the image',
});
/** The error of a strict mapping: its unknown keys by name, or what it should have been. */
function mapping(what: string, unknown = (key: string) => `unknown key ${JSON.stringify(key)}; expected ${what}`) {
  return (issue: z.core.$ZodRawIssue): string => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return key === undefined ? `expected a mapping with ${what}` : unknown(key);
  };
}

const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list' });

function ruleListError(input: unknown): string {
  const bad = [input].flat().find((rule) => !RULE_IDS.includes(rule as RuleId));
  return typeof bad === 'string' ? `unknown rule id ${JSON.stringify(bad)} (see pkgrepo-diff rules)` : 'expected a rule id or a list of them';
}

const ignoreSchema = z
  .strictObject(
    {
      rule: z.union([ruleId, list(ruleId)], { error: (issue) => ruleListError(issue.input) }).optional(),
      path: text.optional(),
      host: text.optional(),
      reason: z.string({ error: 'reason is required: say why the finding is accepted' }).trim().min(1, { error: 'reason must not be empty' }),
    },
    { error: mapping('rule, path, host and reason') },
  )
  .refine((ignore) => ignore.rule !== undefined || ignore.path !== undefined || ignore.host !== undefined, {
    error: 'an ignore names at least one of rule, path or host',
  });

export const policySchema = z.strictObject(
  {
    version: z.literal(1, { error: 'expected 1' }).optional(),
    'fail-on': severity.optional(),
    allow: z
      .strictObject(
        {
          hosts: list(hostPattern).optional(),
          keys: list(keyPattern).optional(),
          'distribution-mirrors': z.boolean({ error: 'expected true or false' }).optional(),
        },
        { error: mapping('hosts, keys and distribution-mirrors') },
      )
      .optional(),
    severity: z.partialRecord(ruleId, severity, { error: mapping('rule ids', (key) => `unknown rule id ${JSON.stringify(key)} (see pkgrepo-diff rules)`) }).optional(),
    ignore: list(ignoreSchema).optional(),
  },
  { error: mapping('version, fail-on, allow, severity and ignore') },
);

export type PolicyFile = z.infer<typeof policySchema>;

export interface Ignore {
  rules: RuleId[] | null;
  path: string | null;
  host: string | null;
  reason: string;
}

/** A validated policy, with defaults filled in; `null` allow lists allow everything. */
export interface Policy {
  /** Where it came from, for reports: a path, or `default`. */
  origin: string;
  failOn: Severity | null;
  allowHosts: string[] | null;
  /** Count the distribution mirrors of src/findings/official-hosts.ts as allowed hosts. */
  allowDistributionMirrors: boolean;
  allowKeys: string[] | null;
  severity: Partial<Record<RuleId, Severity>>;
  ignore: Ignore[];
}

export function toPolicy(file: PolicyFile, origin: string): Policy {
  return {
    origin,
    failOn: file['fail-on'] ?? null,
    allowHosts: file.allow?.hosts ?? null,
    allowDistributionMirrors: file.allow?.['distribution-mirrors'] ?? false,
    allowKeys: file.allow?.keys ?? null,
    severity: file.severity ?? {},
    ignore: (file.ignore ?? []).map((entry) => ({
      rules: entry.rule === undefined ? null : [entry.rule].flat(),
      path: entry.path ?? null,
      host: entry.host ?? null,
      reason: entry.reason,
    })),
  };
}

/** The policy that changes nothing: what runs without --policy. */
export function emptyPolicy(origin = 'none'): Policy {
  return toPolicy({}, origin);
}
