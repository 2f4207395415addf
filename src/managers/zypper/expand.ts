/** Looks a variable up; undefined when libzypp does not know it. */
export type Lookup = (name: string) => string | undefined;

/**
 * RepoVarExpand (zypp/repo/RepoVariables.cc): `$name`, `${name}`, `${name:-word}`,
 * `${name:+word}` with `[A-Za-z0-9_]+` names. An unknown plain variable stays as written; in a
 * conditional it counts as empty. Inside a word `\` escapes `$`, `}` and `\`.
 */
export function expandZypp(value: string, lookup: Lookup): string {
  return expand(value, 0, lookup) ?? value;
}

interface Variable {
  start: number;
  nameStart: number;
  nameEnd: number;
  end: number;
}

function expand(value: string, level: number, lookup: Lookup): string | undefined {
  const embedded = level > 0;
  let result = '';
  let written = 0;
  for (const found of variables(value, embedded)) {
    const name = value.slice(found.nameStart, found.nameEnd);
    const conditional = value[found.start + 1] === '{' && value[found.nameEnd] === ':';
    const type = conditional ? value[found.nameEnd + 1] : value[found.start];
    const known = type === '\\' ? undefined : lookup(name);
    const word = conditional ? value.slice(found.nameEnd + 2, found.end - 1) : '';

    let substitution: string | undefined;
    if (type === '$') substitution = known;
    else if (type === '-') substitution = known ? known : (expand(word, level + 1, lookup) ?? word);
    else if (type === '+') substitution = known ? (expand(word, level + 1, lookup) ?? word) : '';
    else if (type === '\\') substitution = name;
    if (substitution === undefined) continue;

    result += value.slice(written, found.start) + substitution;
    written = found.end;
  }
  return written === 0 ? undefined : result + value.slice(written);
}

/** FindVar: each well-formed variable (or escape, when embedded) from left to right. */
function* variables(value: string, embedded: boolean): Generator<Variable> {
  let start = nextStart(value, 0, embedded);
  while (start !== -1) {
    const end = variableEnd(value, start, embedded);
    if (end === undefined) {
      start = nextStart(value, start + 1, embedded);
      continue;
    }
    yield end;
    start = nextStart(value, end.end, embedded);
  }
}

function nextStart(value: string, from: number, embedded: boolean): number {
  for (let index = from; index < value.length; index += 1) {
    if (value[index] === '$' || (embedded && value[index] === '\\')) return index;
  }
  return -1;
}

function variableEnd(value: string, start: number, embedded: boolean): Variable | undefined {
  if (embedded && value[start] === '\\') {
    const escaped = value[start + 1];
    if (escaped !== '$' && escaped !== '}' && escaped !== '\\') return undefined;
    return { start, nameStart: start + 1, nameEnd: start + 2, end: start + 2 };
  }
  const braced = value[start + 1] === '{';
  const nameStart = start + (braced ? 2 : 1);
  let nameEnd = nameStart;
  while (isNameChar(value[nameEnd])) nameEnd += 1;
  if (nameEnd === nameStart) return undefined;
  if (!braced) return { start, nameStart, nameEnd, end: nameEnd };
  if (value[nameEnd] === '}') return { start, nameStart, nameEnd, end: nameEnd + 1 };
  if (value[nameEnd] !== ':' || !['+', '-'].includes(value[nameEnd + 1] ?? '')) return undefined;

  let scan = nameEnd + 2;
  while (scan < value.length) {
    const char = value[scan];
    if (char === '\\') scan += 2;
    else if (char === '$') {
      const inner = variableEnd(value, scan, false);
      if (inner === undefined) return undefined;
      scan = inner.end;
    } else if (char === '}') return { start, nameStart, nameEnd, end: scan + 1 };
    else scan += 1;
  }
  return undefined;
}

function isNameChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_]/.test(char);
}
