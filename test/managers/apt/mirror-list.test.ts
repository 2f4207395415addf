import { gzipSync } from 'node:zlib';

import test, { type ExecutionContext } from 'ava';

import { mirrorListPath, parseMirrorList, readMirrorList } from '../../../src/managers/apt/mirror-list.js';
import { rootFromFiles } from '../../helpers/root.js';

const path = test.macro({
  exec(t: ExecutionContext, uri: string, expected: string | null) {
    t.is(mirrorListPath(uri), expected);
  },
  title: (_name, uri: string) => `mirror list path of ${uri}`,
});

test(path, 'mirror+file:/etc/apt/apt-mirrors.txt/', '/etc/apt/apt-mirrors.txt');
test(path, 'MIRROR+FILE:/etc/apt/m.txt/', '/etc/apt/m.txt');
test(path, 'mirror+http://mirrors.example/list/', null);
test(path, 'mirror://mirrors.example/list/', null);
test(path, 'http://deb.debian.org/debian/', null);
test(path, 'mirror+file:relative/', null);

const LIST = '# GitHub runner style\nhttp://azure.archive.ubuntu.com/ubuntu/\tpriority:1\n\nhttps://archive.ubuntu.com/ubuntu/\tpriority:2\tarch:amd64\n  http://indented.example/  \n';
const URIS = ['http://azure.archive.ubuntu.com/ubuntu/', 'https://archive.ubuntu.com/ubuntu/', 'http://indented.example/'];

test('parses URIs, skipping comments, blanks and metadata', (t) => {
  t.deepEqual(parseMirrorList(LIST), URIS);
});

test('reads plain and gzip lists through the root', (t) => {
  const root = rootFromFiles({ '/etc/apt/m.txt': LIST, '/etc/apt/m.txt.gz': gzipSync(LIST) });
  t.deepEqual(readMirrorList(root, '/etc/apt/m.txt'), { uris: URIS });
  t.deepEqual(readMirrorList(root, '/etc/apt/m.txt.gz'), { uris: URIS });
});

test('reports a missing, broken or unread list', (t) => {
  const root = rootFromFiles({ '/bad.gz': 'not gzip', '/m.xz': 'x' });
  t.deepEqual(readMirrorList(root, '/missing.txt'), { error: 'mirror list /missing.txt not found' });
  t.deepEqual(readMirrorList(root, '/bad.gz'), { error: 'mirror list /bad.gz is not valid gzip' });
  t.true('error' in readMirrorList(root, '/m.xz'));
});
