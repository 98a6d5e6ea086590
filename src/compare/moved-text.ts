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
 * provision, a cosmetic change) are left alone.
 *
 * A sentence moved and reworded on the way ("Each Participant shall designate … within thirty (30) days" struck
 * in one place, "… will designate … within sixty (60) days" put in at another) is a move too when the two read
 * mostly alike: at least REWORDED_DICE of their words shared (Dice over the words, case aside). Its two ops are
 * then written as a moved provision's are (words-by-provision.ts): the words it kept marked moved at both ends,
 * the words that changed on the way plain deletions where it stood and plain insertions where it stands, from a
 * diff of the one with the other; and the legal reading reads it against itself ("shall → will (weaker)",
 * "thirty (30) days → sixty (60) days") instead of as an obligation and a time limit removed in one place and
 * added in another. Word for word moves pair first; a clause with more than REWORDED_PAIRS struck-and-inserted
 * candidates to weigh (a text rewritten throughout) is not searched for reworded ones.
 */
import { diffWords, type WordOp } from './words.js';
import type { MovedText } from './words-by-provision.js';

/** Moves shorter than this many words ("the Participants") are left as the diff reads them: too common to tell. */
const MIN_WORDS = 6;
/** A cheap bar first: fewer characters than this cannot hold MIN_WORDS words worth a move. */
const MIN_LENGTH = 24;
/** The share of their words (Dice) a struck and an inserted text must have in common to be one text reworded. */
const REWORDED_DICE = 0.75;
/** At most this many struck × inserted pairs are weighed for reworded moves in one redline. */
const REWORDED_PAIRS = 4096;

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
  // Reworded moves among what is left: the ops each is written as, by index, replace those ops at the end.
  const rewritten = new Map<number, WordOp[]>();
  const left = { struck: [] as number[], inserted: [] as number[] };
  for (const list of struck.values()) for (const d of list) if (!used[d]) left.struck.push(d);
  for (const { k } of inserted) if (!out[k]!.moved) left.inserted.push(k);
  if (left.struck.length > 0 && left.inserted.length > 0 && left.struck.length * left.inserted.length <= REWORDED_PAIRS) {
    left.struck.sort((a, b) => a - b);
    const wordsOf = new Map<number, Map<string, number>>();
    const words = (k: number) => {
      let counts = wordsOf.get(k);
      if (!counts) wordsOf.set(k, (counts = wordCounts(ops[k]!.text)));
      return counts;
    };
    for (const k of left.inserted) {
      // The struck text, in a change of its own, that shares most words with this one.
      let best = -1, bestDice = REWORDED_DICE;
      for (const d of left.struck) {
        if (used[d] || change[d] === change[k]) continue;
        const dice = diceOfCounts(words(d), words(k));
        if (dice >= bestDice) { best = d; bestDice = dice; }
      }
      if (best < 0) continue;
      const [away, here] = rewordedOps(ops[best]!, ops[k]!);
      // The diff's cleanup may read two texts alike in words as one change throughout: nothing kept, no move.
      if (!away.some((op) => op.moved) || !here.some((op) => op.moved)) continue;
      used[best] = 1;
      rewritten.set(best, away);
      rewritten.set(k, here);
      // The move runs from its first kept word to its last: words put in or struck before or after them (", may"
      // closing the sentence it now ends) are read with the change they stand in, not as the move's.
      moves.push({ old: [movedSpan(away, oldAt[best]!)], new: [movedSpan(here, newAt[k]!)] });
    }
  }
  if (moves.length === 0) return { ops, moves: NO_MOVES };
  return { ops: rewritten.size === 0 ? out : out.flatMap((op, k) => rewritten.get(k) ?? [op]), moves };
}

/** Where the moved pieces of one side of a reworded move run, from the first to the last, in a text where the side starts at `at`. */
function movedSpan(pieces: readonly WordOp[], at: number): { start: number; end: number } {
  let start = -1, end = at, offset = at;
  for (const piece of pieces) {
    if (piece.moved) {
      if (start < 0) start = offset;
      end = offset + piece.text.length;
    }
    offset += piece.text.length;
  }
  return { start: start < 0 ? at : start, end };
}

/** The words of a text (letters and digits, case aside), each with how often it stands there. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Dice overlap of two texts' words, repeats counted: twice the words they share over the words of both. */
function diceOfCounts(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0, total = 0;
  for (const n of a.values()) total += n;
  for (const [word, n] of b) {
    total += n;
    shared += Math.min(n, a.get(word) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * A struck text and the inserted text it became as the ops of a reworded move: where it stood, its kept words
 * struck and marked moved, the words it lost plain deletions; where it stands, its kept words inserted and marked
 * moved, the words it gained plain insertions. Spacing kept between two changed words goes with the change
 * before it (marked moved alone it would read as an empty mark). Each side's ops after its first continue it,
 * and take their offsets from the op they replace.
 */
function rewordedOps(struck: WordOp, put: WordOp): [WordOp[], WordOp[]] {
  const away: WordOp[] = [], here: WordOp[] = [];
  for (const op of diffWords(struck.text, put.text)) {
    const between = op.op === 'equal' && /^\s+$/.test(op.text);
    for (const [side, skip, kind] of [[away, 'insert', 'delete'], [here, 'delete', 'insert']] as const) {
      if (op.op === skip) continue;
      const moved = op.op === 'equal';
      const last = side[side.length - 1];
      if ((between && last && !last.moved) || (last && last.moved === moved && moved)) { last.text += op.text; continue; }
      const piece: WordOp = { op: kind, text: op.text };
      if (moved) piece.moved = true;
      else if (op.cosmetic) piece.cosmetic = true;
      side.push(piece);
    }
  }
  const placed = (pieces: WordOp[], from: WordOp): WordOp[] => {
    let at = from.op === 'delete' ? from.oldStart : from.newStart;
    return pieces.map((piece, q) => {
      if (q > 0 || from.continues) piece.continues = true;
      if (at !== undefined) {
        const end = at + piece.text.length;
        if (from.op === 'delete') Object.assign(piece, { oldStart: at, oldEnd: end, newStart: from.newStart, newEnd: from.newEnd });
        else Object.assign(piece, { oldStart: from.oldStart, oldEnd: from.oldEnd, newStart: at, newEnd: end });
        at = end;
      }
      return piece;
    });
  };
  return [placed(away, struck), placed(here, put)];
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
