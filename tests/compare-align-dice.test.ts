/**
 * The changed paragraphs of an edited clause are compared by counting their shingles in a hash table
 * (diceOfUnions, diceOfTokens, diceOfTokensBelow) instead of building sorted shingle sets: the value must be exactly dice() of
 * the unions of the sets, for texts of every length (none, one or two words make one short shingle or
 * none), with repeated phrases on one side or both, cached sets or not, and tables grown or reused.
 */
import { describe, expect, it } from 'vitest';
import { dice, diceOfTokens, diceOfTokensBelow, diceOfUnions, shingleSet, shinglesOfTokens } from '../src/compare/shingles.js';
import type { Tokens } from '../src/compare/normalize.js';

/** A small deterministic generator (no Math.random: failures must reproduce). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

function tokensOf(words: Int32Array): Tokens {
  return { words, looseKey: 0, endsAfterReference: false, shingles: undefined };
}

/** dice() of the unions of the sets, the sets built and merged plainly. */
function plainDice(a: readonly Tokens[], b: readonly Tokens[]): number {
  const union = (side: readonly Tokens[]) => Int32Array.from(new Set(side.flatMap((t) => [...shingleSet(t.words)]))).sort();
  return dice(union(a), union(b));
}

describe('diceOfUnions', () => {
  it('is dice() of the unions of the shingle sets', () => {
    const pick = random(11);
    for (let t = 0; t < 4000; t++) {
      // Few distinct words: repeated phrases within and across texts, and shared ones across sides.
      const alphabet = 2 + pick(30);
      const long = t % 500 === 0;
      const text = () => Int32Array.from({ length: long ? 1000 + pick(3000) : pick(40) }, () => pick(alphabet) - (alphabet >> 1));
      const a = Array.from({ length: 1 + pick(3) }, () => tokensOf(text()));
      // The other side: edits of the first side's texts, or unrelated texts.
      const b = Array.from({ length: 1 + pick(3) }, (_, k) => {
        const base = a[k % a.length]!.words;
        return tokensOf(pick(3) === 0 ? text() : base.map((w) => (pick(8) === 0 ? pick(alphabet) : w)));
      });
      // Sometimes a text's set is already built (and must be read from it).
      for (const tokens of [...a, ...b]) if (pick(4) === 0) shinglesOfTokens(tokens);
      const expected = plainDice(a, b);
      expect(diceOfUnions(a, b)).toBe(expected);
      if (a.length === 1 && b.length === 1) {
        expect(diceOfTokens(a[0]!, b[0]!)).toBe(expected);
        // Kept on a[0] with b[0] (the clause aligner and the provision aligner ask twice): asked again, and
        // after a comparison of a[0] with another text, each answer is still its own pair's.
        expect(diceOfTokens(a[0]!, b[0]!)).toBe(expected);
        const other = b[0]!.words.length > 0 ? tokensOf(b[0]!.words.slice(1)) : tokensOf(Int32Array.of(1, 2, 3));
        expect(diceOfTokens(a[0]!, other)).toBe(plainDice(a, [other]));
        expect(diceOfTokens(a[0]!, b[0]!)).toBe(expected);
        // Bounds at, just around and away from the value: the early answer must be the exact one.
        for (const bound of [expected, expected + 1e-12, expected - 1e-12, pick(101) / 100, 0, 1, 1.5]) {
          expect(diceOfTokensBelow(a[0]!, b[0]!, bound)).toBe(expected < bound);
        }
      }
    }
  });

  it('counts a text without words as no shingles, and two empty sides as alike', () => {
    const empty = tokensOf(new Int32Array(0));
    const one = tokensOf(Int32Array.of(5));
    expect(diceOfUnions([empty], [empty])).toBe(1);
    expect(diceOfTokens(empty, one)).toBe(0);
    expect(diceOfTokens(one, tokensOf(Int32Array.of(5)))).toBe(1);
    expect(diceOfUnions([empty, one], [tokensOf(Int32Array.of(5, 6))])).toBe(0);
  });
});
