import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { FakeEntry } from '../../helpers/root.js';

/**
 * Runs libdnf (Debian 12's python3-dnf 4.14 over libdnf 0.69) on a tree of files written into a
 * temporary directory and returns the repos it defines, through libdnf-repos.py. The system
 * python is used on purpose: the `python3` first on PATH may be a pyenv without dnf.
 */

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('libdnf-repos.py', import.meta.url));

const repoSchema = z.object({
  id: z.string(),
  file: z.string(),
  name: z.string(),
  baseurl: z.array(z.string()),
  mirrorlist: z.string().nullable(),
  metalink: z.string().nullable(),
  enabled: z.boolean(),
  gpgcheck: z.boolean(),
  repo_gpgcheck: z.boolean(),
  sslverify: z.boolean(),
  gpgkey: z.array(z.string()),
  proxy: z.string().nullable(),
  priority: z.number(),
});

const outputSchema = z.object({
  main: z.object({ gpgcheck: z.boolean(), sslverify: z.boolean(), reposdir: z.array(z.string()) }),
  repos: z.array(repoSchema),
  warnings: z.array(z.string()),
});

export type LibdnfRepo = z.infer<typeof repoSchema>;
export type LibdnfView = z.infer<typeof outputSchema>;

/** `files` maps absolute paths in the image to their content; throws when libdnf cannot run. */
export function libdnfView(files: Record<string, FakeEntry>): LibdnfView {
  const root = mkdtempSync(join(tmpdir(), 'pkgrepo-libdnf-'));
  try {
    writeTree(root, files);
    // A clean environment: DNF_VAR_* of the test runner must not leak into the expansion.
    const result = spawnSync(PYTHON, [SCRIPT, root], {
      encoding: 'utf8',
      env: { LANG: 'C.UTF-8' },
    });
    if (result.error !== undefined || result.status !== 0) {
      const why = result.error?.message ?? result.stderr;
      throw new Error(`libdnf-repos.py failed (is python3-dnf installed for ${PYTHON}?): ${why}`);
    }
    return outputSchema.parse(JSON.parse(result.stdout));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function writeTree(root: string, files: Record<string, FakeEntry>): void {
  for (const [path, entry] of Object.entries(files)) {
    const target = join(root, path);
    if (typeof entry !== 'string' && !Buffer.isBuffer(entry) && 'dir' in entry) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(target, entry);
    else symlinkSync(entry.symlink, target);
  }
}
