import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import test from 'ava';
import type { ExecutionContext } from 'ava';

import { PkgrepoDiffError, type ErrorCode } from '../../src/errors.js';
import { indexTar, normalizeMemberName, type TarMember } from '../../src/image/tar-index.js';
import { packTar } from '../helpers/tar.js';

const dir = mkdtempSync(join(tmpdir(), 'pkgrepo-diff-tar-index-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function save(bytes: Buffer): string {
  files += 1;
  const path = join(dir, `archive-${files}.tar`);
  writeFileSync(path, bytes);
  return path;
}

/** The bytes a member's offset and size point at. */
function body(archive: string, member: TarMember | undefined): string {
  if (member === undefined) return '(no member)';
  return readFileSync(archive)
    .subarray(member.offset, member.offset + member.size)
    .toString();
}

const PAX_NAME = `blobs/sha256/${'p'.repeat(300)}`;
const USTAR_NAME = `${'u'.repeat(120)}/manifest.json`;

test('indexes a tar written by tar-stream, PAX and ustar-prefix names included', async (t) => {
  const archive = save(
    await packTar([
      { name: 'blobs/', type: 'directory' },
      { name: './manifest.json', body: '[{"Config":"c.json"}]' },
      { name: PAX_NAME, body: 'pax body' },
      { name: USTAR_NAME, body: 'ustar body' },
      { name: 'latest', type: 'symlink', linkname: `../${'t'.repeat(200)}` },
      { name: 'copy.json', type: 'link', linkname: 'manifest.json' },
      { name: 'empty', body: '' },
    ]),
  );
  const members = await indexTar(archive);

  t.deepEqual(
    [...members.keys()],
    ['blobs', 'manifest.json', PAX_NAME, USTAR_NAME, 'latest', 'copy.json', 'empty'],
  );
  t.is(members.get('blobs')?.type, 'directory');
  t.is(members.get('manifest.json')?.name, './manifest.json');
  t.is(body(archive, members.get('manifest.json')), '[{"Config":"c.json"}]');
  t.is(body(archive, members.get(PAX_NAME)), 'pax body');
  t.is(body(archive, members.get(USTAR_NAME)), 'ustar body');
  t.like(members.get('latest'), { type: 'symlink', linkName: `../${'t'.repeat(200)}`, size: 0 });
  t.like(members.get('copy.json'), { type: 'link', linkName: 'manifest.json' });
  t.is(members.get('empty')?.size, 0);
});

type Format = 'gnu' | 'pax' | 'ustar' | 'v7';

/** A tree archived by GNU tar in `format`; ustar holds long names but not long link targets. */
function gnuTar(format: Format, deep: string, target: string): string {
  const source = join(dir, `tree-${format}`);
  mkdirSync(join(source, deep), { recursive: true });
  writeFileSync(join(source, deep, 'file.txt'), 'deep body');
  writeFileSync(join(source, 'top.txt'), 'top body');
  symlinkSync(target, join(source, 'link'));
  const archive = join(dir, `gnu-${format}.tar`);
  execFileSync('tar', [`--format=${format}`, '--sort=name', '-C', source, '-cf', archive, '.']);
  return archive;
}

const LONG_DIR = `${'d'.repeat(60)}/${'e'.repeat(60)}`;

const readsGnu = test.macro({
  async exec(t: ExecutionContext, format: Format, deep: string, target: string) {
    const archive = gnuTar(format, deep, target);
    const members = await indexTar(archive);

    t.is(body(archive, members.get(`${deep}/file.txt`)), 'deep body');
    t.is(body(archive, members.get('top.txt')), 'top body');
    t.like(members.get('link'), { type: 'symlink', linkName: target });
    t.is(members.get(deep)?.type, 'directory');
  },
  title: (given, format: Format) => given ?? `indexes GNU tar --format=${format}`,
});

test(
  'GNU long names and link targets (L and K records)',
  readsGnu,
  'gnu',
  LONG_DIR,
  `${LONG_DIR}/file.txt`,
);
test('PAX path and linkpath records', readsGnu, 'pax', LONG_DIR, `${LONG_DIR}/file.txt`);
test('ustar name prefixes', readsGnu, 'ustar', LONG_DIR, 'top.txt');
test('v7 headers without magic', readsGnu, 'v7', 'd', 'top.txt');

const fails = test.macro({
  async exec(t: ExecutionContext, archive: () => Promise<string>, code: ErrorCode) {
    const path = await archive();
    const error = await t.throwsAsync(indexTar(path), { instanceOf: PkgrepoDiffError });
    t.is(error?.code, code);
    t.is(error?.input, path);
  },
  title: (given, _archive, code: ErrorCode) => `${given ?? 'fails'} with ${code}`,
});

const sample = () =>
  packTar([
    { name: 'manifest.json', body: 'x'.repeat(2000) },
    { name: 'index.json', body: '{}' },
  ]);

test(
  'a file that is not a tar',
  fails,
  async () => save(Buffer.from('{"not":"a tar"}\n'.repeat(64))),
  'E_FORMAT',
);
test(
  'a gzip-compressed tar',
  fails,
  async () => {
    const { gzipSync } = await import('node:zlib');
    return save(gzipSync(await sample()));
  },
  'E_FORMAT',
);
test(
  'a tar cut inside a member body',
  fails,
  async () => save((await sample()).subarray(0, 1500)),
  'E_FORMAT',
);
test('a file shorter than one header', fails, async () => save(Buffer.from('hello')), 'E_FORMAT');
test(
  'a tar cut inside a header',
  fails,
  async () => save((await sample()).subarray(0, 3072 + 100)),
  'E_FORMAT',
);
test('a missing file', fails, async () => join(dir, 'none.tar'), 'E_NOT_FOUND');

test('a tar without its end-of-archive blocks is still read', async (t) => {
  const whole = await sample();
  const members = await indexTar(save(whole.subarray(0, 3072 + 512)));

  t.deepEqual([...members.keys()], ['manifest.json', 'index.json']);
});

test('an empty file has no members', async (t) => {
  t.is((await indexTar(save(Buffer.alloc(0)))).size, 0);
});

const normalizes = test.macro({
  exec(t: ExecutionContext, name: string, expected: string) {
    t.is(normalizeMemberName(name), expected);
  },
  title: (given, name: string, expected: string) =>
    given ?? `member ${JSON.stringify(name)} is ${JSON.stringify(expected)}`,
});

test(normalizes, './manifest.json', 'manifest.json');
test(normalizes, 'blobs//sha256/', 'blobs/sha256');
test(normalizes, './', '');
