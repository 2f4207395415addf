import { fixupUri } from './apt-uri.js';
import {
  isExactPath,
  type ParsedSourcesFile,
  SOURCE_TYPES,
  type SourceEntry,
  substituteArch,
} from './entry.js';
import { fieldValue, multiValue, readTagFile, type Stanza } from './tag-file.js';
import { stringToBool } from './words.js';

/**
 * `*.sources` files, after apt 2.6's ParseFileDeb822 and Type::ParseStanza (sourcelist.cc).
 * One entry per stanza; an error anywhere makes apt refuse the file, so it yields nothing.
 */

/** deb822 field → one-line option key. Lists are joined with `,` as apt does. */
const LIST_FIELDS: ReadonlyMap<string, string> = new Map([
  ['architectures', 'arch'], ['architectures-add', 'arch+'], ['architectures-remove', 'arch-'],
  ['languages', 'lang'], ['languages-add', 'lang+'], ['languages-remove', 'lang-'],
  ['targets', 'target'], ['targets-add', 'target+'], ['targets-remove', 'target-'],
]);

// Snapshot, Include and Exclude are mapped from apt 3.0/3.1 on; apt 2.6 ignores them harmlessly.
const VALUE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['trusted', 'trusted'], ['check-valid-until', 'check-valid-until'],
  ['valid-until-min', 'valid-until-min'], ['valid-until-max', 'valid-until-max'],
  ['check-date', 'check-date'], ['date-max-future', 'date-max-future'], ['signed-by', 'signed-by'],
  ['pdiffs', 'pdiffs'], ['by-hash', 'by-hash'], ['snapshot', 'snapshot'],
  ['include', 'include'], ['exclude', 'exclude'],
]);

/** Documented in sources.list(5) but never mapped by apt (up to 3.1.12): no effect in .sources. */
const IGNORED_FIELDS: ReadonlyMap<string, string> = new Map([
  ['allow-insecure', 'allow-insecure'], ['allow-weak', 'allow-weak'],
  ['allow-downgrade-to-insecure', 'allow-downgrade-to-insecure'], ['inrelease-path', 'inrelease-path'],
]);

const INLINE_KEY = '-----BEGIN PGP PUBLIC KEY BLOCK-----';

export function parseDeb822File(text: string, arch?: string): ParsedSourcesFile {
  const tagFile = readTagFile(text);
  const entries: SourceEntry[] = [];
  for (const [index, stanza] of tagFile.stanzas.entries()) {
    const parsed = parseStanza(stanza, index + 1, arch);
    if (typeof parsed === 'string') return { entries: [], problem: { line: stanza.line, message: parsed } };
    if (parsed !== null) entries.push(parsed);
  }
  if (tagFile.problem !== null) return { entries: [], problem: tagFile.problem };
  return { entries, problem: null };
}

function parseStanza(stanza: Stanza, number: number, arch: string | undefined): SourceEntry | string | null {
  if (fieldValue(stanza, 'Types') === undefined) return `Malformed stanza ${number} in source list (type)`;
  const types = multiValue(stanza, 'Types');
  const unknown = types.find((type) => !SOURCE_TYPES.has(type));
  if (unknown !== undefined) return `Type '${unknown}' is not known on stanza ${number} in source list`;
  // An empty Types field gives apt nothing to create, and no error either.
  if (types.length === 0) return null;

  const enabledValue = fieldValue(stanza, 'Enabled') ?? '';
  const enabled = enabledValue === '' || stringToBool(enabledValue, -1) !== 0;
  const rawUris = multiValue(stanza, 'URIs');
  const suites = multiValue(stanza, 'Suites').map((suite) => substituteArch(suite, arch));
  const components = multiValue(stanza, 'Components');
  const uris = rawUris.map((uri) => fixupUri(uri, arch) ?? uri);
  const entry: SourceEntry = {
    format: 'deb822',
    line: stanza.line,
    entry: number,
    enabled,
    types,
    uris,
    suites,
    components,
    ...optionsOf(stanza),
    inlineKey: inlineKeyOf(stanza),
  };
  if (!enabled) return entry;

  const error = validate(rawUris, suites, components);
  return error === null ? entry : `Malformed entry ${number} in sources file (${error})`;
}

function validate(uris: string[], suites: string[], components: string[]): string | null {
  if (uris.length === 0) return 'URI';
  if (suites.length === 0) return 'Suite';
  if (uris.some((uri) => fixupUri(uri) === null)) return 'URI parse';
  if (suites.some(isExactPath) && components.length > 0) return 'absolute Suite Component';
  if (suites.some((suite) => !isExactPath(suite)) && components.length === 0) return 'Component';
  return null;
}

function optionsOf(stanza: Stanza): Pick<SourceEntry, 'options' | 'ignored'> {
  const options = new Map<string, string>();
  const ignored = new Map<string, string>();
  for (const [field, { value }] of stanza.fields) {
    const list = LIST_FIELDS.get(field);
    if (list !== undefined) options.set(list, multiValue(stanza, field).join(','));
    const option = VALUE_FIELDS.get(field);
    if (option !== undefined) options.set(option, value);
    const skipped = IGNORED_FIELDS.get(field);
    if (skipped !== undefined) ignored.set(skipped, value);
  }
  return { options, ignored };
}

/** NormalizeSignedBy for an embedded key: every line stripped, ` .` lines made empty. */
function inlineKeyOf(stanza: Stanza): string | null {
  const value = fieldValue(stanza, 'Signed-By');
  if (value === undefined || !value.includes(INLINE_KEY)) return null;
  return value
    .split('\n')
    .map((line) => line.trim())
    .map((line) => (line === '.' ? '' : line))
    .join('\n');
}
