import test, { type ExecutionContext } from 'ava';

import { fixupUri } from '../../../src/managers/apt/apt-uri.js';

// Each expectation was checked against apt-get 2.6 (differential.test.ts covers most of them live).
const canonical = test.macro({
  exec(t: ExecutionContext, input: string, expected: string | null, arch?: string) {
    t.is(fixupUri(input, arch), expected);
  },
  title: (_name, input: string, _expected: string | null, arch?: string) => `FixupURI ${JSON.stringify(input)}${arch === undefined ? '' : ` with arch ${arch}`}`,
});

test(canonical, 'http://deb.debian.org/debian', 'http://deb.debian.org/debian/');
test(canonical, 'https://example.org/', 'https://example.org/');
test(canonical, 'http://example.org', 'http://example.org/');
test(canonical, 'http://user:pa@ss@host/x', 'http://user:pa%40ss@host/x/');
test(canonical, 'http://us%65r:p%40ss@host/', 'http://user:p%40ss@host/');
test(canonical, 'http://user@host/', 'http://user@host/');
test(canonical, 'HTTP://Host.Example:80/x', 'HTTP://Host.Example:80/x/');
test(canonical, 'http://host:0/x', 'http://host/x/');
test(canonical, 'http://[::1]:8080/d', 'http://[::1]:8080/d/');
test(canonical, 'http://[fe80::1]/', 'http://[fe80::1]/');
test(canonical, 'file:///srv/repo', 'file:/srv/repo/');
test(canonical, 'file:/srv/repo', 'file:/srv/repo/');
test(canonical, 'cdrom:[Debian GNU/Linux 12]/', 'cdrom://[Debian GNU/Linux 12]/');
test(canonical, 'mirror+file:/etc/apt/mirrors.txt', 'mirror+file:/etc/apt/mirrors.txt/');
test(canonical, 'tor+https://onion.example/debian', 'tor+https://onion.example/debian/');
test(canonical, 'http://host/$(ARCH)/', 'http://host/amd64/', 'amd64');
test(canonical, 'http://host/$(ARCH)/', 'http://host/$(ARCH)/');
test(canonical, 'no-colon/path', null);
test(canonical, '', null);
