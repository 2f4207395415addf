import test from 'ava';

import { diffInventories, scanInventory } from '../../src/diff/compute.js';
import type { DiffResult } from '../../src/diff/model.js';
import type { Item, Source } from '../../src/managers/types.js';
import { applyPolicy } from '../../src/policy/apply.js';
import { parsePolicy } from '../../src/policy/load.js';
import { inventory, key, setting, source } from '../helpers/items.js';

const base = source('deb.example', { path: '/etc/apt/sources.list' });
const https = (host: string, path = `/etc/apt/sources.list.d/${host}.list`): Source =>
  source(host, { path, id: `deb https://${host}/debian bookworm`, uris: [`https://${host}/debian`] });
const proxy = setting('Acquire::http::Proxy', 'http://proxy:3128', { path: '/etc/apt/apt.conf.d/01proxy', risks: [{ rule: 'proxy-configured', severity: 'high', message: 'proxy' }] });

/** OLD = base; NEW = base + the items; judged by the policy text. */
function judged(items: Item[], policy: string): DiffResult {
  return applyPolicy(diffInventories(inventory([[base]]), inventory([[base, ...items]])), parsePolicy(policy, 'p.yaml'));
}

const kept = (result: DiffResult) => result.changes.flatMap((change) => change.findings.map((finding) => `${finding.rule}:${finding.severity}@${change.item.path}`)).sort();
const dropped = (result: DiffResult) => result.changes.flatMap((change) => (change.suppressed ?? []).map((finding) => `${finding.rule}@${change.item.path}: ${finding.reason}`)).sort();

test('no allow list: no host-not-allowed, nothing suppressed', (t) => {
  const result = judged([https('x.example')], 'version: 1\n');
  t.deepEqual(kept(result), ['new-host:medium@/etc/apt/sources.list.d/x.example.list']);
  t.deepEqual(dropped(result), []);
});

test('an allowed host suppresses its new-host; an unlisted one is host-not-allowed', (t) => {
  const result = judged([https('mirror.team.example'), https('other.example')], 'allow:\n  hosts: [mirror.team.example, deb.example]\n');
  t.deepEqual(kept(result), [
    'host-not-allowed:high@/etc/apt/sources.list.d/other.example.list',
    'new-host:medium@/etc/apt/sources.list.d/other.example.list',
  ]);
  t.deepEqual(dropped(result), ['new-host@/etc/apt/sources.list.d/mirror.team.example.list: host allowed by the policy (allow.hosts)']);
});

test('an allowed host suppresses nothing but host findings: its plain-http stays', (t) => {
  const result = judged([source('mirror.team.example')], 'allow:\n  hosts: ["*.team.example"]\n');
  t.deepEqual(kept(result), ['plain-http:low@/etc/apt/sources.list.d/mirror.team.example.list']);
});

test('host globs: *.corp.example takes subdomains, not the bare domain', (t) => {
  const result = judged([https('a.b.corp.example'), https('corp.example'), https('corp.example.evil')], 'allow:\n  hosts: ["*.corp.example"]\n');
  t.deepEqual(kept(result).filter((rule) => rule.startsWith('host-not-allowed')), [
    'host-not-allowed:high@/etc/apt/sources.list.d/corp.example.evil.list',
    'host-not-allowed:high@/etc/apt/sources.list.d/corp.example.list',
  ]);
});

test('URL prefixes allow what is under them only', (t) => {
  const under = source('mirror.corp', { path: '/etc/apt/sources.list.d/a.list', uris: ['https://mirror.corp/debian/bookworm'] });
  const beside = source('mirror.corp', { path: '/etc/apt/sources.list.d/b.list', id: 'b', uris: ['https://mirror.corp/debian-evil'] });
  const result = judged([under, beside], 'allow:\n  hosts: ["https://mirror.corp/debian/*"]\n');
  t.deepEqual(kept(result).filter((rule) => rule.startsWith('host-not-allowed')), ['host-not-allowed:high@/etc/apt/sources.list.d/b.list']);
});

test('distribution-mirrors allows the official hosts and nothing more', (t) => {
  const result = judged([https('deb.debian.org', '/etc/apt/sources.list.d/d.list'), https('x.example')], 'allow:\n  distribution-mirrors: true\n');
  t.deepEqual(kept(result).filter((rule) => rule.startsWith('host-not-allowed')), ['host-not-allowed:high@/etc/apt/sources.list.d/x.example.list']);
});

test('a modified source is judged on the hosts it gained, not those it kept', (t) => {
  const before = https('old.example', '/etc/apt/sources.list.d/v.list');
  const after = { ...before, uris: [...before.uris, 'https://new.example/debian'] };
  const result = applyPolicy(diffInventories(inventory([[before]]), inventory([[after]])), parsePolicy('allow:\n  hosts: [other.example]\n', 'p'));
  const found = result.changes[0]?.findings.find((finding) => finding.rule === 'host-not-allowed');
  t.deepEqual(found?.hosts, ['new.example']);
});

test('allowed keys suppress key-added; others are key-not-allowed', (t) => {
  const fingerprint = '0123456789ABCDEF0123456789ABCDEF01234567';
  const items = [key('aa', { fingerprints: [fingerprint] }), key('bb', { fingerprints: ['FFFF456789ABCDEF0123456789ABCDEF0123FFFF'] }), key('cc', { path: '/usr/share/keyrings/corp.gpg', scope: 'scoped' })];
  const result = judged(items, 'allow:\n  keys: ["89ABCDEF01234567", /usr/share/keyrings/*.gpg]\n');
  t.deepEqual(kept(result), ['key-added:high@/etc/apt/trusted.gpg.d/bb.gpg', 'key-not-allowed:high@/etc/apt/trusted.gpg.d/bb.gpg']);
  t.deepEqual(dropped(result), [
    'key-added@/etc/apt/trusted.gpg.d/aa.gpg: key allowed by the policy (allow.keys)',
    'key-added@/usr/share/keyrings/corp.gpg: key allowed by the policy (allow.keys)',
  ]);
});

test('an ignore drops exactly the findings all its parts match', (t) => {
  const items = [proxy, setting('Acquire::ftp::Proxy', 'x', { path: '/etc/apt/apt.conf.d/02proxy', risks: [{ rule: 'proxy-configured', severity: 'high', message: 'p' }] }), source('a.corp.example'), source('b.example')];
  const policy = [
    'ignore:',
    '  - { rule: proxy-configured, path: /etc/apt/apt.conf.d/01proxy, reason: build proxy }',
    '  - { rule: plain-http, host: "*.corp.example", reason: internal network }',
  ].join('\n');
  const result = judged(items, policy);
  t.deepEqual(dropped(result), [
    'plain-http@/etc/apt/sources.list.d/a.corp.example.list: internal network',
    'proxy-configured@/etc/apt/apt.conf.d/01proxy: build proxy',
  ]);
  t.true(kept(result).includes('proxy-configured:high@/etc/apt/apt.conf.d/02proxy'));
  t.true(kept(result).includes('plain-http:low@/etc/apt/sources.list.d/b.example.list'));
  t.true(kept(result).includes('new-host:medium@/etc/apt/sources.list.d/a.corp.example.list'));
});

test('a path-only ignore takes every rule on that path, and a host ignore needs every host to match', (t) => {
  const mixed = source('a.corp.example', { path: '/etc/apt/sources.list.d/mixed.list', uris: ['http://a.corp.example/debian', 'http://evil.example/debian'] });
  const result = judged([proxy, mixed], 'ignore:\n  - { path: "/etc/apt/apt.conf.d/*", reason: conf }\n  - { host: "*.corp.example", reason: ours }\n');
  t.deepEqual(dropped(result), ['proxy-configured@/etc/apt/apt.conf.d/01proxy: conf']);
  t.true(kept(result).some((rule) => rule.startsWith('plain-http') && rule.endsWith('mixed.list')));
});

test('a severity override moves the rule and keeps each finding its distance from the default', (t) => {
  const scoped = key('bb', { scope: 'scoped', path: '/usr/share/keyrings/bb.gpg' });
  const result = judged([key('aa'), scoped, https('x.example')], 'severity:\n  key-added: medium\n  new-host: critical\n');
  t.deepEqual(kept(result), [
    'key-added:low@/usr/share/keyrings/bb.gpg',
    'key-added:medium@/etc/apt/trusted.gpg.d/aa.gpg',
    'new-host:critical@/etc/apt/sources.list.d/x.example.list',
  ]);
});

test('the policy applies to a scan too, and never changes the result it was given', (t) => {
  const scan = scanInventory(inventory([[https('deb.example'), https('x.example')]]));
  const judgedScan = applyPolicy(scan, parsePolicy('allow:\n  hosts: [deb.example]\n', 'p'));
  t.deepEqual(judgedScan.entries.map((entry) => entry.findings.map((finding) => finding.rule)), [[], ['host-not-allowed']]);
  t.deepEqual(scan.entries.map((entry) => entry.findings.length), [0, 0]);
});

test('transient sources are judged against the allow list as well', (t) => {
  const passing = https('t.example');
  const diff = diffInventories(inventory([[base]]), inventory([[base], [base, passing], [base]]));
  const result = applyPolicy(diff, parsePolicy('allow:\n  hosts: [deb.example]\n', 'p'));
  t.deepEqual(result.transient[0]?.findings.map((finding) => finding.rule).sort(), ['host-not-allowed', 'transient-source']);
});
