/**
 * Text moved inside a paragraph or between the paragraphs of one clause: a sentence or phrase struck in one place
 * and put in, word for word, in another ("They will inform each other … . Each Participant will designate a
 * contact point …" → the two sentences the other way round). The word diff reads it as a deletion and an
 * insertion, and the legal reading then lists its obligations and figures as removed in one place and added in
 * the other ("will → —", "— → will"). Marked `moved` here at both ends, as a moved provision is
 * (words-by-provision.ts), it reads as moved in the redlines and adds nothing in law.
 *
 * A deletion and an insertion are one move when they read the same but for the spacing and punctuation at their
 * ends (the diff cuts a moved sentence with its full stop on one side and before it on the other: ". Each
 * Participant … matters" struck, "Each Participant … matters. " put in), hold at least MIN_WORDS words, and are
 * separate changes (text both drafts keep stands between them: a change of punctuation in place is no move).
 * Among several of the same words, the k-th struck pairs with the k-th put in. Ops already marked (a moved
 * provision, a cosmetic change) are left alone. Text moved and changed on the way is left as it is read.
 */
import type { WordOp } from './words.js';
import type { MovedText } from './words-by-provision.js';

/** Moves shorter than this many words ("the Participants") are left as the diff reads them: too common to tell. */
const MIN_WORDS = 6;
/** A cheap bar first: fewer characters than this cannot hold MIN_WORDS words worth a move. */
const MIN_LENGTH = 24;

/**
 * The redline with its moved text marked, and where each move stood and stands (for the legal reading:
 * legal.ts, legalChangesWithMoves). Returns `ops` itself, and no moves, when nothing moved.
 */
export function markMovedText(ops: WordOp[]): { ops: WordOp[]; moves: MovedText[] } {
  // The candidates, by what they read: the struck ones listed under it in order, the inserted ones in order.
  let struck: Map<string, number[]> | null = null;
  const inserted: { k: number; key: string }[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === 'equal' || op.moved || op.cosmetic || op.text.length < MIN_LENGTH) continue;
    const key = core(op.text);
    if (key === null) continue;
    if (op.op === 'delete') {
      struck ??= new Map();
      const list = struck.get(key);
      if (list) list.push(k); else struck.set(key, [k]);
    } else inserted.push({ k, key });
  }
  if (struck === null || inserted.length === 0) return { ops, moves: NO_MOVES };
  // Where each op starts in the two texts, and whether text both keep stands before it (to tell changes apart).
  const oldAt = new Int32Array(ops.length + 1), newAt = new Int32Array(ops.length + 1), change = new Int32Array(ops.length);
  let changes = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === 'equal' && op.text.trim() !== '') changes++;
    change[k] = changes;
    oldAt[k + 1] = oldAt[k]! + (op.op === 'insert' ? 0 : op.text.length);
    newAt[k + 1] = newAt[k]! + (op.op === 'delete' ? 0 : op.text.length);
  }
  const out = [...ops];
  const moves: MovedText[] = [];
  // Struck ops paired already, and per text where its unpaired ones begin: a clause repeating one sentence
  // thousands of times pairs in one pass, not by searching its list again for each.
  const used = new Uint8Array(ops.length);
  const first = new Map<string, number>();
  for (const { k, key } of inserted) {
    const list = struck.get(key);
    if (!list) continue;
    let from = first.get(key) ?? 0;
    while (from < list.length && used[list[from]!]) from++;
    first.set(key, from);
    let at = from;
    while (at < list.length && (used[list[at]!] || change[list[at]!] === change[k])) at++;
    if (at === list.length) continue;
    const d = list[at]!;
    used[d] = 1;
    out[d] = { ...ops[d]!, moved: true };
    out[k] = { ...ops[k]!, moved: true };
    moves.push({ old: [{ start: oldAt[d]!, end: oldAt[d + 1]! }], new: [{ start: newAt[k]!, end: newAt[k + 1]! }] });
  }
  return moves.length === 0 ? { ops, moves: NO_MOVES } : { ops: out, moves };
}

const NO_MOVES: MovedText[] = [];

/** What a change reads, its spacing and its punctuation at both ends left out; null when it holds too few words. */
function core(text: string): string | null {
  const trimmed = text.replace(EDGES, '');
  let words = 0;
  for (const _ of trimmed.matchAll(WORD)) if (++words >= MIN_WORDS) return trimmed.replace(/\s+/g, ' ');
  return null;
}

/** Spacing and punctuation at either end of a text. */
const EDGES = /^[\s\p{P}]+|[\s\p{P}]+$/gu;
const WORD = /[\p{L}\p{N}]+/gu;
