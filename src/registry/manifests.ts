import { createHash } from 'node:crypto';

import { PkgrepoDiffError } from '../errors.js';
import { METADATA_LIMIT } from '../image/layout.js';
import { parseDigest, verifyBytes } from '../oci/digest.js';
import { MediaType } from '../oci/media-types.js';
import { discard } from './body.js';
import { header, type RegistryClient, type Repository } from './client.js';

/** Every manifest format we read, so the registry never has to down-convert to schema 1. */
export const MANIFEST_ACCEPT = [MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifestList, MediaType.dockerManifest].join(', ');

export interface FetchedManifest {
  /** Digest of the bytes: the one asked for, or the one computed for a tag. */
  digest: string;
  /** Content-Type without parameters. */
  mediaType: string | undefined;
  bytes: Buffer;
}

/**
 * GET a manifest by tag or digest and verify it. By digest the bytes must hash to it; by tag we
 * compute the digest ourselves and cross-check the registry's Docker-Content-Digest.
 */
export async function fetchManifest(
  client: RegistryClient,
  repository: Repository,
  wanted: { tag: string } | { digest: string; size?: number },
  signal?: AbortSignal,
): Promise<FetchedManifest> {
  const reference = 'tag' in wanted ? wanted.tag : wanted.digest;
  const response = await client.get(repository, `manifests/${reference}`, { accept: MANIFEST_ACCEPT, signal });
  if (response.status === 404) {
    discard(response.body);
    throw await notFound(client, repository, wanted, signal);
  }
  const bytes = await client.read(response, METADATA_LIMIT, repository);
  const mediaType = header(response, 'content-type')?.split(';')[0]?.trim();
  const claimed = header(response, 'docker-content-digest');
  const where = `${repository.input} (manifest ${reference})`;

  if ('digest' in wanted) {
    verifyBytes(bytes, wanted.digest, wanted.size, where);
    return { digest: wanted.digest, mediaType, bytes };
  }
  const hash = claimed === undefined ? 'sha256' : parseDigest(claimed, where).hash;
  const digest = `${hash}:${createHash(hash).update(bytes).digest('hex')}`;
  if (claimed !== undefined && claimed !== digest) {
    throw new PkgrepoDiffError('E_DIGEST', `manifest digest mismatch: the registry says ${claimed}, the bytes hash to ${digest}`, {
      input: where,
      hint: 'the registry or something between us altered the manifest',
    });
  }
  return { digest, mediaType, bytes };
}

/** A 404 on a manifest: the tag (or digest) is missing, or the whole repository is. */
async function notFound(
  client: RegistryClient,
  repository: Repository,
  wanted: { tag: string } | { digest: string },
  signal: AbortSignal | undefined,
): Promise<PkgrepoDiffError> {
  const where = `${client.endpoint.registry}/${repository.name}`;
  const tags = await listTags(client, repository, signal);
  if (tags === 'no repository') {
    return new PkgrepoDiffError('E_NOT_FOUND', `repository ${repository.name} not found in ${client.endpoint.registry}`, {
      input: repository.input,
      hint: 'check the repository name, and that the credentials may see it',
    });
  }
  const what = 'tag' in wanted ? `tag ${wanted.tag}` : `manifest ${wanted.digest}`;
  return new PkgrepoDiffError('E_NOT_FOUND', `${what} not found in ${where}`, { input: repository.input, hint: describeTags(tags) });
}

function describeTags(tags: string[] | undefined): string | undefined {
  if (tags === undefined) return undefined;
  if (tags.length === 0) return 'the repository has no tags';
  return `tags there: ${tags.length > 10 ? `${tags.slice(0, 10).join(', ')}, ...` : tags.join(', ')}`;
}

/** The repository's tags; undefined when the registry will not list them. */
async function listTags(
  client: RegistryClient,
  repository: Repository,
  signal: AbortSignal | undefined,
): Promise<string[] | 'no repository' | undefined> {
  const response = await client.get(repository, 'tags/list?n=100', { signal });
  if (response.status !== 200) {
    discard(response.body);
    return response.status === 404 ? 'no repository' : undefined;
  }
  const body = await client.read(response, METADATA_LIMIT, repository);
  try {
    const parsed: unknown = JSON.parse(body.toString());
    const tags = typeof parsed === 'object' && parsed !== null && 'tags' in parsed ? parsed.tags : undefined;
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return undefined;
  }
}
