/** One challenge of a `WWW-Authenticate` header (RFC 7235), scheme lower-cased. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parse `Bearer realm="https://auth",service="registry",scope="repository:a:pull", Basic
 * realm="x"`: several challenges, quoted values that may hold commas.
 * https://distribution.github.io/distribution/spec/auth/token/
 */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
  const challenges: Challenge[] = [];
  const token = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*))?\s*,?/gy;
  let current: Challenge | undefined;
  for (let match = token.exec(text); match !== null && match[0] !== ''; match = token.exec(text)) {
    const [, name = '', value] = match;
    if (value === undefined) {
      current = { scheme: name.toLowerCase(), params: {} };
      challenges.push(current);
      continue;
    }
    if (current === undefined) break;
    current.params[name.toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  return challenges;
}
