import { isSpace } from './words.js';

/**
 * deb822 stanzas as apt 2.6's pkgTagFile reads them with SUPPORT_COMMENTS (tagfile.cc): lines
 * starting with `#` in column 1 are removed first, so a comment inside a stanza does not split
 * it; a stanza ends at an empty line (`\r` tolerated, a line of blanks is a continuation); field
 * names are case-insensitive and a repeated field keeps its last value.
 */

export interface Stanza {
  /** Line of the first field. */
  line: number;
  fields: Map<string, { name: string; value: string }>;
}

export interface TagFile {
  stanzas: Stanza[];
  /** apt could not scan the rest of the file (a field line without a colon, say). */
  problem: { line: number; message: string } | null;
}

interface Buffer822 {
  text: string;
  /** Original line number of each line of `text`. */
  lines: number[];
  lineStarts: number[];
}

export function readTagFile(source: string): TagFile {
  const buffer = withoutComments(source);
  const stanzas: Stanza[] = [];
  let offset = 0;
  while (offset < buffer.text.length) {
    const scanned = scanStanza(buffer, offset);
    if (scanned === null) {
      return { stanzas, problem: { line: lineAt(buffer, offset), message: 'Unable to parse the stanza here' } };
    }
    if (scanned.stanza.fields.size > 0) stanzas.push(scanned.stanza);
    offset = scanned.next;
  }
  return { stanzas, problem: null };
}

function withoutComments(source: string): Buffer822 {
  const kept: string[] = [];
  const lines: number[] = [];
  for (const [index, line] of source.split('\n').entries()) {
    if (line.startsWith('#')) continue;
    kept.push(line);
    lines.push(index + 1);
  }
  // pkgTagFile makes sure the last stanza ends in an empty line.
  const text = `${kept.join('\n')}\n\n`;
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineStarts.push(index + 1);
  return { text, lines, lineStarts };
}

function lineAt(buffer: Buffer822, offset: number): number {
  let low = 0;
  let high = buffer.lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((buffer.lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return buffer.lines[Math.min(low, buffer.lines.length - 1)] ?? 1;
}

interface PendingField {
  name: string;
  valueStart: number;
  tagStart: number;
}

/** pkgTagSection::Scan: fields from `start` up to the next empty line. */
function scanStanza(buffer: Buffer822, start: number): { stanza: Stanza; next: number } | null {
  const { text } = buffer;
  const found: PendingField[] = [];
  let stop = start;
  while (stop < text.length) {
    if (!isSpace(text[stop])) {
      const field = scanFieldName(text, stop);
      if (field === null) return null;
      found.push(field);
      stop = field.valueStart;
    }
    stop = text.indexOf('\n', stop);
    if (stop < 0) return null;
    while (text[stop + 1] === '\r') stop += 1;
    if (text[stop + 1] === '\n') {
      return { stanza: toStanza(buffer, found, stop), next: skipNewlines(text, stop) };
    }
    stop += 1;
  }
  return null;
}

function scanFieldName(text: string, start: number): PendingField | null {
  const colon = text.indexOf(':', start);
  if (colon < 0) return null;
  let nameEnd = colon;
  while (nameEnd > start && isSpace(text[nameEnd - 1])) nameEnd -= 1;
  let valueStart = colon + 1;
  for (; valueStart < text.length && isSpace(text[valueStart]); valueStart += 1) {
    if (text[valueStart] === '\n' && text[valueStart + 1] !== ' ') break;
  }
  if (valueStart >= text.length) return null;
  return { name: text.slice(start, nameEnd), valueStart, tagStart: start };
}

function skipNewlines(text: string, from: number): number {
  let next = from;
  while (next < text.length && (text[next] === '\n' || text[next] === '\r')) next += 1;
  return next;
}

function toStanza(buffer: Buffer822, found: PendingField[], end: number): Stanza {
  const fields = new Map<string, { name: string; value: string }>();
  for (const [index, field] of found.entries()) {
    const valueEnd = found[index + 1]?.tagStart ?? end;
    const value = buffer.text.slice(field.valueStart, Math.max(valueEnd, field.valueStart));
    fields.set(field.name.toLowerCase(), { name: field.name, value: value.replace(/[\t\n\v\f\r ]+$/, '') });
  }
  const first = found[0];
  return { line: first === undefined ? 0 : lineAt(buffer, first.tagStart), fields };
}

/** A field's value split on any whitespace, as FindMultiValue does. */
export function multiValue(stanza: Stanza, name: string): string[] {
  const value = stanza.fields.get(name.toLowerCase())?.value ?? '';
  return value.split(/[\t\n\v\f\r ]+/).filter((word) => word !== '');
}

export function fieldValue(stanza: Stanza, name: string): string | undefined {
  return stanza.fields.get(name.toLowerCase())?.value;
}
