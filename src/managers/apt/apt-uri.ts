import { leadingInteger, percentDecode } from './words.js';

/**
 * apt's URI canonicalisation (strutl.cc URI::CopyFrom and URI::operator string, then
 * sourcelist.cc FixupURI), so a source's URI reads exactly as apt would fetch it:
 * `cdrom:[Label]/` becomes `cdrom://[Label]/`, `file:///srv` becomes `file:/srv/`, user and
 * password are re-escaped, a trailing `/` is added.
 */

interface UriParts {
  access: string;
  user: string;
  password: string;
  host: string;
  port: number;
  path: string;
}

/** FixupURI: null when apt rejects the URI ("URI parse"); `$(ARCH)` replaced when arch is known. */
export function fixupUri(raw: string, arch?: string): string | null {
  if (raw === '' || !raw.includes(':')) return null;
  const substituted = arch === undefined ? raw : raw.replaceAll('$(ARCH)', arch);
  const uri = formatUri(parseUri(substituted));
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function parseUri(uri: string): UriParts {
  const colon = uri.includes(':') ? uri.indexOf(':') : uri.length;
  let slash = colon;
  if (colon + 3 < uri.length && uri[colon + 1] === '/' && uri[colon + 2] === '/') slash += 3;
  let inBracket = false;
  for (; slash < uri.length && (uri[slash] !== '/' || inBracket); slash += 1) {
    if (uri[slash] === '[') inBracket = true;
    if (inBracket && uri[slash] === ']') inBracket = false;
  }

  const parts: UriParts = { access: uri.slice(0, colon), user: '', password: '', host: '', port: 0, path: '' };
  parts.path = slash < uri.length ? uri.slice(slash) : '/';

  let hostStart = uri[colon + 1] === '/' && uri[colon + 2] === '/' ? colon + 3 : colon + 1;
  if (hostStart >= uri.length) return parts;
  hostStart = Math.min(hostStart, slash);
  const userEnd = Math.min(hostStart + 1, slash);
  const atIndex = uri.lastIndexOf('@', slash - 1);
  const at = atIndex >= userEnd && atIndex < slash ? atIndex : slash;
  const secondColon = indexWithin(uri, ':', userEnd, at);

  if (at === slash) {
    if (hostStart < slash) parts.host = uri.slice(hostStart, slash);
  } else {
    parts.host = uri.slice(at + 1, slash);
    parts.user = percentDecode(uri.slice(hostStart, secondColon));
    if (secondColon < at) parts.password = percentDecode(uri.slice(secondColon + 1, at));
  }
  return splitPort(parts);
}

function indexWithin(text: string, char: string, from: number, to: number): number {
  const index = text.indexOf(char, from);
  return index < 0 || index >= to ? to : index;
}

/** RFC 2732 brackets come off the host, then a `:port` after them. */
function splitPort(parts: UriParts): UriParts {
  let host = '';
  let portEnd = 0;
  let inBracket = false;
  for (const char of parts.host) {
    if (char === '[') {
      inBracket = true;
    } else if (inBracket && char === ']') {
      inBracket = false;
      portEnd = host.length;
    } else {
      host += char;
    }
  }
  if (inBracket) return { ...parts, host: '' };

  const colon = host.lastIndexOf(':');
  if (colon < 0 || colon < portEnd) return { ...parts, host };
  return { ...parts, host: host.slice(0, colon), port: leadingInteger(host.slice(colon + 1)) };
}

export function formatUri(parts: UriParts): string {
  let result = parts.access === '' ? '' : `${parts.access}:`;
  if (parts.host !== '') {
    if (parts.access !== '') result += '//';
    if (parts.user !== '') {
      result += quoteString(parts.user);
      if (parts.password !== '') result += `:${quoteString(parts.password)}`;
      result += '@';
    }
    const bracket = parts.access !== '' && /[/:]/.test(parts.host);
    result += bracket ? `[${parts.host}]` : parts.host;
    if (parts.port !== 0) result += `:${parts.port}`;
  }
  if (parts.path !== '') result += parts.path.startsWith('/') ? parts.path : `/${parts.path}`;
  return result;
}

/** QuoteString with apt's userinfo deny-list: escapes as lower-case %xx. */
function quoteString(text: string): string {
  let result = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const bad = ':/?#[]@%'.includes(String.fromCharCode(byte)) || byte <= 0x20 || byte >= 0x7f;
    result += bad ? `%${byte.toString(16).padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return result;
}
