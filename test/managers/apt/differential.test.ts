import test, { type ExecutionContext } from 'ava';

import { readSourceFiles } from '../../../src/managers/apt/source-files.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';
import { aptView, hostArchitecture, requireAptGet } from './apt-cli.js';
import { STOCK_DEFAULTS } from './fixtures.js';

/**
 * The parser against the real apt-get (apt 2.6 on Debian 12): the same files, written into a
 * re-rooted apt, must give the same index targets (type, URI, suite, component, file:entry),
 * and apt must refuse exactly the corpora where the parser reports a problem.
 */

requireAptGet();
const arch = hostArchitecture();
const NO_DEFAULTS = STOCK_DEFAULTS;

function parserView(files: Record<string, FakeEntry>): { rows: string[]; problems: string[] } {
  const root = rootFromFiles(Object.fromEntries(Object.entries(files).map(([path, entry]) => [`/etc/apt/${path}`, entry])));
  const paths = { sourceList: '/etc/apt/sources.list', sourceParts: '/etc/apt/sources.list.d/' };
  const read = readSourceFiles(root, paths, { defaults: NO_DEFAULTS, arch });
  const rows = new Set<string>();
  for (const file of read.files) {
    const relative = file.path.replace('/etc/apt/', '');
    for (const entry of file.entries.filter((candidate) => candidate.enabled)) {
      for (const type of entry.types)
        for (const uri of entry.uris)
          for (const suite of entry.suites)
            for (const component of entry.components.length > 0 ? entry.components : [''])
              rows.add([type, uri, suite, component, `${relative}:${entry.entry}`].join('\t'));
    }
  }
  return { rows: [...rows].sort(), problems: read.problems.map((problem) => `${problem.path}:${problem.line}: ${problem.message}`) };
}

type Verdict = 'accepted' | 'refused';

const sameAsApt = test.macro({
  exec(t: ExecutionContext, verdict: Verdict, files: Record<string, FakeEntry>) {
    const apt = aptView(files);
    const ours = parserView(files);
    t.log(apt.stderr.trim());
    t.is(apt.refused ? 'refused' : 'accepted', verdict, 'apt-get itself behaves as this case expects');
    if (apt.refused) {
      t.true(ours.problems.length > 0, 'apt refused these files, the parser must report a problem');
      // apt then stops altogether; the parser drops only the refused file, as the manager reports.
      const refused = ours.problems.map((problem) => problem.slice('/etc/apt/'.length, problem.indexOf(':')));
      t.deepEqual(ours.rows.filter((row) => refused.some((file) => row.includes(`\t${file}:`))), []);
      return;
    }
    t.deepEqual(ours.problems, [], 'apt accepted these files, the parser must not report a problem');
    t.true(apt.rows.length > 0, 'an accepted case gives apt something to fetch');
    t.deepEqual(ours.rows, apt.rows);
  },
  title: (name = '') => `same as apt-get: ${name}`,
});

const sourcesList = (text: string): Record<string, FakeEntry> => ({ 'sources.list': text });
const sourcesFile = (text: string): Record<string, FakeEntry> => ({ 'sources.list.d/test.sources': text });

// One-line format.
test('one-line basics', sameAsApt, 'accepted', sourcesList('deb http://deb.debian.org/debian bookworm main contrib\ndeb-src http://deb.debian.org/debian bookworm main\n'));
test('comments and blank lines', sameAsApt, 'accepted', sourcesList('# header\n\n   \ndeb http://a.example/debian stable main # trailing\n#deb http://b.example/ x y\n'));
test('%-escapes in words', sameAsApt, 'accepted', sourcesList('deb http://evil%2eexample/deb%69an sta%62le ma%69n\n'));
test('credentials in the URI', sameAsApt, 'accepted', sourcesList('deb http://user:pa%40ss@repo.example/debian stable main\n'));
test('options with and without spaces', sameAsApt, 'accepted', sourcesList('deb [arch=amd64] http://a.example/ s c\ndeb [ arch=amd64 trusted=yes ] http://b.example/ s c\ndeb [arch+=i386 signed-by=/k.gpg] http://c.example/ s c\n'));
test('empty option brackets', sameAsApt, 'accepted', sourcesList('deb [] http://a.example/ s c\n'));
test('# inside options is not a comment', sameAsApt, 'accepted', sourcesList('deb [signed-by=/etc/apt/k#1.gpg] http://a.example/ s c # real comment\n'));
test('# in the middle of a URI cuts the line', sameAsApt, 'refused', sourcesList('deb http://a.example/x s c\ndeb http://b.example/p#q s c\n'));
test('quoted words keep blanks', sameAsApt, 'accepted', sourcesList('deb "http://a.example/with space/" stable main\n'));
test('cdrom label in brackets', sameAsApt, 'accepted', sourcesList('deb cdrom:[Debian GNU/Linux 12.5.0 _Bookworm_ - Official amd64 DVD Binary-1]/ bookworm contrib main\n'));
test('exact-path suites', sameAsApt, 'accepted', sourcesList('deb http://a.example/repo ./\ndeb http://b.example/ dists/$(ARCH)/\n'));
test('$(ARCH) in the URI', sameAsApt, 'accepted', sourcesList('deb http://a.example/$(ARCH)/ stable main\n'));
test('tabs and CRLF', sameAsApt, 'accepted', sourcesList('deb\thttp://a.example/\tstable\tmain\r\ndeb-src http://a.example/ stable main\r\n'));
test('unclosed quote ends the components', sameAsApt, 'accepted', sourcesList('deb http://a.example/ stable main "contrib\n'));
test('URI canonical forms', sameAsApt, 'accepted', sourcesList('deb file:///srv/repo stable main\ndeb HTTP://Host.Example:80/x s c\ndeb http://[::1]:8080/d s c\ndeb mirror+file:/etc/apt/mirrors.txt s c\n'));
test('unknown option keys are ignored', sameAsApt, 'accepted', sourcesList('deb [Trusted=yes foo=bar] http://a.example/ s c\n'));

// One-line errors: apt refuses the file.
test('missing component', sameAsApt, 'refused', sourcesList('deb http://a.example/ stable\n'));
test('type only', sameAsApt, 'refused', sourcesList('deb\n'));
test('unknown type', sameAsApt, 'refused', sourcesList('rpm http://a.example/ stable main\n'));
test('component after an exact path', sameAsApt, 'refused', sourcesList('deb http://a.example/ ./ main\n'));
test('URI without a colon', sameAsApt, 'refused', sourcesList('deb a.example/debian stable main\n'));
test('option without =', sameAsApt, 'refused', sourcesList('deb [trusted] http://a.example/ s c\n'));
test('option without value', sameAsApt, 'refused', sourcesList('deb [arch=] http://a.example/ s c\n'));
test('option glued to the URI', sameAsApt, 'refused', sourcesList('deb [arch=amd64]http://a.example/ s c\n'));
test('relative Signed-By', sameAsApt, 'refused', sourcesList('deb [signed-by=keys/k.gpg] http://a.example/ s c\n'));
test('fingerprint Signed-By', sameAsApt, 'accepted', sourcesList('deb [signed-by=0123456789abcdef0123456789ABCDEF01234567!] http://a.example/ s c\n'));
test('an error after good lines refuses the file', sameAsApt, 'refused', sourcesList('deb http://a.example/ s c\ndeb http://b.example/ s\n'));

// deb822.
const STANZA = 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n';
test('deb822 basics', sameAsApt, 'accepted', sourcesFile(`${STANZA}\nTypes: deb deb-src\nURIs: http://a.example/ http://b.example/\nSuites: s\nComponents: c d\n`));
test('comment lines inside a stanza', sameAsApt, 'accepted', sourcesFile('Types: deb\n# http://snapshot.debian.org/archive/debian/20240211T000000Z\nURIs: http://deb.debian.org/debian\n#\nSuites: bookworm\nComponents: main\n'));
test('a comment line does not split stanzas', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: http://a.example/\n# x\nSuites: s\nComponents: c\n# y\n\n# z\nTypes: deb\nURIs: http://b.example/\nSuites: s\nComponents: c\n'));
test('indented # is a continuation, so a bogus URI', sameAsApt, 'refused', sourcesFile('Types: deb\nURIs: http://a.example/\n # http://b.example/\nSuites: s\nComponents: c\n'));
test('a blank-only line does not split stanzas', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: http://a.example/\n \nSuites: s\nComponents: c\n'));
test('Enabled values', sameAsApt, 'accepted', sourcesFile(`${STANZA}Enabled: no\n\nTypes: deb\nURIs: http://b.example/\nSuites: s\nComponents: c\nEnabled: nope\n\nTypes: deb\nEnabled: false\n`));
test('field names in any case and continuation lines', sameAsApt, 'accepted', sourcesFile('types: deb\nURIS: http://a.example/\n  http://b.example/\nsuites:\n s1\n s2\nCOMPONENTS: main\n'));
test('CRLF stanzas', sameAsApt, 'accepted', sourcesFile('Types: deb\r\nURIs: http://a.example/\r\nSuites: s\r\nComponents: c\r\n\r\nTypes: deb\r\nURIs: http://b.example/\r\nSuites: s\r\nComponents: c\r\n'));
test('exact-path suites in deb822', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: http://a.example/\nSuites: ./ $(ARCH)/\n'));
test('repeated field', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: http://a.example/\nURIs: http://b.example/\nSuites: s\nComponents: c\n'));
test('Allow-Insecure and unknown fields', sameAsApt, 'accepted', sourcesFile(`${STANZA}Allow-Insecure: yes\nX-Repolib-Name: test\nTrusted: yes\n`));
test('empty Types', sameAsApt, 'accepted', sourcesFile(`Types:\nURIs: http://a.example/\nSuites: s\nComponents: c\n\n${STANZA}`));
test('empty lines around stanzas', sameAsApt, 'accepted', sourcesFile(`\n\n\n${STANZA}\n\n\n\n${STANZA.replace('debian', 'other')}\n\n`));
test('%-escapes are not decoded in deb822', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: http://a%2eexample/\nSuites: s\nComponents: c\n'));

test('a disabled stanza may be incomplete', sameAsApt, 'accepted', sourcesFile(`${STANZA}\nTypes: deb-src\nEnabled: no\nComponents: c\n`));
test('an inline Signed-By key', sameAsApt, 'accepted', sourcesFile(`${STANZA}Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEZQ==\n -----END PGP PUBLIC KEY BLOCK-----\n`));
test('Signed-By paths and fingerprints in deb822', sameAsApt, 'accepted', sourcesFile(`${STANZA}Signed-By: /a.gpg\n  0123456789ABCDEF0123456789ABCDEF01234567\n`));
test('a mirror list URI', sameAsApt, 'accepted', sourcesFile('Types: deb\nURIs: mirror+file:/etc/apt/apt-mirrors.txt\nSuites: noble\nComponents: main\n'));

// deb822 errors.
test('a relative Signed-By in deb822', sameAsApt, 'refused', sourcesFile(`${STANZA}Signed-By: keys/a.gpg\n`));
test('missing Types', sameAsApt, 'refused', sourcesFile('URIs: http://a.example/\nSuites: s\nComponents: c\n'));
test('missing Components', sameAsApt, 'refused', sourcesFile('Types: deb\nURIs: http://a.example/\nSuites: s\n'));
test('Components with an exact path', sameAsApt, 'refused', sourcesFile('Types: deb\nURIs: http://a.example/\nSuites: ./\nComponents: c\n'));
test('missing URIs', sameAsApt, 'refused', sourcesFile('Types: deb\nSuites: s\nComponents: c\n'));
test('unknown type in deb822', sameAsApt, 'refused', sourcesFile(`${STANZA}\nTypes: rpm\nEnabled: no\n`));
test('a line without a colon', sameAsApt, 'refused', sourcesFile('Types: deb\nURIs: http://a.example/\ngarbage\nSuites: s\nComponents: c\n'));
test('a line without a colon at the end', sameAsApt, 'refused', sourcesFile('Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\ngarbage\n'));

// File names, symlinks and order.
test('file-name rules', sameAsApt, 'accepted', {
  'sources.list': 'deb http://main.example/ s c\n',
  'sources.list.d/b.list': 'deb http://b.example/ s c\n',
  'sources.list.d/a.sources': 'Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: c\n',
  'sources.list.d/c.list.save': 'deb http://save.example/ s c\n',
  'sources.list.d/d.list.disabled': 'deb http://disabled.example/ s c\n',
  'sources.list.d/.hidden.list': 'deb http://hidden.example/ s c\n',
  'sources.list.d/with space.list': 'deb http://space.example/ s c\n',
  'sources.list.d/at@sign.list': 'deb http://at.example/ s c\n',
  'sources.list.d/plus+sign.list': 'deb http://plus.example/ s c\n',
  'sources.list.d/tilde.list~': 'deb http://tilde.example/ s c\n',
  'sources.list.d/upper.LIST': 'deb http://upper.example/ s c\n',
  'sources.list.d/colon:ok_under-dash.list': 'deb http://colon.example/ s c\n',
  'sources.list.d/noext': 'deb http://noext.example/ s c\n',
  'sources.list.d/dir.list': { dir: true },
  'sources.list.d/f.list.dpkg-dist': 'deb http://dpkg.example/ s c\n',
  'sources.list.d/g.sources.bak': 'deb http://bak.example/ s c\n',
  'sources.list.d/Zed.list': 'deb http://zed.example/ s c\n',
});
test('symlinks are followed, dangling ones skipped', sameAsApt, 'accepted', {
  'sources.list.d/link.list': { symlink: '../real/repo.txt' },
  'real/repo.txt': 'deb http://linked.example/ s c\n',
  'sources.list.d/dangling.list': { symlink: '../missing.list' },
});
test('no sources.list at all', sameAsApt, 'accepted', { 'sources.list.d/only.list': 'deb http://only.example/ s c\n' });
test('a .sources file is deb822 even with one-line text', sameAsApt, 'refused', { 'sources.list.d/x.sources': 'deb http://a.example/ s c\n' });

// Checks across entries sharing one Release file.
test('conflicting trusted across files', sameAsApt, 'refused', {
  'sources.list': 'deb http://a.example/ s main\n',
  'sources.list.d/x.list': 'deb [trusted=yes] http://a.example/ s contrib\n',
});
test('consistent options across files', sameAsApt, 'accepted', {
  'sources.list': 'deb [trusted=yes] http://a.example/ s main\n',
  'sources.list.d/x.list': 'deb-src [trusted=yes] http://a.example/ s main\n',
});
test('Signed-By set after an unset entry', sameAsApt, 'accepted', {
  'sources.list': 'deb http://a.example/ s main\ndeb [signed-by=/k.gpg] http://a.example/ s contrib\n',
});
test('Signed-By unset after a set entry', sameAsApt, 'refused', {
  'sources.list': 'deb [signed-by=/k.gpg] http://a.example/ s main\ndeb http://a.example/ s contrib\n',
});
