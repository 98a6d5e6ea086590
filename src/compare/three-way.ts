/**
 * Three-way comparison of two versions against a common base, clause by clause:
 *
 *   threeWay(base, first, second)  →  ThreeWayResult
 *
 * The three drafts are versions of one dossier, so a clause is the same clause on every side when it has the
 * same id. Each side's change since the base is the clause's state on that side — absent, or its title and
 * text — against the base's; numbering is left out, because renumbering alone is not an edit (a clause
 * inserted before it renumbers it on one side and that is not a conflict about it). Then per clause:
 *   unchanged    — neither side changed it;
 *   first-only   — only the first side changed it (edited, inserted or deleted it);
 *   second-only  — only the second side changed it;
 *   both-same    — both changed it and ended with the same state;
 *   conflict     — both changed it differently (one edited what the other deleted counts too); `overlap` says
 *                  whether they changed a sentence of the base's text in common (a paragraph or a schedule's
 *                  row ends a sentence too), or only different sentences.
 * A side that moved the clause among the others (as `parley diff` reads a move between the base and that side)
 * says so (`moved` on its side); a move alone leaves the status as it is, the clause's state being its title
 * and text, and two moves or a move and an edit can both stand.
 *
 * A side that split the clause or merged it with others (as `parley diff` aligns the base with that side) says
 * so too (`relation`), and its redline is measured as `parley diff` measures the split or merge: the clause's share
 * of the split, the merge against the clauses merged. The status still reads the clause's whole text; where both
 * sides made the same split, their changes combine over the stretch of the base each clause took, and where one side
 * split or merged and the other edited only what that side's clause is measured against, over that stretch too.
 * Where one side split a clause off, or merged one into another, and the other side edited that text where it
 * still stands on its side, the clause the first side made or kept is a conflict too, the other side's change its
 * edit of that text (`within`: readEditsOfSplitText, readEditsOfMergedText).
 *
 * Order: the first side's reading order, with clauses it does not have (deleted by it, or inserted by the
 * second side) placed after the nearest preceding clause they follow in their own draft.
 *
 * The text before the first clause (an imported draft's title block, which names the parties) is read the same
 * way, as an entry of its own (`front`) outside the clauses and their counts.
 */
import type { Clause, Draft } from '../model/draft.js';
import { walkClauses } from '../model/provisions.js';
import { clauseText } from '../model/text.js';
import { sentenceAt, sentenceStarts } from './sentences.js';
import { diffWords, type WordOp } from './words.js';
import { clauseLegal, clauseRedline, frontClause, newClauseShare, versionPair, type VersionPair } from './compare.js';
import { sameFormatting } from './formatting.js';
import type { LegalChangeJson } from './contract.js';
import { relationsBetween, type ClauseRelation, type Relations } from './history.js';
import type { RedlinePart } from './redline-parts.js';

import type { ThreeWayStatus } from './three-way-status.js';
export { THREE_WAY_STATUSES, type ThreeWayStatus } from './three-way-status.js';

/** What one side did to a clause since the base. */
export type SideChange = 'unchanged' | 'edited' | 'inserted' | 'deleted';

export interface ThreeWayClause {
  label: string;
  title: string;
  path: string[];
  /** Own text, bracketed language marked with [ ]. */
  text: string;
}

export interface ThreeWaySide {
  change: SideChange;
  /** This side moved the clause among the others since the base (see the module comment). */
  moved?: true;
  /** Redline of the clause text from the base to this side; empty when unchanged. */
  words: WordOp[];
  /** What changed in law from the base to this side, as `parley diff` lists it (edited clauses only). */
  legal: LegalChangeJson[];
  /** Redline of the title, when the title changed. */
  titleWords?: WordOp[];
  /**
   * The split or merge with other clauses of the base this side made that involves the clause (as `parley diff`
   * aligns the base with the side). A clause present on the side then has as `words` and `legal` its share of the
   * split's redline, or the merge's against the clauses it merged, as parley diff and parley history measure
   * them: paragraphs that went to another clause of the split are not struck, nor their obligations lost. A
   * clause whose text went into others (absent on the side) has no redline: its text is in theirs.
   */
  relation?: ClauseRelation;
  /** With a merge's `relation`: `words` cut where each merged clause's text begins, each further part headed by it. */
  parts?: RedlinePart<WordOp>[];
  /**
   * Where this side edited the clause's text in another clause, where that text still stands on this side: for a
   * clause the other side split off, which this side does not have, the clause it was split from (`words` and
   * `legal`: that edit, on the stretch of the base the clause took); for a clause the other side merged another
   * into, the clause merged in, which this side kept apart (`words` and `legal`: its edit of that clause).
   */
  within?: string;
}

export interface ThreeWayEntry {
  id: string;
  status: ThreeWayStatus;
  base: ThreeWayClause | null;
  first: ThreeWayClause | null;
  second: ThreeWayClause | null;
  firstChange: ThreeWaySide;
  secondChange: ThreeWaySide;
  /** For a conflict with the clause on both sides: the redline from the first side's text to the second's. */
  between?: WordOp[];
  /** With `between`: what in law stands between the two sides (first → second), the points to settle. */
  betweenLegal?: LegalChangeJson[];
  /**
   * For a conflict whose sides did not overlap (`overlap` false): the base's text with both sides' changes made,
   * as a redline against the base (each change as its side made it), and the title either side gave it.
   */
  combined?: { words: WordOp[]; title: string };
  /**
   * With `between` (and for a clause one side split off whose text the other edited: readEditsOfSplitText): whether
   * the two sides changed any sentence of the base's text in common (or both its title, differently); a change both
   * made alike counts once. A conflict whose sides did not — one side changed a row
   * of a schedule, the other another row, or another sentence or paragraph — can be settled by taking both
   * changes; one that did needs a choice.
   */
  overlap?: boolean;
  /**
   * With `combined`: the side whose clause already reads as both changes together (its title and text are the
   * combined ones), having made the other side's change as well as its own — the second side building on the
   * first, as a reply to a proposal does. Taking that side's clause settles the conflict.
   */
  holdsBoth?: 'first' | 'second';
}

export interface ThreeWayResult {
  summary: Record<ThreeWayStatus, number>;
  entries: ThreeWayEntry[];
  /**
   * The text before the first clause (an imported draft's title block: the parties' names), where a side
   * changed it: an entry of its own, with the id '' and no heading, counted in no summary (it is no clause).
   */
  front?: ThreeWayEntry;
}

interface Located {
  clause: ThreeWayClause;
  /** Reading-order position in its draft. */
  index: number;
}

function indexDraft(draft: Draft): { byId: Map<string, Located>; order: string[] } {
  const byId = new Map<string, Located>();
  const order: string[] = [];
  for (const { clause, path } of walkClauses(draft.clauses)) {
    // Ids are unique in a valid draft; should one repeat, the first occurrence stands for it.
    if (byId.has(clause.id)) continue;
    byId.set(clause.id, { clause: snapshot(clause, path, draft), index: order.length });
    order.push(clause.id);
  }
  return { byId, order };
}

function snapshot(clause: Clause, path: string[], draft: Draft | null): ThreeWayClause {
  const shot = { label: clause.label, title: clause.title, path, text: clauseText(clause, { brackets: 'marked' }) };
  sources.set(shot, clause);
  if (draft) drafts.set(shot, draft);
  return shot;
}

/** The clause each snapshot was taken of, for its provisions (the redline follows them: clauseRedline). */
const sources = new WeakMap<ThreeWayClause, Clause>();
/** The draft each clause's snapshot was taken in, for the renumbering and the footnotes of two versions (not the title block). */
const drafts = new WeakMap<ThreeWayClause, Draft>();
/** Two drafts as versionPair reads them, made once per pair (each reading flattens both drafts). */
const pairs = new WeakMap<Draft, WeakMap<Draft, VersionPair>>();

function pairOf(from: Draft, to: Draft): VersionPair {
  let byTarget = pairs.get(from);
  if (!byTarget) pairs.set(from, (byTarget = new WeakMap()));
  let pair = byTarget.get(to);
  if (!pair) byTarget.set(to, (pair = versionPair(from, to)));
  return pair;
}

/**
 * The redline of one snapshot's text against another's (every snapshot is taken by snapshot()), and what
 * changed in law between them.
 */
function redline(a: ThreeWayClause, b: ThreeWayClause, parties: Record<string, string>): { words: WordOp[]; legal: LegalChangeJson[] } {
  // A cross-reference renumbered with the clause it names, or a footnote mark with its note, is cosmetic, as
  // parley diff marks it.
  const from = drafts.get(a), to = drafts.get(b);
  return clauseRedline(sources.get(a)!, sources.get(b)!, a.text, b.text, parties, true, from && to ? pairOf(from, to) : undefined);
}

function sameState(a: ThreeWayClause | null, b: ThreeWayClause | null): boolean {
  if (!a || !b) return a === b;
  return a.title === b.title && a.text === b.text && sameFormatting(sources.get(a)!, sources.get(b)!);
}

function sideChange(base: ThreeWayClause | null, side: ThreeWayClause | null, parties: Record<string, string>): ThreeWaySide {
  if (sameState(base, side)) return { change: 'unchanged', words: [], legal: [] };
  if (!base) return { change: 'inserted', words: side!.text ? [{ op: 'insert', text: side!.text }] : [], legal: [] };
  if (!side) return { change: 'deleted', words: base.text ? [{ op: 'delete', text: base.text }] : [], legal: [] };
  const out: ThreeWaySide = { change: 'edited', ...redline(base, side, parties) };
  if (base.title !== side.title) out.titleWords = diffWords(base.title, side.title);
  return out;
}

/**
 * One reading order over three drafts: the first side's order, then each id it lacks slotted in after the
 * nearest id before it (in its own draft) that is already placed, or at the start.
 */
function mergedOrder(first: string[], others: string[][]): string[] {
  const out = [...first];
  const placed = new Set(out);
  for (const order of others) {
    order.forEach((id, k) => {
      if (placed.has(id)) return;
      let at = 0;
      for (let j = k - 1; j >= 0; j--) {
        const pos = out.indexOf(order[j]!);
        if (pos >= 0) { at = pos + 1; break; }
      }
      out.splice(at, 0, id);
      placed.add(id);
    });
  }
  return out;
}

export function threeWay(base: Draft, first: Draft, second: Draft): ThreeWayResult {
  const b = indexDraft(base);
  const f = indexDraft(first);
  const s = indexDraft(second);
  const summary: Record<ThreeWayStatus, number> = { unchanged: 0, 'first-only': 0, 'second-only': 0, 'both-same': 0, conflict: 0 };
  const parties = { ...base.meta.parties, ...first.meta.parties, ...second.meta.parties };
  const byFirst = relationsBetween(base, first), bySecond = relationsBetween(base, second);
  const entries = mergedOrder(f.order, [s.order, b.order]).map((id): ThreeWayEntry => {
    const entry = entryOf(id, b.byId.get(id)?.clause ?? null, f.byId.get(id)?.clause ?? null, s.byId.get(id)?.clause ?? null, parties);
    // After entryOf: the status, and the two changes combined, read the clause's whole text against the base's.
    applyReading(entry.firstChange, id, byFirst, parties, pairOf(base, first));
    applyReading(entry.secondChange, id, bySecond, parties, pairOf(base, second));
    if (entry.status === 'conflict' && entry.first && entry.second) {
      const shared = sharedBaseOfShares(entry.firstChange, entry.secondChange);
      if (shared !== null) settle(entry, shared);
      else if (entry.base) settleOverOneShare(entry, entry.base.text);
    }
    return entry;
  });
  readEditsOfSplitText(entries, parties);
  readEditsOfMergedText(entries, parties);
  for (const entry of entries) summary[entry.status]++;
  const front = entryOf('', frontOf(base), frontOf(first), frontOf(second), parties);
  return front.status === 'unchanged' ? { summary, entries } : { summary, entries, front };
}

/** A side's move, split or merge of the clause, and its redline measured as the split or merge made it. */
function applyReading(side: ThreeWaySide, id: string, reading: Relations, parties: Record<string, string>, versions: VersionPair): void {
  if (reading.moved.has(id)) side.moved = true;
  if (side.change === 'unchanged') return;
  const made = reading.made.get(id);
  if (made) {
    side.relation = made.relation;
    Object.assign(side, newClauseShare(made, parties, versions));
    return;
  }
  const went = side.change === 'deleted' ? reading.went.get(id) : undefined;
  if (went) {
    side.relation = went;
    side.words = [];
  }
}

/** A draft's title block as a clause snapshot; null where it has no text. */
function frontOf(draft: Draft): ThreeWayClause | null {
  if (draft.front.length === 0) return null;
  const shot = snapshot(frontClause(draft), [], null);
  return shot.text.trim() ? shot : null;
}

/** What each side did to one clause since the base, and whether the two agree. */
function entryOf(id: string, baseClause: ThreeWayClause | null, firstClause: ThreeWayClause | null, secondClause: ThreeWayClause | null, parties: Record<string, string>): ThreeWayEntry {
  const firstChange = sideChange(baseClause, firstClause, parties);
  const secondChange = sideChange(baseClause, secondClause, parties);
  const firstMoved = firstChange.change !== 'unchanged';
  const secondMoved = secondChange.change !== 'unchanged';
  const status: ThreeWayStatus = !firstMoved && !secondMoved ? 'unchanged'
    : firstMoved && !secondMoved ? 'first-only'
    : !firstMoved ? 'second-only'
    : sameState(firstClause, secondClause) ? 'both-same' : 'conflict';
  const entry: ThreeWayEntry = { id, status, base: baseClause, first: firstClause, second: secondClause, firstChange, secondChange };
  if (status === 'conflict' && firstClause && secondClause) {
    const between = redline(firstClause, secondClause, parties);
    entry.between = between.words;
    entry.betweenLegal = between.legal;
    settle(entry, baseClause?.text ?? null);
  }
  return entry;
}

/**
 * Whether a conflict's two changes overlap, and where they do not, the text with both: the two sides' redlines
 * merged over `baseText`, the base's text they were both measured against (none: the base lacks the clause).
 */
function settle(entry: ThreeWayEntry, baseText: string | null, firstWords = entry.firstChange.words, secondWords = entry.secondChange.words): void {
  const { firstChange, secondChange } = entry;
  const firstClause = entry.first!, secondClause = entry.second!;
  delete entry.combined;
  delete entry.holdsBoth;
  // Both gave the clause a new title, and not the same one.
  const titles = firstChange.titleWords !== undefined && secondChange.titleWords !== undefined && firstClause.title !== secondClause.title;
  const merged = baseText !== null ? mergeChanges(baseText, firstWords, secondWords) : null;
  entry.overlap = titles || merged === null;
  if (entry.overlap) return;
  entry.combined = { words: merged!, title: firstChange.titleWords ? firstClause.title : secondClause.title };
  const text = newTextOf(merged!);
  for (const [side, shot] of [['first', firstClause], ['second', secondClause]] as const) {
    if (shot.text === text && shot.title === entry.combined.title) entry.holdsBoth = side;
  }
}

/**
 * Where both sides made the same split or merge of a clause, the base's text their shares of it were measured
 * against (the stretch of the base that went to this clause), so that their two changes combine over it as over
 * a clause both kept whole; null where they did not, or measured it against different text.
 */
function sharedBaseOfShares(first: ThreeWaySide, second: ThreeWaySide): string | null {
  const a = first.relation, b = second.relation;
  if (!a || !b || a.kind !== b.kind || a.from.join('\n') !== b.from.join('\n') || a.into.join('\n') !== b.into.join('\n')) return null;
  const text = oldTextOf(first.words);
  return text === oldTextOf(second.words) ? text : null;
}

/**
 * Where one side split the clause (or merged others into it) and the other edited it whole, the two changes
 * combined over the stretch of text the split side's clause is measured against (its share: applyReading), so
 * that the text the split gave to another clause is not struck from the combination as if deleted. Only where the
 * other side's changes all fall inside that stretch; otherwise (it changed text that went to another clause of
 * the split) the whole-text reading made by entryOf stands.
 */
function settleOverOneShare(entry: ThreeWayEntry, baseText: string): void {
  const { firstChange, secondChange } = entry;
  const firstShares = firstChange.relation !== undefined, secondShares = secondChange.relation !== undefined;
  if (firstShares === secondShares) return;
  const share = firstShares ? firstChange : secondChange;
  const whole = firstShares ? secondChange : firstChange;
  const stretch = oldTextOf(share.words);
  const onStretch = redlineOnStretch(whole.words, baseText, stretch);
  if (onStretch === null) return;
  if (firstShares) settle(entry, stretch, share.words, onStretch);
  else settle(entry, stretch, onStretch, share.words);
}

/** The text a redline was measured against: its equal and deleted words. */
function oldTextOf(words: readonly WordOp[]): string {
  return words.filter((op) => op.op !== 'insert').map((op) => op.text).join('');
}

/** The text a redline arrives at: its equal and inserted words. */
function newTextOf(words: readonly WordOp[]): string {
  return words.filter((op) => op.op !== 'delete').map((op) => op.text).join('');
}

/**
 * A redline of `base` re-read as a redline of `stretch`, where one text holds the other: a split's share of the base
 * (every change must fall inside it, insertions at its ends included), or a merge's joined text holding the base
 * (the text around it equal). Null where neither holds the other once, or a change falls outside the share.
 */
function redlineOnStretch(words: readonly WordOp[], base: string, stretch: string): WordOp[] | null {
  if (stretch === base) return [...words];
  const inside = redlineInside(words, base, stretch, 'refuse');
  if (inside !== undefined) return inside;
  const around = stretch.indexOf(base);
  if (around >= 0 && stretch.indexOf(base, around + 1) < 0) {
    const before = stretch.slice(0, around), after = stretch.slice(around + base.length);
    return [...(before ? [{ op: 'equal' as const, text: before }] : []), ...words, ...(after ? [{ op: 'equal' as const, text: after }] : [])];
  }
  return null;
}

/**
 * The part of a redline of `base` that falls in `stretch`, a text `base` holds once (undefined where it does not):
 * its equal text cut to the stretch, its changes inside it kept (insertions at its ends included); a change outside
 * the stretch makes it null (`outside` 'refuse') or is left out ('drop'). A change across an end of it: null.
 */
function redlineInside(words: readonly WordOp[], base: string, stretch: string, outside: 'refuse' | 'drop'): WordOp[] | null | undefined {
  const from = base.indexOf(stretch);
  if (from < 0 || base.indexOf(stretch, from + 1) >= 0) return undefined;
  const to = from + stretch.length;
  const out: WordOp[] = [];
  let at = 0;
  for (const op of words) {
    if (op.op === 'insert') {
      if (at >= from && at <= to) out.push(op);
      else if (outside === 'refuse') return null;
      continue;
    }
    const end = at + op.text.length;
    if (op.op === 'delete') {
      if (at >= from && end <= to) out.push(op);
      else if (outside === 'refuse' || (end > from && at < to)) return null;
    } else if (end > from && at < to) {
      out.push({ ...op, text: op.text.slice(Math.max(0, from - at), Math.min(op.text.length, to - at)) });
    }
    at = end;
  }
  return out;
}

/**
 * A clause one side split off (in neither the base nor the other side) whose text the other side edited where that
 * text still stands, in the clause it was split from: both changed that text, so the clause is a conflict, and the
 * other side's change is its edit of that stretch (`within`: the clause it made it in), with what that changed in
 * law; where the two changes do not meet, both together over that stretch.
 */
function readEditsOfSplitText(entries: ThreeWayEntry[], parties: Record<string, string>): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) {
    if (entry.base || entry.status === 'conflict') continue;
    const splitBy = entry.first && !entry.second ? 'first' : entry.second && !entry.first ? 'second' : null;
    if (!splitBy) continue;
    const split = splitBy === 'first' ? entry.firstChange : entry.secondChange;
    const from = split.relation?.kind === 'split' && split.relation.from.length === 1 ? byId.get(split.relation.from[0]!) : undefined;
    if (!from?.base) continue;
    // The other side kept that clause whole and edited it.
    const otherOfFrom = splitBy === 'first' ? from.secondChange : from.firstChange;
    if (otherOfFrom.change !== 'edited' || otherOfFrom.relation) continue;
    const stretch = oldTextOf(split.words);
    const inside = redlineInside(otherOfFrom.words, from.base.text, stretch, 'drop');
    if (!inside || inside.every((op) => op.op === 'equal')) continue;
    const text = newTextOf(inside);
    const edited: ThreeWaySide = { change: 'edited', within: from.id, words: inside, legal: stretchLegal(stretch, text, inside, from.base, splitBy === 'first' ? from.second : from.first, parties) };
    if (splitBy === 'first') entry.secondChange = edited; else entry.firstChange = edited;
    entry.status = 'conflict';
    const [firstWords, secondWords] = splitBy === 'first' ? [split.words, inside] : [inside, split.words];
    const merged = mergeChanges(stretch, firstWords, secondWords);
    entry.overlap = merged === null;
    if (!merged) continue;
    const clause = (entry.first ?? entry.second)!;
    entry.combined = { words: merged, title: clause.title };
    // The splitting side may have made the other side's edit too: its clause then reads as both together.
    if (newTextOf(merged) === clause.text) entry.holdsBoth = splitBy;
  }
}

/**
 * What changed in law in a stretch of a clause (the part another side split off), as `parley diff` reads it, the
 * party of a bracketed proposal included: the brackets are read over the whole clause on each side, where the
 * stretch stands in it once.
 */
function stretchLegal(stretch: string, text: string, words: WordOp[], base: ThreeWayClause, side: ThreeWayClause | null, parties: Record<string, string>): LegalChangeJson[] {
  const whole = (shot: ThreeWayClause | null, part: string) => {
    const at = shot ? shot.text.indexOf(part) : -1;
    return shot && at >= 0 && shot.text.indexOf(part, at + 1) < 0 ? { clause: sources.get(shot)!, whole: { text: shot.text, at } } : null;
  };
  const before = whole(base, stretch), after = whole(side, text);
  if (!before || !after) return clauseLegal(stretch, text, words, [], [], [], parties);
  return clauseLegal(stretch, text, words, [], [before.clause], [after.clause], parties, { old: before.whole, new: after.whole });
}

/**
 * The mirror of readEditsOfSplitText: a clause one side merged others into, whose merged-in text the other side
 * edited where it still stands, in the clause it kept apart. Read whole, the merged clause is that side's change
 * only (the other side left the clause itself alone), but taking it would lose the other side's edit: both
 * changed that text, so the clause is a conflict, and the other side's change is its edit (`within`: the clause
 * it made it in), with what that changed in law; where the two changes do not meet, both together over the
 * merge's text. Only where the other side edited one clause of the merge, and not the merged clause itself (that
 * is a conflict already, read over the merge's share: settleOverOneShare).
 */
function readEditsOfMergedText(entries: ThreeWayEntry[], parties: Record<string, string>): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) {
    if (entry.status !== 'first-only' && entry.status !== 'second-only') continue;
    if (!entry.base || !entry.first || !entry.second) continue;
    const mergedBy = entry.status === 'first-only' ? 'first' : 'second';
    const merge = mergedBy === 'first' ? entry.firstChange : entry.secondChange;
    if (merge.relation?.kind !== 'merged' || merge.relation.into.length !== 1 || merge.relation.into[0] !== entry.id) continue;
    // The clauses merged in that the other side edited, kept apart, and did nothing else to.
    const edited = merge.relation.from.filter((id) => id !== entry.id).map((id) => byId.get(id)).filter((e): e is ThreeWayEntry => {
      const other = e && (mergedBy === 'first' ? e.secondChange : e.firstChange);
      return other !== undefined && other.change === 'edited' && !other.relation && e!.base !== null;
    });
    if (edited.length !== 1) continue;
    const from = edited[0]!;
    const otherOfFrom = mergedBy === 'first' ? from.secondChange : from.firstChange;
    const joined = oldTextOf(merge.words);
    const onJoined = redlineOnStretch(otherOfFrom.words, from.base!.text, joined);
    if (onJoined === null) continue;
    const change: ThreeWaySide = { change: 'edited', within: from.id, words: otherOfFrom.words, legal: otherOfFrom.legal };
    if (mergedBy === 'first') entry.secondChange = change; else entry.firstChange = change;
    entry.status = 'conflict';
    const between = redline(entry.first, entry.second, parties);
    entry.between = between.words;
    entry.betweenLegal = between.legal;
    if (mergedBy === 'first') settle(entry, joined, merge.words, onJoined);
    else settle(entry, joined, onJoined, merge.words);
  }
}

/** One change a side made to the base's text. */
interface Hunk {
  /** The base's characters [from, to) it replaces, where the side's redline set it, and its ops there. */
  from: number;
  to: number;
  ops: WordOp[];
  /** What tells two hunks alike (keyOf): the change at the leftmost place where it reads the same. */
  key: string;
}

/** The changes of a redline of the base, each a run of deletes and inserts between equal text. */
function hunksOf(ops: readonly WordOp[], base: string): Hunk[] {
  const hunks: Hunk[] = [];
  let offset = 0;
  let open: Hunk | null = null;
  for (const op of ops) {
    if (op.op === 'equal') {
      open = null;
      offset += op.text.length;
      continue;
    }
    if (!open) hunks.push((open = { from: offset, to: offset, ops: [], key: '' }));
    open.ops.push(op);
    if (op.op === 'delete') open.to = offset += op.text.length;
  }
  for (const h of hunks) h.key = keyOf(h, base);
  return hunks;
}

/**
 * A hunk's identity: where it starts and ends and what it takes out and puts in, a change that only inserts or
 * only deletes taken at the leftmost place where it reads the same. Two word diffs may set one sentence added in
 * the same words at different places ("risks. |They will meet. |" or "risks|. They will meet|."), and a change
 * both sides made must be seen to be one change.
 */
function keyOf(h: Hunk, base: string): string {
  const deleted = h.ops.filter((o) => o.op === 'delete').map((o) => o.text).join('');
  const inserted = h.ops.filter((o) => o.op === 'insert').map((o) => o.text).join('');
  let start = h.from;
  if (deleted === '' || inserted === '') {
    let text = deleted || inserted;
    while (start > 0 && text !== '' && base[start - 1] === text[text.length - 1]) {
      text = base[start - 1] + text.slice(0, -1);
      start--;
    }
    return JSON.stringify([start, deleted ? 'delete' : 'insert', text]);
  }
  return JSON.stringify([start, h.to, deleted, inserted]);
}

/**
 * The base's text with both sides' changes made, as a redline against it; null where the two sides change a
 * sentence of the base in common (sentences.ts: a paragraph or a schedule's row ends one too). A change both
 * sides made alike (a sentence each added in the same words, in the same place) is agreed, and counts once.
 * A side that inserted the clause has no base text to share: the sides meet (both wrote the whole clause),
 * which the caller decides before asking.
 */
function mergeChanges(base: string, first: readonly WordOp[], second: readonly WordOp[]): WordOp[] | null {
  const ours = hunksOf(first, base), theirs = hunksOf(second, base);
  const theirKeys = new Set(theirs.map((t) => t.key)), ourKeys = new Set(ours.map((h) => h.key));
  // The agreed changes are taken as the first side wrote them.
  const agreed = ours.filter((h) => theirKeys.has(h.key));
  const onlyOurs = ours.filter((h) => !theirKeys.has(h.key));
  const onlyTheirs = theirs.filter((t) => !ourKeys.has(t.key));
  const starts = sentenceStarts(base);
  const touched = sentencesOf(onlyOurs, starts);
  for (const sentence of sentencesOf(onlyTheirs, starts)) if (touched.has(sentence)) return null;
  const hunks = [...agreed, ...onlyOurs, ...onlyTheirs].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: WordOp[] = [];
  let at = 0;
  for (const hunk of hunks) {
    // Disjoint sentences leave disjoint text; this guards the rule above.
    if (hunk.from < at) return null;
    if (hunk.from > at) out.push({ op: 'equal', text: base.slice(at, hunk.from) });
    // Offsets dropped: they point into the side's text, not the combined one.
    for (const { op, text, cosmetic, moved, style } of hunk.ops) out.push({ op, text, ...(cosmetic !== undefined && { cosmetic }), ...(moved && { moved }), ...(style && { style }) });
    at = hunk.to;
  }
  if (at < base.length) out.push({ op: 'equal', text: base.slice(at) });
  return out;
}

/**
 * The sentences of the base that changes touch: each sentence a change takes text from, and the sentence text
 * is put in — both sentences where it goes in between two (a sentence added after another, or before it, meets
 * a change to either).
 */
function sentencesOf(hunks: readonly Hunk[], starts: readonly number[]): Set<number> {
  const touched = new Set<number>();
  for (const { from: start, to: end, ops } of hunks) {
    const at = sentenceAt(starts, start);
    for (let k = at, last = sentenceAt(starts, Math.max(start, end - 1)); k <= last; k++) touched.add(k);
    if (ops.some((op) => op.op === 'insert') && at > 0 && starts[at] === start) touched.add(at - 1);
  }
  return touched;
}

