/**
 * A paragraph's own number renumbered, inside a clause that was edited: marked cosmetic.
 *
 * Where every paragraph kept its place, the redline is the word diff of the whole clause, and a paragraph's
 * number that changed stands in it as a change: "[-2bis-]{+3+}. Stocks are held …" as a negotiating text is
 * finally numbered (a paragraph put in as "2bis" becomes 3, and 3 becomes 4). Where the provision alignment paired
 * that paragraph with the one numbered so now, the change is renumbering, which is no edit: cosmetic, as a list
 * item's number is in the provision-led redline (words-by-provision.ts).
 *
 * A change is read as a paragraph's number when it replaces a number alone ("2bis", "3 ter", "4") at the start of
 * a line, right before its "." or ")".
 *
 * A number taken away or put in whole ("[-1. -]The Participants …" where a clause's first paragraph became its
 * only one, unnumbered, as a split leaves it; "{+1. +}…" where a lone paragraph got a second beside it) is
 * renumbering too where the provision alignment paired that paragraph, numbered on one side and not on the other:
 * the number then stands alone at the start of a line, followed by the paragraph's text both drafts keep.
 */
import { PARAGRAPH_NUMBER } from '../model/provisions.js';
import type { WordOp } from './words.js';

/** A paragraph's number alone, as the provisions read it: digits, maybe a Latin ordinal. */
const NUMBER_ALONE = new RegExp(`^${PARAGRAPH_NUMBER}$`, 'i');

/** A paragraph's number with its "." or ")" and the space after it, as a whole op: "1. ", "2bis) ". */
const NUMBER_WITH_MARK = new RegExp(`^(${PARAGRAPH_NUMBER})[.)] +$`, 'i');

/**
 * The redline with each change of a paragraph's own number that the provision alignment reads as that paragraph
 * renumbered (`became(a, b)`: old provision a is new provision b; `unnumbered(side, a)`: the paragraph numbered a
 * on that side is paired with one of no number on the other) marked cosmetic. Returns `ops` itself when nothing
 * is marked.
 */
export function markRenumberedParagraphs(ops: WordOp[], became: (a: string, b: string) => boolean,
  unnumbered: (side: 'old' | 'new', a: string) => boolean = () => false): WordOp[] {
  let out: WordOp[] | null = null;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === 'equal' || op.cosmetic) continue;
    const before = ops[k - 1];
    const atLineStart = before === undefined || (before.op === 'equal' && (before.text === '' || before.text.endsWith('\n')));
    if (!atLineStart) continue;
    // A number taken away or put in whole, before text both drafts keep.
    const alone = NUMBER_WITH_MARK.exec(op.text);
    const next = ops[k + 1];
    // (Not a moved provision's: its ops are marked as the move reads them, words-by-provision.ts.)
    if (alone && !op.moved && next?.op === 'equal' && /^\S/.test(next.text) && unnumbered(op.op === 'delete' ? 'old' : 'new', alone[1]!.replace(/\s+/g, ''))) {
      out ??= [...ops];
      out[k] = { ...op, cosmetic: true };
      continue;
    }
    const del = op, ins = next, after = ops[k + 2];
    if (del.op !== 'delete' || ins?.op !== 'insert' || ins.cosmetic) continue;
    const closed = after !== undefined && after.op === 'equal' && (after.text.startsWith('.') || after.text.startsWith(')'));
    if (!closed || !NUMBER_ALONE.test(del.text) || !NUMBER_ALONE.test(ins.text)) continue;
    if (!became(del.text.replace(/\s+/g, ''), ins.text.replace(/\s+/g, ''))) continue;
    out ??= [...ops];
    out[k] = { ...del, cosmetic: true };
    out[k + 1] = { ...ins, cosmetic: true };
  }
  return out ?? ops;
}
