/**
 * The one error type the dossier store throws. Its message is a plain sentence meant for the user (a window
 * or the command line shows it as is, without a stack trace); `code` is for programs that react to it.
 */
import type { ManifestDiagnostic } from '../../model/dossier.js';

export type DossierErrorCode =
  | 'not-empty'
  | 'not-a-dossier'
  | 'invalid-manifest'
  | 'invalid-input'
  | 'locked'
  | 'read-only'
  | 'closed'
  | 'changed-on-disk'
  | 'hash-mismatch'
  | 'missing-file'
  | 'version-exists'
  | 'invalid-working'
  | 'io';

export class DossierError extends Error {
  override readonly name = 'DossierError';
  readonly code: DossierErrorCode;
  /** Located problems behind the error, when there are any (an invalid dossier.yaml). */
  readonly diagnostics: ManifestDiagnostic[];

  constructor(code: DossierErrorCode, message: string, options: { diagnostics?: ManifestDiagnostic[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** The system error code of a Node fs failure ("ENOENT", "EEXIST" …), if it is one. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Wrap an unexpected fs failure in a sentence that says what Parley was doing and to which file. */
export function ioError(doing: string, file: string, error: unknown): DossierError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DossierError('io', `Could not ${doing} ${file}: ${reason}`, { cause: error });
}
