import type { z } from 'zod';

import { PkgrepoDiffError } from '../errors.js';

/** Parse untrusted JSON bytes against a schema; the error names the input and the bad field. */
export function parseJson<T extends z.ZodType>(schema: T, bytes: Buffer | string, input: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString());
  } catch (error) {
    throw new PkgrepoDiffError('E_FORMAT', `not valid JSON: ${(error as Error).message}`, { input, cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new PkgrepoDiffError('E_FORMAT', `unexpected content${where}: ${issue?.message ?? 'invalid'}`, {
      input,
      cause: result.error,
    });
  }
  return result.data;
}
