/**
 * Normalised token streams for alignment: what "the same text, ignoring numbering" means.
 *
 * A text is read once, character by character (no regular expressions: this runs over every word of both
 * drafts and must stay in the low milliseconds for 2,000 articles), into
 * - `words`: one 32-bit hash per word, lowercased — the input of shingles and similarity;
 * - `looseKey`: a hash of the lowercased words only — two texts with the same loose key are the same clause
 *   for alignment, whatever their case, punctuation, quote style or whitespace;
 * - `strictKey(text)` (a second, rarer pass): a hash of the words and punctuation as written (quote style and
 *   dashes included; spacing not) — equal strict keys mean "unchanged"; equal loose keys with different strict
 *   keys mean a cosmetic edit.
 *
 * Both keys ignore numbering, because numbering is presentation: a paragraph number at the start of a line
 * ("1.", "(2)", "(a)", "b)", "4.1") is skipped, and the number after a reference word ("Article 12",
 * "paragraph 3", "Section II", "Annex 3-B", "point (b)"), and each further number of a list or range after a
 * plural one ("Articles 9, 10 and 11", "Articles 9 to 11"), is replaced by a placeholder, so that a renumbered treaty whose
 * cross-references were renumbered with it still matches itself.
 */

import { INSERTED_ORDINALS, LETTERED_DIVISIONS, LONGEST_INSERTED_ORDINAL } from '../model/provisions.js';
import { copyInt32s, int32s } from './int-arena.js';

export interface Tokens {
  /** Lowercased word hashes in reading order (reference numbers replaced by one placeholder hash). */
  words: Int32Array;
  /** 53-bit hash of the lowercased words: equal for texts that differ only in case, punctuation or spacing. */
  looseKey: number;
  /** Whether the text ends right after a reference word ("… Article"), so that a number opening what follows
   * would read as a reference (see joinTokens). */
  endsAfterReference: boolean;
  /** The shingle set of `words`, filled on first use by shinglesOfTokens (shingles.ts). */
  shingles?: Int32Array;
  /** The text this one was last compared with by diceOfTokens, and the result (shingles.ts). */
  diceWith?: Tokens;
  dice?: number;
}

/** Character classes; 0 marks a code unit not classified yet. */
const SPACE = 1;
const WORD = 2;
const PUNCT = 3;

/**
 * Class and lowercase form of every UTF-16 code unit, filled on first use: the hot loop does one array read
 * per character instead of a function call.
 */
const CLASS = new Uint8Array(65536);
const LOWER = new Uint16Array(65536);
/** Both at once for the scanner's loop, one read per character: class << 16 | lowercase form. */
const INFO = new Int32Array(65536);

function computeClass(c: number): number {
  if (c < 128) {
    const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    return c <= 32 || c === 127 ? SPACE : isWord ? WORD : PUNCT;
  }
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return SPACE;
  // General punctuation (dashes, curly quotes, ellipsis, daggers), Latin-1 punctuation and symbols.
  if ((c >= 0x2010 && c <= 0x205e) || (c >= 0xa1 && c <= 0xbf && c !== 0xaa && c !== 0xb2 && c !== 0xb3 && c !== 0xb9 && c !== 0xba) || c === 0xd7 || c === 0xf7) return PUNCT;
  return WORD;
}

function learn(c: number): number {
  LOWER[c] = c < 128 ? (c >= 65 && c <= 90 ? c | 0x20 : c) : String.fromCharCode(c).toLowerCase().charCodeAt(0);
  CLASS[c] = computeClass(c);
  INFO[c] = (CLASS[c]! << 16) | LOWER[c]!;
  return CLASS[c]!;
}
for (let c = 0; c < 128; c++) learn(c);

function classOf(c: number): number {
  return CLASS[c] || learn(c);
}

function lower(c: number): number {
  if (!CLASS[c]) learn(c);
  return LOWER[c]!;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Hash of a lowercase ASCII word, as the tokenizer computes it. */
export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ lower(word.charCodeAt(i)), FNV_PRIME);
  return h;
}

/** The reference words, each with its kind: its singular, full form. */
const REFERENCE_WORD_KINDS: readonly (readonly [string, string])[] = [
  ['article', 'article'], ['articles', 'article'], ['art', 'article'], ['paragraph', 'paragraph'], ['paragraphs', 'paragraph'],
  ['para', 'paragraph'], ['paras', 'paragraph'], ['subparagraph', 'subparagraph'], ['subparagraphs', 'subparagraph'],
  ['section', 'section'], ['sections', 'section'], ['chapter', 'chapter'], ['chapters', 'chapter'], ['annex', 'annex'],
  ['annexes', 'annex'], ['appendix', 'appendix'], ['part', 'part'], ['schedule', 'schedule'], ['clause', 'clause'],
  ['clauses', 'clause'], ['point', 'point'], ['points', 'point'],
];
/** The kind of each reference word, by the word's hash (as the scanner computes it). */
const REFERENCE_KINDS = new Map<number, string>(REFERENCE_WORD_KINDS.map(([word, kind]) => [wordHash(word), kind]));

/** The reference words of a kind ("article": "article", "articles", "art"), lowercase. */
export function referenceWords(kind: string): string[] {
  return REFERENCE_WORD_KINDS.filter(([, k]) => k === kind).map(([word]) => word);
}

/** Words after which a number is a cross-reference, not content. */
const REFERENCE_WORDS = new Set(REFERENCE_KINDS.keys());
/**
 * The plural reference words, whose number may go on as a list ("Articles 9, 10 and 11", "paragraphs 2 or 3"):
 * each number of the list is a reference number. The words that join a list's numbers (a comma does too), and
 * those that make a range of two ("Articles 2 to 4", "Articles 2 through 4"; an en dash does too: "2–4"). A
 * range's end is a reference number like any other, flagged `range`, since its meaning is not its own: whether
 * "Articles 2 to 4" → "Articles 3 to 5" follows the renumbering depends on the articles between the two ends
 * (reference-map.ts), as an article put in between would join the range though both ends followed.
 */
const PLURAL_REFERENCE_WORDS = new Set(['articles', 'paragraphs', 'paras', 'subparagraphs', 'sections', 'chapters', 'annexes', 'clauses', 'points'].map(wordHash));
const LIST_JOINERS = new Set(['and', 'or'].map(wordHash));
/**
 * The kinds numbered with capital letters too ("Annex A", "Appendix B", "Part C", "Section A"), as headings label
 * them (model/provisions.ts): after their words one capital letter standing alone is a reference number.
 */
const LETTERED_KINDS: ReadonlySet<string> = new Set(LETTERED_DIVISIONS);
/**
 * The kinds whose numbers are written in parentheses too ("point (b)", "points (a) and (b)", "subparagraph (ii)"), as
 * EU and UN texts cite the points of a paragraph: after their words "(b)" is a reference number.
 */
export const PARENTHESISED_KINDS: ReadonlySet<string> = new Set(['point', 'subparagraph']);
/** How the numbers of a kind may be written besides digits and Roman numerals. */
const NUMBERED = 0, LETTERED = 1, PARENTHESISED = 2;
type NumberStyle = typeof NUMBERED | typeof LETTERED | typeof PARENTHESISED;
function styleOfKind(kind: string): NumberStyle {
  return LETTERED_KINDS.has(kind) ? LETTERED : PARENTHESISED_KINDS.has(kind) ? PARENTHESISED : NUMBERED;
}
/** The number style of each reference word, by its hash (words of plain kinds are absent). */
const NUMBER_STYLES = new Map<number, NumberStyle>([...REFERENCE_KINDS].filter(([, kind]) => styleOfKind(kind) !== NUMBERED).map(([h, kind]) => [h, styleOfKind(kind)]));
const RANGE_JOINERS = new Set(['to', 'through'].map(wordHash));
/** The en dash, which joins a range's two numbers ("Articles 2–4"); a hyphen is part of a number ("3-B"). */
const EN_DASH = 0x2013;
/** What a reference number hashes to. */
const REFERENCE_NUMBER = wordHash('#');

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isAsciiLetter(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }
function isAlnum(c: number): boolean { return isDigit(c) || isAsciiLetter(c); }
function isUpperRoman(c: number): boolean { return c === 73 || c === 86 || c === 88 || c === 76 || c === 67; }
function isBlank(c: number): boolean { return c === 32 || c === 9; }

/** The Latin ordinals of a paragraph put in between others ("3bis"), as provisions.ts reads its label. */
const LATIN_ORDINALS: ReadonlySet<string> = new Set(INSERTED_ORDINALS);

/** Where a Latin ordinal written right after a number at `j` ends ("bis", " ter"), or j when none is. */
function latinOrdinalEnd(text: string, j: number): number {
  const k0 = text.charCodeAt(j) === 32 ? j + 1 : j;
  let k = k0;
  while (k < text.length && k - k0 < LONGEST_INSERTED_ORDINAL && isAsciiLetter(text.charCodeAt(k))) k++;
  return k > k0 && LATIN_ORDINALS.has(text.slice(k0, k).toLowerCase()) ? k : j;
}

/**
 * If a paragraph label ("1.", "(2)", "(a)", "(iv)", "b)", "4.1", "2.1.", "3bis.") starts at `i`, return the index
 * after it and the blanks that follow; otherwise return `i`.
 */
function skipParagraphLabel(text: string, i: number): number {
  const n = text.length;
  let j = i;
  const c0 = text.charCodeAt(j);
  if (c0 === 40 /* ( */) {
    j++;
    const start = j;
    while (j < n && j - start < 6 && isAlnum(text.charCodeAt(j))) j++;
    if (j === start || text.charCodeAt(j) !== 41 /* ) */) return i;
    j++;
  } else if (isDigit(c0)) {
    let dotted = false;
    for (;;) {
      const start = j;
      while (j < n && isDigit(text.charCodeAt(j)) && j - start < 3) j++;
      if (j === start) return i;
      const c = text.charCodeAt(j);
      if (c === 46 /* . */ && isDigit(text.charCodeAt(j + 1))) { j++; dotted = true; continue; }
      if (c === 46 || c === 41) { j++; break; }
      if (dotted) break;
      // A paragraph put in without renumbering: "3bis.", "3 ter)".
      const ordinalEnd = latinOrdinalEnd(text, j);
      if (ordinalEnd > j && (text.charCodeAt(ordinalEnd) === 46 || text.charCodeAt(ordinalEnd) === 41)) { j = ordinalEnd + 1; break; }
      return i;
    }
  } else if (isAsciiLetter(c0)) {
    const start = j;
    while (j < n && j - start < 6 && isAsciiLetter(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 41 /* ) */) return i;
    // "a)" or "iv)": a short lowercase or roman label, not a word that happens to precede a parenthesis.
    if (j - start > 2 && !/^[ivxlc]+$/i.test(text.slice(start, j))) return i;
    j++;
  } else {
    return i;
  }
  if (j < n && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) return i;
  while (j < n && isBlank(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The end of a reference number starting at `i` ("12", "12.3", "4(a)", "3-B", "2bis", "II", "I-A"; "A" after a
 * word of a lettered kind; "(b)", "(ii)", "(b)(ii)" after a word of a parenthesised kind), or `i` when no reference
 * number starts there.
 */
function skipReferenceNumber(text: string, i: number, style: NumberStyle): number {
  const n = text.length;
  const c0 = text.charCodeAt(i);
  let j = i;
  if (c0 === 40 /* ( */) return style === PARENTHESISED ? parenthesisedNumberEnd(text, i) : i;
  if (isDigit(c0)) {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isAlnum(c)) { j++; continue; }
      if ((c === 46 || c === 45 || c === 40) && j + 1 < n && isAlnum(text.charCodeAt(j + 1))) { j++; continue; }
      if (c === 41 && text.lastIndexOf('(', j) >= i) { j++; continue; }
      break;
    }
    // "Article 3 bis", as UN texts write a provision put in between others: the ordinal is the number's.
    if (j < n && text.charCodeAt(j) === 32) {
      const k = latinOrdinalEnd(text, j);
      if (k > j && (k >= n || classOf(text.charCodeAt(k)) !== WORD)) return k;
    }
    return j;
  }
  if (isUpperRoman(c0)) {
    while (j < n && isUpperRoman(text.charCodeAt(j))) j++;
    // "Annex I-A", "Annex II-B": a part after a hyphen belongs to the number, as in "Annex 3-B".
    while (j + 1 < n && text.charCodeAt(j) === 45 && isAlnum(text.charCodeAt(j + 1))) {
      j++;
      while (j < n && isAlnum(text.charCodeAt(j))) j++;
    }
    // Roman numerals are written in capitals and end the word: "Section II", not "Section In".
    if (j < n && classOf(text.charCodeAt(j)) === WORD) return i;
    return j;
  }
  // "Annex A": one capital letter, a word of its own ("Annex Areas" is none); "Annexes A-C", a range of them
  // written with a hyphen, as "Articles 2-4" is read (one number, its ends read by reference-map.ts).
  if (style === LETTERED && c0 >= 65 && c0 <= 90 && (i + 1 >= n || classOf(text.charCodeAt(i + 1)) !== WORD)) {
    const c2 = text.charCodeAt(i + 2);
    if (text.charCodeAt(i + 1) === 45 && c2 >= 65 && c2 <= 90 && (i + 3 >= n || classOf(text.charCodeAt(i + 3)) !== WORD)) return i + 3;
    return i + 1;
  }
  return i;
}

/**
 * The end of a point's number in parentheses at `i`: one or more parts of one to four lowercase letters or digits
 * ("(b)", "(ii)", "(1)", "(b)(ii)"), ending the word; or `i`.
 */
function parenthesisedNumberEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && text.charCodeAt(j) === 40) {
    let k = j + 1;
    while (k < n && k - j <= 4 && isLowerAlnum(text.charCodeAt(k))) k++;
    if (k === j + 1 || text.charCodeAt(k) !== 41 /* ) */) break;
    j = k + 1;
  }
  return j < n && classOf(text.charCodeAt(j)) === WORD ? i : j;
}

function isLowerAlnum(c: number): boolean { return isDigit(c) || (c >= 97 && c <= 122); }

const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/** Quick rejection before the set lookup: bit (hash & 1023) is set for every reference word. */
const REFERENCE_FILTER = new Uint8Array(1024);
for (const h of REFERENCE_WORDS) REFERENCE_FILTER[h & 1023] = 1;

/** Scratch space for word hashes, reused across calls (one allocation per text, of the exact size). */
let scratch = new Int32Array(4096);

/** Tokenize a text into word hashes and its loose key (see the module comment). */
export function tokenize(text: string): Tokens {
  // A word and its separator take at least two characters.
  if (scratch.length < (text.length >> 1) + 2) scratch = new Int32Array((text.length >> 1) + 4096);
  const words = scratch;
  const result = scan(text, false, words);
  // `shingles` is present from the start so that every Tokens object has one shape.
  return { words: copyInt32s(words, result.count), looseKey: result.key, endsAfterReference: result.afterReference, shingles: undefined, diceWith: undefined, dice: 0 };
}

/** Hash of the words as written plus punctuation (numbering still ignored): equal when two texts read the same. */
export function strictKey(text: string): number {
  return scan(text, true, null).key;
}

/** A cross-reference as the keys read it: the reference word's kind ("article" for "Articles", "Art.") and its number as written. */
export interface Reference {
  word: string;
  number: string;
  /** Where its number ends in the text. */
  end: number;
  /** A number after the first of a list under a plural reference word: "10" and "11" of "Articles 9, 10 and 11". */
  listed?: true;
  /** A listed number that ends a range, whose start is the reference before it: "4" of "Articles 2 to 4". */
  range?: true;
}

/**
 * The cross-references of a text, in order: the numbers both keys replace by one placeholder. Two texts with
 * equal strict keys have as many, with the same words; only their numbers may differ (reference-map.ts says
 * whether they differ as the renumbering of the drafts does).
 */
export function referencesIn(text: string): Reference[] {
  const out: Reference[] = [];
  collected = out;
  try {
    scan(text, true, null);
  } finally {
    collected = null;
  }
  return out;
}

/**
 * Where scan() lists the references it reads (referencesIn), null otherwise: module state rather than a
 * parameter, which cost the hot loose scan 8 % (a larger function, compiled less well) for a rare use.
 */
let collected: Reference[] | null = null;

/**
 * The cross-reference whose reference word starts at `start` ("Article 12", "Sections II"), read as scan()
 * reads one — the word, any spacing, then a reference number — with the index after the number; null when no
 * reference starts there. For a reader that looks at a few places of a text (stale-references.ts) rather
 * than tokenizing all of it.
 */
export function referenceAt(text: string, start: number): Reference | null {
  const n = text.length;
  let i = start;
  let h = FNV_OFFSET;
  while (i < n && classOf(text.charCodeAt(i)) === WORD) h = Math.imul(h ^ lower(text.charCodeAt(i++)), FNV_PRIME);
  if ((h === PARAGRAPH || h === PARAGRAPHS) && hyphenedSub(text, start)) h = SUBPARAGRAPH;
  const word = i > start ? REFERENCE_KINDS.get(h) : undefined;
  if (word === undefined) return null;
  while (i < n && classOf(text.charCodeAt(i)) === SPACE) i++;
  const end = skipReferenceNumber(text, i, styleOfKind(word));
  return end === i ? null : { word, number: text.slice(i, end), end };
}

const PARAGRAPH = wordHash('paragraph'), PARAGRAPHS = wordHash('paragraphs');
const SUBPARAGRAPH = wordHash('subparagraph'), SUBPARAGRAPHS = wordHash('subparagraphs');

/** Whether the word opening at `start` follows "sub-" ("sub-paragraph"), "sub" a word of its own. */
function hyphenedSub(text: string, start: number): boolean {
  if (start < 4 || text.charCodeAt(start - 1) !== 45 /* - */) return false;
  if ((text.charCodeAt(start - 4) | 0x20) !== 115 || (text.charCodeAt(start - 3) | 0x20) !== 117 || (text.charCodeAt(start - 2) | 0x20) !== 98) return false;
  return start === 4 || classOf(text.charCodeAt(start - 5)) !== WORD;
}

/** Whether a reference word is a plural one, whose number may go on as a list ("Articles 9, 10 and 11"). */
export function isPluralReferenceWord(word: string): boolean {
  return PLURAL_REFERENCE_WORDS.has(wordHash(word));
}

/**
 * The next number of a list of reference numbers whose last number ends at `end` (", 10", " and 11", ", or 12",
 * or a range's end: " to 12"), as the scanner reads lists: where it starts and ends, or null when the list ends there.
 */
export function listedNumberAt(text: string, end: number, word = ''): { start: number; end: number } | null {
  LIST_JOINT.lastIndex = end;
  if (!LIST_JOINT.test(text)) return null;
  const start = LIST_JOINT.lastIndex;
  const to = skipReferenceNumber(text, start, styleOfKind(word));
  return to === start ? null : { start, end: to };
}

/**
 * What joins a list's numbers, as the scanner reads it: a comma, "and" or "or", on one line (the scanner's
 * LIST_JOINERS and comma, written as a pattern for readers of text: stale-references.ts, renumbered-references.ts).
 */
export const LIST_JOINT_PATTERN = String.raw`[^\S\n\r]*,[^\S\n\r]*(?:(?:and|or)[^\S\n\r]+)?|[^\S\n\r]+(?:and|or)[^\S\n\r]+`;

/** What joins a range's two numbers, as the scanner reads it: "to" or "through" between spaces, or an en dash. */
export const RANGE_JOINT_PATTERN = String.raw`[^\S\n\r]+(?:to|through)[^\S\n\r]+|[^\S\n\r]*\u2013[^\S\n\r]*`;
const LIST_JOINT = new RegExp(`${LIST_JOINT_PATTERN}|${RANGE_JOINT_PATTERN}`, 'iy');

/** The kind of a reference word ("Articles", "art"), or undefined when the word is none. */
export function referenceKind(word: string): string | undefined {
  return REFERENCE_KINDS.get(wordHash(word));
}

/**
 * The one pass over a text. Loose: lowercased words only, each stored in `words`. Strict: words as written and
 * punctuation, nothing stored.
 */
function scan(text: string, strict: boolean, words: Int32Array | null): { count: number; key: number; afterReference: boolean } {
  const n = text.length;
  let count = 0;
  let ka = 0x9747b28c | 0, kb = 0x2f3c4a5d | 0; // two independent 32-bit halves of the key
  let lineStart = true;
  let afterReferenceWord = false;
  // The hash of the last word: a reference number follows its reference word with only spaces between.
  let lastWord = 0;
  // Inside a list of reference numbers ("Articles 9, 10 and 11"): its plural reference word (0: in none), and
  // whether a comma or joining word came after its last number (another number then belongs to it).
  let listWord = 0;
  let listJoined = false;
  // Whether what joined the list last makes a range ("to", "through", an en dash): the next number ends it.
  let rangeJoined = false;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let info = INFO[c] || (learn(c), INFO[c]!);
    const cls = info >>> 16;
    if (cls === SPACE) {
      if (c === 10 || c === 13) { lineStart = true; listWord = 0; listJoined = false; rangeJoined = false; }
      i++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (c === 40 || (c < 128 && cls === WORD)) {
        const j = skipParagraphLabel(text, i);
        if (j !== i) { i = j; continue; }
      }
    }
    if (afterReferenceWord || listJoined) {
      const listed = !afterReferenceWord;
      const range = listed && rangeJoined;
      afterReferenceWord = false;
      listJoined = false;
      rangeJoined = false;
      const j = skipReferenceNumber(text, i, NUMBER_STYLES.get(listed ? listWord : lastWord) ?? NUMBERED);
      if (j !== i) {
        if (collected !== null) {
          const reference: Reference = { word: REFERENCE_KINDS.get(listed ? listWord : lastWord)!, number: text.slice(i, j), end: j };
          if (listed) reference.listed = true;
          if (range) reference.range = true;
          collected.push(reference);
        }
        if (!listed) listWord = PLURAL_REFERENCE_WORDS.has(lastWord) ? lastWord : 0;
        if (words) words[count] = REFERENCE_NUMBER;
        count++;
        ka = Math.imul(ka ^ REFERENCE_NUMBER, P1); kb = Math.imul(kb + REFERENCE_NUMBER, P2) ^ (kb >>> 15);
        i = j;
        continue;
      }
      // No number: a word after a list's comma may still join it (", or 4"), which the word itself says below.
    }
    if (cls === PUNCT) {
      if (listWord !== 0) {
        if (c === 44 /* , */) listJoined = true;
        else if (c === EN_DASH) listJoined = rangeJoined = true;
        else listWord = 0;
      }
      if (strict) {
        // Every mark as written: a change of quote style (' → ’) or dash (- → —) is an edit, cosmetic only (the
        // redline shows it), not "unchanged".
        c += 0x10000;
        ka = Math.imul(ka ^ c, P1); kb = Math.imul(kb + c, P2) ^ (kb >>> 15);
      }
      i++;
      continue;
    }
    // A word: its lowercased hash is what words and reference detection use; strict mode keys the written form.
    const wordStart = i;
    let h = FNV_OFFSET;
    let hs = FNV_OFFSET;
    for (;;) {
      h = Math.imul(h ^ (info & 0xffff), FNV_PRIME);
      if (strict) hs = Math.imul(hs ^ c, FNV_PRIME);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      info = INFO[c] || (learn(c), INFO[c]!);
      if (info >>> 16 !== WORD) break;
    }
    if (words) words[count] = h;
    count++;
    const k = strict ? hs : h;
    ka = Math.imul(ka ^ k, P1); kb = Math.imul(kb + k, P2) ^ (kb >>> 15);
    afterReferenceWord = REFERENCE_FILTER[h & 1023] === 1 && REFERENCE_WORDS.has(h);
    // "sub-paragraph (b)", as British texts write it: a subparagraph's word, whose number may be a letter in
    // parentheses (the words stay "sub" and "paragraph").
    if (afterReferenceWord && (h === PARAGRAPH || h === PARAGRAPHS) && hyphenedSub(text, wordStart)) h = h === PARAGRAPH ? SUBPARAGRAPH : SUBPARAGRAPHS;
    if (listWord !== 0) {
      if (LIST_JOINERS.has(h)) listJoined = true;
      else if (RANGE_JOINERS.has(h)) listJoined = rangeJoined = true;
      else listWord = 0;
    }
    lastWord = h;
  }
  return { count, key: key53(ka, kb, count), afterReference: afterReferenceWord };
}

/**
 * The tokens of texts joined by line breaks, from the tokens of each (the words are the same, and the loose key
 * hashes just the words), or null when joining changes how a text reads: after a text that ends with a
 * reference word, or — for a text marked `numbered` (an ordered list item, which the joined text opens with
 * its number "4. ", a paragraph label the scanner skips) — when the text itself opens with a label, which it
 * would skip alone but not after the number. A text's end reads the same before a line break as at the end of
 * the text (the scanner only looks ahead for a word, number or label, which a line break ends), and a line
 * break starts a line as the start of a text does.
 */
export function joinTokens(parts: readonly Tokens[], numbered: readonly boolean[], texts: readonly string[]): Tokens | null {
  let count = 0;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0 && parts[k - 1]!.endsAfterReference) return null;
    if (numbered[k] && !startsWithoutLabel(texts[k]!)) return null;
    count += parts[k]!.words.length;
  }
  const words = int32s(count);
  let ka = 0x9747b28c | 0, kb = 0x2f3c4a5d | 0;
  let at = 0;
  for (const part of parts) {
    const w = part.words;
    for (let i = 0; i < w.length; i++) {
      const h = w[i]!;
      words[at++] = h;
      ka = Math.imul(ka ^ h, P1); kb = Math.imul(kb + h, P2) ^ (kb >>> 15);
    }
  }
  return { words, looseKey: key53(ka, kb, count), endsAfterReference: parts.length > 0 && parts[parts.length - 1]!.endsAfterReference, shingles: undefined, diceWith: undefined, dice: 0 };
}

/**
 * Whether a text reads the same after a paragraph number as alone: alone, the scanner tries a paragraph label at
 * its first token (a line start); after "4. " it does not (unless a line break comes first).
 */
function startsWithoutLabel(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c] || learn(c);
    if (cls !== SPACE) return !(c === 40 || (c < 128 && cls === WORD)) || skipParagraphLabel(text, i) === i;
    if (c === 10 || c === 13) return true;
  }
  return true;
}

/** Two 32-bit hashes folded into one exactly representable number (53 bits), mixed with the length. */
function key53(a: number, b: number, length: number): number {
  const hi = (Math.imul(a ^ length, 0x85ebca6b) >>> 0) & 0x1fffff;
  return hi * 4294967296 + (b >>> 0);
}

/**
 * A label as compared for renumbering: case and spacing do not count ("ARTICLE 3" is "Article 3"), the
 * number does.
 */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a label is plain ASCII already spaced as normalizeLabel spaces it (single inner spaces only). */
function isCleanAsciiLabel(label: string): boolean {
  const n = label.length;
  if (n > 0 && (label.charCodeAt(0) === 32 || label.charCodeAt(n - 1) === 32)) return false;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (c >= 128 || (c >= 9 && c <= 13) || (c === 32 && label.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * Whether two labels are the same for renumbering (equal normalizeLabel). Labels of most clauses are plain
 * ASCII ("Article 12"), for which normalizing is lowercasing: compared in place, without building strings.
 */
export function sameLabel(a: string, b: string): boolean {
  if (a === b) return true;
  if (!isCleanAsciiLabel(a) || !isCleanAsciiLabel(b)) return normalizeLabel(a) === normalizeLabel(b);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (LOWER[a.charCodeAt(i)] !== LOWER[b.charCodeAt(i)]) return false;
  return true;
}
