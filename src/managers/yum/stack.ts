import type { RootView } from '../types.js';
import type { Stack } from './model.js';

/** Where one stack looks for its configuration, before `reposdir=`/`varsdir=` move it. */
export interface Layout {
  stack: Stack;
  /** The main configuration file; it may hold repo sections too. */
  mainFile: string;
  /** dnf 5 drop-ins for [main], read before mainFile: by file name, /etc masking /usr/share. */
  mainDropinDirs: readonly string[];
  reposdir: readonly string[];
  varsdir: readonly string[];
  /** dnf 5 repo overrides (`[glob]` sections applied to existing repos). */
  overrideDirs: readonly string[];
}

const DNF4: Layout = {
  stack: 'dnf4',
  mainFile: '/etc/dnf/dnf.conf',
  mainDropinDirs: [],
  reposdir: ['/etc/yum.repos.d', '/etc/yum/repos.d', '/etc/distro.repos.d'],
  varsdir: ['/etc/yum/vars', '/etc/dnf/vars'],
  overrideDirs: [],
};

/** libdnf5/conf/const.hpp; "more important varsdirs must be on the end". */
const DNF5: Layout = {
  stack: 'dnf5',
  mainFile: '/etc/dnf/dnf.conf',
  mainDropinDirs: ['/etc/dnf/libdnf5.conf.d', '/usr/share/dnf5/libdnf.conf.d'],
  reposdir: ['/etc/yum.repos.d', '/etc/distro.repos.d', '/usr/share/dnf5/repos.d'],
  varsdir: ['/usr/share/dnf5/vars.d', '/etc/dnf/vars'],
  overrideDirs: ['/etc/dnf/repos.override.d', '/usr/share/dnf5/repos.override.d'],
};

/** yum/config.py: `reposdir` default and the var dir readMainConfig reads. */
const YUM3: Layout = {
  stack: 'yum3',
  mainFile: '/etc/yum.conf',
  mainDropinDirs: [],
  reposdir: ['/etc/yum/repos.d', '/etc/yum.repos.d'],
  varsdir: ['/etc/yum/vars'],
  overrideDirs: [],
};

const DNF5_BINARY = '/usr/bin/dnf5';
const YUM3_MODULE = ['/usr/lib/python2.7/site-packages/yum', '/usr/share/yum-cli'];

/** What detectLayout looks at besides the watched config: the walk must record these. */
export const STACK_PROBES: readonly string[] = [DNF5_BINARY, ...YUM3_MODULE];

/**
 * Which stack the image runs: dnf 5 when its binary is there (Fedora 41+, where `dnf` links to
 * it), yum 3 when its python module is there or only `/etc/yum.conf` exists (RHEL 7, Amazon
 * Linux 2), dnf 4 otherwise (RHEL 8–10, UBI, microdnf images).
 */
export function detectLayout(root: RootView): Layout {
  if (root.kind(DNF5_BINARY) !== 'missing') return DNF5;
  if (hasYum3(root)) return yum3Layout(root);
  return DNF4;
}

function hasYum3(root: RootView): boolean {
  if (YUM3_MODULE.some((path) => root.kind(path) === 'dir')) return true;
  return root.kind('/etc/dnf/dnf.conf') === 'missing' && root.kind('/etc/yum.conf') === 'file';
}

/** RHEL builds run yum with /etc/yum.conf; upstream yum defaults to /etc/yum/yum.conf. */
function yum3Layout(root: RootView): Layout {
  if (root.kind(YUM3.mainFile) === 'file' || root.kind('/etc/yum/yum.conf') !== 'file') return YUM3;
  return { ...YUM3, mainFile: '/etc/yum/yum.conf' };
}
