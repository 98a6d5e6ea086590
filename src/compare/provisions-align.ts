/**
 * Provision alignment inside an aligned clause pair: numbered paragraphs and their points are compared as
 * units of their own, by the same stages as clauses (exact text ignoring numbering, similarity, gap filling,
 * splits and merges, moves), so that "paragraph 4 became paragraph 5 and changed one word" reads as exactly
 * that, and "paragraph 3 was cut in two" as paragraph 3 split into 3 and 4.
 *
 * A split or merge is reported as one entry per part, each naming the whole and that part: a split of old 3
 * into new 3 and 4 gives `split 3 → 3` and `split 3 → 4` (at the positions of new 3 and 4); a merge of old 2 and
 * 3 into new 2 gives `merged 2 → 2` and `merged 3 → 2`, together at the position of new 2.
 */
import type { Clause } from '../model/draft.js';
import { appendProvisionLines, type ProvisionLine } from '../model/provisions.js';
import { Matcher, raisedBar } from './matcher.js';
import { normalizeLabel, sameLabel, strictKey, tokenize, type Tokens } from './normalize.js';
import type { ChangeKind } from './align.js';
import { interleave } from './report-order.js';
import { longestIncreasingSubsequence } from './lis.js';
import { diceOfTokens, diceOfTokensBelow } from './shingles.js';
import { paragraphOfLabel } from './own-paragraph.js';
import type { OwnParagraphs } from './reference-map.js';

export interface ProvisionChange {
  kind: ChangeKind;
  moved: boolean;
  renumbered: boolean;
  /** Label of the old provision ("4", "4(a)", "(b)"); null when inserted or unnumbered. */
  old: string | null;
  new: string | null;
  /** Index into the flattened provisions (see flattenProvisions) of the old / new clause(s); null when absent. */
  oldIndex: number | null;
  newIndex: number | null;
  similarity: number;
  /** For the entries of a split or merge: a number they share, and no other entry of the clause has (1, 2, …). */
  group?: number;
  /** Which of several old / new clauses (a merge, a split) the provision belongs to: an index into that list. */
  oldClause?: number;
  newClause?: number;
}

/**
 * Whether provision `a` became provision `b` as a provision alignment paired them: what a reference to "paragraph
 * 2" of that clause now names (reference-map.ts).
 */
export function pairsProvisions(changes: readonly ProvisionChange[], a: string, b: string): boolean {
  return changes.some((p) => p.old !== null && p.new !== null && sameLabel(p.old, a) && sameLabel(p.new, b));
}

/**
 * Whether provision `a` of old clause `i` became provision `b` of new clause `j`, the two clauses' provisions
 * aligned the first time a reference asks and kept: what "Article 2, paragraph 2" names, where no alignment of
 * that clause's provisions was made yet (the alignment's own reading of references, a clause's history). Few
 * clauses are ever cited with a paragraph whose number changed.
 */
export function provisionsOnDemand(oldClause: (i: number) => Pick<Clause, 'body'>, newClause: (j: number) => Pick<Clause, 'body'>, background?: number,
  tokens: (text: string) => Tokens = tokenize): (i: number, j: number, a: string, b: string) => boolean {
  // For each pair of clauses, its pairs of provision labels (normalized as sameLabel compares them): a long
  // clause may cite thousands of paragraphs of one with thousands.
  const aligned = new Map<string, Set<string>>();
  const pairKey = (a: string, b: string) => `${normalizeLabel(a)}\n${normalizeLabel(b)}`;
  return (i, j, a, b) => {
    const key = `${i} ${j}`;
    let pairs = aligned.get(key);
    if (!pairs) {
      // Which provisions pair is all that is asked, not whether each is unchanged: this alignment reads no
      // references (alignProvisions), and so never asks for another one.
      pairs = new Set();
      for (const p of alignProvisions([oldClause(i)], [newClause(j)], background, tokens)) if (p.old !== null && p.new !== null) pairs.add(pairKey(p.old, p.new));
      aligned.set(key, pairs);
    }
    return pairs.has(pairKey(a, b));
  };
}

/** A provision or point, flattened in reading order; a point's label carries its paragraph's ("4(a)"). */
export type FlatProvision = ProvisionLine;

/** The provisions of clauses, in reading order, points after the paragraph that holds them. */
export function flattenProvisions(clauses: readonly Pick<Clause, 'body'>[], starts?: number[]): FlatProvision[] {
  const out: FlatProvision[] = [];
  // Brackets marked: bracketing or agreeing language is an edit of the provision, as it is of the clause.
  for (const clause of clauses) {
    starts?.push(out.length);
    appendProvisionLines(clause, MARKED, out);
  }
  return out;
}

const MARKED = { brackets: 'marked' } as const;

/**
 * Align the provisions of old clause(s) with those of new clause(s) (several for a split or a merge).
 * `background`: the similarity of unrelated text in these drafts, when the caller measured it (Matcher);
 * `tokens`: a tokenizer, possibly caching (the clause aligner has already read the changed paragraphs).
 */
export function alignProvisions(oldClauses: readonly Pick<Clause, 'body'>[], newClauses: readonly Pick<Clause, 'body'>[], background?: number, tokens: (text: string) => Tokens = tokenize): ProvisionChange[] {
  return alignProvisionLines(oldClauses, newClauses, background, tokens).changes;
}

/**
 * Whether any provision was inserted, deleted or moved: where a word diff of the whole clause text may run a
 * change from one paragraph into another, and the redline follows the provisions instead (words-by-provision.ts).
 */
export function provisionsShifted(changes: readonly ProvisionChange[]): boolean {
  for (const c of changes) if (c.kind === 'inserted' || c.kind === 'deleted' || c.moved) return true;
  return false;
}

/** The provision alignment and the flattened provisions its indices refer to (the word redline follows them). */
export interface ProvisionAlignment {
  changes: ProvisionChange[];
  oldLines: FlatProvision[];
  newLines: FlatProvision[];
}

/**
 * Whether two provision texts that read the same (their keys ignore cross-reference numbers) differ at most in
 * references renumbered as the drafts were, or as the clause's own provisions were (`ownProvisions`: whether
 * old provision label a became b; `paragraphs`: the numbered paragraph a place of each stands in, whose point
 * "point (b)" alone names): ReferenceMap.follows.
 */
export type ReferencesFollow = (oldText: string, newText: string, ownProvisions: (a: string, b: string) => boolean, paragraphs: OwnParagraphs) => boolean;

/**
 * alignProvisions, keeping the flattened provisions. Without `referencesFollow`, every pair that reads the same
 * is unchanged.
 */
export function alignProvisionLines(oldClauses: readonly Pick<Clause, 'body'>[], newClauses: readonly Pick<Clause, 'body'>[], background?: number, tokens: (text: string) => Tokens = tokenize, referencesFollow: ReferencesFollow = ALWAYS): ProvisionAlignment {
  return align(oldClauses, newClauses, (olds, news) => (background !== undefined ? pairEditsInPlace(olds, news, background, tokens) : null) ?? pairByMatcher(olds, news, background, tokens, referencesFollow));
}

const ALWAYS = () => true;

/** alignProvisions without the shortcut of pairEditsInPlace: what the shortcut must agree with (tests). */
export function alignProvisionsByMatcher(oldClauses: readonly Pick<Clause, 'body'>[], newClauses: readonly Pick<Clause, 'body'>[], background?: number, tokens: (text: string) => Tokens = tokenize): ProvisionChange[] {
  return align(oldClauses, newClauses, (olds, news) => pairByMatcher(olds, news, background, tokens)).changes;
}

/** Flatten, pair (`pairUp`), report in order, and for a merge or a split say which clause each provision is in. */
function align(oldClauses: readonly Pick<Clause, 'body'>[], newClauses: readonly Pick<Clause, 'body'>[], pairUp: (olds: FlatProvision[], news: FlatProvision[]) => Pairing): ProvisionAlignment {
  // Where each clause's provisions start, for a merge or a split (several clauses on a side).
  const oldStarts: number[] | undefined = oldClauses.length > 1 ? [] : undefined;
  const newStarts: number[] | undefined = newClauses.length > 1 ? [] : undefined;
  const olds = flattenProvisions(oldClauses, oldStarts);
  const news = flattenProvisions(newClauses, newStarts);
  depth++;
  let changes: ProvisionChange[];
  try {
    changes = orderChanges(pairUp(olds, news), olds, news);
  } finally {
    depth--;
  }
  if (oldStarts || newStarts) nameClauses(changes, oldStarts, newStarts);
  return { changes, oldLines: olds, newLines: news };
}

/** For a merge or a split: which of its clauses each provision belongs to (oldClause, newClause), from where
 * each clause's provisions start in the flattened lists. */
function nameClauses(changes: ProvisionChange[], oldStarts: number[] | undefined, newStarts: number[] | undefined): void {
  const clauseOf = (starts: number[], index: number) => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > index) k--;
    return k;
  };
  for (const change of changes) {
    if (oldStarts && change.oldIndex !== null) change.oldClause = clauseOf(oldStarts, change.oldIndex);
    if (newStarts && change.newIndex !== null) change.newClause = clauseOf(newStarts, change.newIndex);
  }
}

/**
 * How the provisions paired, indexed by new provision (oldOf, moved, unchanged, similarity) or by old (newOf):
 * the first entries of arrays that may be longer (see emptyPairing).
 */
interface Pairing {
  /** The old partner of each new provision, -1 when it is inserted. */
  oldOf: Int32Array;
  /** The new partner of each old provision, -1 when it is deleted. */
  newOf: Int32Array;
  moved: Uint8Array;
  unchanged: Uint8Array;
  similarity: Float64Array;
  /** The split or merge each new provision belongs to (split: each part; merge: the whole), when there are any. */
  parts: Map<number, { old: number[]; new: number[] }> | null;
}

/**
 * The one Pairing every provision alignment fills (its arrays may be longer than the provisions: only the first
 * oldCount / newCount entries are read): orderChanges has read it before the next alignment starts, and five
 * typed arrays per edited clause cost more to allocate than to fill (a tenth of what an every-clause-edited
 * alignment allocated).
 */
let reused = allocatePairing(64);

/**
 * How many alignments are under way: pairing may ask whether a provision's references follow, which may align
 * the provisions of the clause a reference cites (provisionsOnDemand), inside this alignment; that one gets
 * arrays of its own.
 */
let depth = 0;

function allocatePairing(capacity: number): Pairing {
  return {
    oldOf: new Int32Array(capacity), newOf: new Int32Array(capacity),
    moved: new Uint8Array(capacity), unchanged: new Uint8Array(capacity), similarity: new Float64Array(capacity),
    parts: null,
  };
}

function emptyPairing(oldCount: number, newCount: number): Pairing {
  const size = Math.max(oldCount, newCount);
  let p: Pairing;
  if (depth > 1) p = allocatePairing(size);
  else {
    if (reused.oldOf.length < size) reused = allocatePairing(2 * size);
    p = reused;
  }
  p.oldOf.fill(-1, 0, newCount);
  p.newOf.fill(-1, 0, oldCount);
  p.moved.fill(0, 0, newCount);
  p.unchanged.fill(0, 0, newCount);
  p.similarity.fill(0, 0, newCount);
  p.parts = null;
  return p;
}

/** The full alignment: the Matcher's stages, as for clauses. */
function pairByMatcher(olds: FlatProvision[], news: FlatProvision[], background: number | undefined, tokens: (text: string) => Tokens, referencesFollow: ReferencesFollow = ALWAYS): Pairing {
  const m = new Matcher(olds.length, news.length, (i) => tokens(olds[i]!.text), (j) => tokens(news[j]!.text), background);
  // Provisions an edit did not touch are the same string: pair them before tokenizing anything.
  m.matchKeys(olds.map((p) => p.text), news.map((p) => p.text));
  m.matchExact();
  m.matchSimilar(SIMILAR);
  // Inside one clause, standing in the same place is strong evidence: the gaps are filled before splits and
  // merges are looked for, so that an edited lead-in ("The Party may:" → "The Parties may:") pairs with its
  // counterpart instead of reading as part of the point after it (a short text lies partly inside almost
  // any longer one).
  m.fillGaps(0.25, 0.15);
  m.matchSplitsAndMerges();
  m.markMoves();
  const pairing = emptyPairing(olds.length, news.length);
  // Whether old provision label a is now b (a part of a split or merge counts): how the clause's own
  // references follow its renumbering. The pairs by label are listed on first need (a long clause may hold
  // thousands of provisions and as many references).
  let pairsByLabel: Set<string> | undefined;
  const renumbered = (a: string, b: string): boolean => {
    if (!pairsByLabel) {
      pairsByLabel = new Set();
      for (const group of m.groups) {
        for (const i of group.old) for (const k of group.new) pairsByLabel.add(`${normalizeLabel(olds[i]!.label ?? '')}\n${normalizeLabel(news[k]!.label ?? '')}`);
      }
    }
    return pairsByLabel.has(`${normalizeLabel(a)}\n${normalizeLabel(b)}`);
  };
  for (let j = 0; j < news.length; j++) {
    const g = m.newGroup[j]!;
    if (g < 0) continue;
    const group = m.groups[g]!;
    if (group.old.length > 1 || group.new.length > 1) {
      // A split or merge: every part is accounted for (none of its old provisions is deleted).
      // The group object itself, the same for each of its new provisions (orderChanges numbers groups by it).
      (pairing.parts ??= new Map()).set(j, group);
      // Anchored at the last part: a deletion that followed the whole is reported after all its parts.
      for (const i of group.old) pairing.newOf[i] = group.new[group.new.length - 1]!;
      pairing.oldOf[j] = group.old[0]!;
      pairing.moved[j] = group.moved ? 1 : 0;
      pairing.similarity[j] = group.similarity;
      continue;
    }
    const i = group.old[0]!;
    pairing.oldOf[j] = i;
    pairing.newOf[i] = j;
    pairing.moved[j] = group.moved ? 1 : 0;
    const unchanged = group.identical === true || (group.exact && strictKey(olds[i]!.text) === strictKey(news[j]!.text) && referencesFollow(olds[i]!.text, news[j]!.text, renumbered,
      { old: constant(paragraphOfLabel(olds[i]!.label)), new: constant(paragraphOfLabel(news[j]!.label)) }));
    pairing.unchanged[j] = unchanged ? 1 : 0;
    pairing.similarity[j] = unchanged ? 1 : group.similarity;
  }
  return pairing;
}

/** A function of a place in a provision's text that gives the same everywhere: the provision's own paragraph. */
function constant(paragraph: string | null): () => string | null {
  return () => paragraph;
}

/** The similarity bar of the free search (matchSimilar). */
const SIMILAR = 0.4;
/** Leftovers beyond this many a side go to the Matcher (its direct search stops at 64 pairs). */
const MAX_IN_PLACE = 8;

/**
 * pairEditsInPlace's lists of changed provisions, their tokens and the similarity of each k-th pair, reused
 * (at most MAX_IN_PLACE a side; the function is not re-entered): small arrays per edited clause were a tenth
 * of what it allocated.
 */
const leftOld = new Int32Array(MAX_IN_PLACE);
const leftNew = new Int32Array(MAX_IN_PLACE);
const oldTokens: Tokens[] = [];
const newTokens: Tokens[] = [];
const own = new Float64Array(MAX_IN_PLACE);

/**
 * The usual edited clause, decided without the Matcher: its provisions are the same strings but for a few,
 * and the k-th changed old provision is plainly the k-th changed new one. Returns null when anything else
 * could happen, and the Matcher decides. The outcome is the Matcher's, stage by stage:
 * - identical texts pair as matchKeys pairs them (for each new provision, the first unpaired old one with the
 *   same text — among equal texts the k-th old with the k-th new);
 * - as many changed provisions on each side, none of them without words, and no old and new one with equal
 *   loose keys: matchExact pairs nothing;
 * - each k-th pair clears matchSimilar's bar and is more similar than any other pair of its row and column
 *   that clears it: the best-first assignment then makes exactly these pairs (the best remaining edge always
 *   is one of them), whatever the order of equal edges;
 * - then every provision is paired: fillGaps has nothing to do, nor has the search for splits and merges
 *   (every split or merge has a part still unpaired); markMoves reads the same sequence.
 */
function pairEditsInPlace(olds: FlatProvision[], news: FlatProvision[], background: number, tokens: (text: string) => Tokens): Pairing | null {
  const pairing = emptyPairing(olds.length, news.length);
  const { oldOf, newOf } = pairing;
  pairIdenticalTexts(olds, news, oldOf, newOf);
  // The changed provisions of each side: more than MAX_IN_PLACE are counted, not listed (the Matcher decides).
  let k = 0;
  for (let i = 0; i < olds.length; i++) {
    if (newOf[i]! >= 0) continue;
    if (k < MAX_IN_PLACE) leftOld[k] = i;
    k++;
  }
  let changedNew = 0;
  for (let j = 0; j < news.length; j++) {
    if (oldOf[j]! < 0) {
      if (changedNew < MAX_IN_PLACE) leftNew[changedNew] = j;
      changedNew++;
    } else { pairing.unchanged[j] = 1; pairing.similarity[j] = 1; }
  }
  if (k !== changedNew || k > MAX_IN_PLACE) return null;
  if (k > 0) {
    for (let a = 0; a < k; a++) {
      oldTokens[a] = tokens(olds[leftOld[a]!]!.text);
      newTokens[a] = tokens(news[leftNew[a]!]!.text);
    }
    for (let a = 0; a < k; a++) {
      if (oldTokens[a]!.words.length === 0 || newTokens[a]!.words.length === 0) return null;
      for (let b = 0; b < k; b++) if (oldTokens[a]!.looseKey === newTokens[b]!.looseKey) return null;
    }
    // The very bar matchSimilar applies.
    const bar = raisedBar(SIMILAR, background);
    for (let a = 0; a < k; a++) {
      own[a] = diceOfTokens(oldTokens[a]!, newTokens[a]!);
      if (!(own[a]! >= bar)) return null;
    }
    // Another pair at least as similar as either of the two k-th pairs it crosses could come first.
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        if (b !== a && !diceOfTokensBelow(oldTokens[a]!, newTokens[b]!, Math.min(own[a]!, own[b]!))) return null;
      }
    }
    for (let a = 0; a < k; a++) {
      const i = leftOld[a]!, j = leftNew[a]!;
      oldOf[j] = i;
      newOf[i] = j;
      pairing.similarity[j] = own[a]!;
    }
  }
  // Every provision is paired: the moved ones stand outside one longest in-order run of old positions.
  let inOrder = true;
  for (let j = 1; j < news.length && inOrder; j++) inOrder = oldOf[j]! > oldOf[j - 1]!;
  if (!inOrder) {
    const member = longestIncreasingSubsequence(oldOf.subarray(0, news.length));
    for (let j = 0; j < news.length; j++) pairing.moved[j] = member[j] ? 0 : 1;
  }
  return pairing;
}

/**
 * Pair provisions with the same text, as Matcher.matchKeys pairs them: for each new provision in order, the
 * first unpaired old one with its text. Most pairs continue the run of the previous one, so old provisions are
 * read from a cursor: those before it are paired or were passed over (`passed`, tried first), those from it on
 * are unpaired — each text is compared about once, rather than with every old provision before its partner.
 */
function pairIdenticalTexts(olds: FlatProvision[], news: FlatProvision[], oldOf: Int32Array, newOf: Int32Array): void {
  if (olds.length * news.length > 1024) {
    pairIdenticalTextsByMap(olds, news, oldOf, newOf);
    return;
  }
  const passed: number[] = [];
  let cursor = 0;
  for (let j = 0; j < news.length; j++) {
    const text = news[j]!.text;
    let i = -1;
    for (let p = 0; p < passed.length; p++) {
      if (olds[passed[p]!]!.text === text) { i = passed[p]!; passed.splice(p, 1); break; }
    }
    if (i < 0) {
      let k = cursor;
      while (k < olds.length && olds[k]!.text !== text) k++;
      if (k === olds.length) continue;
      for (let q = cursor; q < k; q++) passed.push(q);
      i = k;
      cursor = k + 1;
    }
    oldOf[j] = i;
    newOf[i] = j;
  }
}

/** pairIdenticalTexts for many provisions: the old ones by text, each list consumed in order. */
function pairIdenticalTextsByMap(olds: FlatProvision[], news: FlatProvision[], oldOf: Int32Array, newOf: Int32Array): void {
  const byText = new Map<string, number[]>();
  for (let i = 0; i < olds.length; i++) {
    const list = byText.get(olds[i]!.text);
    if (list) list.push(i); else byText.set(olds[i]!.text, [i]);
  }
  const taken = new Map<string, number>();
  for (let j = 0; j < news.length; j++) {
    const text = news[j]!.text;
    const list = byText.get(text);
    if (!list) continue;
    const k = taken.get(text) ?? 0;
    if (k >= list.length) continue;
    taken.set(text, k + 1);
    oldOf[j] = list[k]!;
    newOf[list[k]!] = j;
  }
}

function labelsDiffer(a: string | null, b: string | null): boolean {
  return !sameLabel(a ?? '', b ?? '');
}

function orderChanges(pairing: Pairing, olds: FlatProvision[], news: FlatProvision[]): ProvisionChange[] {
  const { oldOf, newOf } = pairing;
  const changes: ProvisionChange[] = [];
  const positions: number[] = [];
  const groupNumbers = new Map<{ old: number[]; new: number[] }, number>();
  for (let j = 0; j < news.length; j++) {
    const i = oldOf[j]!;
    const group = pairing.parts?.get(j);
    if (group) {
      // One entry per part; a merge's entries all stand at its one new provision. Entries of one group share
      // its number (numbered by first appearance), since labels repeat ("(a)" under two chapeaux).
      let number = groupNumbers.get(group);
      if (number === undefined) groupNumbers.set(group, (number = groupNumbers.size + 1));
      const kind: ChangeKind = group.old.length > 1 ? 'merged' : 'split';
      for (const part of kind === 'merged' ? group.old : [group.old[0]!]) {
        changes.push({
          kind, moved: pairing.moved[j] === 1, renumbered: labelsDiffer(olds[part]!.label, news[j]!.label),
          old: olds[part]!.label, new: news[j]!.label, oldIndex: part, newIndex: j, similarity: pairing.similarity[j]!, group: number,
        });
        positions.push(j);
      }
      continue;
    }
    positions.push(j);
    if (i < 0) {
      changes.push({ kind: 'inserted', moved: false, renumbered: false, old: null, new: news[j]!.label, oldIndex: null, newIndex: j, similarity: 0 });
      continue;
    }
    const unchanged = pairing.unchanged[j] === 1;
    changes.push({
      kind: unchanged ? 'unchanged' : 'edited', moved: pairing.moved[j] === 1, renumbered: labelsDiffer(olds[i]!.label, news[j]!.label),
      old: olds[i]!.label, new: news[j]!.label, oldIndex: i, newIndex: j, similarity: pairing.similarity[j]!,
    });
  }
  // A deleted provision stands after the last preceding old provision that stayed in order.
  const deletions: ProvisionChange[] = [];
  const anchors: number[] = [];
  let anchor = -1;
  for (let i = 0; i < olds.length; i++) {
    const j = newOf[i]!;
    if (j >= 0) {
      if (pairing.moved[j] !== 1) anchor = j;
      continue;
    }
    deletions.push({ kind: 'deleted', moved: false, renumbered: false, old: olds[i]!.label, new: null, oldIndex: i, newIndex: null, similarity: 0 });
    anchors.push(anchor);
  }
  return interleave(changes, positions, deletions, anchors);
}
