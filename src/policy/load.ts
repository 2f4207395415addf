import { readFile } from 'node:fs/promises';

import { isNode, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';

import { PkgrepoDiffError } from '../errors.js';
import { policySchema, toPolicy, type Policy } from './model.js';

/** A policy is a page of YAML; anything bigger is not one. */
const POLICY_LIMIT = 1 << 20;

/** Read and validate a policy file (YAML, or JSON, which YAML 1.2 reads the same way). */
export async function loadPolicy(path: string, signal?: AbortSignal): Promise<Policy> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path, { signal });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PkgrepoDiffError(missing ? 'E_NOT_FOUND' : 'E_IO', missing ? 'no such policy file' : 'cannot read the policy file', { input: path, cause: error });
  }
  if (bytes.length > POLICY_LIMIT) throw new PkgrepoDiffError('E_FORMAT', `policy file larger than ${POLICY_LIMIT} bytes`, { input: path });
  return parsePolicy(bytes.toString('utf8'), path);
}

/**
 * Parse and validate policy text; `name` is how errors name it. Every error names the line and
 * the key: `policy.yaml:7: allow.hosts[2]: expected a string`.
 */
export function parsePolicy(text: string, name: string): Policy {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new PkgrepoDiffError('E_FORMAT', syntax.message.split('\n')[0] ?? 'invalid YAML', { input: `${name}:${line}` });
  }

  const parsed = policySchema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    // Report the first fault in the file, as a person reads it.
    const [issue, where, line] = parsed.error.issues
      .map((each) => {
        const path = issuePath(each);
        return [each, path, lineOf(document, lines, path)] as const;
      })
      .reduce((first, each) => (each[2] < first[2] ? each : first));
    const key = where.length === 0 ? '' : `${formatPath(where)}: `;
    throw new PkgrepoDiffError('E_FORMAT', `${key}${issue.message}`, { input: `${name}:${line}` });
  }
  return toPolicy(parsed.data, name);
}

/** The path of the key at fault; for an unknown key, the key itself. */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path;
}

/** `allow.hosts[2]`, `ignore[0].reason`, `severity.plain-http`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The 1-based line of the deepest node on `path` that the document has. */
function lineOf(document: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = nodeAt(document, path.slice(0, depth));
    const offset = node?.range?.[0];
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return 1;
}

/** The node at `path`: for a mapping key, the key itself (where an unknown key sits); else the item. */
function nodeAt(document: Document, path: readonly PropertyKey[]): { range?: readonly number[] | null } | undefined {
  if (path.length === 0) return isNode(document.contents) ? document.contents : undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (typeof last === 'string' && parent !== null && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    const pair: unknown = parent.items.find((item: unknown) => isPair(item) && keyName(item.key) === String(last));
    if (isPair(pair) && isNode(pair.key)) return pair.key;
  }
  const node: unknown = document.getIn(path, true);
  return isNode(node) ? node : undefined;
}

function keyName(key: unknown): string | undefined {
  if (isNode(key) && 'value' in key) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
