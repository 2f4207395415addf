import test from 'ava';

import { loadConfig } from '../../../src/managers/apt/config-load.js';
import { rootFromFiles } from '../../helpers/root.js';

test('APT_CONFIG, then apt.conf.d in order, then apt.conf', (t) => {
  const root = rootFromFiles({
    '/opt/apt.conf': 'Order::A "env"; Order::B "env"; Order::C "env";\n',
    '/etc/apt/apt.conf.d/10b': 'Order::B "parts";\nOrder::C "parts";\n',
    '/etc/apt/apt.conf': 'Order::C "main";\n',
  });
  const { tree, errors } = loadConfig(root, { env: { APT_CONFIG: '/opt/apt.conf' } });
  t.deepEqual(['A', 'B', 'C'].map((name) => tree.find(`Order::${name}`)), ['env', 'parts', 'main']);
  t.deepEqual(errors, []);
});

test('a relocation in APT_CONFIG moves the parts directory', (t) => {
  const root = rootFromFiles({
    '/opt/apt.conf': 'Dir::Etc "/srv/apt/";\n',
    '/srv/apt/apt.conf.d/x': 'Moved "yes";\n',
    '/etc/apt/apt.conf.d/x': 'Moved "no";\n',
  });
  t.is(loadConfig(root, { env: { APT_CONFIG: '/opt/apt.conf' } }).tree.find('Moved'), 'yes');
});

test('a part may relocate the main file', (t) => {
  const root = rootFromFiles({
    '/etc/apt/apt.conf.d/x': 'Dir::Etc::main "/srv/main.conf";\n',
    '/srv/main.conf': 'Main "relocated";\n',
    '/etc/apt/apt.conf': 'Main "stock";\n',
  });
  const { tree } = loadConfig(root, { env: {} });
  t.is(tree.find('Main'), 'relocated');
  t.is(tree.findFile('Dir::Etc::sourcelist'), '/etc/apt/sources.list');
});

test('syntax errors are returned with their file and line', (t) => {
  const root = rootFromFiles({ '/etc/apt/apt.conf.d/bad': 'A "1";\nB "2" junk;\n', '/etc/apt/apt.conf.d/good': 'C "3";\n' });
  const { tree, errors } = loadConfig(root, { env: {} });
  t.deepEqual(errors.map((error) => [error.path, error.line]), [['/etc/apt/apt.conf.d/bad', 2]]);
  t.deepEqual([tree.find('A'), tree.find('C')], ['1', '3']);
});

test('a missing APT_CONFIG file is skipped', (t) => {
  t.deepEqual(loadConfig(rootFromFiles({}), { env: { APT_CONFIG: '/nope' } }).errors, []);
});
