import test from 'ava';

import { readYum } from './helpers.js';

test('every file of /etc/pki/rpm-gpg is a scoped key, links included', (t) => {
  const state = readYum({
    '/etc/pki/rpm-gpg/RPM-GPG-KEY-fedora-41-primary': 'key one',
    '/etc/pki/rpm-gpg/RPM-GPG-KEY-fedora': { symlink: 'RPM-GPG-KEY-fedora-41-primary' },
    '/etc/pki/rpm-gpg/sub': { dir: true },
  });
  t.deepEqual(
    state.keys.map((key) => `${key.path}:${key.scope}`),
    [
      '/etc/pki/rpm-gpg/RPM-GPG-KEY-fedora:scoped',
      '/etc/pki/rpm-gpg/RPM-GPG-KEY-fedora-41-primary:scoped',
    ],
  );
  t.is(state.keys[0]?.sha256, state.keys[1]?.sha256);
});

test('a local key a repo names elsewhere is read too, a remote one is not', (t) => {
  const state = readYum({
    '/etc/yum.repos.d/a.repo':
      '[a]\nbaseurl=http://a/\ngpgkey=file:///opt/keys/a.asc https://a.example/key /opt/keys/b.asc\n',
    '/opt/keys/a.asc': 'a',
    '/opt/keys/b.asc': 'b',
  });
  t.deepEqual(
    state.keys.map((key) => key.path),
    ['/opt/keys/a.asc', '/opt/keys/b.asc'],
  );
  t.deepEqual(
    state.keys.map((key) => key.matchKeys),
    [['yum|key|/opt/keys/a.asc'], ['yum|key|/opt/keys/b.asc']],
  );
});
