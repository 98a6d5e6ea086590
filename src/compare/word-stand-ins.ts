/**
 * Stretches two texts share, for the word diff to read as one element each (stand-ins, myers.ts).
 *
 * An edited clause pair typically differs in a few words spread over several lines, so the region between
 * the first and the last difference (words.ts middleWindow) still holds most of the clause. Tokenizing and
 * diffing all of it was most of the cost of a comparison with many edited clauses. Equal stretches are found
 * here by comparing strings natively: lines equal on both sides; within lines that differ (paired in order
 * when both sides have as many), the common start and end; and between those, equal sentences (a line
 * edited in two places). The word diff then tokenizes only the rest.
 *
 * Each stretch is cut so that the tokens on either side of it, and inside it, are those of the whole text
 * (tokens never span whitespace): it starts where a whitespace run ends and ends where one begins, both
 * strictly inside text the two sides share. A few words at each end (the margin) stay out of it: the diff
 * search looks a few tokens around each change, and there it must see real tokens (myers.ts gives up
 * otherwise, and words.ts tries again with a wider margin where it did).
 * A stretch is kept only when it cannot matter to the word diff's cleanup as a whole: it has more
 * non-space characters than any short equal run can have (words.ts isShortEqual: at most 9 tokens, one of
 * them a word of up to three letters), and it neither starts with a closing nor ends with an opening
 * bracket (the brackets the cleanup moves one token at a time).
 */
import { IntList } from './int-list.js';
import { isSpaceCode } from './tokenize.js';

/** More non-space code units than a short equal run can have: 3 letters (6 units) + 8 punctuation (16). */
const MIN_SOLID = 23;
/** How far ahead in the new text an old line (or sentence) is looked for (they are paired in order). */
const LOOKAHEAD = 8;
/** A line's differing middle shorter than this is not searched for equal sentences (two or three words). */
const MIDDLE_MIN = 64;

/**
 * Common prefix and suffix: the first NEAR characters compared one at a time (a difference right there is
 * common: the window, and so its first line, starts a word before the first difference), then a binary
 * search by string comparison, down to a stretch of CLOSE characters compared one at a time. Why a binary
 * search: a comparison of two slices costs about the same whatever their length (a native memcmp after a
 * fixed cost of a few dozen character compares), so the fewest comparisons win; on the calls of the
 * every-edited 2,000-article pair, this took two thirds of the time that 64 single characters and then
 * chunks doubling from 32 took.
 */
const NEAR = 4;
const CLOSE = 64;

/** Length of the common prefix of a[aFrom, aFrom + max) and b[bFrom, bFrom + max) (see NEAR above). */
export function commonPrefixLength(a: string, aFrom: number, b: string, bFrom: number, max: number): number {
  let p = 0;
  const near = Math.min(max, NEAR);
  while (p < near && a.charCodeAt(aFrom + p) === b.charCodeAt(bFrom + p)) p++;
  if (p < near) return p;
  // The first difference lies in [p, end), or there is none and end = max.
  let end = max;
  while (end - p > CLOSE) {
    const mid = (p + end) >>> 1;
    if (a.slice(aFrom + p, aFrom + mid) === b.slice(bFrom + p, bFrom + mid)) p = mid;
    else end = mid;
  }
  while (p < end && a.charCodeAt(aFrom + p) === b.charCodeAt(bFrom + p)) p++;
  return p;
}

/** Length of the common suffix of a[aTo - max, aTo) and b[bTo - max, bTo), found as the prefix above. */
export function commonSuffixLength(a: string, aTo: number, b: string, bTo: number, max: number): number {
  let s = 0;
  const near = Math.min(max, NEAR);
  while (s < near && a.charCodeAt(aTo - 1 - s) === b.charCodeAt(bTo - 1 - s)) s++;
  if (s < near) return s;
  let end = max;
  while (end - s > CLOSE) {
    const mid = (s + end) >>> 1;
    if (a.slice(aTo - mid, aTo - s) === b.slice(bTo - mid, bTo - s)) s = mid;
    else end = mid;
  }
  while (s < end && a.charCodeAt(aTo - 1 - s) === b.charCodeAt(bTo - 1 - s)) s++;
  return s;
}

/**
 * Bounds and stretches found on the way, kept from call to call (IntList); a list that grew past KEEP
 * entries (a huge clause) gives its storage up at the next call.
 */
const KEEP = 1 << 16;
const LINES_A = new IntList(), LINES_B = new IntList();
const SENTENCES_A = new IntList(), SENTENCES_B = new IntList();
const EQUAL = new IntList();

/**
 * The stretches a[aFrom, aTo) and b[bFrom, bTo) share that stand-ins may be cut from (cutStandIns), in
 * order, as four numbers each appended to `out` (cleared first): aStart, aEnd, bStart, bEnd (equal texts).
 */
export function findEqualStretches(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, out: IntList): void {
  out.reset(KEEP);
  const equal = EQUAL;
  equal.reset(KEEP);
  const linesA = pieceBounds(a, aFrom, aTo, '\n', LINES_A);
  const linesB = pieceBounds(b, bFrom, bTo, '\n', LINES_B);
  if (linesA.length === 2 && linesB.length === 2) {
    // One line each: its ends are already cut off (the window), but two changes far apart leave a middle.
    sharedMiddle(a, aFrom, aTo, b, bFrom, bTo, equal);
  } else {
    pairPieces(a, linesA, b, linesB, true, equal);
  }
  // Join stretches that touch on both sides.
  const found = equal.data, count = equal.length;
  let k = 0;
  while (k < count) {
    const as = found[k]!, bs = found[k + 2]!;
    let ae = found[k + 1]!;
    k += 4;
    while (k < count && found[k] === ae && found[k + 2] === bs + (ae - as)) { ae = found[k + 1]!; k += 4; }
    out.push4(as, ae, bs, bs + (ae - as));
  }
}

/**
 * Into `bounds` (cleared first; returned): from, piece starts..., to. A piece starts at a non-space
 * character (a token start) right after `separator` ("\n": lines; ". ": sentences, or what follows an
 * abbreviation: any cut will do).
 */
function pieceBounds(text: string, from: number, to: number, separator: string, bounds: IntList): IntList {
  bounds.reset(KEEP);
  bounds.push(from);
  let at = text.indexOf(separator, from);
  while (at >= 0 && at + separator.length < to) {
    const cut = at + separator.length;
    if (!isSpaceCode(text.charCodeAt(cut))) bounds.push(cut);
    at = text.indexOf(separator, cut);
  }
  bounds.push(to);
  return bounds;
}

/**
 * Pairs equal pieces in order (an old piece is looked for among the next LOOKAHEAD new ones), and finds the
 * common start and end of the pieces between pairs: piece by piece when there are as many on both sides
 * (a paragraph edited in place each), else of the whole run. `lines`: the pieces are lines, whose edited
 * middles may hold equal sentences.
 */
function pairPieces(a: string, boundsA: IntList, b: string, boundsB: IntList, lines: boolean, out: IntList): void {
  const piecesA = boundsA.data, piecesB = boundsB.data;
  const nA = boundsA.length - 1, nB = boundsB.length - 1;
  let regionA = 0, regionB = 0, j = 0;
  for (let i = 0; i < nA; i++) {
    const as = piecesA[i]!, ae = piecesA[i + 1]!;
    let match = -1;
    for (let k = j; k < nB && k < j + LOOKAHEAD; k++) {
      const bs = piecesB[k]!, be = piecesB[k + 1]!;
      if (be - bs === ae - as && a.slice(as, ae) === b.slice(bs, be)) { match = k; break; }
    }
    if (match < 0) continue;
    sharedEnds(a, piecesA, regionA, i, b, piecesB, regionB, match, lines, out);
    out.push4(as, ae, piecesB[match]!, piecesB[match + 1]!);
    regionA = i + 1;
    regionB = j = match + 1;
  }
  sharedEnds(a, piecesA, regionA, nA, b, piecesB, regionB, nB, lines, out);
}

function sharedEnds(a: string, piecesA: Int32Array, i0: number, i1: number, b: string, piecesB: Int32Array, j0: number, j1: number, lines: boolean, out: IntList): void {
  if (i1 - i0 === j1 - j0) {
    for (let t = 0; t < i1 - i0; t++) sharedEndsOf(a, piecesA[i0 + t]!, piecesA[i0 + t + 1]!, b, piecesB[j0 + t]!, piecesB[j0 + t + 1]!, lines, out);
  } else if (i1 > i0 && j1 > j0) {
    sharedEndsOf(a, piecesA[i0]!, piecesA[i1]!, b, piecesB[j0]!, piecesB[j1]!, lines, out);
  }
}

/** The common start and end of a[as, ae) and b[bs, be); of lines, also the equal sentences in between. */
function sharedEndsOf(a: string, as: number, ae: number, b: string, bs: number, be: number, lines: boolean, out: IntList): void {
  const minLen = Math.min(ae - as, be - bs);
  const p = commonPrefixLength(a, as, b, bs, minLen);
  if (p > 0) out.push4(as, as + p, bs, bs + p);
  const s = commonSuffixLength(a, ae, b, be, minLen - p);
  if (lines) sharedMiddle(a, as + p, ae - s, b, bs + p, be - s, out);
  if (s > 0) out.push4(ae - s, ae, be - s, be);
}

/**
 * Equal sentences between two differences of a line, when there is room for them. (Sentences are never
 * split further: SENTENCES_A and _B are free again when pairPieces returns.)
 */
function sharedMiddle(a: string, as: number, ae: number, b: string, bs: number, be: number, out: IntList): void {
  if (ae - as < MIDDLE_MIN || be - bs < MIDDLE_MIN) return;
  const sentencesA = pieceBounds(a, as, ae, '. ', SENTENCES_A);
  const sentencesB = pieceBounds(b, bs, be, '. ', SENTENCES_B);
  if (sentencesA.length > 2 && sentencesB.length > 2) pairPieces(a, sentencesA, b, sentencesB, false, out);
}

/**
 * Stand-ins cut from `stretches` (findEqualStretches; `a` is the old text): stretch i keeps
 * margins[2i] words at its start and margins[2i + 1] at its end out of its stand-in (see the header). Five
 * numbers each appended to `out` (cleared first): aStart, aEnd, bStart, bEnd, and the stretch's index.
 */
export function cutStandIns(a: string, stretches: IntList, margins: Int32Array, out: IntList): void {
  out.reset(KEEP);
  const found = stretches.data;
  for (let k = 0; k < stretches.length; k += 4) {
    const as = found[k]!, ae = found[k + 1]!, bs = found[k + 2]!;
    const start = cutAfterWords(a, as, ae, margins[k >> 1]!);
    const end = cutBeforeWords(a, start, ae, margins[(k >> 1) + 1]!);
    if (start < end && isSolid(a, start, end)) {
      out.push4(start, end, bs + (start - as), bs + (end - as));
      out.push(k >> 2);
    }
  }
}

/** The `words`-th position in (from, to) where a whitespace run ends; `to` if there is none. */
function cutAfterWords(text: string, from: number, to: number, words: number): number {
  let found = 0;
  for (let i = from + 1; i < to; i++) {
    if (isSpaceCode(text.charCodeAt(i - 1)) && !isSpaceCode(text.charCodeAt(i)) && ++found === words) return i;
  }
  return to;
}

/** Counting back from `to`, the `words`-th position in (from, to) where a whitespace run begins; `from` if none. */
function cutBeforeWords(text: string, from: number, to: number, words: number): number {
  let found = 0;
  for (let i = to - 1; i > from; i--) {
    if (isSpaceCode(text.charCodeAt(i)) && !isSpaceCode(text.charCodeAt(i - 1)) && ++found === words) return i;
  }
  return from;
}

/** Long enough and bracket-safe to stand in (see the header). */
function isSolid(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start), last = text.charCodeAt(end - 1);
  if (first === 41 || first === 93 || last === 40 || last === 91) return false; // ) ] at the start, ( [ at the end
  let solid = 0;
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i)) && ++solid >= MIN_SOLID) return true;
  return false;
}
