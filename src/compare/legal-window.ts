/**
 * Where, around the changes of one text, each finder of legal-find.ts must look: for each finder, windows
 * (sorted, disjoint) such that the finder run over them finds exactly the items of a scan of the whole text
 * that have a character in a `near` range — and usually no window at all, because most edits ("promptly" →
 * "expeditiously") touch no obligation, figure, date or name. This is what makes the legal analysis of a
 * clause cost the few words around its changes instead of its sentences.
 *
 * How. The text is read word by word, a word being a run of non-whitespace characters. For each finder we
 * know which words can hold a character of one of its matches (legal-find.ts lists the ASCII letter runs
 * of each finder's matches; digits, signs and non-ASCII characters are judged per finder below). A match is
 * one stretch without whitespace at its ends, so every word it touches can hold a character of it: a match
 * never crosses a word that cannot. Around a range [a, b] the window therefore runs from the words that hold
 * a and b outward, word by word, while the next word can hold a character of a match, and stops before the
 * first that cannot (or at an end of the text). Then:
 *   - every match with a character in [a, b] lies inside the window, since it crosses no stopping word;
 *   - no match straddles a window edge, so a finder that scans from the window start finds the same
 *     matches there as a scan from the start of the text (its next match is the first one starting after
 *     the edge either way), and the windows of nearby ranges may be merged.
 * A window is dropped when none of its words holds what every match must hold (the finder's "anchor": an
 * obligation's first word, a figure's digit, number word or frequency word ("quarterly"), a date's digit or
 * "day", a name's letters).
 *
 * "Match" means every match of a finder's scan, kept or not ("may 2026" is a date match the date finder
 * drops; an unqualified "5" is a figure match): the scan steps over all of them. A figure widens back from
 * its number to a currency code, which may end a longer word ("XUSD 5"): such a word can hold a character
 * of a figure (the code's), so that a change there looks for figures; the figure finder scans for numbers
 * only and matches the figure on the whole text, so a window may start after such a code and still find
 * the figure.
 *
 * Case: the obligation, figure and date patterns ignore case, and Unicode case folding lets a few
 * non-ASCII letters match ASCII ones ("ſ" matches "s"): a word with any non-ASCII character may hold
 * anything for them. Names are matched with case (see NameFinder.words).
 */
import {
  CURRENCY_CODE_WORDS, DATE_ANCHOR_WORDS, DATE_WORDS, FIGURE_ANCHOR_WORDS, FIGURE_WORDS, OBLIGATION_FIRST_WORDS, OBLIGATION_WORDS, isSpaceAt,
} from './legal-find.js';

export const OBLIGATION = 0;
export const FIGURE = 1;
export const DATE = 2;
export const TERM = 3;
export const PARTY = 4;
const FINDERS = 5;

// A word's bits: bit f, the word can hold a character of a match of finder f; bit f + ANCHOR, of the part
// every match of f holds.
const ANCHOR = FINDERS;
const both = (f: number) => (1 << f) | (1 << (f + ANCHOR));

// Every date holds a digit (a year, or the day of a month written without one) or the word "day".
const DIGIT_BITS = both(FIGURE) | both(DATE);
const NON_ASCII_BITS = both(OBLIGATION) | both(FIGURE) | both(DATE);
// Signs that may stand alone in a figure: "thirty ( 30 ) days", "5 %", and "$" (after a code: "US$").
const FIGURE_SIGN_BITS = 1 << FIGURE;

/** The names of the two name finders: the letter runs they hold (null: any word may hold a name). */
export interface NameWords { terms: ReadonlySet<string> | null; parties: ReadonlySet<string> | null }

export type Window = [number, number];

// Per finder: the window being built (from < 0: none yet), its bits, and, while a range's walk back runs,
// where that range's own window starts and the bits of the words the walk took. Reused by every call.
const windowFrom = new Int32Array(FINDERS);
const windowTo = new Int32Array(FINDERS);
const windowBits = new Int32Array(FINDERS);
const walkFrom = new Int32Array(FINDERS);
const walkBits = new Int32Array(FINDERS);

/**
 * For each finder (OBLIGATION … PARTY), the windows [from, to) of `text` to scan so that every item with a
 * character in one of the `near` ranges [a, b] (inclusive, in text order) is found, as the module comment
 * explains.
 */
export function finderWindows(text: string, near: ReadonlyArray<readonly [number, number]>, names: NameWords, finders = ALL_FINDERS): Window[][] {
  const out: Window[][] = [NO_WINDOWS, NO_WINDOWS, NO_WINDOWS, NO_WINDOWS, NO_WINDOWS];
  const n = text.length;
  if (n === 0) return out;
  const vocabulary = vocabularyFor(names.parties);
  const terms = termTable(names.terms);
  for (let f = 0; f < FINDERS; f++) windowFrom[f] = -1;
  // Indexed, not destructured: array destructuring in this loop cost more than the walks.
  for (let r = 0; r < near.length; r++) {
    const a = near[r]![0];
    const b = near[r]![1];
    // The words holding a and b, and all between.
    let coreFrom = a;
    while (coreFrom > 0 && !isSpace(text, coreFrom - 1)) coreFrom--;
    // The core ends with the word holding b (read anyway for its bits), or just after b if b is a space.
    let coreTo = b + 1;
    let coreBits = 0;
    for (let p = coreFrom; p <= b;) {
      while (p <= b && isSpace(text, p)) p++;
      if (p > b) break;
      coreBits |= wordBits(text, p, vocabulary, terms);
      p = wordEnd;
      if (p > coreTo) coreTo = p;
    }
    // Only the finders whose matches a core word may hold need a window here: a match touching the range
    // holds a character of a core word (the range runs between characters that are no whitespace), and it
    // crosses no word that cannot hold a character of it. Most changes leave most finders out.
    const active = coreBits & finders;
    // Back, word by word, for each finder whose window being built does not reach this core. A walk that
    // reaches that window joins it: the union of two windows that overlap has safe edges too.
    let left = 0;
    let joined = 0;
    for (let m = active; m !== 0; m &= m - 1) {
      const f = lowestBit(m);
      walkFrom[f] = coreFrom;
      walkBits[f] = 0;
      if (windowFrom[f]! >= 0 && coreFrom <= windowTo[f]!) joined |= 1 << f; else left |= 1 << f;
    }
    for (let p = coreFrom; left !== 0;) {
      let e = p;
      while (e > 0 && isSpace(text, e - 1)) e--;
      if (e === 0) break;
      let s = e - 1;
      while (s > 0 && !isSpace(text, s - 1)) s--;
      const w = wordBits(text, s, vocabulary, terms);
      for (let m = left; m !== 0; m &= m - 1) {
        const f = lowestBit(m);
        const bit = 1 << f;
        if (windowFrom[f]! >= 0 && e <= windowTo[f]!) { joined |= bit; left &= ~bit; } else if ((w & bit) !== 0) { walkFrom[f] = s; walkBits[f]! |= w; } else left &= ~bit;
      }
      p = s;
    }
    let right = 0;
    for (let m = active; m !== 0; m &= m - 1) {
      const f = lowestBit(m);
      if ((joined & (1 << f)) === 0) {
        flush(out, f);
        windowFrom[f] = walkFrom[f]!;
        windowTo[f] = coreTo;
        windowBits[f] = 0;
      }
      windowBits[f]! |= coreBits | walkBits[f]!;
      if (coreTo >= windowTo[f]!) { windowTo[f] = coreTo; right |= 1 << f; }
    }
    // Forward, word by word, for each finder whose window ends with this core.
    for (let p = coreTo; right !== 0;) {
      let s = p;
      while (s < n && isSpace(text, s)) s++;
      if (s === n) break;
      const w = wordBits(text, s, vocabulary, terms);
      const e = wordEnd;
      for (let m = right; m !== 0; m &= m - 1) {
        const f = lowestBit(m);
        if ((w & (1 << f)) !== 0) { windowTo[f] = e; windowBits[f]! |= w; } else right &= ~(1 << f);
      }
      p = e;
    }
  }
  for (let f = 0; f < FINDERS; f++) flush(out, f);
  return out;
}

/** The index of the lowest bit set in m (m !== 0). */
function lowestBit(m: number): number {
  return 31 - Math.clz32(m & -m);
}

/** All finders, as the `finders` bit set of finderWindows (bit f: finder f); a finder left out gets no window. */
export const ALL_FINDERS = (1 << FINDERS) - 1;

/** Hand the window being built for finder f to `out`, if there is one and it holds the finder's anchor. */
function flush(out: Window[][], f: number): void {
  if (windowFrom[f]! >= 0 && (windowBits[f]! & (1 << (f + ANCHOR))) !== 0) {
    if (out[f] === NO_WINDOWS) out[f] = [];
    out[f]!.push([windowFrom[f]!, windowTo[f]!]);
  }
}

/** A finder's windows when it has none (shared: never written to). */
const NO_WINDOWS: Window[] = [];

/** Whether text[i] is whitespace (isSpaceAt, with the common ASCII cases first). */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32) return true;
  return c < 128 ? c >= 9 && c <= 13 : isSpaceAt(text, i);
}

/** Where the word read by the last wordBits call ends. */
let wordEnd = 0;

/**
 * The bits of the word of `text` starting at `from` (a character that is not whitespace): which finders'
 * matches it may hold a character of. Sets wordEnd. One pass: each run of letters is hashed as it is read.
 */
function wordBits(text: string, from: number, vocabulary: Vocabulary, terms: WordTable | null): number {
  const n = text.length;
  let bits = 0;
  let letters = false;
  let comma = false;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const l = c | 0x20;
    if (l >= 97 && l <= 122) {
      let h = Math.imul(HASH_SEED ^ l, HASH_PRIME);
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j) | 0x20;
        if (d < 97 || d > 122) break;
        h = Math.imul(h ^ d, HASH_PRIME);
      }
      bits |= vocabulary.bitsOf(text, i, j, h);
      if (j - i > CODE_LENGTH && endsWithCurrencyCode(text, j)) bits |= 1 << FIGURE;
      if (terms !== null && terms.size > 0 && terms.find(text, i, j, h) >= 0) bits |= both(TERM);
      letters = true;
      i = j;
      continue;
    }
    if (c === 32 || (c >= 9 && c <= 13)) break;
    if (c >= 48 && c <= 57) { bits |= DIGIT_BITS; i++; continue; }
    if (c >= 128) {
      if (isSpaceAt(text, i)) break;
      bits |= NON_ASCII_BITS;
    } else if (c === 36 || c === 37 || c === 40 || c === 41) bits |= FIGURE_SIGN_BITS;
    else if (c === 44) comma = true;
    i++;
  }
  wordEnd = i;
  // A hedge's comma may stand alone between spaces ("shall , where appropriate").
  if (comma && !letters) bits |= 1 << OBLIGATION;
  if (terms === null) bits |= both(TERM);
  if (vocabulary.anyParty) bits |= both(PARTY);
  return bits;
}

/** The length of every currency code (CURRENCY_CODE_WORDS). */
const CODE_LENGTH = 3;

/** The currency codes, each as its three lowercase letters packed into one number. */
const PACKED_CODES: readonly number[] = [...CURRENCY_CODE_WORDS].map((code) => {
  if (!/^[a-z]{3}$/.test(code)) throw new Error(`legal-window: currency code ${code} is not three letters`);
  return (code.charCodeAt(0) << 16) | (code.charCodeAt(1) << 8) | code.charCodeAt(2);
});

/**
 * Whether the run of ASCII letters ending at `to` ends with a currency code ("XUSD"): a figure may begin
 * inside such a word ("XUSD 5" holds the figure "USD 5"), so the word can hold a character of a figure.
 */
function endsWithCurrencyCode(text: string, to: number): boolean {
  const last = text.charCodeAt(to - 1) | 0x20;
  // Most runs end with a letter that ends no code: one test, no packing.
  if ((CODE_LAST_LETTERS & (1 << (last - 97))) === 0) return false;
  const packed = ((text.charCodeAt(to - 3) | 0x20) << 16) | ((text.charCodeAt(to - 2) | 0x20) << 8) | last;
  for (let k = 0; k < PACKED_CODES.length; k++) if (PACKED_CODES[k] === packed) return true;
  return false;
}

/** Bit l - 97: some currency code ends with the letter l. */
const CODE_LAST_LETTERS = PACKED_CODES.reduce((mask, packed) => mask | (1 << ((packed & 0xff) - 97)), 0);

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/**
 * Words (runs of ASCII letters) looked up by a stretch of a text without cutting it out: a word is looked up
 * for every word around every change, and a slice and a map lookup per word cost more than the rest of the
 * window search. Open addressing over a hash of the character codes with letters lowercased, so that one
 * hash per run serves the tables that keep case (names) and the one that does not (see Vocabulary).
 */
class WordTable {
  size = 0;
  // Slot i holds the word pool[offset[i], offset[i] + length[i]) (length -1: free) and its value. The words'
  // characters are copied into one pool: comparing against it is quicker than against strings cut from the
  // texts, and it keeps no text alive.
  private offset = new Int32Array(64);
  private length = new Int32Array(64).fill(-1);
  private values = new Int32Array(64);
  private pool = new Uint16Array(256);
  private poolEnd = 0;

  /** The hash of text[from, to) (letters lowercased) that find() takes (FNV-1a over the code units). */
  static hash(text: string, from: number, to: number): number {
    let h = HASH_SEED;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), HASH_PRIME);
    return h;
  }

  /**
   * The slot of text[from, to) (a run of ASCII letters whose hash is h), or -1 - the free slot where it
   * would go. `folded`: letters compare lowercased (the table's words are lowercase); else with case.
   */
  find(text: string, from: number, to: number, h: number, folded = false): number {
    const n = to - from;
    const mask = this.length.length - 1;
    const pool = this.pool;
    const fold = folded ? 0x20 : 0;
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      const len = this.length[i]!;
      if (len < 0) return -1 - i;
      if (len !== n) continue;
      const at = this.offset[i]! - from;
      let k = from;
      while (k < to && pool[at + k] === (text.charCodeAt(k) | fold)) k++;
      if (k === to) return i;
    }
  }

  value(slot: number): number {
    return this.values[slot]!;
  }

  /** Add a word (a run of ASCII letters; lowercase for a table searched folded), or set its value. */
  set(word: string, value: number): void {
    if ((this.size + 1) * 2 > this.length.length) this.grow();
    const slot = this.find(word, 0, word.length, WordTable.hash(word, 0, word.length));
    if (slot >= 0) { this.values[slot] = value; return; }
    this.place(-1 - slot, word, value);
  }

  private place(slot: number, word: string, value: number): void {
    if (this.poolEnd + word.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolEnd + word.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < word.length; k++) this.pool[this.poolEnd + k] = word.charCodeAt(k);
    this.offset[slot] = this.poolEnd;
    this.length[slot] = word.length;
    this.values[slot] = value;
    this.poolEnd += word.length;
    this.size++;
  }

  private grow(): void {
    const words: Array<[string, number]> = [];
    for (let i = 0; i < this.length.length; i++) {
      if (this.length[i]! >= 0) words.push([String.fromCharCode(...this.pool.subarray(this.offset[i]!, this.offset[i]! + this.length[i]!)), this.values[i]!]);
    }
    const size = this.length.length * 2;
    this.offset = new Int32Array(size);
    this.length = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.size = 0;
    this.poolEnd = 0;
    for (const [w, v] of words) this.set(w, v);
  }
}

/** Marks a case-blind word that is also, lowercased, one of the party names' words: look it up with case. */
const PARTY_CANDIDATE = 1 << (2 * FINDERS);

/**
 * The bits of runs of letters for the case-blind finders and the party names: only the words that have any
 * (a few hundred), so that the table stays small enough to sit in the processor's cache, and a run that is
 * none of them (most runs) usually stops at an empty slot. A party name's word is marked in the case-blind
 * table and confirmed, with case, in a table of its own.
 */
class Vocabulary {
  private readonly folded = new WordTable();
  private readonly partyWords = new WordTable();

  /** Whether any word may hold a party name (see NameFinder.words). */
  readonly anyParty: boolean;

  constructor(parties: ReadonlySet<string> | null) {
    this.anyParty = parties === null;
    for (const [word, bits] of LETTER_BITS) this.folded.set(word, bits);
    for (const word of parties ?? []) {
      const lower = word.toLowerCase();
      const slot = this.folded.find(lower, 0, lower.length, WordTable.hash(lower, 0, lower.length), true);
      this.folded.set(lower, (slot >= 0 ? this.folded.value(slot) : 0) | PARTY_CANDIDATE);
      this.partyWords.set(word, 1);
    }
  }

  /** The bits of the run text[from, to) of ASCII letters, whose hash (WordTable.hash) is h. */
  bitsOf(text: string, from: number, to: number, h: number): number {
    const slot = this.folded.find(text, from, to, h, true);
    if (slot < 0) return 0;
    const bits = this.folded.value(slot);
    if ((bits & PARTY_CANDIDATE) === 0) return bits;
    return (bits & ~PARTY_CANDIDATE) | (this.partyWords.find(text, from, to, h) >= 0 ? both(PARTY) : 0);
  }
}

const vocabularies = new WeakMap<object, Vocabulary>();
const ANY_PARTY = {};

let lastParties: ReadonlySet<string> | null | undefined;
let lastVocabulary: Vocabulary | null = null;

/** The vocabulary for a set of party names' words, built once per set. */
function vocabularyFor(parties: ReadonlySet<string> | null): Vocabulary {
  // The same parties for every clause pair of a comparison: skip the weak map then.
  if (parties === lastParties && lastVocabulary) return lastVocabulary;
  lastParties = parties;
  const key = parties ?? ANY_PARTY;
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) vocabularies.set(key, (vocabulary = new Vocabulary(parties)));
  return (lastVocabulary = vocabulary);
}

/** The table of the defined terms' words (with case), built once per word set (null: any word may be a term). */
const termTables = new WeakMap<ReadonlySet<string>, WordTable>();

function termTable(words: ReadonlySet<string> | null): WordTable | null {
  if (words === null) return null;
  if (words.size === 0) return EMPTY_TABLE;
  let table = termTables.get(words);
  if (!table) {
    table = new WordTable();
    for (const w of words) table.set(w, 1);
    termTables.set(words, table);
  }
  return table;
}

const EMPTY_TABLE = new WordTable();

/** The bits of each lowercased run of ASCII letters, for the case-blind finders. */
const LETTER_BITS: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  const add = (words: ReadonlySet<string>, b: number) => { for (const w of words) bits.set(w, (bits.get(w) ?? 0) | b); };
  add(OBLIGATION_WORDS, 1 << OBLIGATION);
  add(OBLIGATION_FIRST_WORDS, both(OBLIGATION));
  add(FIGURE_WORDS, 1 << FIGURE);
  add(FIGURE_ANCHOR_WORDS, both(FIGURE));
  add(DATE_WORDS, 1 << DATE);
  // Every date holds a digit (DIGIT_BITS) or, in "the … day" form, the word "day".
  add(DATE_ANCHOR_WORDS, both(DATE));
  return bits;
})();
