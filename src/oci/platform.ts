import { PkgrepoDiffError } from '../errors.js';
import type { Platform } from './types.js';

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant: string | undefined;
}

/** Parse docker's `--platform os/arch[/variant]`. */
export function parsePlatform(text: string): PlatformSpec {
  const parts = text.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || variant === '') {
    throw new PkgrepoDiffError('E_USAGE', `invalid platform "${text}"`, {
      input: '--platform',
      hint: 'use os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8',
    });
  }
  return normalizeSpec({ os, architecture, variant });
}

export function formatPlatform(platform: PlatformSpec | Platform): string {
  const variant = platform.variant === undefined ? '' : `/${platform.variant}`;
  return `${platform.os}/${platform.architecture}${variant}`;
}

/** Does an index entry's platform satisfy the request? Variants default as containerd does. */
export function platformMatches(wanted: PlatformSpec, candidate: Platform): boolean {
  const have = normalizeSpec({ os: candidate.os, architecture: candidate.architecture, variant: candidate.variant });
  if (have.os !== wanted.os || have.architecture !== wanted.architecture) return false;
  return wanted.variant === undefined || have.variant === wanted.variant;
}

/** One spelling per platform: architecture aliases resolved, arm variants defaulted as containerd does. */
export function normalizeSpec(spec: PlatformSpec): PlatformSpec {
  const architecture = ARCH_ALIASES[spec.architecture] ?? spec.architecture;
  let variant = spec.variant;
  if (architecture === 'arm64' && variant === undefined) variant = 'v8';
  if (architecture === 'arm' && variant === undefined) variant = 'v7';
  return { os: spec.os.toLowerCase(), architecture, variant };
}

const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
};
