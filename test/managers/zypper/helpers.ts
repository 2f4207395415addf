import type { ManagerState } from '../../../src/managers/types.js';
import { zypper } from '../../../src/managers/zypper/index.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

export function readZypper(
  files: Record<string, FakeEntry>,
  env: Record<string, string> = {},
): ManagerState {
  return zypper.read(rootFromFiles(files), { env });
}

export { risksOf, sourceOf } from '../../helpers/state.js';
