/**
 * compareDrafts: the whole comparison of two drafts, in the shape of the `parley diff --format json`
 * contract (contract.ts). Clauses are aligned first (align.ts); words are diffed only inside aligned pairs
 * (words.ts); what changed in law is read from those diffs (legal.ts).
 */
import type { Clause, Draft } from '../model/draft.js';
import { blocksText, clauseText } from '../model/text.js';
import { alignDrafts, flattenDraft, type AlignOptions, type Alignment, type ClauseChange, type FlatClause } from './align.js';
import type { ClauseChangeJson, ClauseRefJson, ComparisonJson, LegalChangeJson, ProvisionChangeJson, StaleReferenceJson, WordOpJson } from './contract.js';
import { legalChangesWithMoves, type LegalChange } from './legal.js';
import { ProposalReader, type ComparedSide } from './proposed-by.js';
import { StaleReferences, type StaleReference } from './stale-references.js';
import { diffWords, type WordOp } from './words.js';
import { movedRows } from './table-rows.js';
import { markMovedText } from './moved-text.js';
import { rowNameAt } from '../model/pipe-table.js';
import { clauseStarts, clausesStyleRuns, markFormatting } from './formatting.js';
import { diffByProvisions, redlineClauses, type MovedText } from './words-by-provision.js';
import { ReferenceMap } from './reference-map.js';
import { markRenumberedReferences } from './renumbered-references.js';
import { markRenumberedParagraphs } from './renumbered-paragraphs.js';
import { footnotesIn, markRenumberedFootnotes, type Footnotes } from './renumbered-footnotes.js';
import { pairsProvisions, provisionsOnDemand, type ProvisionChange } from './provisions-align.js';
import { sameLabel } from './normalize.js';
import { redlineParts, type RedlinePart } from './redline-parts.js';

export interface CompareOptions extends AlignOptions {
  /**
   * Leave the text of unchanged clauses out of `words` (an empty list). A viewer that shows the whole draft
   * wants it; a tool that only looks at changes does not.
   */
  omitUnchangedText?: boolean;
  /**
   * Also look for cross-references left as they stood while the clause they named was renumbered or deleted
   * (`staleReferences` on the entries; stale-references.ts). A pass of its own over the text of every clause
   * the drafts share, which `parley diff` and the app ask for.
   */
  staleReferences?: boolean;
}

function ref(c: FlatClause): ClauseRefJson {
  return { id: c.id, label: c.label, title: c.title, path: c.path };
}

/**
 * The clauses of one side of a paired change; where there are several (a split's new side, a merge's old), each
 * with where its text begins in textOf's joining of them (clauseStarts, as the Word redline reads it).
 */
function partRefs(clauses: readonly FlatClause[]): ClauseRefJson[] {
  if (clauses.length === 1) return [ref(clauses[0]!)];
  const starts = clauseStarts(clauses.map((c) => c.clause));
  return clauses.map((c, k) => ({ ...ref(c), start: starts[k]! }));
}

/** The text words are compared on: bracket marks kept, so bracketing or agreeing language shows. */
function textOf(clauses: readonly FlatClause[]): string {
  if (clauses.length === 1) return clauseText(clauses[0]!.clause, MARKED);
  return clauses.map((c) => clauseText(c.clause, MARKED)).join('\n');
}

const MARKED = { brackets: 'marked' } as const;

/** A similarity as the JSON reports it: to three decimals. */
function thousandths(similarity: number): number {
  return Math.round(similarity * 1000) / 1000;
}

/** A redline's parts (redline-parts.ts) as the JSON gives them: each one's words without their offsets. */
export function partsJson(parts: readonly RedlinePart<WordOp>[]): RedlinePart[] {
  return parts.map((part) => ({ ...part, words: wordOpsJson(part.words) }));
}

/** Word ops as the JSON contract writes them: without their offsets, the flags only where set. */
export function wordOpsJson(ops: readonly Pick<WordOp, 'op' | 'text' | 'cosmetic' | 'moved' | 'style'>[]): WordOpJson[] {
  return ops.map((op) => {
    const out: WordOpJson = { op: op.op, text: op.text };
    if (op.cosmetic) out.cosmetic = true;
    if (op.moved) out.moved = true;
    if (op.style) out.style = op.style;
    return out;
  });
}

/** The entry of a clause that is unchanged, inserted or deleted: one clause a side at most, one word op. */
function wholeClause(change: ClauseChange, oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], options: CompareOptions): ClauseChangeJson {
  const oldClause = change.old.length === 1 ? oldClauses[change.old[0]!]! : undefined;
  const newClause = change.new.length === 1 ? newClauses[change.new[0]!]! : undefined;
  const text = change.kind === 'deleted' ? (oldClause ? clauseText(oldClause.clause, MARKED) : '') : newClause ? clauseText(newClause.clause, MARKED) : '';
  const op = change.kind === 'unchanged' ? 'equal' : change.kind === 'inserted' ? 'insert' : 'delete';
  return {
    kind: change.kind,
    moved: change.moved,
    renumbered: change.renumbered,
    old: oldClause ? [ref(oldClause)] : [],
    new: newClause ? [ref(newClause)] : [],
    similarity: thousandths(change.similarity),
    provisions: [],
    legal: [],
    words: !text || (op === 'equal' && options.omitUnchangedText) ? []
      : op === 'equal' && !change.identical && oldClause ? renumberedWords(clauseText(oldClause.clause, MARKED), text)
      : [{ op, text }],
  };
}

/**
 * The words of a clause that reads unchanged but whose text is not the same: its cross-references or paragraph
 * numbers renumbered with the drafts ("subject to Article 2" → "Article 3"). The redline shows those numbers, as
 * the words of every entry rebuild both texts, and marks them cosmetic: the alignment found that the clause
 * reads the same but for its numbering.
 */
function renumberedWords(oldText: string, newText: string): WordOpJson[] {
  if (oldText === newText) return [{ op: 'equal', text: newText }];
  return wordOpsJson(diffWords(oldText, newText).map((w) => (w.op === 'equal' ? w : { ...w, cosmetic: true })));
}

/**
 * Whether the provisions pair old label `a` with new label `b` (as pairsProvisions reads them), once, and each
 * numbers one provision only in its clause (a split's or merge's clauses each number their own paragraphs from 1).
 */
function pairedOnce(provisions: readonly ProvisionChange[], a: string, b: string): boolean {
  const pairs = provisions.filter((p) => p.old !== null && p.new !== null && sameLabel(p.old, a) && sameLabel(p.new, b));
  if (pairs.length !== 1) return false;
  const { oldClause, newClause } = pairs[0]!;
  let olds = 0, news = 0;
  for (const p of provisions) {
    if (p.old !== null && p.oldClause === oldClause && sameLabel(p.old, a)) olds++;
    if (p.new !== null && p.newClause === newClause && sameLabel(p.new, b)) news++;
  }
  return olds === 1 && news === 1;
}

/**
 * Whether the paragraph numbered `a` on `side` is the one such paragraph of the change (on that side, in any of its
 * clauses) and the provision alignment paired it with a paragraph of no number on the other side (unchanged or
 * edited): "1" → "¶" where the paragraph left alone in a clause of a split went unnumbered.
 */
function pairedWithUnnumbered(provisions: readonly ProvisionChange[], side: 'old' | 'new', a: string): boolean {
  const other = side === 'old' ? 'new' : 'old';
  const numbered = provisions.filter((p) => p[side] !== null && sameLabel(p[side]!, a));
  return numbered.length === 1 && numbered[0]![other] === null && (numbered[0]!.kind === 'unchanged' || numbered[0]!.kind === 'edited');
}

/** The redline of a paired change (edited, split or merged) and what changed in law, before the JSON is written. */
interface PairedRedline {
  olds: FlatClause[];
  news: FlatClause[];
  oldText: string;
  newText: string;
  ops: WordOp[];
  legal: LegalChange[];
}

function pairedRedline(change: ClauseChange, oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], parties: Record<string, string>, versions: VersionPair): PairedRedline {
  const olds = change.old.map((i) => oldClauses[i]!);
  const news = change.new.map((i) => newClauses[i]!);
  const oldText = textOf(olds);
  const newText = textOf(news);
  // An edited clause follows its provision alignment where it can (words-by-provision.ts).
  const lines = change.provisionLines;
  const moves: MovedText[] = [];
  const diffed = (lines && diffByProvisions(oldText, newText, lines.old, lines.new, change.provisions, moves)) || diffWords(oldText, newText);
  // "Article 2" → "Article 3" where Article 2 became Article 3 (renumbered-references.ts); "paragraph 2" where
  // this clause's paragraph 2 became paragraph 3.
  const ownProvisions = (a: string, b: string) => pairsProvisions(change.provisions, a, b);
  // "[4]" → "[5]" where note 4 is now note 5, word for word (renumbered-footnotes.ts).
  // "[-2bis-]{+3+}. …" where the paragraph put in as 2bis is now numbered 3 (renumbered-paragraphs.ts); not
  // where a number is held twice on a side ("1.", "1.", "1." from a converter that restarted its lists).
  const renumbered = markRenumberedParagraphs(markRenumberedFootnotes(markRenumberedReferences(diffed, versions.references, ownProvisions), versions.notes),
    (a, b) => pairedOnce(change.provisions, a, b), (side, a) => pairedWithUnnumbered(change.provisions, side, a));
  // A sentence struck in one place and put in word for word in another moved (moved-text.ts).
  const { ops, moves: sentences } = markMovedText(renumbered);
  moves.push(...sentences, ...movedRows(ops, moves));
  return { olds, news, oldText, newText, ops, legal: legalChangesWithMoves(oldText, newText, ops, moves, { parties }) };
}

/** The entry of an edited, split or merged clause: its provisions, its word redline, what changed in law. */
function pairedClause(change: ClauseChange, oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], parties: Record<string, string>, stylesCompared: boolean,
  versions: VersionPair): ClauseChangeJson {
  const { olds, news, oldText, newText, ops, legal } = pairedRedline(change, oldClauses, newClauses, parties, versions);
  const out: ClauseChangeJson = {
    kind: change.kind,
    moved: change.moved,
    renumbered: change.renumbered,
    old: partRefs(olds),
    new: partRefs(news),
    similarity: thousandths(change.similarity),
    provisions: change.provisions.map((p) => {
      const item: ProvisionChangeJson = { kind: p.kind, moved: p.moved, renumbered: p.renumbered, old: p.old, new: p.new, similarity: thousandths(p.similarity) };
      if (p.group !== undefined) item.group = p.group;
      if (p.oldClause !== undefined) item.oldClause = olds[p.oldClause]!.id;
      if (p.newClause !== undefined) item.newClause = news[p.newClause]!.id;
      return item;
    }),
    legal: legalJson(legal, { text: oldText, clauses: olds.map((c) => c.clause) }, { text: newText, clauses: news.map((c) => c.clause) }),
    words: wordOpsJson(withFormatting(ops, olds.map((c) => c.clause), oldText, news.map((c) => c.clause), newText, stylesCompared)),
  };
  // A split's or merge's titles side by side; a clause without a title adds none (two untitled parts are no
  // title " / " put in).
  const titles = (clauses: readonly FlatClause[]) => clauses.map((c) => c.title).filter((t) => t !== '').join(' / ');
  const oldTitle = titles(olds);
  const newTitle = titles(news);
  if (oldTitle !== newTitle) out.titleWords = wordOpsJson(diffWords(oldTitle, newTitle));
  return out;
}

/**
 * A paired change between two versions of one dossier as one clause of its new side reads it (clause history): a
 * split's redline cut where that clause begins and ends (redline-parts.ts), with what changed in law in that
 * stretch only — the paragraphs that went to the other clauses of the split are theirs, not struck from this one;
 * a merge's redline whole, against the clauses it merged (text that came from another clause is no insertion).
 */
export function newClauseShare(made: { alignment: Alignment; change: ClauseChange; newIndex: number }, parties: Record<string, string>, versions: VersionPair): ClauseShare {
  const { alignment, change, newIndex } = made;
  const r = pairedRedline(change, alignment.oldClauses, alignment.newClauses, parties, versions);
  const olds = r.olds.map((c) => c.clause), news = r.news.map((c) => c.clause);
  const words = withFormatting(r.ops, olds, r.oldText, news, r.newText, alignment.stylesCompared);
  const k = change.new.indexOf(newIndex);
  let legal = r.legal;
  let share = words;
  if (change.new.length > 1 && k >= 0) {
    share = redlineParts({ old: partRefs(r.olds), new: partRefs(r.news) }, words)[k]!.words;
    // An item belongs to the clause whose stretch of the new text holds it (a deletion: where it was struck).
    const starts = clauseStarts(news);
    const end = k + 1 < starts.length ? starts[k + 1]! : Infinity;
    const at = newOffsetOf(r.ops);
    legal = legal.filter((l) => {
      const place = l.newStart ?? at(l.oldStart ?? 0);
      return place >= starts[k]! && place < end;
    });
  }
  const out: ClauseShare = { words: share, legal: legalJson(legal, { text: r.oldText, clauses: olds }, { text: r.newText, clauses: news }) };
  // A merge's redline in parts, each further one headed by the clause whose text begins there, as parley diff heads them.
  // Read as one clause of the new side (history, three-way), the merged clause may keep the id of another than the
  // first it took in (the larger part's): then the first part is headed too, or it would read as that clause's text.
  if (change.old.length > 1) {
    const refs = partRefs(r.olds);
    const parts = redlineParts({ old: refs, new: partRefs(r.news) }, words);
    if (parts.length > 1) {
      if (parts[0]!.head === null && refs[0]!.id !== r.news[k]?.id) parts[0] = { ...parts[0]!, head: { side: 'old', ref: refs[0]! } };
      out.parts = parts;
    }
  }
  return out;
}

/** A clause's share of a split's or merge's redline (newClauseShare). */
export interface ClauseShare {
  words: WordOp[];
  legal: LegalChangeJson[];
  /** For a merge: the words cut where each merged clause's text begins (redline-parts.ts); `words` is all of them. */
  parts?: RedlinePart<WordOp>[];
}

/** For an offset in the old text, where the redline puts it in the new text (a deletion: where it was struck). */
function newOffsetOf(ops: readonly WordOp[]): (oldOffset: number) => number {
  return (oldOffset) => {
    let oldAt = 0, newAt = 0;
    for (const op of ops) {
      if (op.op === 'insert') { newAt += op.text.length; continue; }
      if (oldOffset < oldAt + op.text.length) return op.op === 'equal' ? newAt + (oldOffset - oldAt) : newAt;
      oldAt += op.text.length;
      if (op.op === 'equal') newAt += op.text.length;
    }
    return newAt;
  };
}

/**
 * The redline with its changes of formatting only marked (formatting.ts), where the drafts compare formatting.
 * After the legal reading, which reads words, not their style.
 */
function withFormatting(ops: WordOp[], olds: readonly Clause[], oldText: string, news: readonly Clause[], newText: string, stylesCompared: boolean): WordOp[] {
  return stylesCompared ? markFormatting(ops, oldText, clausesStyleRuns(olds), newText, clausesStyleRuns(news)) : ops;
}

/**
 * What changed in law from one version of a clause (or clauses, split or merged) to another, as the JSON
 * contract writes it: `ops` is the redline of oldText to newText, `moves` the provisions it moved.
 */
export function clauseLegal(oldText: string, newText: string, ops: WordOp[], moves: readonly MovedText[], olds: readonly Clause[], news: readonly Clause[], parties: Record<string, string>,
  wholes: { old?: ComparedSide['whole']; new?: ComparedSide['whole'] } = {}): LegalChangeJson[] {
  return legalJson(legalChangesWithMoves(oldText, newText, ops, moves, { parties }), { text: oldText, clauses: olds, whole: wholes.old }, { text: newText, clauses: news, whole: wholes.new });
}

/**
 * Legal changes as the JSON contract writes them. A change to or from a group of bracketed alternatives names the
 * party whose proposal it comes from (`proposedBy`, proposed-by.ts); one in a table row names the row (`row`).
 */
function legalJson(items: readonly LegalChange[], old: ComparedSide, now: ComparedSide): LegalChangeJson[] {
  // Built only for a clause with such a change (few are): most edited clauses have no bracket group in law.
  let proposals: ProposalReader | undefined;
  return items.map((l) => {
    const item: LegalChangeJson = { type: l.type, old: l.old, new: l.new };
    if (l.direction) item.direction = l.direction;
    if (l.reversed) item.reversed = true;
    if (l.cosmetic) item.cosmetic = true;
    if (l.moved) item.moved = true;
    const party = l.old?.startsWith('[') || l.new?.startsWith('[')
      ? (proposals ??= new ProposalReader(old, now)).proposedBy(l)
      : undefined;
    if (party) item.proposedBy = party;
    // In a schedule, which row: where the item stands now, or stood.
    const row = l.newStart !== undefined ? rowNameAt(now.text, l.newStart) : l.oldStart !== undefined ? rowNameAt(old.text, l.oldStart) : null;
    if (row) item.row = row;
    return item;
  });
}

/**
 * Two versions of one clause, each with its text (clauseText, brackets marked), without a comparison of whole
 * drafts around them: the redline, provision-led where that applies (redlineClauses), and what changed in law.
 * What `parley history` and the three-way diff tell of a clause, and the comparison of the text before the first
 * clause. The versions of one dossier are Parley drafts, which carry formatting: it is compared unless
 * `stylesCompared` says otherwise (formatting.ts). With `versions` (the two drafts the clauses stand in:
 * versionPair), a cross-reference renumbered with the clause it names, and a footnote mark with its note, are
 * marked cosmetic, as in compareDrafts.
 */
export function clauseRedline(oldClause: Clause, newClause: Clause, oldText: string, newText: string, parties: Record<string, string>, stylesCompared = true,
  versions?: VersionPair): { words: WordOp[]; legal: LegalChangeJson[] } {
  const moves: MovedText[] = [];
  const redlined = redlineClauses(oldClause, newClause, oldText, newText, moves);
  const { ops: words, moves: sentences } = markMovedText(versions ? markRenumberedFootnotes(markRenumberedReferences(redlined, versions.references), versions.notes) : redlined);
  moves.push(...sentences, ...movedRows(words, moves));
  const legal = oldText === newText ? [] : clauseLegal(oldText, newText, words, moves, [oldClause], [newClause], parties);
  return { words: withFormatting(words, [oldClause], oldText, [newClause], newText, stylesCompared), legal };
}

/**
 * The redline of the text before the first clause, where it differs (null where it does not). That text is no
 * clause, and the alignment never reads it; but an imported draft keeps its title block there — the parties'
 * names, a date — and a party named otherwise must not go unseen. Read as the body of a clause of its own.
 */
function frontRedline(oldDraft: Draft, newDraft: Draft, parties: Record<string, string>, stylesCompared: boolean): ComparisonJson['front'] | null {
  if (oldDraft.front.length === 0 && newDraft.front.length === 0) return null;
  const oldClause = frontClause(oldDraft), newClause = frontClause(newDraft);
  const oldText = clauseText(oldClause, MARKED), newText = clauseText(newClause, MARKED);
  if (oldText === newText) return null;
  const { words, legal } = clauseRedline(oldClause, newClause, oldText, newText, parties, stylesCompared);
  return { words: wordOpsJson(words), legal };
}

/**
 * Whether the text before the first clause says nothing but the title: none, or the title once or more (a cover
 * page and a heading), case, spacing and punctuation aside.
 */
function restatesTitle(draft: Draft): boolean {
  const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const front = loose(blocksText(draft.front)), title = loose(draft.meta.title);
  if (front === '') return true;
  if (title === '' || front.length % (title.length + 1) !== title.length) return false;
  return front === Array.from({ length: (front.length + 1) / (title.length + 1) }, () => title).join(' ');
}

/** The text before a draft's first clause as the body of a clause of no heading, for the readers of clauses. */
export function frontClause(draft: Draft): Clause {
  return { id: '', level: 1, label: '', title: '', topics: [], body: draft.front, children: [] };
}

function staleJson(s: StaleReference, oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[]): StaleReferenceJson {
  const provision = s.provision && {
    named: s.provision.named,
    ...(s.provision.now !== null && { now: s.provision.now }),
    ...(s.provision.names !== null && { names: s.provision.names }),
  };
  return {
    text: s.text,
    named: ref(oldClauses[s.named]!),
    now: s.now.map((j) => ref(newClauses[j]!)),
    ...(s.names >= 0 && { names: ref(newClauses[s.names]!) }),
    ...(provision && { provision }),
    ...(s.range && { range: { added: s.range.added.map((j) => ref(newClauses[j]!)), removed: s.range.removed.map((i) => ref(oldClauses[i]!)) } }),
    ...(s.paragraphRange && { paragraphRange: { added: [...s.paragraphRange.added], removed: [...s.paragraphRange.removed] } }),
    ...(s.was !== undefined && { was: s.was }),
    places: s.places,
  };
}

/** Two drafts as the marking of renumbered references and footnotes reads them: how clauses were renumbered, and the notes. */
export interface VersionPair {
  references: () => ReferenceMap;
  notes: () => { old: Footnotes; new: Footnotes };
}

/** The renumbering (by clause ids) and the footnotes of two versions, each read on first need and kept. */
export function versionPair(oldDraft: Draft, newDraft: Draft): VersionPair {
  let references: ReferenceMap | undefined;
  let notes: { old: Footnotes; new: Footnotes } | undefined;
  return {
    references: () => (references ??= renumberingById(oldDraft, newDraft)),
    notes: () => (notes ??= { old: notesOf(flattenDraft(oldDraft)), new: notesOf(flattenDraft(newDraft)) }),
  };
}

/**
 * The renumbering between two versions of one dossier as cross-references follow it: each old clause's partner
 * is the new clause with its id, and its provisions are aligned where a reference cites one of them ("Article 2,
 * paragraph 2" → "Article 3, paragraph 3").
 */
function renumberingById(oldDraft: Draft, newDraft: Draft): ReferenceMap {
  const oldClauses = flattenDraft(oldDraft), newClauses = flattenDraft(newDraft);
  const newIndex = new Map<string, number>();
  newClauses.forEach((c, j) => { if (!newIndex.has(c.id)) newIndex.set(c.id, j); });
  return new ReferenceMap(oldClauses.map((c) => c.label), newClauses.map((c) => c.label), (i) => {
    const j = newIndex.get(oldClauses[i]!.id);
    return j === undefined ? NO_PARTNERS : [j];
  }, provisionsOnDemand((i) => oldClauses[i]!.clause, (j) => newClauses[j]!.clause));
}

/** The footnotes of a draft's clauses (renumbered-footnotes.ts). */
function notesOf(clauses: readonly FlatClause[]): Footnotes {
  return footnotesIn(clauses.map((c) => clauseText(c.clause, MARKED)));
}

/** The drafts' renumbering as cross-references follow it: each old clause's partners in the alignment. */
function renumbering(changes: readonly ClauseChange[], oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[]): ReferenceMap {
  const partners: (readonly number[])[] = new Array(oldClauses.length).fill(NO_PARTNERS);
  const byOld: (ClauseChange | undefined)[] = new Array(oldClauses.length);
  for (const change of changes) for (const i of change.old) { partners[i] = change.new; byOld[i] = change; }
  // A clause's provisions as the alignment paired them ("Article 2, paragraph 2" → "Article 3, paragraph 3"): a
  // clause aligned one to one and edited. An unchanged one's are aligned where a reference asks: it reads the same
  // but for its numbering, which may be its paragraphs' (a list now numbered from 2).
  const unchanged = provisionsOnDemand((i) => oldClauses[i]!.clause, (j) => newClauses[j]!.clause);
  const provisionsOf = (i: number, j: number, a: string, b: string) => {
    const change = byOld[i];
    if (!change || change.old.length !== 1 || change.new.length !== 1 || change.new[0] !== j) return false;
    return change.kind === 'unchanged' ? unchanged(i, j, a, b) : pairsProvisions(change.provisions, a, b);
  };
  return new ReferenceMap(oldClauses.map((c) => c.label), newClauses.map((c) => c.label), (i) => partners[i]!, provisionsOf);
}

const NO_PARTNERS: readonly number[] = [];

export function compareDrafts(oldDraft: Draft, newDraft: Draft, options: CompareOptions = {}): ComparisonJson {
  const alignment = alignDrafts(oldDraft, newDraft, options);
  const parties = { ...oldDraft.meta.parties, ...newDraft.meta.parties };
  const summary = { unchanged: 0, edited: 0, inserted: 0, deleted: 0, split: 0, merged: 0, moved: 0, renumbered: 0 };
  const { oldClauses, newClauses } = alignment;
  const stale = options.staleReferences ? StaleReferences.of(oldClauses, newClauses, alignment.changes) : null;
  // The renumbering as the alignment found it, built the first time an edited clause has a change that may
  // renumber a cross-reference; the footnotes of both drafts, read the first time a redline changes one footnote
  // mark for another.
  let referenceMap: ReferenceMap | undefined;
  let footnotes: { old: Footnotes; new: Footnotes } | undefined;
  const versions: VersionPair = {
    references: () => (referenceMap ??= renumbering(alignment.changes, oldClauses, newClauses)),
    notes: () => (footnotes ??= { old: notesOf(oldClauses), new: notesOf(newClauses) }),
  };
  const changes = alignment.changes.map((change: ClauseChange): ClauseChangeJson => {
    summary[change.kind]++;
    if (change.moved) summary.moved++;
    if (change.renumbered) summary.renumbered++;
    // Most clauses of a new version are unchanged, and the inserted and deleted ones have nothing inside to
    // tell: each is written with one object per field and no intermediate list (on 10,000 clauses the
    // objects built here are most of what the young generation has to copy on each collection).
    const entry = change.kind === 'unchanged' || change.kind === 'inserted' || change.kind === 'deleted'
      ? wholeClause(change, oldClauses, newClauses, options)
      : pairedClause(change, oldClauses, newClauses, parties, alignment.stylesCompared, versions);
    if (stale && change.old.length > 0 && change.new.length > 0) {
      // An unchanged clause's one equal word is its new text; one renumbered inside has a redline (renumberedWords).
      const newText = () => (entry.words.length === 1 && entry.words[0]!.op === 'equal' ? entry.words[0]!.text : textOf(change.new.map((j) => newClauses[j]!)));
      const own = change.old.length === 1 ? change.old[0]! : -1;
      const found = change.identical ? stale.inRedline([{ op: 'equal', text: newText() }], own)
        : change.kind === 'unchanged' ? stale.inUnchanged(textOf(change.old.map((i) => oldClauses[i]!)), newText(), own)
        : stale.inRedline(entry.words, own);
      if (found.length > 0) entry.staleReferences = found.map((s) => staleJson(s, oldClauses, newClauses));
    }
    return entry;
  });
  const bothTitled = !oldDraft.untitled && !newDraft.untitled;
  const titled = bothTitled && oldDraft.meta.title !== newDraft.meta.title;
  // A title block that only restates the title in capitals ("AGREEMENT BETWEEN …"), or none beside one that does,
  // changes as the title does, which titleWords shows.
  const front = bothTitled && restatesTitle(oldDraft) && restatesTitle(newDraft) ? null : frontRedline(oldDraft, newDraft, parties, alignment.stylesCompared);
  return {
    old: { title: oldDraft.meta.title, label: oldDraft.meta.label ?? '', clauses: alignment.oldClauses.length },
    new: { title: newDraft.meta.title, label: newDraft.meta.label ?? '', clauses: alignment.newClauses.length },
    ...(titled ? { titleWords: wordOpsJson(diffWords(oldDraft.meta.title, newDraft.meta.title)) } : {}),
    ...(front ? { front } : {}),
    summary,
    changes,
  };
}
