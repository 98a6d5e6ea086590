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
 */
import { PARAGRAPH_NUMBER } from '../model/provisions.js';
import type { WordOp } from './words.js';

/** A paragraph's number alone, as the provisions read it: digits, maybe a Latin ordinal. */
const NUMBER_ALONE = new RegExp(`^${PARAGRAPH_NUMBER}$`, 'i');

/**
 * The redline with each change of a paragraph's own number that the provision alignment reads as that paragraph
 * renumbered (`became(a, b)`: old provision a is new provision b) marked cosmetic. Returns `ops` itself when
 * nothing is marked.
 */
export function markRenumberedParagraphs(ops: WordOp[], became: (a: string, b: string) => boolean): WordOp[] {
  let out: WordOp[] | null = null;
  for (let k = 0; k + 1 < ops.length; k++) {
    const del = ops[k]!, ins = ops[k + 1]!;
    if (del.op !== 'delete' || ins.op !== 'insert' || del.cosmetic || ins.cosmetic) continue;
    const before = ops[k - 1], after = ops[k + 2];
    const atLineStart = before === undefined || (before.op === 'equal' && (before.text === '' || before.text.endsWith('\n')));
    const closed = after !== undefined && after.op === 'equal' && (after.text.startsWith('.') || after.text.startsWith(')'));
    if (!atLineStart || !closed || !NUMBER_ALONE.test(del.text) || !NUMBER_ALONE.test(ins.text)) continue;
    if (!became(del.text.replace(/\s+/g, ''), ins.text.replace(/\s+/g, ''))) continue;
    out ??= [...ops];
    out[k] = { ...del, cosmetic: true };
    out[k + 1] = { ...ins, cosmetic: true };
  }
  return out ?? ops;
}
