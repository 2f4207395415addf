/**
 * The three kinds of pattern a policy holds, each compiled to one anchored RegExp:
 * - host: `*` is any run of characters, dots included (`*.corp.example` matches
 *   `a.b.corp.example`, not `corp.example`); case-insensitive;
 * - URL prefix (has `://`): matches a URI that starts with it at a `/` boundary; `*` stays
 *   within one path segment, `**` crosses them, a trailing `/` or `*` takes everything below;
 * - path: the whole path; `*` within one segment, `**` across them.
 */

export type Matcher = (value: string) => boolean;

export function isUrlPattern(pattern: string): boolean {
  return pattern.includes('://');
}

export function hostMatcher(pattern: string): Matcher {
  const regex = new RegExp(`^${translate(pattern.toLowerCase(), '.*', '.*')}$`);
  return (host) => regex.test(host.toLowerCase());
}

export function urlMatcher(pattern: string): Matcher {
  const open = pattern.endsWith('/') || pattern.endsWith('*');
  const regex = new RegExp(`^${translate(pattern, '[^/]*', '.*')}${open ? '.*' : '(?:/.*)?'}$`, 'i');
  return (uri) => regex.test(withoutCredentials(uri));
}

export function pathMatcher(pattern: string): Matcher {
  const regex = new RegExp(`^${translate(pattern, '[^/]*', '.*')}$`);
  return (path) => regex.test(path);
}

/** `**` first, then `*`; everything else literal. */
function translate(pattern: string, star: string, globstar: string): string {
  return pattern
    .split('**')
    .map((part) => part.split('*').map(escape).join(star))
    .join(globstar);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Reports redact credentials to `***@`; a policy names the URL without them. */
function withoutCredentials(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}
