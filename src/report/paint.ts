import type { Severity } from '../managers/types.js';

export interface Paint {
  bold(text: string): string;
  severity(severity: Severity, text: string): string;
}

const CODES: Record<Severity, string> = { info: '2', low: '36', medium: '33', high: '31', critical: '1;31' };

/** ANSI colour when asked for, plain text otherwise. */
export function createPaint(color: boolean): Paint {
  if (!color) return { bold: (text) => text, severity: (_severity, text) => text };
  return {
    bold: (text) => `\u001b[1m${text}\u001b[22m`,
    severity: (severity, text) => `\u001b[${CODES[severity]}m${text}\u001b[0m`,
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
