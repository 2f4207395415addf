/** Stable error codes; the CLI maps every one of them to exit status 2. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_REFERENCE'
  | 'E_UNSUPPORTED'
  | 'E_NOT_FOUND'
  | 'E_FORMAT'
  | 'E_PLATFORM'
  | 'E_DIGEST'
  | 'E_LAYER'
  | 'E_LINK'
  | 'E_IO'
  /** The Docker engine could not be reached, or failed a request. */
  | 'E_ENGINE'
  | 'E_ABORTED'
  /** A registry refused or failed a request (404, 429, 5xx, a malformed answer). */
  | 'E_REGISTRY'
  /** A registry or its token service rejected the credentials tried. */
  | 'E_AUTH'
  /** The registry could not be reached: unknown host, refused or cut connection. */
  | 'E_NETWORK'
  /** TLS failed: an unknown certificate authority, a wrong host name, a handshake error. */
  | 'E_TLS';

export interface ErrorDetails {
  /** The input the error is about: an image reference, a file, a path inside an image. */
  input?: string;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

/** The one error class of pkgrepo-diff: a stable code, the input it names, a hint and the cause. */
export class PkgrepoDiffError extends Error {
  readonly code: ErrorCode;
  readonly input: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PkgrepoDiffError';
    this.code = code;
    this.input = details.input;
    this.hint = details.hint;
  }

  /** One line for people: `input: message (hint)`. */
  get line(): string {
    const prefix = this.input === undefined ? '' : `${this.input}: `;
    const hint = this.hint === undefined ? '' : ` (${this.hint})`;
    return oneLine(`${prefix}${this.message}${hint}`);
  }

  /** A copy that names a wider input, e.g. the image a layer error happened in. */
  within(input: string): PkgrepoDiffError {
    if (this.input?.startsWith(input)) return this;
    const inner = this.input === undefined ? input : `${input}: ${this.input}`;
    return new PkgrepoDiffError(this.code, this.message, { input: inner, hint: this.hint, cause: this.cause });
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Wrap anything thrown into a PkgrepoDiffError that names the input; keeps ours as they are. */
export function asPkgrepoDiffError(error: unknown, code: ErrorCode, input: string): PkgrepoDiffError {
  if (error instanceof PkgrepoDiffError) return error.within(input);
  if (isAbort(error)) return new PkgrepoDiffError('E_ABORTED', 'aborted', { input, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PkgrepoDiffError(code, message, { input, cause: error });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
