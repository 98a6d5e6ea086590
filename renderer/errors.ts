/**
 * A failure as the user reads it: the sentence of an ApiError (or of the plain object Electron's bridge turns one
 * into), else the error as text.
 */
export function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e?.message ? e.message : String(error);
}
