import type { RootView } from '../types.js';
import type { Lookup } from './expand.js';

/**
 * The variables libzypp knows (zypp/ng/repo/repovariablescache.cc): every non-dot file of the
 * vars dir (name = file name, value = its first line), `releasever_major`/`_minor` derived from a
 * user `releasever`, and `$ZYPP_REPO_RELEASEVER` from the environment overriding all three.
 * $arch, $basearch and a releasever read from the installed product are not known here and
 * stay as written unless a var file sets them.
 */
export function zyppVars(
  root: RootView,
  varsdir: string,
  env: Readonly<Record<string, string>>,
): Lookup {
  const vars = new Map<string, string>();
  for (const entry of root.list(varsdir)) {
    if (entry.name.startsWith('.') || entry.kind !== 'file') continue;
    const text = root.readFile(`${varsdir}/${entry.name}`)?.text;
    if (text !== undefined) vars.set(entry.name, text.split('\n', 1)[0] ?? '');
  }
  deriveReleasever(vars, false);

  const forced = env.ZYPP_REPO_RELEASEVER ?? '';
  if (forced !== '') {
    vars.set('releasever', forced);
    deriveReleasever(vars, true);
  }
  return (name) => vars.get(name);
}

function deriveReleasever(vars: Map<string, string>, overwrite: boolean): void {
  const releasever = vars.get('releasever');
  if (releasever === undefined) return;
  const dot = releasever.indexOf('.');
  const major = dot === -1 ? releasever : releasever.slice(0, dot);
  const minor = dot === -1 ? '' : releasever.slice(dot + 1);
  if (overwrite || !vars.has('releasever_major')) vars.set('releasever_major', major);
  if (overwrite || !vars.has('releasever_minor')) vars.set('releasever_minor', minor);
}
