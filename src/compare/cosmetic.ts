/**
 * Cosmetic changes: edits a reader may hide because they change no words.
 *
 * A change is cosmetic when the old and new text differ only in
 *   - whitespace   (spacing, line breaks, a space added or removed between two words),
 *   - punctuation  (commas, full stops, parentheses, hyphens, dashes, quotation marks added or removed),
 *   - letter case  ("Participants" ↔ "participants"),
 *   - quote style  (straight ↔ curly quotes and apostrophes: ' ’ ‘ ` and " “ ” „ « »),
 *   - spelling     (one word spelled the British and the American way: "organisation" ↔ "organization",
 *                   "labour" ↔ "labor"; spelling-variants.ts).
 *
 * How it is decided: both texts are reduced to their "substance" — the word tokens (lower-cased, quotes
 * folded) and the significant symbols, in order, joined without separators — and compared. Whitespace
 * and punctuation tokens drop out, so "anti-dumping", "anti dumping" and "antidumping" all compare
 * equal (the last two differ by whitespace only). Words keep their inner decimal and thousands separators ("1.5" is one
 * token), so "1.5" → "15" is not cosmetic.
 *
 * Significant symbols never count as punctuation: currency and mathematical symbols and % ‰ ‱ § ¶ # & @.
 * "10%" → "10" and "$1 billion" → "1 billion" are real changes. So are square brackets, which in a draft
 * under negotiation mark language not yet agreed: "[in real time]" → "in real time" is the text agreed, and a
 * reader hiding cosmetic changes must still see it.
 *
 * Where the flags live: `diffWords` marks each delete/insert op of a cosmetic change group with
 * `cosmetic: true` (and `false` on other changes; equal ops carry no flag). `legalChanges` marks a legal
 * change whose value is the same written another way (a date reformatted, "thirty (30) days" → "30 days")
 * with `cosmetic: true`. `classifyCosmetic` says which kinds of difference a cosmetic change consists of,
 * for a reader who wants to hide, say, quote style but not punctuation.
 */
import { tokenize } from './tokenize.js';
import { isSpellingVariant } from './spelling-variants.js';
import type { WordOp } from './words.js';

export type CosmeticKind = 'quotes' | 'case' | 'whitespace' | 'punctuation' | 'spelling';

export interface CosmeticClass {
  /** True when the texts differ and every difference is of the kinds listed. */
  cosmetic: boolean;
  /** The smallest set of kinds that explains the difference; empty when not cosmetic or not different. */
  kinds: CosmeticKind[];
}

const SINGLE_QUOTES = /[‘’‚‛′`´]/g;
const DOUBLE_QUOTES = /[“”„‟″«»]/g;
const QUOTE_CHAR = /^['"‘’‚‛′`´“”„‟″«»]$/;
const SIGNIFICANT_SYMBOL = /^[\p{Sc}\p{Sm}%‰‱§¶#&@[\]]$/u;

interface Ignore { quotes: boolean; case: boolean; whitespace: boolean; punctuation: boolean }

function foldQuotes(s: string): string {
  return s.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/** The text as seen when the given kinds of difference are ignored. */
function substance(text: string, ignore: Ignore): string {
  let out = '';
  for (const token of tokenize(text)) {
    let t = token.text;
    if (token.kind === 'space') {
      if (ignore.whitespace) continue;
    } else if (token.kind === 'punct') {
      if (ignore.punctuation && !SIGNIFICANT_SYMBOL.test(t)) continue;
      if (ignore.quotes && QUOTE_CHAR.test(t)) t = foldQuotes(t);
    } else {
      if (ignore.case) t = t.toLowerCase();
      if (ignore.quotes) t = foldQuotes(t);
    }
    out += t;
  }
  return out;
}

const ALL: Ignore = { quotes: true, case: true, whitespace: true, punctuation: true };

/**
 * True when the two texts differ, and only in whitespace, punctuation, letter case or quote style, or are one
 * word spelled the British and the American way.
 */
export function isCosmeticChange(oldText: string, newText: string): boolean {
  if (oldText === newText) return false;
  if (!sameAsciiAlphanumerics(oldText, newText)) return isSpellingVariant(oldText, newText);
  return substance(oldText, ALL) === substance(newText, ALL);
}

/**
 * A quick test that rejects most real changes ("shall" → "should") without tokenizing: false when both
 * texts are ASCII and their letters and digits, lowercased, differ. Every ASCII letter and digit lies in
 * a word token, which substance() keeps (lowercased), and nothing else it keeps is a letter or digit, so
 * texts that differ there differ in substance. True (undecided) when either text is not ASCII.
 */
function sameAsciiAlphanumerics(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    let x = -1;
    while (i < a.length) {
      const c = a.charCodeAt(i++);
      if (c >= 128) return true;
      if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) { x = c >= 65 ? c | 0x20 : c; break; }
    }
    let y = -1;
    while (j < b.length) {
      const c = b.charCodeAt(j++);
      if (c >= 128) return true;
      if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) { y = c >= 65 ? c | 0x20 : c; break; }
    }
    if (x !== y) {
      // A difference: still undecided if a non-ASCII character lies further on (it may be a letter).
      for (; i < a.length; i++) if (a.charCodeAt(i) >= 128) return true;
      for (; j < b.length; j++) if (b.charCodeAt(j) >= 128) return true;
      return false;
    }
    if (x === -1) return true;
  }
}

/** The kinds read by the text's substance; a spelling variant is told by its word (spelling-variants.ts). */
const KIND_ORDER: (keyof Ignore)[] = ['quotes', 'case', 'whitespace', 'punctuation'];

/**
 * Classify a change (old text → new text; null for an insertion or a deletion) as cosmetic or not, and
 * name the kinds of difference it consists of: the smallest set of kinds that, ignored, makes the texts
 * equal (ties broken in the order quotes, case, whitespace, punctuation); a spelling variant is of the kind
 * 'spelling' alone.
 */
export function classifyCosmetic(oldText: string | null, newText: string | null): CosmeticClass {
  const a = oldText ?? '';
  const b = newText ?? '';
  if (!isCosmeticChange(a, b)) return { cosmetic: false, kinds: [] };
  if (isSpellingVariant(a, b)) return { cosmetic: true, kinds: ['spelling'] };
  let best: (keyof Ignore)[] | null = null;
  // 16 subsets of 4 kinds: cheap for the short texts of one change.
  for (let mask = 1; mask < 16; mask++) {
    const kinds = KIND_ORDER.filter((_, i) => (mask & (1 << i)) !== 0);
    if (best && kinds.length >= best.length) continue;
    const ignore: Ignore = { quotes: false, case: false, whitespace: false, punctuation: false };
    for (const k of kinds) ignore[k] = true;
    if (substance(a, ignore) === substance(b, ignore)) best = kinds;
  }
  return { cosmetic: true, kinds: best ?? [...KIND_ORDER] };
}

/**
 * Set `cosmetic` on every delete and insert op of `ops` (in place): each maximal run of non-equal ops is
 * one change, cosmetic when its deleted and inserted texts differ only cosmetically. Equal ops are left
 * without the flag. Returns `ops` for chaining.
 */
export function markCosmetic(ops: WordOp[]): WordOp[] {
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === 'equal') { i++; continue; }
    let j = i;
    let deleted = '';
    let inserted = '';
    while (j < ops.length && ops[j]!.op !== 'equal') {
      if (ops[j]!.op === 'delete') deleted += ops[j]!.text; else inserted += ops[j]!.text;
      j++;
    }
    const cosmetic = isCosmeticChange(deleted, inserted);
    for (let k = i; k < j; k++) ops[k]!.cosmetic = cosmetic;
    i = j;
  }
  return ops;
}
