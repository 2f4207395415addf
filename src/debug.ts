import createDebug from 'debug';

/** Namespaced traces for maintainers: `DEBUG=pkgrepo-diff:* pkgrepo-diff ...`. */
export function trace(area: string): createDebug.Debugger {
  return createDebug(`pkgrepo-diff:${area}`);
}
