import { hasCredentials, redactUri } from '../uri.js';
import type { Lookup } from './expand.js';
import { expandZypp } from './expand.js';

/** A URL as libzypp uses it (variables expanded) and as the file writes it. */
export interface UrlValue {
  value: string;
  raw: string;
}

/** Query parameters that carry secrets (MediaManager.h); their values are never reported. */
const SECRET_PARAMS = ['proxyuser', 'proxypass'];

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/@]*@)(.*)$/i;

/**
 * RepoVariablesUrlReplacer: variables are expanded in the URL without its user and password,
 * which are put back as they were.
 */
export function expandUrl(raw: string, lookup: Lookup): UrlValue {
  const userinfo = USERINFO.exec(raw);
  if (userinfo === null) return { value: expandZypp(raw, lookup), raw };
  const [, scheme = '', user = '', rest = ''] = userinfo;
  return { value: `${expandZypp(scheme, lookup)}${user}${expandZypp(rest, lookup)}`, raw };
}

/** The query parameters of a URL, decoded; the last of a repeated name wins. */
export function queryParams(url: string): Map<string, string> {
  const params = new Map<string, string>();
  const question = url.indexOf('?');
  if (question === -1) return params;
  const query = url.slice(question + 1).split('#', 1)[0] ?? '';
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    params.set(decode(name), equals === -1 ? '' : decode(pair.slice(equals + 1)));
  }
  return params;
}

/** redactUri, and the values of proxyuser/proxypass query parameters too. */
export function redactZyppUrl(url: string): string {
  const pattern = new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#]*`, 'gi');
  return redactUri(url).replace(pattern, '$1***');
}

/** Credentials in the user part or in proxyuser/proxypass parameters. */
export function zyppUrlHasCredentials(url: string): boolean {
  const params = queryParams(url);
  return hasCredentials(url) || SECRET_PARAMS.some((name) => (params.get(name) ?? '') !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
