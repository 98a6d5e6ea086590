/**
 * The word-level redline inside one aligned pair of clauses.
 *
 * `diffWords(old, new)` returns operations that, read in order, rebuild both texts exactly:
 *   equal + delete texts concatenate to `old`, equal + insert texts concatenate to `new`.
 * Every op carries its offsets: equal ops both ranges, delete ops the old range (and, as newStart = newEnd,
 * the point in the new text where the words were), insert ops the new range (and the point in the old text).
 * Within a change the deletion comes before the insertion. Ops never have empty text.
 *
 * Steps (texts that both hold rows of a table are first compared line by line, and these steps run on the pairs
 * of lines: table-rows.ts):
 *   1. Trim the common prefix and suffix by characters, then widen the middle to whitespace boundaries
 *      (tokens never span whitespace, see tokenize.ts), so that re-diffing a long clause after one keystroke
 *      tokenizes and diffs only a few words.
 *   2. Find the stretches of the middles both texts share (equal lines and sentences, common starts and
 *      ends of edited lines: word-stand-ins.ts), by native string comparison. Edits of a few words spread
 *      over a clause leave most of the middle in such stretches.
 *   3. Tokenize the rest, intern tokens to integers, each shared stretch as one element (a stand-in), and
 *      run Myers' O(ND) diff (myers.ts), which checks that the stand-ins change nothing; where it cannot
 *      tell, the stretch is cut shorter and the diff runs again, and last the whole middle is tokenized.
 *   4. Semantic cleanup, so that a changed figure or phrase reads as one change (the rule below).
 *   5. Flag each change cosmetic or not (cosmetic.ts).
 *
 * The cleanup rule. A "change" is a maximal run of deleted and inserted tokens. An equal run that lies
 * between two changes is folded into them (its text is then both deleted and inserted) when it is short:
 *   - it holds no word, only whitespace and punctuation (" (", ", "), and no blank line (a paragraph break
 *     always separates changes); or
 *   - it holds exactly one word of at most three letters ("of", "the", "and", "a"), other than the
 *     negations "no", "not", "nor", which a reader must always see as kept or changed, and no line break (a
 *     word after one is a point's label or a line's first word: "(a) " stays kept between two lines' changes); or
 *   - it is a piece of a number as written (digits and punctuation), glued to the changes on each side ("2" of
 *     "2(1)" → "3(2)", which the token diff may read as "{+3(+}2[-(1)-]{+)+}").
 * (A stand-in, word-stand-ins.ts, is neither a word nor punctuation here: it is never folded.)
 * A cosmetic change (cosmetic.ts) is never folded together with a substantive one, so that it stays
 * hideable on its own. Then brackets are balanced: when a change leaves a "(" or "[" open and the next
 * equal text starts with the closing bracket (or the change closes one that the preceding equal text
 * opened), that bracket joins the change; and a change that is all that stands between a pair of brackets
 * ("[5]" → "[7]") takes the pair with it. Together: "within thirty (30) days" → "within sixty (60) days"
 * gives delete "thirty (30)", insert "sixty (60)", with "within " and " days" equal. Last, whitespace that
 * opens or closes both sides of a change goes back to the equal text beside it (factorCommonSpace), so that
 * no space is struck and inserted again, and an inserted or deleted phrase starts at its first word, the space
 * after it inside (startAtWords). The merged change is written as one delete of all its old text followed by
 * one insert of all its new text.
 *
 * Why not jsdiff's diffWords: measured in bench/words.mjs, it takes ~1.5 ms for one keystroke in a
 * 2,500-word clause (this takes ~0.1 ms) and seconds for two unrelated 2,500-word texts (this: ~0.1 s).
 */
import type { TextStyleJson } from './contract.js';
import { isCosmeticChange, markCosmetic } from './cosmetic.js';
import { isSpellingVariant } from './spelling-variants.js';
import { IntList } from './int-list.js';
import { diffSequencesInto, EQUAL_RUN, RUN_SIZE, type StandIns } from './myers.js';
import { appendTokens, emptyTokenRun, isAsciiAlnum, isSpaceCode, PUNCT_TOKEN, SPACE_TOKEN, tokenizeRun, WORD_TOKEN, type TokenRun } from './tokenize.js';
import { diffByRows, hasTableRows } from './table-rows.js';
import { commonPrefixLength, commonSuffixLength, cutStandIns, findEqualStretches } from './word-stand-ins.js';

export interface WordOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  oldStart?: number;
  oldEnd?: number;
  newStart?: number;
  newEnd?: number;
  /** On delete/insert ops: true when the change they belong to is cosmetic (see cosmetic.ts). */
  cosmetic?: boolean;
  /**
   * On delete/insert ops of a provision moved within its clause (words-by-provision.ts): text that stands at
   * the other end of the move too — struck where it stood, inserted where it stands (its item number or point
   * label goes with its place and may differ). The words that changed on the way are plain deletes and inserts
   * between them. Also on a table row taken out and put in elsewhere, word for word or under the same first cell
   * (table-rows.ts), the words it changed on the way plain in the same way; and on a sentence moved within its
   * clause, word for word or reworded (moved-text.ts: its changed words plain in the same way).
   */
  moved?: boolean;
  /**
   * On an op that continues the op before it: the same side of one change, written as several ops only where
   * moved text starts or ends or a line ends. Readers of whole changes (legal.ts) read them as one op.
   */
  continues?: boolean;
  /**
   * On the cosmetic delete and insert of a change of formatting only (formatting.ts): the text's style on that
   * side.
   */
  style?: TextStyleJson;
}

export interface DiffWordsOptions {
  /** Semantic cleanup (default true). Without it, the raw shortest token edit script. */
  cleanup?: boolean;
  /**
   * Read long stretches both texts share as one element each (default true; see word-stand-ins.ts). The
   * result is the same either way; false tokenizes the whole window, for tests that check exactly that.
   */
  standIns?: boolean;
  /**
   * Where both texts hold table rows, diff them line by line first (table-rows.ts; default true). The diff of
   * a pair of lines is made with false.
   */
  byRows?: boolean;
}

/** A stretch of the token sequences: equal (same tokens on both sides) or a change. */
interface Segment {
  equal: boolean;
  /** For a change: whether it is cosmetic, decided once on the raw diff (merging keeps it: see below). */
  cosmetic?: boolean;
  /** For a change: set once the cleanup has widened it (its texts are then no longer those `cosmetic` was decided on). */
  widened?: boolean;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

const DEFAULTS: DiffWordsOptions = {};

export function diffWords(oldText: string, newText: string, options: DiffWordsOptions = DEFAULTS): WordOp[] {
  const cleanup = options.cleanup ?? true;
  if (oldText === newText) {
    return oldText === '' ? [] : [{ op: 'equal', text: oldText, oldStart: 0, oldEnd: oldText.length, newStart: 0, newEnd: newText.length }];
  }
  if (options.byRows !== false && hasTableRows(oldText) && hasTableRows(newText)) {
    const lines = { ...options, byRows: false };
    return diffByRows(oldText, newText, (a, b) => diffWords(a, b, lines));
  }
  const window = middleWindow(oldText, newText);
  const from = window.from, oldTo = window.oldTo, newTo = window.newTo;
  const tokA: Toks = { text: oldText, run: SCRATCH.runA ?? emptyTokenRun(0) };
  const tokB: Toks = { text: newText, run: SCRATCH.runB ?? emptyTokenRun(0) };
  const runs = SCRATCH.runs;
  runs.reset(KEEP_LIMIT);
  let found = false;
  const stretches = SCRATCH.stretches;
  if (options.standIns === false) stretches.clear();
  else findEqualStretches(oldText, from, oldTo, newText, from, newTo, stretches);
  // Many stretches mean many changes between them, too many edits for the search to trust stand-ins within
  // its smallest step budget (myers.ts): the attempt would be wasted.
  if (stretches.length > 0 && stretches.length <= 4 * MAX_STRETCHES) {
    // Stand-ins (word-stand-ins.ts) keep FIRST_MARGIN words at each end out; where the diff could not pass
    // one (myers.ts StandIns), that end keeps WIDER_MARGIN times as many, and the diff runs again.
    const margins = SCRATCH.margins.fill(FIRST_MARGIN, 0, stretches.length >> 1);
    const standIns = SCRATCH.standIns;
    const guard = new StandInGuard(tokA, tokB);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      cutStandIns(oldText, stretches, margins, standIns);
      if (standIns.length === 0) break;
      tokA.run = tokensWithStandIns(oldText, from, oldTo, standIns, 0, SCRATCH.runA);
      tokB.run = tokensWithStandIns(newText, from, newTo, standIns, 2, SCRATCH.runB);
      SCRATCH.keep(tokA.run, tokB.run);
      internTokens(tokA, tokB);
      guard.stuckAt = 0;
      found = diffSequencesInto(SCRATCH.idsA, tokA.run.count, SCRATCH.idsB, tokB.run.count, guard, runs);
      if (found) break;
      if (guard.stuckAt >= 0) break; // not a stand-in it could not pass (the step budget): no retry helps
      const stretch = standIns.data[5 * (STAND_IN_ID - guard.stuckAt) + 4]!;
      margins[2 * stretch + (guard.stuckForward ? 0 : 1)]! *= WIDER_MARGIN;
    }
  }
  if (!found) {
    // No stand-ins, or the diff could not trust them (myers.ts): every token of the window.
    tokA.run = tokenizeRun(oldText, from, oldTo, SCRATCH.runA);
    tokB.run = tokenizeRun(newText, from, newTo, SCRATCH.runB);
    SCRATCH.keep(tokA.run, tokB.run);
    internTokens(tokA, tokB);
    diffSequencesInto(SCRATCH.idsA, tokA.run.count, SCRATCH.idsB, tokB.run.count, undefined, runs);
  }

  let segments = toSegments(runs, cleanup);
  if (cleanup) {
    // Alternatives first: folding short kept text into the changes around it would hide the agreed one.
    segments = keepAgreedAlternatives(segments, tokA, tokB);
    for (const seg of segments) if (!seg.equal) seg.cosmetic = isCosmeticSegment(seg, tokA, tokB);
    segments = factorCommonSpace(balanceBrackets(mergeShortEquals(segments, tokA, tokB), tokA, tokB), tokA, tokB);
  }

  const ops: WordOp[] = [];
  pushEqual(ops, oldText, 0, from, 0, from);
  for (const s of segments) {
    const os = offsetOf(tokA.run, s.aStart, oldTo), oe = offsetOf(tokA.run, s.aEnd, oldTo);
    const ns = offsetOf(tokB.run, s.bStart, newTo), ne = offsetOf(tokB.run, s.bEnd, newTo);
    if (s.equal) { pushEqual(ops, oldText, os, oe, ns, ne); continue; }
    const deleted = oldText.slice(os, oe), inserted = newText.slice(ns, ne);
    // With the cleanup, each change gives one delete and/or one insert op between equal ops: flagged here
    // as markCosmetic would flag them, reusing the raw diff's decision where the cleanup left it as it was.
    const cosmetic = cleanup ? (s.widened ? isCosmetic(deleted, inserted) : s.cosmetic) : undefined;
    if (os < oe) ops.push({ op: 'delete', text: deleted, oldStart: os, oldEnd: oe, newStart: ns, newEnd: ns, cosmetic });
    if (ns < ne) ops.push({ op: 'insert', text: inserted, oldStart: oe, oldEnd: oe, newStart: ns, newEnd: ne, cosmetic });
  }
  pushEqual(ops, oldText, oldTo, oldText.length, newTo, newText.length);
  if (!cleanup) markCosmetic(ops); // raw runs: a delete run and the insert run after it are one change
  return cleanup ? startAtWords(breakAtLines(ops)) : ops;
}

/** Token index → character offset; an empty range sits where the next token starts (or the window ends). */
function offsetOf(run: TokenRun, i: number, windowEnd: number): number {
  return i < run.count ? run.start[i]! : windowEnd;
}

/** Appends equal text old[os, oe) (new[ns, ne)), joined to the last op when that is equal too. */
function pushEqual(ops: WordOp[], oldText: string, os: number, oe: number, ns: number, ne: number): void {
  if (os === oe) return;
  const last = ops[ops.length - 1];
  if (last && last.op === 'equal') {
    last.text += oldText.slice(os, oe);
    last.oldEnd = oe;
    last.newEnd = ne;
  } else {
    ops.push({ op: 'equal', text: oldText.slice(os, oe), oldStart: os, oldEnd: oe, newStart: ns, newEnd: ne });
  }
}

/**
 * Stand-ins (word-stand-ins.ts, myers.ts): a stretch both texts share, kept in the token run as one element
 * of this kind, starting at the stretch (so offsets work as for any token). Its hash slot holds its index.
 */
const STAND_IN = 3;
/** Stand-in ids: below the one-character ids (-1 - code unit, down to -65536). */
const STAND_IN_ID = -0x20000;

/** Words kept out of each end of a stand-in at first, and the factor for an end the diff could not pass. */
const FIRST_MARGIN = 3, WIDER_MARGIN = 3, MAX_ATTEMPTS = 4;
/** More shared stretches than this (changes between them) and stand-ins are not tried. */
const MAX_STRETCHES = 24;

/**
 * Typed arrays and integer lists kept from one diffWords call to the next. A clause pair of a few hundred
 * words needs a dozen arrays (tokens, hashes, ids, the intern table, stretches, stand-ins, runs), and
 * allocating them was most of the time the diff of such a pair took. diffWords never runs inside another
 * call of itself, and nothing it returns refers to these arrays (ops hold strings and numbers). Arrays
 * larger than KEEP_LIMIT entries (one huge clause) are not kept (the ids and lists: given up at the next
 * call), so that the module does not hold their memory for good.
 */
const KEEP_LIMIT = 1 << 16;

class Scratch {
  runA: TokenRun | undefined;
  runB: TokenRun | undefined;
  readonly stretches = new IntList();
  readonly standIns = new IntList();
  /** Margins of the stretches' ends (two per stretch, MAX_STRETCHES at most: stand-ins are tried below that). */
  readonly margins = new Int32Array(2 * MAX_STRETCHES);
  readonly runs = new IntList();
  /** Interned tokens of each side (internTokens): at least run.count entries. */
  idsA = new Int32Array(64);
  idsB = new Int32Array(64);

  keep(a: TokenRun, b: TokenRun): void {
    if (a !== this.runA && a.kind.length <= KEEP_LIMIT) this.runA = a;
    if (b !== this.runB && b.kind.length <= KEEP_LIMIT) this.runB = b;
  }

  private interned: InternTable | undefined;

  /** The intern table, with room for `size` slots and `entries` entries, contents unspecified. */
  table(size: number, entries: number): InternTable {
    const t = this.interned;
    if (t && t.slots.length >= size && t.entSide.length >= entries) return t;
    const fresh: InternTable = {
      slots: new Int32Array(Math.max(size, 64)),
      entSide: new Int32Array(Math.max(entries, 64)),
      entStart: new Int32Array(Math.max(entries, 64)),
      entLen: new Int32Array(Math.max(entries, 64)),
      entHash: new Int32Array(Math.max(entries, 64)),
      entries: 0,
    };
    if (fresh.slots.length <= KEEP_LIMIT) this.interned = fresh;
    return fresh;
  }

  /** Room for `a` and `b` ids in idsA and idsB (contents unspecified); lists past KEEP_LIMIT are not kept. */
  ids(a: number, b: number): void {
    if (this.idsA.length < a || this.idsA.length > KEEP_LIMIT) this.idsA = new Int32Array(Math.max(a, 64));
    if (this.idsB.length < b || this.idsB.length > KEEP_LIMIT) this.idsB = new Int32Array(Math.max(b, 64));
  }
}

const SCRATCH = new Scratch();

/** A text and its tokens (tokenize.ts): token i is text[run.start[i], run.start[i + 1]). */
interface Toks { text: string; run: TokenRun }

function tokText(t: Toks, i: number): string {
  return t.text.slice(t.run.start[i]!, t.run.start[i + 1]!);
}

/** Whether token i is the one character of code `code`. */
function tokIs(t: Toks, i: number, code: number): boolean {
  const start = t.run.start[i]!;
  return t.run.start[i + 1]! - start === 1 && t.text.charCodeAt(start) === code;
}

/** The tokens of text[from, to), each stand-in (cutStandIns; side 0: old offsets, 2: new) as one element. */
function tokensWithStandIns(text: string, from: number, to: number, standIns: IntList, side: 0 | 2, reuse: TokenRun | undefined): TokenRun {
  const run = emptyTokenRun(to - from, reuse); // a stand-in spans more than one code unit: room enough
  const cuts = standIns.data;
  let at = from;
  for (let k = 0; k < standIns.length; k += 5) {
    const start = cuts[k + side]!;
    appendTokens(text, at, start, run);
    run.start[run.count] = start;
    run.kind[run.count] = STAND_IN;
    run.hash[run.count] = k / 5;
    run.count++;
    at = cuts[k + side + 1]!;
  }
  appendTokens(text, at, to, run);
  return run;
}

/**
 * Whether the real tokens might match where a stand-in and a token differ (myers.ts StandIns): the
 * stand-in's first real token (forward) or last (backward) might equal the token. Stand-ins start and end
 * with non-space text; a token is compared with that end of the stretch, and a word counts as possibly equal
 * unless a letter or digit continues it there (then the stretch's own first or last word is longer).
 */
class StandInGuard implements StandIns {
  readonly below = STAND_IN_ID + 1;
  /** What stuck() was told last (0 when it was not: the search ran out of its step budget instead). */
  stuckAt = 0;
  stuckForward = true;

  constructor(private readonly tokA: Toks, private readonly tokB: Toks) {}

  stuck(standIn: number, forward: boolean): void {
    this.stuckAt = standIn;
    this.stuckForward = forward;
  }

  mayMatch(i: number, j: number, forward: boolean): boolean {
    const tokA = this.tokA, tokB = this.tokB;
    const inA = tokA.run.kind[i] === STAND_IN, inB = tokB.run.kind[j] === STAND_IN;
    if (inA && inB) return true; // cannot happen where the search trusts stand-ins; never trust it
    const stand = inA ? tokA : tokB, s = inA ? i : j, other = inA ? tokB : tokA, t = inA ? j : i;
    const kind = other.run.kind[t]!;
    if (kind === SPACE_TOKEN) return false;
    const ts = other.run.start[t]!, len = other.run.start[t + 1]! - ts;
    const cs = stand.run.start[s]!, ce = stand.run.start[s + 1]!;
    if (len >= ce - cs) return true;
    const at = forward ? cs : ce - len;
    for (let q = 0; q < len; q++) if (stand.text.charCodeAt(at + q) !== other.text.charCodeAt(ts + q)) return false;
    if (kind === PUNCT_TOKEN) return true;
    return !isAsciiAlnum(stand.text.charCodeAt(forward ? cs + len : ce - len - 1));
  }
}

/** The text of one side of a redline: the old text (equal and deleted ops) or the new (equal and inserted). */
export function sideText(ops: readonly { op: string; text: string }[], side: 'old' | 'new'): string {
  const without = side === 'old' ? 'insert' : 'delete';
  let text = '';
  for (const op of ops) if (op.op !== without) text += op.text;
  return text;
}

/**
 * Tokens → integers, equal exactly for equal token texts (the diff compares them only for equality). A
 * one-character token (a single space, most punctuation) is its own id, negative; longer tokens go through
 * a hash table of this call, keyed on the hash the tokenizer computed and checked against the first
 * occurrence of the token in its text (no string is copied). The i-th stand-in of either side is
 * STAND_IN_ID - i, below every other id.
 */
function internTokens(a: Toks, b: Toks): void {
  const total = a.run.count + b.run.count;
  let size = 16;
  while (size < total * 2) size <<= 1;
  const table = SCRATCH.table(size, total);
  table.slots.fill(0, 0, size);
  table.entries = 0;
  SCRATCH.ids(a.run.count, b.run.count);
  internSide(table, size - 1, a, b, 0, SCRATCH.idsA);
  internSide(table, size - 1, b, a, 1, SCRATCH.idsB);
}

/**
 * The intern table of one internTokens call. Each entry is a token's first occurrence: side (0 old, 1 new),
 * start offset, length, hash. Entries are written before they are read: no clearing needed. A later
 * occurrence is compared with it character by character, in place: no string is made for any token.
 */
interface InternTable {
  slots: Int32Array; // entry + 1, 0 = empty
  entSide: Int32Array;
  entStart: Int32Array;
  entLen: Int32Array;
  entHash: Int32Array;
  entries: number;
}

function internSide(table: InternTable, mask: number, toks: Toks, other: Toks, side: number, ids: Int32Array): void {
  const { slots, entSide, entStart, entLen, entHash } = table;
  const { text, run } = toks;
  for (let k = 0; k < run.count; k++) {
    const start = run.start[k]!, end = run.start[k + 1]!, len = end - start;
    if (len === 1) { ids[k] = -1 - text.charCodeAt(start); continue; }
    if (run.kind[k] === STAND_IN) { ids[k] = STAND_IN_ID - run.hash[k]!; continue; }
    const h = run.hash[k]!;
    let slot = (h ^ (h >>> 15)) & mask;
    let id = -1;
    for (;;) {
      const e = slots[slot]! - 1;
      if (e < 0) break;
      if (entHash[e] === h && entLen[e] === len) {
        const first = entSide[e] === side ? text : other.text;
        const at = entStart[e]!;
        let j = 0;
        while (j < len && text.charCodeAt(start + j) === first.charCodeAt(at + j)) j++;
        if (j === len) { id = e; break; }
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = table.entries++;
      entSide[id] = side; entStart[id] = start; entLen[id] = len; entHash[id] = h;
      slots[slot] = id + 1;
    }
    ids[k] = id;
  }
}

/**
 * The region outside which the texts are equal, cut where a whitespace run ends (at the start) or begins
 * (at the end), so that tokenizing only the region gives the same tokens as tokenizing the whole text.
 * Offsets before `from` and after `oldTo` / `newTo` are common text.
 */
function middleWindow(a: string, b: string): { from: number; oldTo: number; newTo: number } {
  const minLen = Math.min(a.length, b.length);
  // Common prefix and suffix (the suffix not overlapping the prefix).
  const p = commonPrefixLength(a, 0, b, 0, minLen);
  const s = commonSuffixLength(a, a.length, b, b.length, minLen - p);
  // Start: the beginning of a non-space character that follows whitespace, strictly inside the common
  // prefix (so the character itself is common and the whitespace run before it ends there on both sides).
  let from = p - 1;
  while (from > 0 && !(isSpaceCode(a.charCodeAt(from - 1)) && !isSpaceCode(a.charCodeAt(from)))) from--;
  if (from < 0) from = 0;
  // End: a whitespace character that follows a non-space one, strictly inside the common suffix.
  let oldTo = a.length - s + 1;
  while (oldTo < a.length && !(isSpaceCode(a.charCodeAt(oldTo)) && !isSpaceCode(a.charCodeAt(oldTo - 1)))) oldTo++;
  if (oldTo > a.length) oldTo = a.length;
  return { from, oldTo, newTo: oldTo + (b.length - a.length) };
}

/**
 * Runs (diffSequencesInto) → segments. `joinChanges` (the cleanup): consecutive delete and insert runs
 * become one change; else each run is a segment.
 */
function toSegments(runs: IntList, joinChanges: boolean): Segment[] {
  const out: Segment[] = [];
  const d = runs.data;
  for (let k = 0; k < runs.length; k += RUN_SIZE) {
    const equal = d[k] === EQUAL_RUN;
    const last = out[out.length - 1];
    if (joinChanges && last && !last.equal && !equal) {
      last.aEnd = d[k + 2]!;
      last.bEnd = d[k + 4]!;
    } else {
      out.push({ equal, aStart: d[k + 1]!, aEnd: d[k + 2]!, bStart: d[k + 3]!, bEnd: d[k + 4]! });
    }
  }
  return out;
}

const NEGATIONS = new Set(['no', 'not', 'nor']);
const SHORT_WORD = /^\p{L}{1,3}$/u;

/**
 * Whether whitespace token i holds a blank line (/\n[^\S\n]*\n/): being all whitespace, it does when it
 * holds two line feeds.
 */
function holdsBlankLine(t: Toks, i: number): boolean {
  let feeds = 0;
  for (let k = t.run.start[i]!; k < t.run.start[i + 1]!; k++) if (t.text.charCodeAt(k) === 10 && ++feeds === 2) return true;
  return false;
}

/** Whether an equal segment is short enough to fold into the changes around it (rule in the header). */
function isShortEqual(seg: Segment, tokA: Toks): boolean {
  let words = 0;
  let lineBreak = false;
  for (let i = seg.aStart; i < seg.aEnd; i++) {
    const kind = tokA.run.kind[i]!;
    if (kind === STAND_IN) return false; // more non-space text than a short run has (word-stand-ins.ts)
    if (kind === SPACE_TOKEN) {
      if (holdsBlankLine(tokA, i)) return false;
      if (holdsLineFeed(tokA, i)) lineBreak = true;
    } else if (kind === WORD_TOKEN) {
      words++;
      if (words > 1) return false;
      // Three letters take at most six code units: longer words are not short, without a regex.
      if (tokA.run.start[i + 1]! - tokA.run.start[i]! > 6) return false;
      const text = tokText(tokA, i);
      if (!SHORT_WORD.test(text) || NEGATIONS.has(text.toLowerCase())) return false;
    }
    if (i - seg.aStart > 8) return false; // a long run of punctuation is structure, not a gap in a phrase
  }
  // A word at the start of a line is a point's label or a line's first word ("(a) " of "so─⏎(a) Malaysia" →
  // ":⏎(a) Cambodia"): the lines' changes stay apart, the label kept. Punctuation alone still folds across a
  // line wrapped inside a paragraph ("thirty⏎(30)" → "sixty⏎(60)").
  return !(lineBreak && words > 0);
}

/** Whether whitespace token i holds a line feed. */
function holdsLineFeed(t: Toks, i: number): boolean {
  for (let k = t.run.start[i]!; k < t.run.start[i + 1]!; k++) if (t.text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * Whether an equal segment is a piece of a number as written, with changes on each side of it: a few tokens of
 * digits and punctuation, no space among them, and on one side at least no space right before or after them ("2"
 * of "{+3(+}2[-(1)-]{+)+}", a cross-reference "2(1)" → "3(2)"). Not letters: "Framework" between two quote marks
 * changed stays equal, nor "55" of "[50][55]" → "55". Tokens outside the diffed window count as spaces.
 */
function pieceOfNumber(seg: Segment, tokA: Toks, tokB: Toks): boolean {
  if (seg.aEnd - seg.aStart > 3) return false;
  for (let i = seg.aStart; i < seg.aEnd; i++) {
    const kind = tokA.run.kind[i];
    if (kind === PUNCT_TOKEN) continue;
    if (kind !== WORD_TOKEN || !allDigits(tokA, i)) return false;
  }
  // Not between square brackets: there the number is an alternative, which keepAgreedAlternatives keeps whole.
  const glue = (t: Toks, i: number) => t.run.kind[i] !== SPACE_TOKEN && !tokIs(t, i, OPEN_SQUARE) && !tokIs(t, i, CLOSE_SQUARE);
  const glued = (t: Toks, start: number, end: number) => start > 0 && end < t.run.count && glue(t, start - 1) && glue(t, end);
  return glued(tokA, seg.aStart, seg.aEnd) || glued(tokB, seg.bStart, seg.bEnd);
}

/** Whether token i is all ASCII digits. */
function allDigits(t: Toks, i: number): boolean {
  for (let k = t.run.start[i]!; k < t.run.start[i + 1]!; k++) {
    const c = t.text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function mergeShortEquals(segments: Segment[], tokA: Toks, tokB: Toks): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const n = out.length;
    if (!seg.equal && n >= 2 && out[n - 1]!.equal && !out[n - 2]!.equal && (isShortEqual(out[n - 1]!, tokA) || pieceOfNumber(out[n - 1]!, tokA, tokB))
        && out[n - 2]!.cosmetic === seg.cosmetic) {
      // Both cosmetic, or both not: folding a short equal run (present on both sides) keeps that status.
      out.pop();
      const change = out[n - 2]!;
      change.aEnd = seg.aEnd;
      change.bEnd = seg.bEnd;
      change.widened = true;
    } else {
      out.push(seg); // the input list is not used again: its segments may change in place
    }
  }
  return out;
}

/** Offset where tokens [start, end) begin, and (with `end`) end: an empty range is empty text. */
function rangeStart(tokens: Toks, start: number): number {
  return tokens.run.start[start]!;
}

function rangeEnd(tokens: Toks, start: number, end: number): number {
  return start < end ? tokens.run.start[end]! : tokens.run.start[start]!;
}

/**
 * A cosmetic change is never folded into a substantive one: it must stay hideable on its own. The texts
 * are sliced only when their letters and digits leave the question open (see isCosmetic).
 */
function isCosmeticSegment(seg: Segment, tokA: Toks, tokB: Toks): boolean {
  const as = rangeStart(tokA, seg.aStart), ae = rangeEnd(tokA, seg.aStart, seg.aEnd);
  const bs = rangeStart(tokB, seg.bStart), be = rangeEnd(tokB, seg.bStart, seg.bEnd);
  return lettersDiffer(tokA.text, as, ae, tokB.text, bs, be) ? spellingVariantAt(tokA.text, as, ae, tokB.text, bs, be)
    : isCosmeticChange(tokA.text.slice(as, ae), tokB.text.slice(bs, be));
}

/** isSpellingVariant of a[as, ae) and b[bs, be), the texts sliced only where their lengths allow one. */
function spellingVariantAt(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  const la = ae - as, lb = be - bs;
  return la >= 4 && lb >= 4 && Math.abs(la - lb) <= 3 && isSpellingVariant(a.slice(as, ae), b.slice(bs, be));
}

/** isCosmeticChange, answered without it where its letters and digits already tell (most word changes). */
function isCosmetic(oldText: string, newText: string): boolean {
  return lettersDiffer(oldText, 0, oldText.length, newText, 0, newText.length) ? spellingVariantAt(oldText, 0, oldText.length, newText, 0, newText.length)
    : isCosmeticChange(oldText, newText);
}

/**
 * True when the letters and digits of a[aFrom, aTo) and b[bFrom, bTo) differ, case aside, in a stretch of
 * ASCII at their starts: then the change is not cosmetic. Why: cosmetic.ts compares the texts' substance, which keeps every word
 * lower-cased, and in ASCII every letter and digit is in a word; so the letters and digits of the
 * substance, in order, are those of the text. (Past a non-ASCII character that no longer holds: lower
 * case may turn one into ASCII letters, "İ" → "i̇". There the answer is false, which decides nothing.)
 */
function lettersDiffer(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  let i = aFrom, j = bFrom;
  for (;;) {
    let ca = -1, cb = -1;
    while (i < aTo) {
      const c = a.charCodeAt(i++);
      if (c >= 128) return false;
      if (isAsciiAlnum(c)) { ca = c | 32; break; } // lower case (digits keep their code)
    }
    while (j < bTo) {
      const c = b.charCodeAt(j++);
      if (c >= 128) return false;
      if (isAsciiAlnum(c)) { cb = c | 32; break; }
    }
    if (ca !== cb) return true;
    if (ca < 0) return false;
  }
}

/** The bracket kinds the cleanup balances, as character codes: "(" ")" and "[" "]". */
const OPEN_CODES = [40, 91];
const CLOSE_CODES = [41, 93];
const BALANCE_A = new Int32Array(2), BALANCE_B = new Int32Array(2);

/**
 * Per bracket kind k, into out[k]: brackets left open (positive) or closed without opening (negative) by a
 * token range. Both kinds in one pass: the cleanup below moves only brackets of the kind it is at, which
 * leave the other kind's balance as it was.
 */
function bracketBalances(tokens: Toks, start: number, end: number, out: Int32Array): void {
  out[0] = 0;
  out[1] = 0;
  const { text, run } = tokens;
  for (let i = start; i < end; i++) {
    if (run.start[i + 1]! - run.start[i]! !== 1) continue;
    const c = text.charCodeAt(run.start[i]!);
    if (c === 40) out[0]!++;
    else if (c === 41) out[0]!--;
    else if (c === 91) out[1]!++;
    else if (c === 93) out[1]!--;
  }
}

function balanceBrackets(segments: Segment[], tokA: Toks, tokB: Toks): Segment[] {
  for (let i = 0; i < segments.length; i++) {
    const c = segments[i]!;
    if (c.equal) continue;
    bracketBalances(tokA, c.aStart, c.aEnd, BALANCE_A);
    bracketBalances(tokB, c.bStart, c.bEnd, BALANCE_B);
    for (let kind = 0; kind < 2; kind++) {
      const open = OPEN_CODES[kind]!, close = CLOSE_CODES[kind]!;
      const balA = BALANCE_A[kind]!, balB = BALANCE_B[kind]!;
      const next = segments[i + 1];
      if ((balA > 0 || balB > 0) && next?.equal && next.aStart < next.aEnd && tokIs(tokA, next.aStart, close)) {
        c.aEnd++; c.bEnd++; next.aStart++; next.bStart++;
        c.widened = true;
      }
      const prev = segments[i - 1];
      if ((balA < 0 || balB < 0) && prev?.equal && prev.aStart < prev.aEnd && tokIs(tokA, prev.aEnd - 1, open)) {
        c.aStart--; c.bStart--; prev.aEnd--; prev.bEnd--;
        c.widened = true;
      }
      // The change is all that stands between a pair of brackets ("[5]" → "[7]"): the pair joins it.
      const before = segments[i - 1];
      const after = segments[i + 1];
      if (balA === 0 && balB === 0 && before?.equal && after?.equal && before.aStart < before.aEnd && after.aStart < after.aEnd
          && tokIs(tokA, before.aEnd - 1, open) && tokIs(tokA, after.aStart, close)) {
        c.aStart--; c.bStart--; before.aEnd--; before.bEnd--;
        c.aEnd++; c.bEnd++; after.aStart++; after.bStart++;
        c.widened = true;
      }
    }
  }
  // Drop equal segments emptied by the moves, and join changes that now touch.
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.aStart === s.aEnd && s.bStart === s.bEnd) continue;
    const last = out[out.length - 1];
    if (last && !last.equal && !s.equal) { last.aEnd = s.aEnd; last.bEnd = s.bEnd; last.widened = true; } else out.push(s);
  }
  return out;
}

/** Whether token i of `a` and token k of `b` are the same whitespace ("\n" and " " are not). */
function sameSpace(a: Toks, i: number, b: Toks, k: number): boolean {
  if (a.run.kind[i] !== SPACE_TOKEN || b.run.kind[k] !== SPACE_TOKEN) return false;
  const from = a.run.start[i]!, length = a.run.start[i + 1]! - from, at = b.run.start[k]!;
  if (b.run.start[k + 1]! - at !== length) return false;
  for (let x = 0; x < length; x++) if (a.text.charCodeAt(from + x) !== b.text.charCodeAt(at + x)) return false;
  return true;
}

/**
 * Whitespace that opens or closes both sides of a change goes back to the equal text beside it. Folding a
 * space between two changes (mergeShortEquals) leaves one at the end of both sides where the last of them
 * was a pure deletion or insertion: "prices[-, price floors-] [-for designated materials -]and" would read
 * "prices[-, price floors for designated materials -]{+ +}and", a space struck and put back; with the space
 * factored out it reads "prices[-, price floors for designated materials-] and", as a reader marks it.
 * Only whitespace moves: brackets a change took on purpose (balanceBrackets) stay with it.
 */
function factorCommonSpace(segments: Segment[], tokA: Toks, tokB: Toks): Segment[] {
  let moved = false;
  for (let i = 0; i < segments.length; i++) {
    const c = segments[i]!;
    if (c.equal || c.aStart === c.aEnd || c.bStart === c.bEnd) continue;
    if (sameSpace(tokA, c.aEnd - 1, tokB, c.bEnd - 1)) {
      c.aEnd--; c.bEnd--; c.widened = true; moved = true;
      const next = segments[i + 1];
      // A change at the end of the window has no equal segment after it: the space becomes one.
      if (next?.equal) { next.aStart--; next.bStart--; } else segments.splice(i + 1, 0, { equal: true, aStart: c.aEnd, aEnd: c.aEnd + 1, bStart: c.bEnd, bEnd: c.bEnd + 1 });
    }
    if (c.aStart < c.aEnd && c.bStart < c.bEnd && sameSpace(tokA, c.aStart, tokB, c.bStart)) {
      c.aStart++; c.bStart++; c.widened = true; moved = true;
      const prev = segments[i - 1];
      if (prev?.equal) { prev.aEnd++; prev.bEnd++; } else { segments.splice(i, 0, { equal: true, aStart: c.aStart - 1, aEnd: c.aStart, bStart: c.bStart - 1, bEnd: c.bStart }); i++; }
    }
  }
  if (!moved) return segments;
  // A change that was only the shared space is gone; the equal text on either side of it joins.
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.aStart === s.aEnd && s.bStart === s.bEnd) continue;
    const last = out[out.length - 1];
    if (last && last.equal && s.equal) { last.aEnd = s.aEnd; last.bEnd = s.bEnd; } else out.push(s);
  }
  return out;
}

/**
 * A pure insertion or deletion that holds a line break, and could stand a few characters earlier or later with
 * the same texts on both sides, is put where its edges fall on line boundaries. A paragraph cut in two after
 * its first sentence ("demand. The Participants" → "demand.⏎1. The Participants") is read by the token diff
 * as "demand{+.⏎1+}. The" as readily as "demand.{+⏎1.+} The"; the second keeps the first line whole and marks
 * the number that opens the new line. A change that already has an edge on a line boundary stays where it is,
 * as does one whose edge would cut a word.
 */
function breakAtLines(ops: WordOp[]): WordOp[] {
  let dropped = false;
  for (let k = 1; k + 1 < ops.length; k++) {
    const prev = ops[k - 1]!, op = ops[k]!, next = ops[k + 1]!;
    if (op.op === 'equal' || prev.op !== 'equal' || next.op !== 'equal' || op.moved || op.continues || op.style || !op.text.includes('\n')) continue;
    const text = op.text;
    const score = (shift: number): number => {
      // The op's text and its neighbours' edges once moved by `shift` characters (right when positive).
      const before = shift >= 0 ? text.slice(0, shift) : prev.text.slice(prev.text.length + shift);
      const moved = shift >= 0 ? text.slice(shift) + next.text.slice(0, shift) : before + text.slice(0, text.length + shift);
      const lastBefore = shift >= 0 ? (before || prev.text).slice(-1) : prev.text.slice(-1 + shift, shift);
      const firstAfter = shift >= 0 ? next.text.charAt(shift) : text.charAt(text.length + shift);
      if (cutsWord(lastBefore, moved.charAt(0)) || cutsWord(moved.slice(-1), firstAfter)) return -1;
      return (lastBefore === '\n' || moved.charAt(0) === '\n' ? 1 : 0) + (moved.endsWith('\n') || firstAfter === '\n' ? 1 : 0);
    };
    const here = score(0);
    if (here > 0) continue;
    // How far the op may slide: its first characters repeat at the start of the next text (right), its last
    // at the end of the previous one (left); never across its whole length.
    let right = 0;
    while (right < text.length - 1 && right < next.text.length && text.charCodeAt(right) === next.text.charCodeAt(right)) right++;
    let left = 0;
    while (left < text.length - 1 && left < prev.text.length && text.charCodeAt(text.length - 1 - left) === prev.text.charCodeAt(prev.text.length - 1 - left)) left++;
    let best = 0, bestScore = here;
    for (let d = 1; d <= Math.max(left, right); d++) {
      if (d <= right && score(d) > bestScore) { best = d; bestScore = score(d); }
      if (d <= left && score(-d) > bestScore) { best = -d; bestScore = score(-d); }
    }
    if (best === 0) continue;
    if (best > 0) {
      const moved = text.slice(0, best);
      op.text = text.slice(best) + next.text.slice(0, best);
      prev.text += moved;
      next.text = next.text.slice(best);
    } else {
      const moved = prev.text.slice(prev.text.length + best);
      op.text = moved + text.slice(0, text.length + best);
      prev.text = prev.text.slice(0, prev.text.length + best);
      next.text = text.slice(text.length + best) + next.text;
    }
    op.oldStart! += best; op.oldEnd! += best; op.newStart! += best; op.newEnd! += best;
    prev.oldEnd! += best; prev.newEnd! += best;
    next.oldStart! += best; next.newStart! += best;
    if (prev.text === '' || next.text === '') dropped = true;
  }
  return dropped ? ops.filter((o) => o.text !== '') : ops;
}

/** Whether an edge between two characters would fall inside a word (letters or digits on both sides). */
function cutsWord(before: string, after: string): boolean {
  return before !== '' && after !== '' && WORD_CHAR.test(before) && WORD_CHAR.test(after);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A pure insertion or deletion that opens with whitespace, followed by equal text opening with the same
 * whitespace, is read that much later: "of{+ secure and fair markets for+} critical" and "of {+secure and fair
 * markets for +}critical" say the same, and the second is how a deletion already reads ("trade [-with -]and
 * investment") and how Word marks inserted words, each with the space after it. On the ops rather than the
 * segments: the equal text that follows may lie past the diffed window (middleWindow).
 */
function startAtWords(ops: WordOp[]): WordOp[] {
  let dropped = false;
  for (let k = 0; k + 1 < ops.length; k++) {
    const op = ops[k]!, next = ops[k + 1]!;
    if (op.op === 'equal' || next.op !== 'equal') continue;
    // Pure: an insert with no delete before it (a delete is always followed by its insert, if any).
    if (op.op === 'insert' && ops[k - 1]?.op === 'delete') continue;
    const space = leadingSpace(op.text);
    if (space === 0 || space === op.text.length || leadingSpace(next.text) !== space || next.text.slice(0, space) !== op.text.slice(0, space)) continue;
    // The op's range (and its point on the other side) moves by the whitespace's length, which the equal text
    // before it gains and the equal text after it loses.
    const moved = op.text.slice(0, space);
    op.text = op.text.slice(space) + moved;
    op.oldStart! += space; op.oldEnd! += space; op.newStart! += space; op.newEnd! += space;
    next.text = next.text.slice(space);
    next.oldStart! += space; next.newStart! += space;
    if (next.text === '') dropped = true;
    const prev = ops[k - 1];
    if (prev?.op === 'equal') {
      prev.text += moved; prev.oldEnd! += space; prev.newEnd! += space;
    } else {
      ops.splice(k, 0, { op: 'equal', text: moved, oldStart: op.oldStart! - space, oldEnd: op.oldStart!, newStart: op.newStart! - space, newEnd: op.newStart! });
      k++;
    }
  }
  return dropped ? ops.filter((o) => o.text !== '') : ops;
}

/** The length of the whitespace a text opens with. */
function leadingSpace(text: string): number {
  let n = 0;
  while (n < text.length && isSpaceCode(text.charCodeAt(n))) n++;
  return n;
}

/**
 * Bracketed alternatives resolved to one of them ("[export bans, quotas or duties][export bans or quotas]" →
 * "export bans or quotas"), or an alternative put in brackets beside the text ("will" → "[shall][will]"): the
 * shortest edit keeps whichever words it finds first, and may keep scattered words of the rejected alternative
 * ("[-[-]export bans[-, quotas-] or [-duties][export bans or -]quotas[-]-]"), where a negotiator sees the
 * alternative that lost, and the brackets, struck, and the agreed one kept whole. Among changes that only
 * delete (or only insert) on one line, when the text kept between two of them is exactly what one bracket group
 * on the other side holds, the changes between are drawn again that way: the same text deleted and the same
 * kept, in other places.
 */
function keepAgreedAlternatives(segments: Segment[], tokA: Toks, tokB: Toks): Segment[] {
  let out = segments;
  for (let i = 0; i < out.length; i++) {
    const first = out[i]!;
    if (first.equal) continue;
    const deleting = first.bStart === first.bEnd;
    if (!deleting && first.aStart !== first.aEnd) continue;
    // Where alternatives were resolved, the first change strikes the "[" of the first of them (or, put in
    // brackets, inserts it): most changes hold no bracket, and cost nothing more here.
    const changed = deleting ? tokA : tokB;
    if (!holdsCode(changed, deleting ? first.aStart : first.bStart, deleting ? first.aEnd : first.bEnd, OPEN_SQUARE)) continue;
    // The changes of the same direction that follow on the same line, with only kept text between them.
    const changes = [i];
    for (let k = i + 1; k < out.length && changes.length < MAX_ALTERNATIVE_CHANGES; k++) {
      const s = out[k]!;
      if (s.equal) {
        if (holdsCode(tokA, s.aStart, s.aEnd, LINE_FEED)) break;
        continue;
      }
      if (deleting ? s.bStart !== s.bEnd : s.aStart !== s.aEnd) break;
      if (holdsCode(changed, deleting ? s.aStart : s.bStart, deleting ? s.aEnd : s.bEnd, LINE_FEED)) break;
      changes.push(k);
    }
    // The widest stretch, from this change, whose kept text is one bracket group of the side that changed.
    for (let q = changes.length - 1; q > 0; q--) {
      const last = out[changes[q]!]!;
      const redrawn = deleting
        ? agreedWithin(tokA, first.aStart, last.aEnd, tokB, first.bStart, last.bEnd, false)
        : agreedWithin(tokB, first.bStart, last.bEnd, tokA, first.aStart, last.aEnd, true);
      if (!redrawn) continue;
      out = [...out.slice(0, i), ...redrawn, ...out.slice(changes[q]! + 1)];
      i += redrawn.length - 1;
      break;
    }
  }
  return out;
}

/** Changes looked at together for one resolution of alternatives: a bound on the work, far above real ones. */
const MAX_ALTERNATIVE_CHANGES = 16;
const OPEN_SQUARE = 91, CLOSE_SQUARE = 93, LINE_FEED = 10;

/** Whether the text of tokens [start, end) holds the character `code`. */
function holdsCode(t: Toks, start: number, end: number, code: number): boolean {
  for (let c = t.run.start[start]!, to = t.run.start[end]!; c < to; c++) if (t.text.charCodeAt(c) === code) return true;
  return false;
}

/**
 * The segments that delete `changed`'s tokens [from, to) but for one bracket group's content, kept equal to
 * `kept`'s tokens [keptFrom, keptTo) — or null when no bracket group there holds exactly those tokens.
 * `inserting`: `changed` is the new side (the segments insert instead).
 */
function agreedWithin(changed: Toks, from: number, to: number, kept: Toks, keptFrom: number, keptTo: number, inserting: boolean): Segment[] | null {
  const length = keptTo - keptFrom;
  if (length === 0) return null;
  for (let open = from; open + length + 1 < to; open++) {
    if (!tokIs(changed, open, OPEN_SQUARE) || !tokIs(changed, open + length + 1, CLOSE_SQUARE)) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = tokText(changed, open + 1 + k) === tokText(kept, keptFrom + k);
    if (!same) continue;
    // Struck (or inserted) up to and with "[", kept, then from "]" on.
    // (Run before the cosmetic flags are set: the segments need no flag of their own yet.)
    const side = (cFrom: number, cTo: number, kFrom: number, kTo: number, equal: boolean): Segment => (inserting
      ? { equal, aStart: kFrom, aEnd: kTo, bStart: cFrom, bEnd: cTo }
      : { equal, aStart: cFrom, aEnd: cTo, bStart: kFrom, bEnd: kTo });
    return [
      side(from, open + 1, keptFrom, keptFrom, false),
      side(open + 1, open + 1 + length, keptFrom, keptTo, true),
      side(open + 1 + length, to, keptTo, keptTo, false),
    ];
  }
  return null;
}
