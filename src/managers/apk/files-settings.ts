import type { RootView, Setting } from '../types.js';
import { configFiles, isVisible } from './files.js';
import type { ApkMajor } from './model.js';
import { splitLines } from './model.js';
import { setting } from './settings.js';

/** CA bundles that are the system store itself, so pointing ca.pem at them changes nothing. */
const SYSTEM_BUNDLES = new Set(['/etc/ssl/certs/ca-certificates.crt', '/etc/ssl/cert.pem']);

/**
 * Files apk's libfetch reads for TLS: ca.pem replaces the system CA store for apk, crl.pem adds
 * revocations, cert.pem and cert.key are a client certificate and its private key.
 */
export function readTlsFiles(root: RootView): Setting[] {
  const settings: Setting[] = [];
  for (const name of ['ca.pem', 'crl.pem', 'cert.pem', 'cert.key']) {
    const file = root.readFile(`/etc/apk/${name}`);
    if (file === undefined) continue;

    const value = { realPath: file.realPath, sha256: file.sha256 };
    const risks = [];
    if (name === 'ca.pem' && !SYSTEM_BUNDLES.has(file.realPath)) {
      const message = `apk trusts only the CAs in ${file.path} for TLS, not the system store`;
      risks.push({ rule: 'insecure-setting' as const, severity: 'high' as const, message });
    }
    if (name === 'cert.key') {
      const message = `a TLS client private key is stored in the image at ${file.path}`;
      risks.push({ rule: 'insecure-setting' as const, severity: 'low' as const, message });
    }
    settings.push(setting(file.path, name, value, risks));
  }
  return settings;
}

/** /etc/apk/arch: the architectures whose index apk fetches (`$url/$arch/APKINDEX.tar.gz`). */
export function readArchFile(
  root: RootView,
): { setting: Setting; first: string | null } | undefined {
  const file = root.readFile('/etc/apk/arch');
  if (file === undefined) return undefined;
  const arches = splitLines(file.text)
    .map((line) => line.trim())
    .filter(Boolean);
  return { setting: setting(file.path, 'arch', arches, []), first: arches[0] ?? null };
}

/** Commit hooks run before and after every package change: one Setting per script. */
export function readCommitHooks(root: RootView, major: ApkMajor): Setting[] {
  const dirs =
    major === 2
      ? ['/etc/apk/commit_hooks.d']
      : ['/etc/apk/commit_hooks.d', '/lib/apk/commit_hooks.d'];
  return configFiles(root, dirs, isVisible).flatMap((path) => {
    const file = root.kind(path) === 'file' ? root.readFile(path) : undefined;
    if (file === undefined) return [];
    const message = `apk runs ${path} before and after each package change`;
    const risks = [{ rule: 'code-execution-hook' as const, severity: 'medium' as const, message }];
    return [setting(path, 'commit-hook', { sha256: file.sha256 }, risks, path)];
  });
}
