import test from 'ava';

import { parseDeb822File } from '../../../src/managers/apt/deb822.js';
import type { SourceEntry } from '../../../src/managers/apt/entry.js';
import { parseOneLineFile } from '../../../src/managers/apt/one-line.js';
import { buildSource } from '../../../src/managers/apt/source-item.js';
import { rootFromFiles } from '../../helpers/root.js';
import { generateKeys } from '../keys/gpg.js';

const key = generateKeys([{ userId: 'Inline Repo <inline@example.org>', algorithm: 'ed25519' }]);
const root = rootFromFiles({ '/etc/apt/mirrors.txt': 'http://m1.example/\nhttps://u:p@m2.example/\n' });

function oneLine(text: string): SourceEntry {
  const [entry] = parseOneLineFile(text).entries;
  if (entry === undefined) throw new Error(`no entry in ${text}`);
  return entry;
}

function stanza(text: string): SourceEntry {
  const [entry] = parseDeb822File(text).entries;
  if (entry === undefined) throw new Error(`no entry in ${text}`);
  return entry;
}

test('a one-line source: redacted URIs, content-based id, path-scoped match keys', (t) => {
  const { source, keyPaths } = buildSource(root, '/etc/apt/sources.list', oneLine('deb [arch=amd64 signed-by=/k.gpg] https://u:p@a.example/debian bookworm main\n'));
  t.is(source.id, 'deb https://***@a.example/debian/ bookworm');
  t.deepEqual(source.uris, ['https://***@a.example/debian/']);
  t.deepEqual(source.matchKeys, [
    'apt|/etc/apt/sources.list|deb|https://***@a.example/debian/|bookworm',
    'apt|/etc/apt/sources.list|deb|bookworm',
    'apt|/etc/apt/sources.list|deb|https://***@a.example/debian/',
  ]);
  t.deepEqual(source.fields, {
    format: 'one-line',
    types: ['deb'],
    uris: ['https://***@a.example/debian/'],
    suites: ['bookworm'],
    components: ['main'],
    options: { arch: ['amd64'], 'signed-by': ['/k.gpg'] },
  });
  t.deepEqual(source.signedBy, ['/k.gpg']);
  t.deepEqual(keyPaths, ['/k.gpg']);
  t.true(source.enabled);
  t.deepEqual(source.risks.map((risk) => risk.rule), ['credentials-in-uri']);
});

test('the id does not depend on the line', (t) => {
  const first = buildSource(root, '/x.list', oneLine('deb http://a.example/ s c\n')).source;
  const moved = buildSource(root, '/x.list', oneLine('\n\n# moved\ndeb http://a.example/ s c\n')).source;
  t.deepEqual([first.id, first.matchKeys, first.fields], [moved.id, moved.matchKeys, moved.fields]);
});

test('a deb822 stanza with several values', (t) => {
  const { source } = buildSource(root, '/etc/apt/sources.list.d/a.sources', stanza('Types: deb deb-src\nURIs: http://a.example/ http://b.example/\nSuites: s t\nComponents: c\nX-Repolib-Name: n\nAllow-Weak: yes\n'));
  t.is(source.id, 'deb,deb-src http://a.example/,http://b.example/ s,t');
  t.deepEqual(source.fields.ignoredOptions, { 'allow-weak': 'yes' });
  t.is(source.signedBy, null);
});

test('mirror+file lists add their URIs', (t) => {
  const { source, problems } = buildSource(root, '/etc/apt/sources.list', oneLine('deb mirror+file:/etc/apt/mirrors.txt s c\n'));
  t.deepEqual(source.uris, ['mirror+file:/etc/apt/mirrors.txt/', 'http://m1.example/', 'https://***@m2.example/']);
  t.deepEqual(source.fields.mirrorLists, { '/etc/apt/mirrors.txt': ['http://m1.example/', 'https://***@m2.example/'] });
  t.deepEqual(problems, []);
});

test('a missing mirror list is a problem', (t) => {
  const { problems } = buildSource(root, '/etc/apt/sources.list', oneLine('deb mirror+file:/nope.txt s c\n'));
  t.deepEqual(problems, [{ manager: 'apt', path: '/etc/apt/sources.list', line: 1, message: 'mirror list /nope.txt not found' }]);
});

test('an inline Signed-By key is fingerprinted and kept as a scoped key', (t) => {
  const indented = key.armored.trimEnd().split('\n').map((line) => (line === '' ? ' .' : ` ${line}`)).join('\n');
  const text = `Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nSigned-By:\n${indented}\n`;
  const built = buildSource(root, '/etc/apt/sources.list.d/x.sources', stanza(text));
  t.deepEqual(built.source.signedBy, key.fingerprints);
  t.deepEqual(built.source.fields.options, { 'signed-by': key.fingerprints });
  t.like(built.source.fields.inlineKey, { fingerprints: key.fingerprints, userIds: key.userIds });
  t.deepEqual(built.keyPaths, []);
  t.like(built.inlineKey, { scope: 'scoped', path: '/etc/apt/sources.list.d/x.sources', fingerprints: key.fingerprints });
});

test('an unreadable inline key is named by its hash', (t) => {
  const text = 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n !!!!\n -----END PGP PUBLIC KEY BLOCK-----\n';
  const built = buildSource(root, '/x.sources', stanza(text));
  t.regex(built.source.signedBy?.[0] ?? '', /^inline:sha256:[0-9a-f]{64}$/);
  t.deepEqual(built.inlineKey?.fingerprints, []);
});
