#!/usr/bin/python3
"""Print the repos libdnf (through Debian's python3-dnf) reads from an image root, as JSON.

Usage: /usr/bin/python3 libdnf-repos.py ROOT
Reads ROOT/etc/dnf/dnf.conf, the reposdir it names (default /etc/yum.repos.d, /etc/yum/repos.d,
/etc/distro.repos.d) and the var dirs below ROOT, as `dnf` would with --installroot. Host
substitutions ($arch, $basearch, $releasever) and DNF_VAR_* from the environment are dropped so
that only the image's own var files expand, as in the TypeScript parser under test.
"""
import json
import logging
import os
import sys

import dnf
import dnf.conf


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def inside(root, path):
    return os.path.join(root, path.lstrip('/'))


def outside(root, path):
    return '/' + os.path.relpath(path, root) if path.startswith(root) else path


def main(root):
    root = os.path.abspath(root)
    warnings = Collect()
    logging.getLogger('dnf').addHandler(warnings)

    base = dnf.Base()
    conf = base.conf
    for name in [key for key in conf.substitutions.keys()]:
        conf.substitutions.pop(name)

    main_path = inside(root, '/etc/dnf/dnf.conf')
    conf.read(main_path, priority=dnf.conf.PRIO_MAINCONFIG)
    conf.reposdir = [inside(root, path) for path in conf.reposdir]
    conf.substitutions.update_from_etc(root, varsdir=list(conf.varsdir))
    base.read_all_repos()

    repos = []
    # RepoDict.values() sorts by priority; dict.values keeps the order dnf defined them in.
    for repo in dict.values(base.repos):
        repos.append({
            'id': repo.id,
            'file': outside(root, repo.repofile),
            'name': repo.name,
            'baseurl': list(repo.baseurl),
            'mirrorlist': repo.mirrorlist or None,
            'metalink': repo.metalink or None,
            'enabled': bool(repo.enabled),
            'gpgcheck': bool(repo.gpgcheck),
            'repo_gpgcheck': bool(repo.repo_gpgcheck),
            'sslverify': bool(repo.sslverify),
            'gpgkey': list(repo.gpgkey),
            # '_none_' inherited from [main] reaches the repo as written; it means no proxy.
            'proxy': None if repo.proxy in ('', '_none_') else repo.proxy,
            'priority': repo.priority,
        })
    main_conf = {
        'gpgcheck': bool(conf.gpgcheck),
        'sslverify': bool(conf.sslverify),
        'reposdir': [outside(root, path) for path in conf.reposdir],
    }
    messages = [message.replace(root, '') for message in warnings.messages]
    print(json.dumps({'main': main_conf, 'repos': repos, 'warnings': messages}, indent=1))


if __name__ == '__main__':
    main(sys.argv[1])
