import test from 'ava';

import { indexPlatforms } from '../../src/oci/index-platforms.js';
import { formatPlatform } from '../../src/oci/platform.js';
import type { ImageIndex } from '../../src/oci/types.js';

const entry = (digit: string, platform?: { os: string; architecture: string; variant?: string }) => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${digit.repeat(64)}`,
  size: 100,
  ...(platform === undefined ? {} : { platform }),
});

const listed = (manifests: ImageIndex['manifests']) => indexPlatforms({ schemaVersion: 2, manifests }).map(formatPlatform);

test('index order, spelled as --platform normalises it', (t) => {
  t.deepEqual(
    listed([
      entry('1', { os: 'linux', architecture: 'amd64' }),
      entry('2', { os: 'linux', architecture: 'arm64' }),
      entry('3', { os: 'linux', architecture: 'arm', variant: 'v6' }),
      entry('4', { os: 'linux', architecture: 'aarch64', variant: 'v8' }),
    ]),
    ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v6'],
  );
});

test('buildx attestations and entries without a platform are not platforms', (t) => {
  t.deepEqual(
    listed([entry('1', { os: 'linux', architecture: 'amd64' }), entry('2', { os: 'unknown', architecture: 'unknown' }), entry('3')]),
    ['linux/amd64'],
  );
});

test('an index of nothing runnable lists nothing', (t) => {
  t.deepEqual(listed([entry('2', { os: 'unknown', architecture: 'unknown' })]), []);
});
