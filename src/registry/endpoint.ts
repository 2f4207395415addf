import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

import { PkgrepoDiffError } from '../errors.js';
import { HUB_API_HOST, HUB_DOMAIN } from '../image/image-name.js';
import type { RegistryOptions } from '../image/types.js';

/** Where a registry's API answers and how far its transport may be trusted. */
export interface Endpoint {
  /** The registry as the reference names it (`docker.io` for Hub); credentials are found by it. */
  registry: string;
  /** `host[:port]` of the API (`registry-1.docker.io` for Hub). */
  apiHost: string;
  /** Plain http may be tried when https fails: --insecure, or a loopback host. */
  allowHttp: boolean;
  /** Certificates are not verified: --insecure only. */
  skipVerify: boolean;
  /** Certificate authorities to trust, or undefined for Node's defaults. */
  ca: string[] | undefined;
}

/**
 * The endpoint of a registry domain. Loopback hosts may fall back to plain http as docker and
 * skopeo allow, but a certificate that fails verification stays an error unless --insecure.
 */
export function endpointFor(registry: string, options: RegistryOptions): Endpoint {
  const insecure = options.insecure === true;
  return {
    registry,
    apiHost: registry === HUB_DOMAIN ? HUB_API_HOST : registry,
    allowHttp: insecure || isLoopback(hostOf(registry)),
    skipVerify: insecure,
    ca: loadCertificates(options.caCertFiles ?? []),
  };
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:127\./.test(bare);
}

/** The host of `host[:port]`, IPv6 brackets kept. */
export function hostOf(authority: string): string {
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1);
  const colon = authority.lastIndexOf(':');
  return colon < 0 ? authority : authority.slice(0, colon);
}

function loadCertificates(files: readonly string[]): string[] | undefined {
  if (files.length === 0) return undefined;
  const extra = files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new PkgrepoDiffError('E_USAGE', 'cannot read the CA certificate file', { input: file, cause: error, hint: 'pass a PEM file to --ca-cert' });
    }
  });
  for (const [at, pem] of extra.entries()) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new PkgrepoDiffError('E_USAGE', 'not a PEM certificate', { input: files[at], hint: 'pass a PEM file to --ca-cert' });
    }
  }
  return [...rootCertificates, ...extra];
}
