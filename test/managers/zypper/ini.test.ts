import test from 'ava';

import { parseZyppIni } from '../../../src/managers/zypper/ini.js';

type Parsed = Record<string, Record<string, string | string[]>>;

function read(text: string, urlLists = true): Parsed | { failsAt: number } {
  const result = parseZyppIni(text, urlLists);
  if (!result.ok) return { failsAt: result.line };
  const sections: Parsed = {};
  for (const section of result.sections) {
    const entries: Record<string, string | string[]> = {};
    for (const [key, entry] of section.entries) entries[key] = entry.value;
    for (const [key, urls] of section.urls) entries[key] = urls;
    sections[section.name] = entries;
  }
  return sections;
}

const parses = test.macro({
  exec(t, text: string, expected: Parsed) {
    t.deepEqual(read(text), expected);
  },
  title: (name = '') => `parses: ${name}`,
});

const refuses = test.macro({
  exec(t, text: string, line: number, urlLists: boolean = true) {
    t.deepEqual(read(text, urlLists), { failsAt: line });
  },
  title: (name = '') => `refuses: ${name}`,
});

test('plain keys, blanks trimmed', parses, '[repo]\n  name = Main Repo  \nenabled=1\n', {
  repo: { name: 'Main Repo', enabled: '1' },
});
test('indented comments are comments', parses, '[r]\n  # c\n\t; c\nk=v\n', { r: { k: 'v' } });
test('no inline comments', parses, '[r]\nk=v # c\n', { r: { k: 'v # c' } });
test('the name ends at the last ]', parses, '[a] junk\n[b]c]\n', { a: {}, 'b]c': {} });
test('repeated keys: the last wins', parses, '[r]\nname=a\nname=b\n', { r: { name: 'b' } });
test('repeated sections merge', parses, '[r]\nname=a\n[s]\n[r]\nenabled=0\n', {
  r: { name: 'a', enabled: '0' },
  s: {},
});
test('keys before any section belong to an unnamed one', parses, 'k=v\n[r]\n', {
  '': { k: 'v' },
  r: {},
});
test('repeated baseurl lines accumulate', parses, '[r]\nbaseurl=http://a/\nbaseurl=http://b/\n', {
  r: { baseurl: ['http://a/', 'http://b/'] },
});
test(
  'URL lines after a URL key',
  parses,
  '[r]\nbaseurl=http://a/\n  http://b/ http://c/,http://d/\n\thttp://e/ , http://f/\n',
  {
    r: { baseurl: ['http://a/', 'http://b/', 'http://c/,http://d/', 'http://e/', 'http://f/'] },
  },
);
test(
  'a query string with a garbage character before = is a URL',
  parses,
  '[r]\nmirrorlist=http://m/\nhttp://n/?a=b\n',
  {
    r: { mirrorlist: ['http://m/', 'http://n/?a=b'] },
  },
);
test('a bare word with = is read as a key', parses, '[r]\ngpgkey=http://k/\nx=1\n', {
  r: { gpgkey: ['http://k/'], x: '1' },
});
test(
  'the URL state survives comments and headers',
  parses,
  '[a]\nbaseurl=http://a/\n# c\n[b]\nhttp://b/\n',
  {
    a: { baseurl: ['http://a/'] },
    b: { baseurl: ['http://b/'] },
  },
);
test('an unclosed header after a URL key is a URL', parses, '[r]\nmetalink=http://m/\n[oops\n', {
  r: { metalink: ['http://m/', '[oops'] },
});
test('an empty URL value adds nothing', parses, '[r]\nbaseurl=\n', { r: { baseurl: [] } });

test('garbage after a plain key', refuses, '[r]\nname=x\nhttp://a/\n', 3);
test('a key with garbage before =', refuses, '[r]\nna:me=x\n', 2);
test('an unclosed header', refuses, '[r\n', 1);
test('a UTF-8 BOM', refuses, '\uFEFF[r]\nname=x\n', 1);
test(
  'no URL lines in zypp.conf and service files',
  refuses,
  '[main]\nbaseurl=http://a/\nhttp://b/\n',
  3,
  false,
);
