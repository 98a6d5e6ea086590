/**
 * Clause alignment: which clauses of an old draft became which clauses of a new one, and how.
 *
 *   alignDrafts(oldDraft, newDraft, options?)  →  { oldClauses, newClauses, changes }
 *
 * Every clause at every heading level takes part (flattened in reading order by walkClauses). The stages, each
 * working on what the earlier ones left (see matcher.ts for the shared core):
 *   1. ids       — clauses with the same authored id on both sides. Ids generated from labels (imported
 *                  drafts: "article-5") say nothing about identity, since Article 5 of one draft may be Article
 *                  6 of the next; with `ids: 'auto'` (the default) an id pairs clauses only when it is not the
 *                  one assignGeneratedIds would have made from the clause's label or title, on both sides.
 *   2. exact     — first the clauses whose source did not change at all (a sampled fingerprint confirmed by
 *                  string comparison: no tokenizing), then the same title and text ignoring case, punctuation,
 *                  paragraph numbers and the numbers of cross-references ("Article 12" → "Article 13"), by hash.
 *   3. similar   — edited clauses: three-word shingles, candidates from an inverted index over rare shingles
 *                  (near-linear), Dice overlap on a few candidates, best pairs first.
 *   4. splits and merges, by containment.
 *   5. headings  — clauses with no text of their own ("Section 2" over its articles) follow their children:
 *                  an unmatched heading pairs with the old heading most of its matched children came from.
 *   6. titles    — leftovers sharing a title held by no other leftover, with a little textual overlap
 *                  (sister instruments rewrite "Services" throughout and keep its title).
 *   7. gaps      — between two in-order pairs, leftovers that still resemble each other (a heavily reworded
 *                  clause standing where its predecessor stood), paired in order by a small dynamic programme; a
 *                  short clause alone in its gap on both sides pairs on half its words (Matcher.shortRewording).
 *   8. moves     — a longest increasing subsequence over the pairs; pairs outside it moved.
 * Every similarity bar is raised above the drafts' background similarity (how alike two unrelated clauses
 * are: high in formulaic texts), measured on a sample of pairs (Matcher.backgroundSimilarity).
 * The rest is inserted or deleted.
 *
 * Classification of a pair: `unchanged` when title and text read the same ignoring numbering (cross-reference
 * numbers included) and set the same words in italic and bold (where both drafts carry formatting:
 * formatting.ts); otherwise `edited` — a title-only change, or a change of case, punctuation or formatting, is an
 * edit (the redline marks it cosmetic). `renumbered` when the labels differ (case and spacing aside); renumbering
 * alone never makes an edit.
 *
 * Changes come in the new draft's reading order; a deleted clause stands right after the nearest clause before
 * it (in the old draft) that kept its place. Provisions are aligned for edited, split and merged clauses; for
 * unchanged, inserted and deleted clauses `provisions` is empty (there is nothing to tell inside them).
 */
import type { Clause, Draft } from '../model/draft.js';
import { blocksTextLength } from '../model/text.js';
import { looksGenerated } from '../format/ids.js';
import { Matcher } from './matcher.js';
import { contentText, joinedContentTokens, wordsPerParagraph } from './content-tokens.js';
import { sameLabel, strictKey, tokenize, type Tokens } from './normalize.js';
import { diceOfUnions } from './shingles.js';
import { alignProvisionLines, pairsProvisions, provisionsOnDemand, provisionsShifted, type FlatProvision, type ProvisionChange } from './provisions-align.js';
import { interleave } from './report-order.js';
import { ReferenceMap } from './reference-map.js';
import { paragraphAt } from './own-paragraph.js';
import { DraftSources } from './source-key.js';
import { int32s } from './int-arena.js';
import { sameFormatting, stylesCompared } from './formatting.js';

export type { ProvisionChange } from './provisions-align.js';

export type ChangeKind = 'unchanged' | 'edited' | 'inserted' | 'deleted' | 'split' | 'merged';

/** A clause as the comparison reports it. */
export interface AlignedUnit {
  id: string;
  label: string;
  title: string;
  /** Labels (or titles) of the enclosing clauses, outermost first. */
  path: string[];
  /** Position in the flattened reading order of its draft. */
  index: number;
}

export interface FlatClause extends AlignedUnit {
  level: number;
  /** Index of the enclosing clause in the same flattened list, -1 at the top. */
  parent: number;
  clause: Clause;
}

export interface ClauseChange {
  kind: ChangeKind;
  moved: boolean;
  renumbered: boolean;
  /** Indices into oldClauses: empty for an insertion, several for a merge. */
  old: number[];
  /** Indices into newClauses: empty for a deletion, several for a split. */
  new: number[];
  /** Whether the two clauses' sources are the same, character for character (not merely read the same). */
  identical: boolean;
  /** 1 for unchanged; Dice overlap of three-word shingles for edits (of distinct words for a short clause
   * reworded in place: Matcher.shortRewording); coverage for splits and merges; 0 otherwise. */
  similarity: number;
  provisions: ProvisionChange[];
  /** For an edited clause whose provisions shifted (provisionsShifted): the flattened provisions that
   * `provisions` indexes, which the redline follows. */
  provisionLines?: { old: FlatProvision[]; new: FlatProvision[] };
}

export interface AlignOptions {
  /**
   * Whether clause ids identify clauses across the two drafts. 'auto' (default): only ids that were not
   * generated from labels or titles; 'always': every id (two drafts of one dossier); 'never': content only.
   */
  ids?: 'auto' | 'always' | 'never';
}

export interface Alignment {
  oldClauses: FlatClause[];
  newClauses: FlatClause[];
  changes: ClauseChange[];
  /** Whether the two drafts' formatting is compared (formatting.ts: neither comes from plain text or Word). */
  stylesCompared: boolean;
}

/** Pairs weaker than this are not made by the free similarity search (gaps have their own, lower bars). */
const SIMILAR = 0.4;
const GAP_SIMILAR = 0.1;
const LONE_GAP_SIMILAR = 0.08;
/** Clauses with the same title need only this much textual overlap (in place / moved). */
const TITLE_IN_GAP = 0.01;
const TITLE_MOVED = 0.1;

/**
 * Every clause in reading order, as walkClauses (model/provisions.ts) walks them — the same order and the same
 * paths (siblings share one path array) — but by plain recursion that knows each parent's index, instead of
 * a generator and two Maps: this runs over every clause of both drafts on every comparison.
 */
export function flattenDraft(draft: Draft): FlatClause[] {
  const out: FlatClause[] = [];
  const visit = (clauses: readonly Clause[], path: string[], parent: number): void => {
    for (const clause of clauses) {
      const index = out.length;
      out.push({ id: clause.id, label: clause.label, title: clause.title, path, index, level: clause.level, parent, clause });
      if (clause.children.length > 0) visit(clause.children, [...path, clause.label || clause.title], index);
    }
  };
  visit(draft.clauses, [], -1);
  return out;
}

/** Whether an id is the one assignGeneratedIds (src/format/ids.ts) makes from the label or title. */
function isGeneratedId(c: FlatClause, list: readonly FlatClause[]): boolean {
  return looksGenerated(c.id, c, c.parent >= 0 ? list[c.parent]!.id : '');
}

export function alignDrafts(oldDraft: Draft, newDraft: Draft, options: AlignOptions = {}): Alignment {
  const oldClauses = flattenDraft(oldDraft);
  const newClauses = flattenDraft(newDraft);
  const oldSource = new DraftSources(oldClauses.map((c) => c.clause));
  const newSource = new DraftSources(newClauses.map((c) => c.clause));
  const oldText: string[] = [];
  const newText: string[] = [];
  const readOld = (i: number) => (oldText[i] ??= contentText(oldClauses[i]!.clause));
  const readNew = (j: number) => (newText[j] ??= contentText(newClauses[j]!.clause));
  // Paragraphs are tokenized once, for the clause similarity and again for provision alignment: changed
  // paragraphs of clauses paired by their unchanged ones, and the paragraphs of clauses read whole.
  const tokenCache = new Map<string, Tokens>();
  const tokens = (text: string) => {
    let t = tokenCache.get(text);
    if (!t) tokenCache.set(text, (t = tokenize(text)));
    return t;
  };
  const m = new Matcher(
    oldClauses.length,
    newClauses.length,
    (i) => joinedContentTokens(oldClauses[i]!.clause, tokens) ?? tokenize(readOld(i)),
    (j) => joinedContentTokens(newClauses[j]!.clause, tokens) ?? tokenize(readNew(j)),
  );
  // 1. Ids.
  const idMode = options.ids ?? 'auto';
  if (idMode !== 'never') {
    const byId = new Map<string, number>();
    for (const c of oldClauses) {
      if (c.id && (idMode === 'always' || !isGeneratedId(c, oldClauses))) byId.set(c.id, c.index);
    }
    for (const c of newClauses) {
      const i = c.id ? byId.get(c.id) : undefined;
      if (i === undefined || (idMode === 'auto' && isGeneratedId(c, newClauses))) continue;
      // A duplicated id (a copy-pasted clause) pairs once.
      if (m.oldGroup[i]! >= 0 || m.newGroup[c.index]! >= 0) continue;
      // A clause whose source did not change pairs without being tokenized, as in stage 2: between two
      // versions of a dossier, where every clause pairs by id, that is most of them.
      if (DraftSources.same(oldSource, i, newSource, c.index)) m.pairIdentical(i, c.index);
      else m.pairOnEvidence(i, c.index, idPairSimilarity(oldSource, i, newSource, c.index, tokens));
    }
  }

  // 2–4. Content: only clauses with a body of their own; headings follow their children below. Clauses whose
  // source did not change at all pair first, without being tokenized.
  // The closures keep only the flags: the fingerprints (every clause's parts) are garbage once the paragraph
  // stage is done, and a young-generation collection during the later stages need not copy them.
  const oldHasText = oldSource.hasText, newHasText = newSource.hasText;
  const oldHasBody = (i: number) => oldHasText[i] === 1;
  const newHasBody = (j: number) => newHasText[j] === 1;
  matchUnchanged(m, oldSource, newSource, oldHasBody, newHasBody);
  matchByParagraphs(m, oldSource, newSource, oldHasBody, newHasBody, tokens);
  m.matchExact(oldHasBody, newHasBody);
  m.matchSimilar(SIMILAR, oldHasBody, newHasBody);
  m.matchSplitsAndMerges(oldHasBody, newHasBody, true);

  // 5. Headings (and any clause still unmatched that has children) by their children's votes, deepest first.
  matchByChildren(m, oldClauses, newClauses);
  // Headings without children that match nowhere else: the same title (e.g. "[Deleted]"), in order.
  m.matchExact((i) => !oldHasBody(i) && oldClauses[i]!.title.trim() !== '', (j) => !newHasBody(j) && newClauses[j]!.title.trim() !== '');

  // 6–8. Titles and gaps, then moves.
  const titleKey = (c: FlatClause) => (c.title ? tokenize(c.title).looseKey || 1 : 0);
  m.matchTitles((i) => titleKey(oldClauses[i]!), (j) => titleKey(newClauses[j]!), TITLE_IN_GAP, TITLE_MOVED);
  m.fillGaps(GAP_SIMILAR, LONE_GAP_SIMILAR);
  m.markMoves();

  const styles = stylesCompared(oldDraft, newDraft);
  return { oldClauses, newClauses, changes: describe(m, oldClauses, newClauses, readOld, readNew, tokens, styles), stylesCompared: styles };
}

/**
 * Clauses whose source did not change, paired without tokenizing: among the clauses with the same sampled
 * key, the k-th old with the k-th new, each pair confirmed by sameSource (a new clause whose turn's old
 * clause differs pairs with nothing here).
 *
 * The sampled key reads characters spread over every text value, a cache miss each; most clauses are alone
 * with their counterpart under the cheap key (shapes and lengths), and then the outcome is known without it:
 * that old clause pairs with the first new one identical to it. Sampled keys are read only where the cheap
 * key is shared by several old clauses.
 */
function matchUnchanged(m: Matcher, oldSource: DraftSources, newSource: DraftSources, oldOk: (i: number) => boolean, newOk: (j: number) => boolean): void {
  // The old clauses by key, in an open-addressing table of typed arrays (thousands of keys, each looked up
  // once: a Map of arrays costs more than the rest of this stage): head[slot] is the first old clause with
  // the slot's key, next[i] the following one, size[slot] how many.
  const nOld = oldSource.keys.length;
  let capacity = 16;
  while (capacity < nOld * 2) capacity <<= 1;
  const mask = capacity - 1;
  const slotKey = new Float64Array(capacity);
  const head = new Int32Array(capacity).fill(-1);
  const last = new Int32Array(capacity);
  const size = new Int32Array(capacity);
  const next = new Int32Array(nOld).fill(-1);
  const slotOf = (key: number): number => {
    // Math.imul reads the key modulo 2^32 (its low hash lane): no floating-point remainder.
    let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (head[s] !== -1 && slotKey[s] !== key) s = (s + 1) & mask;
    return s;
  };
  for (let i = 0; i < nOld; i++) {
    if (m.oldGroup[i]! >= 0 || !oldOk(i)) continue;
    const key = oldSource.keys[i]!;
    const s = slotOf(key);
    if (head[s] === -1) { head[s] = i; slotKey[s] = key; } else next[last[s]!] = i;
    last[s] = i;
    size[s]++;
  }
  // Per sampled key, how many of its old clauses are paired (the k-th turn).
  const turn = new Map<number, number>();
  for (let j = 0; j < newSource.keys.length; j++) {
    if (m.newGroup[j]! >= 0 || !newOk(j)) continue;
    const s = slotOf(newSource.keys[j]!);
    if (head[s] === -1) continue;
    if (size[s] === 1) {
      // The only old clause under this key, unless already paired.
      const i = head[s]!;
      if (m.oldGroup[i]! < 0 && DraftSources.same(oldSource, i, newSource, j)) m.pairIdentical(i, j);
      continue;
    }
    const key = newSource.sampledKey(j);
    const k = turn.get(key) ?? 0;
    // The k-th old clause with this sampled key (in reading order).
    let i = -1;
    for (let seen = 0, c = head[s]!; c >= 0; c = next[c]!) {
      if (oldSource.sampledKey(c) === key && seen++ === k) { i = c; break; }
    }
    if (i < 0 || !DraftSources.same(oldSource, i, newSource, j)) continue;
    turn.set(key, k + 1);
    m.pairIdentical(i, j);
  }
}

/** Paragraphs shorter than this (in characters) are too common to vote. */
const MIN_VOTING_TEXT = 20;
/** A paragraph found in more leftover clauses than this is boilerplate and does not vote. */
const MAX_VOTERS = 4;
/** Identical paragraphs must make up more than this share of the longer clause (a third: an amended
 * article of three paragraphs keeps at least one of them word for word). */
const PARAGRAPH_SHARE = 1 / 3;

/**
 * Edited clauses whose paragraphs mostly did not change, paired by those identical paragraphs before any
 * tokenizing: an amended clause usually keeps most of its paragraphs verbatim, and finding them is a few
 * native string lookups. Each leftover new clause votes, with the length of every paragraph it shares
 * verbatim, for the leftover old clauses holding that paragraph; a pair needs more than a third of the
 * longer clause's text in shared paragraphs, and the best-supported pairs are made first.
 *
 * Each distinct text of the leftover old clauses gets a number, and every text of a leftover clause is
 * looked up once: two equal texts of the two drafts are different strings, compared character by character
 * at every ===, and the pairs made here compare their texts again (paragraphSimilarity) — by number.
 */
function matchByParagraphs(m: Matcher, oldSource: DraftSources, newSource: DraftSources, oldOk: (i: number) => boolean, newOk: (j: number) => boolean, tokens: (text: string) => Tokens): void {
  const length = (texts: readonly string[]) => {
    let n = 0;
    for (const text of texts) n += text.length;
    return n;
  };
  // An old clause's length is read once per vote it gets; compute it once (-1: not yet).
  const oldLengths = new Float64Array(oldSource.keys.length).fill(-1);
  const oldLength = (i: number) => (oldLengths[i]! >= 0 ? oldLengths[i]! : (oldLengths[i] = length(oldSource.textsOf(i))));
  const numbers = new Map<string, number>();
  // The numbers of each leftover clause's texts (new texts found in no old clause: NOT_OLD).
  const oldNumbers: Int32Array[] = [];
  const newNumbers: Int32Array[] = [];
  // The old clauses holding each text long enough to vote, by number.
  const holders: number[][] = [];
  for (let i = 0; i < oldSource.keys.length; i++) {
    if (m.oldGroup[i]! >= 0 || !oldOk(i)) continue;
    const texts = oldSource.textsOf(i);
    const own = (oldNumbers[i] = int32s(texts.length));
    for (let k = 0; k < texts.length; k++) {
      const part = texts[k]!;
      let number = numbers.get(part);
      if (number === undefined) numbers.set(part, (number = numbers.size));
      own[k] = number;
      if (part.length < MIN_VOTING_TEXT) continue;
      const list = holders[number];
      if (!list) holders[number] = [i];
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  if (holders.length === 0) return;
  const edges: { i: number; j: number; shared: number; total: number }[] = [];
  const votes = new Map<number, number>();
  for (let j = 0; j < newSource.keys.length; j++) {
    if (m.newGroup[j]! >= 0 || !newOk(j)) continue;
    votes.clear();
    const texts = newSource.textsOf(j);
    const own = (newNumbers[j] = int32s(texts.length));
    for (let k = 0; k < texts.length; k++) {
      const part = texts[k]!;
      const number = numbers.get(part) ?? NOT_OLD;
      own[k] = number;
      if (part.length < MIN_VOTING_TEXT || number === NOT_OLD) continue;
      const list = holders[number];
      if (!list || list.length > MAX_VOTERS) continue;
      for (const i of list) votes.set(i, (votes.get(i) ?? 0) + part.length);
    }
    if (votes.size === 0) continue;
    const newLength = length(texts);
    for (const [i, shared] of votes) {
      const lengthOfOld = oldLength(i);
      if (shared > PARAGRAPH_SHARE * Math.max(lengthOfOld, newLength)) edges.push({ i, j, shared, total: lengthOfOld + newLength });
    }
  }
  edges.sort((a, b) => b.shared / b.total - a.shared / a.total);
  for (const e of edges) {
    if (m.oldGroup[e.i]! >= 0 || m.newGroup[e.j]! >= 0) continue;
    m.pairOnEvidence(e.i, e.j, paragraphSimilarity(oldSource.textsOf(e.i), oldNumbers[e.i]!, newSource.textsOf(e.j), newNumbers[e.j]!, tokens));
  }
}

/**
 * The similarity of a pair made by id, as matchByParagraphs measures its pairs: the paragraphs the two clauses
 * share verbatim count as identical, and only the others are tokenized (an edited clause keeps most of its
 * paragraphs; tokenizing both whole cost a dossier comparison of heavily edited versions a quarter of its time).
 */
function idPairSimilarity(oldSource: DraftSources, i: number, newSource: DraftSources, j: number, tokens: (text: string) => Tokens): number {
  const a = oldSource.textsOf(i), b = newSource.textsOf(j);
  const numbers = new Map<string, number>();
  const na = int32s(a.length), nb = int32s(b.length);
  for (let k = 0; k < a.length; k++) {
    let n = numbers.get(a[k]!);
    if (n === undefined) numbers.set(a[k]!, (n = numbers.size));
    na[k] = n;
  }
  for (let k = 0; k < b.length; k++) nb[k] = numbers.get(b[k]!) ?? NOT_OLD;
  return paragraphSimilarity(a, na, b, nb, tokens);
}

/** The number of a new text found in no leftover old clause (old texts are numbered from 0). */
const NOT_OLD = -1;

/**
 * Similarity of two clauses that share paragraphs verbatim: the shared paragraphs count as identical, the
 * others by the Dice overlap of their shingles — only the changed paragraphs are tokenized. Close to the Dice
 * of the whole clauses, weighted by characters rather than shingles. Texts are equal when their numbers are
 * (matchByParagraphs).
 */
function paragraphSimilarity(textsA: readonly string[], numbersA: Int32Array, textsB: readonly string[], numbersB: Int32Array, tokens: (text: string) => Tokens): number {
  // Clauses have a handful of text values: a linear search beats building two Sets per pair; long clauses
  // still get Sets (no quadratic worst case).
  const setA = numbersA.length > LINEAR_TEXTS ? new Set(numbersA) : null;
  const setB = numbersB.length > LINEAR_TEXTS ? new Set(numbersB) : null;
  let shared = 0, total = 0;
  const changedA: string[] = [];
  const changedB: string[] = [];
  for (let k = 0; k < textsA.length; k++) {
    const text = textsA[k]!;
    total += text.length;
    if (holds(numbersB, setB, numbersA[k]!)) shared += text.length; else changedA.push(text);
  }
  for (let k = 0; k < textsB.length; k++) {
    const text = textsB[k]!;
    total += text.length;
    // NOT_OLD is in no old clause's numbers.
    if (holds(numbersA, setA, numbersB[k]!)) shared += text.length; else changedB.push(text);
  }
  if (total === 0) return 1;
  const changed = total - shared;
  if (changed === 0) return Math.min(1, shared / total);
  // Shingles of the changed paragraphs (their tokens are cached for provision alignment).
  const d = diceOfUnions(changedA.map(tokens), changedB.map(tokens));
  return Math.min(1, (shared + d * changed) / total);
}

/** Number lists longer than this are searched through a Set. */
const LINEAR_TEXTS = 32;

/** Whether a number is among `numbers` (held in `set` too when the list is long). */
function holds(numbers: Int32Array, set: Set<number> | null, number: number): boolean {
  if (set) return set.has(number);
  for (let k = 0; k < numbers.length; k++) if (numbers[k] === number) return true;
  return false;
}

/**
 * An unmatched clause whose children are matched pairs with the old clause that most of those children's
 * counterparts belong to — if that clause is unmatched too and holds at least half of them.
 */
function matchByChildren(m: Matcher, oldClauses: FlatClause[], newClauses: FlatClause[]): void {
  const childrenOf: number[][] = newClauses.map(() => []);
  for (const c of newClauses) if (c.parent >= 0) childrenOf[c.parent]!.push(c.index);
  for (let j = newClauses.length - 1; j >= 0; j--) {
    if (m.newGroup[j]! >= 0 || childrenOf[j]!.length === 0) continue;
    const votes = new Map<number, number>();
    let matchedChildren = 0;
    for (const child of childrenOf[j]!) {
      const g = m.newGroup[child]!;
      if (g < 0) continue;
      matchedChildren++;
      for (const i of m.groups[g]!.old) {
        const p = oldClauses[i]!.parent;
        if (p >= 0) votes.set(p, (votes.get(p) ?? 0) + 1);
      }
    }
    let best = -1, bestVotes = 0;
    for (const [p, v] of votes) if (v > bestVotes || (v === bestVotes && p < best)) { best = p; bestVotes = v; }
    if (best >= 0 && m.oldGroup[best]! < 0 && bestVotes * 2 >= matchedChildren) m.pair(best, j);
  }
}

/**
 * The drafts' renumbering, as cross-references follow it: each old clause's partners in the alignment, and the
 * provisions of a clause paired one to one, aligned where a reference cites one of them ("Article 2, paragraph 2").
 */
function referenceMap(m: Matcher, oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], tokens: (text: string) => Tokens): ReferenceMap {
  const provisions = provisionsOnDemand((i) => oldClauses[i]!.clause, (j) => newClauses[j]!.clause, m.backgroundSimilarity(), tokens);
  return new ReferenceMap(oldClauses.map((c) => c.label), newClauses.map((c) => c.label), (i) => {
    const g = m.oldGroup[i]!;
    return g < 0 ? NO_PARTNERS : m.groups[g]!.new;
  }, (i, j, a, b) => {
    const g = m.oldGroup[i]! >= 0 ? m.groups[m.oldGroup[i]!]! : null;
    return g !== null && g.old.length === 1 && g.new.length === 1 && provisions(i, j, a, b);
  });
}

const NO_PARTNERS: readonly number[] = [];

/**
 * Whether the references of a clause pair that reads the same follow the renumbering of the drafts, or, failing
 * that, of the clause's own provisions ("paragraph 3" → "paragraph 1" where the list now starts at 1): only
 * then are its provisions aligned, which a pair that reads the same rarely needs.
 */
function referencesFollow(references: ReferenceMap, oldText: string, newText: string, oldClause: Clause, newClause: Clause, background: number, tokens: (text: string) => Tokens): boolean {
  if (references.follows(oldText, newText)) return true;
  const pairs = alignProvisionLines([oldClause], [newClause], background, tokens).changes;
  // "point (b)" alone: of the paragraph it stands in (own-paragraph.ts).
  const paragraphs = { old: (p: number) => paragraphAt(oldText, p), new: (p: number) => paragraphAt(newText, p) };
  return references.follows(oldText, newText, (a, b) => pairsProvisions(pairs, a, b), paragraphs);
}

/** The length of contentText(c) (content-tokens.ts: title, a line break, body), without writing it. */
function contentLength(c: Clause): number {
  const body = blocksTextLength(c.body, { brackets: 'marked' });
  return c.title ? c.title.length + 1 + body : body;
}

function sameCounts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, k) => n === b[k]);
}

function describe(m: Matcher, oldClauses: FlatClause[], newClauses: FlatClause[], readOld: (i: number) => string, readNew: (j: number) => string, tokens: (text: string) => Tokens, styles: boolean): ClauseChange[] {
  const changes: ClauseChange[] = [];
  const positions: number[] = [];
  // Groups already described (a split's group is reached from each of its new clauses).
  const seen = new Uint8Array(m.groups.length);
  // Built on first need: most pairs are identical by source and never read their references.
  let references: ReferenceMap | undefined;
  for (let j = 0; j < newClauses.length; j++) {
    const g = m.newGroup[j]!;
    if (g < 0) {
      changes.push({ kind: 'inserted', moved: false, renumbered: false, old: [], new: [j], identical: false, similarity: 0, provisions: [], provisionLines: undefined });
      positions.push(j);
      continue;
    }
    if (seen[g]) continue;
    seen[g] = 1;
    const group = m.groups[g]!;
    let kind: ChangeKind;
    let renumbered = false;
    let similarity = group.similarity;
    if (group.old.length > 1) kind = 'merged';
    else if (group.new.length > 1) kind = 'split';
    else {
      const i = group.old[0]!;
      // The same words as written, paragraphed alike (a paragraph cut in two reads the same as a text), and
      // cross-references renumbered only as the drafts were.
      // A pair made on shared paragraphs whose other paragraphs read the same word for word (similarity 1: a
      // renumbered cross-reference is all that differs) is as exact as one made on the clause's key.
      // A pair whose source differs in formatting only (emphasis cuts a paragraph into several text values, so
      // the paragraphs do not pair verbatim) reads the same word for word: the same text, of the same length.
      const oldClause = oldClauses[i]!.clause, newClause = newClauses[j]!.clause;
      const sameText = group.identical !== true && !group.exact && contentLength(oldClause) === contentLength(newClause) && readOld(i) === readNew(j);
      const exact = group.exact || sameText || (group.similarity >= 1 && m.oldTokens(i).looseKey === m.newTokens(j).looseKey);
      const readsSame = group.identical === true ||
        (exact && strictKey(readOld(i)) === strictKey(readNew(j)) &&
          sameCounts(wordsPerParagraph(oldClause, tokens), wordsPerParagraph(newClause, tokens)) &&
          referencesFollow(references ??= referenceMap(m, oldClauses, newClauses, tokens), readOld(i), readNew(j), oldClause, newClause, m.backgroundSimilarity(), tokens));
      // Words that read the same set otherwise (italic added or taken away) are an edit, cosmetic only, where
      // both drafts carry formatting (formatting.ts).
      const same = readsSame && (group.identical === true || !styles || sameFormatting(oldClause, newClause));
      kind = same ? 'unchanged' : 'edited';
      if (readsSame) similarity = 1;
      renumbered = !sameLabel(oldClauses[i]!.label, newClauses[j]!.label);
    }
    // The group's own index lists: the matcher is done with them (and is dropped with this call).
    // Every change has the same fields (provisionLines undefined where unused): one object shape for the
    // readers of thousands of them.
    let provisions: ProvisionChange[] = [];
    let provisionLines: ClauseChange['provisionLines'];
    if (kind !== 'unchanged') {
      const p = alignProvisionLines(group.old.map((i) => oldClauses[i]!.clause), group.new.map((k) => newClauses[k]!.clause), m.backgroundSimilarity(), tokens,
        (a, b, own, paragraphs) => (references ??= referenceMap(m, oldClauses, newClauses, tokens)).follows(a, b, own, paragraphs));
      provisions = p.changes;
      // Kept only where the redline will read them: held to the end of the comparison, the lines of every
      // edited clause would be copied by each young-generation collection on the way.
      if (kind === 'edited' && provisionsShifted(p.changes)) provisionLines = { old: p.oldLines, new: p.newLines };
    }
    changes.push({ kind, moved: group.moved, renumbered, old: group.old, new: group.new, identical: group.identical === true, similarity, provisions, provisionLines });
    positions.push(j);
  }
  // A deleted clause stands right after the nearest preceding old clause that kept its place.
  const deletions: ClauseChange[] = [];
  const anchors: number[] = [];
  let anchor = -1;
  for (let i = 0; i < oldClauses.length; i++) {
    const g = m.oldGroup[i]!;
    if (g >= 0) {
      const group = m.groups[g]!;
      if (!group.moved) anchor = group.new[group.new.length - 1]!;
      continue;
    }
    deletions.push({ kind: 'deleted', moved: false, renumbered: false, old: [i], new: [], identical: false, similarity: 0, provisions: [], provisionLines: undefined });
    anchors.push(anchor);
  }
  return interleave(changes, positions, deletions, anchors);
}
