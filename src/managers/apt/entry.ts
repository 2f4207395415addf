/** One sources.list line or one deb822 stanza, as apt 2.6 understands it, before it becomes a Source. */
export interface SourceEntry {
  format: 'one-line' | 'deb822';
  /** Line of the entry (one-line) or of the first field of the stanza (deb822). */
  line: number;
  /** apt's own locator: the line (one-line) or the stanza counted from 1 (deb822). */
  entry: number;
  enabled: boolean;
  types: string[];
  /** After apt's canonicalisation (apt-uri.ts), credentials still in: redact before reporting. */
  uris: string[];
  suites: string[];
  components: string[];
  /** Option key (one-line spelling) → value as written, for the options apt acts on. */
  options: Map<string, string>;
  /** Options apt 2.6 reads but ignores here: unknown one-line keys, deb822 Allow-* fields. */
  ignored: Map<string, string>;
  /** An armored key given inline in a deb822 Signed-By field, normalised as apt does. */
  inlineKey: string | null;
}

export interface ParsedSourcesFile {
  entries: SourceEntry[];
  /** Set when apt refuses the file: it then yields no source at all. */
  problem: { line: number | null; message: string } | null;
}

export const SOURCE_TYPES: ReadonlySet<string> = new Set(['deb', 'deb-src']);

/** Option keys apt (2.6 to 3.1) acts on; sources.list(5). */
export const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'arch', 'arch+', 'arch-', 'lang', 'lang+', 'lang-', 'target', 'target+', 'target-',
  'pdiffs', 'by-hash', 'trusted', 'check-valid-until', 'valid-until-min', 'valid-until-max',
  'check-date', 'date-max-future', 'signed-by', 'allow-insecure', 'allow-weak',
  'allow-downgrade-to-insecure', 'inrelease-path', 'snapshot', 'include', 'exclude',
]);

/** Is this suite an exact path (`suite/`), which takes no components? */
export function isExactPath(suite: string): boolean {
  return suite.endsWith('/');
}

export function substituteArch(text: string, arch: string | undefined): string {
  return arch === undefined ? text : text.replaceAll('$(ARCH)', arch);
}

/** Split known and ignored options, keeping apt's last-one-wins for repeated keys. */
export function sortOptions(raw: Iterable<[string, string]>): Pick<SourceEntry, 'options' | 'ignored'> {
  const options = new Map<string, string>();
  const ignored = new Map<string, string>();
  for (const [key, value] of raw) {
    if (KNOWN_OPTIONS.has(key)) options.set(key, value);
    else ignored.set(key, value);
  }
  return { options, ignored };
}
