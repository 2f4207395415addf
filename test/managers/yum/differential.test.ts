import test, { type ExecutionContext } from 'ava';

import type { Source } from '../../../src/managers/types.js';
import { redactUri } from '../../../src/managers/uri.js';
import { yum } from '../../../src/managers/yum/index.js';
import { type FakeEntry, rootFromFiles } from '../../helpers/root.js';
import { type LibdnfRepo, libdnfView } from './libdnf.js';

/**
 * The parser against libdnf itself (python3-dnf 4.14 / libdnf 0.69 on Debian 12): the same tree
 * must give the same repos, in the same order, with the same effective values, and libdnf must
 * skip exactly the files the parser refuses. The corpus avoids what libdnf 0.69 lacks and the
 * parser follows from newer libdnf: `${a:-b}`, `${a:+b}` and `\` escapes.
 */

const compared = [
  'id',
  'file',
  'name',
  'baseurl',
  'mirrorlist',
  'metalink',
  'enabled',
  'gpgcheck',
] as const;
const alsoCompared = ['repo_gpgcheck', 'sslverify', 'gpgkey', 'proxy', 'priority'] as const;

function ours(source: Source): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of [...compared, ...alsoCompared]) row[key] = source.fields[key];
  return row;
}

function theirs(repo: LibdnfRepo): Record<string, unknown> {
  const urls = (values: string[]): string[] => values.map(redactUri);
  return {
    ...repo,
    baseurl: urls(repo.baseurl),
    gpgkey: urls(repo.gpgkey),
    mirrorlist: repo.mirrorlist === null ? null : redactUri(repo.mirrorlist),
    metalink: repo.metalink === null ? null : redactUri(repo.metalink),
    proxy: repo.proxy === null ? null : redactUri(repo.proxy),
  };
}

const sameAsLibdnf = test.macro({
  exec(t: ExecutionContext, files: Record<string, FakeEntry>) {
    const libdnf = libdnfView(files);
    const state = yum.read(rootFromFiles(files), { env: {} });
    t.log(libdnf.warnings.filter((warning) => !warning.includes('missing name')).join('\n'));

    t.deepEqual(state.sources.map(ours), libdnf.repos.map(theirs));
    const skipped = libdnf.warnings.flatMap(
      (warning) => /failed loading '([^']+)'/.exec(warning)?.[1] ?? [],
    );
    const refused = state.problems.filter((problem) =>
      problem.message.includes('refuses the whole file'),
    );
    t.deepEqual([...new Set(refused.map((problem) => problem.path))].sort(), skipped.sort());
    t.true(state.sources.length > 0, 'every case defines at least one repo');
  },
  title: (name = '') => `same as libdnf: ${name}`,
});

const MAIN = '/etc/dnf/dnf.conf';
const REPOS = '/etc/yum.repos.d';

test('one plain repo', sameAsLibdnf, {
  [MAIN]: '[main]\ngpgcheck=1\n',
  [`${REPOS}/fedora.repo`]:
    '[fedora]\nname=Fedora $releasever - $basearch\n' +
    '#baseurl=http://download.example/pub/fedora/linux/releases/$releasever/Everything/$basearch/os/\n' +
    'metalink=https://mirrors.fedoraproject.org/metalink?repo=fedora-$releasever&arch=$basearch\n' +
    'enabled=1\ncountme=1\nrepo_gpgcheck=0\ntype=rpm\ngpgcheck=1\n' +
    'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-fedora-$releasever-$basearch\nskip_if_unavailable=False\n',
});

test('duplicate ids: the first file in dnf order wins', sameAsLibdnf, {
  [`${REPOS}/a-b.repo`]: '[dup]\nbaseurl=http://second.example/\n',
  [`${REPOS}/a.repo`]:
    '[dup]\nbaseurl=http://first.example/\n[only-a]\nbaseurl=http://a.example/\n',
  [`${REPOS}/00-evil.repo`]: '[baseos]\nbaseurl=http://evil.example/\n',
  [`${REPOS}/rocky.repo`]: '[baseos]\nbaseurl=http://dl.rockylinux.org/\n',
});

test('repo dirs sort together by path components', sameAsLibdnf, {
  [`${REPOS}/z.repo`]: '[x]\nbaseurl=http://yum-repos-d.example/\n',
  '/etc/yum/repos.d/z.repo':
    '[x]\nbaseurl=http://yum-slash-repos-d.example/\n[y]\nbaseurl=http://y.example/\n',
  '/etc/distro.repos.d/z.repo': '[y]\nbaseurl=http://distro.example/\n',
});

test('continuation lines and list separators', sameAsLibdnf, {
  [`${REPOS}/multi.repo`]:
    '[multi]\nbaseurl=http://a.example/ ,, http://b.example/,http://c.example/\n' +
    '  http://d.example/\n   \n\thttp://e.example/\n' +
    'gpgkey=file:///k1, file:///k2\n  https://keys.example/k3\n' +
    '[empty-first]\nbaseurl=\n  http://f.example/\n' +
    '[mirror]\nmirrorlist=http://m1.example/\n  http://m2.example/\n',
});

test('comments end a value; indented comments continue it', sameAsLibdnf, {
  [`${REPOS}/comments.repo`]:
    '# header\n; also a comment\n[c]\nbaseurl=http://a.example/\n  # not a comment\n' +
    'gpgcheck=1 # inline is part of the value\nenabled=1\n;enabled=0\n#gpgcheck=0\n',
});

test('[main] gives defaults that repos inherit', sameAsLibdnf, {
  [MAIN]:
    '[main]\ngpgcheck=1\nsslverify=0\nenabled=0\nproxy=http://proxy.example:3128\npriority=5\n',
  [`${REPOS}/inherit.repo`]:
    '[inherits]\nbaseurl=http://a.example/\n' +
    '[overrides]\nbaseurl=http://b.example/\ngpgcheck=0\nsslverify=1\nenabled=1\nproxy=_none_\n' +
    '[empty-proxy]\nbaseurl=http://c.example/\nproxy=\nenabled=yes\n',
});

test('repo sections of dnf.conf come first', sameAsLibdnf, {
  [MAIN]:
    '[main]\ngpgcheck=0\n[inmain]\nbaseurl=http://main.example/\n[shadowed]\nbaseurl=http://main.example/s\n',
  [`${REPOS}/a.repo`]:
    '[shadowed]\nbaseurl=http://file.example/\n[main]\nbaseurl=http://ignored.example/\n',
});

test('reposdir in [main] replaces the default dirs', sameAsLibdnf, {
  [MAIN]: '[main]\nreposdir = /etc/myrepos, /nonexistent\n',
  '/etc/myrepos/mine.repo': '[mine]\nbaseurl=http://mine.example/\n',
  [`${REPOS}/ignored.repo`]: '[ignored]\nbaseurl=http://ignored.example/\n',
});

test('variables from var files', sameAsLibdnf, {
  '/etc/yum/vars/contentdir': 'yum-value\n',
  '/etc/dnf/vars/contentdir': 'pub/rocky\nsecond line ignored\n',
  '/etc/dnf/vars/releasever': '9.4',
  '/etc/dnf/vars/empty': '',
  '/etc/dnf/vars/stream': '9-stream\n',
  [`${REPOS}/vars.repo`]:
    '[appstream-$stream]\nname=AppStream $releasever\n' +
    'baseurl=https://mirror.example/$contentdir/$releasever/AppStream/$basearch/os/\n' +
    '  https://mirror.example/${contentdir}/x$empty/$contentdir_suffix/$undefined/${stream}\n' +
    'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-$releasever\n',
});

test('var files can name a dir with varsdir', sameAsLibdnf, {
  [MAIN]: '[main]\nvarsdir=/etc/custom-vars\n',
  '/etc/custom-vars/host': 'custom.example',
  '/etc/dnf/vars/host': 'default.example',
  [`${REPOS}/v.repo`]: '[v]\nbaseurl=http://$host/repo\n',
});

test('only *.repo files without a leading dot are read', sameAsLibdnf, {
  [`${REPOS}/real.repo`]: '[real]\nbaseurl=http://real.example/\n',
  [`${REPOS}/real.repo.bak`]: '[bak]\nbaseurl=http://bak.example/\n',
  [`${REPOS}/real.repos`]: '[repos]\nbaseurl=http://repos.example/\n',
  [`${REPOS}/.hidden.repo`]: '[hidden]\nbaseurl=http://hidden.example/\n',
  [`${REPOS}/disabled.repo.disabled`]: '[off]\nbaseurl=http://off.example/\n',
});

test('disabled repos stay defined', sameAsLibdnf, {
  [`${REPOS}/off.repo`]:
    '[zero]\nbaseurl=http://a.example/\nenabled=0\n[no]\nbaseurl=http://b.example/\nenabled=No\n' +
    '[false]\nbaseurl=http://c.example/\nenabled=FALSE\n[off]\nbaseurl=http://d.example/\nenabled=off\n',
});

test('malformed files are skipped whole', sameAsLibdnf, {
  [`${REPOS}/good.repo`]: '[good]\nbaseurl=http://good.example/\n',
  [`${REPOS}/colon.repo`]: '[colon]\nbaseurl: http://colon.example/\n',
  [`${REPOS}/no-equals.repo`]: '[a]\nbaseurl=http://a.example/\ngarbage\n',
  [`${REPOS}/text-after.repo`]: '[b] xy\nbaseurl=http://b.example/\n',
  [`${REPOS}/bracket.repo`]: '[c\nbaseurl=http://c.example/\n',
  [`${REPOS}/before.repo`]: 'baseurl=http://d.example/\n[d]\n',
  [`${REPOS}/indent.repo`]: '[e]\n  baseurl=http://e.example/\n',
  [`${REPOS}/after-comment.repo`]:
    '[f]\nbaseurl=http://f.example/\n# comment\n  http://g.example/\n',
  [`${REPOS}/empty-name.repo`]: '[]\nbaseurl=http://h.example/\n',
  [`${REPOS}/no-key.repo`]: '[i]\n=http://i.example/\n',
});

test('invalid values are ignored, the rest of the repo stays', sameAsLibdnf, {
  [MAIN]: '[main]\ngpgcheck=1\n',
  [`${REPOS}/values.repo`]:
    '[v]\nbaseurl=http://v.example/\ngpgcheck=maybe\nenabled=\nsslverify=None\npriority=abc\n' +
    '[w]\nbaseurl=http://w.example/\npriority=5x\ngpgcheck=On\nrepo_gpgcheck=1 # inline\n',
});

test('quotes, None, CRLF and a BOM', sameAsLibdnf, {
  [`${REPOS}/quotes.repo`]:
    '\uFEFF[q]\r\nname="Quoted name"\r\nbaseurl="http://q.example/"\r\nmirrorlist=None\r\n' +
    "gpgkey='file:///k'\r\nproxy=\"http://mismatched.example/'\r\n",
  [`${REPOS}/spaces.repo`]: '[s]\nbaseurl   =    http://s.example/   \nenabled\t=\t1\t\n',
});

test('bad repo ids are skipped', sameAsLibdnf, {
  [`${REPOS}/ids.repo`]:
    '[good.id-1:x_y]\nbaseurl=http://a.example/\n[bad id]\nbaseurl=http://b.example/\n' +
    '[$undefined]\nbaseurl=http://c.example/\n[ok]\nbaseurl=http://d.example/\n',
});

test('sections merge and the last key wins', sameAsLibdnf, {
  [`${REPOS}/merge.repo`]:
    '[m]\nbaseurl=http://first.example/\nenabled=0\n[other]\nbaseurl=http://o.example/\n' +
    '[m]\nbaseurl=http://last.example/\nname=merged\n',
});

test('section header quirks', sameAsLibdnf, {
  [`${REPOS}/headers.repo`]:
    '  [indented]\nbaseurl=http://a.example/\n[trailing] # comment\nbaseurl=http://b.example/\n' +
    '[one-char]x\nbaseurl=http://c.example/\n[semi];c\nbaseurl=http://d.example/\n',
});

test('credentials stay out of the report', sameAsLibdnf, {
  [`${REPOS}/creds.repo`]:
    '[private]\nbaseurl=https://user:s3cret@private.example/repo\nusername=bob\npassword=hunter2\n' +
    'proxy=http://proxyuser:pw@proxy.example:8080\n',
});

test('ids are compared after substitution', sameAsLibdnf, {
  '/etc/dnf/vars/flavour': 'val',
  [`${REPOS}/a.repo`]: '[repo-$flavour]\nbaseurl=http://a.example/\n',
  [`${REPOS}/b.repo`]:
    '[repo-val]\nbaseurl=http://b.example/\n[repo-${flavour}x]\nbaseurl=http://c.example/\n',
});

test('absolute paths become file:// baseurls only', sameAsLibdnf, {
  '/etc/dnf/vars/path': '/srv',
  [`${REPOS}/local.repo`]:
    '[local]\nbaseurl=$path/repo\n  /abs relative/path\ngpgkey=/etc/pki/rpm-gpg/k\n' +
    'mirrorlist=/m\ngpgcheck=0\n',
});
