/**
 * Longest increasing subsequence, used to tell moved clauses from clauses that merely shifted: the matched
 * pairs, read in the new draft's order, give a sequence of old positions; the longest increasing run of them
 * is the text that stayed in order, and every pair outside it moved.
 */

/**
 * For a sequence of distinct numbers, a mask marking one longest strictly increasing subsequence.
 * O(n log n) (patience sorting with back-pointers).
 */
export function longestIncreasingSubsequence(seq: ArrayLike<number>): Uint8Array {
  const n = seq.length;
  const member = new Uint8Array(n);
  if (n === 0) return member;
  const prev = new Int32Array(n);
  // The walk back runs here, apart from the sorting loop: when the engine compiles that long loop while it
  // runs (on-stack replacement), code after it in the same function has never run and has no type feedback,
  // and that compiled code bailed out on every later call (over a thousand bailouts per comparison).
  for (let k = patience(seq, prev); k >= 0; k = prev[k]!) member[k] = 1;
  return member;
}

/**
 * Patience sorting: fills prev[i] with the index of the element before seq[i] in a longest increasing run
 * ending at seq[i] (-1: none), and returns the index of the last element of one longest run.
 */
function patience(seq: ArrayLike<number>, prev: Int32Array): number {
  const n = seq.length;
  const tails = new Int32Array(n); // tails[k] = index in seq of the smallest tail of an increasing run of length k+1
  let length = 0;
  for (let i = 0; i < n; i++) {
    const x = seq[i]!;
    let lo = 0, hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seq[tails[mid]!]! < x) lo = mid + 1; else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === length) length++;
  }
  return tails[length - 1]!;
}
