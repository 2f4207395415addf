/**
 * The contract between the pipeline and each package manager. A manager names the paths it may
 * read, and turns one state of an image's filesystem into the items it would act on: sources
 * (where packages come from), settings (global options that change trust or transport) and keys
 * (trust anchors). Everything downstream (diff, attribution, findings, reports) works on these
 * items without knowing which manager produced them.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Stable rule ids; `src/findings/catalog.ts` gives each one a default severity and an explanation. */
export type RuleId =
  | 'plain-http'
  | 'trusted-source'
  | 'signature-check-disabled'
  | 'metadata-signature-check-disabled'
  | 'allow-insecure'
  | 'tls-verify-disabled'
  | 'signed-by-removed'
  | 'key-added'
  | 'key-removed'
  | 'insecure-setting'
  | 'proxy-configured'
  | 'code-execution-hook'
  | 'credentials-in-uri'
  | 'new-host'
  | 'transient-source'
  | 'unparsed-file'
  | 'host-not-allowed'
  | 'key-not-allowed'
  | 'mirror-replaced'
  | 'suite-changed';

/** A risk that an item carries by itself, judged by the manager that knows its semantics. */
export interface Risk {
  rule: RuleId;
  severity: Severity;
  message: string;
}

/** What every item has, whatever its kind. */
export interface ItemBase {
  manager: string;
  /** Absolute path of the file that defines it, as the manager reads it (before symlinks). */
  path: string;
  /**
   * Shown to people and in JSON. A function of the item's content and path only, never of its
   * position in the file: for yum, zypper and pacman the repo id; for settings the option name.
   */
  id: string;
  /**
   * Keys that pair this item with its counterpart in another state, most specific first. Two
   * items pair when they share a key at the same position. Managers put the path into the key
   * when identity is per file (apt, apk) and leave it out when it is global (a yum repo id).
   */
  matchKeys: string[];
  risks: Risk[];
}

/** One repository as its package manager sees it. */
export interface Source extends ItemBase {
  kind: 'source';
  /** Every location fetched from: URIs, baseurl values, mirrorlist, metalink, Server lines; credentials replaced by `***`. */
  uris: string[];
  enabled: boolean;
  /** The manager's own fields after its own normalisation (apt: types, suites, components, options). */
  fields: Record<string, JsonValue>;
  /** Keys this source is restricted to (apt Signed-By, yum gpgkey); null when any key of a global keyring is trusted. */
  signedBy: string[] | null;
}

/** A global option that changes trust, transport or what runs, e.g. Acquire::AllowInsecureRepositories. */
export interface Setting extends ItemBase {
  kind: 'setting';
  name: string;
  value: JsonValue;
}

/** A trust anchor: a keyring file or a public key. */
export interface Key extends ItemBase {
  kind: 'key';
  /** 'global': trusted for every source of the manager; 'scoped': used only where a source names it. */
  scope: 'global' | 'scoped';
  sha256: string;
  /** OpenPGP primary-key fingerprints (upper-case hex) or, for PEM keys, the SHA-256 of the DER body. */
  fingerprints: string[];
  userIds: string[];
}

export type Item = Source | Setting | Key;

/** Something the manager could not read as it would: a malformed line, an unreadable file. */
export interface Problem {
  manager: string;
  path: string;
  line: number | null;
  message: string;
  /** How much it matters; 'info' when absent. A file read only in part is 'high': what it hides is unknown. */
  severity?: Severity;
}

export interface ManagerState {
  sources: Source[];
  settings: Setting[];
  keys: Key[];
  problems: Problem[];
}

export interface ConfigFile {
  /** The path asked for. */
  path: string;
  /** Where it resolved to inside the root, after symlinks. */
  realPath: string;
  bytes: Buffer;
  /** The bytes as UTF-8. */
  text: string;
  size: number;
  sha256: string;
  /** True when the file was larger than the read cap: `bytes` holds only its start. */
  truncated: boolean;
}

export interface DirEntry {
  name: string;
  /** After following symlinks inside the root; 'missing' for a dangling link. */
  kind: 'file' | 'dir' | 'missing' | 'other';
}

/**
 * A read-only view of an image's filesystem at one layer. Paths are absolute. Symlinks resolve
 * inside the image root; a loop throws a PkgrepoDiffError with code E_LINK naming the path.
 * Reading a path outside the watched paths is allowed: the pipeline notes the request and walks
 * the layers again for it, so managers can follow includes and Signed-By wherever they point.
 */
export interface RootView {
  readFile(path: string): ConfigFile | undefined;
  /** Entries of a directory, sorted by name (byte order); [] when it is absent or not a directory. */
  list(dir: string): DirEntry[];
  kind(path: string): DirEntry['kind'];
}

export interface ReadContext {
  /** The image config's Env, as KEY → value. */
  env: Readonly<Record<string, string>>;
}

export interface PackageManager {
  readonly name: string;
  /** Absolute paths the manager reads: a trailing '/' means everything below that directory. */
  readonly watch: readonly string[];
  /**
   * Paths whose presence or kind the manager checks but whose bytes it never reads, such as a
   * binary that tells which version runs. The walk records them without keeping their content.
   */
  readonly probe?: readonly string[];
  read(root: RootView, context: ReadContext): ManagerState;
}

export function emptyState(): ManagerState {
  return { sources: [], settings: [], keys: [], problems: [] };
}
