import { readFileSync } from 'node:fs';

import { PkgrepoDiffError } from '../errors.js';
import { parsePolicy } from './load.js';
import type { Policy } from './model.js';

/** From src/policy or dist/src/policy, the package's policy/default.yaml. */
const CANDIDATES = ['../../policy/default.yaml', '../../../policy/default.yaml'];

/** The text of the default policy that ships with the package, as `policy --print` shows it. */
export function defaultPolicyText(): string {
  for (const candidate of CANDIDATES) {
    try {
      return readFileSync(new URL(candidate, import.meta.url), 'utf8');
    } catch {
      // not at this depth
    }
  }
  throw new PkgrepoDiffError('E_NOT_FOUND', 'the default policy is missing from the package', { input: 'policy/default.yaml', hint: 'reinstall pkgrepo-diff' });
}

/** The default policy, parsed: what applies without --policy. */
export function defaultPolicy(): Policy {
  return parsePolicy(defaultPolicyText(), 'default');
}
