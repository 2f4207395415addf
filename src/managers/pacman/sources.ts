import { hasCredentials, redactUri } from '../uri.js';
import type { Risk, Source } from '../types.js';
import { MANAGER } from './model.js';
import type { Repo } from './register.js';

/**
 * Arch Linux's own repositories. pacman takes a package from the first repository that has
 * it, so another repository listed before these can replace any distribution package.
 */
const OFFICIAL = new Set([
  'core',
  'extra',
  'multilib',
  'community',
  'testing',
  'community-testing',
  'multilib-testing',
  'core-testing',
  'extra-testing',
  'staging',
  'core-staging',
  'extra-staging',
  'multilib-staging',
  'gnome-unstable',
  'kde-unstable',
]);

/** One Source per registered repository; the repo name is its identity in every image. */
export function buildSources(repos: readonly Repo[]): Source[] {
  const firstOfficial = repos.find((repo) => OFFICIAL.has(repo.section.name));
  return repos.map((repo) => {
    const servers = repo.servers.map(redactUri);
    const cacheServers = repo.cacheServers.map(redactUri);
    const enabled = repo.usage.some(
      (use) => use === 'All' || use === 'Install' || use === 'Upgrade',
    );
    const shadows = firstOfficial !== undefined && repo.order < firstOfficial.order;
    const risks = enabled ? risksOf(repo, shadows ? firstOfficial.section.name : null) : [];
    return {
      kind: 'source',
      manager: MANAGER,
      path: repo.section.path,
      id: repo.section.name,
      matchKeys: [`${MANAGER}|${repo.section.name}`],
      risks,
      uris: [...servers, ...cacheServers],
      enabled,
      fields: {
        servers,
        cacheServers,
        sigLevel: { ...repo.sigLevel },
        usage: repo.usage,
        includes: repo.section.includes,
      },
      signedBy: null,
    };
  });
}

function risksOf(repo: Repo, shadowed: string | null): Risk[] {
  const name = `[${repo.section.name}]`;
  const risks: Risk[] = [...signatureRisks(repo, name)];

  if (shadowed !== null && !OFFICIAL.has(repo.section.name)) {
    const message = `${name} is listed before [${shadowed}], so its packages win over Arch's`;
    risks.push({ rule: 'insecure-setting', severity: 'high', message });
  }
  if ([...repo.servers, ...repo.cacheServers].some(hasCredentials)) {
    const message = `a server of ${name} carries credentials`;
    risks.push({ rule: 'credentials-in-uri', severity: 'low', message });
  }
  return risks;
}

/**
 * Never: no check at all. Optional: an unsigned package is accepted, so a signature proves
 * nothing. TrustAll (when signatures are required): any key in the keyring will do, trusted
 * or not. Unsigned databases are Arch's default, so only DatabaseNever is noted.
 */
function signatureRisks(repo: Repo, name: string): Risk[] {
  const { sigLevel } = repo;
  if (sigLevel.package === 'never') {
    const message = `packages from ${name} are installed without signature checks (SigLevel Never)`;
    return [{ rule: 'signature-check-disabled', severity: 'critical', message }];
  }
  const risks: Risk[] = [];
  if (sigLevel.package === 'optional') {
    const message = `unsigned packages from ${name} are accepted (SigLevel Optional)`;
    risks.push({ rule: 'signature-check-disabled', severity: 'high', message });
  } else if (sigLevel.packageTrust === 'trustAll') {
    const message = `packages from ${name} may be signed by any key of the keyring (TrustAll)`;
    risks.push({ rule: 'insecure-setting', severity: 'medium', message });
  }
  if (sigLevel.database === 'never') {
    const message = `the package database of ${name} is not signature-checked`;
    risks.push({ rule: 'metadata-signature-check-disabled', severity: 'info', message });
  }
  return risks;
}
