/** A libzypp TriBool: `null` is indeterminate (unset or unrecognised). */
export type TriBool = boolean | null;

/** str::strToTrue: `1 yes true on +` (any case) or a non-zero number (strtoll, base 0). */
export function strToTrue(value: string): boolean {
  const word = value.toLowerCase();
  return ['1', 'yes', 'true', 'on', '+'].includes(word) || strtonum(value) !== 0;
}

/** str::strToFalse is true unless the value is `0 no false off -` (any case). */
function strToFalse(value: string): boolean {
  return !['0', 'no', 'false', 'off', '-'].includes(value.toLowerCase());
}

/** str::strToTriBool: true, false, or indeterminate for anything else. */
export function strToTriBool(value: string): TriBool {
  if (strToTrue(value)) return true;
  if (!strToFalse(value)) return false;
  return null;
}

/** str::strToBool: look only for the word that differs from the default. */
export function strToBool(value: string, fallback: boolean): boolean {
  return fallback ? strToFalse(value) : strToTrue(value);
}

/**
 * strtoll/strtoul with base 0: leading blanks, a sign, then `0x` hex, `0` octal or decimal
 * digits up to the first that does not fit; 0 when there are none.
 */
export function strtonum(value: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(value);
  if (match === null) return 0;
  const digits = match[2] ?? '0';
  const magnitude = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.startsWith('0')
      ? Number.parseInt(digits, 8)
      : Number.parseInt(digits, 10);
  return match[1] === '-' ? -magnitude : magnitude;
}
