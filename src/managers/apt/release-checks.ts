import type { SourceEntry } from './entry.js';
import { splitSignedBy } from './options.js';
import { leadingInteger, stringToBool } from './words.js';

/**
 * The checks apt makes while it turns entries into release indexes (debmetaindex.cc
 * CreateItemInternal): Signed-By must name paths or fingerprints, and every entry sharing one
 * Release file (same URI and suite, across files) must agree on the security options, or apt
 * stops with "Conflicting values set for option …".
 */

export interface GlobalDefaults {
  allowInsecure: boolean;
  allowWeak: boolean;
  allowDowngradeToInsecure: boolean;
}

interface ReleaseState {
  map: string;
  tri: Map<string, string>;
  times: Map<string, number>;
  signedBy: string;
}

const TRI_OPTIONS = ['trusted', 'check-valid-until', 'check-date'];
const TIME_OPTIONS = ['valid-until-max', 'valid-until-min', 'date-max-future'];

export class ReleaseChecks {
  private releases = new Map<string, ReleaseState>();

  constructor(private readonly defaults: GlobalDefaults) {}

  /** Check one file's enabled entries; on an error nothing of the file is kept. */
  checkFile(entries: readonly SourceEntry[]): { line: number; message: string } | null {
    const saved = new Map([...this.releases].map(([key, state]) => [key, cloneState(state)]));
    for (const entry of entries.filter((candidate) => candidate.enabled)) {
      const message = this.checkEntry(entry);
      if (message !== null) {
        this.releases = saved;
        return { line: entry.line, message };
      }
    }
    return null;
  }

  private checkEntry(entry: SourceEntry): string | null {
    const signedBy = normalisedSignedBy(entry);
    if (typeof signedBy !== 'string') return signedBy.error;
    for (const uri of entry.uris) {
      for (const suite of entry.suites) {
        const message = this.apply(`${uri}\u0000${suite}`, entry, signedBy);
        if (message !== null) return `${message} regarding source ${uri} ${suite}`;
      }
    }
    return null;
  }

  private apply(key: string, entry: SourceEntry, signedBy: string): string | null {
    const map = this.releaseMap(entry);
    const state = this.releases.get(key) ?? { map, tri: new Map(), times: new Map(), signedBy: '' };
    this.releases.set(key, state);
    if (state.map !== map) return 'Conflicting values set for release options';

    for (const option of TRI_OPTIONS) {
      const value = entry.options.get(option);
      const tri = value === undefined ? 'unset' : stringToBool(value, 0) === 1 ? 'yes' : 'no';
      const known = state.tri.get(option);
      if (known === undefined) state.tri.set(option, tri);
      else if (known !== tri) return `Conflicting values set for option ${option}`;
    }
    for (const option of TIME_OPTIONS) {
      const value = leadingInteger(entry.options.get(option) ?? '0');
      const known = state.times.get(option) ?? 0;
      if (known === 0) state.times.set(option, value);
      else if (known !== value) return `Conflicting values set for option ${option}`;
    }
    if (state.signedBy === '' && signedBy !== '') state.signedBy = signedBy;
    else if (state.signedBy !== signedBy) return 'Conflicting values set for option Signed-By';
    return null;
  }

  /** The ReleaseOptions map apt compares with MapsAreEqual. */
  private releaseMap(entry: SourceEntry): string {
    const flag = (option: string, fallback: boolean): boolean => {
      const value = entry.options.get(option);
      return value === undefined ? fallback : stringToBool(value, fallback ? 1 : 0) === 1;
    };
    return JSON.stringify([
      flag('allow-insecure', this.defaults.allowInsecure),
      flag('allow-weak', this.defaults.allowWeak),
      flag('allow-downgrade-to-insecure', this.defaults.allowDowngradeToInsecure),
      entry.options.get('inrelease-path') ?? null,
    ]);
  }
}

function cloneState(state: ReleaseState): ReleaseState {
  return { map: state.map, tri: new Map(state.tri), times: new Map(state.times), signedBy: state.signedBy };
}

function normalisedSignedBy(entry: SourceEntry): string | { error: string } {
  if (entry.inlineKey !== null) return entry.inlineKey;
  const split = splitSignedBy(entry.options.get('signed-by'));
  if (split === null) return '';
  return Array.isArray(split) ? split.join(',') : split;
}
