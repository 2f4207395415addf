import test, { type ExecutionContext } from 'ava';

import { parseDeb822File } from '../../../src/managers/apt/deb822.js';
import { DEBIAN_12_SOURCES } from './fixtures.js';

interface Expected {
  enabled?: boolean;
  types?: string[];
  uris?: string[];
  suites?: string[];
  components?: string[];
  entry?: number;
  options?: Record<string, string>;
  ignored?: Record<string, string>;
}

const DEBIAN = DEBIAN_12_SOURCES;

const parses = test.macro({
  exec(t: ExecutionContext, text: string, expected: Expected[], arch?: string) {
    const parsed = parseDeb822File(text, arch);
    t.is(parsed.problem, null);
    t.is(parsed.entries.length, expected.length);
    for (const [index, want] of expected.entries()) {
      const entry = parsed.entries[index];
      if (entry === undefined) continue;
      const { enabled, types, uris, suites, components } = entry;
      const got = { enabled, types, uris, suites, components, entry: entry.entry };
      t.like({ ...got, options: Object.fromEntries(entry.options), ignored: Object.fromEntries(entry.ignored) }, want);
    }
  },
  title: (name = '') => `parses ${name}`,
});

test('the Debian 12 image file', parses, DEBIAN, [
  {
    types: ['deb'],
    uris: ['http://deb.debian.org/debian/'],
    suites: ['bookworm', 'bookworm-updates'],
    components: ['main'],
    options: { 'signed-by': '/usr/share/keyrings/debian-archive-keyring.gpg' },
  },
  { uris: ['http://deb.debian.org/debian-security/'], suites: ['bookworm-security'], entry: 2 },
]);
test('several types and URIs in one stanza', parses, 'Types: deb deb-src\nURIs: http://a.example/ https://b.example/x\nSuites: s\nComponents: c d\n', [
  { types: ['deb', 'deb-src'], uris: ['http://a.example/', 'https://b.example/x/'], components: ['c', 'd'] },
]);
test('Enabled: no disables, garbage does not', parses, 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nEnabled: no\n\nTypes: deb\nURIs: http://b.example/\nSuites: s\nComponents: c\nEnabled: nope\n', [
  { enabled: false },
  { enabled: true },
]);
test('a disabled stanza needs no URIs', parses, 'Types: deb\nEnabled: false\n', [{ enabled: false, uris: [] }]);
test('option fields mapped to one-line keys', parses, 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nArchitectures: amd64  arm64\nArchitectures-Add: i386\nLanguages-Remove: de\nTrusted: yes\nCheck-Valid-Until: no\nPDiffs: no\nSnapshot: 20240101T000000Z\n', [
  {
    options: {
      arch: 'amd64,arm64',
      'arch+': 'i386',
      'lang-': 'de',
      trusted: 'yes',
      'check-valid-until': 'no',
      pdiffs: 'no',
      snapshot: '20240101T000000Z',
    },
  },
]);
test('Allow-* fields are kept apart: apt ignores them here', parses, 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nAllow-Insecure: yes\nAllow-Weak: yes\nAllow-Downgrade-To-Insecure: yes\nInRelease-Path: x\nX-Repolib-Name: y\n', [
  { options: {}, ignored: { 'allow-insecure': 'yes', 'allow-weak': 'yes', 'allow-downgrade-to-insecure': 'yes', 'inrelease-path': 'x' } },
]);
test('%-escapes are not decoded', parses, 'Types: deb\nURIs: http://a%2eexample/\nSuites: s\nComponents: c\n', [{ uris: ['http://a%2eexample/'] }]);
test('$(ARCH) in every suite when asked', parses, 'Types: deb\nURIs: http://a.example/\nSuites: $(ARCH) x-$(ARCH)\nComponents: c\n', [
  { suites: ['amd64', 'x-amd64'] },
], 'amd64');
test('an empty Types field yields nothing', parses, 'Types:\nURIs: http://a.example/\nSuites: s\nComponents: c\n', []);
test('stanza numbers count only stanzas with fields', parses, '# only a comment\n\nTypes: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\n', [{ entry: 1 }]);

test('an inline Signed-By key is normalised as apt does', (t) => {
  const text = 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n QUJD\n -----END PGP PUBLIC KEY BLOCK-----\n';
  const [entry] = parseDeb822File(text).entries;
  t.is(entry?.inlineKey, '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nQUJD\n-----END PGP PUBLIC KEY BLOCK-----');
});

const refuses = test.macro({
  exec(t: ExecutionContext, text: string, message: RegExp) {
    const parsed = parseDeb822File(text);
    t.deepEqual(parsed.entries, []);
    t.regex(parsed.problem?.message ?? '', message);
  },
  title: (name = '') => `refuses ${name}`,
});

test('a stanza without Types', refuses, 'URIs: http://a.example/\nSuites: s\nComponents: c\n', /\(type\)/);
test('an unknown type, even when disabled', refuses, 'Types: deb rpm\nEnabled: no\n', /Type 'rpm' is not known on stanza 1/);
test('no URIs', refuses, 'Types: deb\nSuites: s\nComponents: c\n', /\(URI\)/);
test('no Suites', refuses, 'Types: deb\nURIs: http://a.example/\nComponents: c\n', /\(Suite\)/);
test('no Components', refuses, 'Types: deb\nURIs: http://a.example/\nSuites: s\n', /\(Component\)/);
test('Components with an exact path', refuses, 'Types: deb\nURIs: http://a.example/\nSuites: ./\nComponents: c\n', /absolute Suite Component/);
test('a URI without a colon', refuses, 'Types: deb\nURIs: a.example\nSuites: s\nComponents: c\n', /URI parse/);
test('an indented # in URIs', refuses, 'Types: deb\nURIs: http://a.example/\n # http://b.example/\nSuites: s\nComponents: c\n', /URI parse/);
test('a good stanza then a bad one', refuses, `${DEBIAN}\nTypes: deb\n`, /Malformed entry 3/);
test('a last line without a colon', refuses, `${DEBIAN}garbage\n`, /Unable to parse/);
