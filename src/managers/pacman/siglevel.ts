/**
 * SigLevel as pacman's conf.c computes it: a bit set plus a mask of the bits a line touched,
 * so that a repo's value can be merged over the [options] value (`merge_siglevel`). The bit
 * values follow alpm.h; only their relations matter here.
 */

const PACKAGE = 1 << 0;
const PACKAGE_OPTIONAL = 1 << 1;
const PACKAGE_MARGINAL_OK = 1 << 2;
const PACKAGE_UNKNOWN_OK = 1 << 3;
const DATABASE = 1 << 10;
const DATABASE_OPTIONAL = 1 << 11;
const DATABASE_MARGINAL_OK = 1 << 12;
const DATABASE_UNKNOWN_OK = 1 << 13;
const USE_DEFAULT = 1 << 30;

export interface SigLevelState {
  level: number;
  mask: number;
}

/** config_new(): packages and databases Optional, TrustedOnly. */
export const DEFAULT_GLOBAL: SigLevelState = {
  level: PACKAGE | PACKAGE_OPTIONAL | DATABASE | DATABASE_OPTIONAL,
  mask: 0,
};

/** A repo, LocalFileSigLevel or RemoteFileSigLevel that says nothing uses the global value. */
export const USE_GLOBAL: SigLevelState = { level: USE_DEFAULT, mask: 0 };

export type Check = 'never' | 'optional' | 'required';
export type Trust = 'trustedOnly' | 'trustAll';

export interface EffectiveSigLevel {
  package: Check;
  /** null when packages are never checked, as pacman-conf shows it. */
  packageTrust: Trust | null;
  database: Check;
  databaseTrust: Trust | null;
}

type Result = { ok: true; state: SigLevelState } | { ok: false; token: string };

/** process_siglevel(): tokens left to right, each optionally prefixed Package or Database. */
export function applySigLevel(tokens: readonly string[], start: SigLevelState): Result {
  let { level, mask } = start;
  const set = (bits: number): void => {
    level |= bits;
    mask |= bits;
  };
  const unset = (bits: number): void => {
    level &= ~bits;
    mask |= bits;
  };

  for (const original of tokens) {
    const { value, pkg, db } = splitPrefix(original);
    const bits = (pkgBits: number, dbBits: number): number =>
      (pkg ? pkgBits : 0) | (db ? dbBits : 0);

    if (value === 'Never') unset(bits(PACKAGE, DATABASE));
    else if (value === 'Optional')
      set(bits(PACKAGE | PACKAGE_OPTIONAL, DATABASE | DATABASE_OPTIONAL));
    else if (value === 'Required') {
      set(bits(PACKAGE, DATABASE));
      unset(bits(PACKAGE_OPTIONAL, DATABASE_OPTIONAL));
    } else if (value === 'TrustedOnly') {
      unset(
        bits(PACKAGE_MARGINAL_OK | PACKAGE_UNKNOWN_OK, DATABASE_MARGINAL_OK | DATABASE_UNKNOWN_OK),
      );
    } else if (value === 'TrustAll') {
      set(
        bits(PACKAGE_MARGINAL_OK | PACKAGE_UNKNOWN_OK, DATABASE_MARGINAL_OK | DATABASE_UNKNOWN_OK),
      );
    } else return { ok: false, token: original };
    level &= ~USE_DEFAULT;
  }
  return { ok: true, state: { level, mask } };
}

function splitPrefix(token: string): { value: string; pkg: boolean; db: boolean } {
  if (token.startsWith('Package')) return { value: token.slice(7), pkg: true, db: false };
  if (token.startsWith('Database')) return { value: token.slice(8), pkg: false, db: true };
  return { value: token, pkg: true, db: true };
}

/** merge_siglevel(): the bits a repo line touched win over the global value. */
export function mergeSigLevel(global: SigLevelState, over: SigLevelState): number {
  const level =
    over.mask !== 0 ? (over.level & over.mask) | (global.level & ~over.mask) : over.level;
  return level & USE_DEFAULT ? global.level : level;
}

export function describeSigLevel(level: number): EffectiveSigLevel {
  const pkg = check(level, PACKAGE, PACKAGE_OPTIONAL);
  const db = check(level, DATABASE, DATABASE_OPTIONAL);
  return {
    package: pkg,
    packageTrust: pkg === 'never' ? null : trust(level, PACKAGE_UNKNOWN_OK),
    database: db,
    databaseTrust: db === 'never' ? null : trust(level, DATABASE_UNKNOWN_OK),
  };
}

function check(level: number, required: number, optional: number): Check {
  if (!(level & required)) return 'never';
  return level & optional ? 'optional' : 'required';
}

function trust(level: number, unknownOk: number): Trust {
  return level & unknownOk ? 'trustAll' : 'trustedOnly';
}
