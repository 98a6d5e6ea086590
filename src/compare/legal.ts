/**
 * What changed in law inside one aligned pair of clauses.
 *
 * `legalChanges(old, new, ops?, options?)` lists, each with the words before and after (null when added or
 * removed): obligation strength (obligation-lexicon.ts, docs/legal-lexicon.md) with its direction; figures,
 * amounts, percentages and time limits; dates; defined terms; party names.
 *
 * How it works. The word diff (`ops`, computed when not given) splits the texts into equal stretches and
 * changes. For each change, the finders (legal-find.ts) run over both whole texts and we keep the items
 * that touch the change — overlap it, or sit next to it with only whitespace between, so that "shall" →
 * "shall not" (where only "not" was inserted) still sees "shall" on the old side. Items with the same key
 * on both sides are the same item (an unchanged "shall" next to a changed word); the rest are paired in
 * reading order, each old item with the next new item of the same kind (never a sum of money with a time
 * limit); an old item left over was removed, a new one added — except a defined term, whose mere use in
 * an added or removed passage is not reported, only its definition (quoted), and two terms are paired only
 * where the change is little more than the terms (isTermSwap). An item is reported once,
 * with the first change it touches.
 *
 * Direction (obligations only): both sides of the same polarity compare their ranks (stronger, weaker,
 * same); a change of polarity ("shall" → "shall not") reverses the obligation and has no direction; an
 * obligation added or removed has none either. Negative forms compare the strength of the prohibition:
 * "shall not" → "will not" is weaker.
 *
 * Cosmetic: a figure or date whose value is unchanged but whose wording changed ("thirty (30) days" →
 * "30 days", "26th of October 2025" → "October 26, 2025") is reported with `cosmetic: true`, so that a
 * reader can hide it.
 */
import { isCosmeticChange } from './cosmetic.js';
import { KNOWN_PARTIES, findDatesIn, findDefinedTerms, findFiguresExcept, findObligationsIn, isBlank, isScanBarrier, nameFinder, nextScanBarrier, normalizeSpace, type Found } from './legal-find.js';
import { diffWords, type WordOp } from './words.js';

export type LegalChangeType = 'obligation' | 'figure' | 'date' | 'defined-term' | 'party';

export interface LegalChange {
  type: LegalChangeType;
  old: string | null;
  new: string | null;
  direction?: 'stronger' | 'weaker' | 'same';
  /** The value did not change, only how it is written (figures, dates), or only cosmetically. */
  cosmetic?: boolean;
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

/** One change of the word diff: its range in the old text and in the new text (either may be empty). */
interface ChangeRange { oldStart: number; oldEnd: number; newStart: number; newEnd: number }

export function legalChanges(oldText: string, newText: string, ops?: WordOp[], options: LegalOptions = {}): LegalChange[] {
  const changes = changeRanges(ops ?? diffWords(oldText, newText));
  if (changes.length === 0) return [];

  const names = partyNamesCached(options.parties);
  const terms = new Map<string, string>();
  for (const t of [...(options.definedTerms ?? []), ...findDefinedTerms(oldText), ...findDefinedTerms(newText)]) {
    // A quoted party name ("Australia") is a party, reported as such, not a second time as a term.
    if (!names.has(normalizeSpace(t))) terms.set(normalizeSpace(t), normalizeSpace(t));
  }
  const findTerms = nameFinder(terms, 'term');
  const findParties = partyFinder(names);
  const find = (text: string, near: ReadonlyArray<readonly [number, number]>): Array<[LegalChangeType, Found[]]> => {
    // Obligations, figures and dates are looked for only in the stretches between scan barriers around the
    // changes (see scanRanges): there, they are exactly the items of a scan of the whole text, and every item
    // that touches a change lies there.
    const ranges = scanRanges(text, near);
    // A figure inside a date is not a figure. A date that overlaps a figure lies in the figure's stretch (it
    // holds no barrier either), so the dates of the same stretches are all the test needs.
    const dates = findDatesIn(text, ranges);
    const isDate = (start: number, end: number): boolean => dates.some((d) => d.start < end && start < d.end);
    return [
      ['obligation', findObligationsIn(text, ranges)],
      ['figure', findFiguresExcept(text, isDate, ranges)],
      ['date', dates],
      ['defined-term', findTerms(text)],
      ['party', findParties(text)],
    ];
  };
  const oldFound = findAround(oldText, changes.map((c) => [c.oldStart, c.oldEnd]), find);
  const newFound = findAround(newText, changes.map((c) => [c.newStart, c.newEnd]), find);

  const out: LegalChange[] = [];
  for (let c = 0; c < oldFound.length; c++) {
    const [type, olds] = oldFound[c]!;
    const news = newFound[c]![1];
    const oldSweep = new Sweep(oldText, olds);
    const newSweep = new Sweep(newText, news);
    for (const change of changes) {
      const a = oldSweep.touching(change.oldStart, change.oldEnd);
      const b = newSweep.touching(change.newStart, change.newEnd);
      if (a.length === 0 && b.length === 0) continue;
      if (type === 'defined-term') out.push(...pairUp(type, a, b, isDefinition, (o, n) => isTermSwap(o, n, change)));
      else out.push(...pairUp(type, a, b));
    }
  }
  return out;
}

/**
 * Items of one text, handed out to the changes that touch them in one left-to-right pass (changes come in
 * text order), each item at most once. Linear overall, whatever the number of changes.
 */
class Sweep {
  private next = 0;
  private readonly used = new Set<Found>();
  constructor(private readonly text: string, private readonly items: Found[]) {
    this.items = [...items].sort((x, y) => x.start - y.start);
  }

  touching(start: number, end: number): Found[] {
    const items = this.items;
    // Items wholly before this change and not touching it cannot touch any later change either.
    while (this.next < items.length && items[this.next]!.end <= start && !touches(this.text, items[this.next]!, start, end)) this.next++;
    const out: Found[] = [];
    for (let i = this.next; i < items.length; i++) {
      const f = items[i]!;
      if (f.start >= end && !touches(this.text, f, start, end)) break;
      if (!this.used.has(f) && touches(this.text, f, start, end)) { out.push(f); this.used.add(f); }
    }
    return out;
  }
}

/**
 * How far around a change the finders look. Only items that touch a change matter, and no item is this
 * long, so an item cut by the edge of a window never touches the change the window is for. Looking only
 * near the changes makes the analysis after a keystroke cost the size of the change, not of the clause.
 */
const MARGIN = 400;

type Finder = (text: string, near: ReadonlyArray<readonly [number, number]>) => Array<[LegalChangeType, Found[]]>;

/**
 * Run the finders over windows around the ranges (merged where they overlap), offsets in `text`. Each
 * finder call also gets, in window offsets, the stretches [a, b] (inclusive) where an item that touches a
 * change must have at least one character: the change itself, widened over the whitespace on each side to
 * the nearest other character (an item that only sits next to a change, across whitespace, ends or starts
 * there).
 */
function findAround(text: string, ranges: Array<[number, number]>, find: Finder): Array<[LegalChangeType, Found[]]> {
  const windows: Array<[number, number]> = [];
  if (text.length <= 4 * MARGIN) windows.push([0, text.length]);
  else {
    for (const [start, end] of ranges) {
      const from = snapBack(text, Math.max(0, start - MARGIN));
      const to = snapForward(text, Math.min(text.length, end + MARGIN));
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to); else windows.push([from, to]);
    }
  }
  const touch: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    let a = start - 1;
    while (a >= 0 && isBlank(text, a, a + 1)) a--;
    let b = end;
    while (b < text.length && isBlank(text, b, b + 1)) b++;
    touch.push([Math.max(0, a), Math.min(text.length - 1, b)]);
  }
  let result: Array<[LegalChangeType, Found[]]> | null = null;
  for (const [from, to] of windows) {
    const near: Array<[number, number]> = [];
    for (const [a, b] of touch) if (a < to && b >= from) near.push([Math.max(a, from) - from, Math.min(b, to - 1) - from]);
    const found = find(from === 0 && to === text.length ? text : text.slice(from, to), near);
    // The finders return fresh items on every call: shifting them in place saves a copy of each.
    if (from !== 0) for (const [, items] of found) for (const f of items) { f.start += from; f.end += from; }
    if (!result) result = found; else found.forEach(([, items], i) => result![i]![1].push(...items));
  }
  return result ?? find('', []);
}

/**
 * The stretches of `text` to scan so that every obligation, figure or date with a character in one of the `near`
 * ranges [a, b] is found: from just after the last scan barrier at or before a (or the start) to the first
 * barrier at or after b (or the end). Such an item holds no barrier, so it lies inside; and a scan starting
 * just after a barrier finds what the whole scan finds there (isScanBarrier). Sorted, merged.
 */
function scanRanges(text: string, near: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  // Each span with the range [a, b] it was made for.
  const spans: Array<[number, number, number, number]> = [];
  for (const [a, b] of near) {
    // Ranges come in text order. Then a walk back that reaches the previous stretch joins it (the exact
    // start lies between the previous start and its end, so the union is the same), and a walk forward that
    // starts inside it ends where that one did (no barrier lies between): the walks cost the length of the
    // text once, not once per change (many changes in one long paragraph).
    const last = spans[spans.length - 1];
    const ordered = last !== undefined && a >= last[2] && b >= last[3];
    let q = a;
    const floor = ordered ? last[1] : 0;
    while (q > floor && !isScanBarrier(text, q)) q--;
    if (isScanBarrier(text, q)) q++;
    else if (ordered && q <= last[1]) q = last[0];
    let r: number;
    if (ordered && b < last[1]) r = last[1];
    else {
      r = nextScanBarrier(text, b);
    }
    if (q < r) spans.push([q, r, a, b]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [q, r] of spans) {
    const last = out[out.length - 1];
    if (last && q <= last[1]) last[1] = Math.max(last[1], r); else out.push([q, r]);
  }
  return out;
}

/** A window starts at a line start when there is one nearby, else after whitespace: never inside a word. */
function snapBack(text: string, at: number): number {
  // Bounded look-back: an unbounded lastIndexOf would make many changes in one long line quadratic.
  for (let i = at - 1; i >= Math.max(0, at - 200); i--) if (text.charCodeAt(i) === 10) return i + 1;
  while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
  return at;
}

function snapForward(text: string, at: number): number {
  while (at < text.length && !/\s/.test(text[at]!)) at++;
  return at;
}

/** Maximal runs of non-equal ops, as ranges in both texts. */
function changeRanges(ops: readonly WordOp[]): ChangeRange[] {
  const ranges: ChangeRange[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: ChangeRange | null = null;
  for (const op of ops) {
    if (op.op === 'equal') {
      open = null;
      oldPos += op.text.length;
      newPos += op.text.length;
      continue;
    }
    if (!open) { open = { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos }; ranges.push(open); }
    if (op.op === 'delete') { oldPos += op.text.length; open.oldEnd = oldPos; } else { newPos += op.text.length; open.newEnd = newPos; }
  }
  return ranges;
}

/** The item overlaps [start, end), or only whitespace separates them. */
function touches(text: string, f: Found, start: number, end: number): boolean {
  if (f.start < end && start < f.end) return true;
  if (f.end <= start) return isBlank(text, f.end, start);
  if (f.start >= end) return isBlank(text, end, f.start);
  return false;
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

function pairUp(type: LegalChangeType, olds: Found[], news: Found[], keepUnpaired: (f: Found) => boolean = () => true,
  keepPair: (o: Found, n: Found) => boolean = () => true): LegalChange[] {
  // The same item on both sides (same key) is not a change: drop such pairs.
  const byKey = new Map<string, number[]>();
  news.forEach((f, j) => { const list = byKey.get(f.key); if (list) list.push(j); else byKey.set(f.key, [j]); });
  const droppedNew = new Set<number>();
  const a: Found[] = [];
  for (const o of olds) {
    const j = byKey.get(o.key)?.shift();
    if (j === undefined) a.push(o); else droppedNew.add(j);
  }
  const b = news.filter((_, j) => !droppedNew.has(j));
  const out: LegalChange[] = [];
  let next = 0; // pairing keeps reading order: a new item is never paired before one already paired
  for (const o of a) {
    let j = next;
    while (j < b.length && b[j]!.kind !== o.kind) j++;
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
  return out;
}

function describe(type: LegalChangeType, o: Found | null, n: Found | null): LegalChange {
  const change: LegalChange = { type, old: o ? o.text : null, new: n ? n.text : null };
  if (type === 'obligation' && o && n) {
    if (o.polarity === n.polarity) change.direction = n.rank! > o.rank! ? 'stronger' : n.rank! < o.rank! ? 'weaker' : 'same';
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
const partyNamesCache = new WeakMap<Record<string, string>, { snapshot: string; names: Map<string, string> }>();
let noPartyNames: Map<string, string> | null = null;

function partyNamesCached(parties: Record<string, string> | undefined): Map<string, string> {
  if (!parties) return (noPartyNames ??= partyNames(undefined));
  const snapshot = JSON.stringify(Object.entries(parties));
  const hit = partyNamesCache.get(parties);
  if (hit && hit.snapshot === snapshot) return hit.names;
  const names = partyNames(parties);
  partyNamesCache.set(parties, { snapshot, names });
  return names;
}

/** The party-name finder of a (cached, never mutated) names map, built once per map. */
const partyFinders = new WeakMap<Map<string, string>, (text: string) => Found[]>();

function partyFinder(names: Map<string, string>): (text: string) => Found[] {
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
    names.set(id, id);
    names.set(normalizeSpace(name), id);
    if (canonical) for (const [n, c] of KNOWN_PARTIES) if (c === canonical) names.set(n, id);
  }
  return names;
}
