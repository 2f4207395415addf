import type { JsonValue, Setting } from '../types.js';
import type { ConfigNode, ConfigTree } from './config-tree.js';
import { settingItem } from './setting-item.js';
import { displayValue, matchSetting } from './setting-rules.js';

/**
 * Settings from the apt.conf tree: only the options setting-rules.ts lists, only those some file
 * set (apt's built-in defaults are not news). `Binary::<prog>::X` is folded onto X when <prog>
 * runs, so it is judged as X; its name keeps the prefix, and the risk says when it applies.
 */
export function buildSettings(tree: ConfigTree): Setting[] {
  const settings: Setting[] = [];
  for (const flat of flatten(tree.root, '')) {
    const setting = toSetting(flat);
    if (setting !== null) settings.push(setting);
  }
  return settings;
}

interface FlatOption {
  name: string;
  value: JsonValue;
  origin: string;
}

/** Named nodes become names; the list items (empty tags) below a node become its value. */
function flatten(node: ConfigNode, prefix: string): FlatOption[] {
  const options: FlatOption[] = [];
  for (const child of node.children) {
    if (child.tag === '') continue;
    const name = prefix === '' ? child.tag : `${prefix}::${child.tag}`;
    const items = child.children.filter((item) => item.tag === '');
    const latest = latestOrigin(child, items);
    if (latest !== null && (child.origin !== null || items.length > 0)) {
      const value: JsonValue = items.length > 0 ? listValue(child, items) : child.value;
      options.push({ name, value, origin: latest });
    }
    options.push(...flatten(child, name));
  }
  return options;
}

function listValue(node: ConfigNode, items: ConfigNode[]): JsonValue {
  const values = items.map((item) => item.value);
  return node.value === '' ? values : [node.value, ...values];
}

function latestOrigin(node: ConfigNode, items: ConfigNode[]): string | null {
  let best: ConfigNode | null = node.origin === null ? null : node;
  for (const item of items) {
    if (item.origin !== null && (best === null || item.serial > best.serial)) best = item;
  }
  return best?.origin ?? null;
}

function toSetting(option: FlatOption): Setting | null {
  const binary = /^binary::([^:]+)::(.+)$/i.exec(option.name);
  const program = binary?.[1] ?? null;
  const match = matchSetting(binary?.[2] ?? option.name);
  if (match === null) return null;

  const name = program === null ? match.canonical : `Binary::${program}::${match.canonical}`;
  const risks = match.rule.judge(option.value).map((risk) =>
    program === null ? risk : { ...risk, message: `${risk.message} (when ${program} runs)` },
  );
  return settingItem(option.origin, name, displayValue(match.canonical, option.value), risks);
}
