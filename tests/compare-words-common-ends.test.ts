import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPrefixLength, commonSuffixLength } from '../src/compare/word-stand-ins.js';

// commonPrefixLength and commonSuffixLength find the first difference by comparing slices in a binary
// search (word-stand-ins.ts). These tests check them against the plain loop over characters, on texts
// long enough for the search to run several rounds, with the difference anywhere (or nowhere).

function plainPrefix(a: string, aFrom: number, b: string, bFrom: number, max: number): number {
  let p = 0;
  while (p < max && a.charCodeAt(aFrom + p) === b.charCodeAt(bFrom + p)) p++;
  return p;
}

function plainSuffix(a: string, aTo: number, b: string, bTo: number, max: number): number {
  let s = 0;
  while (s < max && a.charCodeAt(aTo - 1 - s) === b.charCodeAt(bTo - 1 - s)) s++;
  return s;
}

// A shared stretch of 0 to ~1,300 characters (small alphabet: near misses), then differing ends.
const shared = fc.array(fc.constantFrom('a', 'b', ' ', 'é', 'the Party '), { maxLength: 300, size: 'max' }).map((xs) => xs.join(''));
const tail = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '\n'), { maxLength: 8 }).map((xs) => xs.join(''));
const pad = fc.array(fc.constantFrom('x', 'y', ' '), { maxLength: 5 }).map((xs) => xs.join(''));

describe('common prefix and suffix by binary search', () => {
  it('finds the prefix the plain loop finds', () => {
    fc.assert(fc.property(pad, pad, shared, tail, tail, fc.nat(), (padA, padB, common, tailA, tailB, cut) => {
      const a = padA + common + tailA, b = padB + common + tailB;
      const room = Math.min(a.length - padA.length, b.length - padB.length);
      const max = room - (cut % (room + 1)) * (cut % 3 === 0 ? 1 : 0); // the whole room, mostly; sometimes less
      expect(commonPrefixLength(a, padA.length, b, padB.length, max)).toBe(plainPrefix(a, padA.length, b, padB.length, max));
    }), { numRuns: 3000 });
  });

  // Random texts rarely put the first difference exactly where the search splits a range: try every place.
  it('finds a difference at every position of a long text', () => {
    const a = 'the Parties shall cooperate closely on critical minerals; '.repeat(12);
    for (let d = 0; d < a.length; d++) {
      const b = a.slice(0, d) + (a[d] === '#' ? '%' : '#') + a.slice(d + 1);
      expect(commonPrefixLength(a, 0, b, 0, a.length)).toBe(d);
      expect(commonSuffixLength(a, a.length, b, b.length, a.length)).toBe(a.length - 1 - d);
    }
  });

  it('finds the suffix the plain loop finds', () => {
    fc.assert(fc.property(pad, pad, shared, tail, tail, fc.nat(), (padA, padB, common, headA, headB, cut) => {
      const a = headA + common + padA, b = headB + common + padB;
      const aTo = a.length - padA.length, bTo = b.length - padB.length;
      const room = Math.min(aTo, bTo);
      const max = room - (cut % (room + 1)) * (cut % 3 === 0 ? 1 : 0);
      expect(commonSuffixLength(a, aTo, b, bTo, max)).toBe(plainSuffix(a, aTo, b, bTo, max));
    }), { numRuns: 3000 });
  });
});
