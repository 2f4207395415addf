import type { Finding } from '../diff/model.js';
import type { Source } from '../managers/types.js';
import { RULES } from './catalog.js';
import type { DiffContext } from './context.js';
import { compareVersions, releasesOfFields, versionShape, type Release } from './releases.js';

/**
 * `suite-changed`: an apt source that follows an older release, another distribution or a
 * development suite than the image did; for other managers, a URI whose release number went
 * down (`/rocky/9/` → `/rocky/8/`, `/alpine/v3.19/` → `/v3.18/`) or to Alpine's `edge`.
 */
export function suiteFindings(source: Source, before: Source | undefined, context: DiffContext): Finding[] {
  if (!source.enabled) return [];
  const reasons = source.manager === 'apt' ? aptReasons(source, before, context) : uriReasons(source, before, context);
  return reasons.map((reason) => ({ rule: 'suite-changed', severity: RULES['suite-changed'].severity, message: `${source.id}: ${reason}` }));
}

function aptReasons(source: Source, before: Source | undefined, context: DiffContext): string[] {
  const previous = before === undefined ? [] : releasesOfFields(before.fields);
  // A modified source is judged against what it followed; an added one against the old image.
  const baseline = previous.length > 0 ? previous : context.oldReleases;
  const family = familyOf(baseline);
  const known = new Set([...previous, ...context.oldReleases].map((release) => release.codename));

  const reasons: string[] = [];
  for (const release of releasesOfFields(source.fields)) {
    if (known.has(release.codename)) continue;
    if (release.rank === null) {
      reasons.push(`follows the development suite ${release.codename}`);
    } else if (family !== null && release.family !== family) {
      reasons.push(`a ${family} image now follows the ${release.family} release ${release.codename}`);
    } else {
      const newest = newestOf(baseline, release.family);
      if (newest !== null && (newest.rank ?? 0) > release.rank) reasons.push(`${newest.codename} → ${release.codename} is a downgrade`);
    }
  }
  return reasons;
}

/** The one distribution the releases belong to; null when there are none or several. */
function familyOf(releases: readonly Release[]): Release['family'] | null {
  const families = new Set(releases.filter((release) => release.rank !== null).map((release) => release.family));
  return families.size === 1 ? ([...families][0] ?? null) : null;
}

function newestOf(releases: readonly Release[], family: Release['family']): Release | null {
  let newest: Release | null = null;
  for (const release of releases) {
    if (release.family === family && release.rank !== null && (newest === null || release.rank > (newest.rank ?? 0))) newest = release;
  }
  return newest;
}

function uriReasons(source: Source, before: Source | undefined, context: DiffContext): string[] {
  const reasons: string[] = [];
  const previous = before?.uris ?? [];
  for (const uri of source.uris) {
    if (previous.includes(uri)) continue;
    const older = previous.find((old) => isDowngrade(old, uri));
    if (older !== undefined) reasons.push(`${older} → ${uri} is an older release`);
    else if (source.manager === 'apk' && isEdge(uri) && !wasEdge([...previous, ...(context.oldUris.get('apk') ?? [])])) {
      reasons.push(`${uri} follows Alpine edge, the development branch`);
    }
  }
  return reasons;
}

function isDowngrade(before: string, after: string): boolean {
  const old = versionShape(before);
  const now = versionShape(after);
  if (old.shape !== now.shape) return false;
  for (let i = 0; i < now.versions.length; i += 1) {
    const order = compareVersions(now.versions[i] ?? [], old.versions[i] ?? []);
    if (order !== 0) return order < 0;
  }
  return false;
}

const isEdge = (uri: string): boolean => /\/edge(?:\/|$)/.test(uri);
const wasEdge = (uris: readonly string[]): boolean => uris.some(isEdge);
