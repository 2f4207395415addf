import type { ManagerState, Source } from '../../../src/managers/types.js';
import { yum } from '../../../src/managers/yum/index.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

/** Run the yum manager over an in-memory tree. */
export function readYum(
  files: Record<string, FakeEntry>,
  env: Record<string, string> = {},
): ManagerState {
  return yum.read(rootFromFiles(files), { env });
}

export function sourceOf(state: ManagerState, id: string): Source {
  const source = state.sources.find((candidate) => candidate.id === id);
  if (source === undefined)
    throw new Error(`no source ${id} among ${state.sources.map((s) => s.id).join(', ')}`);
  return source;
}

/** `rule:severity` of each risk, the shape most assertions need. */
export function risksOf(source: { risks: { rule: string; severity: string }[] }): string[] {
  return source.risks.map((risk) => `${risk.rule}:${risk.severity}`);
}
