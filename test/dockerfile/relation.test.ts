import test from 'ava';

import { diffImages } from '../../src/index.js';

const oci = (tag: string) => `oci:fixtures/oci:${tag}`;

test('built FROM old: prefix, every change added by the build', async (t) => {
  const result = await diffImages(oci('distro-debian-1'), oci('apt-1'));
  t.deepEqual(result.relation, { kind: 'prefix', baseLayers: 6, baseFrom: 'old-image' });
  t.true(result.changes.length > 0);
  t.true(result.changes.every((change) => change.origin === 'build'));
});

test('release siblings without a Dockerfile: diverged, origin unknown', async (t) => {
  const result = await diffImages(oci('apt-1'), oci('apt-2'));
  t.deepEqual(result.relation, { kind: 'diverged', baseLayers: null, baseFrom: null });
  t.true([...result.changes, ...result.transient].every((entry) => entry.origin === null));
});

test('release siblings with the Dockerfile: same base, all from the build', async (t) => {
  const result = await diffImages(oci('apt-1'), oci('apt-2'), { dockerfile: 'fixtures/images/apt-2/Dockerfile' });
  t.deepEqual(result.relation, { kind: 'same-base', baseLayers: 6, baseFrom: 'dockerfile' });
  t.true([...result.changes, ...result.transient].every((entry) => entry.origin === 'build'));
});

test('a base-image bump: what came with the new base apart from what the build added', async (t) => {
  const result = await diffImages(oci('app-1'), oci('app-2'), { dockerfile: 'fixtures/images/app-2/Dockerfile' });
  t.deepEqual(result.relation, { kind: 'rebased', baseLayers: 8, baseFrom: 'dockerfile' });
  const origins = result.changes.map((change) => `${change.origin} ${change.change} ${change.item.path}`).sort();
  t.deepEqual(origins, [
    'base added /etc/apt/keyrings/vendor.gpg',
    'base added /etc/apt/sources.list.d/vendor.list',
    'build added /etc/apt/sources.list.d/extra.list',
    'build modified /etc/apt/sources.list.d/app.list',
  ]);
});

test('a Dockerfile that does not match leaves the base unknown', async (t) => {
  const result = await diffImages(oci('app-1'), oci('app-2'), { dockerfile: 'fixtures/images/app-1/Dockerfile' });
  t.is(result.relation.kind, 'diverged');
  t.true(result.changes.every((change) => change.origin === null));
});
