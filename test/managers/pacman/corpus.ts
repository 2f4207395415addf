/**
 * pacman.conf trees that exercise what pacman-conf and our parser must agree on. Every tree
 * is rooted at /etc/pacman.conf; Include paths are absolute image paths (the differential test
 * moves them under a temporary directory before it runs pacman-conf).
 */
export interface Tree {
  title: string;
  files: Record<string, string | Buffer | { dir: true }>;
}

const ARCH_MIRRORLIST = [
  '## Arch Linux repository mirrorlist',
  '#Server = https://mirror.example.org/archlinux/$repo/os/$arch',
  'Server = https://geo.mirror.pkgbuild.com/$repo/os/$arch',
  'Server = https://mirror.rackspace.com/archlinux/$repo/os/$arch',
  '',
].join('\n');

const OPTIONS = '[options]\nArchitecture = x86_64\nSigLevel = Required DatabaseOptional\n';

export const TREES: Tree[] = [
  {
    title: 'Arch default with a mirrorlist',
    files: {
      '/etc/pacman.conf': [
        '[options]',
        'HoldPkg     = pacman glibc',
        'Architecture = auto',
        'SigLevel    = Required DatabaseOptional',
        'LocalFileSigLevel = Optional',
        '#RemoteFileSigLevel = Required',
        '[core]',
        'Include = /etc/pacman.d/mirrorlist',
        '[extra]',
        'Include = /etc/pacman.d/mirrorlist',
        '#[multilib]',
        '#Include = /etc/pacman.d/mirrorlist',
        '',
      ].join('\n'),
      '/etc/pacman.d/mirrorlist': ARCH_MIRRORLIST,
    },
  },
  {
    title:
      'globbed include: sorted, hidden files and non-matches skipped, a matching directory is empty',
    files: {
      '/etc/pacman.conf': `${OPTIONS}Include = /etc/pacman.d/repos/*.conf\n[core]\nServer = http://core/$repo\n`,
      '/etc/pacman.d/repos/b.conf': '[bravo]\nServer = http://b/$repo/$arch\n',
      '/etc/pacman.d/repos/a.conf': '[alpha]\nServer = http://a/$repo\nSigLevel = Never\n',
      '/etc/pacman.d/repos/.hidden.conf': '[hidden]\nServer = http://hidden\n',
      '/etc/pacman.d/repos/c.txt': '[text]\nServer = http://text\n',
      '/etc/pacman.d/repos/dir.conf': { dir: true },
      '/etc/pacman.d/repos/B.conf': '[upper]\nServer = http://upper\n',
    },
  },
  {
    title: 'bracket, question mark and per-directory globs',
    files: {
      '/etc/pacman.conf': [
        OPTIONS,
        'Include = /etc/pacman.d/g/[ab]?.conf',
        'Include = /etc/pacman.d/g/[!ab]*.conf',
        'Include = /etc/pacman.d/*/mirror',
      ].join('\n'),
      '/etc/pacman.d/g/a1.conf': '[a1]\n',
      '/etc/pacman.d/g/b22.conf': '[b22]\n',
      '/etc/pacman.d/g/c3.conf': '[c3]\n',
      '/etc/pacman.d/g/.d.conf': '[dot]\n',
      '/etc/pacman.d/one/mirror': '[one]\nServer = http://one/$repo\n',
      '/etc/pacman.d/two/mirror': '[two]\nServer = http://two/$repo\n',
      '/etc/pacman.d/two/other': '[other]\n',
    },
  },
  {
    title: 'Include before any section, and a section that an include leaves open',
    files: {
      '/etc/pacman.conf': [
        'Include = /etc/pacman.d/head.conf',
        'Server = http://still-head/$repo',
        '[core]',
        'Include = /etc/pacman.d/switch.conf',
        'Server = http://goes-to-switched/$repo',
        '',
      ].join('\n'),
      '/etc/pacman.d/head.conf': `${OPTIONS}[head]\nServer = http://head/$repo\n`,
      '/etc/pacman.d/switch.conf': 'Server = http://core-from-include/$repo\n[switched]\n',
    },
  },
  {
    title: 'repeated and refused repository names',
    files: {
      '/etc/pacman.conf': [
        OPTIONS,
        '[core]',
        'Server = http://first/$repo',
        '[core]',
        'Server = http://second/$repo',
        '[local]',
        'Server = http://local',
        '[a/b]',
        '[ spaced ]',
        'Server = http://spaced/$repo',
        '[Options]',
        'Server = http://capital',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'SigLevel merged over [options], repeated lines and prefixes',
    files: {
      '/etc/pacman.conf': [
        '[options]',
        'Architecture = x86_64',
        'SigLevel = Never',
        'SigLevel = DatabaseRequired',
        'LocalFileSigLevel = Optional TrustAll',
        'RemoteFileSigLevel = PackageRequired PackageTrustedOnly',
        '[inherits]',
        '[pkgreq]',
        'SigLevel = PackageRequired',
        '[optall]',
        'SigLevel = Optional TrustAll',
        '[twolines]',
        'SigLevel = Required',
        'SigLevel = PackageNever DatabaseTrustAll',
        '[trustonly]',
        'SigLevel = TrustAll',
        'SigLevel =',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'global SigLevel set after the repositories still applies to them',
    files: {
      '/etc/pacman.conf': [
        '[options]',
        'Architecture = x86_64',
        '[early]',
        'SigLevel = DatabaseNever',
        '[plain]',
        '[options]',
        'SigLevel = Required TrustAll',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'no SigLevel at all: pacman falls back to Optional TrustedOnly',
    files: {
      '/etc/pacman.conf': '[options]\nArchitecture = x86_64\n[core]\nServer = http://c/$repo\n',
    },
  },
  {
    title: 'server order, duplicates, CacheServer, empty values and $repo/$arch everywhere',
    files: {
      '/etc/pacman.conf': [
        OPTIONS,
        '[multi]',
        'Server = http://z/$repo/$arch/$repo',
        'Server = http://a/$repo',
        'Server = http://z/$repo/$arch/$repo',
        'CacheServer = http://cache/$repo',
        'Server =',
        'Server =    ',
        'Server = file:///srv/$repo',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'whitespace, CRLF, inline # and unknown directives',
    files: {
      '/etc/pacman.conf': [
        '  [options]  ',
        '\tArchitecture\t=\tx86_64\t',
        'SigLevel=Required DatabaseOptional',
        'Colour = yes',
        'Color',
        '[core]\r',
        'Server=http://a/$repo # not a comment\r',
        '   # an indented comment',
        'Server  =  http://b/$repo  ',
        'Bogus = 1',
        'Server = http://c = d',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'Usage combinations',
    files: {
      '/etc/pacman.conf': [
        OPTIONS,
        '[default]',
        '[search]',
        'Usage = Sync Search',
        '[split]',
        'Usage = Install',
        'Usage = Upgrade',
        '[four]',
        'Usage = Sync Search Install Upgrade',
        '[all]',
        'Usage = All Sync',
        '',
      ].join('\n'),
    },
  },
  {
    title: 'Include inside [options] bringing servers and a new section',
    files: {
      '/etc/pacman.conf': `${OPTIONS}Include = /etc/pacman.d/opts\n`,
      '/etc/pacman.d/opts':
        'Server = http://ignored\nXferCommand = /usr/bin/curl -o %o %u\n[late]\nServer = http://late/$repo\n',
    },
  },
  {
    title: 'Include of a directory reads nothing',
    files: {
      '/etc/pacman.conf': `${OPTIONS}[core]\nInclude = /etc/pacman.d/\nServer = http://c/$repo\n`,
      '/etc/pacman.d/mirrorlist': ARCH_MIRRORLIST,
    },
  },
  {
    title: 'ten nested includes are allowed',
    files: nested(10),
  },
  {
    title: 'Architecture: the first value of the first line',
    files: {
      '/etc/pacman.conf':
        '[options]\nArchitecture = i686\nArchitecture = x86_64\n[core]\nServer = http://c/$arch\n',
    },
  },
  {
    title: 'a long comment line spills into a directive after 4095 bytes',
    files: {
      '/etc/pacman.conf': `${OPTIONS}[core]\n#${'x'.repeat(4094)}Server = http://hidden/$repo\nServer = http://shown\n#${'y'.repeat(4093)}\nServer = http://after\n`,
    },
  },
  {
    title: 'a NUL byte ends the line',
    files: {
      '/etc/pacman.conf': Buffer.from(
        `${OPTIONS}[core]\nServer = http://a/$repo\0http://b\nServer = http://c\n`,
      ),
    },
  },
  {
    title: 'missing Include file',
    files: { '/etc/pacman.conf': `${OPTIONS}[core]\nInclude = /etc/pacman.d/missing\n` },
  },
  {
    title: 'glob that matches nothing',
    files: {
      '/etc/pacman.conf': `${OPTIONS}Include = /etc/pacman.d/none/*.conf\n`,
      '/etc/pacman.d/none/readme': 'x',
    },
  },
  {
    title: 'directive before any section',
    files: { '/etc/pacman.conf': `Architecture = x86_64\n${OPTIONS}` },
  },
  {
    title: 'invalid SigLevel token',
    files: { '/etc/pacman.conf': `${OPTIONS}[core]\nSigLevel = Required Sometimes\n` },
  },
  {
    title: 'tab-separated SigLevel',
    files: { '/etc/pacman.conf': `[options]\nSigLevel = Required\tDatabaseOptional\n` },
  },
  {
    title: 'invalid Usage',
    files: { '/etc/pacman.conf': `${OPTIONS}[core]\nUsage = Everything\n` },
  },
  { title: 'Server without a value', files: { '/etc/pacman.conf': `${OPTIONS}[core]\nServer\n` } },
  {
    title: 'Include without a value',
    files: { '/etc/pacman.conf': `${OPTIONS}[core]\nInclude\n` },
  },
  { title: 'eleven nested includes', files: nested(11) },
  { title: 'an empty Include', files: { '/etc/pacman.conf': `${OPTIONS}[core]\nInclude =\n` } },
  {
    title: 'an include loop',
    files: {
      '/etc/pacman.conf': `${OPTIONS}Include = /etc/pacman.d/loop\n`,
      '/etc/pacman.d/loop': 'Include = /etc/pacman.d/loop\n',
    },
  },
  {
    title: '$arch without Architecture',
    files: { '/etc/pacman.conf': '[core]\nServer = http://c/$repo/$arch\n' },
  },
  {
    title: 'bad ParallelDownloads',
    files: { '/etc/pacman.conf': `${OPTIONS}ParallelDownloads = 0\n` },
  },
];

/** A chain of `depth` nested Include directives below /etc/pacman.conf. */
function nested(depth: number): Tree['files'] {
  const files: Tree['files'] = { '/etc/pacman.conf': `${OPTIONS}Include = /etc/pacman.d/n1\n` };
  for (let level = 1; level <= depth; level += 1) {
    const next = level < depth ? `Include = /etc/pacman.d/n${level + 1}\n` : '';
    files[`/etc/pacman.d/n${level}`] = `[r${level}]\nServer = http://r${level}/$repo\n${next}`;
  }
  return files;
}
