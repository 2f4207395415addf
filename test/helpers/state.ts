import type { ManagerState, Source } from '../../src/managers/types.js';

/** The source with this id, or a failure that lists the ids there are. */
export function sourceOf(state: ManagerState, id: string): Source {
  const source = state.sources.find((candidate) => candidate.id === id);
  if (source === undefined) throw new Error(`no source ${id} among ${state.sources.map((s) => s.id).join(', ')}`);
  return source;
}

/** `rule:severity` of each risk, the shape most assertions need. */
export function risksOf(item: { risks: { rule: string; severity: string }[] }): string[] {
  return item.risks.map((risk) => `${risk.rule}:${risk.severity}`);
}
