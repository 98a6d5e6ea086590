/**
 * Word shingles: the overlapping runs of SHINGLE_SIZE words of a text, each hashed to a 32-bit integer and
 * kept as a sorted set (Int32Array without duplicates). Sorted integer sets make overlap a linear merge, with
 * no strings and no hash maps.
 *
 * Three-word shingles are discriminating enough for treaty language, where a few hundred stock phrases
 * recur everywhere and single words say little about which clause a text came from.
 *
 * (Keeping only a hash-consistent sample of the shingles of long texts was tried: a quarter of the cost for
 * clauses rewritten throughout, but estimates noisy enough to lose true pairs in the Paris drafts and in
 * generated treaties. Every shingle is kept.)
 */

import { copyInt32s, int32s } from './int-arena.js';
import type { Tokens } from './normalize.js';

export const SHINGLE_SIZE = 3;

/** The set of word shingles of a token stream; a text shorter than a shingle is one shingle of all its words. */
export function shingleSet(words: Int32Array, size = SHINGLE_SIZE): Int32Array {
  const n = words.length;
  if (n === 0) return new Int32Array(0);
  const count = shingleCount(n, size);
  const width = Math.min(size, n);
  const out = int32s(count);
  if (width === 3) {
    // The common case, unrolled: this loop runs once per word of every clause that reaches similarity.
    for (let i = 0; i < count; i++) out[i] = shingle3(words, i);
  } else {
    for (let i = 0; i < count; i++) out[i] = shingleOf(words, i, width);
  }
  sortInt32(out);
  // Remove duplicates in place: a set, so that a phrase repeated ten times counts once.
  let u = 0;
  for (let i = 0; i < count; i++) if (i === 0 || out[i] !== out[u - 1]) out[u++] = out[i]!;
  // Most texts repeat no three-word phrase: the array itself then is the set.
  return u === count ? out : copyInt32s(out, u);
}

/** How many shingles a text of n > 0 words has. */
function shingleCount(n: number, size: number): number {
  return n < size ? 1 : n - size + 1;
}

/** The shingle of the three words from i. */
function shingle3(words: Int32Array, i: number): number {
  let h = Math.imul(0x2f1b3c4d ^ words[i]!, 0x5bd1e995) ^ (0x2f1b3c4d >>> 13);
  h = Math.imul(h ^ words[i + 1]!, 0x5bd1e995) ^ (h >>> 13);
  h = Math.imul(h ^ words[i + 2]!, 0x5bd1e995) ^ (h >>> 13);
  return h ^ (h >>> 16);
}

/** The shingle of the `width` words from i (shingle3 for three). */
function shingleOf(words: Int32Array, i: number, width: number): number {
  let h = 0x2f1b3c4d;
  for (let k = 0; k < width; k++) h = Math.imul(h ^ words[i + k]!, 0x5bd1e995) ^ (h >>> 13);
  return h ^ (h >>> 16);
}

/** Bucket counts and the scattered copy of sortInt32, reused. */
let bucketCounts = new Int32Array(1024);
let scattered = new Int32Array(1024);

/** Below this length the engine's sort is as fast as a bucket pass. */
const BUCKET_SORT = 64;

/**
 * Sort 32-bit hashes ascending (as Int32Array.prototype.sort does). Hashes are uniform, so one pass into as
 * many buckets as values (by their top bits) leaves about one value per bucket, and an insertion sort finishes
 * in linear time: twice as fast as the engine's sort on the long sets of whole clauses.
 */
function sortInt32(a: Int32Array): void {
  const n = a.length;
  if (n < BUCKET_SORT) {
    a.sort();
    return;
  }
  let bits = 6;
  while (1 << bits < n) bits++;
  const buckets = 1 << bits, shift = 32 - bits;
  if (bucketCounts.length < buckets + 1) bucketCounts = new Int32Array(buckets + 1);
  if (scattered.length < n) scattered = new Int32Array(n);
  const counts = bucketCounts, out = scattered;
  counts.fill(0, 0, buckets + 1);
  // Flipping the sign bit orders the buckets as signed values are ordered.
  for (let i = 0; i < n; i++) counts[((a[i]! ^ 0x80000000) >>> shift) + 1]++;
  for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    out[counts[(x ^ 0x80000000) >>> shift]!++] = x;
  }
  for (let i = 1; i < n; i++) {
    const x = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > x) { out[j + 1] = out[j]!; j--; }
    out[j + 1] = x;
  }
  for (let i = 0; i < n; i++) a[i] = out[i]!;
}

/**
 * The shingle set of a token stream, kept on the Tokens object itself: the clause aligner and the provision
 * aligner read the same (cached) tokens of changed paragraphs, and a field read costs far less than a WeakMap
 * lookup, whose ephemeron table also weighs on every garbage collection.
 */
export function shinglesOfTokens(tokens: Tokens): Int32Array {
  return (tokens.shingles ??= shingleSet(tokens.words));
}

/** The union of sorted sets, sorted and without duplicates. */
export function unionOf(sets: readonly Int32Array[]): Int32Array {
  if (sets.length === 1) return sets[0]!;
  // Two or three sets (the changed paragraphs of an edited clause): linear merges instead of a sort.
  if (sets.length === 2) return mergeSets(sets[0]!, sets[1]!);
  if (sets.length === 3) return mergeSets(mergeSets(sets[0]!, sets[1]!), sets[2]!);
  const all = int32s(sets.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of sets) { all.set(s, at); at += s.length; }
  all.sort();
  let u = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[u - 1]) all[u++] = all[i]!;
  return u === all.length ? all : copyInt32s(all, u);
}

/** Scratch space of mergeSets: the merge is copied out at its exact length. */
let merged = new Int32Array(1024);

/** The union of two sorted sets without duplicates, by one merge. */
function mergeSets(a: Int32Array, b: Int32Array): Int32Array {
  const na = a.length, nb = b.length;
  if (merged.length < na + nb) merged = new Int32Array(na + nb + 1024);
  const out = merged;
  let i = 0, j = 0, u = 0;
  while (i < na && j < nb) {
    const x = a[i]!, y = b[j]!;
    if (x === y) { out[u++] = x; i++; j++; } else if (x < y) { out[u++] = x; i++; } else { out[u++] = y; j++; }
  }
  while (i < na) out[u++] = a[i++]!;
  while (j < nb) out[u++] = b[j++]!;
  return copyInt32s(out, u);
}

/** Number of values two sorted sets share. */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, shared = 0;
  const na = a.length, nb = b.length;
  while (i < na && j < nb) {
    const x = a[i]!, y = b[j]!;
    if (x === y) { shared++; i++; j++; } else if (x < y) i++; else j++;
  }
  return shared;
}

/** Calls visit(k) for each value a[k] that b holds too (both ascending sets): intersectionSize's merge, visiting. */
export function forEachShared(a: Int32Array, b: Int32Array, visit: (k: number) => void): void {
  for (let k = 0, q = 0; k < a.length && q < b.length;) {
    const x = a[k]!, y = b[q]!;
    if (x === y) { visit(k); k++; q++; } else if (x < y) k++; else q++;
  }
}

/** Dice coefficient of two shingle sets: 1 for the same text, 0 for nothing in common. */
export function dice(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 1;
  return quotient(a.length, b.length, intersectionSize(a, b));
}

/**
 * Whether dice(a, b) < bound, reading the sets only as far as needed: the merge stops as soon as the values
 * left could no longer lift the overlap to the bound (unrelated texts: after a few values), or the overlap
 * has reached it. Exact: decided on the very quotient dice computes.
 */
export function diceBelow(a: Int32Array, b: Int32Array, bound: number): boolean {
  const na = a.length, nb = b.length;
  const total = na + nb;
  if (total === 0) return 1 < bound;
  // The largest overlap whose Dice stays below the bound (-1: none does).
  let most = Math.min(na, nb, Math.floor((bound * total) / 2) + 1);
  while (most >= 0 && (2 * most) / total >= bound) most--;
  if (most < 0) return false;
  let i = 0, j = 0, shared = 0;
  while (i < na && j < nb) {
    if (shared + Math.min(na - i, nb - j) <= most) return true;
    const x = a[i]!, y = b[j]!;
    if (x === y) {
      if (++shared > most) return false;
      i++; j++;
    } else if (x < y) i++; else j++;
  }
  return true;
}

/** How much of `part` lies inside `whole` (1 = all of it). */
export function containment(part: Int32Array, whole: Int32Array): number {
  if (part.length === 0) return 0;
  return intersectionSize(part, whole) / part.length;
}

/**
 * dice() of the union of the shingle sets of some texts with the union of those of others, without building
 * the sets: the shingles go into one hash table, each marked with the sides it was seen on, which counts the
 * distinct shingles of each side and those they share — the very integers dice() divides. For the few
 * changed paragraphs of an edited clause, read once: sorting their shingles into sets cost more than the rest
 * of their comparison. Texts whose sets are already built are read from those.
 */
export function diceOfUnions(a: readonly Tokens[], b: readonly Tokens[]): number {
  if (a.length === 1 && b.length === 1) return diceOfTokens(a[0]!, b[0]!);
  let windows = 0;
  for (const t of a) windows += t.words.length;
  for (const t of b) windows += t.words.length;
  openTable(windows);
  for (const t of a) addShingles(t.words, SIDE_A);
  const inA = added;
  added = 0;
  for (const t of b) addShingles(t.words, SIDE_B);
  return quotient(inA, added, shared);
}

/**
 * dice() of the shingle sets of two texts (diceOfUnions of one text a side). The result is kept on `a` with
 * `b`: the one changed paragraph of an edited clause is compared with its counterpart for the clause's
 * similarity (align.ts), then again for the provision alignment.
 */
export function diceOfTokens(a: Tokens, b: Tokens): number {
  if (a.diceWith === b) return a.dice!;
  let value: number;
  if (a.shingles && b.shingles) value = dice(a.shingles, b.shingles);
  else {
    openTable(a.words.length + b.words.length);
    addShingles(a.words, SIDE_A);
    const inA = added;
    added = 0;
    addShingles(b.words, SIDE_B);
    value = quotient(inA, added, shared);
  }
  a.diceWith = b;
  a.dice = value;
  return value;
}

/** Shingles of `b` added between two checks of diceOfTokensBelow's bound. */
const CHECK_EVERY = 16;

/**
 * Whether diceOfTokens(a, b) < bound, reading `b` only as far as needed: the rest of b's shingles could at
 * best all be new shared ones, and once even that would leave the quotient below the bound, it is. Exact:
 * the bound is the same quotient of integers at least as favourable (rounding keeps the order), and
 * otherwise the value itself is compared. Unrelated paragraphs (provision alignment checks every crossing
 * pair) are told after a third or so of their shingles.
 */
export function diceOfTokensBelow(a: Tokens, b: Tokens, bound: number): boolean {
  if (a.shingles && b.shingles) return diceBelow(a.shingles, b.shingles, bound);
  openTable(a.words.length + b.words.length);
  addShingles(a.words, SIDE_A);
  const inA = added;
  added = 0;
  const count = b.words.length === 0 ? 0 : shingleCount(b.words.length, SHINGLE_SIZE);
  for (let from = 0; from < count; from += CHECK_EVERY) {
    const left = count - from;
    if (quotient(inA, added + left, shared + left) < bound) return true;
    addShingles(b.words, SIDE_B, from, Math.min(count, from + CHECK_EVERY));
  }
  return quotient(inA, added, shared) < bound;
}

/** The quotient dice() computes, from the sizes of the two sets and of their intersection. */
function quotient(sizeA: number, sizeB: number, intersection: number): number {
  const total = sizeA + sizeB;
  if (total === 0) return 1;
  return (2 * intersection) / total;
}

/** Slots of the table of diceOfUnions: a shingle, and the pass that wrote it << 2 | the sides it was seen on. */
let tableKeys = new Int32Array(1024);
let tableMarks = new Int32Array(1024);
let tableMask = 1023;
/** The current pass: marks of earlier passes read as empty slots, so the table is never cleared. */
let pass = 0;
const SIDE_A = 1;
const SIDE_B = 2;
/** Passes before the marks are cleared (pass << 2 must stay a positive 32-bit integer). */
const MAX_PASS = 1 << 28;
/** Shingles of the current pass new to the side being added, and those of them the other side holds. */
let added = 0;
let shared = 0;

/** Start a pass over at most `windows` shingles, in a table at most half full. */
function openTable(windows: number): void {
  let capacity = tableKeys.length;
  while (capacity < windows * 2) capacity <<= 1;
  if (capacity !== tableKeys.length) {
    tableKeys = new Int32Array(capacity);
    tableMarks = new Int32Array(capacity);
    tableMask = capacity - 1;
    pass = 0;
  }
  if (++pass >= MAX_PASS) {
    tableMarks.fill(0);
    pass = 1;
  }
  added = 0;
  shared = 0;
}

/**
 * Put the shingles of some words (those from the `from`-th to before the `to`-th) into the table for one side
 * (SIDE_B after SIDE_A), counting as it goes.
 */
function addShingles(words: Int32Array, side: number, from = 0, to = words.length === 0 ? 0 : shingleCount(words.length, SHINGLE_SIZE)): void {
  const n = words.length;
  if (n === 0) return;
  const width = Math.min(SHINGLE_SIZE, n);
  const current = pass << 2;
  for (let i = from; i < to; i++) {
    const h = width === 3 ? shingle3(words, i) : shingleOf(words, i, width);
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & tableMask;
    for (;;) {
      const mark = tableMarks[s]!;
      if ((mark & ~3) !== current) {
        tableKeys[s] = h;
        tableMarks[s] = current | side;
        added++;
        break;
      }
      if (tableKeys[s] === h) {
        if ((mark & side) === 0) {
          tableMarks[s] = mark | side;
          added++;
          shared++;
        }
        break;
      }
      s = (s + 1) & tableMask;
    }
  }
}
