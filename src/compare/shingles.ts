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
  const count = n < size ? 1 : n - size + 1;
  const width = Math.min(size, n);
  const out = int32s(count);
  if (width === 3) {
    // The common case, unrolled: this loop runs once per word of every clause that reaches similarity.
    for (let i = 0; i < count; i++) {
      let h = Math.imul(0x2f1b3c4d ^ words[i]!, 0x5bd1e995) ^ (0x2f1b3c4d >>> 13);
      h = Math.imul(h ^ words[i + 1]!, 0x5bd1e995) ^ (h >>> 13);
      h = Math.imul(h ^ words[i + 2]!, 0x5bd1e995) ^ (h >>> 13);
      out[i] = h ^ (h >>> 16);
    }
  } else {
    for (let i = 0; i < count; i++) {
      let h = 0x2f1b3c4d;
      for (let k = 0; k < width; k++) h = Math.imul(h ^ words[i + k]!, 0x5bd1e995) ^ (h >>> 13);
      out[i] = h ^ (h >>> 16);
    }
  }
  sortInt32(out);
  // Remove duplicates in place: a set, so that a phrase repeated ten times counts once.
  let u = 0;
  for (let i = 0; i < count; i++) if (i === 0 || out[i] !== out[u - 1]) out[u++] = out[i]!;
  // Most texts repeat no three-word phrase: the array itself then is the set.
  return u === count ? out : copyInt32s(out, u);
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

/** Dice coefficient of two shingle sets: 1 for the same text, 0 for nothing in common. */
export function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  return (2 * intersectionSize(a, b)) / total;
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
