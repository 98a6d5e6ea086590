import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeByRegExp } from '../src/compare/tokenize.js';

// tokenize() is a hand-written scanner for speed; tokenizeByRegExp is the regex that defines the tokens.
// They must agree on every text and every window, including the awkward characters: joiners at the edges,
// combining marks, non-ASCII digits and spaces, surrogate pairs whole and cut.
const PIECES = ['a', 'Z', 'é', 'e\u0301', '\u0301', '5', '٣', 'Ⅻ', '½', "'", '’', '.', ',', ' ', '\n', '\u00a0', '\u2003', '\t',
  '(', ')', '[', '-', '$', '😀', '𝐀', '𝟙', '\ud835', '\udc00', '\u200b', 'ſ', 'Party', '1,000', '2.5', 'don', 't'];

describe('tokenize (hand-written) agrees with its regex definition', () => {
  it('on fixed tricky texts', () => {
    const texts = ["Party’s don't 'quoted' 1,000.50 2.5. 3,", '1.a a.1 ٣.٣ 𝟙,𝟙 x’\u0301y', '😀😀 𝐀𝐀\ud835 \udc00x', "a'", '1.', ''];
    for (const text of texts) expect(tokenize(text)).toEqual(tokenizeByRegExp(text));
  });

  it('on random texts and random windows of them', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, x, y) => {
      const text = pieces.join('');
      expect(tokenize(text)).toEqual(tokenizeByRegExp(text));
      const from = text.length === 0 ? 0 : x % (text.length + 1);
      const to = from + (text.length === from ? 0 : y % (text.length - from + 1));
      expect(tokenize(text, from, to)).toEqual(tokenizeByRegExp(text, from, to));
    }), { numRuns: 3000 });
  });
});
