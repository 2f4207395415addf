/**
 * `${name}` and `${name:N}` (at most N bytes of the value) as apk_blob_subst() expands them in
 * apk 3 repository lines. An unknown name or an unclosed `${` makes the whole line invalid.
 */
export type Expansion = { ok: true; text: string } | { ok: false; error: string };

export function expand(text: string, variables: ReadonlyMap<string, string>): Expansion {
  let out = '';
  let rest = text;
  for (let start = rest.indexOf('${'); start >= 0; start = rest.indexOf('${')) {
    out += rest.slice(0, start);
    const end = rest.indexOf('}', start + 2);
    if (end < 0) return { ok: false, error: `unclosed variable reference in '${text}'` };

    const [name = '', limit] = rest.slice(start + 2, end).split(/:(.*)/s);
    const value = variables.get(name);
    if (value === undefined) return { ok: false, error: `undefined variable: ${name}` };
    if (limit !== undefined && !/^\d*$/.test(limit)) {
      return { ok: false, error: `invalid length in '\${${name}:${limit}}'` };
    }
    out += limit === undefined ? value : truncateBytes(value, Number(limit || '0'));
    rest = rest.slice(end + 1);
  }
  return { ok: true, text: out + rest };
}

function truncateBytes(value: string, bytes: number): string {
  return Buffer.from(value).subarray(0, bytes).toString('utf8');
}
