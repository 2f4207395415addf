import type { History } from '../oci/types.js';
import { formatInstruction } from '../inventory/history.js';
import { collapse, type Step } from './steps.js';

/** Instructions that only change the config: a builder may record them or not. */
const LAYERS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

export interface Alignment {
  /** history index → the step that wrote that entry. */
  steps: Map<number, Step>;
  /** True when every layer-making step found its entry: the entries below are the base image's. */
  complete: boolean;
  /** Index of the last history entry below the build's own (the base's top entry), when complete. */
  baseTop: number;
  /** Why alignment stopped early, for the debug trace. */
  stoppedAt: string | null;
}

/**
 * Pair history entries with steps from the top down. The build's own entries are the last ones,
 * one per instruction in order; a step that only changes the config may have no entry and is
 * passed over, but an entry no step explains ends the alignment, and entries below it get no
 * step: no line beats a wrong line.
 */
export function alignHistory(history: readonly History[], steps: readonly Step[]): Alignment {
  const paired = new Map<number, Step>();
  let entry = history.length - 1;
  let step = steps.length - 1;
  while (step >= 0 && entry >= 0) {
    const current = steps[step];
    const recorded = history[entry];
    if (current === undefined || recorded === undefined) break;
    if (matches(current, recorded)) {
      paired.set(entry, current);
      entry -= 1;
      step -= 1;
    } else if (!LAYERS.has(current.keyword)) step -= 1;
    else break;
  }
  const unmatched = steps.slice(0, step + 1).filter((left) => LAYERS.has(left.keyword));
  const complete = unmatched.length === 0;
  const stoppedAt = complete ? null : `line ${unmatched.at(-1)?.line ?? '?'} (${unmatched.at(-1)?.keyword ?? '?'}) vs history ${entry}: ${describe(history[entry])}`;
  return { steps: paired, complete, baseTop: entry, stoppedAt };
}

/** Does this history entry record this step, as the classic builder or BuildKit writes it? */
export function matches(step: Step, entry: History): boolean {
  const written = formatInstruction(entry.created_by ?? '', entry.comment);
  if (written === null) return false;
  const recorded = collapse(written);
  if (step.exec !== null && step.keyword === 'RUN' && recorded === collapse(step.exec.join(' '))) return true;
  const space = recorded.indexOf(' ');
  const keyword = (space < 0 ? recorded : recorded.slice(0, space)).toUpperCase();
  const rest = space < 0 ? '' : recorded.slice(space + 1);
  if (keyword !== step.keyword) return false;
  if (step.keyword === 'RUN') return sameCommand(step, rest);
  if (step.dest !== null) return sameDestination(step.dest, rest);
  return true;
}

/** RUN text is recorded before the shell expands it, so `$ARG` stays as written. */
function sameCommand(step: Step, recorded: string): boolean {
  const command = recorded.replace(/^(?:--[a-z-]+(?:=\S*)? )+/i, '').replace(/^\/bin\/sh -c /, '');
  if (step.exec !== null) return command === collapse(step.exec.join(' '));
  return command === step.text || command === step.expanded || wildcard(step.text).test(command);
}

/** Classic: `file:<hash> in <dest>`; BuildKit: `<sources> <dest>`. Build args are expanded in both. */
function sameDestination(dest: NonNullable<Step['dest']>, recorded: string): boolean {
  const classic = / in (.*)$/.exec(recorded);
  const written = trimSlash(classic?.[1] ?? recorded.split(' ').at(-1) ?? '');
  const candidates = [dest.raw, dest.expanded].map(trimSlash);
  if (candidates.includes(written)) return true;
  return wildcard(trimSlash(dest.raw)).test(written);
}

/** `$NAME` and `${NAME…}` stand for any text (a build arg given on the command line). */
function wildcard(text: string): RegExp {
  const parts = text.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  if (parts.length === 1) return /(?!)/;
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function describe(entry: History | undefined): string {
  return entry === undefined ? 'none left' : JSON.stringify((entry.created_by ?? entry.comment ?? '').slice(0, 80));
}
