/**
 * A date whose relation changed: "before 31 March" → "after 31 March", "by 1 July" → "from 1 July", "[-no-]{+not+}
 * earlier than 1 July". The date finder reads the date alone ("31 March"), which stands unchanged on both sides;
 * the words before it say whether it is a deadline, a start or a day, and turning them turns the time limit.
 * Read only where the change is made of such words on each side, the relation it belongs to runs on to a date
 * (taking in a word or two of the equal text before the change, the same on both sides: "on or [-before-]
 * {+after+}"), and the same date follows on both sides.
 *
 * Spellings of one relation ("not later than" / "no later than", "till" / "until", "prior to" / "before") are
 * the same relation: their change is reported as cosmetic.
 */
import { findDatesIn, isBlank } from './legal-find.js';

/** Relations before a date, each with its canonical form. */
const RELATIONS = new Map<string, string>([
  ['before', 'before'], ['prior to', 'before'], ['after', 'after'], ['following', 'after'],
  ['by', 'by'], ['no later than', 'no later than'], ['not later than', 'no later than'],
  ['no earlier than', 'no earlier than'], ['not earlier than', 'no earlier than'],
  ['on or before', 'on or before'], ['on or after', 'on or after'],
  ['until', 'until'], ['till', 'until'], ['up to', 'until'],
  ['from', 'from'], ['as from', 'as of'], ['as of', 'as of'], ['since', 'since'], ['starting', 'from'], ['beginning', 'from'],
  ['on', 'on'], ['in', 'in'], ['during', 'during'],
]);
/** Every word of a relation: a change made of other words is no relation's (the usual case, read no further). */
const RELATION_WORDS: ReadonlySet<string> = new Set([...RELATIONS.keys()].flatMap((r) => r.split(' ')));
/** The longest relation, in characters. */
const LONGEST = Math.max(...[...RELATIONS.keys()].map((r) => r.length));
/** How many words of the equal text before a change a relation may take in ("on or" of "on or before"). */
const WORDS_BEFORE = 2;

/** What legal.ts needs of a change: its range on each side. */
export interface RelationChange { oldStart: number; oldEnd: number; newStart: number; newEnd: number }

export interface TurnedRelation { old: string; new: string; cosmetic: boolean; oldStart: number; oldEnd: number; newStart: number; newEnd: number }

/** Whether text[from, to) is no longer than a relation and made only of relation words (empty: an insertion). */
function relationWordsOnly(text: string, from: number, to: number): boolean {
  if (to - from > LONGEST + 2) return false;
  // Word by word, stopping at the first that is none: this runs for every change of every edited clause.
  for (let i = from; i < to;) {
    if (isBlank(text, i, i + 1)) { i++; continue; }
    let e = i + 1;
    while (e < to && !isBlank(text, e, e + 1)) e++;
    if (!RELATION_WORDS.has(text.slice(i, e).toLowerCase())) return false;
    i = e;
  }
  return true;
}

/**
 * From `from`, the relation that runs on to a date: its canonical form, where it starts (past blanks), and the
 * date after it (its end and key), or null.
 */
function relationToDate(text: string, from: number, change: number): { canonical: string; start: number; end: number; key: string } | null {
  let start = from;
  while (start < change && isBlank(text, start, start + 1)) start++;
  // The relation's words: from `start` to the first word that is none (the date's, if this is a relation).
  let end = start;
  for (;;) {
    let e = end;
    while (e < text.length && isBlank(text, e, e + 1)) e++;
    let w = e;
    while (w < text.length && !isBlank(text, w, w + 1)) w++;
    if (w === e || !RELATION_WORDS.has(text.slice(e, w).toLowerCase())) break;
    end = w;
    if (end - start > LONGEST) return null;
  }
  // The relation must reach past the change's start: it holds the change (or stands where an insertion went in).
  if (end <= start || end < change) return null;
  const canonical = RELATIONS.get(text.slice(start, end).toLowerCase().replace(/\s+/g, ' '));
  if (canonical === undefined) return null;
  let at = end;
  while (at < text.length && isBlank(text, at, at + 1)) at++;
  if (at === end) return null;
  const date = findDatesIn(text, [[at, at + 1]])[0];
  return date && date.start === at ? { canonical, start, end: date.end, key: date.key } : null;
}

/** The date change a change of relation makes, as legal.ts reports it (the relation and the date on each side), or null. */
export function relationTurned(oldText: string, newText: string, change: RelationChange): TurnedRelation | null {
  if (!relationWordsOnly(oldText, change.oldStart, change.oldEnd) || !relationWordsOnly(newText, change.newStart, change.newEnd)) return null;
  // The longest relation wins ("on or before", not "before"): start a word or two back where the equal text allows.
  let found: TurnedRelation | null = null;
  let from = change.oldStart;
  for (let words = 0; ; words++) {
    const back = change.oldStart - from;
    if (oldText.slice(from, change.oldStart) !== newText.slice(change.newStart - back, change.newStart)) break;
    const a = relationToDate(oldText, from, change.oldStart);
    const b = a && relationToDate(newText, change.newStart - back, change.newStart);
    if (a && b && a.key === b.key && oldText.slice(a.start, a.end) !== newText.slice(b.start, b.end)) {
      found = { old: oldText.slice(a.start, a.end), new: newText.slice(b.start, b.end), cosmetic: a.canonical === b.canonical, oldStart: a.start, oldEnd: a.end, newStart: b.start, newEnd: b.end };
    }
    if (words === WORDS_BEFORE) break;
    while (from > 0 && isBlank(oldText, from - 1, from)) from--;
    if (from === 0) break;
    while (from > 0 && !isBlank(oldText, from - 1, from)) from--;
    if (change.oldStart - from > LONGEST) break;
  }
  return found;
}
