import { PkgrepoDiffError } from '../errors.js';
import { hostOf } from './endpoint.js';

/** TLS verification failures Node reports, by their OpenSSL code. */
const UNKNOWN_AUTHORITY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Errors worth another attempt: the connection broke, not the request. */
export function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (RESET.has(code) || code === 'EAI_AGAIN');
}

export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A TLS-level failure (as opposed to a refused or unknown host). */
export function isTlsError(error: unknown): boolean {
  const code = codeOf(error) ?? '';
  if (UNKNOWN_AUTHORITY.has(code) || code === 'EPROTO') return true;
  return ['ERR_TLS', 'ERR_SSL', 'CERT_'].some((prefix) => code.startsWith(prefix));
}

type Explained = [code: 'E_NETWORK' | 'E_TLS', message: string, hint?: string];

/** What a socket-level failure means to the user; the message names the host it happened with. */
export function explainNetworkError(error: unknown, host: string, input: string = host): PkgrepoDiffError {
  if (error instanceof PkgrepoDiffError) return error;
  const [code, message, hint] = explain(error, codeOf(error) ?? '', host);
  return new PkgrepoDiffError(code, message, { input, hint, cause: error });
}

function explain(error: unknown, code: string, host: string): Explained {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return ['E_NETWORK', `unknown host ${hostOf(host)}`, 'check the registry name in the reference'];
  }
  if (code === 'ECONNREFUSED') return ['E_NETWORK', `connection refused by ${host}`, 'is the registry running on that port?'];
  if (UNKNOWN_AUTHORITY.has(code)) {
    return ['E_TLS', `TLS: certificate of ${host} signed by unknown authority`, 'pass --ca-cert FILE or --insecure'];
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return ['E_TLS', `TLS: the certificate of ${host} is not valid for that name`, 'use the name it was issued for, or --insecure'];
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return ['E_TLS', `TLS: the certificate of ${host} is out of its validity dates`, '--insecure skips verification'];
  }
  if (isTlsError(error)) {
    return ['E_TLS', `TLS handshake with ${host} failed (${code})`, 'does the registry speak https? --insecure allows plain http'];
  }
  if (isTransient(error)) return ['E_NETWORK', `connection to ${host} lost (${code})`, 'the network or the registry is unstable; try again'];
  return ['E_NETWORK', `connection to ${host} failed: ${error instanceof Error ? error.message : String(error)}`];
}

/** Point an error at the reference the user wrote, keeping its message, hint and cause. */
export function aboutReference(error: unknown, input: string): unknown {
  if (!(error instanceof PkgrepoDiffError)) return error;
  return new PkgrepoDiffError(error.code, error.message, { input, hint: error.hint, cause: error.cause });
}

/** The `errors` array of a Distribution API error body. */
export interface ApiError {
  code: string;
  message: string;
}

/** Read the error codes from a (small, capped) error body; anything unreadable gives none. */
export function parseApiErrors(body: string): ApiError[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('errors' in parsed) || !Array.isArray(parsed.errors)) return [];
    return parsed.errors.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const code = 'code' in entry && typeof entry.code === 'string' ? entry.code : '';
      const message = 'message' in entry && typeof entry.message === 'string' ? entry.message : '';
      return [{ code, message }];
    });
  } catch {
    return [];
  }
}

/** An unexpected status, with the registry's own words when it gave some. */
export function statusError(status: number, errors: readonly ApiError[], input: string): PkgrepoDiffError {
  const said = errors.map((error) => error.message || error.code).filter((text) => text !== '').join('; ');
  const detail = said === '' ? '' : `: ${said.slice(0, 200)}`;
  if (status === 429) {
    return new PkgrepoDiffError('E_REGISTRY', `rate limited by the registry (429)${detail}`, { input, hint: 'wait and try again, or log in for a higher limit' });
  }
  return new PkgrepoDiffError('E_REGISTRY', `registry answered ${status}${detail}`, { input });
}
