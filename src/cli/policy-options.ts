import type { DiffResult, ScanResult } from '../diff/model.js';
import { PkgrepoDiffError } from '../errors.js';
import type { Severity } from '../managers/types.js';
import { applyPolicy, defaultPolicy, defaultPolicyText, loadPolicy, type Policy } from '../policy/index.js';

/** What a command reads from `--policy` and `--fail-on`. */
export interface PolicyArgs {
  policy?: string;
  'fail-on'?: Severity;
}

/** The policy named by --policy, or the default one; read before any image, so a bad one fails fast. */
export async function policyOf(args: PolicyArgs): Promise<Policy> {
  return args.policy === undefined ? defaultPolicy() : loadPolicy(args.policy);
}

/** The result as the policy judges it, and the threshold: --fail-on wins over the policy's. */
export function judge<T extends DiffResult | ScanResult>(result: T, policy: Policy, args: PolicyArgs): { result: T; failOn: Severity | undefined } {
  return { result: applyPolicy(result, policy), failOn: args['fail-on'] ?? policy.failOn ?? undefined };
}

/** `pkgrepo-diff policy`: print the shipped default, or check a policy file. */
export async function policyCommand(args: { print?: boolean; check?: string }, write: (text: string) => void): Promise<void> {
  if (args.check !== undefined) {
    const policy = await loadPolicy(args.check);
    write(`${policy.origin}: valid policy\n`);
    return;
  }
  if (args.print !== true) throw new PkgrepoDiffError('E_USAGE', 'name what to do: --print or --check FILE', { input: 'policy' });
  write(defaultPolicyText());
}
