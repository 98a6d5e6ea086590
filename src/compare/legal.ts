/**
 * What changed in law inside one aligned pair of clauses.
 *
 * `legalChanges(old, new, ops?, options?)` lists, each with the words before and after (null when added or
 * removed): obligation strength (obligation-lexicon.ts, docs/legal-lexicon.md) with its direction; figures,
 * amounts, percentages, time limits and how often ("quarterly", "every five years"); dates; defined terms; party names.
 *
 * How it works. The word diff (`ops`, computed when not given) splits the texts into equal stretches and
 * changes. For each change, we keep the items of the finders (legal-find.ts) that touch the change —
 * overlap it, or sit next to it with only whitespace between, so that "shall" → "shall not" (where only
 * "not" was inserted) still sees "shall" on the old side. The finders find them where legal-window.ts
 * says they must look: the few words around each change that can hold their matches, and usually nowhere
 * (a change like "promptly" → "expeditiously" touches no legal item) — exactly the items that a scan of
 * the whole texts would give there, at the cost of the words near the changes. An item that runs past its
 * change into the equal text beside it ("shall, where appropriate, endeavour to", where only "endeavour to"
 * went in) also takes the one item standing in that equal text on the other side ("shall, where
 * appropriate"), which does not touch the change there (counterparts). Items with the same key
 * on both sides are the same item (an unchanged "shall" next to a changed word); the rest are paired in
 * reading order, each old item with the next new item of the same kind (never a sum of money with a time
 * limit); an old item left over was removed, a new one added — except a defined term, whose mere use in
 * an added or removed passage is not reported, only its definition (quoted), and two terms are paired only
 * where the change is little more than the terms (isTermSwap). An item is reported once,
 * with the first change it touches.
 *
 * Direction (obligations only): both sides of the same polarity compare their ranks (stronger, weaker,
 * same); a change of polarity ("shall" → "shall not") reverses the obligation and has no direction; an
 * obligation added or removed has none either. A reservation or hedge standing apart from its modal ("…, subject
 * to their laws", "…, as appropriate"), and an exception ("…, except in emergencies", "unless …"), is an item of
 * its own: put in, its obligation is weaker; taken out, stronger; in a paragraph put in or taken out whole,
 * neither.
 *
 * Dates: a date whose relation turned ("before 31 March" → "after 31 March") is reported with its relation
 * (date-relation.ts), the date read alone being the same on both sides. Negative forms compare the strength of the prohibition:
 * "shall not" → "will not" is weaker.
 *
 * Cosmetic: a figure or date whose value is unchanged but whose wording changed ("thirty (30) days" →
 * "30 days", "26th of October 2025" → "October 26, 2025") is reported with `cosmetic: true`, so that a
 * reader can hide it.
 */
import { isCosmeticChange } from './cosmetic.js';
import type { MovedText, TextSpan } from './words-by-provision.js';
import { KNOWN_PARTIES, NameFinder, findDatesIn, findDefinedTerms, findFiguresExcept, findObligationsIn, isBlank, nameFinder, normalizeSpace, standsApart, type Found } from './legal-find.js';
import { ANY_KIND, joinAlternatives } from './legal-alternatives.js';
import { DATE, FIGURE, OBLIGATION, PARTY, TERM, finderWindows } from './legal-window.js';
import { diffWords, type WordOp } from './words.js';
import { negationReach, subjectReach, withSubject } from './negated-subject.js';
import { relationTurned } from './date-relation.js';

export type LegalChangeType = 'obligation' | 'figure' | 'date' | 'defined-term' | 'party';

export interface LegalChange {
  type: LegalChangeType;
  old: string | null;
  new: string | null;
  direction?: 'stronger' | 'weaker' | 'same';
  /**
   * Obligations only: the polarity turned — "shall" → "shall not", "may" → "shall not", "not legally binding" →
   * "legally binding". Neither stronger nor weaker (no `direction`), and the change a reader must not miss.
   */
  reversed?: true;
  /** The value did not change, only how it is written (figures, dates), or only cosmetically. */
  cosmetic?: boolean;
  /**
   * Figures and dates: the same words struck in one place of a paragraph and written in another of it. The value
   * is unchanged; what it attaches to may not be ("within thirty (30) days of a disruption, inform" → "inform … of
   * a disruption within thirty (30) days"), so it is listed, once, as moved.
   */
  moved?: true;
  /** Offsets of `old` in the old text and of `new` in the new text, when present. */
  oldStart?: number;
  oldEnd?: number;
  newStart?: number;
  newEnd?: number;
}

export interface LegalOptions {
  /** Party id → name, as the draft's front matter lists them; ids and names both count as party names. */
  parties?: Record<string, string>;
  /** Defined terms known from elsewhere in the draft (definitions usually sit in another clause). */
  definedTerms?: readonly string[];
}

/**
 * One change of the word diff: its range in the old text and in the new text (either may be empty). A side is
 * `none` when the change is whole lines on the other side only (a paragraph inserted or deleted): nothing on
 * that side takes part, not even what stands right where the paragraph went in; and such a change takes only
 * the items inside it (`wholeLines`), not those of the next line that merely follow its line break.
 */
interface ChangeRange { oldStart: number; oldEnd: number; newStart: number; newEnd: number; oldNone?: boolean; newNone?: boolean; wholeLines?: boolean; negation?: boolean }

export function legalChanges(oldText: string, newText: string, ops?: WordOp[], options: LegalOptions = {}): LegalChange[] {
  return readChanges(oldText, newText, ops ?? diffWords(oldText, newText), options, NO_MOVES);
}

/** legalChanges, leaving out the items that stand inside `moves` (old ranges in the old text, new in the new). */
function readChanges(oldText: string, newText: string, ops: WordOp[], options: LegalOptions, moves: readonly MovedText[]): LegalChange[] {
  const changes = changeRanges(ops);
  if (changes.length === 0) return [];
  // A change that puts in or takes out "No" / "Neither" reaches the modal it governs (negated-subject.ts).
  negationReach(changes, oldText, newText);

  const names = partyNamesCached(options.parties);
  const givenTerms = options.definedTerms ?? NO_STRINGS;
  const oldTerms = findDefinedTerms(oldText);
  const newTerms = findDefinedTerms(newText);
  // Usually no term at all: no map, no finder to build.
  const findTerms = givenTerms.length + oldTerms.length + newTerms.length === 0 ? NO_TERMS : termFinder(names, [givenTerms, oldTerms, newTerms]);
  const findParties = partyFinder(names);
  const find = (): [Found[][], Found[][]] => {
    const olds = findNear(oldText, changes, 'old', findTerms, findParties);
    const news = findNear(newText, changes, 'new', findTerms, findParties);
    if (moves.length > 0) {
      for (let c = 0; c < KINDS.length; c++) {
        olds[c] = olds[c]!.filter((f) => !moves.some((m) => inSpans(m.old, f.start)));
        news[c] = news[c]!.filter((f) => !moves.some((m) => inSpans(m.new, f.start)));
      }
    }
    // Obligations, figures and dates proposed as bracketed alternatives read as one item (legal-alternatives.ts).
    for (const c of ALTERNATIVE_KINDS) {
      olds[c] = joinAlternatives(oldText, olds[c]!);
      news[c] = joinAlternatives(newText, news[c]!);
    }
    // Obligations as their clause parts read them: "No Party shall" is a prohibition.
    olds[OBLIGATION] = readSubjects(oldText, olds[OBLIGATION]!, changes, 'old');
    news[OBLIGATION] = readSubjects(newText, news[OBLIGATION]!, changes, 'new');
    return [olds, news];
  };
  let [oldFound, newFound] = find();
  // Where an obligation reads from a negating subject, a change inside such a subject may have been looked at on
  // one side only: it reaches the modal on both (negated-subject.ts, subjectReach), and the items are found again.
  const oldNegated = negatedSpans(oldFound[OBLIGATION]!), newNegated = negatedSpans(newFound[OBLIGATION]!);
  if (oldNegated.length + newNegated.length > 0 && subjectReach(changes, oldText, newText, oldNegated, newNegated)) [oldFound, newFound] = find();

  const turned = turnedRelations(oldText, newText, changes);
  const out: LegalChange[] = [];
  for (let c = 0; c < KINDS.length; c++) {
    const type = KINDS[c]!;
    const olds = oldFound[c]!;
    const news = newFound[c]!;
    if (c === DATE && turned !== null) {
      // "before 31 March" → "after 31 March": the same date, its relation turned (date-relation.ts); the date
      // itself, read alone, is no change there.
      out.push(...turned.values());
    }
    if (olds.length === 0 && news.length === 0) continue;
    const oldSweep = new Sweep(oldText, olds);
    const newSweep = new Sweep(newText, news);
    for (let ci = 0; ci < changes.length; ci++) {
      const change = changes[ci]!;
      if (c === DATE && turned?.has(ci)) continue;
      let a = change.oldNone ? NONE : oldSweep.touching(change.oldStart, change.oldEnd, change.wholeLines);
      let b = change.newNone ? NONE : newSweep.touching(change.newStart, change.newEnd, change.wholeLines);
      if (a.length === 0 && b.length === 0) continue;
      // An item that runs past the change on one side has its counterpart beside the change on the other.
      if (!change.oldNone && !change.newNone) {
        const before = changes[ci - 1], after = changes[ci + 1];
        const oldSide = { start: change.oldStart, end: change.oldEnd, prevEnd: before?.oldEnd ?? 0, nextStart: after?.oldStart ?? oldText.length };
        const newSide = { start: change.newStart, end: change.newEnd, prevEnd: before?.newEnd ?? 0, nextStart: after?.newStart ?? newText.length };
        // The new items standing where old items run past the change, and the other way round.
        const fromOld = counterparts(newSweep, a, newSide, oldSide);
        const fromNew = counterparts(oldSweep, b, oldSide, newSide);
        if (fromNew.length > 0) a = byStart([...a, ...fromNew]);
        if (fromOld.length > 0) b = byStart([...b, ...fromOld]);
      }
      if (sameKeys(a, b)) continue; // the usual case: an unchanged "shall" next to a changed word
      if (type === 'defined-term') pairUp(out, type, a, b, isDefinition, (o, n) => isTermSwap(o, n, change));
      else {
        const before = out.length;
        pairUp(out, type, a, b);
        // A reservation in a paragraph put in or taken out whole qualifies that paragraph's own obligations, new
        // or gone with it: no obligation of the other draft is stronger or weaker for it.
        if (type === 'obligation' && (change.oldNone || change.newNone)) {
          for (let k = before; k < out.length; k++) if (out[k]!.old === null || out[k]!.new === null) delete out[k]!.direction;
        }
      }
    }
  }
  return valuesMovedInParagraph(out, newText, ops);
}

/**
 * A figure or date struck in one place of a paragraph and written, the same, in another of that paragraph ("Within
 * thirty (30) days of a disruption, the Participants shall inform …" → "The Participants shall inform … within
 * thirty (30) days") was neither taken out nor put in: the two items become one, `moved`. Where it attaches may
 * have changed, which is for the reader to weigh, so it stays listed. The same value in another paragraph may be
 * another time limit, and stays two items.
 */
function valuesMovedInParagraph(out: LegalChange[], newText: string, ops: readonly WordOp[]): LegalChange[] {
  let candidates = false;
  for (const c of out) if ((c.type === 'figure' || c.type === 'date') && c.new === null) { candidates = true; break; }
  if (!candidates) return out;
  const at = newPositions(ops);
  const taken = new Set<LegalChange>();
  const result: LegalChange[] = [];
  for (const gone of out) {
    if (taken.has(gone)) continue;
    if ((gone.type !== 'figure' && gone.type !== 'date') || gone.new !== null || gone.oldStart === undefined) { result.push(gone); continue; }
    const where = at(gone.oldStart);
    const put = out.find((c) => c.type === gone.type && c.old === null && c.newStart !== undefined && !taken.has(c) &&
      sameValueText(gone.old!, c.new!) && !newText.slice(Math.min(where, c.newStart), Math.max(where, c.newStart)).includes('\n'));
    if (!put) { result.push(gone); continue; }
    taken.add(put);
    result.push({ type: gone.type, old: gone.old, new: put.new, moved: true, oldStart: gone.oldStart, oldEnd: gone.oldEnd, newStart: put.newStart, newEnd: put.newEnd });
  }
  return taken.size === 0 ? out : result;
}

/**
 * The same words, give or take case and spacing ("Within thirty (30) days", "within thirty (30) days"). Not
 * isCosmeticChange, which sets punctuation aside: "10.5%" and "105%" are different figures.
 */
function sameValueText(a: string, b: string): boolean {
  const plain = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  return plain(a) === plain(b);
}

const NO_MOVES: readonly MovedText[] = [];

/** The changes that turn a date's relation, by index (null when none does: the usual case), as reported. */
function turnedRelations(oldText: string, newText: string, changes: readonly ChangeRange[]): Map<number, LegalChange> | null {
  let out: Map<number, LegalChange> | null = null;
  for (let ci = 0; ci < changes.length; ci++) {
    const change = changes[ci]!;
    if (change.oldNone || change.newNone) continue;
    const t = relationTurned(oldText, newText, change);
    if (t === null) continue;
    (out ??= new Map()).set(ci, { type: 'date', old: t.old, new: t.new, ...(t.cosmetic ? { cosmetic: true } : {}), oldStart: t.oldStart, oldEnd: t.oldEnd, newStart: t.newStart, newEnd: t.newEnd });
  }
  return out;
}

/** The obligations of one side, each read with its subject (withSubject). */
function readSubjects(text: string, found: Found[], changes: readonly ChangeRange[], side: 'old' | 'new'): Found[] {
  if (found.length === 0) return found;
  let reaching = false;
  for (const c of changes) if (c.negation) { reaching = true; break; }
  const inNegationChange = !reaching ? NEVER
    : (offset: number) => changes.some((c) => c.negation === true && (side === 'old' ? c.oldStart <= offset && offset < c.oldEnd : c.newStart <= offset && offset < c.newEnd));
  // The finders' lists are this call's own: read in place.
  for (let i = 0; i < found.length; i++) found[i] = withSubject(text, found[i]!, inNegationChange);
  return found;
}

const NEVER = () => false;

/** The obligations among `found` read from a negating subject ("No Party shall": withSubject), as [start, end) pairs. */
function negatedSpans(found: readonly Found[]): number[] {
  let out: number[] | null = null;
  for (const f of found) if (f.key.startsWith('negated ')) (out ??= []).push(f.start, f.end);
  return out ?? NO_SPANS;
}

const NO_SPANS: number[] = [];

/** The kinds (indices into KINDS, as findNear fills them) whose alternatives are joined: not names, whose brackets say less. */
const ALTERNATIVE_KINDS = [OBLIGATION, FIGURE, DATE];

/** Whether an offset lies in one of some spans. */
function inSpans(spans: readonly TextSpan[], offset: number): boolean {
  for (const s of spans) if (s.start <= offset && offset < s.end) return true;
  return false;
}

/** The text of some spans, read in order as one text (a line break between two). */
function spansText(text: string, spans: readonly TextSpan[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join('\n');
}

/**
 * An offset in spansText back in the text: the k-th span's text starts after the k earlier spans and their
 * line breaks. An offset on a line break between two spans reads as the end of the span before it.
 */
function fromSpans(spans: readonly TextSpan[], offset: number): number {
  let base = 0;
  for (const s of spans) {
    const length = s.end - s.start;
    if (offset <= base + length) return s.start + offset - base;
    base += length + 1;
  }
  const last = spans[spans.length - 1]!;
  return last.end;
}

/**
 * legalChanges for a redline in which moved provisions are struck where they stood and inserted where they
 * stand (words-by-provision.ts). What a moved provision holds takes no part in reading the other changes (it
 * would pair with a paragraph inserted where it stood); each moved provision is read against itself instead,
 * with the terms the whole clause defines: "shall" in its old place and "may" in its new one is "shall → may
 * (weaker)", and a provision that only moved adds nothing. Its items take their place in the report by where
 * the provision stands now.
 */
export function legalChangesWithMoves(oldText: string, newText: string, ops: WordOp[], moves: readonly MovedText[], options: LegalOptions = {}): LegalChange[] {
  if (moves.length === 0) return legalChanges(oldText, newText, ops, options);
  const out = readChanges(oldText, newText, ops, options, moves);
  const terms = { ...options, definedTerms: [...(options.definedTerms ?? NO_STRINGS), ...findDefinedTerms(oldText), ...findDefinedTerms(newText)] };
  for (const m of moves) {
    // A split or merge whose parts stand apart is several spans on one side, read as one text.
    for (const c of legalChanges(spansText(oldText, m.old), spansText(newText, m.new), undefined, terms)) {
      if (c.oldStart !== undefined) { c.oldStart = fromSpans(m.old, c.oldStart); c.oldEnd = fromSpans(m.old, c.oldEnd!); }
      if (c.newStart !== undefined) { c.newStart = fromSpans(m.new, c.newStart); c.newEnd = fromSpans(m.new, c.newEnd!); }
      out.push(c);
    }
  }
  // By kind, as the report goes, and within a kind in the new text's reading order (an item only in the old
  // text stands where the redline shows its deletion).
  const at = newPositions(ops);
  const place = (c: LegalChange) => c.newStart ?? at(c.oldStart ?? 0);
  return out.sort((a, b) => KINDS.indexOf(a.type) - KINDS.indexOf(b.type) || place(a) - place(b));
}

/** For an offset in the old text, where the redline's ops put it in the new text (a deletion: where it was cut). */
function newPositions(ops: readonly WordOp[]): (oldOffset: number) => number {
  const oldStarts: number[] = [];
  const newStarts: number[] = [];
  const equal: boolean[] = [];
  let oldAt = 0, newAt = 0;
  for (const op of ops) {
    if (op.op === 'insert') { newAt += op.text.length; continue; }
    oldStarts.push(oldAt);
    newStarts.push(newAt);
    equal.push(op.op === 'equal');
    oldAt += op.text.length;
    if (op.op === 'equal') newAt += op.text.length;
  }
  return (offset) => {
    let lo = 0, hi = oldStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (oldStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    if (oldStarts.length === 0) return 0;
    return newStarts[lo]! + (equal[lo] ? offset - oldStarts[lo]! : 0);
  };
}

/**
 * Items of one text, handed out to the changes that touch them in one left-to-right pass (changes come in
 * text order), each item at most once. Linear overall, whatever the number of changes.
 */
class Sweep {
  private next = 0;
  /** The length of the longest item (peek() searches from there). */
  private longest = 0;
  /** used[i]: items[i] was handed out already. */
  private readonly used: boolean[];
  private readonly items: Found[];
  constructor(private readonly text: string, items: Found[]) {
    // The finders hand their items in text order; sort only when they did not.
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++) sorted = items[i - 1]!.start <= items[i]!.start;
    this.items = sorted ? items : [...items].sort((x, y) => x.start - y.start);
    this.used = new Array<boolean>(items.length).fill(false);
    for (const f of items) if (f.end - f.start > this.longest) this.longest = f.end - f.start;
  }

  /** Hands out one item that peek() found. */
  take(item: Found): void {
    this.used[this.items.indexOf(item)] = true;
  }

  /** The items overlapping [start, end) not handed out yet, wherever the sweep stands (take() hands one out). */
  peek(start: number, end: number): Found[] {
    const items = this.items;
    // The first item that may reach `start`: none starts longer before it than the longest item is long.
    let lo = 0, hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.start < start - this.longest) lo = mid + 1; else hi = mid;
    }
    let out: Found[] = NONE;
    for (let i = lo; i < items.length && items[i]!.start < end; i++) {
      if (this.used[i] || items[i]!.end <= start) continue;
      if (out === NONE) out = [];
      out.push(items[i]!);
    }
    return out;
  }

  /** The items touching [start, end) not handed out yet; with `inside`, only those overlapping it. */
  touching(start: number, end: number, inside = false): Found[] {
    const items = this.items;
    // Items wholly before this change and not touching it cannot touch any later change either.
    while (this.next < items.length && items[this.next]!.end <= start && !touches(this.text, items[this.next]!, start, end)) this.next++;
    let out: Found[] = NONE;
    for (let i = this.next; i < items.length; i++) {
      const f = items[i]!;
      if (f.start >= end && !touches(this.text, f, start, end)) break;
      if (!this.used[i] && (inside ? f.start < end && start < f.end : touches(this.text, f, start, end))) {
        if (out === NONE) out = [];
        out.push(f);
        this.used[i] = true;
      }
    }
    return out;
  }
}

/**
 * The items of each kind in `text` that may touch one of the ranges (changes, in text order), offsets in
 * `text`: every item that touches one, and maybe a few more near them. An item that touches a change has
 * a character in the change widened over the whitespace on each side to the nearest other character (an
 * item that only sits next to a change, across whitespace, ends or starts there); legal-window.ts says
 * where the finders must look to find all such items, and the finders look only there.
 */
function findNear(text: string, changes: readonly ChangeRange[], side: 'old' | 'new', terms: NameFinder, parties: NameFinder): Found[][] {
  const touch: Array<[number, number]> = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (side === 'old' ? c.oldNone : c.newNone) continue;
    let a = (side === 'old' ? c.oldStart : c.newStart) - 1;
    while (a >= 0 && isBlank(text, a, a + 1)) a--;
    let b = side === 'old' ? c.oldEnd : c.newEnd;
    while (b < text.length && isBlank(text, b, b + 1)) b++;
    touch.push([Math.max(0, a), Math.min(text.length - 1, b)]);
  }
  const windows = finderWindows(text, touch, { terms: terms.words, parties: parties.words });
  const found: Found[][] = [NONE, NONE, NONE, NONE, NONE];
  if (windows[OBLIGATION]!.length > 0) found[0] = findObligationsIn(text, windows[OBLIGATION]!);
  if (windows[FIGURE]!.length > 0) found[1] = withoutDates(text, findFiguresExcept(text, NO_DATE, windows[FIGURE]!));
  if (windows[DATE]!.length > 0) found[2] = findDatesIn(text, windows[DATE]!);
  if (windows[TERM]!.length > 0) found[3] = terms.within(text, windows[TERM]!);
  if (windows[PARTY]!.length > 0) found[4] = parties.within(text, windows[PARTY]!);
  return found;
}

/** The kinds of findNear's lists, in its order (the order of the report). */
const KINDS: readonly LegalChangeType[] = ['obligation', 'figure', 'date', 'defined-term', 'party'];
const NONE: Found[] = [];

/**
 * The figures that overlap no date (a figure inside a date is not a figure). The dates with a character in a
 * figure are those the date finder finds in its windows for the figures' ranges (legal-window.ts), looked for
 * once for all the figures: asked figure by figure, a clause that is a table of numbers (a tariff schedule)
 * grew a date window over the whole table for each of its figures.
 */
function withoutDates(text: string, figures: Found[]): Found[] {
  if (figures.length === 0) return figures;
  const ranges: Array<[number, number]> = figures.map((f) => [f.start, f.end - 1]);
  const windows = finderWindows(text, ranges, NO_NAMES, 1 << DATE)[DATE]!;
  if (windows.length === 0) return figures;
  const dates = findDatesIn(text, windows);
  if (dates.length === 0) return figures;
  // Both lists in text order: one pass.
  const out: Found[] = [];
  let d = 0;
  for (const f of figures) {
    while (d < dates.length && dates[d]!.end <= f.start) d++;
    if (d < dates.length && dates[d]!.start < f.end) continue;
    out.push(f);
  }
  return out;
}

/** The test of findFiguresExcept when the dates are left out afterwards (withoutDates). */
const NO_DATE = () => false;

const NO_NAMES = { terms: new Set<string>(), parties: new Set<string>() };

/**
 * Maximal runs of non-equal ops, as ranges in both texts. A run also ends after an op that ends a line, and a
 * deletion after an insertion starts a new one (within one change the deletion comes first): a paragraph
 * inserted or deleted whole, then the next paragraph's edit with no equal text between (words-by-provision.ts),
 * are two changes. An op marked `continues` (the rest of one side of a change that holds a moved provision's
 * text: words-by-provision.ts) reads as part of the op before it.
 */
function changeRanges(ops: readonly WordOp[]): ChangeRange[] {
  const ranges: ChangeRange[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: ChangeRange | null = null;
  let lineEnded = false;
  for (let k = 0; k < ops.length;) {
    const op = ops[k]!;
    let length = op.text.length;
    let end = k + 1;
    while (end < ops.length && ops[end]!.continues === true) length += ops[end++]!.text.length;
    const lastText = ops[end - 1]!.text;
    k = end;
    if (op.op === 'equal') {
      open = null;
      oldPos += length;
      newPos += length;
      continue;
    }
    if (open && (lineEnded || (op.op === 'delete' && open.newEnd > open.newStart))) open = null;
    if (!open) { open = { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos }; ranges.push(open); }
    if (op.op === 'delete') { oldPos += length; open.oldEnd = oldPos; } else {
      newPos += length;
      open.newEnd = newPos;
      // Text put in after whole lines taken out ("\n| last row |" struck, "| new row |" in its place): the
      // change has a new side after all.
      if (open.newNone) open.newNone = open.wholeLines = false;
    }
    lineEnded = lastText.charCodeAt(lastText.length - 1) === 10;
    // Whole lines on one side only: the other side has no part in it.
    const wholeLines = lineEnded || op.text.charCodeAt(0) === 10;
    if (wholeLines && open.oldStart === open.oldEnd) open.oldNone = open.wholeLines = true;
    if (wholeLines && open.newStart === open.newEnd) open.newNone = open.wholeLines = true;
  }
  return ranges;
}

/** A change's range on one side, and where the changes before and after it end and start there. */
interface Side { start: number; end: number; prevEnd: number; nextStart: number }

/**
 * The items of `sweep` (one side) that stand where the other side's items `theirs` run past the change: an
 * item that overlaps the change and runs on into the equal text beside it ("shall, where appropriate,
 * endeavour to", where only "endeavour to" was inserted) has its counterpart in that equal text ("shall"),
 * which on its own side does not touch the change. Equal text reads the same length on both sides, so the
 * stretch an item covers beside the change on its side is the stretch beside it on this one.
 */
function counterparts(sweep: Sweep, theirs: readonly Found[], mine: Side, their: Side): Found[] {
  let out: Found[] = NONE;
  for (const t of theirs) {
    const left = t.start < their.start ? their.start - Math.max(t.start, their.prevEnd) : 0;
    const right = t.end > their.end ? Math.min(t.end, their.nextStart) - their.end : 0;
    const found = [...(left > 0 ? sweep.peek(mine.start - left, mine.start) : NONE), ...(right > 0 ? sweep.peek(mine.end, mine.end + right) : NONE)];
    // One counterpart, or none: an item standing for two ("[2023][2024]" where "[2023] [2024]" stood) is no
    // one-for-one change of either.
    if (found.length !== 1) continue;
    sweep.take(found[0]!);
    out = out === NONE ? found : [...out, ...found];
  }
  return out;
}

function byStart(items: Found[]): Found[] {
  return items.sort((x, y) => x.start - y.start);
}

/** The item overlaps [start, end), or only whitespace separates them. */
function touches(text: string, f: Found, start: number, end: number): boolean {
  if (f.start < end && start < f.end) return true;
  if (f.end <= start) return isBlank(text, f.end, start);
  if (f.start >= end) return isBlank(text, end, f.start);
  return false;
}

/** Both sides hold the same items in the same order: pairUp would drop every pair and report nothing. */
function sameKeys(olds: readonly Found[], news: readonly Found[]): boolean {
  if (olds.length !== news.length) return false;
  for (let i = 0; i < olds.length; i++) if (olds[i]!.key !== news[i]!.key) return false;
  return true;
}

/**
 * A defined term used in an added sentence is not a change of defined term; its definition (the quoted
 * occurrence) added or removed is. Terms in a pair ("Participants" → "Parties") always count.
 */
function isDefinition(f: Found): boolean {
  return f.quoted === true;
}

/**
 * Two defined terms paired in one change are a swap of terms only when the change is little more than the
 * terms themselves ("the Participants" → "the Parties"), or when both are definitions. Inside a rewritten
 * passage, pairing "the Convention" with "Party" because they come in the same order is noise.
 */
function isTermSwap(o: Found, n: Found, change: ChangeRange): boolean {
  if (o.quoted && n.quoted) return true;
  const slack = 40;
  return change.oldEnd - change.oldStart <= o.text.length + slack && change.newEnd - change.newStart <= n.text.length + slack;
}

function pairUp(out: LegalChange[], type: LegalChangeType, olds: Found[], news: Found[], keepUnpaired: (f: Found) => boolean = keepAll,
  keepPair: (o: Found, n: Found) => boolean = keepAll): void {
  // The same item on both sides (same key) is not a change: drop such pairs, each old item with the first
  // new item of its key not dropped yet. (The lists are a few items long: a search beats a map.)
  const droppedNew = new Array<boolean>(news.length).fill(false);
  const a: Found[] = [];
  for (const o of olds) {
    let j = 0;
    while (j < news.length && (droppedNew[j] || news[j]!.key !== o.key)) j++;
    if (j === news.length) a.push(o); else droppedNew[j] = true;
  }
  const b: Found[] = [];
  for (let j = 0; j < news.length; j++) if (!droppedNew[j]) b.push(news[j]!);
  let next = 0; // pairing keeps reading order: a new item is never paired before one already paired
  for (const o of a) {
    let j = next;
    while (j < b.length && b[j]!.kind !== o.kind && o.kind !== ANY_KIND && b[j]!.kind !== ANY_KIND) j++;
    if (j >= b.length) { if (keepUnpaired(o)) out.push(describe(type, o, null)); continue; }
    for (let k = next; k < j; k++) if (keepUnpaired(b[k]!)) out.push(describe(type, null, b[k]!));
    if (keepPair(o, b[j]!)) out.push(describe(type, o, b[j]!));
    else {
      if (keepUnpaired(o)) out.push(describe(type, o, null));
      if (keepUnpaired(b[j]!)) out.push(describe(type, null, b[j]!));
    }
    next = j + 1;
  }
  for (let k = next; k < b.length; k++) if (keepUnpaired(b[k]!)) out.push(describe(type, null, b[k]!));
}

const keepAll = () => true;

function describe(type: LegalChangeType, o: Found | null, n: Found | null): LegalChange {
  const change: LegalChange = { type, old: o ? o.text : null, new: n ? n.text : null };
  if (type === 'obligation' && o && n) {
    // (A group of alternatives of several strengths has none: legal-alternatives.ts.)
    if (o.polarity === n.polarity && o.rank !== undefined && n.rank !== undefined) change.direction = n.rank > o.rank ? 'stronger' : n.rank < o.rank ? 'weaker' : 'same';
    else if (o.polarity !== undefined && n.polarity !== undefined && o.polarity !== n.polarity) change.reversed = true;
  } else if (type === 'obligation' && standsApart((o ?? n)!)) {
    // A reservation or an exception taken out leaves the obligation it qualified stronger; put in, weaker. (Each
    // pairs with its own kind only: an exception struck and a hedge put in are two changes.)
    change.direction = o ? 'stronger' : 'weaker';
  }
  if (o && n && (o.value === n.value || isCosmeticChange(o.text, n.text))) change.cosmetic = true;
  if (o) { change.oldStart = o.start; change.oldEnd = o.end; }
  if (n) { change.newStart = n.start; change.newEnd = n.end; }
  return change;
}

/**
 * Party names per `parties` object, built once: compareDrafts passes the same object for every clause pair,
 * and the name finder compiled from them (nameFinder caches by its names) is then reused too. Keyed weakly
 * on the object and checked against a snapshot of its entries, so that a caller editing the object in
 * place still gets fresh names.
 */
const partyNamesCache = new WeakMap<Record<string, string>, { snapshot: string[]; names: Map<string, string> }>();
let noPartyNames: Map<string, string> | null = null;

function partyNamesCached(parties: Record<string, string> | undefined): Map<string, string> {
  if (!parties) return (noPartyNames ??= partyNames(undefined));
  const hit = partyNamesCache.get(parties);
  if (hit && sameEntries(parties, hit.snapshot)) return hit.names;
  // A caller that builds an equal object for every clause pair (`{ parties: {} }`) gets the names built
  // last: building them, and their finder, cost more than the rest of the pair's analysis.
  if (lastPartyNames && sameEntries(parties, lastPartyNames.snapshot)) return lastPartyNames.names;
  const entry = { snapshot: Object.entries(parties).flat(), names: partyNames(parties) };
  partyNamesCache.set(parties, entry);
  lastPartyNames = entry;
  return entry.names;
}

let lastPartyNames: { snapshot: string[]; names: Map<string, string> } | null = null;

/** Whether the object's entries are still those of the snapshot (keys and values alternating, in order). */
function sameEntries(parties: Record<string, string>, snapshot: readonly string[]): boolean {
  const keys = Object.keys(parties);
  if (keys.length * 2 !== snapshot.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== snapshot[2 * i] || parties[keys[i]!] !== snapshot[2 * i + 1]) return false;
  return true;
}

/** The finder of the terms of the lists, except party names. */
function termFinder(names: ReadonlyMap<string, string>, lists: ReadonlyArray<readonly string[]>): NameFinder {
  const terms = new Map<string, string>();
  for (const list of lists) {
    for (const t of list) {
      // A quoted party name ("Australia") is a party, reported as such, not a second time as a term.
      if (!names.has(normalizeSpace(t))) terms.set(normalizeSpace(t), normalizeSpace(t));
    }
  }
  return nameFinder(terms, 'term');
}

const NO_STRINGS: readonly string[] = [];

/** The term finder when no term is defined: the usual case, built once. */
const NO_TERMS = nameFinder(new Map(), 'term');

/** The party-name finder of a (cached, never mutated) names map, built once per map. */
const partyFinders = new WeakMap<Map<string, string>, NameFinder>();

function partyFinder(names: Map<string, string>): NameFinder {
  let finder = partyFinders.get(names);
  if (!finder) partyFinders.set(names, (finder = nameFinder(names, 'party')));
  return finder;
}

/** Party names: the draft's parties (ids and names, each standing for its id) and the known countries. */
function partyNames(parties: Record<string, string> | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, canonical] of KNOWN_PARTIES) names.set(name, canonical);
  for (const [id, name] of Object.entries(parties ?? {})) {
    // A listed party's name, and any known short form of it, stand for its id.
    const canonical = names.get(normalizeSpace(name));
    // An id in lower case ("us", "eu") stands in a text in capitals: "us" as written is a pronoun ("let us").
    names.set(id === id.toLowerCase() ? id.toUpperCase() : id, id);
    names.set(normalizeSpace(name), id);
    if (canonical) for (const [n, c] of KNOWN_PARTIES) if (c === canonical) names.set(n, id);
  }
  return names;
}
