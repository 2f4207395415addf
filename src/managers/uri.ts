/** URI helpers shared by every manager: credentials never leave a parser. */

const CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)([^/@]*)@/i;

/** Replace `user:password@` with `***@` so no secret reaches a report. */
export function redactUri(uri: string): string {
  return uri.replace(CREDENTIALS, '$1***@');
}

export function hasCredentials(uri: string): boolean {
  return CREDENTIALS.test(uri);
}

/** The lower-cased scheme, without `:`; '' when there is none. `mirror+http` stays as it is. */
export function schemeOf(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(uri);
  return match?.[1]?.toLowerCase() ?? '';
}

/** The host of a URI, lower-cased, without credentials or port; null for file:, cdrom: and the like. */
export function hostOf(uri: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(uri);
  const host = match?.[1]?.toLowerCase();
  return host === undefined || host === '' ? null : host;
}

/** Is the transport plain text (http, ftp, or a mirror+/tor+ wrapper of them)? */
export function isPlainText(uri: string): boolean {
  const scheme = schemeOf(uri).replace(/^(mirror|tor)\+/, '');
  return scheme === 'http' || scheme === 'ftp' || scheme === 'mirror';
}
