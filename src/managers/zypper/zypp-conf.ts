import type { Problem, RootView } from '../types.js';
import { parseZyppIni } from './ini.js';
import { problem, readText } from './model.js';
import type { TriBool } from './values.js';
import { strToBool, strToTriBool } from './values.js';

export interface ConfEntry {
  key: string;
  value: string;
  path: string;
  line: number;
}

export interface ZyppConf {
  /** [main] as it takes effect (later files win), keyed by option name. */
  entries: Map<string, ConfEntry>;
  reposdir: string;
  varsdir: string;
  servicesdir: string;
  gpgcheck: boolean;
  repoGpgcheck: TriBool;
  pkgGpgcheck: TriBool;
  problems: Problem[];
}

const ETC = '/etc/zypp';
const VENDOR = '/usr/etc/zypp';

/**
 * zypp.conf as ZConfig reads it: `$ZYPP_CONF` alone when set; else /etc/zypp/zypp.conf, or the
 * vendor /usr/etc/zypp/zypp.conf when there is none, then the `*.conf` drop-ins of both
 * zypp.conf.d dirs by name (/etc masking /usr). Only [main] counts. A file libzypp cannot parse
 * stops zypper; here it is a problem and its options are not applied.
 */
export function readZyppConf(root: RootView, env: Readonly<Record<string, string>>): ZyppConf {
  const entries = new Map<string, ConfEntry>();
  const problems: Problem[] = [];
  for (const path of confFiles(root, env)) {
    const text = readText(root, path, problems);
    if (text === undefined) continue;
    const parsed = parseZyppIni(text, false);
    if (!parsed.ok) {
      problems.push(problem(path, parsed.line, `${parsed.message}; zypper stops on it`));
      continue;
    }
    const main = parsed.sections.find((section) => section.name === 'main');
    for (const [key, entry] of main?.entries ?? []) entries.set(key, { key, ...entry, path });
  }

  const get = (key: string): string | undefined => entries.get(key)?.value;
  const configdir = get('configdir') ?? ETC;
  const gpgcheck = get('gpgcheck');
  const repoGpgcheck = get('repo_gpgcheck');
  const pkgGpgcheck = get('pkg_gpgcheck');
  return {
    entries,
    reposdir: get('reposdir') ?? `${configdir}/repos.d`,
    varsdir: get('varsdir') ?? `${configdir}/vars.d`,
    servicesdir: get('servicesdir') ?? `${configdir}/services.d`,
    gpgcheck: gpgcheck === undefined ? true : strToBool(gpgcheck, true),
    repoGpgcheck: repoGpgcheck === undefined ? null : strToTriBool(repoGpgcheck),
    pkgGpgcheck: pkgGpgcheck === undefined ? null : strToTriBool(pkgGpgcheck),
    problems,
  };
}

function confFiles(root: RootView, env: Readonly<Record<string, string>>): string[] {
  const forced = env.ZYPP_CONF;
  if (forced !== undefined && forced !== '') return [forced];

  const main =
    root.kind(`${ETC}/zypp.conf`) === 'file' ? `${ETC}/zypp.conf` : `${VENDOR}/zypp.conf`;
  const dropins = new Map<string, string>();
  for (const dir of [`${ETC}/zypp.conf.d`, `${VENDOR}/zypp.conf.d`]) {
    for (const entry of root.list(dir)) {
      if (entry.kind !== 'file' || !entry.name.endsWith('.conf') || dropins.has(entry.name))
        continue;
      dropins.set(entry.name, `${dir}/${entry.name}`);
    }
  }
  const names = [...dropins.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return [main, ...names.map((name) => dropins.get(name) ?? name)];
}
