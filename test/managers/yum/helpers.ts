import type { ManagerState } from '../../../src/managers/types.js';
import { yum } from '../../../src/managers/yum/index.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

/** Run the yum manager over an in-memory tree. */
export function readYum(
  files: Record<string, FakeEntry>,
  env: Record<string, string> = {},
): ManagerState {
  return yum.read(rootFromFiles(files), { env });
}

export { risksOf, sourceOf } from '../../helpers/state.js';
