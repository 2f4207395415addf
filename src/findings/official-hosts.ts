/**
 * Distribution mirrors whose appearance is not news: moving between them is routine, moving
 * away from them is not. Subdomains count (security.debian.org, eu-central-1.ec2.archive...).
 */
const OFFICIAL = [
  'deb.debian.org',
  'security.debian.org',
  'archive.ubuntu.com',
  'security.ubuntu.com',
  'ports.ubuntu.com',
  'dl-cdn.alpinelinux.org',
  'packages.wolfi.dev',
  'cdn.amazonlinux.com',
  'mirrors.fedoraproject.org',
  'download.fedoraproject.org',
  'mirrors.rockylinux.org',
  'dl.rockylinux.org',
  'mirrors.almalinux.org',
  'repo.almalinux.org',
  'cdn-ubi.redhat.com',
  'download.opensuse.org',
  'cdn.opensuse.org',
  'geo.mirror.pkgbuild.com',
  'mirror.pkgbuild.com',
];

export function isOfficialHost(host: string): boolean {
  return OFFICIAL.some((official) => host === official || host.endsWith(`.${official}`));
}
