import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import test from 'ava';
import type { ExecutionContext } from 'ava';

import { PkgrepoDiffError } from '../../src/errors.js';
import { normalizeImageName } from '../../src/image/image-name.js';
import { parseReference } from '../../src/image/reference.js';

// parseReference looks at the disk to tell a path's colons from a tag's, so give it real files.
const dir = mkdtempSync(join(tmpdir(), 'pkgrepo-diff-reference-'));
const tar = join(dir, 'image.tar');
const colonTar = join(dir, 'with:colon.tar');
const layout = join(dir, 'layout');
const colonLayout = join(dir, 'lay:out');
writeFileSync(tar, '');
writeFileSync(colonTar, '');
mkdirSync(layout);
mkdirSync(colonLayout);
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

type Parsed = ReturnType<typeof parseReference>;
type WithoutRaw<T> = T extends unknown ? Omit<T, 'raw'> : never;

const parses = test.macro({
  exec(t: ExecutionContext, raw: string, expected: WithoutRaw<Parsed>) {
    t.deepEqual(parseReference(raw), { raw, ...expected });
  },
  title: (given, raw: string) => given ?? `parses ${raw.replace(dir, 'TMP')}`,
});

// What parseReference gives back, raw aside.
const archive = (path: string, name?: string, sourceIndex?: number) =>
  ({ transport: 'docker-archive', path, name, sourceIndex }) as const;
const oci = (path: string, tag?: string) => ({ transport: 'oci', path, tag }) as const;
const ociArchive = (path: string, tag?: string) =>
  ({ transport: 'oci-archive', path, tag }) as const;
const bare = (path: string, tag?: string) => ({ transport: 'path', path, tag }) as const;

test(parses, `docker-archive:${tar}`, archive(tar));
test(parses, `docker-archive:${tar}:busybox:latest`, archive(tar, 'busybox:latest'));
test(parses, `docker-archive:${tar}:@1`, archive(tar, undefined, 1));
test(parses, `docker-archive:${tar}:`, archive(tar));
test('a colon in a path', parses, `docker-archive:${colonTar}:@0`, archive(colonTar, undefined, 0));
const missing = `${dir}/no.tar:x`;
test('a missing archive path is kept whole', parses, `docker-archive:${missing}`, archive(missing));
test(parses, `oci:${layout}`, oci(layout));
test(parses, `oci:${layout}:v1`, oci(layout, 'v1'));
test('an oci directory with a colon', parses, `oci:${colonLayout}`, oci(colonLayout));
test('a layout with a colon, tagged', parses, `oci:${colonLayout}:new`, oci(colonLayout, 'new'));
test('a tail with a slash is part of the path', parses, 'oci:/srv/a:b/c', oci('/srv/a:b/c'));
test(parses, `oci-archive:${tar}`, ociArchive(tar));
test(parses, `oci-archive:${tar}:latest`, ociArchive(tar, 'latest'));
test(parses, 'docker://busybox:latest', { transport: 'docker', name: 'busybox:latest' });
test(parses, 'docker://registry.example:5000/team/app@sha256:abc', {
  transport: 'docker',
  name: 'registry.example:5000/team/app@sha256:abc',
});
test(parses, 'docker-daemon:busybox:1.36', { transport: 'docker-daemon', name: 'busybox:1.36' });
test('a bare archive path', parses, tar, bare(tar));
test('a bare archive path with a tag', parses, `${tar}:v2`, bare(tar, 'v2'));
test('a bare layout directory', parses, layout, bare(layout));
test('a bare layout path with a colon', parses, colonLayout, bare(colonLayout));
test('an image name is left for the opener', parses, 'ubuntu:22.04', bare('ubuntu:22.04'));
test('a one-letter prefix is a drive-like path', parses, 'c:image.tar', bare('c:image.tar'));

const rejects = test.macro({
  exec(t: ExecutionContext, raw: string, hint: RegExp | undefined) {
    const error = t.throws(() => parseReference(raw), { instanceOf: PkgrepoDiffError });
    t.is(error?.code, 'E_REFERENCE');
    if (hint !== undefined) t.regex(error?.hint ?? '', hint);
  },
  title: (given, raw: string) => given ?? `rejects ${JSON.stringify(raw)}`,
});

test(rejects, '', undefined);
test(rejects, 'ftp://example.com/a.tar', /^use one of docker-archive: oci-archive: oci: docker:/);
test(rejects, 'dir:/var/lib/images/x', /or a path/);
test(rejects, 'containers-storage:quay.io/app:1', undefined);

const names = test.macro({
  exec(t: ExecutionContext, name: string, expected: string) {
    t.is(normalizeImageName(name), expected);
  },
  title: (given, name: string, expected: string) => given ?? `${name} → ${expected}`,
});

test(names, 'busybox', 'docker.io/library/busybox:latest');
test(names, 'busybox:1.36', 'docker.io/library/busybox:1.36');
test(names, 'library/busybox', 'docker.io/library/busybox:latest');
test(names, 'docker.io/busybox', 'docker.io/library/busybox:latest');
test(names, 'index.docker.io/library/busybox:latest', 'docker.io/library/busybox:latest');
test(names, 'registry-1.docker.io/team/app', 'docker.io/team/app:latest');
test(names, 'team/app:v1', 'docker.io/team/app:v1');
test(names, 'quay.io/team/app', 'quay.io/team/app:latest');
test(names, 'localhost/app', 'localhost/app:latest');
test(names, 'localhost:5000/app:dev', 'localhost:5000/app:dev');
test(names, 'registry.example:5000/a/b/c', 'registry.example:5000/a/b/c:latest');
test('a digest instead of a tag', names, 'busybox@sha256:a', 'docker.io/library/busybox@sha256:a');
test('a tag and a digest', names, 'busybox:1@sha256:a', 'docker.io/library/busybox:1@sha256:a');
