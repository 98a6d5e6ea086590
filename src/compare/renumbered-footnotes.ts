/**
 * Footnote marks renumbered with their footnotes: cosmetic.
 *
 * Drafts that arrive as text keep their footnotes as the typesetter left them: a mark after a word ("…
 * intellectual property.[4] Jordan shall …") and, in a list at the end, the note itself ("[4] For purposes of
 * this Agreement, …"). A note put in early renumbers every later one, and a redline then reads "[-[4]-]{+[5]+}"
 * at each mark and at each note: changes that say nothing but the new numbering.
 *
 * A change of one mark for another ("[4]" → "[5]", the whole change) is cosmetic when the old draft's note 4
 * and the new draft's note 5 say the same (spacing aside); a note whose words changed shows its change where
 * it is listed, and its mark stays a change too, pointing there.
 */
import type { WordOp } from './words.js';

/** The notes of a draft by number: each line that opens with a mark, its text after the mark. */
export type Footnotes = ReadonlyMap<string, string>;

const MARK = /^\[(\d{1,4})\]$/;
const NOTE = /^\[(\d{1,4})\][ \t]+(\S.*)$/gm;

/** The notes in some texts (a draft's clauses): the first note of each number. */
export function footnotesIn(texts: Iterable<string>): Footnotes {
  const notes = new Map<string, string>();
  for (const text of texts) {
    if (!text.includes('[')) continue;
    for (const match of text.matchAll(NOTE)) if (!notes.has(match[1]!)) notes.set(match[1]!, match[2]!.replace(/\s+/g, ' ').trim());
  }
  return notes;
}

/**
 * The redline with each change of one footnote mark for another marked cosmetic where the two notes say the
 * same. `notes` is called only when the redline holds such a change. Returns `ops` itself when nothing is
 * marked.
 */
export function markRenumberedFootnotes(ops: WordOp[], notes: () => { old: Footnotes; new: Footnotes }): WordOp[] {
  let out: WordOp[] | null = null;
  for (let k = 0; k + 1 < ops.length; k++) {
    const deleted = ops[k]!, inserted = ops[k + 1]!;
    if (deleted.op !== 'delete' || inserted.op !== 'insert' || deleted.cosmetic || inserted.cosmetic) continue;
    // The whole change: equal text (or nothing) on both sides of the pair, or before it a line put in or taken
    // out whole (a note inserted before this one: a change of its own).
    const before = ops[k - 1], after = ops[k + 2];
    if ((before !== undefined && before.op !== 'equal' && !before.text.endsWith('\n')) || (after !== undefined && after.op !== 'equal')) continue;
    // (The word diff keeps a mark whole: "[4]" → "[5]", never "4" → "5" between brackets left equal.)
    const was = MARK.exec(deleted.text), is = MARK.exec(inserted.text);
    if (!was || !is) continue;
    const { old: oldNotes, new: newNotes } = notes();
    const oldNote = oldNotes.get(was[1]!);
    if (oldNote === undefined || oldNote !== newNotes.get(is[1]!)) continue;
    out ??= [...ops];
    out[k] = { ...deleted, cosmetic: true };
    out[k + 1] = { ...inserted, cosmetic: true };
  }
  return out ?? ops;
}
