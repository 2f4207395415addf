/**
 * Normalise a docker image name as the docker CLI does, so `busybox`, `busybox:latest` and
 * `docker.io/library/busybox:latest` are one name.
 */
export function normalizeImageName(name: string): string {
  let rest = name;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? rest.slice(0, colon) : rest;
  const tag = hasTag ? rest.slice(colon + 1) : digest === '' ? 'latest' : '';
  const [first = '', ...others] = repository.split('/');
  const hasDomain = others.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? others.join('/') : repository;
  if (domain === 'index.docker.io' || domain === 'registry-1.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return `${domain}/${path}${tag === '' ? '' : `:${tag}`}${digest}`;
}
