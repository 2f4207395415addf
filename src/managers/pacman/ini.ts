/**
 * pacman's INI reader (src/common/ini.c `parse_ini`): lines come from `fgets` into a PATH_MAX
 * buffer, are trimmed with isspace(), `#` comments only at the start, `[name]` sections and
 * `key = value` directives split at the first `=`.
 */

/** fgets(line, PATH_MAX, fp) keeps at most 4095 bytes, the newline included. */
const FGETS_BYTES = 4095;

export type IniEvent =
  | { kind: 'section'; line: number; name: string }
  | { kind: 'directive'; line: number; key: string; value: string | null };

export function readIni(bytes: Buffer): IniEvent[] {
  const events: IniEvent[] = [];
  let line = 0;
  for (const chunk of fgetsChunks(bytes)) {
    line += 1;
    const event = parseLine(cString(chunk), line);
    if (event !== undefined) events.push(event);
  }
  return events;
}

function parseLine(raw: string, line: number): IniEvent | undefined {
  const text = trimSpace(raw);
  if (text === '' || text.startsWith('#')) return undefined;

  if (text.startsWith('[') && text.endsWith(']') && text.length >= 2) {
    return { kind: 'section', line, name: text.slice(1, -1) };
  }

  const equals = text.indexOf('=');
  if (equals < 0) return { kind: 'directive', line, key: text, value: null };
  const key = trimSpace(text.slice(0, equals));
  return { kind: 'directive', line, key, value: trimSpace(text.slice(equals + 1)) };
}

/**
 * Split the file as repeated fgets calls would: a line longer than the buffer goes on as a
 * new "line", so text after byte 4095 of a long comment is read as a directive.
 */
function* fgetsChunks(bytes: Buffer): Generator<Buffer> {
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const take = Math.min(end - start, FGETS_BYTES);
    yield bytes.subarray(start, start + take);
    start += take;
  }
}

/** C string functions stop at the first NUL byte. */
function cString(chunk: Buffer): string {
  const nul = chunk.indexOf(0);
  return (nul < 0 ? chunk : chunk.subarray(0, nul)).toString('utf8');
}

/** strtrim() trims what isspace() accepts in the C locale. */
export function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}
