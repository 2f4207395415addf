/** Files as the official images ship them, shared by the apt tests. */

/** debian:12 `/etc/apt/sources.list.d/debian.sources`, as debuerreotype writes it. */
export const DEBIAN_12_SOURCES = `Types: deb
# http://snapshot.debian.org/archive/debian/20240211T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/20240211T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

/** debian:12 `/etc/apt/apt.conf.d/docker-clean`. */
export const DOCKER_CLEAN = `DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };

Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
`;

/** apt's own defaults for the global Allow-* options (all off). */
export const STOCK_DEFAULTS = { allowInsecure: false, allowWeak: false, allowDowngradeToInsecure: false };
