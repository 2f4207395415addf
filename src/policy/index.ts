/** Policy: a team's allow lists, severities, ignores and threshold, applied after the rules. */
export { applyPolicy } from './apply.js';
export { defaultPolicy, defaultPolicyText } from './default.js';
export { loadPolicy, parsePolicy } from './load.js';
export { emptyPolicy, type Ignore, type Policy } from './model.js';
