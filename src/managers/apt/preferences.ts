import type { Problem, Risk, Setting } from '../types.js';
import { settingItem } from './setting-item.js';
import { problem } from './source-files.js';
import { fieldValue, readTagFile, type Stanza } from './tag-file.js';
import { leadingInteger } from './words.js';

/**
 * apt_preferences(5) files as apt 2.6's ReadPinFile reads them (policy.cc). One Setting per pin
 * record. A record without Package, or with a zero or out-of-range priority, makes apt stop:
 * the file then yields nothing. A pin type apt does not know only skips its record.
 *
 * Risk (our judgement): a `Package: *` record with priority ≥ 990 lets the pinned repository win
 * over the distribution's own; high when the pin names a non-Debian/Ubuntu origin, medium when
 * it selects by archive or codename alone (any repository could claim it). Pins of named
 * packages carry no risk.
 */

const NEVER = -32768;
const DISTRO_HOST = /(^|\.)(debian\.org|ubuntu\.com)$/i;
const DISTRO_ORIGIN = /^"?(debian|debian backports|debian-security|ubuntu|ubuntu esm)"?$/i;

export function readPreferences(path: string, text: string): { settings: Setting[]; problems: Problem[] } {
  const tagFile = readTagFile(text);
  const settings: Setting[] = [];
  const problems: Problem[] = [];
  for (const stanza of tagFile.stanzas) {
    const record = readRecord(stanza);
    if (typeof record === 'string') {
      return { settings: [], problems: [problem(path, stanza.line, `${record}; apt refuses this file`)] };
    }
    if ('ignored' in record) problems.push(problem(path, stanza.line, record.ignored));
    else settings.push(toSetting(path, record));
  }
  if (tagFile.problem !== null) {
    return { settings: [], problems: [problem(path, tagFile.problem.line, tagFile.problem.message)] };
  }
  return { settings, problems };
}

interface PinRecord {
  packages: string;
  pin: string;
  priority: number | 'never';
}

function readRecord(stanza: Stanza): PinRecord | { ignored: string } | string {
  const packages = fieldValue(stanza, 'Package') ?? '';
  if (packages === '') return 'Invalid record in the preferences file, no Package header';
  const pin = fieldValue(stanza, 'Pin');
  if (pin === undefined) return { ignored: 'record without Pin: apt skips it' };

  const type = pin.split(/\s/)[0] ?? '';
  const lower = type.toLowerCase();
  const known = lower === 'release' || lower === 'origin' || (lower === 'version' && packages !== '*');
  if (!known) return { ignored: `Did not understand pin type ${type}: apt skips this record` };

  const written = fieldValue(stanza, 'Pin-Priority') ?? '';
  if (written === 'never' && packages !== '*') {
    return "The special 'Pin-Priority: never' can only be used for 'Package: *' records";
  }
  const priority = written === 'never' ? NEVER : leadingInteger(written);
  if (priority < NEVER || priority > 32767) return `Value ${written} is outside the range of valid pin priorities`;
  if (priority === 0) return 'No priority (or zero) specified for pin';
  return { packages, pin, priority: written === 'never' ? 'never' : priority };
}

function toSetting(path: string, record: PinRecord): Setting {
  const name = `preferences Package: ${record.packages} Pin: ${record.pin}`;
  const value = { package: record.packages, pin: record.pin, priority: record.priority };
  return settingItem(path, name, value, judgePin(record));
}

function judgePin(record: PinRecord): Risk[] {
  if (record.packages !== '*' || record.priority === 'never' || record.priority < 990) return [];
  const what = `Pin-Priority ${record.priority} for every package`;
  const origin = pinnedOrigin(record.pin);
  if (origin === 'distro') return [];
  if (origin === 'unknown') {
    const message = `${what} from any repository matching ${record.pin}`;
    return [{ rule: 'insecure-setting', severity: 'medium', message }];
  }
  const message = `${what} from ${origin}: it overrides distribution packages`;
  return [{ rule: 'insecure-setting', severity: 'high', message }];
}

/** 'distro', 'unknown' (release pin by archive/codename only) or the third-party origin named. */
function pinnedOrigin(pin: string): string {
  const [type, ...rest] = pin.split(/\s+/);
  const argument = rest.join(' ').trim();
  if (type?.toLowerCase() === 'origin') {
    const host = argument.replace(/^"|"$/g, '');
    return host === '' || DISTRO_HOST.test(host) ? 'distro' : `origin ${host}`;
  }
  const selectors = argument.split(',').map((part) => part.trim().split('='));
  const named = selectors.filter(([key]) => key === 'o' || key === 'l').map(([, value]) => value ?? '');
  if (named.length === 0) return 'unknown';
  const third = named.find((value) => !DISTRO_ORIGIN.test(value));
  return third === undefined ? 'distro' : `release ${argument}`;
}
