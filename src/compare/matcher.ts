/**
 * The alignment core shared by clauses and provisions: given the token streams of two lists of units (in
 * reading order), decide which old units became which new ones.
 *
 * The caller runs the stages it wants, usually in this order (each only looks at what earlier stages left
 * unmatched; provisions fill their gaps before looking for splits, see provisions-align.ts):
 *   pair()               fixed pairs the caller already knows (authored clause ids);
 *   matchKeys()          identical units by a caller's key (the clause aligner's cheap "same source text" key,
 *                        which spares the tokenizer every clause that did not change);
 *   matchExact()         same text ignoring numbering (loose key equality), paired in reading order;
 *   matchSimilar()       edited units: rare-shingle candidates from an inverted index, exact Dice overlap on the
 *                        few candidates, then a greedy assignment best-first;
 *   matchSplitsAndMerges() one unit's text largely inside two or more neighbouring ones on the other side;
 *   matchTitles()        leftovers sharing a title no other leftover has, on little textual evidence;
 *   fillGaps()           between two consecutive in-order anchors, the leftovers that still resemble each other
 *                        (two short units alone in their gap: by their words, shortRewording);
 *   markMoves()          a longest increasing subsequence over the pairs; those outside it moved.
 * What stays unmatched is inserted (new side) or deleted (old side).
 */
import { longestIncreasingSubsequence } from './lis.js';
import type { Tokens } from './normalize.js';
import { ShingleIndex } from './shingle-index.js';
import { containment, dice, forEachShared, intersectionSize, shinglesOfTokens } from './shingles.js';

export interface Group {
  /** Old unit indices, ascending. One for a pair or a split, several for a merge. */
  old: number[];
  /** New unit indices, ascending. One for a pair or a merge, several for a split. */
  new: number[];
  similarity: number;
  /** True when matched on equal loose keys (the same text ignoring case, punctuation and numbering). */
  exact: boolean;
  /** True when matched by matchKeys: the same text, so certainly unchanged. */
  identical?: boolean;
  moved: boolean;
}

/** Up to this many leftover pairs are compared directly, without an index. */
const SMALL = 64;
/** Candidates compared exactly per unmatched unit. */
const CANDIDATES = 4;
/**
 * A part of a split (or merge) must lie this much inside the whole (raised above the background): low,
 * because a part is usually reworded as it moves (real merges keep a third to a half of each part's phrases).
 */
const PART_CONTAINMENT = 0.3;
/** ... and the parts together must cover this much of the whole. */
const WHOLE_COVERAGE = 0.5;
/**
 * Background similarity from which drafts count as formulaic: stock titles say nothing, and a pair must stand
 * clear of chance (MOVE_DEVIATIONS). Real drafts stand near zero (at most 0.015 in the corpus), generated
 * trade agreements from 0.09 (80-word articles) to 0.25: the line lies between, well clear of both.
 */
const FORMULAIC = 0.05;
/**
 * A whole condensed into its parts: a negotiating text's section of options becomes several short articles
 * (the Geneva text's procedural section M, 46 paragraphs, became Articles 12–26 of October 2015: each article
 * lies 0.5–1 inside it, together they cover a third of it). The parts must then come mostly from the whole
 * (this share of all their shingles, raised above the background), and cover at least this much of it.
 */
const CONDENSED_PARTS = 0.6;
const CONDENSED_COVERAGE = 0.2;
/** Neighbouring parts of one split stand at most this many units apart. */
const MAX_PART_DISTANCE = 3;
/** A pair weaker than this may be re-read as one part of a split or merge. */
const WEAK_PAIR = 0.9;
/** Units of at most this many words are short: their shingles say little (Matcher.shortRewording). */
const SHORT_UNIT = 24;
/** Two short units alone in their gap are one reworded when they share this share of their distinct words. */
const SHORT_WORD_OVERLAP = 0.5;
/** Gaps larger than this (old × new leftovers) are not searched pairwise. */
const MAX_GAP_PAIRS = 2500;
/** Background-raised bars never exceed this (drafts of near-identical clauses still pair on strong overlap). */
const MAX_BAR = 0.8;

/**
 * The bar of the free similarity search (matchSimilar): raised above the drafts' background to twice the
 * background, at most MAX_BAR. Exported for shortcuts that must decide exactly as matchSimilar would.
 */
export function raisedBar(threshold: number, background: number): number {
  return Math.max(threshold, Math.min(MAX_BAR, 2 * background));
}

/**
 * How far above the background a pair must stand in formulaic drafts, in standard deviations of unrelated
 * pairs (backgroundSpread), when nothing but its text speaks for it (a stock title says nothing). Among a
 * hundred insertions and a hundred deletions, the best unrelated candidate of an inserted article stands out
 * of the background by chance — 2 to 3.8 times it, more for shorter articles, whose overlap varies more — while
 * true pairs stand far above. Measured in generated treaties (3,000 and 10,000 articles of 80–210 words, 2–5 %
 * moved, inserted and deleted): unrelated pairs paired as moves stood up to 5.5 deviations above the
 * background, as pairs in the same gap up to 4.7; true pairs, moved or not, 9 or more. A move needs 7; a pair
 * in place, where position speaks for it too, 6.
 */
const MOVE_DEVIATIONS = 7;
const IN_PLACE_DEVIATIONS = 6;

/** Shingles of the whole that a part must hold and no other part of the same split or merge holds. */
const OWN_SHINGLES = 3;

/**
 * The parts that each hold at least OWN_SHINGLES of the whole's shingles that none of the other kept parts
 * holds. The parts of a real split are different pieces of the whole; a part that only repeats phrases another
 * part already brings ("The Party may, upon request:" before a point that says "may, upon request" too) adds
 * nothing to it. Such parts are let go one at a time, the one with least of its own first (letting one go may
 * leave the others more of their own), and the rest stay a split if two or more remain.
 * @param whole the whole's shingle set; `setOf` a part's (both ascending, distinct values)
 */
function partsBringingTheirOwn(whole: Int32Array, parts: readonly number[], setOf: (p: number) => Int32Array): number[] {
  let kept = [...parts];
  while (kept.length >= 2) {
    // How many kept parts hold each shingle of the whole, then each part's own share.
    const holders = new Uint8Array(whole.length);
    for (const p of kept) forEachShared(whole, setOf(p), (k) => { holders[k]!++; });
    let weakest = -1, least = OWN_SHINGLES;
    for (const p of kept) {
      let own = 0;
      forEachShared(whole, setOf(p), (k) => { if (holders[k] === 1) own++; });
      if (own < least) { least = own; weakest = p; }
    }
    if (weakest < 0) break;
    kept = kept.filter((p) => p !== weakest);
  }
  return kept;
}

/** The sample standard deviation of at least two values. */
function standardDeviation(xs: readonly number[]): number {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let sum = 0;
  for (const x of xs) sum += (x - mean) ** 2;
  return Math.sqrt(sum / (xs.length - 1));
}

/** In-order anchors as two lists: each anchor's last old unit and last new unit, in new order. */
interface Anchors {
  old: Int32Array;
  new: Int32Array;
}

/** The gap a unit stands in: how many anchors precede it on its side (a binary search: anchors ascend). */
function gapOf(index: number, side: Int32Array): number {
  let lo = 0, hi = side.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (side[mid]! < index) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Whether old unit i and new unit j stand in the same gap between anchors: pairing them is no move. */
function sameGap(anchors: Anchors, i: number, j: number): boolean {
  return gapOf(i, anchors.old) === gapOf(j, anchors.new);
}

export class Matcher {
  readonly groups: Group[] = [];
  /** Group index of each old / new unit, -1 while unmatched. */
  readonly oldGroup: Int32Array;
  readonly newGroup: Int32Array;
  private readonly oldSets: (Int32Array | null)[];
  private readonly newSets: (Int32Array | null)[];
  private readonly oldTokenCache: (Tokens | undefined)[];
  private readonly newTokenCache: (Tokens | undefined)[];

  /**
   * @param oldCount, newCount the number of units on each side
   * @param readOld, readNew tokenize one unit; called at most once per unit, and only for units that the
   *   key stage left unmatched (tokenizing is the largest cost of an alignment)
   */
  constructor(
    oldCount: number,
    newCount: number,
    private readonly readOld: (i: number) => Tokens,
    private readonly readNew: (j: number) => Tokens,
    /** The background similarity when the caller knows it (provisions inherit their clauses' drafts'). */
    private readonly givenBackground?: number,
  ) {
    this.oldGroup = new Int32Array(oldCount).fill(-1);
    this.newGroup = new Int32Array(newCount).fill(-1);
    this.oldSets = new Array(oldCount).fill(null);
    this.newSets = new Array(newCount).fill(null);
    this.oldTokenCache = new Array(oldCount);
    this.newTokenCache = new Array(newCount);
  }

  /** A matcher over units already tokenized. */

  oldTokens(i: number): Tokens {
    return (this.oldTokenCache[i] ??= this.readOld(i));
  }
  newTokens(j: number): Tokens {
    return (this.newTokenCache[j] ??= this.readNew(j));
  }

  /**
   * Pair units with equal keys, the k-th old with the k-th new among equal keys. The caller vouches that equal
   * keys mean identical text: these pairs are `identical` and never tokenized.
   */
  matchKeys<K>(oldKeys: ArrayLike<K>, newKeys: ArrayLike<K>, same: (i: number, j: number) => boolean = () => true, eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true): void {
    // Numeric keys are bucketed by their low 30 bits, which the engine keeps as small integers (53-bit keys
    // would be boxed doubles); `same` confirms each pair.
    const bucket = (key: K): K | number => (typeof key === 'number' ? key % 1073741824 : key);
    if (oldKeys.length * newKeys.length <= SMALL) {
      // The provisions of one clause: a search beats two Maps. Among equal keys the old units pair in order,
      // so the k-th one is the first still unpaired.
      for (let j = 0; j < newKeys.length; j++) {
        if (this.newGroup[j]! >= 0 || !eligibleNew(j)) continue;
        const key = bucket(newKeys[j]!);
        for (let i = 0; i < oldKeys.length; i++) {
          if (this.oldGroup[i]! >= 0 || !eligibleOld(i) || bucket(oldKeys[i]!) !== key) continue;
          if (same(i, j)) this.pairIdentical(i, j);
          break;
        }
      }
      return;
    }
    const byKey = new Map<K | number, number[]>();
    for (let i = 0; i < oldKeys.length; i++) {
      if (this.oldGroup[i]! >= 0 || !eligibleOld(i)) continue;
      const key = bucket(oldKeys[i]!);
      const list = byKey.get(key);
      if (list) list.push(i); else byKey.set(key, [i]);
    }
    const cursor = new Map<K | number, number>();
    for (let j = 0; j < newKeys.length; j++) {
      if (this.newGroup[j]! >= 0 || !eligibleNew(j)) continue;
      const key = bucket(newKeys[j]!);
      const list = byKey.get(key);
      if (!list) continue;
      const k = cursor.get(key) ?? 0;
      if (k >= list.length || !same(list[k]!, j)) continue;
      cursor.set(key, k + 1);
      this.pairIdentical(list[k]!, j);
    }
  }

  /** Pair two units the caller knows to be identical (the same text): never tokenized. */
  pairIdentical(i: number, j: number): void {
    this.addGroup({ old: [i], new: [j], similarity: 1, exact: true, identical: true, moved: false });
  }

  /** Shingle sets are computed only for units that reach the similarity stages. */
  oldSet(i: number): Int32Array {
    return (this.oldSets[i] ??= shinglesOfTokens(this.oldTokens(i)));
  }
  newSet(j: number): Int32Array {
    return (this.newSets[j] ??= shinglesOfTokens(this.newTokens(j)));
  }

  private background: number | null = null;

  /**
   * How similar two unrelated units of these drafts are: the median Dice of a fixed sample of pairs taken half
   * the draft apart. Treaty language is formulaic — in a generated trade agreement two unrelated articles
   * share a fifth of their shingles — so a bar that means "these are the same clause" must stand well above
   * this floor, while in plainer texts the floor is near zero and the fixed bars apply.
   */
  backgroundSimilarity(): number {
    if (this.background !== null) return this.background;
    if (this.givenBackground !== undefined) return (this.background = this.givenBackground);
    // Sample among units already shingled when there are enough of them (that costs nothing more); otherwise
    // across the whole drafts. The first caller is usually matchSimilar's bar, before it has shingled anything,
    // so a clause alignment samples the whole drafts: the similarity bars were tuned on that sample (sampling
    // the leftovers instead changes a few alignments of the generated treaties and saves no measurable time).
    let olds: number[] | null = [];
    let news: number[] | null = [];
    for (let i = 0; i < this.oldSets.length; i++) if (this.oldSets[i] && this.oldSets[i]!.length > 0) olds.push(i);
    for (let j = 0; j < this.newSets.length; j++) if (this.newSets[j] && this.newSets[j]!.length > 0) news.push(j);
    // null: every unit of the side, by its own index (no list of a whole draft's indices is built).
    if (olds.length < 8 || news.length < 8) olds = news = null;
    const samples = this.unrelatedSimilarities(16, olds, news);
    samples.sort((a, b) => a - b);
    this.background = samples.length >= 4 ? samples[samples.length >> 1]! : 0;
    return this.background;
  }

  /**
   * Dice of up to `count` pairs of units taken half the lists apart (unrelated, whatever the order of the
   * drafts), among `olds` and `news` (null: every unit of the side, by its own index). Fewer than four units a
   * side give no sample.
   */
  private unrelatedSimilarities(count: number, olds: number[] | null, news: number[] | null): number[] {
    const nOld = olds ? olds.length : this.oldGroup.length, nNew = news ? news.length : this.newGroup.length;
    const samples: number[] = [];
    count = Math.min(count, nOld, nNew);
    if (count < 4) return samples;
    for (let k = 0; k < count; k++) {
      const a = Math.floor((k * nOld) / count);
      const b = (Math.floor((a * nNew) / nOld) + (nNew >> 1)) % nNew;
      const i = olds ? olds[a]! : a;
      const j = news ? news[b]! : b;
      if (this.oldTokens(i).words.length === 0 || this.newTokens(j).words.length === 0) continue;
      if (this.oldTokens(i).looseKey === this.newTokens(j).looseKey) continue;
      samples.push(dice(this.oldSet(i), this.newSet(j)));
    }
    return samples;
  }

  private spread: number | null = null;

  /**
   * How much unrelated pairs of these drafts vary around the background: the standard deviation of 64 pairs
   * across the whole drafts (sixteen, the background's sample, estimate it too roughly to set a bar on).
   * Read only to judge a pair that falls short of MAX_BAR (clearOfChance), so most comparisons never
   * tokenize the sample.
   * 0 for provisions (their background is given) and drafts too small to sample.
   */
  private backgroundSpread(): number {
    if (this.spread !== null) return this.spread;
    const samples = this.givenBackground === undefined ? this.unrelatedSimilarities(64, null, null) : [];
    return (this.spread = samples.length >= 4 ? standardDeviation(samples) : 0);
  }

  /**
   * Whether a pair of similarity `s` that clears `bar` also stands clear of chance: in formulaic drafts
   * MOVE_DEVIATIONS (a move) or IN_PLACE_DEVIATIONS standard deviations above the background, at most MAX_BAR.
   * The spread is sampled only for a pair short of MAX_BAR, which true pairs of formulaic drafts rarely are.
   */
  private clearOfChance(s: number, bar: number, moved: boolean): boolean {
    if (s >= MAX_BAR || this.backgroundSimilarity() < FORMULAIC) return true;
    return s >= this.chanceBar(bar, moved);
  }

  /** `bar` raised to stand clear of chance (see clearOfChance). */
  private chanceBar(bar: number, moved: boolean): number {
    const background = this.backgroundSimilarity();
    if (background < FORMULAIC || bar >= MAX_BAR) return bar;
    const deviations = moved ? MOVE_DEVIATIONS : IN_PLACE_DEVIATIONS;
    return Math.max(bar, Math.min(MAX_BAR, background + deviations * this.backgroundSpread()));
  }

  private bar(threshold: number): number {
    return raisedBar(threshold, this.backgroundSimilarity());
  }

  /** Dice similarity of old unit i and new unit j (1 when their loose keys are equal). */
  similarity(i: number, j: number): number {
    if (this.oldTokens(i).looseKey === this.newTokens(j).looseKey) return 1;
    return dice(this.oldSet(i), this.newSet(j));
  }

  pair(i: number, j: number, similarity = this.similarity(i, j)): void {
    const exact = this.oldTokens(i).looseKey === this.newTokens(j).looseKey;
    this.addGroup({ old: [i], new: [j], similarity, exact, moved: false });
  }

  /** Pair two units on the caller's evidence, without reading their text (see matchByParagraphs in align.ts). */
  pairOnEvidence(i: number, j: number, similarity: number): void {
    this.addGroup({ old: [i], new: [j], similarity, exact: false, moved: false });
  }

  private addGroup(group: Group): void {
    const g = this.groups.length;
    this.groups.push(group);
    for (const i of group.old) this.oldGroup[i] = g;
    for (const j of group.new) this.newGroup[j] = g;
  }

  private removeGroup(g: number): void {
    const group = this.groups[g]!;
    for (const i of group.old) this.oldGroup[i] = -1;
    for (const j of group.new) this.newGroup[j] = -1;
    group.old = [];
    group.new = [];
  }

  /** Unmatched units that pass `eligible`, old side and new side. */
  private leftovers(eligibleOld: (i: number) => boolean, eligibleNew: (j: number) => boolean): [number[], number[]] {
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = 0; i < this.oldGroup.length; i++) if (this.oldGroup[i] < 0 && eligibleOld(i)) olds.push(i);
    for (let j = 0; j < this.newGroup.length; j++) if (this.newGroup[j] < 0 && eligibleNew(j)) news.push(j);
    return [olds, news];
  }

  /**
   * Pair units with equal loose keys. Among several units with the same key (repeated boilerplate), the k-th
   * old one pairs with the k-th new one, which keeps repeated text in order instead of inventing moves.
   */
  matchExact(eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true): void {
    const [olds, news] = this.leftovers(eligibleOld, eligibleNew);
    if (olds.length * news.length <= SMALL) {
      // A few leftovers: a search beats two Maps (the k-th old unit of a key is the first still unpaired).
      const keys = olds.map((i) => this.oldTokens(i).looseKey);
      for (const j of news) {
        const key = this.newTokens(j).looseKey;
        for (let a = 0; a < olds.length; a++) {
          if (keys[a] !== key || this.oldGroup[olds[a]!]! >= 0) continue;
          this.addGroup({ old: [olds[a]!], new: [j], similarity: 1, exact: true, moved: false });
          break;
        }
      }
      return;
    }
    const byKey = new Map<number, number[]>();
    for (const i of olds) {
      const key = this.oldTokens(i).looseKey;
      const list = byKey.get(key);
      if (list) list.push(i); else byKey.set(key, [i]);
    }
    const cursor = new Map<number, number>();
    for (const j of news) {
      const key = this.newTokens(j).looseKey;
      const list = byKey.get(key);
      if (!list) continue;
      const k = cursor.get(key) ?? 0;
      if (k >= list.length) continue;
      cursor.set(key, k + 1);
      this.addGroup({ old: [list[k]!], new: [j], similarity: 1, exact: true, moved: false });
    }
  }

  /** Pair edited units whose shingle overlap (Dice) reaches `threshold`, best pairs first. */
  matchSimilar(threshold: number, eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true): void {
    const [olds, news] = this.leftovers((i) => eligibleOld(i) && this.oldTokens(i).words.length > 0, (j) => eligibleNew(j) && this.newTokens(j).words.length > 0);
    if (olds.length === 0 || news.length === 0) return;
    threshold = this.bar(threshold);
    // In formulaic drafts a pair must also stand clear of chance, by more when it crosses gaps between the
    // in-order anchors (a move); the anchors are found only for a pair short of MAX_BAR in such drafts (true
    // pairs rarely are), hence the checks before clearOfChance's own.
    const formulaic = this.backgroundSimilarity() >= FORMULAIC;
    let anchors: Anchors | null = null;
    const clears = (i: number, j: number, s: number) =>
      s >= threshold && (!formulaic || s >= MAX_BAR || this.clearOfChance(s, threshold, !sameGap((anchors ??= this.inOrderAnchors()), i, j)));
    for (const i of olds) this.oldSet(i);
    const edges: { i: number; j: number; s: number }[] = [];
    if (olds.length * news.length <= SMALL) {
      // A few leftovers (provisions of one clause): comparing all of them costs less than an index.
      for (const j of news) for (const i of olds) {
        const s = dice(this.oldSets[i]!, this.newSet(j));
        if (clears(i, j, s)) edges.push({ i, j, s });
      }
    } else {
      const index = new ShingleIndex(this.oldSets, olds);
      for (const j of news) {
        const set = this.newSet(j);
        for (const i of index.candidates(set, CANDIDATES)) {
          const s = dice(this.oldSets[i]!, set);
          if (clears(i, j, s)) edges.push({ i, j, s });
        }
      }
    }
    // Best first; among equals, the pair closest to the diagonal (least displaced) wins.
    const nOld = Math.max(1, this.oldGroup.length), nNew = Math.max(1, this.newGroup.length);
    const displacement = (e: { i: number; j: number }) => Math.abs(e.i / nOld - e.j / nNew);
    edges.sort((a, b) => b.s - a.s || displacement(a) - displacement(b));
    for (const e of edges) {
      if (this.oldGroup[e.i] >= 0 || this.newGroup[e.j] >= 0) continue;
      this.addGroup({ old: [e.i], new: [e.j], similarity: e.s, exact: false, moved: false });
    }
  }

  /**
   * Splits (one old unit's text now spread over two or more new units) and merges (the reverse), found by
   * containment: each part lies mostly inside the whole, and the parts together cover much of it. A part is
   * an unmatched unit, or the whole's own partner when that pair was weak (a split's largest part usually
   * pairs with the original by similarity first).
   */
  /**
   * `condensed`: also splits and merges whose parts come mostly from a whole they cover little of (clauses of
   * a negotiating text condensed; not provisions, where a point lies inside any paragraph that repeats it).
   */
  matchSplitsAndMerges(eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true, condensed = false): void {
    this.findParts('split', eligibleOld, eligibleNew, condensed);
    this.findParts('merge', eligibleOld, eligibleNew, condensed);
  }

  private findParts(mode: 'split' | 'merge', eligibleOld: (i: number) => boolean, eligibleNew: (j: number) => boolean, condensed: boolean): void {
    const split = mode === 'split';
    const wholeGroup = split ? this.oldGroup : this.newGroup;
    const partGroup = split ? this.newGroup : this.oldGroup;
    const wholeSet = (w: number) => (split ? this.oldSet(w) : this.newSet(w));
    const partSet = (p: number) => (split ? this.newSet(p) : this.oldSet(p));
    const wholeWords = (w: number) => (split ? this.oldTokens(w) : this.newTokens(w)).words.length;
    const partWords = (p: number) => (split ? this.newTokens(p) : this.oldTokens(p)).words.length;
    const wholeOk = split ? eligibleOld : eligibleNew;
    const partOk = split ? eligibleNew : eligibleOld;
    const isWeak = (g: number) => {
      const group = this.groups[g]!;
      return group.old.length === 1 && group.new.length === 1 && !group.exact && group.similarity < WEAK_PAIR;
    };
    // Every split has a part that is still unmatched (a part paired with another whole may not join), and
    // its other parts stand next to it: only units near an unmatched part can take part, which spares the
    // tokenizer every weak pair elsewhere in the drafts.
    // near[p]: 1 when p lies within MAX_PART_DISTANCE of a loose part, 2 when p is one itself (a mark, not a
    // search of the list: drafts with thousands of inserted clauses have thousands of loose parts).
    const near = new Uint8Array(partGroup.length);
    let looseCount = 0;
    for (let p = 0; p < partGroup.length; p++) {
      // A part needs a few shingles of its own: a three-word fragment lies inside almost anything.
      if (!(partGroup[p]! < 0 && partOk(p) && partWords(p) >= 5)) continue;
      looseCount++;
      for (let q = Math.max(0, p - MAX_PART_DISTANCE); q <= Math.min(partGroup.length - 1, p + MAX_PART_DISTANCE); q++) if (near[q] === 0) near[q] = 1;
      near[p] = 2;
    }
    if (looseCount === 0) return;
    const parts: number[] = [];
    for (let p = 0; p < partGroup.length; p++) {
      const g = partGroup[p]!;
      if (!near[p]) continue;
      if (g < 0 ? near[p] === 2 : isWeak(g) && partOk(p) && partWords(p) >= 5) parts.push(p);
    }
    // Wholes: unmatched units, and units weakly paired with a unit near an unmatched part.
    const wholes: number[] = [];
    for (let w = 0; w < wholeGroup.length; w++) {
      const g = wholeGroup[w]!;
      if (g >= 0) {
        if (!isWeak(g)) continue;
        const partner = this.groups[g]![split ? 'new' : 'old'][0]!;
        if (!near[partner]) continue;
      }
      if (wholeOk(w) && wholeWords(w) > 0) wholes.push(w);
    }
    if (wholes.length === 0 || parts.length < 2) return;
    const sets: (Int32Array | null)[] = new Array(wholeGroup.length).fill(null);
    for (const w of wholes) sets[w] = wholeSet(w);
    const index = new ShingleIndex(sets, wholes);
    const partBar = this.bar(PART_CONTAINMENT);
    // In formulaic drafts a part must lie inside its whole as clearly as a move must resemble its origin:
    // nothing else speaks for it, and an unrelated inserted article of 80 words lies a third inside a deleted
    // one by chance (a false split seen in generated treaties of 3,000 articles).
    const liesInside = (c: number) => c >= partBar && this.clearOfChance(c, partBar, true);
    const partsOf = new Map<number, number[]>();
    for (const p of parts) {
      const set = partSet(p);
      const g = partGroup[p]!;
      for (const w of index.candidates(set, 2)) {
        // A weakly paired part may only join its own partner: it is not free to join another whole.
        if (g >= 0 && wholeGroup[w] !== g) continue;
        if (!liesInside(containment(set, sets[w]!))) continue;
        const list = partsOf.get(w);
        if (list) list.push(p); else partsOf.set(w, [p]);
        break;
      }
    }
    for (const [w, ps] of partsOf) {
      const candidates = ps.filter((p) => partGroup[p]! < 0 || partGroup[p] === wholeGroup[w]).sort((a, b) => a - b);
      if (candidates.length < 2) continue;
      const whole = sets[w]!;
      // The parts of a real split stand together (a heading or two between them at most): keep the run of
      // neighbouring parts that covers most of the whole, so that a stray fragment elsewhere cannot join.
      let free: number[] = [];
      let bestCovered = 0;
      for (let k = 0; k < candidates.length;) {
        let end = k + 1;
        while (end < candidates.length && candidates[end]! - candidates[end - 1]! <= MAX_PART_DISTANCE) end++;
        const run = candidates.slice(k, end);
        let runCovered = 0;
        // The share of the whole that this part accounts for.
        for (const p of run) runCovered += containment(whole, partSet(p));
        if (runCovered > bestCovered) { bestCovered = runCovered; free = run; }
        k = end;
      }
      free = partsBringingTheirOwn(whole, free, partSet);
      if (free.length < 2) continue;
      let covered = 0;
      for (const p of free) covered += containment(whole, partSet(p));
      const coverage = Math.min(1, covered);
      if (coverage < WHOLE_COVERAGE && !(condensed && coverage >= CONDENSED_COVERAGE && this.mostlyInside(free, whole, partSet))) continue;
      if (wholeGroup[w]! >= 0) this.removeGroup(wholeGroup[w]!);
      for (const p of free) if (partGroup[p]! >= 0) this.removeGroup(partGroup[p]!);
      free.sort((a, b) => a - b);
      this.addGroup(split
        ? { old: [w], new: free, similarity: coverage, exact: false, moved: false }
        : { old: free, new: [w], similarity: coverage, exact: false, moved: false });
    }
  }

  /** Whether the parts' shingles, all together, lie inside the whole by CONDENSED_PARTS (raised). */
  private mostlyInside(parts: readonly number[], whole: Int32Array, partSet: (p: number) => Int32Array): boolean {
    let inside = 0, total = 0;
    for (const p of parts) {
      const set = partSet(p);
      inside += intersectionSize(set, whole);
      total += set.length;
    }
    return total > 0 && inside / total >= this.bar(CONDENSED_PARTS);
  }

  /**
   * Between two consecutive anchors (pairs that stayed in order), leftovers on both sides stand where the
   * other's counterpart would. Position is evidence, so the bar is lower than a free search could afford:
   * `threshold` (a single leftover on each side: `loneThreshold`), raised to a multiple of the background.
   * Within a gap the pairs keep their order: a small dynamic programme picks the in-order set of pairs with
   * the greatest total margin over the bar (a heavily redrafted treaty keeps its sequence even when every
   * article was rewritten — the Paris drafts' true pairs share 12–19 % of their shingles, wrong ones 2–5 %).
   * The pairs made in a gap cut it into smaller ones; a unit then left alone between two of them, facing one
   * unit alone on the other side, stands where its counterpart would as surely as in a lone gap from the start,
   * and is weighed again as one (four paragraphs all edited: the second, short and reworded, faced three
   * others at first and fell below the bar of a crowded gap).
   */
  fillGaps(threshold: number, loneThreshold: number, eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true): void {
    let loneOnly = false;
    // The second pass weighs only the gaps of one unit a side (those the first pass's pairs created among them):
    // pairing in such a gap leaves nothing in it, so there is never a third.
    while (this.fillGapsOnce(threshold, loneThreshold, eligibleOld, eligibleNew, loneOnly)) loneOnly = true;
  }

  /**
   * One pass of fillGaps over every gap (or, `loneOnly`, the gaps of one unit a side). Returns whether another
   * pass may pair more: whether some gap got pairs and kept leftovers on both sides (only such a gap can hold
   * a new lone gap between its pairs).
   */
  private fillGapsOnce(threshold: number, loneThreshold: number, eligibleOld: (i: number) => boolean, eligibleNew: (j: number) => boolean, loneOnly: boolean): boolean {
    const background = this.backgroundSimilarity();
    // Every leftover stands in some gap: with none on one side (the usual end of a provision alignment) there
    // is nothing to pair, and the anchors need not be found.
    let oldLeft = false, newLeft = false;
    for (let i = 0; i < this.oldGroup.length && !oldLeft; i++) oldLeft = this.oldGroup[i]! < 0 && eligibleOld(i) && this.oldTokens(i).words.length > 0;
    for (let j = 0; j < this.newGroup.length && !newLeft; j++) newLeft = this.newGroup[j]! < 0 && eligibleNew(j) && this.newTokens(j).words.length > 0;
    if (!oldLeft || !newLeft) return false;
    let again = false;
    const anchors = this.inOrderAnchors();
    const count = anchors.old.length;
    // Gap k lies between anchor k-1 and anchor k; sentinels stand before the first and after the last unit.
    for (let k = 0; k <= count; k++) {
      const o0 = k > 0 ? anchors.old[k - 1]! : -1, n0 = k > 0 ? anchors.new[k - 1]! : -1;
      const o1 = k < count ? anchors.old[k]! : this.oldGroup.length, n1 = k < count ? anchors.new[k]! : this.newGroup.length;
      // Most anchors follow each other on some side: no unit stands between them there, so nothing pairs.
      if (o1 - o0 <= 1 || n1 - n0 <= 1) continue;
      const olds: number[] = [];
      const news: number[] = [];
      for (let i = o0 + 1; i < o1; i++) if (this.oldGroup[i]! < 0 && eligibleOld(i) && this.oldTokens(i).words.length > 0) olds.push(i);
      for (let j = n0 + 1; j < n1; j++) if (this.newGroup[j]! < 0 && eligibleNew(j) && this.newTokens(j).words.length > 0) news.push(j);
      const no = olds.length, nn = news.length;
      if (no === 0 || nn === 0 || no * nn > MAX_GAP_PAIRS) continue;
      const lone = no === 1 && nn === 1;
      if (loneOnly && !lone) continue;
      const words = lone && background < FORMULAIC ? this.shortRewording(olds[0]!, news[0]!, loneThreshold) : 0;
      if (words > 0) {
        this.pair(olds[0]!, news[0]!, words);
        continue;
      }
      let bar = Math.max(lone ? loneThreshold : threshold, Math.min(MAX_BAR, (lone ? 2 : 3) * background));
      const similarity = new Float64Array(no * nn);
      // Whether some pair clears the bar but not MAX_BAR: only then can the bar against chance decide anything
      // (and its spread is sampled, which tokenizes clauses no other stage reads).
      let doubtful = false;
      for (let a = 0; a < no; a++) {
        for (let b = 0; b < nn; b++) {
          const s = (similarity[a * nn + b] = this.similarity(olds[a]!, news[b]!));
          if (s >= bar && s < MAX_BAR) doubtful = true;
        }
      }
      if (doubtful) bar = this.chanceBar(bar, false);
      // margin[a][b] > 0 when olds[a] and news[b] may pair.
      const margin = similarity;
      for (let k = 0; k < margin.length; k++) margin[k]! -= bar;
      // best[a][b]: greatest total margin pairing olds[a..] with news[b..] in order.
      const best = new Float64Array((no + 1) * (nn + 1));
      const W = nn + 1;
      for (let a = no - 1; a >= 0; a--) {
        for (let b = nn - 1; b >= 0; b--) {
          const m = margin[a * nn + b]!;
          let v = Math.max(best[(a + 1) * W + b]!, best[a * W + b + 1]!);
          if (m >= 0) v = Math.max(v, m + best[(a + 1) * W + b + 1]!);
          best[a * W + b] = v;
        }
      }
      let made = 0;
      for (let a = 0, b = 0; a < no && b < nn;) {
        const m = margin[a * nn + b]!;
        if (m >= 0 && best[a * W + b] === m + best[(a + 1) * W + b + 1]!) {
          this.pair(olds[a]!, news[b]!, m + bar);
          made++;
          a++; b++;
        } else if (best[a * W + b] === best[(a + 1) * W + b]) a++;
        else b++;
      }
      if (made > 0 && made < no && made < nn) again = true;
    }
    return again;
  }

  /**
   * Whether two short units, alone in their gap, are one reworded in place: too short for three-word shingles to
   * say (a sentence of a dozen words with three of them changed shares no shingle: "between United States and
   * Malaysian companies" → "between U.S. and Thai companies"), they share most of their words instead. Only in
   * drafts that are not formulaic, where two unrelated short clauses seldom share half their words. Returns that
   * share (the Dice overlap of their distinct words), which the pair reports as its similarity, or 0 when they
   * are not one reworded.
   */
  private shortRewording(i: number, j: number, bar: number): number {
    const a = this.oldTokens(i).words, b = this.newTokens(j).words;
    if (a.length > SHORT_UNIT || b.length > SHORT_UNIT || this.similarity(i, j) >= bar) return 0;
    const setA = new Set(a), setB = new Set(b);
    let shared = 0;
    for (const w of setA) if (setB.has(w)) shared++;
    const overlap = (2 * shared) / (setA.size + setB.size);
    return overlap >= SHORT_WORD_OVERLAP ? overlap : 0;
  }

  /**
   * Leftovers with the same title (a caller's key per unit, 0 for none), when that title is held by exactly
   * one leftover on each side. Sister instruments and heavy redrafts keep titles while rewriting the text,
   * so a shared title needs little textual evidence: `gapBar` when both stand in the same gap between
   * in-order anchors, `globalBar` (a move) otherwise — both raised above the background, so that in
   * formulaic text two unrelated clauses that happen to share a stock title do not pair.
   */
  matchTitles(oldTitle: (i: number) => number, newTitle: (j: number) => number, gapBar: number, globalBar: number, eligibleOld: (i: number) => boolean = () => true, eligibleNew: (j: number) => boolean = () => true): void {
    const [olds, news] = this.leftovers((i) => eligibleOld(i) && oldTitle(i) !== 0, (j) => eligibleNew(j) && newTitle(j) !== 0);
    if (olds.length === 0 || news.length === 0) return;
    const count = new Map<number, { old: number[]; new: number[] }>();
    const entry = (k: number) => {
      let e = count.get(k);
      if (!e) count.set(k, (e = { old: [], new: [] }));
      return e;
    };
    for (const i of olds) entry(oldTitle(i)).old.push(i);
    for (const j of news) entry(newTitle(j)).new.push(j);
    const anchors = this.inOrderAnchors();
    // In formulaic drafts titles repeat by the hundred and carry no evidence: demand more than the background.
    const background = this.backgroundSimilarity();
    // A pair in place needs one and a half times the background, a moved pair the free search's bar (twice), and
    // either must stand clear of chance: among a hundred insertions and a hundred deletions of a formulaic
    // treaty, two unrelated articles that happen to share a stock title stand a third alike, 2–2.8 times the
    // background (seen in generated treaties of 3,000 and 10,000 articles).
    const formulaic = background >= FORMULAIC;
    const inPlace = formulaic ? Math.min(MAX_BAR, 1.5 * background) : 0;
    const moved = formulaic ? raisedBar(0, background) : 0;
    for (const e of count.values()) {
      if (e.old.length !== 1 || e.new.length !== 1) continue;
      const i = e.old[0]!, j = e.new[0]!;
      const inGap = sameGap(anchors, i, j);
      const bar = inGap ? Math.max(gapBar, inPlace) : Math.max(globalBar, moved);
      const s = this.similarity(i, j);
      if (s >= bar && this.clearOfChance(s, bar, !inGap)) this.pair(i, j, s);
    }
  }

  /**
   * The groups that form the longest in-order run, in new order, each as its last old and last new unit: two
   * flat lists rather than a pair per anchor, since thousands of anchors are read and dropped by each caller.
   */
  private inOrderAnchors(): Anchors {
    const live = this.liveGroups();
    const member = longestIncreasingSubsequence(live.map((g) => g.old[0]!));
    let count = 0;
    for (let k = 0; k < member.length; k++) count += member[k]!;
    const anchors = { old: new Int32Array(count), new: new Int32Array(count) };
    for (let k = 0, a = 0; k < live.length; k++) {
      if (!member[k]) continue;
      const g = live[k]!;
      anchors.old[a] = g.old[g.old.length - 1]!;
      anchors.new[a++] = g.new[g.new.length - 1]!;
    }
    return anchors;
  }

  /** Groups with units on both sides, in the new draft's order (read off newGroup: no sort). */
  liveGroups(): Group[] {
    const live: Group[] = [];
    for (let j = 0; j < this.newGroup.length; j++) {
      const g = this.newGroup[j]!;
      if (g < 0) continue;
      const group = this.groups[g]!;
      if (group.new[0] === j && group.old.length > 0) live.push(group);
    }
    return live;
  }

  /** Flag as moved every group outside one longest in-order run. */
  markMoves(): void {
    const live = this.liveGroups();
    const member = longestIncreasingSubsequence(live.map((g) => g.old[0]!));
    live.forEach((g, k) => { g.moved = !member[k]; });
  }
}
