/**
 * Finders for what matters to a lawyer in a text: obligation expressions, figures, dates, defined terms and
 * party names. Each returns `Found` items with offsets; legal.ts keeps those that touch a change and pairs
 * them old ↔ new.
 *
 * `key` is what two items must share to count as the same (the lemma of an obligation, the text of a
 * figure as written, the canonical name of a party); `value` is what the item means (a figure's amount and
 * unit, a date as ISO), so that a change of wording with the same value can be flagged cosmetic; `kind`
 * says which items may be paired at all (a sum of money is never paired with a time limit).
 */
import { EXCEPTION_REACH, OBLIGATION_LEXICON, OBLIGATION_QUALIFIERS, QUALIFIED_RANK_STEP, type Polarity } from './obligation-lexicon.js';
import { patternFirstWords, patternLastWords, patternStrings, patternWords } from './pattern-words.js';
import { isDelimiterRow, isPipeRow, splitRow } from '../model/pipe-table.js';
import { INSERTED_ORDINAL } from '../model/provisions.js';
import { isAsciiAlnum } from './tokenize.js';

export interface Found {
  start: number;
  end: number;
  text: string;
  key: string;
  value: string;
  kind: string;
  // Every finder sets all of the fields below (undefined where they do not apply), so that all items share
  // one object shape and the pairing code that reads them stays monomorphic.
  rank?: number;
  polarity?: Polarity;
  /** Names only: the occurrence stands between quotation marks (a definition). */
  quoted?: boolean;
}

const src = (pattern: string) => pattern.replace(/ /g, '\\s+');
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

// ---------------------------------------------------------------------------------------------------------
// Obligations

// The atoms are found by a pattern without a group per entry (forty-odd capture slots per match cost as
// much as the match itself), and the entry that matched is read off the matched text (ATOM_INDEX). Only a
// match that ATOM_INDEX does not know (a letter that only case folding equates, such as "ſ") is matched
// again by ATOM_RE, with a numbered group per entry: ATOM_GROUP[i] is the group of entry i (computed, so that
// an entry pattern with a capturing group of its own cannot shift the others).
const ATOM_GROUP: number[] = [];
{
  let group = 1;
  for (const a of OBLIGATION_LEXICON) {
    ATOM_GROUP.push(group);
    group += 1 + (new RegExp(src(a.pattern) + '|', 'u').exec('')!.length - 1);
  }
}
const ATOM_RE = new RegExp(
  `${WORD_START}(?:${OBLIGATION_LEXICON.map((a) => `(${src(a.pattern)})`).join('|')})${WORD_END}`, 'iuy');
const ATOM_SCAN_RE = new RegExp(
  `${WORD_START}(?:${OBLIGATION_LEXICON.map((a) => `(?:${src(a.pattern)})`).join('|')})${WORD_END}`, 'giu');
/**
 * Each string an entry matches (lowercased, one space between words) → the first entry that matches it. The
 * alternation takes, at a position, the first entry that matches there; every entry before it failed there,
 * so none of them matches the text it took: the entry is the first one whose strings hold that text.
 */
const ATOM_INDEX: ReadonlyMap<string, number> = (() => {
  const index = new Map<string, number>();
  OBLIGATION_LEXICON.forEach((a, i) => {
    for (const s of patternStrings(a.pattern)) if (!index.has(s.toLowerCase())) index.set(s.toLowerCase(), i);
  });
  return index;
})();

/** The lexicon entry of an atom matched at `at`, its text `matched`. */
function atomIndex(scan: string, at: number, matched: string): number {
  let key = matched.toLowerCase();
  // One word ("shall") is the usual atom: look for whitespace without a pattern.
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c <= 32 || c >= 128) { key = key.replace(/\s+/g, ' '); break; }
  }
  const known = ATOM_INDEX.get(key);
  if (known !== undefined) return known;
  ATOM_RE.lastIndex = at;
  const m = ATOM_RE.exec(scan)!;
  let index = 0;
  while (m[ATOM_GROUP[index]!] === undefined) index++;
  return index;
}
const QUALIFIER_RE = new RegExp(`^\\s*,?\\s*(?:${OBLIGATION_QUALIFIERS.map(src).join('|')})${WORD_END}\\s*,?`, 'iu');
/** First letters of the qualifiers, lowercased: a cheap test before QUALIFIER_RE (most atoms have none). */
const QUALIFIER_INITIALS = new Set(OBLIGATION_QUALIFIERS.map((q) => q[0]!.toLowerCase()));

/**
 * The words (runs of ASCII letters, lowercased) of obligation expressions, for legal-window.ts: every run of
 * letters inside an expression is one of OBLIGATION_WORDS, and every expression starts with one of
 * OBLIGATION_FIRST_WORDS (its first atom's). Atoms and hedges are bounded by non-letters, so these runs are
 * whole runs of the text.
 */
export const OBLIGATION_WORDS: ReadonlySet<string> = new Set(
  [...OBLIGATION_LEXICON.map((a) => a.pattern), ...OBLIGATION_QUALIFIERS].flatMap((p) => [...patternWords(p)]));
export const OBLIGATION_FIRST_WORDS: ReadonlySet<string> = new Set(OBLIGATION_LEXICON.flatMap((a) => a.anchors ?? [...patternFirstWords(a.pattern)]));

/**
 * Whether a qualifier may start at `at`: false only when the first character after spaces and commas
 * cannot begin one. Non-ASCII letters pass (case folding), so the test never rejects a real qualifier.
 */
function mayQualify(text: string, at: number): boolean {
  let i = at;
  const limit = Math.min(text.length, at + 80);
  while (i < limit && (text.charCodeAt(i) === 44 || isSpaceAt(text, i))) i++;
  if (i >= limit) return false;
  const c = text.charCodeAt(i);
  return c >= 128 || QUALIFIER_INITIALS.has(String.fromCharCode(c | 0x20));
}

/** Whether text[from, to) is all whitespace (the same definition as /\s/), without slicing. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceAt(text, i)) return false;
  return true;
}

/** Whether text[i] is whitespace (the same definition as /\s/). */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return /\s/.test(text[i]!);
}

export function findObligations(text: string): Found[] {
  const found: Found[] = [];
  obligationsIn(text, 0, text.length, found);
  return found;
}

/**
 * Whether no finder match can contain text[i]: a semicolon, a colon, or a full stop not followed by a
 * digit. No obligation expression (atoms, the blanks between them, hedges), no date and no figure holds
 * one (a figure's only full stop is a decimal point, which a digit follows). A scan may therefore start just
 * after such a character, or stop at it, and find exactly the items that a scan of the whole text finds on
 * that side: no match straddles it, and the look-arounds still see the same text (scanText).
 */
export function isScanBarrier(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Letters and spaces, most of any text, fall outside '.' (46) .. ';' (59): one test rejects them.
  if (c > 59 || c < 46) return false;
  if (c === 59 || c === 58) return true;
  if (c !== 46) return false;
  const d = text.charCodeAt(i + 1);
  return !(d >= 48 && d <= 57);
}

/** The characters isScanBarrier accepts, as a regex: a native search for the next one. */
const SCAN_BARRIER_RE = /[:;]|\.(?![0-9])/g;

/**
 * The first i >= from where isScanBarrier(text, i) holds, else max(from, text.length): the same as a loop
 * over isScanBarrier, found by the regex engine (a character loop was a tenth of the legal analysis).
 */
export function nextScanBarrier(text: string, from: number): number {
  // The windows of a text are read in order: the barrier found last serves every later `from` up to it (a text
  // without one, a long schedule, was read to its end for every window).
  if (text === barrierText && barrierFrom <= from && from <= barrierAt) return barrierAt;
  SCAN_BARRIER_RE.lastIndex = from;
  const m = SCAN_BARRIER_RE.exec(text);
  barrierText = text;
  barrierFrom = from;
  barrierAt = m ? m.index : Math.max(from, text.length);
  return barrierAt;
}

let barrierText = '';
let barrierFrom = 0;
let barrierAt = -1;

/**
 * The text a global regex scans to find the matches that start before `to`, a barrier (or the end): cut
 * two characters after it, so that a scan that found nothing more before `to` stops there instead of
 * searching the rest of the text. The look-aheads of a match ending at or before a barrier read at most up
 * to the character after it, so the cut changes no match. (The figure anchors read one character after a
 * match, so any `to` past which no anchor match reaches does for them.)
 */
function scanText(text: string, to: number): string {
  return to + 2 >= text.length ? text : text.slice(0, to + 2);
}

/**
 * findObligations restricted to ranges: the items of findObligations(text) lying inside [from, to) for
 * each range, where no expression straddles a range's edge (an edge at 0 or text.length, just after or on
 * a scan barrier (see isScanBarrier), or a word edge that legal-window.ts proves safe). Ranges are sorted
 * and disjoint.
 */
export function findObligationsIn(text: string, ranges: ReadonlyArray<readonly [number, number]>): Found[] {
  const found: Found[] = [];
  for (const [from, to] of ranges) obligationsIn(text, from, to, found);
  return found;
}

function obligationsIn(text: string, from: number, to: number, found: Found[]): void {
  // The look-aheads of an atom ending at or before `to` read at most the whitespace after it and one more
  // character ("may" not followed by a number): the text is cut just after that character.
  let cut = to;
  while (cut < text.length && isSpaceAt(text, cut)) cut++;
  const scan = cut + 1 >= text.length ? text : text.slice(0, cut + 1);
  // The atoms, as three parallel lists reused by every call (no object per atom).
  let count = 0;
  ATOM_SCAN_RE.lastIndex = from;
  for (let m = ATOM_SCAN_RE.exec(scan); m && m.index < to; m = ATOM_SCAN_RE.exec(scan)) {
    atomStart[count] = m.index;
    atomEnd[count] = m.index + m[0].length;
    atomEntry[count] = atomIndex(scan, m.index, m[0]);
    count++;
  }
  for (let i = 0; i < count; i++) {
    // One expression: an atom, an optional hedge, and the atoms that follow with only whitespace between.
    const start = atomStart[i]!;
    let end = atomEnd[i]!;
    let weakest = OBLIGATION_LEXICON[atomEntry[i]!]!;
    let negative = weakest.polarity === 'negative';
    let lemmas = weakest.lemma;
    let qualified = false;
    // A statement of legal force stands alone: nothing compounds with it, nor does a hedge follow it; nor with a
    // reservation standing apart from its modal.
    const status = weakest.status === true;
    const reservation = weakest.reservation === true;
    for (; !status && !reservation;) {
      const q = !qualified && mayQualify(text, end) ? QUALIFIER_RE.exec(text.slice(end, end + 80)) : null;
      if (q) {
        qualified = true;
        end += q[0].length;
        // The hedge may be a reservation's atom too ("shall, subject to its laws,"): read here, as the hedge.
        while (i + 1 < count && atomStart[i + 1]! < end) i++;
        continue;
      }
      if (i + 1 < count && isBlank(text, end, atomStart[i + 1]!) && OBLIGATION_LEXICON[atomEntry[i + 1]!]!.status !== true &&
        OBLIGATION_LEXICON[atomEntry[i + 1]!]!.reservation !== true) {
        i++;
        // A compound ranks as its weakest part; any negative part makes it negative.
        const e = OBLIGATION_LEXICON[atomEntry[i]!]!;
        if (e.rank < weakest.rank) weakest = e;
        if (e.polarity === 'negative') negative = true;
        lemmas += ' ' + e.lemma;
        end = atomEnd[i]!;
        continue;
      }
      break;
    }
    const polarity: Polarity = negative ? 'negative' : 'positive';
    const rank = weakest.rank - (qualified ? QUALIFIED_RANK_STEP : 0);
    // The expression without the spaces and commas a qualifier may have taken after it (no regex, no copy).
    const expression = text.slice(start, trimEnd(text, start, end));
    const key = lemmas + (qualified ? ' (qualified)' : '');
    // An exception is told with its phrase ("unless the Participants decide otherwise"), but stands where its
    // words stand: a change inside the phrase does not touch it (nor is it a change of the exception: the same
    // words on both sides), and a finder reading a window around that change finds what the whole text has there.
    const told = weakest.phrase === true ? text.slice(start, trimEnd(text, start, exceptionEnd(text, end))) : expression;
    found.push({ start, end: start + expression.length, text: told, key, value: key, kind: status ? 'status' : reservation ? (weakest.phrase === true ? 'exception' : 'reservation') : 'obligation',
      rank: status || reservation ? undefined : rank, polarity, quoted: undefined });
  }
}

/** Whether an item is a reservation, hedge or exception standing apart from the modal it qualifies: no rank, no subject. */
export function standsApart(f: Pick<Found, 'kind'>): boolean {
  return f.kind === 'reservation' || f.kind === 'exception';
}

/**
 * Where an exception's phrase ends, its words ending at `from`: at the next comma, semicolon, colon, full stop,
 * square bracket or line break, or after at most EXCEPTION_REACH characters (cut back to the end of a word). Read in
 * the whole text, whatever range the finder scans, so that every reader of a clause reports the same phrase.
 */
function exceptionEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + EXCEPTION_REACH);
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 46 || c === 91 || c === 93 || c === 10 || c === 13) return i;
    i++;
  }
  if (i < text.length) while (i > from && !isSpaceAt(text, i)) i--;
  return i;
}

/** `end` moved back over the spaces and commas before it, not past `start`. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 44 || isSpaceAt(text, end - 1))) end--;
  return end;
}

const atomStart: number[] = [];
const atomEnd: number[] = [];
const atomEntry: number[] = [];

// ---------------------------------------------------------------------------------------------------------
// Numbers

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ORDINAL_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_TENS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** How many times: "once a year", "at least twice". */
const MULTIPLES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const NUMWORD = `(?:${[...UNITS, ...TENS.filter(Boolean), ...Object.keys(SCALES), ...Object.keys(MULTIPLES)].join('|')})`;
const NUMWORDS = `${NUMWORD}(?:(?:\\s+|-)(?:and\\s+)?${NUMWORD})*`;
// Thousands grouped by commas ("1,000") or, as EU and UN texts write them, by spaces ("1 000", "100\u00a0000").
const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00a0\\u2009\\u202f]\\d{3})+(?!\\d)(?:[.,]\\d+)?|\\d+(?:\\.\\d+)?';
const NUMBER = `(?:(?:${DIGITS})|${NUMWORDS})(?:\\s*\\(\\s*(?:${DIGITS})\\s*\\))?`;
// "bn" and "m" may touch the number ("USD 1.5bn", "€20m").
const SCALE = '(?:\\s+(?:thousand|million|billion|trillion)|\\s*(?:bn|m))?';
/** Currency codes written before a number ("USD 5"). */
const CURRENCY_CODES = ['USD', 'EUR', 'AUD', 'JPY', 'GBP'];
const CURRENCY_BEFORE = `(?:US\\$|A\\$|\\$|€|£|¥|(?:${CURRENCY_CODES.join('|')})\\s?)`;
/**
 * The currency codes, lowercased, for legal-window.ts: the only part of a figure that may begin inside a
 * word, when a code ends a longer run of letters ("XUSD 5": the figure is "USD 5"). The other signs are no
 * letters, so that the word holding them can hold a figure anyway.
 */
export const CURRENCY_CODE_WORDS: ReadonlySet<string> = new Set(CURRENCY_CODES.map((c) => c.toLowerCase()));
const CURRENCY_AFTER = '\\s+(?:(?:US\\s+)?dollars|euros?|pounds|yen|USD|EUR|AUD|JPY)';
/** A percentage, or a difference of two ("reduced by 5 percentage points"), which is no percentage of the rate. */
const PERCENT = '\\s?(?:%|per\\s?cent|percent)|\\s+percentage\\s+points?|\\s+basis\\s+points?';
// A unit follows whitespace, except a degree sign, which may touch the number ("2°C").
const UNIT = '(?:\\s+|(?=°))(?:(?:business|calendar|working|consecutive)\\s+)?(?:days?|weeks?|months?|years?|hours?|(?:metric\\s+)?(?:tonnes?|tons?)|kilotonnes?|kilograms?|kg|degrees?(?:\\s+Celsius)?|°\\s?C)';
/**
 * What a price is quoted for, after the amount: "USD 50 per kilogram", "EUR 2,000 a tonne", "$50/kg". Part of the
 * figure, so that "per kilogram" → "per tonne" is a change though no number changed; a price per kilogram and per
 * tonne read as one value ("USD 50 per kilogram" is "USD 50,000 per tonne"). A group name per place of use.
 */
const perQuantity = (name: string) =>
  `(?:(?:\\s+(?:per|a)\\s+|\\s*/\\s*)(?<${name}>kilograms?|kg|(?:metric\\s+)?(?:tonnes?|tons?)|pounds?|lbs?|ounces?|oz|barrels?|units?))?`;
/** A price's quantity, canonical, and how many kilograms it holds where it is a mass. */
function priceQuantity(written: string): { unit: string; kilograms: number | null } {
  const u = canonicalUnit(written);
  if (u === 'kg') return { unit: 'kg', kilograms: 1 };
  if (u === 'tonne') return { unit: 'kg', kilograms: 1000 };
  return { unit: u.replace(/^lb$/, 'pound').replace(/^oz$/, 'ounce'), kilograms: null };
}
/**
 * A quantity's period, after its unit: "5,000 tonnes per year", "30 days a year". Its value is the quantity a year,
 * so that "per year" → "per month" is a change of figure and "60,000 tonnes a year" → "5,000 tonnes per month" one
 * of wording.
 */
const PER_PERIOD = '\\s+(?:per|a|an|each|every)\\s+(?:calendar\\s+)?(?<perPeriod>year|annum|quarter|month|fortnight|week|day)';
/**
 * How often, after a number: "twice a year", "three times per year", "four times each calendar year". The
 * period's share of a year gives the frequency its value (times a year), so "once a month" and "twelve times a
 * year" read as the same figure written differently.
 */
const RATE = '\\s+(?:times?\\s+)?(?:a|an|per|each|every)\\s+(?:calendar\\s+)?(?<period>year|annum|quarter|month|fortnight|week|day)';
const PERIODS_A_YEAR: Record<string, number> = { year: 1, annum: 1, quarter: 4, month: 12, fortnight: 26, week: 52, day: 365 };
/** How often, in one word: "annually", "quarterly", "semi-annually". */
const FREQUENCY_WORDS: Record<string, number> = {
  annually: 1, yearly: 1, 'semi-annually': 2, semiannually: 2, biannually: 2, biennially: 0.5, triennially: 1 / 3,
  quarterly: 4, monthly: 12, fortnightly: 26, weekly: 52, daily: 365,
};
const FREQUENCY = `(?:${Object.keys(FREQUENCY_WORDS).join('|')})`;
/**
 * The denominator of a fraction written in words ("two-thirds", "one half of"), with its value. A fraction is
 * read as the percentage it is, so that "two-thirds" → "75 per cent" is paired and "one half" → "50 per cent"
 * is cosmetic.
 */
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6,
  sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};
const DENOMINATOR = `(?:${Object.keys(DENOMINATORS).join('|')})`;
/** What must follow a fraction with a singular denominator ("one third of", "one-half majority"): without it,
 * "one third" is as likely to be "one third country". */
const FRACTION_FOLLOWS = /\s+(?:of|majority)(?![\p{L}\p{N}])/iuy;
const COMPARATOR = '(?:no\\s+later\\s+than|not\\s+later\\s+than|no\\s+earlier\\s+than|not\\s+earlier\\s+than|at\\s+least|not\\s+less\\s+than|no\\s+less\\s+than|not\\s+more\\s+than|no\\s+more\\s+than|up\\s+to|at\\s+most|a\\s+maximum\\s+of|a\\s+minimum\\s+of|more\\s+than|less\\s+than|(?:well\\s+)?below|(?:well\\s+)?above|within)\\s+';
const STRUCTURAL = /(?<![a-z])(?:article|art|paragraph|paragraphs|para|section|annex|chapter|part|rule|appendix|point|subparagraph|no|clause|item|page|decision|resolution|option|workstreams?|footnote|note|figure|line|version)s?\.?\s*\[?$/i;
/**
 * Words that name a part of a text when capitalised ("Schedule 5", "Table 2") and are verbs of negotiation when
 * not: "schedule 5 meetings", "table 3 proposals" count figures.
 */
const STRUCTURAL_CAPITALISED = /(?:Schedule|Table|SCHEDULE|TABLE)S?\.?\s*\[?$/;

/**
 * A list of labels after a structural word, up to the next one: "Articles 3, 4, 6, 7, 8 and " (before "9"),
 * "paragraphs 2 to " (before "5"), "Annexes I and ", "Articles 6, 7, 8, and " (a serial comma), "options 1, 2, and ".
 * Square brackets may open or close anywhere between its numbers: a bracketed draft continues a list in
 * alternatives ("paragraphs 3[ and 5][, 5 and " before "9", "Articles [4 and ]" before "5").
 */
/** What joins two labels of a list or range ("3, 4", "3 and 4", ", or", "2 to 4", "2-4"), with the spacing around it. */
const LABEL_JOINT = String.raw`\s*(?:,\s*(?:and|or)|,|and|or|to|through|[-–])\s*`;
const STRUCTURAL_LIST = (() => {
  const brackets = String.raw`[\[\]]*`;
  const label = String.raw`${brackets}[\dIVXLC]+(?:\.\d+)*[a-z]?${brackets}(?:\s*\(\w+\))*`;
  // Brackets before a joint stand against the label (its own `brackets`) or after a space: no two ways to read a
  // run of them, which a regular expression tried from every position would try each of.
  const joint = String.raw`(?:\s+[\[\]]+)?${LABEL_JOINT}`;
  return new RegExp(String.raw`(?:article|paragraph|section|annex|annexe|chapter|part|rule|appendix|point|subparagraph|clause|item|schedule|table|option)s?\.?\s+${label}(?:${joint}${label})*${joint}${brackets}$`, 'i');
})();

/**
 * A list that a provision put in between others opens, up to the next number: "3.2 bis, " (before "4"), "3.2 bis,
 * 4 and 4bis, " (before "3.10"): its numbers are provisions too, though no structural word names them.
 */
const ORDINAL_LIST = (() => {
  const number = String.raw`\d+(?:\.\d+)*`;
  return new RegExp(String.raw`(?<![\p{L}\p{N}.])${number}[^\S\n]?${INSERTED_ORDINAL}(?:${LABEL_JOINT}${number}(?:[^\S\n]?${INSERTED_ORDINAL})?)*${LABEL_JOINT}$`, 'iu');
})();

/** Whether the text before a number ends with a word that makes the number a label ("Article 5", "Schedule 2"), or a list of labels after one. */
function isStructural(before: string): boolean {
  return STRUCTURAL.test(before) || STRUCTURAL_CAPITALISED.test(before) || (mayEndList(before) && (STRUCTURAL_LIST.test(before) || ORDINAL_LIST.test(before)));
}

/** How far back from a number its structural word or list of labels is looked for. */
const STRUCTURAL_REACH = 80;

/** Whether the number at `at` follows a structural word or a list of labels after one (isStructural). */
function followsStructural(text: string, at: number): boolean {
  return isStructural(text.slice(Math.max(0, at - STRUCTURAL_REACH), at));
}

/**
 * Whether a text may end with a list separator (",", "-", "–", "and", "or", "to", "through", then perhaps brackets):
 * a cheap test before STRUCTURAL_LIST, which, anchored only at its end, is tried from every position.
 */
function mayEndList(before: string): boolean {
  let i = before.length;
  while (i > 0 && (before.charCodeAt(i - 1) === 32 || before.charCodeAt(i - 1) === 91 || before.charCodeAt(i - 1) === 93 || isSpaceAt(before, i - 1))) i--;
  if (i === 0) return false;
  const c = before.charCodeAt(i - 1);
  if (c === 44 || c === 45 || c === 0x2013) return true;
  const l = c | 0x20;
  // The last letters of "and", "or", "to", "through".
  return l === 100 || l === 114 || l === 111 || l === 104;
}

/** The number words. */
export const NUMBER_WORDS: ReadonlySet<string> = patternWords(NUMWORD);
/** A figure's anchor is a digit or one of these: the number words and the frequencies in one word (legal-window.ts). */
export const FIGURE_ANCHOR_WORDS: ReadonlySet<string> = new Set([...NUMBER_WORDS, ...patternWords(FREQUENCY)]);
/**
 * Every run of ASCII letters in a figure (lowercased), for legal-window.ts: the words of its parts (a number
 * joins its words with spaces, hyphens and "and"), and, since a percent sign or word may touch what comes
 * before it ("5 millionpercent"), a number or scale word followed by the first word of PERCENT.
 */
export const FIGURE_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>(['and', ...NUMBER_WORDS]);
  for (const part of [COMPARATOR, CURRENCY_BEFORE, CURRENCY_AFTER, PERCENT, UNIT, PER_PERIOD, perQuantity('q'), SCALE, RATE, FREQUENCY, DENOMINATOR]) for (const w of patternWords(part)) words.add(w);
  for (const w of [...NUMBER_WORDS, ...patternWords(SCALE)]) for (const p of patternFirstWords(PERCENT)) words.add(w + p);
  return words;
})();

// The figure itself, matched sticky at a candidate start (see findFigures for how starts are found).
const FIGURE_Y = new RegExp(
  `(?<cmp>${COMPARATOR})?(?:(?<cur1>${CURRENCY_BEFORE})(?<n1>${NUMBER})(?<s1>${SCALE})${perQuantity('priceUnit1')}|(?<fn>${NUMWORDS})[\\s-]+(?<fd>${DENOMINATOR})|(?<n2>${NUMBER})(?<s2>${SCALE})(?:(?<pct>${PERCENT})|(?<cur2>${CURRENCY_AFTER})${perQuantity('priceUnit2')}|(?<rate>${RATE})|(?<unit>${UNIT})(?:${PER_PERIOD})?)?|(?<freq>${FREQUENCY}))${WORD_END}`,
  'iuy');
// Where a figure's number can begin: a digit or a number word at the start of a word. Scanning for these
// first, instead of trying the whole figure pattern at every character, is what keeps long texts fast.
const NUMBER_ANCHOR_RE = new RegExp(`${WORD_START}(?:\\d|(?:${NUMWORD}|${FREQUENCY})${WORD_END})`, 'giu');
const CURRENCY_BEFORE_END = new RegExp(`${CURRENCY_BEFORE}$`, 'iu');
const COMPARATOR_END = new RegExp(`${WORD_START}${COMPARATOR}$`, 'iu');

/** The value of a number as written: digits, number words, or both ("thirty (30)": the digits win). */
export function parseNumber(written: string): number | null {
  // Plain digits, the usual case ("30"): no pattern needed.
  if (isDigits(written)) return Number(written);
  const paren = /\(\s*([\d,.]+)\s*\)/.exec(written);
  const digits = (paren ? paren[1]! : written).replace(/(\d)[,\s\u00a0\u2009\u202f](?=\d{3}(?!\d))/g, '$1');
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(digits)) return Number(digits);
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of written.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === '') continue;
    const u = UNITS.indexOf(w);
    const t = TENS.indexOf(w);
    if (MULTIPLES[w] !== undefined) { current += MULTIPLES[w]!; any = true; } else if (u >= 0) { current += u; any = true; } else if (t >= 2) { current += t * 10; any = true; } else if (w === 'hundred') { current = (current || 1) * 100; any = true; } else if (SCALES[w]) { total += (current || 1) * SCALES[w]!; current = 0; any = true; } else return null;
  }
  return any ? total + current : null;
}

function canonicalUnit(unit: string): string {
  const u = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  return u.replace(/s$/, '').replace(/^metric /, '').replace(/^(?:tonne|ton)$/, 'tonne').replace(/^kilogram$/, 'kg');
}

/**
 * The kind of a quantity, by what its unit measures: a time limit pairs with a time limit in other units
 * ("30 days" → "six months"), never with a temperature or a tonnage (legal.ts pairs items of one kind).
 */
function quantityKind(canonical: string): string {
  if (/^(?:day|week|month|year|hour)$/.test(canonical.replace(/^(?:business|calendar|working|consecutive) /, ''))) return 'duration';
  if (canonical === 'tonne' || canonical === 'kg') return 'mass';
  return 'temperature';
}

function canonicalCurrency(c: string): string {
  const k = c.trim().toUpperCase().replace(/\s+/g, ' ');
  if (k === '$' || k === 'US$' || k === 'USD' || /DOLLARS$/.test(k)) return 'USD';
  if (k === '€' || k.startsWith('EURO')) return 'EUR';
  if (k === '£' || k === 'POUNDS') return 'GBP';
  if (k === '¥' || k === 'YEN') return 'JPY';
  if (k === 'A$') return 'AUD';
  return k;
}

/**
 * Whether bare digits at text[start, end) are no figure: a cross-reference ("Article 5", "Articles 3, 4 and 9"), the
 * number of a provision opening a line ("4."), a document symbol ("1/CP.17"), a footnote mark or footnote
 * ("duty[1]", "[2] For greater certainty", "[^11]"), an enumeration in a sentence ("result in: (1) …"), a number that
 * belongs to a name ("Executive Order 14257", "GATT 1994", "Section 301"), a table row's key (isRowKey), or part
 * of a web address (isInLink).
 */
function isLabelOrMark(text: string, start: number, end: number): boolean {
  return followsStructural(text, start) || isListMarker(text, start, end) || isSymbolPart(text, start, end) ||
    hasLatinOrdinal(text, end) || isFootnoteMark(text, start, end) || (text.charCodeAt(start - 1) === 40 && text.charCodeAt(end) === 41 && end - start <= 2) ||
    followsName(text, start) || isRowKey(text, start, end) || isInLink(text, start);
}

/**
 * Whether a rate in digits without "times" ("4 every year", "2 a month") is a label followed by a period rather
 * than a frequency: "review Article 4 every year" reviews an article, and "Articles 3 and 4" → "4 and 5" is no
 * change of frequency. Not after a comma alone, which may end a clause of the sentence as well as join a list:
 * "Under Article 5, 10 per year may be issued".
 */
function isLabelBeforePeriod(text: string, start: number, end: number, written: string): boolean {
  return !/\btimes?\b/i.test(written) && !/,\s*\[?$/.test(text.slice(Math.max(0, start - 4), start)) && isLabelOrMark(text, start, end);
}

/** The longest web address looked back over. */
const LINK_REACH = 400;

/**
 * Whether text[at] is inside a web address ("https://…/uploads/2025/10/schedule-2.pdf", "www.…"): its digits are
 * the address's, no figure or date.
 */
function isInLink(text: string, at: number): boolean {
  let i = at;
  const stop = Math.max(0, at - LINK_REACH);
  while (i > stop && !isSpaceAt(text, i - 1) && !LINK_BOUNDS.includes(text[i - 1]!)) i--;
  const run = text.slice(i, at);
  return run.includes('://') || /^www\./i.test(run);
}

/** What stands around a web address in running text or Markdown: "(https://…)", "<https://…>", "[www.…]". */
const LINK_BOUNDS = '(<["\'';

/**
 * Whether text[start, end) is the whole first cell of a table row ("| 8112.92 | Unwrought gallium | 3% |"): the
 * row's key — an HS code, an item's number, a year — which names the row rather than setting a figure in it.
 * Not where the number reads as an amount: grouped in thousands ("| 1,000 | …"), or under a first column whose
 * header names an amount ("Quantity (tonnes)", "Amount", "Rate": a quota table's volumes are figures).
 */
function isRowKey(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && isSpaceAt(text, i - 1) && text.charCodeAt(i - 1) !== 10) i--;
  if (i === 0 || text.charCodeAt(i - 1) !== 124) return false;
  i--;
  while (i > 0 && isSpaceAt(text, i - 1) && text.charCodeAt(i - 1) !== 10) i--;
  if (i > 0 && text.charCodeAt(i - 1) !== 10) return false;
  let j = end;
  while (j < text.length && isSpaceAt(text, j) && text.charCodeAt(j) !== 10) j++;
  if (text.charCodeAt(j) !== 124) return false;
  return !/\d[, ]\d{3}(?!\d)/.test(text.slice(start, end)) && !AMOUNT_HEADER.test(firstHeaderCell(text, i));
}

/** A column header that names an amount rather than what a row is about. */
const AMOUNT_HEADER = /\b(?:amount|quantity|quantities|volume|value|quota|rate|price|duty|limit|threshold|ceiling|tonnes|tons|kg|kilograms|usd|eur|percent|percentage)\b|%|\$|€/i;

/** The first cell of the header of the table whose row starts at `lineStart` ('' where the table has none). */
function firstHeaderCell(text: string, lineStart: number): string {
  let header = '';
  for (let at = lineStart; at > 0;) {
    const from = text.lastIndexOf('\n', at - 2) + 1;
    const line = text.slice(from, at - 1);
    if (!isPipeRow(line)) break;
    if (isDelimiterRow(line)) {
      const above = text.lastIndexOf('\n', from - 2) + 1;
      header = from > 0 ? text.slice(above, from - 1) : '';
      break;
    }
    at = from;
  }
  return header && isPipeRow(header) ? splitRow(header)[0] ?? '' : '';
}

/**
 * Whether text[start, end) is digits alone in brackets written against the text before them, or opening a line,
 * or a Markdown footnote's ("[^11]"): a footnote mark or a footnote.
 */
function isFootnoteMark(text: string, start: number, end: number): boolean {
  // A Markdown footnote reference or definition, however spaced: "[^11]".
  if (start >= 2 && text.charCodeAt(start - 1) === 94 && text.charCodeAt(start - 2) === 91 && text.charCodeAt(end) === 93) return true;
  if (start < 1 || text.charCodeAt(start - 1) !== 91 || text.charCodeAt(end) !== 93) return false;
  // At the start of a line: the footnote itself ("[2] For greater certainty, …"); or run on after a sentence
  // (". [1] The Parties understand …", footnotes flowed into one paragraph).
  if (start === 1 || text.charCodeAt(start - 2) === 10) return true;
  if (/[.;:] $/.test(text.slice(Math.max(0, start - 3), start - 1)) && /^ \p{Lu}/u.test(text.slice(end + 1, end + 3))) return true;
  const before = text.charCodeAt(start - 2);
  return before !== 91 && before !== 93 && before !== 40 && !isSpaceAt(text, start - 2);
}

/** Words before "once" that make it a count: "renewable once", "extended once for a further period". */
const COUNTED_AFTER = new Set(['renewable', 'renewed', 'extended', 'extendable', 'extensible', 'repeated', 'only', 'exactly']);

/**
 * Whether a bare "twice" or "thrice", or a "once" that counts ("renewable once", "extended once for …", "once
 * only", "once."), is a figure: "once the Agreement enters into force" is a conjunction.
 */
function isCount(text: string, start: number, end: number, written: string): boolean {
  const word = written.toLowerCase();
  if (word === 'twice' || word === 'thrice') return true;
  if (word !== 'once') return false;
  let after = end;
  while (after < text.length && isSpaceAt(text, after) && text.charCodeAt(after) !== 10) after++;
  if (after >= text.length || /[.,;:)\n]/.test(text[after]!)) return true;
  if (/^(?:only|again|more)(?![\p{L}\p{N}])/iu.test(text.slice(after, after + 6))) return true;
  let before = start;
  while (before > 0 && isSpaceAt(text, before - 1)) before--;
  let from = before;
  while (from > 0 && /\p{L}/u.test(text[from - 1]!)) from--;
  return COUNTED_AFTER.has(text.slice(from, before).toLowerCase());
}

/** Whether text[start, end) is the whole of a bracketed alternative, beside another: "[twice]" in "[twice][once]". */
function isWholeAlternative(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start - 1) === 91 && text.charCodeAt(end) === 93 && (text.charCodeAt(start - 2) === 93 || text.charCodeAt(end + 1) === 91);
}

/** "4." or "4)" opening a line, or run on after the provision before it, is the number of a provision, not a figure. */
function isListMarker(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 3);
  // "4." and "4)"; "3.3:"; a dotted number before a sentence ("3.3 In accordance with"), where a count would
  // be a whole number ("12 Members shall").
  if (!/^[.):]/.test(after) && !(isDotted(text, start, end) && OPENS_SENTENCE.test(after))) return false;
  let i = start - 1;
  while (i >= 0 && text[i] !== '\n' && (text[i] === '(' || /\s/.test(text[i]!))) i--;
  return i < 0 || text[i] === '\n' || isRunOn(text, start, end, after);
}

/**
 * Whether a number followed by a period and a sentence ("6. [Parties should", "4. Each Party") stands right after
 * the end of the sentence or provision before it ("efforts.] ", "Convention; ", "overlap} "), or a dotted one
 * without the period ("3.2 Ensuring", "6.1 [Developed") right after a sentence's end ("2080;] ", "entails: "):
 * a paragraph number run on, as a compilation prints its paragraphs one after another. A figure ending a sentence
 * follows a word ("shall be 12. The Committee"), and a bracket alone ends no sentence ("[2 or] 1.5 C").
 */
function isRunOn(text: string, start: number, end: number, after: string): boolean {
  const withPeriod = after.charCodeAt(0) === 46 && OPENS_SENTENCE.test(after.slice(1));
  if (!withPeriod && !(isDotted(text, start, end) && OPENS_SENTENCE.test(after))) return false;
  if (start === 0 || !isSpaceAt(text, start - 1)) return false;
  let i = start - 1;
  while (i > 0 && isSpaceAt(text, i - 1)) i--;
  if (withPeriod) return i > 0 && PROVISION_ENDS.includes(text[i - 1]!);
  while (i > 0 && CLOSING.includes(text[i - 1]!)) i--;
  return i > 0 && SENTENCE_ENDS.includes(text[i - 1]!);
}

/** A space, then a sentence or a bracketed passage ("[Parties should"): what follows a paragraph's number. */
const OPENS_SENTENCE = /^\s[\p{Lu}[]/u;

/** Whether the number text[start, end) is dotted ("3.2"): a provision's number, or a decimal. */
function isDotted(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/** What closes a bracketed passage or a note. */
const CLOSING = ')]}';
/** What ends a sentence or a provision's part. */
const SENTENCE_ENDS = '.;:';
/** What ends a provision or its sentence before a run-on paragraph number. */
const PROVISION_ENDS = '.;:]}';

/**
 * Whether a number is followed by the Latin ordinal that numbers a provision put in between others ("3.4 ter",
 * "3.2 bis", "Article 6 quinquies"): it is that provision's label.
 */
function hasLatinOrdinal(text: string, end: number): boolean {
  LATIN_ORDINAL.lastIndex = end;
  return LATIN_ORDINAL.test(text);
}

const LATIN_ORDINAL = new RegExp(String.raw`[^\S\n]?${INSERTED_ORDINAL}(?![\p{L}\p{N}])`, 'iuy');

/**
 * Digits that are part of a document symbol or reference ("1/CP.17", "CP.17", "A/RES/70/1", "Article III:2", and
 * "1.CP/21" as one draft writes it), of a name ("Rio+20"), or a footnote mark ("COP,9").
 */
function isSymbolPart(text: string, start: number, end: number): boolean {
  // A number written against a letter, or against a comma after one ("COP,9": a footnote mark), is no figure.
  return /[/#\p{L}][.:,+]?$/u.test(text.slice(Math.max(0, start - 2), start)) || /^(?:\/|\.\p{Lu}+\/)/u.test(text.slice(end, end + 6));
}

/**
 * Whether a currency sign or code may end just before `p` (a cheap test before CURRENCY_BEFORE_END, run at
 * every number): one of the signs, or a code's last letter (D, R, Y, P) optionally followed by one space.
 * Anything non-ASCII passes, so the test never rejects what the regex would accept.
 */
function mayEndCurrency(text: string, p: number): boolean {
  if (p === 0) return false;
  let c = text.charCodeAt(p - 1);
  if (c >= 128) return true;
  if (c === 36) return true; // $
  const lastLetter = (code: number) => { const l = code | 0x20; return l === 100 || l === 114 || l === 121 || l === 112; };
  if (lastLetter(c)) return true;
  if (!isSpaceAt(text, p - 1) || p < 2) return false;
  c = text.charCodeAt(p - 2);
  return c >= 128 || lastLetter(c);
}

/** The last words of the comparators ("least", "than", "within"), lowercased. */
const COMPARATOR_LAST_WORDS: ReadonlySet<string> = patternLastWords(COMPARATOR);

/**
 * Whether a comparator may end (with the whitespace after it) just before `p`: false only when the word
 * before that whitespace cannot end one. A cheap test before COMPARATOR_END, which tries its alternation at
 * every one of thirty characters; a non-ASCII character passes (case folding).
 */
function mayEndComparator(text: string, p: number): boolean {
  let end = p;
  while (end > 0 && isSpaceAt(text, end - 1)) end--;
  let start = end;
  for (; start > 0; start--) {
    const c = text.charCodeAt(start - 1);
    if (c >= 128) return true;
    if ((c | 0x20) < 97 || (c | 0x20) > 122) break;
  }
  return start < end && COMPARATOR_LAST_WORDS.has(text.slice(start, end).toLowerCase());
}

export function findFigures(text: string, exclude: readonly Found[] = []): Found[] {
  return findFiguresExcept(text, (start, end) => exclude.some((e) => e.start < end && start < e.end));
}

/**
 * findFigures with the dates to leave out given as a test on the figure's range, asked only of a figure
 * that would otherwise be kept: a caller that needs only some figures can look for dates only near those.
 * Ranges as for findObligationsIn: no figure pattern match made at an anchor before an edge reaches past
 * it. Only the anchor scan is cut (at `to`, see scanText: an anchor's look-ahead reads one character); the
 * figure itself is matched on the whole text, so its widening back to a comparator may cross `from`.
 */
export function findFiguresExcept(text: string, isDate: (start: number, end: number) => boolean,
  ranges: ReadonlyArray<readonly [number, number]> = [[0, text.length]]): Found[] {
  const found: Found[] = [];
  for (const [from, to] of ranges) figuresIn(text, from, to, isDate, found);
  return found;
}

function figuresIn(text: string, from: number, to: number, isDate: (start: number, end: number) => boolean, found: Found[]): void {
  const scan = scanText(text, to);
  NUMBER_ANCHOR_RE.lastIndex = from;
  for (let anchor = NUMBER_ANCHOR_RE.exec(scan); anchor && anchor.index < to; anchor = NUMBER_ANCHOR_RE.exec(scan)) {
    const p = anchor.index;
    // A time of day ("by 18:00", "4th@10:00") is one figure, not its hours and then its minutes; after a
    // structural word ("Article 2:15") it is a label.
    TIME_Y.lastIndex = p;
    const time = TIME_Y.exec(text);
    if (time) {
      const end = p + time[0].length;
      NUMBER_ANCHOR_RE.lastIndex = end;
      if (!followsStructural(text, p) && !isDate(p, end)) {
        found.push({ start: p, end, text: time[0], key: time[0], value: `time|${Number(time[1])}:${time[2]}`, kind: 'time', rank: undefined, polarity: undefined, quoted: undefined });
      }
      continue;
    }
    // Widen the start to a currency sign and a comparator written just before the number.
    let start = p;
    const cur = mayEndCurrency(text, p) ? CURRENCY_BEFORE_END.exec(text.slice(Math.max(0, p - 5), p)) : null;
    if (cur) start -= cur[0].length;
    // A comparator ends in whitespace: without a space just before, the look-back regex cannot match.
    const cmp = start > 0 && isSpaceAt(text, start - 1) && mayEndComparator(text, start) ? COMPARATOR_END.exec(text.slice(Math.max(0, start - 30), start)) : null;
    if (cmp) start -= cmp[0].length;
    FIGURE_Y.lastIndex = start;
    let m = FIGURE_Y.exec(text);
    if (!m && start !== p) { FIGURE_Y.lastIndex = start = p; m = FIGURE_Y.exec(text); }
    if (!m) continue;
    const end = start + m[0].length;
    NUMBER_ANCHOR_RE.lastIndex = end;
    const g = m.groups!;
    if (g.freq || g.fd) {
      const item = g.freq ? frequencyWord(g.freq, g.cmp) : fraction(text, end, g.fn!, g.fd!, g.cmp);
      if (item && !isDate(start, end)) found.push({ start, end, text: m[0], key: normalizeSpace(m[0]), value: item.value, kind: item.kind, rank: undefined, polarity: undefined, quoted: undefined });
      continue;
    }
    const numberText = (g.n1 ?? g.n2)!;
    const isDigits = /\d/.test(numberText);
    if (g.rate && !(g.s1 ?? g.s2) && !g.cmp && isDigits && isLabelBeforePeriod(text, start, end, m[0])) continue;
    // A number in words with its digits ("thirty (30)") is a figure; digits with a parenthesis attached ("2(2)")
    // are a provision's number, a label after a structural word ("Article 2(2)") as any other.
    const qualified = g.cur1 || g.cur2 || g.pct || g.rate || g.unit || (g.s1 ?? g.s2) || g.cmp || (/\(/.test(numberText) && !ATTACHED_PARENTHESIS.test(numberText));
    // A bare number in words is a figure only as a count or a bracketed alternative; one in digits, unless it
    // labels, marks or names something (isLabelOrMark).
    if (!qualified && (isDigits ? isLabelOrMark(text, start, end) : !isWholeAlternative(text, start, end) && !isCount(text, start, end, numberText))) continue;
    let n = parseNumber(numberText);
    if (n === null) continue;
    const scale = ((g.s1 ?? g.s2) ?? '').trim().toLowerCase();
    if (scale) n *= scale === 'bn' ? 1e9 : scale === 'm' ? 1e6 : SCALES[scale]!;
    if (g.rate) n *= PERIODS_A_YEAR[g.period!.toLowerCase()]!;
    // Basis points are hundredths of a per cent ("50 basis points" and "0.5%" say the same); kilotonnes, thousands of tonnes.
    if (g.pct && BASIS_POINTS.test(g.pct)) n /= 100;
    let unit = g.cur1 ? canonicalCurrency(g.cur1) : g.cur2 ? canonicalCurrency(g.cur2) : g.pct ? (PERCENTAGE_POINTS_WORDS.test(g.pct) ? PERCENTAGE_POINTS : '%') : g.rate ? A_YEAR : g.unit ? canonicalUnit(g.unit) : '';
    if (unit === 'kilotonne') { n *= 1000; unit = 'tonne'; }
    const priceUnit = g.priceUnit1 ?? g.priceUnit2;
    if (priceUnit) {
      const q = priceQuantity(priceUnit);
      if (q.kilograms !== null) n /= q.kilograms;
      unit += `/${q.unit}`;
    }
    const kind = g.cur1 || g.cur2 ? 'money' : g.pct ? 'percent' : g.rate ? 'frequency' : g.unit ? quantityKind(unit) : 'number';
    if (g.perPeriod) { n *= PERIODS_A_YEAR[g.perPeriod.toLowerCase()]!; unit += A_YEAR; }
    const comparator = canonicalComparator(g.cmp);
    // "every two years": how often, not how long.
    const every = kind === 'duration' && !g.cmp && !g.perPeriod ? everyBefore(text, start, unit, n) : null;
    if (isDate(every?.start ?? start, end)) continue; // part of a date (every test above is pure: the order does not matter)
    if (every) {
      const written = text.slice(every.start, end);
      found.push({ start: every.start, end, text: written, key: normalizeSpace(written), value: `|${every.times}|${A_YEAR}`, kind: 'frequency', rank: undefined, polarity: undefined, quoted: undefined });
      continue;
    }
    // A time limit in years is one in months, one in weeks one in days: "within 2 years" → "within 24 months" is
    // the same limit written otherwise. (Not months in days, nor days in hours: those differ.)
    if (kind === 'duration' && (unit === 'year' || unit === 'week')) { n *= unit === 'year' ? 12 : 7; unit = unit === 'year' ? 'month' : 'day'; }
    found.push({ start, end, text: m[0], key: normalizeSpace(m[0]), value: `${comparator}|${n}|${unit}`, kind, rank: undefined, polarity: undefined, quoted: undefined });
  }
}

/**
 * A duration after "every" or "each" ("every two years", "each 6 months") read as how often: where it starts and
 * its times a year (half of "annually" for "every two years", so that it is "biennially" written otherwise and pairs
 * with "annually" as a frequency). Plain and calendar periods only: how many business days a year has, the text
 * does not say. Null otherwise.
 */
function everyBefore(text: string, start: number, unit: string, count: number): { start: number; times: number } | null {
  const period = unit.replace(/^calendar /, '');
  if (!(period in PERIODS_A_YEAR) || count <= 0) return null;
  const before = EVERY_END.exec(text.slice(Math.max(0, start - 12), start));
  return before ? { start: start - before[0].length, times: roundValue(PERIODS_A_YEAR[period]! / count) } : null;
}

const EVERY_END = /(?<![\p{L}\p{N}])(?:every|each)\s+$/iu;

/** The unit of "5 percentage points", told from "5 per cent": the same number, another figure. */
const PERCENTAGE_POINTS_WORDS = /percentage\s+points?$/i;
const PERCENTAGE_POINTS = 'percentage point';
const BASIS_POINTS = /basis\s+points?$/i;

/** Digits with a parenthesis attached, as provisions are numbered: "2(2)", not "thirty (30)". */
const ATTACHED_PARENTHESIS = /^\d+\(/;

/** A time of day on the 24-hour clock, sticky: "18:00", "9:30" (not a ratio such as "50:50", nor "1:2:3"). */
const TIME_Y = /(?<![\d:.])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])/y;

/** The unit of a frequency's value: times a year. */
const A_YEAR = '/year';

/** "At least" as a figure's value writes it: lowercase, one space, "no less" read as "not less". */
function canonicalComparator(written: string | undefined): string {
  return (written ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/^no /, 'not ');
}

/** Kind and value of a frequency in one word ("quarterly": four times a year). */
function frequencyWord(written: string, comparator: string | undefined): { kind: string; value: string } {
  const times = FREQUENCY_WORDS[written.toLowerCase()]!;
  return { kind: 'frequency', value: `${canonicalComparator(comparator)}|${roundValue(times)}|${A_YEAR}` };
}

/**
 * Kind and value of a fraction in words, ending at `end` (null when it is none): a plural denominator after a
 * number of two or more ("two-thirds", "three quarters"), or a singular one after one ("one half", "one-third")
 * followed by "of" or "majority". Read as a percentage.
 */
function fraction(text: string, end: number, numerator: string, denominator: string, comparator: string | undefined): { kind: string; value: string } | null {
  const n = parseNumber(numerator);
  const d = denominator.toLowerCase();
  const plural = d.endsWith('s');
  if (n === null || n === 0) return null;
  if (plural ? n < 2 : n !== 1) return null;
  if (!plural) {
    FRACTION_FOLLOWS.lastIndex = end;
    if (!FRACTION_FOLLOWS.test(text)) return null;
  }
  return { kind: 'percent', value: `${canonicalComparator(comparator)}|${roundValue((100 * n) / DENOMINATORS[d]!)}|%` };
}

/** A value to four decimals, so that a third written two ways reads the same. */
function roundValue(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** The months as they are abbreviated ("20 Oct 2025", "Jan. 1, 2027"), each month's index in MONTHS. */
const MONTH_ABBREVIATIONS = new Map([['jan', 0], ['feb', 1], ['mar', 2], ['apr', 3], ['jun', 5], ['jul', 6], ['aug', 7], ['sept', 8], ['sep', 8], ['oct', 9], ['nov', 10], ['dec', 11]]);
// Whole names first: the pattern takes the first alternative that matches ("june" before "jun").
const MONTH = `(?:${MONTHS.join('|')}|(?:${[...MONTH_ABBREVIATIONS.keys()].join('|')})\\.?)`;

/** A month's number (1–12) from its name or abbreviation as a date match holds it ("October", "Oct", "oct."), or 0. */
function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '');
  const whole = MONTHS.indexOf(key);
  return whole >= 0 ? whole + 1 : (MONTH_ABBREVIATIONS.get(key) ?? -1) + 1;
}
const ORDINAL_WORD = `(?:(?:${TENS.filter(Boolean).join('|')})[-\\s](?:${ORDINAL_UNITS.slice(1, 10).join('|')})|${[...ORDINAL_UNITS.slice(1), ...ORDINAL_TENS.filter(Boolean), 'hundredth'].join('|')})`;
/**
 * A year written out, as signature blocks write it ("two thousand and twenty-five", "nineteen hundred and
 * ninety-four"): always after a day and a month, never alone (a number in words alone is a figure).
 */
const BELOW_HUNDRED = `(?:(?:${TENS.filter(Boolean).join('|')})(?:[-\\s](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).reverse().join('|')})`;
/** What a number that is a year is not followed by: a percent sign or a unit ("2000 tonnes"). */
const NOT_A_QUANTITY = `(?!\\s*(?:%|per\\s?cent|percent|(?:business\\s+|calendar\\s+)?(?:days?|weeks?|months?|years?|hours?|tonnes?|tons?|kg|kilograms?|thousand|million|billion|dollars|euros?)${WORD_END}))`;
const YEAR_IN_WORDS = `(?:two\\s+thousand(?:\\s+(?:and\\s+)?${BELOW_HUNDRED})?|(?:nineteen|twenty)\\s+hundred(?:\\s+(?:and\\s+)?${BELOW_HUNDRED})?)${NOT_A_QUANTITY}`;
/** The forms of a date, each an alternative of DATE_RE (legal-window.ts reads their words too); `year` is the
 * pattern of a year after a day and a month. */
const dateForms = (year: string) => [
  `(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:day\\s+)?of)?\\s+(?<m1>${MONTH}),?\\s+(?<y1>${year})`,
  `(?<m2>${MONTH})\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>\\d{4})`,
  `(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2})`,
  // The day of a month in words, as treaties are signed: "this twelfth day of December two thousand and
  // fifteen", "the 28th day of October, 2025"; with "the" and no month, a day counted ("the thirtieth day").
  `(?:the\\s+)?(?<od>${ORDINAL_WORD}|\\d{1,2}(?:st|nd|rd|th))\\s+day\\s+of\\s+(?<om>${MONTH})(?:,?\\s+(?<oy>${year}))?`,
  `the\\s+(?<nth>${ORDINAL_WORD}|\\d+(?:st|nd|rd|th))\\s+day`,
  `(?<m4>${MONTH})\\s+(?<y4>\\d{4})`,
  // A quarter or half of a year, as work plans and reviews are dated: "the first quarter of 2027", "Q1 2027",
  // "the second half of 2026", "H2 2026".
  `(?:the\\s+)?(?<qn>first|second|third|fourth|1st|2nd|3rd|4th)\\s+(?<qk>quarter|half)\\s+of\\s+(?<qy>\\d{4})`,
  `(?<qs>Q|H)(?<qi>[1-4])\\s+(?<qsy>\\d{4})`,
  // A date in figures, "31/12/2030", "31.12.2030" as Europe writes it or "12/31/2030" as the United States
  // does: read as the one where a part cannot be a month, left as written where either could be.
  `(?<![\\d.])(?<nd1>\\d{1,2})[/.](?<nd2>\\d{1,2})[/.](?<ny>\\d{4})`,
  // A day of a month without a year ("before 1 March", "by June 30"): deadlines that recur each year.
  `(?<d6>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:day\\s+)?of)?\\s+(?<m6>${MONTH})`,
  `(?<m7>${MONTH})\\s+(?<d7>\\d{1,2})(?:st|nd|rd|th)?`,
  // A bare year ("by 2030"), unless it is an amount or a quantity ("$2000", "2000 tonnes").
  `(?<![$€£¥]\\s?)(?<y5>(?:19|20|21)\\d{2})(?![.,]\\d)${NOT_A_QUANTITY}`,
];
const DATE_RE = new RegExp(`${WORD_START}(?:${dateForms(`\\d{4}|${YEAR_IN_WORDS}`).join('|')})${WORD_END}`, 'giu');
/**
 * Every run of ASCII letters in a date match (lowercased), for legal-window.ts. Every match holds a digit
 * or, in the forms written in words, the word "day". The words of a year in words are read apart: a space
 * stands between them and the rest of any date, and spelling out every date with each of them would make
 * hundreds of thousands of strings.
 */
export const DATE_WORDS: ReadonlySet<string> = new Set([...dateForms('\\d{4}').flatMap((f) => [...patternWords(f)]), ...patternWords(YEAR_IN_WORDS)]);

/** The value of a year as YEAR_IN_WORDS or four digits write it. */
function yearValue(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  let total = 0;
  for (const w of written.toLowerCase().split(/[-\s]+/)) {
    if (w === 'thousand') total *= 1000;
    else if (w === 'hundred') total *= 100;
    else if (w !== 'and') total += Math.max(UNITS.indexOf(w), 0) + Math.max(TENS.indexOf(w), 0) * 10;
  }
  return total;
}

function ordinalValue(written: string): number | null {
  const digits = /^(\d+)/.exec(written);
  if (digits) return Number(digits[1]);
  let total = 0;
  for (const w of written.toLowerCase().split(/[-\s]+/)) {
    const u = ORDINAL_UNITS.indexOf(w);
    const ot = ORDINAL_TENS.indexOf(w);
    const t = TENS.indexOf(w);
    if (u > 0) total += u; else if (ot >= 2) total += ot * 10; else if (t >= 2) total += t * 10; else if (w === 'hundredth') total = (total || 1) * 100; else return null;
  }
  return total;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A reference word right before a number: what makes "1.2.2030" a provision's number. */
const AFTER_REFERENCE_WORD = /\b(?:articles?|art|paragraphs?|paras?|sections?|chapters?|annex(?:es)?|parts?|points?|clauses?|rules?|schedules?|appendix)\.?\s*$/i;

/** The ordinals of a quarter or half, in words and in figures (the n-th, n-1 modulo 4). */
const QUARTER_ORDINALS = ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'];

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * Whether the bare number (a year) at `at` is part of a name ("GATT 1994", "the General Agreement on Tariffs
 * and Trade 1994", "Agenda 2030", "Executive Order 14257", "the Tariff Act of 1930"): it follows an acronym,
 * or a capitalised word that does not open a sentence ("By 2030" and "Since 2020" do), or such a word and
 * "of". Markdown emphasis and closing quotes or brackets between them are passed over.
 */
function followsName(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (isSpaceAt(text, i - 1) || NAME_END.includes(text[i - 1]!))) i--;
  const end = i;
  while (i > 0 && isNameChar(text, i - 1)) i--;
  if (i === end) return false;
  // A year after "of" names the instrument before it ("the Trade Act of 1974"); "December of 2025" is a date.
  if (end - i === 2 && text.startsWith('of', i)) {
    let k = i;
    while (k > 0 && isSpaceAt(text, k - 1) && text[k - 1] !== '\n') k--;
    const before = k;
    while (k > 0 && isNameChar(text, k - 1)) k--;
    const name = text.slice(k, before);
    return k < before && /^\p{Lu}/u.test(name) && monthNumber(name) === 0 && opensNoSentence(text, k);
  }
  // Most words before a number are lowercase ("within 30", "by 2030"): rejected without a pattern.
  const first = text.charCodeAt(i);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  const word = text.slice(i, end);
  if (!/^\p{Lu}/u.test(word)) return false;
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  return opensNoSentence(text, i);
}

/** Whether the word at `i` follows another on its line with no sentence end between them. */
function opensNoSentence(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && (isSpaceAt(text, j - 1) || NAME_END.includes(text[j - 1]!)) && text[j - 1] !== '\n') j--;
  return j > 0 && !/[.!?:;\n]/.test(text[j - 1]!);
}

/** A character of a name's word: a letter or digit (any non-ASCII character but a space counts), an apostrophe, a full stop or a hyphen. */
function isNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 39 || c === 46 || c === 45 || (c >= 0xc0 && !isSpaceAt(text, i));
}

/** What may stand between a name and its year: emphasis marks, closing quotes and brackets. */
const NAME_END = '*_”’"\')';

/** Words every date without a digit holds, for legal-window.ts: "day" (the "the … day" form). */
export const DATE_ANCHOR_WORDS: ReadonlySet<string> = new Set(['day']);

export function findDates(text: string): Found[] {
  const found: Found[] = [];
  datesIn(text, 0, text.length, found);
  return found;
}

/** findDates restricted to ranges, on the same terms as findObligationsIn (no date match straddles an edge). */
export function findDatesIn(text: string, ranges: ReadonlyArray<readonly [number, number]>): Found[] {
  const found: Found[] = [];
  for (const [from, to] of ranges) datesIn(text, from, to, found);
  return found;
}

function datesIn(text: string, from: number, to: number, found: Found[]): void {
  // A bare year's look-aheads read the words after it ("2000 tonnes"), but never past a barrier: the text
  // is cut at the first barrier at or after `to` (which is `to` itself when the range ends on one).
  const scan = scanText(text, nextScanBarrier(text, to));
  if (to - from > WINDOW_BY_WORDS) {
    DATE_RE.lastIndex = from;
    for (let m = DATE_RE.exec(scan); m && m.index < to; m = DATE_RE.exec(scan)) takeDate(text, m, found);
    return;
  }
  // A window: the pattern is tried only where a word starts, as a match must (WORD_START), in text order and
  // from where the last match ended — what the global scan does, but without searching on past `to` for a
  // next match: where no date follows, that search read the rest of the text for every window, and a clause
  // of 100,000 words with thousands of changes took seconds.
  for (let p = from; p < to; p++) {
    if (!mayStartWord(text, p)) continue;
    DATE_AT.lastIndex = p;
    const m = DATE_AT.exec(scan);
    if (m === null) continue;
    takeDate(text, m, found);
    p = m.index + m[0].length - 1;
  }
}

/** Windows longer than this are scanned by the global pattern (whole texts: findDates). */
const WINDOW_BY_WORDS = 4096;
const DATE_AT = new RegExp(DATE_RE.source, 'iuy');

/** Whether a word (a run of letters and digits) may start at p: ASCII read here, anything else left to the pattern. */
function mayStartWord(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128 && !isAsciiAlnum(c)) return false;
  if (p === 0) return true;
  const b = text.charCodeAt(p - 1);
  return b >= 128 || !isAsciiAlnum(b);
}

/** A match of the date pattern as an item, unless it is none (in a link, a name's number, "may 2026"). */
function takeDate(text: string, m: RegExpExecArray, found: Found[]): void {
  const g = m.groups!;
  if (isInLink(text, m.index)) return;
  let value: string;
  if (g.y1) value = `${yearValue(g.y1)}-${pad(monthNumber(g.m1!))}-${pad(g.d1!)}`;
  else if (g.y2) value = `${g.y2}-${pad(monthNumber(g.m2!))}-${pad(g.d2!)}`;
  else if (g.y3) value = `${g.y3}-${g.m3}-${g.d3}`;
  else if (g.od) value = `${g.oy ? yearValue(g.oy) : '-'}-${pad(monthNumber(g.om!))}-${pad(ordinalValue(g.od)!)}`;
  else if (g.nth) value = `day ${ordinalValue(g.nth)}`;
  else if (g.y5) {
    if (followsName(text, m.index)) return;
    value = g.y5;
  }
  else if (g.qn) value = `${g.qy}-${g.qk!.toLowerCase() === 'half' ? 'H' : 'Q'}${QUARTER_ORDINALS.indexOf(g.qn.toLowerCase()) % 4 + 1}`;
  else if (g.qs) {
    const half = g.qs.toUpperCase() === 'H';
    // "Q1 2027" in capitals only ("q1" is no way to write it), and a half is H1 or H2.
    if (g.qs !== g.qs.toUpperCase() || (half && Number(g.qi) > 2)) return;
    value = `${g.qsy}-${g.qs}${g.qi}`;
  } else if (g.nd1) {
    // "Article 1.2.2030" is a number, not the first of February.
    if (AFTER_REFERENCE_WORD.test(text.slice(Math.max(0, m.index - 16), m.index))) return;
    const a = Number(g.nd1), b = Number(g.nd2);
    if (a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) return;
    value = a > 12 ? `${g.ny}-${pad(b)}-${pad(a)}` : b > 12 ? `${g.ny}-${pad(a)}-${pad(b)}` : `${g.ny} ${pad(a)}/${pad(b)} (day and month unknown)`;
  } else if (g.m6 || g.m7) {
    // Without a year a month must be written as a name is: "paragraph 1 may" is no date, nor "5 march".
    const month = (g.m6 ?? g.m7)!;
    if (!isUpperAscii(month.charCodeAt(0))) return;
    value = `--${pad(monthNumber(month))}-${pad((g.d6 ?? g.d7)!)}`;
  } else {
    // "May 2026" is a date; "may 2026" in running text is almost always the modal before a number.
    if (g.m4 === 'may') return;
    value = `${g.y4}-${pad(monthNumber(g.m4!))}`;
  }
  found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: normalizeSpace(m[0]), value, kind: 'date', rank: undefined, polarity: undefined, quoted: undefined });
}

// ---------------------------------------------------------------------------------------------------------
// Defined terms and party names

const QUOTED_TERM_RE = /[“"‘'](?<term>(?:the\s+)?[A-Z][\p{L}\p{N}’'-]*(?:\s+(?:[A-Z][\p{L}\p{N}’'-]*|of|and|for|on|the|in|to)){0,6})[”"’']/gu;

/** The opening quotes of QUOTED_TERM_RE. */
const OPENING_QUOTES = ['"', "'", '“', '‘'];
const QUOTED_TERM_AT = new RegExp(QUOTED_TERM_RE.source, 'uy');

/** Terms a text defines by quoting them: “Participants”, "the Framework". */
export function findDefinedTerms(text: string): string[] {
  // A match starts at an opening quote: the quotes are found by native searches (most clauses have none,
  // and an apostrophe is usually inside a word), and the pattern is tried only there, in text order,
  // from where the last match ended — what a scan with the global pattern does, without trying it at every
  // character. The character after the quote must begin the term: "t" (of "the") or a capital.
  // Where the next quote of each kind is (-1: none left); reused by every call, as is an empty result.
  const next = nextQuote;
  for (let k = 0; k < OPENING_QUOTES.length; k++) next[k] = text.indexOf(OPENING_QUOTES[k]!);
  let terms: Set<string> | null = null;
  for (let from = 0; ;) {
    let at = -1;
    let which = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k]! >= 0 && next[k]! < from) next[k] = text.indexOf(OPENING_QUOTES[k]!, from);
      if (next[k]! >= 0 && (at < 0 || next[k]! < at)) { at = next[k]!; which = k; }
    }
    if (at < 0) break;
    next[which] = text.indexOf(OPENING_QUOTES[which]!, at + 1);
    const c = text.charCodeAt(at + 1);
    if (c !== 116 && !(c >= 65 && c <= 90)) continue;
    QUOTED_TERM_AT.lastIndex = at;
    const m = QUOTED_TERM_AT.exec(text);
    if (!m) continue;
    from = at + m[0].length;
    const term = normalizeSpace(m.groups!.term!);
    if (/[A-Z]/.test(term)) (terms ??= new Set()).add(term);
  }
  return terms ? [...terms] : [];
}

const nextQuote = new Int32Array(OPENING_QUOTES.length);

/** Occurrences of names (each with the key it stands for), longest names first, case-sensitive. */
export function findNames(text: string, names: ReadonlyMap<string, string>, kind: string): Found[] {
  return nameFinder(names, kind).all(text);
}

/** The same as findNames, with the pattern built once for many texts. */
export function nameFinder(names: ReadonlyMap<string, string>, kind: string): NameFinder {
  return new NameFinder(names, kind);
}

export class NameFinder {
  private readonly pattern: NamesPattern | null;

  constructor(private readonly names: ReadonlyMap<string, string>, private readonly kind: string) {
    const list = [...names.keys()].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
    this.pattern = list.length === 0 ? null : namesPattern(list);
  }

  /**
   * The runs of ASCII letters that the names hold, case kept (legal-window.ts): a word of a text that holds
   * none of them holds no character of a name. Null when some name holds no such run between its spaces, or
   * starts or ends with a space: then any word may be part of a name. Empty when there are no names.
   */
  get words(): ReadonlySet<string> | null {
    return this.pattern ? this.pattern.words : EMPTY_WORDS;
  }

  /** Every occurrence in the text. */
  all(text: string): Found[] {
    return this.within(text, [[0, text.length]]);
  }

  /**
   * The occurrences inside the ranges, where no occurrence straddles a range's edge: the same as those of
   * all(text) there. The pattern is matched on the text itself, so that the look-arounds see past the edges;
   * only its last look-ahead reads past a match, one character, so the text is cut one character after `to`.
   */
  within(text: string, ranges: ReadonlyArray<readonly [number, number]>): Found[] {
    const found: Found[] = [];
    if (!this.pattern) return found;
    const re = this.pattern.re;
    for (const [from, to] of ranges) {
      const scan = to + 1 >= text.length ? text : text.slice(0, to + 1);
      re.lastIndex = from;
      for (let m = re.exec(scan); m && m.index < to; m = re.exec(scan)) {
        const end = m.index + m[0].length;
        // "US$", "A$": a currency sign, not the party.
        if (this.kind === 'party' && text.charCodeAt(end) === 36) continue;
        const key = this.names.get(normalizeSpace(m[0])) ?? normalizeSpace(m[0]);
        const quoted = OPEN_QUOTE.test(text.charAt(m.index - 1)) && CLOSE_QUOTE.test(text.charAt(end));
        found.push({ start: m.index, end, text: m[0], key, value: key, kind: this.kind, rank: undefined, polarity: undefined, quoted });
      }
    }
    return found;
  }
}

const EMPTY_WORDS: ReadonlySet<string> = new Set();

interface NamesPattern { re: RegExp; words: ReadonlySet<string> | null }

/**
 * The pattern for a list of names, compiled once per list: legalChanges runs for every aligned clause pair
 * with the same party names (and often the same defined terms), and compiling a unicode alternation of
 * fifty names cost more than matching it. Bounded, so that a long session does not keep every list.
 */
const namesPatterns = new Map<string, NamesPattern>();
const MAX_NAMES_PATTERNS = 64;

function namesPattern(list: readonly string[]): NamesPattern {
  const cacheKey = JSON.stringify(list);
  let pattern = namesPatterns.get(cacheKey);
  if (!pattern) {
    const re = new RegExp(`${WORD_START}(?:${list.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|')})${WORD_END}`, 'gu');
    pattern = { re, words: nameWords(list) };
    if (namesPatterns.size >= MAX_NAMES_PATTERNS) namesPatterns.delete(namesPatterns.keys().next().value!);
    namesPatterns.set(cacheKey, pattern);
  }
  return pattern;
}

/**
 * The runs of ASCII letters in the names (see NameFinder.words). Every character of an occurrence that is
 * not whitespace lies in a part of the name between spaces, and each part's letter runs are whole runs of
 * the text too: the pattern is literal, and the characters around an occurrence are no letters.
 */
function nameWords(list: readonly string[]): ReadonlySet<string> | null {
  const words = new Set<string>();
  for (const name of list) {
    if (/^\s|\s$/.test(name)) return null;
    for (const part of name.split(/\s+/)) {
      const runs = part.match(/[A-Za-z]+/g);
      if (!runs) return null;
      for (const r of runs) words.add(r);
    }
  }
  return words;
}

const OPEN_QUOTE = /^[“"‘']$/;
const CLOSE_QUOTE = /^[”"’']$/;

/** Countries and unions that appear in international instruments, each with its canonical name (known-parties.ts). */
export { KNOWN_PARTIES } from './known-parties.js';

export function normalizeSpace(s: string): string {
  // Most texts are already normal (single spaces inside, none at the ends): check before rewriting.
  let normal = s.length === 0 || (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32);
  for (let i = 0; i < s.length && normal; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) normal = s.charCodeAt(i + 1) !== 32;
    else if ((c >= 9 && c <= 13) || (c >= 128 && /\s/.test(s[i]!))) normal = false;
  }
  return normal ? s : s.replace(/\s+/g, ' ').trim();
}

/** Whether s is a non-empty run of ASCII digits. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
