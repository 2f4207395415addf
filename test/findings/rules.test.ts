import test from 'ava';

import { diffInventories } from '../../src/diff/compute.js';
import type { Item, RuleId, Source } from '../../src/managers/types.js';
import { inventory, key, setting, source } from '../helpers/items.js';

/** Rules each change of OLD → NEW fires, as `rule@path`, sorted; transient items included. */
function firedRules(before: Item[][], after: Item[][]): string[] {
  const result = diffInventories(inventory(before), inventory(after));
  const entries = [...result.changes, ...result.transient];
  return entries.flatMap((entry) => entry.findings.map((finding) => `${finding.rule}@${entry.item.path}`)).sort();
}

/** An https apt source, so plain-http stays out of the way unless a case asks for it. */
function apt(host: string, suite: string, overrides: Partial<Source> = {}): Source {
  const path = overrides.path ?? `/etc/apt/sources.list.d/${host}.list`;
  return source(host, {
    path,
    id: `deb https://${host}/debian ${suite}`,
    matchKeys: [`${path}|${host}|${suite}`, `${path}|${suite}`, `${path}|${host}`],
    uris: [`https://${host}/debian`],
    fields: { types: ['deb'], suites: [suite], components: ['main'] },
    ...overrides,
  });
}

const base = apt('deb.debian.org', 'bookworm', { path: '/etc/apt/sources.list' });

/**
 * A rule fires on the risky NEW and stays silent on its clean twin: both are diffed against the
 * same OLD, so the only difference is what the rule is about.
 */
const firesOnlyOnRisky = test.macro({
  exec(t, rule: RuleId, old: Item[], risky: Item[], clean: Item[]) {
    const path = risky.find((item) => !old.includes(item))?.path ?? '';
    t.true(firedRules([old], [risky]).includes(`${rule}@${path}`), firedRules([old], [risky]).join(', '));
    t.false(firedRules([old], [clean]).some((fired) => fired.startsWith(`${rule}@`)), firedRules([old], [clean]).join(', '));
  },
  title: (what, rule) => `${rule}: ${what ?? ''}`,
});

const vendor = apt('vendor.example', 'bookworm');

test('a new http:// source', firesOnlyOnRisky, 'plain-http', [base], [base, source('plain.example')], [base, apt('plain.example', 'bookworm')]);
test('a source on a host the old image did not use', firesOnlyOnRisky, 'new-host', [base], [base, apt('new.example', 'bookworm')], [
  base,
  apt('security.debian.org', 'bookworm-security'),
]);
test('a source that swapped its host for another', firesOnlyOnRisky, 'mirror-replaced', [base, vendor], [
  base,
  apt('evil.example', 'bookworm', { path: vendor.path }),
], [base, apt('vendor.example', 'bookworm', { path: vendor.path, fields: { types: ['deb'], suites: ['bookworm'], components: ['main', 'contrib'] } })]);
test('a source that dropped its Signed-By', firesOnlyOnRisky, 'signed-by-removed', [base, { ...vendor, signedBy: ['/usr/share/keyrings/vendor.gpg'] }], [
  base,
  { ...vendor, signedBy: null, fields: { ...vendor.fields, options: {} } },
], [base, { ...vendor, signedBy: ['/usr/share/keyrings/vendor.gpg'], fields: { ...vendor.fields, components: ['main', 'contrib'] } }]);
test('a new source pinned to a global keyring', firesOnlyOnRisky, 'signed-by-removed', [base], [
  base,
  apt('team.example', 'bookworm', { signedBy: ['/etc/apt/trusted.gpg.d/team.gpg'] }),
], [base, apt('team.example', 'bookworm', { signedBy: ['/usr/share/keyrings/team.gpg'] })]);
test('a suite downgrade bookworm → bullseye', firesOnlyOnRisky, 'suite-changed', [base, vendor], [
  base,
  apt('vendor.example', 'bullseye', { path: vendor.path }),
], [base, apt('vendor.example', 'trixie', { path: vendor.path })]);
test('a Debian image gaining an Ubuntu suite', firesOnlyOnRisky, 'suite-changed', [base], [base, apt('archive.ubuntu.com', 'jammy')], [
  base,
  apt('deb.debian.org', 'bookworm-backports', { path: '/etc/apt/sources.list.d/backports.list' }),
]);
test('a Debian image gaining sid', firesOnlyOnRisky, 'suite-changed', [base], [base, apt('deb.debian.org', 'sid', { path: '/etc/apt/sources.list.d/sid.list' })], [
  base,
  apt('deb.debian.org', 'bookworm-updates', { path: '/etc/apt/sources.list.d/updates.list' }),
]);
test('a new key in a global keyring', firesOnlyOnRisky, 'key-added', [base], [base, key('aa')], [base]);
test('a manager risk on the item (trusted=yes)', firesOnlyOnRisky, 'trusted-source', [base], [
  base,
  apt('t.example', 'bookworm', { risks: [{ rule: 'trusted-source', severity: 'critical', message: 'trusted=yes' }] }),
], [base, apt('t.example', 'bookworm')]);
test('a manager risk on a setting (proxy)', firesOnlyOnRisky, 'proxy-configured', [base], [
  base,
  setting('Acquire::http::Proxy', 'http://proxy:3128', { risks: [{ rule: 'proxy-configured', severity: 'high', message: 'proxy' }] }),
], [base, setting('Acquire::Retries', '3')]);

test('key-removed: a key the old image had is gone; adding none fires nothing', (t) => {
  t.deepEqual(firedRules([[base, key('aa')]], [[base]]), ['key-removed@/etc/apt/trusted.gpg.d/aa.gpg']);
  t.deepEqual(firedRules([[base, key('aa')]], [[base, key('aa')]]), []);
});

test('transient-source: added by one layer, removed by the next; absent when it stays', (t) => {
  const passing = apt('t.example', 'bookworm');
  t.true(firedRules([[base]], [[base], [base, passing], [base]]).includes(`transient-source@${passing.path}`));
  t.false(firedRules([[base]], [[base], [base, passing], [base, passing]]).some((rule) => rule.startsWith('transient-source')));
});

test('suite-changed for yum: a baseurl whose release went down, not one that went up', (t) => {
  const repo = (version: string): Source =>
    apt('dl.rockylinux.org', 'x', { manager: 'yum', path: '/etc/yum.repos.d/rocky.repo', id: 'baseos', matchKeys: ['yum|baseos'], uris: [`https://dl.rockylinux.org/pub/rocky/${version}/BaseOS/x86_64/os/`], fields: {} });
  t.deepEqual(firedRules([[repo('9.3')]], [[repo('8.10')]]), ['suite-changed@/etc/yum.repos.d/rocky.repo']);
  t.deepEqual(firedRules([[repo('8.10')]], [[repo('9.3')]]), []);
});

test('suite-changed for apk: Alpine edge in a v3 image, or an older v3 branch', (t) => {
  const repo = (branch: string): Source =>
    apt('dl-cdn.alpinelinux.org', 'x', { manager: 'apk', path: '/etc/apk/repositories', id: branch, matchKeys: [`apk|${branch}`, 'apk|main'], uris: [`https://dl-cdn.alpinelinux.org/alpine/${branch}/main`], fields: {} });
  t.deepEqual(firedRules([[repo('v3.19')]], [[repo('edge')]]), ['suite-changed@/etc/apk/repositories']);
  t.deepEqual(firedRules([[repo('v3.19')]], [[repo('v3.18')]]), ['suite-changed@/etc/apk/repositories']);
  t.deepEqual(firedRules([[repo('v3.19')]], [[repo('v3.20')]]), []);
});

test('a moved mirror is one finding, not also a new host; a disabled source is not judged', (t) => {
  const moved = firedRules([[base, vendor]], [[base, apt('evil.example', 'bookworm', { path: vendor.path })]]);
  t.deepEqual(moved, [`mirror-replaced@${vendor.path}`]);
  t.deepEqual(firedRules([[base]], [[base, apt('off.example', 'sid', { enabled: false })]]), []);
});
