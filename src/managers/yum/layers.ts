import type { Problem } from '../types.js';
import type { IniEntry, Stack, Vars } from './model.js';
import { problem } from './model.js';
import { substituteLibdnf } from './substitute.js';
import { InvalidValue } from './values.js';

/**
 * One place an option value can come from, most important first when resolving: dnf 5
 * overrides, then the repo section, then [main] for the options a repo inherits.
 */
export interface Layer {
  /** 'repo', 'main', or the override file for dnf 5. */
  origin: string;
  entries: ReadonlyMap<string, IniEntry>;
  /** libdnf substitutes variables in repo values; dnf 4 does not in [main]. */
  substitute: boolean;
}

export interface Resolved<T> {
  value: T;
  /** 'default', or the origin of the layer that set it. */
  from: string;
  entry: IniEntry | undefined;
  /** The value as written, before variables were replaced. */
  raw: string | undefined;
}

/** yum 3 drops a repo whose option it cannot parse ("Error parsing config"). */
export class RepoRejected extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Resolves options for one repo and collects the values each stack refuses. */
export class Resolver {
  readonly problems: Problem[] = [];

  constructor(
    private readonly stack: Stack,
    private readonly vars: Vars,
    private readonly layers: readonly Layer[],
  ) {}

  /** Whether a layer other than [main] writes the option (an explicit repo setting). */
  writes(key: string): boolean {
    return this.layers.some((layer) => layer.origin !== 'main' && layer.entries.has(key));
  }

  /**
   * The first layer whose value the option type accepts. libdnf logs an invalid value and keeps
   * what it had (the next layer); yum 3 gives up on the whole repo (InvalidValue propagates).
   */
  get<T>(key: string, inherits: boolean, parse: (value: string) => T, fallback: T): Resolved<T> {
    for (const layer of this.layers) {
      if (layer.origin === 'main' && !inherits) continue;
      const entry = layer.entries.get(key);
      if (entry === undefined) continue;

      const value = this.valueOf(layer, entry);
      try {
        return { value: parse(value), from: layer.origin, entry, raw: entry.raw ?? entry.value };
      } catch (error) {
        if (!(error instanceof InvalidValue)) throw error;
        const message = `${entry.key}=${value}: ${error.message}`;
        if (this.stack === 'yum3') throw new RepoRejected(problem(entry.path, entry.line, message));
        this.problems.push(problem(entry.path, entry.line, `${message}; dnf ignores this line`));
      }
    }
    return { value: fallback, from: 'default', entry: undefined, raw: undefined };
  }

  private valueOf(layer: Layer, entry: IniEntry): string {
    if (this.stack === 'yum3') return entry.value;
    const value = layer.substitute ? substituteLibdnf(entry.value, this.vars) : entry.value;
    // dnf 4's python layer (BaseConfig._populate) reads the word None as an empty value.
    return this.stack === 'dnf4' && value === 'None' ? '' : value;
  }
}
