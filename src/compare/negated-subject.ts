/**
 * Prohibitions written through their subject: "No Party shall", "Neither Participant will", "Nothing in this
 * Memorandum shall", "Nor shall", "In no case may". The modal is positive; the subject makes the sentence a
 * prohibition. legal.ts reads such an obligation as its negative form ("No Party shall" as "shall not"), so
 * that "No Party shall" → "Each Party may" is a reversal, not a weaker "shall", and "Neither Participant
 * shall" → "Each Participant shall" (where only the subject changed) is reported at all.
 *
 * The finders (legal-find.ts) stay as they are: an obligation is found as its modal, within the words a
 * change can reach (legal-window.ts). Two steps here extend that:
 *   - negationReach: a change whose words hold a negating word ("Neither" → "Each") reaches on through the
 *     equal text after it, to the end of the clause part, so that the modal it governs is read with it;
 *   - withSubject: an obligation whose clause part opens with a negating word is read as negated, and its
 *     text runs from that word ("Neither Participant shall"); one whose subject stands in such a change is
 *     read from its subject too ("Each Participant shall"), so that both sides of the change read alike.
 *
 * A clause part is what follows a full stop, colon, semicolon, comma, closing parenthesis, square bracket or
 * line break, up to a modal; the subject is at most SUBJECT_WORDS words long and holds no modal. "No later than 30 days after …, the Parties shall" is not a
 * negation (nor "no less", "no more", "no earlier").
 */
import { OBLIGATION_WORDS, standsApart, type Found } from './legal-find.js';
import type { Polarity } from './obligation-lexicon.js';

/** Words that, opening a clause part, make the obligation after them a prohibition. */
const NEGATORS = new Set(['no', 'neither', 'nor', 'nothing', 'none']);
/** Words after "no" that make it a comparator ("no later than"), not a negation. */
const NOT_NEGATING_AFTER_NO = new Set(['later', 'less', 'more', 'earlier', 'sooner', 'fewer', 'longer', 'greater']);
/** Openings that negate the clause part by its circumstance: "In no case shall", "Under no circumstances may". */
const NEGATING_OPENINGS = new Set(['in no', 'under no', 'at no', 'on no']);
/** Modal verbs: a subject holds none. */
const MODALS = new Set(['shall', 'will', 'may', 'must', 'should', 'can', 'cannot', 'could', 'would', 'might']);
const MAX_MODAL_LENGTH = 6;
const MODAL_INITIALS = new Set([...MODALS].map((m) => m.charCodeAt(0)));
/** The modals by length, for isModalAt. */
const MODALS_BY_LENGTH: readonly (readonly string[])[] = Array.from({ length: MAX_MODAL_LENGTH + 1 }, (_, n) => [...MODALS].filter((m) => m.length === n));

/**
 * Whether text[s, e) is a modal, in any case: compared character by character, without the string a lookup in
 * MODALS would need (the walks back over a subject ask it of every short word they pass).
 */
function isModalAt(text: string, s: number, e: number): boolean {
  if (e - s > MAX_MODAL_LENGTH || !MODAL_INITIALS.has(text.charCodeAt(s) | 0x20)) return false;
  for (const modal of MODALS_BY_LENGTH[e - s]!) {
    let k = 0;
    while (k < modal.length && (text.charCodeAt(s + k) | 0x20) === modal.charCodeAt(k)) k++;
    if (k === modal.length) return true;
  }
  return false;
}
/** The longest subject read back from a modal ("No provision of this Agreement shall" is five words). */
const SUBJECT_WORDS = 8;

/** Characters that end a clause part; square brackets too (negotiating marks: a bracketed modal has no subject of its own). */
function isPartEnd(c: number): boolean {
  return c === 46 || c === 59 || c === 58 || c === 44 || c === 41 || c === 10 || c === 13 || c === 91 || c === 93;
}

/** Whitespace within a line (a line break ends a clause part: isPartEnd). */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
}

/**
 * Where the clause part holding an obligation that starts at `at` begins (its first word), and where its
 * second word begins (-1: none before the obligation); null when more than SUBJECT_WORDS words stand between.
 * Offsets only: this runs for every obligation near a change, and most subjects ("The Parties") negate nothing.
 */
function subjectBefore(text: string, at: number): { start: number; second: number } | null {
  let i = at;
  let start = -1;
  let second = -1;
  for (let words = 0; ; words++) {
    while (i > 0 && isBlankCode(text.charCodeAt(i - 1))) i--;
    if (i === 0 || isPartEnd(text.charCodeAt(i - 1))) break;
    if (words === SUBJECT_WORDS) return null;
    let s = i;
    while (s > 0 && !isBlankCode(text.charCodeAt(s - 1)) && !isPartEnd(text.charCodeAt(s - 1))) s--;
    // Another modal before this one ("No Party shall impose or shall maintain"): the subject is that one's.
    if (isModalAt(text, s, i)) return null;
    second = start;
    start = s;
    i = s;
  }
  return start < 0 ? null : { start, second: second >= 0 && second < at ? second : -1 };
}

/** The word of `text` starting at `at`, lowercased, without opening quotes. */
function wordAt(text: string, at: number): string {
  return text.slice(at, wordEnd(text, at)).toLowerCase().replace(/^["'“‘]+/, '');
}

/** Whether a clause part whose first word starts at `start` (second at `second`, -1: none) is negated. */
function negates(text: string, start: number, second: number): boolean {
  // Every negating word and opening starts with one of these letters: most subjects are rejected unread.
  const c = text.charCodeAt(start) | 0x20;
  if (c !== 110 && c !== 105 && c !== 117 && c !== 97 && c !== 111 && c !== 34 && c !== 39 && c < 128) return false;
  const first = wordAt(text, start);
  if (NEGATORS.has(first)) return !(first === 'no' && second >= 0 && NOT_NEGATING_AFTER_NO.has(wordAt(text, second)));
  return second >= 0 && NEGATING_OPENINGS.has(`${first} ${wordAt(text, second)}`);
}

/** Where the word starting at `at` ends. */
function wordEnd(text: string, at: number): number {
  let e = at;
  while (e < text.length && !isBlankCode(text.charCodeAt(e)) && !isPartEnd(text.charCodeAt(e))) e++;
  return e;
}

/** Changes longer than this many words on a side are rewritten passages, not a subject turned round. */
const SHORT_CHANGE = SUBJECT_WORDS;
/** The first words of the negating openings ("in no case", "under no circumstances"). */
const OPENING_FIRST_WORDS = new Set([...NEGATING_OPENINGS].map((o) => o.split(' ')[0]!));

/**
 * Whether text[from, to) is a short change holding a word that opens a negated clause part ("Neither" →
 * "Each" at the start of a sentence): a negating word, or a negating opening, with only blanks between it
 * and a clause part's end. Read word by word, with a string made only of words that start with a letter a
 * negating word or opening starts with: this runs for every change of every edited clause.
 */
function turnsSubject(text: string, from: number, to: number): boolean {
  let words = 0;
  let found = false;
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i);
    if (isBlankCode(c) || isPartEnd(c)) { i++; continue; }
    const end = wordEnd(text, i);
    if (++words > SHORT_CHANGE) return false;
    const l = c | 0x20;
    if (!found && (l === 110 || l === 105 || l === 117 || l === 97 || l === 111) && opensPart(text, i)) {
      const word = text.slice(i, end).toLowerCase();
      if (NEGATORS.has(word)) found = !(word === 'no' && NOT_NEGATING_AFTER_NO.has(wordAfter(text, end)));
      else if (OPENING_FIRST_WORDS.has(word)) found = NEGATORS.has(wordAfter(text, end));
    }
    i = end;
  }
  return found;
}

/** Whether only blanks stand between a clause part's end (or the start of the text) and offset `at`. */
function opensPart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isBlankCode(text.charCodeAt(i - 1))) i--;
  return i === 0 || isPartEnd(text.charCodeAt(i - 1));
}

/** The word after offset `at` (as wordAt reads it), past blanks. */
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i++;
  return wordAt(text, i);
}

/** A change as legal.ts reads it: its range on each side. */
export interface NegationChange { oldStart: number; oldEnd: number; newStart: number; newEnd: number; oldNone?: boolean; newNone?: boolean; negation?: boolean }

/**
 * Changes that put in or take out a negating word opening a clause part (turnsSubject) reach on through the
 * equal text after them to the end of the clause part (never into the next change), on both sides alike: the
 * equal text is the same there. Such a change is marked `negation`. Changes come in text order.
 */
export function negationReach(changes: NegationChange[], oldText: string, newText: string): void {
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (c.oldNone || c.newNone) continue;
    if (!turnsSubject(oldText, c.oldStart, c.oldEnd) && !turnsSubject(newText, c.newStart, c.newEnd)) continue;
    reachPartEnd(changes, k, oldText);
    c.negation = true;
  }
}

/**
 * Changes inside a negated subject ("No [use] Party shall") whose words may hold a part of an obligation reach
 * the modal too, as negationReach's do; whether any did. The obligation read from its subject stands over such
 * a change on both sides, but the finders look only near a change (legal-window.ts), and only where a word there
 * may hold a part of one: on the side whose change holds such a word, not on the other, which then reported the
 * obligation as added. (A change whose words hold none on either side is looked at alike on both.) `oldSpans` and
 * `newSpans` are the obligations each side read from a negating subject ([start, end) pairs, withSubject): a
 * change that one side looked at wrongly stands inside one of them on that side, and only such a change is read
 * further (a walk back over every change's subject cost a tenth of the legal reading).
 */
export function subjectReach(changes: NegationChange[], oldText: string, newText: string, oldSpans: readonly number[], newSpans: readonly number[]): boolean {
  let reached = false;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (c.oldNone || c.newNone || c.negation) continue;
    const inOld = inSpan(oldSpans, c.oldStart) && inNegatedSubject(oldText, c.oldStart);
    if (!inOld && !(inSpan(newSpans, c.newStart) && inNegatedSubject(newText, c.newStart))) continue;
    if (!(mayHoldObligation(oldText, c.oldStart, c.oldEnd) || mayHoldObligation(newText, c.newStart, c.newEnd))) continue;
    reachPartEnd(changes, k, oldText);
    reached = true;
  }
  return reached;
}

/** Whether `at` lies strictly inside one of `spans` ([start, end) pairs, flattened). */
function inSpan(spans: readonly number[], at: number): boolean {
  for (let s = 0; s < spans.length; s += 2) if (spans[s]! < at && at < spans[s + 1]!) return true;
  return false;
}

/** Change k reaches on through the equal text after it to the end of its clause part, never into the next change. */
function reachPartEnd(changes: NegationChange[], k: number, oldText: string): void {
  const c = changes[k]!;
  const limit = k + 1 < changes.length ? changes[k + 1]!.oldStart : oldText.length;
  let end = c.oldEnd;
  let words = 0;
  while (end < limit && words < SUBJECT_WORDS + 4) {
    const ch = oldText.charCodeAt(end);
    if (isPartEnd(ch)) break;
    if (isBlankCode(ch)) { end++; continue; }
    while (end < limit && !isBlankCode(oldText.charCodeAt(end)) && !isPartEnd(oldText.charCodeAt(end))) end++;
    words++;
  }
  const reach = end - c.oldEnd;
  c.oldEnd += reach;
  c.newEnd += reach;
}

/**
 * Whether text[from, to) holds a word that may hold a part of an obligation, as legal-window.ts reads words: an
 * ASCII letter run of the lexicon's (OBLIGATION_WORDS), or any character outside ASCII.
 */
function mayHoldObligation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    const l = c | 0x20;
    if (l < 97 || l > 122) { i++; continue; }
    let e = i + 1;
    while (e < to && ((text.charCodeAt(e) | 0x20) >= 97 && (text.charCodeAt(e) | 0x20) <= 122)) e++;
    if (OBLIGATION_WORDS.has(text.slice(i, e).toLowerCase())) return true;
    i = e;
  }
  return false;
}

/**
 * Whether offset `at` stands inside the subject of a negated clause part, after its negating word and before its
 * modal: "No [other] Party shall". The subject is read back from `at` as subjectBefore reads one back from a modal.
 */
function inNegatedSubject(text: string, at: number): boolean {
  // A change that begins with the modal is the modal's own, found on both sides.
  let e = at;
  while (e < text.length && !isBlankCode(text.charCodeAt(e)) && !isPartEnd(text.charCodeAt(e))) e++;
  if (e > at && isModalAt(text, at, e)) return false;
  const subject = subjectBefore(text, at);
  // The negating word itself is the change's to turn (turnsSubject), not a subject the change stands in.
  if (subject === null || subject.start >= at) return false;
  // The word after it may be the first at `at` ("no [-later-]{+earlier+} than": no negation).
  let second = subject.second;
  if (second < 0) {
    second = at;
    while (second < text.length && isBlankCode(text.charCodeAt(second))) second++;
    if (second >= text.length || isPartEnd(text.charCodeAt(second))) second = -1;
  }
  return negates(text, subject.start, second);
}

/**
 * An obligation as its clause part reads it: negated by a negating subject (text from that subject, key and
 * strength of the negative form), or read from its subject where that subject stands in a change that put in
 * or took out a negating word (`inNegationChange`), else as found.
 */
export function withSubject(text: string, f: Found, inNegationChange: (offset: number) => boolean): Found {
  // A reservation ("subject to its laws") or an exception ("unless …") has no subject of its own.
  if (f.polarity === 'negative' || standsApart(f)) return f;
  const subject = subjectBefore(text, f.start);
  if (!subject) return f;
  if (negates(text, subject.start, subject.second)) {
    const { rank, polarity } = negatedStrength(f);
    return { ...f, start: subject.start, text: text.slice(subject.start, f.end), key: `negated ${f.key}`, value: `negated ${f.value}`, rank, polarity };
  }
  if (inNegationChange(subject.start)) return { ...f, start: subject.start, text: text.slice(subject.start, f.end) };
  return f;
}

/**
 * The strength of a positive obligation under a negating subject, as the lexicon ranks the negative forms:
 * "No Party may" withdraws a permission (a prohibition as strong as "shall not"), "None … can" is "cannot",
 * "No Party is required to" lifts an obligation (a permission, like "need not"); otherwise the prohibition
 * is as strong as the obligation was.
 */
function negatedStrength(f: Found): { rank: number | undefined; polarity: Polarity } {
  const key = f.key;
  if (/^(?:are required to|are not required to)\b/.test(key)) return { rank: 1, polarity: 'positive' };
  if (key.startsWith('may')) return { rank: 4 - (f.rank !== undefined && f.rank % 1 !== 0 ? 0.5 : 0), polarity: 'negative' };
  if (key.startsWith('can')) return { rank: 3 - (f.rank !== undefined && f.rank % 1 !== 0 ? 0.5 : 0), polarity: 'negative' };
  return { rank: f.rank, polarity: 'negative' };
}
