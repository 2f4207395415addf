import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real key material for the key tests, made at test time by GnuPG (Debian package `gnupg`)
 * in a throw-away GNUPGHOME: no key file is committed, and gpg's own view is the expectation.
 */

export interface GeneratedKeys {
  binary: Buffer;
  armored: string;
  /** Primary-key fingerprints as gpg prints them. */
  fingerprints: string[];
  /** Subkey fingerprints, which must not be reported as primaries. */
  subkeys: string[];
  userIds: string[];
}

export interface KeySpec {
  userId: string;
  algorithm: 'ed25519' | 'rsa2048' | 'rsa3072';
  /** Add an encryption subkey. */
  subkey?: boolean;
}

export function generateKeys(specs: readonly KeySpec[]): GeneratedKeys {
  const home = mkdtempSync(join(tmpdir(), 'pkgrepo-gnupg-'));
  const gpg = (...args: string[]): Buffer => run(home, args);
  try {
    for (const spec of specs) {
      gpg('--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', spec.userId, spec.algorithm, 'sign', 'never');
      if (spec.subkey === true) {
        const fingerprint = colons(gpg('--with-colons', '--fingerprint', spec.userId), 'fpr')[0] ?? '';
        gpg('--pinentry-mode', 'loopback', '--passphrase', '', '--quick-add-key', fingerprint, 'cv25519', 'encr', 'never');
      }
    }
    const listing = gpg('--with-colons', '--fingerprint', '--fingerprint');
    return {
      binary: gpg('--export'),
      armored: gpg('--export', '--armor').toString('utf8'),
      ...fingerprintsOf(listing),
      userIds: colons(listing, 'uid', 9),
    };
  } finally {
    spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
    rmSync(home, { recursive: true, force: true });
  }
}

function run(home: string, args: string[]): Buffer {
  const result = spawnSync('gpg', ['--batch', '--no-tty', ...args], { env: { ...process.env, GNUPGHOME: home } });
  if (result.error !== undefined) {
    throw new Error('gpg is required for the key tests: install the Debian package gnupg', { cause: result.error });
  }
  if (result.status !== 0) throw new Error(`gpg ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Primary fingerprints follow `pub` records, subkey ones follow `sub` records. */
function fingerprintsOf(listing: Buffer): { fingerprints: string[]; subkeys: string[] } {
  const fingerprints: string[] = [];
  const subkeys: string[] = [];
  let previous = '';
  for (const fields of listing.toString('utf8').split('\n').map((line) => line.split(':'))) {
    if (fields[0] === 'fpr') (previous === 'pub' ? fingerprints : subkeys).push(fields[9] ?? '');
    if (fields[0] === 'pub' || fields[0] === 'sub') previous = fields[0];
  }
  return { fingerprints, subkeys };
}

function colons(listing: Buffer, record: string, field = 9): string[] {
  return listing
    .toString('utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields[0] === record)
    .map((fields) => fields[field] ?? '');
}
