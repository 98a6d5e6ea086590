/**
 * longestIncreasingSubsequence: the mask marks a strictly increasing subsequence of the greatest possible
 * length, checked against a quadratic dynamic programme on random permutations of many sizes (long ones
 * too, so that the engine compiles the sorting loop while it runs, as it does on real drafts).
 */
import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence } from '../src/compare/lis.js';

/** Length of a longest strictly increasing subsequence, by the O(n²) programme. */
function lisLength(seq: readonly number[]): number {
  const best: number[] = [];
  let longest = 0;
  for (let i = 0; i < seq.length; i++) {
    let b = 1;
    for (let k = 0; k < i; k++) if (seq[k]! < seq[i]! && best[k]! + 1 > b) b = best[k]! + 1;
    best.push(b);
    longest = Math.max(longest, b);
  }
  return longest;
}

/** A reproducible permutation of 0..n-1, nearly sorted when `swaps` is small (as matched clauses are). */
function permutation(n: number, swaps: number, seed: number): number[] {
  const seq = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % Math.max(1, n));
  for (let k = 0; k < swaps; k++) {
    const a = next(), b = next();
    [seq[a], seq[b]] = [seq[b]!, seq[a]!];
  }
  return seq;
}

describe('longestIncreasingSubsequence', () => {
  it('is empty for an empty sequence', () => {
    expect(longestIncreasingSubsequence([])).toEqual(new Uint8Array(0));
  });

  it('marks a longest strictly increasing subsequence', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const n = seed % 3 === 0 ? 600 : seed % 17;
      for (const swaps of [0, 2, n >> 1, n * 3]) {
        const seq = permutation(n, swaps, seed);
        const member = longestIncreasingSubsequence(seq);
        const chosen = seq.filter((_, k) => member[k] === 1);
        for (let k = 1; k < chosen.length; k++) expect(chosen[k]!).toBeGreaterThan(chosen[k - 1]!);
        expect(chosen.length).toBe(lisLength(seq));
      }
    }
  });

  it('reads typed arrays as well as plain ones', () => {
    const seq = [5, 1, 6, 2, 7, 3, 8];
    expect(longestIncreasingSubsequence(Int32Array.from(seq))).toEqual(longestIncreasingSubsequence(seq));
  });
});
