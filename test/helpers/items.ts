import type { ImageInventory } from '../../src/inventory/read-image.js';
import type { Item, Key, Setting, Source } from '../../src/managers/types.js';

/**
 * An apt-like source, one line of `path`: its match keys are the file with its suite (most
 * specific), then the file alone, as a per-file manager would give them.
 */
export function source(host: string, overrides: Partial<Source> = {}): Source {
  const path = overrides.path ?? `/etc/apt/sources.list.d/${host}.list`;
  const suite = typeof overrides.fields?.suite === 'string' ? overrides.fields.suite : 'bookworm';
  return {
    kind: 'source',
    manager: 'apt',
    path,
    id: `deb http://${host}/debian ${suite}`,
    matchKeys: [`${path} ${suite}`, path],
    risks: [],
    uris: [`http://${host}/debian`],
    enabled: true,
    fields: { types: ['deb'], suite, components: ['main'] },
    signedBy: null,
    ...overrides,
  };
}

export function setting(
  name: string,
  value: Setting['value'],
  overrides: Partial<Setting> = {},
): Setting {
  return {
    kind: 'setting',
    manager: 'apt',
    path: '/etc/apt/apt.conf.d/99test',
    id: name,
    matchKeys: [name],
    risks: [],
    name,
    value,
    ...overrides,
  };
}

export function key(sha256: string, overrides: Partial<Key> = {}): Key {
  const path = overrides.path ?? `/etc/apt/trusted.gpg.d/${sha256}.gpg`;
  return {
    kind: 'key',
    manager: 'apt',
    path,
    id: path,
    matchKeys: [path],
    risks: [],
    scope: 'global',
    sha256,
    fingerprints: [],
    userIds: [],
    ...overrides,
  };
}

/** An image whose state after layer i holds `states[i]`; the rest is filler the diff ignores. */
export function inventory(states: Item[][]): ImageInventory {
  const inventories = states.map((items) => ({ items, problems: [] }));
  const digest = (i: number) => `sha256:${String(i).padStart(64, '0')}`;
  return {
    image: {
      reference: 'oci:test',
      transport: 'oci',
      digest: null,
      configDigest: digest(99),
      platform: 'linux/amd64',
      config: {
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: states.map((_, i) => digest(i)) },
      },
      layers: [],
    },
    layers: states.map((_, index) => ({
      index,
      digest: digest(index),
      diffId: digest(index),
      instruction: null,
    })),
    states: inventories,
    final: inventories[inventories.length - 1] ?? { items: [], problems: [] },
  };
}
