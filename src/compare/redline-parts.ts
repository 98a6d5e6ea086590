/**
 * A split's or merge's redline cut where each of its clauses begins. The redline of a clause cut in two is one
 * run of words (the parts' texts joined by line breaks), and read alone it did not say where the second part
 * begins: a reader of "Article 2.1 (was Article 2.1 + Article 2.2) [merged]" had to guess at which paragraph
 * old Article 2.2 came in. The comparison gives each clause of the side that has several its `start` in that
 * side's joined text (contract.ts); the text and HTML redlines and the app head each further part with the
 * clause it begins (text-redline.ts partHeading), as the Word redline heads it with the clause's heading.
 */
import type { ClauseChangeJson, ClauseRefJson, WordOpJson } from './contract.js';

/** One stretch of a redline: the words of one clause of the side that has several. */
export interface RedlinePart<W extends WordOpJson = WordOpJson> {
  /**
   * The clause this stretch begins, and on which side it stands; null for the first (the change's heading names it),
   * except in a merge read as the one clause it made (newClauseShare) where that clause kept another's id.
   */
  head: { side: 'old' | 'new'; ref: ClauseRefJson } | null;
  words: W[];
  /** Where the stretch begins in the change's new text (stale references are placed by new-text offsets). */
  newOffset: number;
}

/**
 * The redline of a change in parts, one per clause of the side with several (a merge's old clauses, a split's
 * new); one part holding every word for any other change. The line break that joins one clause's text to the
 * next is the part's heading now, and is left out of the part before it. An insertion on the other side at the
 * very place a clause begins belongs to that clause: it reads at the start of its first line.
 */
export function redlineParts<W extends WordOpJson>(change: Pick<ClauseChangeJson, 'old' | 'new'>, words: readonly W[]): RedlinePart<W>[] {
  const side = change.old.length > 1 ? 'old' : change.new.length > 1 ? 'new' : null;
  const refs = side === null ? [] : change[side];
  const cuts = refs.slice(1).map((ref) => ref.start);
  if (side === null || cuts.some((at) => at === undefined)) return [{ head: null, words: [...words], newOffset: 0 }];
  const own: WordOpJson['op'] = side === 'old' ? 'delete' : 'insert';
  const parts: RedlinePart<W>[] = [{ head: null, words: [], newOffset: 0 }];
  let sideAt = 0, newAt = 0, next = 0;
  const begin = () => {
    dropJoiningBreak(parts[parts.length - 1]!, own);
    parts.push({ head: { side, ref: refs[next + 1]! }, words: [], newOffset: newAt });
    next++;
  };
  for (const op of words) {
    const reads = op.op === 'equal' || op.op === own;
    let text = op.text;
    for (;;) {
      const cut = cuts[next];
      if (cut !== undefined && sideAt >= cut) { begin(); continue; }
      if (cut !== undefined && reads && cut < sideAt + text.length) {
        // The clause begins inside this op: its first share ends the part before, the rest opens the next.
        const share = text.slice(0, cut - sideAt);
        parts[parts.length - 1]!.words.push({ ...op, text: share });
        sideAt += share.length;
        if (op.op !== 'delete') newAt += share.length;
        text = text.slice(share.length);
        continue;
      }
      break;
    }
    if (text === '' && op.text !== '') continue;
    parts[parts.length - 1]!.words.push(text === op.text ? op : { ...op, text });
    if (reads) sideAt += text.length;
    if (op.op !== 'delete') newAt += text.length;
  }
  // Clauses that begin at the very end: those with no text (a heading alone) after the last words.
  while (next < cuts.length && sideAt >= cuts[next]!) begin();
  return parts;
}

/**
 * A redline already cut in parts where it has them (a merge measured by history or a three-way side: `parts`), or
 * its words as one part: what the text, HTML and app readers of such a redline walk.
 */
export function partsOrWhole<W extends WordOpJson>(redline: { words: W[]; parts?: RedlinePart<W>[] }): Pick<RedlinePart<W>, 'head' | 'words'>[] {
  return redline.parts ?? [{ head: null, words: redline.words }];
}

/**
 * The part's last line break on the side cut, where its text was joined to the next clause's (the heading now
 * stands there): the last op reading that side, when it ends the part with a line break.
 */
function dropJoiningBreak<W extends WordOpJson>(part: RedlinePart<W>, own: WordOpJson['op']): void {
  for (let k = part.words.length - 1; k >= 0; k--) {
    const op = part.words[k]!;
    if (op.op !== 'equal' && op.op !== own) continue;
    if (!op.text.endsWith('\n')) return;
    const text = op.text.slice(0, -1);
    if (text === '') part.words.splice(k, 1); else part.words[k] = { ...op, text };
    return;
  }
}

