/**
 * Differential test: Debian's pacman-conf (package pacman-package-manager) reads each tree of
 * corpus.ts from a temporary directory, and our parser reads the same tree through a RootView.
 * They must agree on whether pacman accepts the file, on the repo list, and per repository on
 * Server order, Usage and the effective SigLevel. pacman-conf lists every [section]; libalpm
 * then registers only the first of a name (never `local`, '' or names with '/'), which is what
 * registerRepos() reports, so that filter is applied to pacman-conf's list before comparing.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { arch as hostArch, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import test from 'ava';
import type { ExecutionContext } from 'ava';

import { parseConfig } from '../../../src/managers/pacman/conf.js';
import { registerRepos } from '../../../src/managers/pacman/register.js';
import type { EffectiveSigLevel } from '../../../src/managers/pacman/siglevel.js';
import { describeSigLevel, mergeSigLevel } from '../../../src/managers/pacman/siglevel.js';
import { rootFromFiles } from '../../helpers/root.js';
import { TREES } from './corpus.js';
import type { Tree } from './corpus.js';

interface Run {
  code: number;
  lines: string[];
  stderr: string;
}

const MISSING_TOOL =
  'pacman-conf is not installed: run `apt-get install -y pacman-package-manager` (Debian) to run this test';

function pacmanConf(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LC_ALL: 'C' };
    execFile('pacman-conf', args, { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error(MISSING_TOOL));
        return;
      }
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, lines: stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n'), stderr });
    });
  });
}

test.before('pacman-conf is installed', async () => {
  await pacmanConf(['--version']);
});

/** Write the tree under a temporary root, pointing every absolute Include into it. */
async function materialize(tree: Tree): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'pacman-conf-'));
  for (const [path, entry] of Object.entries(tree.files)) {
    const target = join(base, path);
    if (typeof entry === 'object' && !Buffer.isBuffer(entry)) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    const bytes = Buffer.from(entry);
    const text = bytes.toString('latin1').replace(/^(\s*Include\s*=\s*)\//gm, `$1${base}/`);
    await writeFile(target, Buffer.from(text, 'latin1'));
  }
  return base;
}

/** pacman-conf's spelling of a SigLevel: one token per line. */
function tokens(level: EffectiveSigLevel, packageOnly = false): string[] {
  const part = (prefix: string, check: string, trust: string | null): string[] =>
    check === 'never'
      ? [`${prefix}Never`]
      : [`${prefix}${capital(check)}`, `${prefix}${capital(trust ?? '')}`];
  const pkg = part('Package', level.package, level.packageTrust);
  return packageOnly ? pkg : [...pkg, ...part('Database', level.database, level.databaseTrust)];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** pacman-conf substitutes `Architecture = auto` with the host's machine name. */
function machine(): string {
  return { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' }[hostArch()] ?? hostArch();
}

const agrees = test.macro({
  async exec(t: ExecutionContext, tree: Tree) {
    const base = await materialize(tree);
    t.teardown(() => rm(base, { recursive: true, force: true }));
    const conf = join(base, 'etc/pacman.conf');
    const config = parseConfig(rootFromFiles(tree.files), '/etc/pacman.conf');
    const registration = config.failed ? undefined : registerRepos(config);

    const listed = await pacmanConf(['--config', conf, '--repo-list']);
    const refused = registration === undefined || registration.failed;
    t.is(refused, listed.code !== 0, `pacman-conf said: ${listed.stderr}`);
    if (refused || registration === undefined) return;

    t.deepEqual(
      config.repos.map((repo) => repo.name),
      listed.lines,
      'repo list',
    );
    const registrable = listed.lines.filter(
      (name, index) =>
        name !== '' &&
        name !== 'local' &&
        !name.includes('/') &&
        listed.lines.indexOf(name) === index,
    );
    t.deepEqual(
      registration.repos.map((repo) => repo.section.name),
      registrable,
      'registered repos',
    );

    const global = await pacmanConf(['--config', conf, 'SigLevel']);
    t.deepEqual(tokens(describeSigLevel(config.sigLevel.level)), global.lines, 'global SigLevel');
    for (const name of ['LocalFileSigLevel', 'RemoteFileSigLevel'] as const) {
      const shown = await pacmanConf(['--config', conf, name]);
      const own =
        name === 'LocalFileSigLevel' ? config.localFileSigLevel : config.remoteFileSigLevel;
      const expected =
        shown.lines.length > 0
          ? shown.lines
          : tokens(describeSigLevel(config.sigLevel.level), true);
      t.deepEqual(
        tokens(describeSigLevel(mergeSigLevel(config.sigLevel, own)), true),
        expected,
        name,
      );
    }

    for (const repo of registration.repos) {
      const ask = (directive: string): Promise<Run> =>
        pacmanConf(['--config', conf, '--repo', repo.section.name, directive]);
      const [servers, sigLevel, usage] = await Promise.all([
        ask('Server'),
        ask('SigLevel'),
        ask('Usage'),
      ]);
      const ours = repo.servers.map((url) => url.replaceAll('$arch', machine()));
      t.deepEqual(ours, servers.lines, `[${repo.section.name}] Server`);
      t.deepEqual(
        tokens(repo.sigLevel),
        sigLevel.lines.length > 0 ? sigLevel.lines : global.lines,
        `[${repo.section.name}] SigLevel`,
      );
      t.deepEqual(repo.usage, usage.lines, `[${repo.section.name}] Usage`);
    }
  },
  title: (_given, tree: Tree) => `pacman-conf agrees: ${tree.title}`,
});

for (const tree of TREES) test(agrees, tree);
