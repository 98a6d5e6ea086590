/**
 * The numbered paragraph a place in a clause's text stands in (own-paragraph.ts), which "point (b)" alone names a
 * point of: read from the text, it must agree with the labels the clause's provisions get from its structure
 * (model/provisions.ts), on random clauses of numbered paragraphs, points and unnumbered paragraphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphAt, paragraphOfLabel } from '../src/compare/own-paragraph.js';
import { parseDraft } from '../src/format/markdown.js';
import { clauseText } from '../src/model/text.js';
import { appendProvisionLines, type ProvisionLine } from '../src/model/provisions.js';

describe('paragraphOfLabel', () => {
  it('gives the numbered paragraph of a provision label, "" for a clause\'s own points, null where it cannot tell', () => {
    expect(['2', '2(b)', '2bis', '2bis(b)(ii)', '(2)', '(2)(b)', '2b)', '(b)', '(iv)', null, '5.1', '1.2(a)'].map(paragraphOfLabel))
      .toEqual(['2', '2', '2bis', '2bis', '(2)', '(2)', '2', '', '', '', null, null]);
  });
});

describe('paragraphAt', () => {
  const MARKED = { brackets: 'marked' } as const;
  /** Each provision line of the clause, with where its line opens in the clause's text. */
  const linesOf = (md: string) => {
    const clause = parseDraft(`## Article 1\n\n${md}`).draft.clauses[0]!;
    const text = clauseText(clause, MARKED);
    const lines: ProvisionLine[] = [];
    appendProvisionLines(clause, MARKED, lines);
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return { text, lines, starts };
  };

  it('reads a point\'s paragraph from the nearest line above it that is no point, anywhere in its line', () => {
    const { text } = linesOf('1. The Participants will keep stocks of:\n\n   (a) oxides;\n\n   (b) carbonate.\n\n2. Released in an emergency.\n\nUnnumbered text.\n\n(c) a point of the clause');
    const at = (words: string) => paragraphAt(text, text.indexOf(words));
    expect([at('The Participants'), at('oxides'), at('carbonate'), at('Released'), at('Unnumbered'), at('a point of')]).toEqual(['1', '1', '1', '2', '', '']);
  });

  it('agrees with the provisions\' labels on random clauses (property)', () => {
    const OPENINGS = ['1. ', '2. ', '3. ', '(a) ', '(b) ', '(c) ', 'b) ', '(iv) ', '(2) ', '2bis. ', ''];
    const arb = fc.array(fc.tuple(fc.constantFrom(...OPENINGS), fc.constantFrom('stocks of gallium;', 'a release [of stocks]', 'the Participants will notify')), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(arb, (paragraphs) => {
      const { text, lines, starts } = linesOf(paragraphs.map(([opening, words]) => `${opening}${words}`).join('\n\n'));
      // One line of text a provision: the clauses here hold paragraphs only.
      expect(starts.length).toBe(lines.length);
      lines.forEach((line, k) => {
        expect(paragraphAt(text, starts[k]!), `${JSON.stringify(text)} line ${k}`).toBe(paragraphOfLabel(line.label));
        // Anywhere in the line, not only where it opens.
        const end = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length;
        expect(paragraphAt(text, end)).toBe(paragraphOfLabel(line.label));
      });
    }), { numRuns: 300 });
  });

  it('does not read a point hundreds of lines below its paragraph (null), nor a clause\'s first point as anyone\'s but the clause\'s', () => {
    const many = Array.from({ length: 300 }, (_, k) => `(${String.fromCharCode(97 + (k % 26))}) item ${k}`).join('\n');
    expect(paragraphAt(`1. Intro:\n${many}`, `1. Intro:\n${many}`.length)).toBeNull();
    expect(paragraphAt(`1. Intro:\n(a) first\n(b) second`, 20)).toBe('1');
    expect(paragraphAt(`(a) first\n(b) second`, 12)).toBe('');
  });
});
