import test from 'ava';

import type { Stack } from '../../../src/managers/yum/model.js';
import { loadVars } from '../../../src/managers/yum/vars.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';

const files: Record<string, FakeEntry> = {
  '/etc/yum/vars/name': 'from-yum\n',
  '/etc/dnf/vars/name': 'from-dnf\nsecond line\n',
  '/etc/dnf/vars/crlf': 'value\r\n',
  '/etc/dnf/vars/empty': '',
  '/etc/dnf/vars/sub': { dir: true },
  '/etc/yum/vars/linked': { symlink: 'target' },
  '/etc/yum/vars/target': 'link-target',
  '/usr/share/dnf5/vars.d/name': 'from-usr',
};

const env = {
  DNF_VAR_name: 'from-env',
  DNF_VAR_other: 'env-only',
  DNF0: 'zero',
  YUM1: 'one',
  YUM2: '',
  PATH: '/bin',
};

const resolves = test.macro({
  exec(t, stack: Stack, dirs: string[], expected: Record<string, string>) {
    const { vars } = loadVars(rootFromFiles(files), stack, dirs, env);
    t.deepEqual(Object.fromEntries(vars), expected);
  },
  title: (name = '') => `vars: ${name}`,
});

test(
  'dnf 4: files win over the environment, the later dir wins',
  resolves,
  'dnf4',
  ['/etc/yum/vars', '/etc/dnf/vars'],
  {
    name: 'from-dnf',
    other: 'env-only',
    DNF0: 'zero',
    linked: 'link-target',
    target: 'link-target',
    crlf: 'value\r',
    empty: '',
  },
);

test(
  'dnf 5: the environment wins over files',
  resolves,
  'dnf5',
  ['/usr/share/dnf5/vars.d', '/etc/dnf/vars'],
  {
    name: 'from-env',
    crlf: 'value\r',
    empty: '',
    other: 'env-only',
    DNF0: 'zero',
  },
);

test(
  'yum 3: YUM0-9 lower-cased and non-empty, symlinked var files skipped',
  resolves,
  'yum3',
  ['/etc/yum/vars'],
  {
    yum1: 'one',
    name: 'from-yum',
    target: 'link-target',
  },
);

test('each variable names where it came from', (t) => {
  const { sources } = loadVars(rootFromFiles(files), 'dnf4', ['/etc/dnf/vars'], {});
  t.deepEqual(
    sources.find((source) => source.name === 'name'),
    { name: 'name', value: 'from-dnf', from: '/etc/dnf/vars/name' },
  );
});
