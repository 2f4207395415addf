import test, { type ExecutionContext } from 'ava';

import { readConfigFile } from '../../../src/managers/apt/apt-conf.js';
import { ConfigTree } from '../../../src/managers/apt/config-tree.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';
import { DOCKER_CLEAN } from './fixtures.js';

/** Every value in the tree, as `Name=value` lines, list items as `Name::=value`. */
function dump(tree: ConfigTree): string[] {
  const lines: string[] = [];
  const walk = (node: ConfigTree['root'], prefix: string): void => {
    for (const child of node.children) {
      const name = prefix === '' ? child.tag : `${prefix}::${child.tag}`;
      if (child.value !== '') lines.push(`${name}=${child.value}`);
      walk(child, name);
    }
  };
  walk(tree.root, '');
  return lines;
}

const reads = test.macro({
  exec(t: ExecutionContext, text: string, expected: string[], extra: Record<string, FakeEntry> = {}) {
    const tree = new ConfigTree();
    const errors = readConfigFile(rootFromFiles({ '/etc/apt/apt.conf': text, ...extra }), tree, '/etc/apt/apt.conf');
    t.deepEqual(errors, []);
    t.deepEqual(dump(tree), expected);
  },
  title: (name = '') => `reads ${name}`,
});

test('a flat statement', reads, 'Acquire::http::Proxy "http://p:3128";\n', ['Acquire::http::Proxy=http://p:3128']);
test('scopes', reads, 'Acquire {\n  https {\n    Verify-Peer "false";\n  };\n};\n', ['Acquire::https::Verify-Peer=false']);
test('one-line scopes and several statements', reads, 'A { B "1"; C "2"; }; D "3";', ['A::B=1', 'A::C=2', 'D=3']);
test('lists', reads, 'DPkg::Post-Invoke { "rm -f /a || true"; "echo done"; };\n', ['DPkg::Post-Invoke::=rm -f /a || true', 'DPkg::Post-Invoke::=echo done']);
test('appending with ::', reads, 'X:: "a";\nX:: "b";\n', ['X::=a', 'X::=b']);
test('comments of every kind', reads, '// line\n# hash\nA "1"; // tail\nB "2"; # tail\n/* block\n still */ C "3";\nD "a // b # c";\n', ['A=1', 'B=2', 'C=3', 'D=a // b # c']);
test('a # word that is no directive is a comment', reads, '#frobnicate "x";\nA "1";\n', ['A=1']);
test('an unquoted value', reads, 'A yes;\n', ['A=yes']);
test('concatenated quoted strings', reads, 'A "one" "two";\n', ['A=one two']);
test('a statement over several lines', reads, 'Acquire::http::Proxy\n  "http://p";\n', ['Acquire::http::Proxy=http://p']);
test('tabs', reads, 'A\t"1";\n', ['A=1']);
test('#clear', reads, 'A::B "1";\nA::C "2";\n#clear A;\nA::D "3";\n', ['A::D=3']);
test('#include of a file', reads, '#include "/etc/apt/extra.conf";\nB "2";\n', ['A=1', 'B=2'], { '/etc/apt/extra.conf': 'A "1";\n' });
test('#include of a directory', reads, '#include "/etc/apt/inc/";\n', ['X=1', 'Y=2'], {
  '/etc/apt/inc/10x': 'X "1";\n',
  '/etc/apt/inc/20y.conf': 'Y "2";\n',
  '/etc/apt/inc/30z.txt': 'Z "3";\n',
});
test('case-insensitive names merge', reads, 'APT::Get::Assume-Yes "1";\napt::get::assume-yes "0";\n', ['APT::Get::Assume-Yes=0']);
test('Debian docker-clean', reads, DOCKER_CLEAN, [
  'DPkg::Post-Invoke::=rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true',
  'APT::Update::Post-Invoke::=rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true',
]);

const fails = test.macro({
  exec(t: ExecutionContext, text: string, line: number, message: RegExp, kept: string[] = []) {
    const tree = new ConfigTree();
    const errors = readConfigFile(rootFromFiles({ '/etc/apt/apt.conf': text }), tree, '/etc/apt/apt.conf');
    // Errors in included files come first; the last one is about this file.
    t.is(errors.at(-1)?.line, line);
    t.regex(errors.at(-1)?.message ?? '', message);
    t.deepEqual(dump(tree), kept);
  },
  title: (name = '') => `fails on ${name}`,
});

test('a block without a name', fails, '{ A "1"; };\n', 1, /Block starts with no name/);
test('junk after a value', fails, 'A "1" "2" x;\n', 1, /Extra junk after value/);
test('a missing semicolon at the end', fails, 'A "1";\nB "2"\n', 2, /Extra junk at end of file/, ['A=1']);
test('an unknown directive', fails, '#includes "x";\n', 1, /Unsupported directive 'includes'/);
test('a directive in a scope', fails, 'A { #clear B; };\n', 1, /top level/);
test('an include loop', fails, '#include "/etc/apt/apt.conf";\n', 1, /Included from here/);
test('a missing include', fails, '#include "/nope.conf";\n', 1, /Included from here/);
