import { describe, expect, it } from 'vitest';
import { findFiguresExcept } from '../src/compare/legal-find.js';
import { FIGURE, OBLIGATION, finderWindows } from '../src/compare/legal-window.js';

// finderWindows leaves out, range by range, the finders that no word of the range's core can serve (a match
// touching the range holds a character of a core word). These cases check the words that serve a finder in
// a way that is easy to miss.
const NO_NAMES = { terms: new Set<string>(), parties: new Set<string>() };
const none = () => false;

describe('finder windows for the finders a range can serve', () => {
  it('look for figures from a change inside a word that ends with a currency code', () => {
    // "XUSD 5" holds the figure "USD 5", which begins inside the word "XUSD": a change to its first letters
    // touches the figure although "XUSD" is no figure's word.
    const t = 'XUSD 5 to the extent possible shall ';
    const w = finderWindows(t, [[0, 1]], NO_NAMES);
    expect(findFiguresExcept(t, none, w[FIGURE]!).map((f) => f.text)).toEqual(['USD 5']);
  });

  it('give no window to a finder that no core word serves, even next to its match', () => {
    // "promptly" serves no finder: the "shall" two words away cannot touch the change.
    const t = 'Each Party shall then promptly notify';
    const at = t.indexOf('promptly');
    expect(finderWindows(t, [[at, at + 7]], NO_NAMES)[OBLIGATION]).toEqual([]);
    expect(finderWindows(t, [[at - 2, at + 7]], NO_NAMES)[OBLIGATION]).toEqual([]);
    expect(finderWindows(t, [[at - 7, at + 7]], NO_NAMES)[OBLIGATION]).toEqual([[t.indexOf('shall'), at + 'promptly'.length]]);
  });
});
