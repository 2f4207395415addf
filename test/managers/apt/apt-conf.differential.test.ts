import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import test, { type ExecutionContext } from 'ava';

import { readConfigDir } from '../../../src/managers/apt/apt-conf.js';
import { ConfigTree } from '../../../src/managers/apt/config-tree.js';
import { rootFromFiles } from '../../helpers/root.js';
import { requireAptGet } from './apt-cli.js';
import { DOCKER_CLEAN } from './fixtures.js';

/**
 * The apt.conf reader against `apt-config dump` (apt 2.6): the same apt.conf.d files, read by a
 * re-rooted apt, must add exactly the same `Name "value";` lines to apt's dump as ours.
 */

requireAptGet();

function aptDump(files: Record<string, string>): { lines: Set<string>; failed: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'pkgrepo-aptconf-'));
  try {
    mkdirSync(join(dir, 'etc/apt/apt.conf.d'), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'etc/apt', path)), { recursive: true });
      writeFileSync(join(dir, 'etc/apt', path), text);
    }
    writeFileSync(join(dir, 'apt.conf'), `Dir "${dir}/";\n`);
    const result = spawnSync('apt-config', ['dump'], { encoding: 'utf8', env: { ...process.env, APT_CONFIG: join(dir, 'apt.conf'), LC_ALL: 'C' } });
    return { lines: new Set(result.stdout.split('\n').filter((line) => !line.startsWith('Dir'))), failed: result.status !== 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ourDump(files: Record<string, string>): { lines: Set<string>; failed: boolean } {
  const root = rootFromFiles(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/etc/apt/${path}`, text])));
  const tree = new ConfigTree();
  const errors = readConfigDir(root, tree, '/etc/apt/apt.conf.d/');
  const lines = new Set<string>();
  const walk = (node: ConfigTree['root'], prefix: string): void => {
    for (const child of node.children) {
      const name = `${prefix}${child.tag}`;
      lines.add(`${name} "${child.value}";`);
      walk(child, `${name}::`);
    }
  };
  walk(tree.root, '');
  return { lines, failed: errors.length > 0 };
}

const baseline = aptDump({}).lines;

const sameAsAptConfig = test.macro({
  exec(t: ExecutionContext, files: Record<string, string>) {
    const apt = aptDump(files);
    const ours = ourDump(files);
    t.false(apt.failed, 'apt-config accepts the case');
    t.false(ours.failed, 'the reader accepts what apt accepts');
    const added = (lines: Set<string>): string[] => [...lines].filter((line) => !baseline.has(line) && !line.startsWith('Dir')).sort();
    t.deepEqual(added(ours.lines), added(apt.lines));
    t.true(added(apt.lines).length > 0, 'the case sets something apt did not have');
  },
  title: (name = '') => `same as apt-config: ${name}`,
});

const conf = (text: string): Record<string, string> => ({ 'apt.conf.d/50test': text });

test('scopes and lists', sameAsAptConfig, conf('Pkgrepo { A "1"; B { C "2"; }; };\nPkgrepo::List { "a"; "b"; };\nPkgrepo::List:: "c";\n'));
test('comments and quotes', sameAsAptConfig, conf('// x\n# y\nPkgrepo::A "a // b # c"; // z\n/* multi\nline */ Pkgrepo::B "2"; # tail\n'));
test('case-insensitive names', sameAsAptConfig, conf('Pkgrepo::Get::Yes "1";\nPKGREPO::get::YES "0";\n'));
test('%-escapes in bare words only', sameAsAptConfig, conf('Pkgrepo::Quoted "%41";\nPkgrepo::Bare %41;\nPkgrepo%3a%3aEscaped "x";\n'));
test('#clear', sameAsAptConfig, conf('Pkgrepo::A::B "1";\nPkgrepo::A::C "2";\n#clear Pkgrepo::A;\nPkgrepo::D "3";\n'));
test('statements across lines', sameAsAptConfig, conf('Pkgrepo::A\n  "1"\n;\nPkgrepo { B\n"2"; }\n;\n'));
test('values concatenated', sameAsAptConfig, conf('Pkgrepo::A "one" "two";\n'));
test('files in order, later wins', sameAsAptConfig, { 'apt.conf.d/10a': 'Pkgrepo::A "1";\n', 'apt.conf.d/20b': 'Pkgrepo::A "2";\n', 'apt.conf.d/30c.bak': 'Pkgrepo::A "3";\n' });
test('Debian docker-clean', sameAsAptConfig, conf(DOCKER_CLEAN));

const refusedByBoth = test.macro({
  exec(t: ExecutionContext, text: string) {
    t.deepEqual([aptDump(conf(text)).failed, ourDump(conf(text)).failed], [true, true]);
  },
  title: (name = '') => `apt-config and the reader refuse ${name}`,
});

test('junk after a value', refusedByBoth, 'Pkgrepo::A "1";\nPkgrepo::B "2" x;\n');
test('a missing semicolon at the end', refusedByBoth, 'Pkgrepo::A "1"\n');
test('a block without a name', refusedByBoth, '{ Pkgrepo "1"; };\n');
test('an unsupported directive', refusedByBoth, '#includes "x";\n');
