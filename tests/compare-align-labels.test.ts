/**
 * Provision lines read the usual point label ("(a)", "(iv)") without the regular expressions of
 * model/provisions.ts: leadingLabel must find exactly splitLeadingLabel's label, and isPointLabel must agree
 * with its definition, on texts made to hit the edges (one, two or three letters, digits, spaces inside the
 * brackets, a missing bracket, non-ASCII letters, text right after the bracket).
 */
import { describe, expect, it } from 'vitest';
import { isPointLabel, leadingLabel, splitLeadingLabel } from '../src/model/provisions.js';

/** A small deterministic generator (no Math.random: failures must reproduce). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return (s >>> 8) % n;
  };
}

const PIECES = ['(', ')', 'a', 'b', 'iv', 'x', 'Z', 'é', '1', '12', ' ', '\t', '.', 'The Party', 'shall', '(a)', '(iv)', '(ab)', '(abc)', ''];

/** The definition isPointLabel implements (its regular expression, for labels ending with ")"). */
function pointLabel(label: string | null): boolean {
  return label !== null && label.endsWith(')') && /^\(?\s*(?:[a-z]{1,2}|[ivxlc]{1,6})\s*\)$/i.test(label);
}

describe('leadingLabel and isPointLabel', () => {
  it('read labels as the regular expressions do', () => {
    const pick = random(3);
    for (let t = 0; t < 20000; t++) {
      let text = '';
      for (let k = 0, n = 1 + pick(6); k < n; k++) text += PIECES[pick(PIECES.length)];
      expect(leadingLabel(text)).toBe(splitLeadingLabel(text).label);
      expect(isPointLabel(text)).toBe(pointLabel(text));
    }
    for (const text of ['(a) x', '(iv) x', '(ab)x', '(abc) x', '( a) x', '(a', '(1) x', 'a) x', '(é) x', '(A) x']) {
      expect(leadingLabel(text)).toBe(splitLeadingLabel(text).label);
    }
    expect(isPointLabel(null)).toBe(false);
  });
});
