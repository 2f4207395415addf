/**
 * Image names as the Docker reference grammar defines them, with Docker Hub's normalisation.
 * https://github.com/distribution/reference/blob/main/reference.go
 */

/** A parsed image name: where it lives and which image it names. */
export interface ImageName {
  /** `host[:port]` as written (IPv6 in brackets); `docker.io` for Docker Hub. */
  domain: string;
  /** Repository path inside the registry; Hub's official images get `library/`. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Docker Hub's canonical domain, and the host its API actually answers on. */
export const HUB_DOMAIN = 'docker.io';
export const HUB_API_HOST = 'registry-1.docker.io';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[a-fA-F0-9:.]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_LIMIT = 255;

/**
 * Parse `[DOMAIN/]PATH[:TAG][@DIGEST]`; undefined when the text is not an image name.
 * Without a tag or digest the tag is `latest`, as docker pulls.
 */
export function parseImageName(text: string): ImageName | undefined {
  const at = text.indexOf('@');
  const digest = at < 0 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const named = parseNamed(at < 0 ? text : text.slice(0, at));
  if (named === undefined) return undefined;
  return { ...named, tag: named.tag ?? (digest === undefined ? 'latest' : undefined), digest };
}

/** `domain/repository[:tag][@digest]`, the fully qualified form. */
export function formatImageName(name: ImageName): string {
  const tag = name.tag === undefined ? '' : `:${name.tag}`;
  const digest = name.digest === undefined ? '' : `@${name.digest}`;
  return `${name.domain}/${name.repository}${tag}${digest}`;
}

/**
 * Normalise a docker image name as the docker CLI does, so `busybox`, `busybox:latest` and
 * `docker.io/library/busybox:latest` are one name. The digest is kept as written (old archives
 * and tests use short ones); text that is no name at all comes back unchanged.
 */
export function normalizeImageName(name: string): string {
  const at = name.indexOf('@');
  const digest = at < 0 ? undefined : name.slice(at + 1);
  const named = parseNamed(at < 0 ? name : name.slice(0, at));
  if (named === undefined) return name;
  return formatImageName({ ...named, tag: named.tag ?? (digest === undefined ? 'latest' : undefined), digest });
}

/**
 * `[DOMAIN/]PATH[:TAG]`. A first component is a domain when it has a dot or a colon, is
 * `localhost`, or has capitals, as docker's splitDockerDomain decides.
 */
function parseNamed(text: string): Omit<ImageName, 'digest'> | undefined {
  const slash = text.lastIndexOf('/');
  const colon = text.lastIndexOf(':');
  const tag = colon > slash ? text.slice(colon + 1) : undefined;
  const name = tag === undefined ? text : text.slice(0, colon);
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  if (name.length > NAME_LIMIT) return undefined;

  const [first = '', ...others] = name.split('/');
  const hasDomain = others.length > 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (hasDomain && !DOMAIN.test(first)) return undefined;
  const components = hasDomain ? others : [first, ...others];
  if (!components.every((component) => COMPONENT.test(component))) return undefined;

  let domain = hasDomain ? first : HUB_DOMAIN;
  if (domain === 'index.docker.io' || domain === HUB_API_HOST) domain = HUB_DOMAIN;
  const path = components.join('/');
  return { domain, repository: domain === HUB_DOMAIN && components.length === 1 ? `library/${path}` : path, tag };
}
