import type { Problem, RootView } from '../types.js';
import type { SourceLine } from './ini-yum3.js';
import type { IniFailure, Vars } from './model.js';
import { problem } from './model.js';
import { substituteYum3 } from './substitute.js';

export type Preprocessed =
  | { ok: true; lines: SourceLine[]; problems: Problem[] }
  | { ok: false; failure: IniFailure; problems: Problem[] };

const INCLUDE = /^\s*include\s*=\s*(.*)$/;
const SECTION = /^\s*\[(.*)\]/;

/**
 * yum 3's ConfigPreProcessor (yum/parser.py): an `include=` line is replaced by the lines of
 * the file or URL it names (relative to the including file, recursively; the same include in
 * the same section is read once); an indented `[section]` loses its indentation; then `$vars`
 * are replaced in every line. Remote includes cannot be read here and are reported.
 */
export function preprocessYum3(root: RootView, path: string, vars: Vars): Preprocessed {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const lines: SourceLine[] = [];
  let section: string | null = null;

  const walk = (file: string, text: string): IniFailure | undefined => {
    for (const [index, raw] of text.split('\n').entries()) {
      const line = index + 1;
      const include = INCLUDE.exec(raw);
      if (include === null) {
        section = SECTION.exec(raw)?.[1] ?? section;
        const unindented = /^\s+\[.*\]/.test(raw) ? raw.trimStart() : raw;
        lines.push({ text: substituteYum3(unindented, vars), path: file, line });
        continue;
      }

      const target = include[1] ?? '';
      if (target === '')
        return { path: file, line, message: 'include= names no file (yum 3 stops)' };
      const url = resolveInclude(file, target);
      const key = `${url}\u0000${section ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);

      if (!url.startsWith('file://')) {
        const message = `include=${target} pulls configuration from ${url}; not followed`;
        problems.push(problem(file, line, message));
        continue;
      }
      const includedPath = decodeURIComponent(new URL(url).pathname);
      const included = root.readFile(includedPath);
      if (included === undefined) {
        const message = `include=${target}: ${includedPath} cannot be read (yum 3 stops)`;
        return { path: file, line, message };
      }
      const failure = walk(includedPath, included.text);
      if (failure !== undefined) return failure;
    }
    return undefined;
  };

  const top = root.readFile(path);
  if (top === undefined) return { ok: true, lines, problems };
  seen.add(`file://${path}\u0000`);
  const failure = walk(path, top.text);
  return failure === undefined ? { ok: true, lines, problems } : { ok: false, failure, problems };
}

/** urljoin against the including file's file:// URL; a scheme of its own keeps the target. */
function resolveInclude(from: string, target: string): string {
  try {
    return new URL(target, `file://${from}`).href;
  } catch {
    return target;
  }
}
