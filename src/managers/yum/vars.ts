import type { RootView } from '../types.js';
import type { Stack, Vars } from './model.js';

/** A variable and the file (or environment variable) that set it. */
export interface VarSource {
  name: string;
  value: string;
  from: string;
}

export interface LoadedVars {
  vars: Vars;
  sources: VarSource[];
}

/**
 * The variables each stack substitutes, from var files (name = file name, value = first line)
 * and from the image's environment. Built-ins the image does not pin ($arch, $basearch,
 * $releasever) are unknown here and stay as written. See package-sources.md §3.1, §3.3.
 * - dnf 4: `DNF_VAR_x`/`DNF0`–`DNF9`, then each varsdir in order (files win, later dirs win);
 * - dnf 5: each varsdir in order, then the environment, which wins;
 * - yum 3: `YUM0`–`YUM9` (non-empty), then `/etc/yum/vars` where symlinks are skipped.
 */
export function loadVars(
  root: RootView,
  stack: Stack,
  varsdirs: readonly string[],
  env: Readonly<Record<string, string>>,
): LoadedVars {
  const sources: VarSource[] = [];
  const fromEnv = envVars(stack, env);
  if (stack !== 'dnf5') sources.push(...fromEnv);
  for (const dir of varsdirs) sources.push(...varFiles(root, dir, stack === 'yum3'));
  if (stack === 'dnf5') sources.push(...fromEnv);

  const vars = new Map<string, string>();
  for (const source of sources) vars.set(source.name, source.value);
  return { vars, sources };
}

function envVars(stack: Stack, env: Readonly<Record<string, string>>): VarSource[] {
  const found: VarSource[] = [];
  for (const [key, value] of Object.entries(env)) {
    const from = `env:${key}`;
    if (stack === 'yum3') {
      if (/^YUM[0-9]$/.test(key) && value !== '')
        found.push({ name: key.toLowerCase(), value, from });
    } else if (/^DNF_VAR_[A-Za-z0-9_]+$/.test(key)) {
      found.push({ name: key.slice('DNF_VAR_'.length), value, from });
    } else if (/^DNF[0-9]$/.test(key)) {
      found.push({ name: key, value, from });
    }
  }
  return found;
}

function varFiles(root: RootView, dir: string, skipSymlinks: boolean): VarSource[] {
  const found: VarSource[] = [];
  for (const entry of root.list(dir)) {
    if (entry.kind !== 'file') continue;
    const path = `${dir.replace(/\/+$/, '')}/${entry.name}`;
    const file = root.readFile(path);
    if (file === undefined) continue;
    // yum 3 skips links (os.path.islink). The view has no lstat, so a link is recognised by
    // resolving to another name; a link to a same-named file elsewhere is not caught.
    if (skipSymlinks && !file.realPath.endsWith(`/${entry.name}`)) continue;

    const newline = file.text.indexOf('\n');
    const value = newline === -1 ? file.text : file.text.slice(0, newline);
    found.push({ name: entry.name, value, from: path });
  }
  return found;
}
