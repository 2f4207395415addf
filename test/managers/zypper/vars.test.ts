import test from 'ava';

import { zyppVars } from '../../../src/managers/zypper/vars.js';
import { rootFromFiles } from '../../helpers/root.js';

const root = rootFromFiles({
  '/etc/zypp/vars.d/releasever': '15.6\nignored\n',
  '/etc/zypp/vars.d/basearch': 'aarch64',
  '/etc/zypp/vars.d/.hidden': 'no',
  '/etc/zypp/vars.d/sub': { dir: true },
  '/etc/zypp/vars.d/spaced': '  kept as is  \n',
});

test('var files: first line, untrimmed, dot files skipped, built-ins overridable', (t) => {
  const lookup = zyppVars(root, '/etc/zypp/vars.d', {});
  t.is(lookup('releasever'), '15.6');
  t.is(lookup('basearch'), 'aarch64');
  t.is(lookup('spaced'), '  kept as is  ');
  t.is(lookup('.hidden'), undefined);
  t.is(lookup('arch'), undefined);
});

test('releasever_major and _minor derive from releasever', (t) => {
  const lookup = zyppVars(root, '/etc/zypp/vars.d', {});
  t.is(lookup('releasever_major'), '15');
  t.is(lookup('releasever_minor'), '6');
});

test('ZYPP_REPO_RELEASEVER overrides all three', (t) => {
  const lookup = zyppVars(root, '/etc/zypp/vars.d', { ZYPP_REPO_RELEASEVER: '16' });
  t.is(lookup('releasever'), '16');
  t.is(lookup('releasever_major'), '16');
  t.is(lookup('releasever_minor'), '');
});
