/**
 * Joining the lines of text that was wrapped (a paragraph of a plain-text draft, a cell of a table set out with
 * spaces). A line that ends in a hyphen after a letter, before a line that opens in lower case or with a digit,
 * broke a word at its hyphen ("rare-" over "earth metals", as a PDF sets a narrow column; "post-" over "2020
 * period"): the two join without a space.
 *
 * Whether the hyphen stays is read from the document itself (Vocabulary): a typesetter's hyphen ("negoti-" over
 * "ations", as a justified PDF hyphenates) goes where the document writes the word whole ("negotiations") and
 * nowhere with that hyphen; every other hyphen stays. It cannot be told otherwise from a hyphen of the word's own,
 * and a compound that lost its hyphen would read as a change of wording, where one that keeps a typesetter's
 * reads only as a change of punctuation.
 */

/** A word as written within a line: letters and digits, hyphens inside. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** The word (hyphenated compounds whole) that a line broken at a hyphen ends in, without that hyphen. */
const BROKEN_END = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u;
/** The word a continuation line opens with. */
const CONTINUATION_START = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u;

/** The words a document writes within its lines, in lower case: what says whether a line-end hyphen is its own. */
export class Vocabulary {
  private readonly words = new Set<string>();

  constructor(lines: Iterable<string>) {
    for (const line of lines) for (const m of line.matchAll(WORD)) this.words.add(m[0].toLowerCase());
  }

  /** Whether the word broken as `stem`- over `rest` is written whole elsewhere, and never with the hyphen. */
  closes(stem: string, rest: string): boolean {
    const closed = (stem + rest).toLowerCase();
    return this.words.has(closed) && !this.words.has(`${stem}-${rest}`.toLowerCase());
  }
}

/** Whether `before` ends in a word broken at a hyphen that `after` continues. */
function brokenAtHyphen(before: string, after: string): boolean {
  return /\p{L}-$/u.test(before) && /^[\p{Ll}\d]/u.test(after);
}

/**
 * Two wrapped lines' text as one (see above): a space between them, unless a word broke at its hyphen; that
 * hyphen dropped where `vocabulary` shows it was a typesetter's.
 */
export function joinWrapped(before: string, after: string, vocabulary?: Vocabulary): string {
  const a = before.trimEnd(), b = after.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  if (!brokenAtHyphen(a, b)) return `${a} ${b}`;
  const stem = BROKEN_END.exec(a)?.[1], rest = CONTINUATION_START.exec(b)?.[0];
  return vocabulary && stem && rest && vocabulary.closes(stem, rest) ? a.slice(0, -1) + b : a + b;
}

/** Wrapped lines' text as one (joinWrapped over them in order). */
export function joinWrappedLines(lines: readonly string[], vocabulary?: Vocabulary): string {
  let out = '';
  for (const line of lines) out = joinWrapped(out, line, vocabulary);
  return out;
}
