import type { Problem, RootView } from '../types.js';
import type { Lookup } from './expand.js';
import { parseZyppIni } from './ini.js';
import { problem, readText } from './model.js';
import type { UrlValue } from './url.js';
import { expandUrl } from './url.js';
import { strToTrue } from './values.js';

/** A repo index service (ServiceFileReader): on refresh it adds, changes or removes repos. */
export interface ZyppService {
  alias: string;
  path: string;
  line: number;
  name: string;
  url: UrlValue | null;
  enabled: boolean;
  autorefresh: boolean;
  type: string | null;
  reposToEnable: string[];
  reposToDisable: string[];
}

export interface ZyppServices {
  services: ZyppService[];
  problems: Problem[];
}

/**
 * Every non-dot file of the services dir is a service file (init_knownServices has no name
 * filter). A file libzypp cannot parse stops zypper; here it gives no service and a problem.
 */
export function readZyppServices(
  root: RootView,
  servicesdir: string,
  lookup: Lookup,
): ZyppServices {
  const found: ZyppServices = { services: [], problems: [] };
  for (const entry of root.list(servicesdir)) {
    if (entry.name.startsWith('.') || entry.kind !== 'file') continue;
    const path = `${servicesdir}/${entry.name}`;
    const parsed = parseZyppIni(readText(root, path, found.problems) ?? '', false);
    if (!parsed.ok) {
      found.problems.push(problem(path, parsed.line, `${parsed.message}; zypper stops on it`));
      continue;
    }
    for (const section of parsed.sections) {
      const get = (key: string): string | undefined => section.entries.get(key)?.value;
      const url = get('url');
      found.services.push({
        alias: section.name,
        path,
        line: section.line,
        name: get('name') ?? section.name,
        url: url === undefined || url === '' ? null : expandUrl(url, lookup),
        enabled: get('enabled') === undefined ? true : strToTrue(get('enabled') ?? ''),
        autorefresh: strToTrue(get('autorefresh') ?? '0'),
        type: get('type') ?? null,
        reposToEnable: words(get('repostoenable')),
        reposToDisable: words(get('repostodisable')),
      });
    }
  }
  return found;
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word !== '');
}
