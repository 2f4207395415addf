import type { ManagerState, Source } from '../../../src/managers/types.js';
import { zypper } from '../../../src/managers/zypper/index.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

export function readZypper(
  files: Record<string, FakeEntry>,
  env: Record<string, string> = {},
): ManagerState {
  return zypper.read(rootFromFiles(files), { env });
}

export function sourceOf(state: ManagerState, id: string): Source {
  const source = state.sources.find((candidate) => candidate.id === id);
  if (source === undefined)
    throw new Error(`no source ${id} among ${state.sources.map((s) => s.id).join(', ')}`);
  return source;
}

export function risksOf(item: { risks: { rule: string; severity: string }[] }): string[] {
  return item.risks.map((risk) => `${risk.rule}:${risk.severity}`);
}
