import { statSync } from 'node:fs';

import { PkgrepoDiffError } from '../errors.js';
import { parseImageName } from './image-name.js';

export type Transport = 'docker-archive' | 'oci' | 'oci-archive' | 'docker' | 'docker-daemon';

/** An image reference in skopeo's transport syntax, split into its parts. */
export type ImageReference =
  | { transport: 'oci' | 'oci-archive'; raw: string; path: string; tag: string | undefined }
  | { transport: 'docker-archive'; raw: string; path: string; name: string | undefined; sourceIndex: number | undefined }
  | { transport: 'docker' | 'docker-daemon'; raw: string; name: string };

const TRANSPORTS: readonly Transport[] = ['docker-archive', 'oci-archive', 'oci', 'docker', 'docker-daemon'];

/**
 * Parse `docker-archive:PATH[:NAME[:TAG]|:@N]`, `oci:DIR[:TAG]`, `oci-archive:PATH[:TAG]`,
 * `docker://REF`, `docker-daemon:REF`, or a bare path whose format is detected later.
 * Bare paths come back as `oci` or `docker-archive` only after `detectFormat` looks inside.
 */
export function parseReference(raw: string): ImageReference | { transport: 'path'; raw: string; path: string; tag: string | undefined } {
  if (raw === '') throw new PkgrepoDiffError('E_REFERENCE', 'empty image reference', { input: '(reference)' });
  if (raw.startsWith('docker://')) return { transport: 'docker', raw, name: raw.slice('docker://'.length) };
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (prefix === 'docker-daemon') return { transport: 'docker-daemon', raw, name: rest };
  if (prefix === 'oci' || prefix === 'oci-archive') return { transport: prefix, raw, ...splitTag(rest) };
  if (prefix === 'docker-archive') return { transport: 'docker-archive', raw, ...splitArchive(rest) };
  if (/^[a-z][a-z0-9-]*$/.test(prefix) && !exists(raw) && !exists(prefix)) {
    if (prefix.length > 1 && parseImageName(raw) === undefined) {
      throw new PkgrepoDiffError('E_REFERENCE', `unknown transport "${prefix}"`, {
        input: raw,
        hint: `use one of ${TRANSPORTS.map((name) => `${name}:`).join(' ')} or a path`,
      });
    }
  }
  const { path, name } = splitArchive(raw);
  return { transport: 'path', raw, path, tag: name };
}

/** `PATH[:TAG]`: a colon belongs to the path when the whole string exists or the tail has a '/'. */
function splitTag(text: string): { path: string; tag: string | undefined } {
  const colon = text.lastIndexOf(':');
  if (colon < 0 || exists(text)) return { path: text, tag: undefined };
  const tag = text.slice(colon + 1);
  if (tag.includes('/') || tag === '') return { path: text, tag: undefined };
  return { path: text.slice(0, colon), tag };
}

/** `PATH[:NAME[:TAG]|:@N]`: the path is the shortest prefix before a colon that exists. */
function splitArchive(text: string): { path: string; name: string | undefined; sourceIndex: number | undefined } {
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    const path = text.slice(0, at);
    if (!exists(path)) continue;
    const selector = text.slice(at + 1);
    if (/^@\d+$/.test(selector)) return { path, name: undefined, sourceIndex: Number(selector.slice(1)) };
    return { path, name: selector === '' ? undefined : selector, sourceIndex: undefined };
  }
  return { path: text, name: undefined, sourceIndex: undefined };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
