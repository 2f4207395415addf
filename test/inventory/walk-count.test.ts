import test from 'ava';

import { createImageSource } from '../../src/image/open.js';
import { sourceOptions, type ResolvedImage } from '../../src/image/types.js';
import { readImage } from '../../src/inventory/read-image.js';
import { MANAGERS } from '../../src/managers/index.js';
import { parsePlatform } from '../../src/oci/platform.js';

/** The image with each layer's open() counted. */
async function counted(reference: string): Promise<{ image: ResolvedImage; opens: number[] }> {
  const source = await createImageSource(reference, sourceOptions());
  const image = await source.open({ platform: parsePlatform('linux/amd64'), platformExplicit: false });
  const opens = image.layers.map(() => 0);
  const layers = image.layers.map((layer) => ({
    ...layer,
    open(signal?: AbortSignal) {
      opens[layer.index] = (opens[layer.index] ?? 0) + 1;
      return layer.open(signal);
    },
  }));
  return { image: { ...image, layers }, opens };
}

for (const tag of ['apt-1', 'yum-2', 'apk-2', 'zypper-2', 'pacman-2']) {
  test(`${tag}: every layer is read once when nothing points outside the watched paths`, async (t) => {
    const { image, opens } = await counted(`oci:fixtures/oci:${tag}`);
    const inventory = await readImage(image, { managers: MANAGERS });
    t.true(inventory.final.items.length > 0);
    t.deepEqual(opens, image.layers.map(() => 1));
  });
}

test('a link out of the watched paths reads again only the layers with entries on the way to its target', async (t) => {
  const { image, opens } = await counted('oci:fixtures/oci:apt-2');
  const inventory = await readImage(image, { managers: MANAGERS });
  // Only the last layer (COPY … /opt/vendor/linked.list) has anything at /opt.
  t.deepEqual(opens, image.layers.map((_layer, index) => (index === image.layers.length - 1 ? 2 : 1)));
  const linked = inventory.final.items.find((item) => item.path === '/etc/apt/sources.list.d/linked.list');
  t.is(linked?.kind, 'source', 'the source behind the link is read all the same');
});
