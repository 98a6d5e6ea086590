/**
 * Myers' O(ND) difference algorithm over sequences of integers (interned tokens), in linear space.
 *
 * `diffSequences(a, b)` returns runs that cover both sequences in order: `equal` runs advance both,
 * `delete` runs advance `a`, `insert` runs advance `b`. Adjacent runs of the same kind are merged.
 *
 * How it works: the classic divide and conquer. Strip the common prefix and suffix; find the "middle snake"
 * by running the greedy search forwards from the start and backwards from the end until the two frontiers
 * overlap on some diagonal; split the problem at that point and recurse on each half. Each half costs at
 * most ceil(D/2) edits, so the recursion is shallow and memory stays O(N + M).
 *
 * Cost cap: when the two halves have not met after `cap` steps (texts that share almost nothing), the
 * search stops and splits at the point the forward search reached furthest, as GNU diff does for
 * "too expensive" inputs. The result is still a correct edit script, only perhaps not the shortest; this
 * keeps a 100,000-word clause replaced wholesale from taking minutes.
 *
 * Stand-ins (see StandIns): the caller may shorten both sequences by putting one element for a long stretch
 * that is equal on both sides (words.ts: the tokens of an unchanged line). The search then runs on far fewer
 * elements and, unless it reports otherwise, returns exactly the runs the full sequences would give.
 */
import { IntList } from './int-list.js';

export type RunOp = 'equal' | 'delete' | 'insert';

export interface Run {
  op: RunOp;
  /** Token range in `a` (empty for an insertion). */
  aStart: number;
  aEnd: number;
  /** Token range in `b` (empty for a deletion). */
  bStart: number;
  bEnd: number;
}

type Seq = ArrayLike<number>;

/**
 * Elements below `below` are stand-ins: each stands for a stretch of at least two elements of the full
 * sequences, and the i-th stand-in of `a` and of `b` stand for equal stretches and are equal to each other
 * only. Why the result is then the full sequences' result: every step of the search is the same in both
 * pictures, with positions mapped by the same shift on both sides (the stand-ins passed so far on the
 * one side being those passed on the other), as long as
 *   - no step deletes or inserts a stand-in alone (in the full sequences that step would stop inside the
 *     stretch: a point the short sequences do not have);
 *   - no snake that stops at a stand-in would, in the full sequences, have gone on into its stretch (its
 *     first element, or its last when searching backwards, equals the other side's element): `mayMatch`;
 *   - the search stays within the smallest step budget (MIN_CAP), which the full sequences have too.
 * Order is kept by the map, so every choice between diagonals and every overlap test comes out the same.
 * When one of these fails, diffSequences returns null and the caller diffs the full sequences.
 */
export interface StandIns {
  below: number;
  /** a[i] !== b[j], one of them a stand-in: whether the full sequences might still match there (forward: the stand-in's first element; backward: its last). */
  mayMatch(i: number, j: number, forward: boolean): boolean;
  /**
   * Told, before diffSequences returns null, which stand-in the search could not pass, and at which end
   * (forward: its start): a caller may make it shorter there and try again.
   */
  stuck(standIn: number, forward: boolean): void;
}

export function diffSequences(a: Seq, b: Seq): Run[];
export function diffSequences(a: Seq, b: Seq, standIns: StandIns): Run[] | null;
export function diffSequences(a: Seq, b: Seq, standIns?: StandIns): Run[] | null {
  const flat = new IntList();
  if (!diffSequencesInto(a, a.length, b, b.length, standIns, flat)) return null;
  const runs: Run[] = [];
  for (let k = 0; k < flat.length; k += RUN_SIZE) {
    const d = flat.data;
    runs.push({ op: RUN_OPS[d[k]!]!, aStart: d[k + 1]!, aEnd: d[k + 2]!, bStart: d[k + 3]!, bEnd: d[k + 4]! });
  }
  return runs;
}

/** Runs as diffSequencesInto writes them: RUN_SIZE numbers each, the op (an index into RUN_OPS) and the ranges. */
export const EQUAL_RUN = 0, DELETE_RUN = 1, INSERT_RUN = 2, RUN_SIZE = 5;
const RUN_OPS: readonly RunOp[] = ['equal', 'delete', 'insert'];

/**
 * diffSequences over a[0, aLength) and b[0, bLength), the runs written flat into `runs` (cleared first):
 * the word diff runs this for every clause pair, and a Run object per run was garbage at once. False where
 * diffSequences returns null.
 */
export function diffSequencesInto(a: Seq, aLength: number, b: Seq, bLength: number, standIns: StandIns | undefined, runs: IntList): boolean {
  const below = standIns === undefined ? -Infinity : standIns.below;
  runs.clear();
  const work = WORKSPACE;
  // An explicit stack instead of recursion: a pathological input cannot overflow the call stack. Four
  // numbers per sub-problem: aLo, aHi, bLo, bHi.
  const stack = work.stack;
  stack.clear();
  stack.push4(0, aLength, 0, bLength);
  // Sub-problems must be emitted left to right; pushing the right half first keeps that order.
  while (stack.length > 0) {
    stack.length -= 4;
    const top = stack.data;
    let aLo = top[stack.length]!, aHi = top[stack.length + 1]!, bLo = top[stack.length + 2]!, bHi = top[stack.length + 3]!;
    const prefixStart = aLo;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) { aLo++; bLo++; }
    if (aLo < aHi && bLo < bHi && (a[aLo]! < below || b[bLo]! < below) && standIns!.mayMatch(aLo, bLo, true)) {
      standIns!.stuck(Math.min(a[aLo]!, b[bLo]!), true);
      return false;
    }
    pushRun(runs, EQUAL_RUN, prefixStart, aLo, bLo - (aLo - prefixStart), bLo);
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    if (aHi - suffix > aLo && bHi - suffix > bLo && (a[aHi - suffix - 1]! < below || b[bHi - suffix - 1]! < below)
        && standIns!.mayMatch(aHi - suffix - 1, bHi - suffix - 1, false)) {
      standIns!.stuck(Math.min(a[aHi - suffix - 1]!, b[bHi - suffix - 1]!), false);
      return false;
    }
    const tailA = aHi, tailB = bHi; // the common tail: [aHi - suffix, tailA) and [bHi - suffix, tailB)
    aHi -= suffix;
    bHi -= suffix;
    if (aLo === aHi || bLo === bHi) {
      pushRun(runs, DELETE_RUN, aLo, aHi, bLo, bLo);
      pushRun(runs, INSERT_RUN, aHi, aHi, bLo, bHi);
      if (suffix > 0) pushRun(runs, EQUAL_RUN, aHi, tailA, bHi, tailB);
      continue;
    }
    if (!work.split(a, aLo, aHi, b, bLo, bHi, standIns)) return false;
    const x = work.x, y = work.y;
    // Pushed in reverse: the common tail (as an all-equal problem), the right half, then the left half.
    if (suffix > 0) stack.push4(aHi, tailA, bHi, tailB);
    stack.push4(aLo + x, aHi, bLo + y, bHi);
    stack.push4(aLo, aLo + x, bLo, bLo + y);
  }
  return true;
}

/** Appends a run, or extends the last one when it is of the same op and ends where this one starts. */
function pushRun(runs: IntList, op: number, aStart: number, aEnd: number, bStart: number, bEnd: number): void {
  if (aStart === aEnd && bStart === bEnd) return;
  const last = runs.length - RUN_SIZE, d = runs.data;
  if (last >= 0 && d[last] === op && d[last + 2] === aStart && d[last + 4] === bStart) {
    d[last + 2] = aEnd;
    d[last + 4] = bEnd;
  } else {
    runs.push(op);
    runs.push4(aStart, aEnd, bStart, bEnd);
  }
}

/** Reusable diagonal arrays, so that a long recursion does not allocate at every level. */
class Workspace {
  private vf = new Int32Array(0);
  private vb = new Int32Array(0);
  /** The sub-problems diffSequencesInto has yet to solve. */
  readonly stack = new IntList();
  /** The point split() found. */
  x = 0;
  y = 0;

  /**
   * Sets this.x, this.y to a point, relative to (aLo, bLo), on a shortest (or, past the cost cap, a good)
   * edit path, with 0 < x + y < N + M so that both halves are strictly smaller. Requires N > 0, M > 0 and
   * differing first and last elements (the caller strips common prefix and suffix). False when stand-ins
   * may not be trusted (StandIns above).
   */
  split(a: Seq, aLo: number, aHi: number, b: Seq, bLo: number, bHi: number, standIns?: StandIns): boolean {
    const guarded = standIns !== undefined;
    const below = guarded ? standIns.below : -Infinity;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    // Past this many steps the search gives up on the optimum (see the file header). The budget keeps the
    // work of one split near 4e6 diagonal steps whatever the size.
    const cap = Math.max(MIN_CAP, Math.min(maxD, Math.floor(4e6 / (n + m))));
    const size = 2 * cap + 3;
    if (this.vf.length < size) {
      this.vf = new Int32Array(size);
      this.vb = new Int32Array(size);
    }
    const vf = this.vf;
    const vb = this.vb;
    const off = cap + 1;
    // Every entry the search reads it has written first, in this call, except the start below.
    vf[off + 1] = 0;
    vb[off + 1] = 0;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    for (let d = 0; d <= cap; d++) {
      if (guarded && d > MIN_CAP) return false;
      // Forward search: vf[off + k] is the furthest x reached on diagonal k = x - y.
      for (let k = -d; k <= d; k += 2) {
        const down = k === -d || (k !== d && vf[off + k - 1]! < vf[off + k + 1]!); // an insertion, else a deletion
        let x = down ? vf[off + k + 1]! : vf[off + k - 1]! + 1;
        let y = x - k;
        if (guarded && d > 0) {
          const passed = down ? (y <= m ? b[bLo + y - 1]! : 0) : (x <= n ? a[aLo + x - 1]! : 0);
          if (passed < below) { standIns.stuck(passed, true); return false; }
        }
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) { x++; y++; }
        if (guarded && x < n && y < m && (a[aLo + x]! < below || b[bLo + y]! < below) && standIns.mayMatch(aLo + x, bLo + y, true)) {
          standIns.stuck(Math.min(a[aLo + x]!, b[bLo + y]!), true);
          return false;
        }
        vf[off + k] = x;
        // In the backward search, diagonal k of the forward search is diagonal delta - k.
        const kb = delta - k;
        if (odd && kb >= -(d - 1) && kb <= d - 1 && x + vb[off + kb]! >= n) return this.found(x, y, n, m, guarded);
      }
      // Backward search, in mirrored coordinates (distance from the end of each sequence).
      for (let k = -d; k <= d; k += 2) {
        const down = k === -d || (k !== d && vb[off + k - 1]! < vb[off + k + 1]!);
        let x = down ? vb[off + k + 1]! : vb[off + k - 1]! + 1;
        let y = x - k;
        if (guarded && d > 0) {
          const passed = down ? (y <= m ? b[bHi - y]! : 0) : (x <= n ? a[aHi - x]! : 0);
          if (passed < below) { standIns.stuck(passed, false); return false; }
        }
        while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) { x++; y++; }
        if (guarded && x < n && y < m && (a[aHi - 1 - x]! < below || b[bHi - 1 - y]! < below)
            && standIns.mayMatch(aHi - 1 - x, bHi - 1 - y, false)) {
          standIns.stuck(Math.min(a[aHi - 1 - x]!, b[bHi - 1 - y]!), false);
          return false;
        }
        vb[off + k] = x;
        const kf = delta - k;
        if (!odd && kf >= -d && kf <= d && x + vf[off + kf]! >= n) {
          const fx = vf[off + kf]!;
          return this.found(fx, fx - kf, n, m, guarded);
        }
      }
    }
    if (guarded) return false;
    // Too expensive: split where the forward frontier got furthest along (largest x + y).
    let bestX = 0;
    let bestY = 0;
    for (let k = -cap; k <= cap; k += 2) {
      const x = Math.min(vf[off + k]!, n);
      const y = x - k;
      if (y < 0 || y > m) continue;
      if (x + y > bestX + bestY) { bestX = x; bestY = y; }
    }
    return this.found(bestX, bestY, n, m, false);
  }

  /**
   * Records the split point. A point at either corner would hand the same problem back: halve instead
   * (n, m > 0: never a corner), except where stand-ins are in use (the halving counts elements): false.
   */
  private found(x: number, y: number, n: number, m: number, guarded: boolean): boolean {
    const corner = (x === 0 && y === 0) || (x === n && y === m);
    if (corner && guarded) return false;
    this.x = corner ? Math.floor(n / 2) : x;
    this.y = corner ? Math.ceil(m / 2) : y;
    return true;
  }
}

/** The smallest step budget of a split (the cap in the file header). */
const MIN_CAP = 64;

/**
 * One workspace for every call: split() writes what it reads, diffSequences never runs inside another, and
 * allocating the arrays anew for each of thousands of short clause pairs was a large part of their cost.
 * The arrays stay small: 2 * cap + 3 entries, and cap <= min(ceil((n + m) / 2), 4e6 / (n + m)) stays under 1,500.
 */
const WORKSPACE = new Workspace();
