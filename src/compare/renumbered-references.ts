/**
 * Cross-references renumbered with the drafts, inside a clause that was edited: marked cosmetic.
 *
 * A clause that reads the same but for its cross-references renumbered as the drafts were is unchanged, its
 * numbers cosmetic (compare.ts, renumberedWords). An edited clause had no such reading: where an article was
 * inserted before Article 2, "as set out in Article [-2-]{+3+}" stood in its redline as a change like any
 * other, beside the words that did change, and a reader hiding cosmetic changes still had to check each one.
 *
 * Each change of a line is judged on its own: the line as the old draft wrote it, against the same line with
 * that one change made (or that change and the one before or after it, or both, for a paragraph cited with its
 * article, both renumbered: "Article [-2-]{+3+}, paragraph [-2-]{+3+}", "paragraph [-2-]{+3+} of Article
 * [-2-]{+3+}", "Article [-2-]{+3+}, paragraphs [-1-]{+2+} through [-2-]{+3+}").
 * The change is a renumbered reference when the two read the same with reference numbers left out (normalize.ts,
 * strictKey) and each number that changed names, in the new draft, the clause its old number named in the old
 * draft — or the provision: of this clause, or of the clause cited with it as the alignment paired that clause's
 * provisions (reference-map.ts, follows).
 * "Article 2" → "Article 3" where old Article 2 is still Article 2, "Article 4 of the Convention" → "Article 5
 * of the Convention", and "30 days" → "60 days" stay changes.
 *
 * Only a change short enough to be a number ("2" → "3", "2bis" → "3", "4(2)" → "5(2)") is read at all: the
 * rest, nearly every change, costs a regular-expression test.
 */
import { LIST_JOINT_PATTERN, RANGE_JOINT_PATTERN, referencesIn, strictKey } from './normalize.js';
import { INSERTED_ORDINAL } from '../model/provisions.js';
import type { OwnParagraphs, ReferenceMap } from './reference-map.js';
import { paragraphAt } from './own-paragraph.js';
import { sideText, type WordOp } from './words.js';

/**
 * What a renumbered reference's changed part can look like: a clause or provision number with a digit in it
 * ("2", "3bis", "3 bis", "4.1", "5(2)"), in Roman numerals ("IV"), an annex's capital letter ("A"), or a point's letter
 * ("(b)"). Not a word: nearly
 * every change is one, and none of them is read further.
 */
const NUMBER = String.raw`(?:[0-9A-Za-z.()]{0,11}[0-9][0-9A-Za-z.()]{0,11}(?: ${INSERTED_ORDINAL})?|[IVXLC]{1,7}|[A-Z]|\([a-z]{1,4}\))`;
/**
 * Or a list or range of them, as a plural reference word joins them: "9, 10 and 11", "2 to 4", "2-4" (normalize.ts).
 * Each joint holds a comma, a space or a dash, which no number does: a text splits into numbers and joints one
 * way only (no backtracking to speak of).
 */
const NUMBER_LIKE = new RegExp(String.raw`^\s*${NUMBER}(?:(?:${LIST_JOINT_PATTERN}|${RANGE_JOINT_PATTERN}|-)${NUMBER}){0,20}\s*$`);

/**
 * The redline with each change that renumbers a cross-reference as the drafts were renumbered marked cosmetic.
 * `references` is called only when a change may be one; `ownProvisions(a, b)`: whether provision `a` of this
 * clause became `b` (what "paragraph 2", or "point (b)" of the paragraph the line stands in, names). Returns `ops`
 * itself when nothing is marked.
 */
export function markRenumberedReferences(ops: WordOp[], references: () => ReferenceMap, ownProvisions?: (a: string, b: string) => boolean): WordOp[] {
  let out: WordOp[] | null = null;
  // The line read now: ops[first, k), after `head` (the end of an equal op that broke the line before it), which
  // opens at `oldStart` and `newStart` in the two texts. The texts are joined only for a line that asks which
  // paragraph it stands in ("point (b)" alone).
  let first = 0;
  let head = '';
  let oldAt = 0, newAt = 0, oldStart = 0, newStart = 0;
  let texts: { old: string; new: string } | undefined;
  for (let k = 0; k <= ops.length; k++) {
    const op = ops[k];
    const breaks = op !== undefined && op.op === 'equal' && op.text.includes('\n');
    if (op !== undefined && !breaks) {
      // A line inserted or deleted whole (a paragraph put in before this one) leaves both sides at a line's start.
      if (op.op !== 'equal' && k === first && head === '' && op.text.endsWith('\n')) {
        first = k + 1;
        if (op.op === 'delete') oldStart += op.text.length; else newStart += op.text.length;
      }
      if (op.op !== 'insert') oldAt += op.text.length;
      if (op.op !== 'delete') newAt += op.text.length;
      continue;
    }
    const tail = op === undefined ? '' : op.text.slice(0, op.text.indexOf('\n'));
    if (hasCandidate(ops, first, k)) {
      const lineOld = oldStart, lineNew = newStart;
      const paragraphs = (): OwnParagraphs => {
        texts ??= { old: sideText(ops, 'old'), new: sideText(ops, 'new') };
        const old = paragraphAt(texts.old, lineOld), now = paragraphAt(texts.new, lineNew);
        return { old: () => old, new: () => now };
      };
      out = markLine(out ?? [...ops], ops, first, k, head, tail, references, ownProvisions, paragraphs) ?? out;
    }
    if (op !== undefined) {
      head = op.text.slice(op.text.lastIndexOf('\n') + 1);
      oldAt += op.text.length;
      newAt += op.text.length;
      oldStart = oldAt - head.length;
      newStart = newAt - head.length;
    }
    first = k + 1;
  }
  return out ?? ops;
}

/** How many characters one line's changes may read between them (candidates × the line's length). */
const READING_BUDGET = 1 << 22;

/**
 * Whether ops[start, end) hold a change that may be a renumbered reference. (A change across a line break joins
 * the lines on each side of it into one stretch, read as one line.)
 */
function hasCandidate(ops: readonly WordOp[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const op = ops[k]!;
    if (op.op !== 'equal' && !op.cosmetic && NUMBER_LIKE.test(op.text)) return true;
  }
  return false;
}

/**
 * Marks the changes of one line (`head`, ops[first, end), `tail`) that renumber a reference; the marked ops are
 * replaced in `out` (a copy of `ops`). Null when none is.
 */
function markLine(out: WordOp[], ops: readonly WordOp[], first: number, end: number, head: string, tail: string, references: () => ReferenceMap,
  ownProvisions?: (a: string, b: string) => boolean, paragraphs?: () => OwnParagraphs): WordOp[] | null {
  // The changes of the line: runs of deletes and inserts between equal ops.
  const changes: Array<[number, number]> = [];
  for (let k = first; k < end; k++) {
    if (ops[k]!.op === 'equal') continue;
    let e = k + 1;
    while (e < end && ops[e]!.op !== 'equal') e++;
    changes.push([k, e]);
    k = e - 1;
  }
  const candidates: Array<readonly [number, number]> = changes.filter(([from, to]) => {
    let numberLike = true;
    let already = true;
    for (let k = from; k < to; k++) {
      if (!NUMBER_LIKE.test(ops[k]!.text)) numberLike = false;
      if (!ops[k]!.cosmetic) already = false;
    }
    return numberLike && !already;
  });
  const oldLine = head + lineText(ops, first, end, NONE) + tail;
  // Each change reads the whole line: a paragraph of a hundred thousand words with a figure changed in every
  // sentence would read it thousands of times. Past this much reading, its numbers stay changes.
  if (candidates.length * oldLine.length * 4 > READING_BUDGET) return null;
  const oldKey = strictKey(oldLine);
  let known: OwnParagraphs | undefined;
  const follows = (made: ReadonlyArray<readonly [number, number]>) => {
    const newLine = head + lineText(ops, first, end, made) + tail;
    return newLine !== oldLine && strictKey(newLine) === oldKey && renumbersReference(oldLine, newLine) &&
      references().follows(oldLine, newLine, ownProvisions, POINT_ALONE.test(oldLine) ? (known ??= paragraphs?.()) : undefined);
  };
  const mark = (made: ReadonlyArray<readonly [number, number]>) => {
    for (const [from, to] of made) for (let k = from; k < to; k++) out[k] = { ...ops[k]!, cosmetic: true };
  };
  // A number that only follows with the one before it, "Article [-2-]{+3+}, paragraph [-2-]{+3+}", or after it,
  // "paragraph [-2-]{+3+} of Article [-2-]{+3+}", where the paragraph is Article 2's, renumbered with it; or with
  // both, "Article [-2-]{+3+}, paragraphs [-1-]{+2+} through [-2-]{+3+}" (a range's start read with its article
  // and its end; the word diff joins "1 to 2" into one change, but not "1 through 2").
  let marked = false;
  for (let c = 0; c < candidates.length; c++) {
    const alone = [candidates[c]!];
    const withBefore = c > 0 ? [candidates[c - 1]!, candidates[c]!] : null;
    const withAfter = c + 1 < candidates.length ? [candidates[c]!, candidates[c + 1]!] : null;
    const withBoth = withBefore && withAfter ? [candidates[c - 1]!, candidates[c]!, candidates[c + 1]!] : null;
    const made = follows(alone) ? alone : withBefore && follows(withBefore) ? withBefore : withAfter && follows(withAfter) ? withAfter
      : withBoth && follows(withBoth) ? withBoth : null;
    if (made) { mark(made); marked = true; }
  }
  return marked ? out : null;
}

const NONE: ReadonlyArray<readonly [number, number]> = [];

/** A point cited by its letter, which may be one of the paragraph the line stands in ("point (b)", "subparagraph (b)", "sub-paragraph (b)"). */
const POINT_ALONE = /\b(?:points?|sub-?paragraphs?)\s*\(/i;

/**
 * Whether a reference's number differs between the two lines: the key leaves out a paragraph's own number too,
 * and a paragraph numbered in one draft and not in the other is no reference renumbered.
 */
function renumbersReference(oldLine: string, newLine: string): boolean {
  const olds = referencesIn(oldLine), news = referencesIn(newLine);
  return olds.length === news.length && olds.some((r, k) => r.number !== news[k]!.number);
}

/** The line's text between its end ops: as the old draft wrote it, but with the changes ops[from, to) of `made` made. */
function lineText(ops: readonly WordOp[], first: number, end: number, made: ReadonlyArray<readonly [number, number]>): string {
  let text = '';
  let m = 0;
  for (let k = first; k < end; k++) {
    while (m < made.length && made[m]![1] <= k) m++;
    const op = ops[k]!;
    const inMade = m < made.length && made[m]![0] <= k;
    if (op.op === 'equal' || (op.op === 'delete' && !inMade) || (op.op === 'insert' && inMade)) text += op.text;
  }
  return text;
}
