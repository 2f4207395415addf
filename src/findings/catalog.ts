import type { RuleId, Severity } from '../managers/types.js';

export interface Rule {
  id: RuleId;
  /** The severity when the rule itself decides; managers may judge an item's own risk higher or lower. */
  severity: Severity;
  title: string;
  /** One paragraph: what the rule sees and why it matters. */
  explanation: string;
  /** One or two sentences: what to change so the finding goes away. */
  fix: string;
}

type Entry = Omit<Rule, 'id'>;

/** Rule metadata by id; `RULES` adds each id to its own entry. */
const ENTRIES: Record<RuleId, Entry> = {
  'plain-http': {
    severity: 'low',
    title: 'Source fetched over plain HTTP or FTP',
    explanation:
      'The source is fetched without TLS. Signed metadata still protects the packages themselves, but anyone on the path can see what the build installs, serve stale (replayed) metadata within its validity window, and, when signature checks are also off, replace packages outright.',
    fix: 'Use the https:// URL of the same repository, or a TLS mirror your team runs.',
  },
  'trusted-source': {
    severity: 'critical',
    title: 'Source trusted without signature checks',
    explanation:
      'The source is marked trusted (apt trusted=yes), so the package manager installs whatever it serves without checking any signature. Whoever controls the host or the network path controls what runs in the image.',
    fix: 'Remove trusted=yes and pin the source to its key with signed-by=/usr/share/keyrings/NAME.gpg.',
  },
  'signature-check-disabled': {
    severity: 'critical',
    title: 'Package signature checks disabled',
    explanation:
      'Package signatures are not checked (yum/dnf gpgcheck=0, zypper gpgcheck off, pacman SigLevel Never or Optional, apk --allow-untrusted). Packages from this source are installed whatever they contain.',
    fix: 'Turn the check back on (gpgcheck=1, SigLevel = Required) and import the repository key instead.',
  },
  'metadata-signature-check-disabled': {
    severity: 'info',
    title: 'Repository metadata signature checks disabled',
    explanation:
      'The signature on the repository metadata is not checked (repo_gpgcheck=0, pacman DatabaseOptional). Package signatures are still checked, so the risk is a replayed or altered package list, not an altered package; many distributions ship this way by default.',
    fix: 'Set repo_gpgcheck=1 (or require database signatures) where the repository signs its metadata.',
  },
  'allow-insecure': {
    severity: 'high',
    title: 'Unsigned or weakly signed repository allowed',
    explanation:
      'The source accepts a repository without a valid signature, with a weak (SHA-1) signature, or one that turned from signed to unsigned (apt allow-insecure, allow-weak, allow-downgrade-to-insecure). An attacker who can serve the repository can then serve any package.',
    fix: 'Remove the allow-* option and fix the repository signature or key instead.',
  },
  'tls-verify-disabled': {
    severity: 'high',
    title: 'TLS certificate verification disabled',
    explanation:
      "The package manager no longer checks the server's TLS certificate (sslverify=0, Acquire::https::Verify-Peer false, apk --no-check-certificate), so HTTPS gives no protection against someone on the network path.",
    fix: 'Remove the option; when the mirror uses a private CA, add that CA (sslcacert=, Acquire::https::CAInfo) instead.',
  },
  'signed-by-removed': {
    severity: 'medium',
    title: 'Source not pinned to its own key',
    explanation:
      'The source lost its signed-by restriction, or names a global keyring (such as /etc/apt/trusted.gpg or a file in /etc/apt/trusted.gpg.d/). Every key in the global keyring is then trusted for it, so any of those key holders can sign packages that replace this source’s packages.',
    fix: 'Keep the key in its own file outside the global keyring (e.g. /usr/share/keyrings/NAME.gpg) and name it with signed-by.',
  },
  'key-added': {
    severity: 'high',
    title: 'Signing key added',
    explanation:
      'A signing key was added or changed. A key in a global keyring (e.g. /etc/apt/trusted.gpg.d/, the rpm database keys) is trusted for every source of its package manager; a scoped key only for the sources that name it.',
    fix: 'Check the fingerprint against the vendor; move the key out of the global keyring and pin the one source that needs it, or list the key in the policy allow.keys.',
  },
  'key-removed': {
    severity: 'info',
    title: 'Signing key removed',
    explanation:
      'A signing key was removed. Usually harmless (a rotation or cleanup), but a source that relied on the key now fails to verify, which sometimes leads people to turn checks off next.',
    fix: 'Make sure no remaining source depends on the key; nothing to do otherwise.',
  },
  'insecure-setting': {
    severity: 'high',
    title: 'Package manager setting weakens trust',
    explanation:
      'A package manager option weakens how packages are verified or chosen: unauthenticated installs allowed, metadata freshness checks off, a pin that forces downgrades, a weak key or signature accepted.',
    fix: 'Remove the option, or limit it to the one command that needs it instead of leaving it in the image.',
  },
  'proxy-configured': {
    severity: 'high',
    title: 'Proxy configured for package downloads',
    explanation:
      'Package downloads go through a proxy configured in the image. The proxy sees every request and, for plain HTTP or when checks are weak, can change what is installed; it also stays in the image for everyone who builds on it.',
    fix: 'Pass the proxy at build time (build args, environment) rather than writing it into the image configuration.',
  },
  'code-execution-hook': {
    severity: 'medium',
    title: 'Package manager runs a command',
    explanation:
      'The package manager configuration runs a command of its own (apt Pre-Invoke/Post-Invoke, APT::Update hooks, pacman hooks, apk commit hooks), every time it is used in this image or images built on it.',
    fix: 'Remove the hook unless it is part of the base distribution, and run the command explicitly in the Dockerfile instead.',
  },
  'credentials-in-uri': {
    severity: 'low',
    title: 'Credentials stored in the image',
    explanation:
      'A source URI or auth file holds credentials. Anyone who can pull the image can read them, from this layer even if a later layer deletes them.',
    fix: 'Use a build secret (RUN --mount=type=secret) for the auth file and keep credentials out of the image layers.',
  },
  'new-host': {
    severity: 'medium',
    title: 'Packages fetched from a host the old image did not use',
    explanation:
      'A source fetches from a host that no source of the old image used and that is not an official distribution mirror. Packages from it join the image from then on.',
    fix: 'Confirm the host is one your team trusts; add it to the policy allow.hosts to accept it.',
  },
  'transient-source': {
    severity: 'medium',
    title: 'Added by one layer and removed by a later one',
    explanation:
      'A source, setting or key was added by one layer and removed by a later layer. The final image looks clean, but packages installed in between may have come from it, and the configuration stays readable in the earlier layer.',
    fix: 'Add and remove it in the same RUN instruction, or better, avoid it; make sure what was installed in between is expected.',
  },
  'unparsed-file': {
    severity: 'high',
    title: 'Configuration file the tool could not read as the manager does',
    explanation:
      'A package manager configuration file could not be read the way the manager reads it (too large, malformed). What it configures is unknown to this report.',
    fix: 'Look at the file by hand; if it is meant to be there, keep it small and well formed.',
  },
  'host-not-allowed': {
    severity: 'high',
    title: 'Source host not allowed by the policy',
    explanation:
      'The policy lists the hosts and URL prefixes sources may use, and this added or changed source fetches from one that is not on the list.',
    fix: 'Point the source at an allowed mirror, or add the host (or a URL prefix) to the policy allow.hosts.',
  },
  'key-not-allowed': {
    severity: 'high',
    title: 'Signing key not allowed by the policy',
    explanation:
      'The policy lists the signing keys an image may add (by fingerprint or path), and this added or changed key is not on the list.',
    fix: 'Remove the key, or add its fingerprint to the policy allow.keys after checking it with the vendor.',
  },
  'mirror-replaced': {
    severity: 'medium',
    title: 'Mirror replaced by a different host',
    explanation:
      'A source kept its identity (same file and repository, or same repo id) but now fetches from a different host. Swapping a mirror in place is how a build quietly starts taking packages from somewhere else.',
    fix: 'Check the new host is a mirror your team trusts; allow it in the policy allow.hosts, or restore the old URI.',
  },
  'suite-changed': {
    severity: 'high',
    title: 'Suite or release changed',
    explanation:
      'A source now points at an older release (e.g. bookworm to bullseye, releasever 9 to 8), at another distribution (a Debian image with an Ubuntu jammy source), or at a development suite (sid, unstable, experimental). Packages built for another release can downgrade or break the system and bypass its security updates.',
    fix: 'Keep every source on the release of the base image; pin any package you need from elsewhere with apt preferences instead of adding the suite.',
  },
};

/** Every rule pkgrepo-diff knows, with a stable id, default severity, explanation and fix. */
export const RULES: Record<RuleId, Rule> = Object.fromEntries(
  Object.entries(ENTRIES).map(([id, entry]) => [id, { id, ...entry }]),
) as Record<RuleId, Rule>;

/** Rule ids in catalog order, for listings. */
export const RULE_IDS = Object.keys(ENTRIES) as RuleId[];

const ORDER: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function compareSeverity(a: Severity, b: Severity): number {
  return ORDER[a] - ORDER[b];
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return ORDER[severity] >= ORDER[threshold];
}

export function maxSeverity(severities: Iterable<Severity>): Severity | null {
  let max: Severity | null = null;
  for (const severity of severities) if (max === null || ORDER[severity] > ORDER[max]) max = severity;
  return max;
}
