/**
 * apt's Configuration tree (configuration.cc): `::`-separated names, looked up without regard to
 * case, an empty last part appending a list item, and FindFile/FindDir resolving relative
 * values against their parents (`Dir::Etc::SourceList` under `Dir::Etc` under `Dir`).
 */

export interface ConfigNode {
  /** As first written; '' for a list item. */
  tag: string;
  value: string;
  children: ConfigNode[];
  parent: ConfigNode | null;
  /** The file that set the value last; null for apt's built-in defaults. */
  origin: string | null;
  /** Increases with every set, so the latest file to touch a subtree can be found. */
  serial: number;
}

export class ConfigTree {
  readonly root: ConfigNode = newNode('', null);
  private serial = 0;

  set(name: string, value: string, origin: string | null): void {
    const node = this.lookup(name, true);
    if (node === undefined) return;
    node.value = value;
    node.origin = origin;
    this.serial += 1;
    node.serial = this.serial;
  }

  /** `#clear`: the value and the whole subtree go, the node stays. */
  clear(name: string): void {
    const node = this.lookup(name, false);
    if (node === undefined) return;
    node.value = '';
    node.children = [];
  }

  find(name: string): string {
    return this.lookup(name, false)?.value ?? '';
  }

  lookup(name: string, create: boolean): ConfigNode | undefined {
    const parts = name.split('::');
    let node: ConfigNode | undefined = this.root;
    for (const [index, part] of parts.entries()) {
      if (part === '' && index === parts.length - 1 && !create) return undefined;
      node = child(node, part, create);
      if (node === undefined) return undefined;
    }
    return node;
  }

  /** FindFile: RootDir first, then the value joined to each parent's value until absolute. */
  findFile(name: string, fallback = ''): string {
    const rootDir = this.find('RootDir');
    let result = rootDir === '' || rootDir.endsWith('/') ? rootDir : `${rootDir}/`;
    let node = this.lookup(name, false);
    if (node === undefined || node.value === '') return normalise(result + fallback);

    let value = node.value;
    while (node.parent !== null) {
      if (node.parent.value === '') {
        node = node.parent;
        continue;
      }
      if (value.startsWith('/')) {
        if (value.startsWith('/dev/null')) value = '/dev/null';
        break;
      }
      if (/^[~.]\//.test(value) || value.startsWith('../')) break;
      value = node.parent.value.endsWith('/') ? node.parent.value + value : `${node.parent.value}/${value}`;
      node = node.parent;
    }
    result += value;
    return normalise(result);
  }

  findDir(name: string, fallback = ''): string {
    const file = this.findFile(name, fallback);
    if (file.endsWith('/') || file.endsWith('/dev/null')) return file;
    return `${file}/`;
  }
}

function newNode(tag: string, parent: ConfigNode | null): ConfigNode {
  return { tag, value: '', children: [], parent, origin: null, serial: 0 };
}

/** Empty tags match nothing: they make a new list item. */
function child(node: ConfigNode, tag: string, create: boolean): ConfigNode | undefined {
  const lower = tag.toLowerCase();
  const found = tag === '' ? undefined : node.children.find((item) => item.tag.toLowerCase() === lower);
  if (found !== undefined || !create) return found;
  const created = newNode(tag, node);
  node.children.push(created);
  return created;
}

/** flNormalize: `/./` and `//` collapse. */
function normalise(path: string): string {
  let result = path;
  while (result.includes('/./')) result = result.replace('/./', '/');
  while (result.includes('//')) result = result.replace('//', '/');
  return result;
}

/** apt's defaults for the paths we read (init.cc pkgInitConfig). */
export function defaultConfig(): ConfigTree {
  const tree = new ConfigTree();
  const defaults: [string, string][] = [
    ['Dir', '/'], ['Dir::Etc', 'etc/apt/'], ['Dir::Etc::sourcelist', 'sources.list'],
    ['Dir::Etc::sourceparts', 'sources.list.d'], ['Dir::Etc::main', 'apt.conf'],
    ['Dir::Etc::netrc', 'auth.conf'], ['Dir::Etc::netrcparts', 'auth.conf.d'],
    ['Dir::Etc::parts', 'apt.conf.d'], ['Dir::Etc::preferences', 'preferences'],
    ['Dir::Etc::preferencesparts', 'preferences.d'], ['Dir::Etc::trusted', 'trusted.gpg'],
    ['Dir::Etc::trustedparts', 'trusted.gpg.d'],
  ];
  for (const [name, value] of defaults) tree.set(name, value, null);
  return tree;
}
