/**
 * Debian and Ubuntu release codenames in release order, to tell a downgrade (bookworm →
 * bullseye) and a cross-distribution suite (a Debian image gaining jammy) from a routine change.
 * https://www.debian.org/releases/ and https://wiki.ubuntu.com/Releases
 */

export type Family = 'debian' | 'ubuntu';

const DEBIAN = [
  'buzz', 'rex', 'bo', 'hamm', 'slink', 'potato', 'woody', 'sarge', 'etch', 'lenny', 'squeeze',
  'wheezy', 'jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'duke',
];

const UBUNTU = [
  'warty', 'hoary', 'breezy', 'dapper', 'edgy', 'feisty', 'gutsy', 'hardy', 'intrepid', 'jaunty',
  'karmic', 'lucid', 'maverick', 'natty', 'oneiric', 'precise', 'quantal', 'raring', 'saucy',
  'trusty', 'utopic', 'vivid', 'wily', 'xenial', 'yakkety', 'zesty', 'artful', 'bionic', 'cosmic',
  'disco', 'eoan', 'focal', 'groovy', 'hirsute', 'impish', 'jammy', 'kinetic', 'lunar', 'mantic',
  'noble', 'oracular', 'plucky', 'questing', 'resolute',
];

/** Suites that follow development rather than a release: never what a stable image wants. */
const DEVELOPMENT = new Map<string, Family>([
  ['sid', 'debian'],
  ['unstable', 'debian'],
  ['experimental', 'debian'],
  ['rc-buggy', 'debian'],
  ['devel', 'ubuntu'],
]);

/** What a suite says about the release it follows; null for suites we cannot place (stable, a PPA's). */
export interface Release {
  family: Family;
  /** Position in the family's release order; null for a development suite. */
  rank: number | null;
  codename: string;
}

/** `bookworm-security`, `bookworm/updates`, `jammy-proposed` → the codename's release. */
export function releaseOf(suite: string): Release | null {
  const codename = suite.toLowerCase().split(/[-/]/)[0] ?? '';
  const development = DEVELOPMENT.get(codename);
  if (development !== undefined) return { family: development, rank: null, codename };

  const debian = DEBIAN.indexOf(codename);
  if (debian !== -1) return { family: 'debian', rank: debian, codename };
  const ubuntu = UBUNTU.indexOf(codename);
  if (ubuntu !== -1) return { family: 'ubuntu', rank: ubuntu, codename };
  return null;
}

/** The releases an apt source follows, from its `suites` field (one-line sources have one). */
export function releasesOfFields(fields: Readonly<Record<string, unknown>>): Release[] {
  const suites = Array.isArray(fields.suites) ? fields.suites : [fields.suite];
  return suites
    .filter((suite): suite is string => typeof suite === 'string')
    .map(releaseOf)
    .filter((release): release is Release => release !== null);
}

/**
 * Version numbers in a URI, and the URI with them blanked out: two URIs with the same shape
 * differ only in their versions (`/rocky/9/BaseOS` vs `/rocky/8/BaseOS`, `/alpine/v3.19/main`).
 */
export function versionShape(uri: string): { shape: string; versions: number[][] } {
  const versions: number[][] = [];
  const shape = uri.replace(/\d+(?:\.\d+)*/g, (version) => {
    versions.push(version.split('.').map(Number));
    return '#';
  });
  return { shape, versions };
}

/** Negative when a is the older version. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
