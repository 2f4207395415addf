import test from 'ava';

import { ConfigTree, defaultConfig } from '../../../src/managers/apt/config-tree.js';

test('names are looked up without regard to case and keep their first spelling', (t) => {
  const tree = new ConfigTree();
  tree.set('Acquire::http::Proxy', 'a', '/f1');
  tree.set('ACQUIRE::HTTP::proxy', 'b', '/f2');
  t.is(tree.find('acquire::http::PROXY'), 'b');
  t.is(tree.root.children[0]?.tag, 'Acquire');
  t.is(tree.lookup('Acquire::http::Proxy', false)?.origin, '/f2');
});

test('a trailing :: appends list items', (t) => {
  const tree = new ConfigTree();
  tree.set('DPkg::Post-Invoke::', 'one', '/a');
  tree.set('DPkg::Post-Invoke::', 'two', '/b');
  t.deepEqual(tree.lookup('DPkg::Post-Invoke', false)?.children.map((item) => [item.tag, item.value]), [['', 'one'], ['', 'two']]);
  t.is(tree.lookup('DPkg::Post-Invoke::', false), undefined);
});

test('clear empties a subtree but keeps the node', (t) => {
  const tree = new ConfigTree();
  tree.set('A::B', 'x', null);
  tree.set('A::B::C', 'y', null);
  tree.clear('a::b');
  t.is(tree.find('A::B'), '');
  t.deepEqual(tree.lookup('A::B', false)?.children, []);
  tree.clear('missing::node');
  t.is(tree.lookup('missing', false), undefined);
});

test('FindFile and FindDir resolve against the parents', (t) => {
  const tree = defaultConfig();
  t.is(tree.findFile('Dir::Etc::sourcelist'), '/etc/apt/sources.list');
  t.is(tree.findDir('Dir::Etc::sourceparts'), '/etc/apt/sources.list.d/');
  t.is(tree.findFile('Dir::Etc::trusted'), '/etc/apt/trusted.gpg');

  tree.set('Dir::Etc', '/srv/apt', '/x');
  t.is(tree.findFile('Dir::Etc::SourceList'), '/srv/apt/sources.list');
  tree.set('Dir::Etc::SourceList', '/other/list', '/x');
  t.is(tree.findFile('Dir::Etc::sourcelist'), '/other/list');
  tree.set('Dir', '/chroot/', '/x');
  tree.set('Dir::Etc', 'etc/apt/', '/x');
  t.is(tree.findDir('Dir::Etc::parts'), '/chroot/etc/apt/apt.conf.d/');
  tree.set('RootDir', '/root-dir', '/x');
  t.is(tree.findFile('Dir::Etc::main'), '/root-dir/chroot/etc/apt/apt.conf');
});

test('FindFile keeps /dev/null and the fallback', (t) => {
  const tree = defaultConfig();
  tree.set('Dir::Etc::sourceparts', '/dev/null/x', null);
  t.is(tree.findDir('Dir::Etc::sourceparts'), '/dev/null');
  t.is(tree.findFile('No::Such', '/dev/null'), '/dev/null');
  t.is(tree.findFile('No::Such'), '');
});
