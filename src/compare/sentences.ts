/**
 * Where the sentences of a clause's text start: what the three-way comparison reads to tell whether two sides'
 * changes meet (three-way.ts). The sentence breaks are the Unicode rules' (Intl.Segmenter), which also end a
 * sentence at every line break (a paragraph, a schedule's row). They end one after any full stop followed by a
 * capital, too, where a treaty abbreviates ("the U.S. Government", "i.e. Japan", "Art. 5"): a sentence that
 * ends in a word of one or two letters or a listed abbreviation runs on into the next. Joining too much only
 * makes two changes meet more often, which is the safe side: meeting changes are read together.
 */

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
/** A sentence that ends in an abbreviation, not at a full stop of its own (optional spaces after it). */
const ENDS_IN_ABBREVIATION = /(?:(?<![\p{L}\p{N}])\p{L}{1,2}|(?<![\p{L}\p{N}])(?:art|arts|para|paras|sect|subpara|vol|cf|viz|approx|incl))\.[ \t]*$/iu;

/** The offsets at which the sentences of `text` start, ascending, the first 0. */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  let joinNext = false;
  for (const { index, segment } of SEGMENTER.segment(text)) {
    if (!joinNext) starts.push(index);
    joinNext = !segment.includes('\n') && ENDS_IN_ABBREVIATION.test(segment);
  }
  if (starts.length === 0) starts.push(0);
  return starts;
}

/** The index of the sentence that the character at `offset` belongs to (starts from sentenceStarts). */
export function sentenceAt(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}
