import test, { type ExecutionContext } from 'ava';

import { parseOneLineFile } from '../../../src/managers/apt/one-line.js';

interface Expected {
  types?: string[];
  uris?: string[];
  suites?: string[];
  components?: string[];
  options?: Record<string, string>;
  ignored?: Record<string, string>;
}

const parses = test.macro({
  exec(t: ExecutionContext, text: string, expected: Expected[], arch?: string) {
    const parsed = parseOneLineFile(text, arch);
    t.is(parsed.problem, null);
    t.is(parsed.entries.length, expected.length);
    for (const [index, want] of expected.entries()) {
      const entry = parsed.entries[index];
      if (entry === undefined) continue;
      const got: Expected = {
        types: entry.types,
        uris: entry.uris,
        suites: entry.suites,
        components: entry.components,
        options: Object.fromEntries(entry.options),
        ignored: Object.fromEntries(entry.ignored),
      };
      t.like(got, want);
    }
  },
  title: (name = '') => `parses ${name}`,
});

test('a plain line', parses, 'deb http://deb.debian.org/debian bookworm main contrib\n', [
  { types: ['deb'], uris: ['http://deb.debian.org/debian/'], suites: ['bookworm'], components: ['main', 'contrib'] },
]);
test('deb-src and comments', parses, '# all commented\ndeb-src http://a.example/ s c # tail\n', [{ types: ['deb-src'] }]);
test('options, known and ignored', parses, 'deb [arch=amd64,arm64 signed-by=/k.gpg Trusted=yes] http://a.example/ s c\n', [
  { options: { arch: 'amd64,arm64', 'signed-by': '/k.gpg' }, ignored: { Trusted: 'yes' } },
]);
test('plus and minus options', parses, 'deb [ arch+=i386 lang-=de ] http://a.example/ s c\n', [
  { options: { 'arch+': 'i386', 'lang-': 'de' } },
]);
test('the last repeated option wins', parses, 'deb [trusted=no trusted=yes] http://a.example/ s c\n', [{ options: { trusted: 'yes' } }]);
test('a # inside the options', parses, 'deb [signed-by=/a#b.gpg] http://a.example/ s c\n', [{ options: { 'signed-by': '/a#b.gpg' } }]);
test('%-escapes in every word', parses, 'deb [arch=amd%36%34] http://evil%2eexample/ sta%62le ma%69n\n', [
  { uris: ['http://evil.example/'], suites: ['stable'], components: ['main'], options: { arch: 'amd64' } },
]);
test('an exact path', parses, 'deb http://a.example/ ./\n', [{ suites: ['./'], components: [] }]);
test('$(ARCH) left as written', parses, 'deb http://a.example/$(ARCH) dists/$(ARCH)/\n', [
  { uris: ['http://a.example/$(ARCH)/'], suites: ['dists/$(ARCH)/'] },
]);
test('$(ARCH) substituted when asked', parses, 'deb http://a.example/$(ARCH) dists/$(ARCH)/\ndeb http://b.example/ $(ARCH) c\n', [
  { uris: ['http://a.example/arm64/'], suites: ['dists/arm64/'] },
  { suites: ['$(ARCH)'] },
], 'arm64');
test('CRLF and tabs', parses, 'deb\thttp://a.example/\ts\tc\r\n', [{ suites: ['s'], components: ['c'] }]);
test('an unclosed quote ends the components', parses, 'deb http://a.example/ s main "contrib\n', [{ components: ['main'] }]);
test('an empty file', parses, '', []);
test('only comments', parses, '#deb http://a.example/ s c\n   # x\n', []);

const refuses = test.macro({
  exec(t: ExecutionContext, text: string, line: number, message: RegExp) {
    const parsed = parseOneLineFile(text);
    t.deepEqual(parsed.entries, []);
    t.is(parsed.problem?.line, line);
    t.regex(parsed.problem?.message ?? '', message);
  },
  title: (name = '') => `refuses ${name}`,
});

test('a type alone', refuses, 'deb\n', 1, /\(type\)/);
test('an unknown type', refuses, 'deb http://a.example/ s c\nrpm http://a.example/ s c\n', 2, /Type 'rpm' is not known/);
test('a type in capitals', refuses, 'DEB http://a.example/ s c\n', 1, /not known/);
test('a missing suite', refuses, 'deb http://a.example/\n', 1, /\(Suite\)/);
test('a missing component', refuses, 'deb http://a.example/ s\n', 1, /\(Component\)/);
test('a component after an exact path', refuses, 'deb http://a.example/ ./ main\n', 1, /absolute Suite Component/);
test('a URI without a colon', refuses, 'deb example.org s c\n', 1, /URI parse/);
test('an option without =', refuses, 'deb [trusted] http://a.example/ s c\n', 1, /not assignment/);
test('an option without a value', refuses, 'deb [trusted=] http://a.example/ s c\n', 1, /no value/);
test('an option without a key', refuses, 'deb [=yes] http://a.example/ s c\n', 1, /no key/);
test('a too short option', refuses, 'deb [a] http://a.example/ s c\n', 1, /too short/);
test('unclosed options', refuses, 'deb [arch=amd64 http://a.example/ s c\n', 1, /not assignment/);
test('options that never end', refuses, 'deb [arch=amd64\n', 1, /unparsable/);
test('an unclosed quote in the URI', refuses, 'deb "http://a.example/ s c\n', 1, /\(URI\)/);

test('line numbers are kept, and the entry locator is the line', (t) => {
  const parsed = parseOneLineFile('\n# c\ndeb http://a.example/ s c\n');
  t.deepEqual([parsed.entries[0]?.line, parsed.entries[0]?.entry], [3, 3]);
});
