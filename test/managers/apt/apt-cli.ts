import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { FakeEntry } from '../../helpers/root.js';

/**
 * Runs the real apt-get over a tree of /etc/apt files written into a temporary directory, with
 * every Dir re-rooted there, and reports the index targets apt would fetch. No network: the
 * `indextargets --no-release-info` command only reads the configuration.
 */

export interface AptView {
  /** `type\turi\tsuite\tcomponent\tpath:entry`, sorted, without duplicates. */
  rows: string[];
  refused: boolean;
  stderr: string;
}

const FORMAT = '$(TARGET_OF)\t$(REPO_URI)\t$(RELEASE)\t$(COMPONENT)\t$(SOURCESENTRY)';

/** Fails loudly: the differential tests must never pass because apt was not there. */
export function requireAptGet(): void {
  const probe = spawnSync('apt-get', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error('apt-get is required for the apt differential tests: run them on Debian/Ubuntu with apt installed');
  }
}

export function hostArchitecture(): string {
  const result = spawnSync('apt-config', ['shell', 'ARCH', 'APT::Architecture'], { encoding: 'utf8' });
  const arch = /ARCH='([^']+)'/.exec(result.stdout)?.[1];
  if (arch === undefined) throw new Error(`cannot ask apt-config for APT::Architecture: ${result.stderr}`);
  return arch;
}

/** `files` maps paths below /etc/apt (e.g. `sources.list.d/a.list`) to their content. */
export function aptView(files: Record<string, FakeEntry>): AptView {
  const dir = mkdtempSync(join(tmpdir(), 'pkgrepo-apt-'));
  try {
    writeTree(dir, files);
    const config = join(dir, 'apt.conf');
    writeFileSync(config, `Dir "${dir}/";\nDir::State::status "${dir}/var/lib/dpkg/status";\n`);
    const result = spawnSync('apt-get', ['indextargets', '--no-release-info', '--format', FORMAT], {
      encoding: 'utf8',
      env: { ...process.env, APT_CONFIG: config, LC_ALL: 'C' },
    });
    const rows = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace('$(COMPONENT)', '').replace(`${dir}/etc/apt/`, ''));
    const refused = result.status !== 0 || /^E: /m.test(result.stderr);
    return { rows: [...new Set(rows)].sort(), refused, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeTree(dir: string, files: Record<string, FakeEntry>): void {
  for (const sub of ['etc/apt/sources.list.d', 'etc/apt/apt.conf.d', 'var/lib/apt/lists/partial', 'var/lib/dpkg']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  writeFileSync(join(dir, 'var/lib/dpkg/status'), '');
  for (const [path, entry] of Object.entries(files)) {
    const target = join(dir, 'etc/apt', path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(target, entry);
    else if ('symlink' in entry) symlinkSync(entry.symlink, target);
    else mkdirSync(target, { recursive: true });
  }
}
