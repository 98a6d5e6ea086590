/**
 * Joining the lines of text that was wrapped (a paragraph of a plain-text draft, a cell of a table set out with
 * spaces). A line that ends in a hyphen after a letter, before a line that opens in lower case or with a digit,
 * broke a word at its hyphen ("rare-" over "earth metals", as a PDF sets a narrow column; "post-" over "2020
 * period"): the two join without a space. The hyphen stays: it cannot be told from a hyphen a typesetter added,
 * and a compound that lost its hyphen would read as a change of wording, where one that keeps a typesetter's
 * reads only as a change of punctuation.
 */

/** Whether `before` ends in a word broken at a hyphen that `after` continues. */
function brokenAtHyphen(before: string, after: string): boolean {
  return /\p{L}-$/u.test(before) && /^[\p{Ll}\d]/u.test(after);
}

/** Two wrapped lines' text as one (see above): a space between them, unless a word broke at its hyphen. */
export function joinWrapped(before: string, after: string): string {
  const a = before.trimEnd(), b = after.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  return brokenAtHyphen(a, b) ? a + b : `${a} ${b}`;
}

/** Wrapped lines' text as one (joinWrapped over them in order). */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out = joinWrapped(out, line);
  return out;
}
