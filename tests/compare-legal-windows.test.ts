import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_PARTIES, findDates, findDatesIn, findDefinedTerms, findFiguresExcept, findObligations, findObligationsIn, nameFinder,
  type Found,
} from '../src/compare/legal-find.js';
import { legalChanges } from '../src/compare/legal.js';
import { DATE, FIGURE, OBLIGATION, PARTY, TERM, finderWindows } from '../src/compare/legal-window.js';
import { patternStrings, patternWords } from '../src/compare/pattern-words.js';

// legalChanges runs each finder only over windows grown from the changes word by word (legal-window.ts),
// and skips a finder outright when no word there can hold its match. These tests check that this finds
// exactly what a scan of the whole text finds near the changes: a window that stopped too early, or a
// finder skipped wrongly, loses an item that the whole scan has.

const pieces = [
  // obligations, hedges, compounds
  'shall', 'shall not', "shan't", 'may', 'may not', 'will', 'should', 'must', 'can', 'cannot', 'need not', 'agree to',
  'agrees not to', 'endeavour to', 'have decided to', 'use their best efforts to', 'are required to', 'is', 'are', 'to',
  'not', 'where appropriate', 'to the extent possible', ' , ', 'shall , where appropriate ,', 'Party', 'Parties', "don't intend to",
  // figures
  '5', '10%', '5 %', '10 per cent', '5percent', '5 millionper cent', 'thirty', 'thirty (30) days', '( 30 )', 'twenty-five',
  'one hundred and five', 'at least', 'not more than', 'within', '$1 billion', 'US$ 5', 'USD 5', 'XUSD 5', 'EUR', 'million',
  'bn', 'm', 'days', 'calendar', 'tonnes', '2°C', '1.5', '1,000', 'Article 5', '(a)', '4.', 'paragraph', 'fivepercent',
  // dates
  '31 December 2026', 'December 31, 2026', '2026-10-26', 'the twenty-first day', 'the 21st day', 'May 2026', 'may 2026',
  '2030', 'by 2030', '2000 tonnes', 'of', 'day', 'the', '1 March', 'March 1', '1st of June', 'June 30th', 'march', 'May 5', '5 may',
  'twelfth day of December', 'two thousand and fifteen', 'the twelfth day of December two thousand and fifteen',
  '28th day of October, two thousand and twenty-five', 'first day of July nineteen hundred and ninety-four', 'the 28th day of October,', 'two thousand', 'nineteen hundred and ninety-four',
  'twenty-five', 'this twentieth day', 'of October', 'two thousand tonnes', 'hundred',
  '20 Oct 2025', 'Jan. 1, 2027', 'Sept. 30', 'Oct.', 'Dec', 'dec', 'Jun', 'sept', '2 weeks', 'within 2 years', 'months',
  // frequencies and fractions
  'once', 'twice a year', 'three times per year', 'times', 'a', 'per', 'each calendar year', 'annum', 'annually', 'semi-annually',
  'quarterly', 'semi', 'two-thirds', 'one third of', 'one half', 'half', 'quarters', 'third', 'majority',
  'no later than', 'not later than 30 days', 'later', 'USD 1.5bn', '€20m', '1 000', '100\u00a0000', '000', 'refrain from',
  'shall refrain from', 'from', 'is entitled to', 'has the right to', 'right', ', in accordance with their domestic law,',
  'within its competence', 'subject to the availability of appropriated funds', 'law', 'US$', 'A$ 5', 'duty[1]', '[2]', '[^11]', 'consistency[^5]', '| 2805.30 |', '|', '| 5% |', '(https://x.org/2025/10/a-5.pdf)', 'www.x.org/30', 'https://', 'GATT 1994',
  'Trade* 1994', 'III:2', '(1)', 'Order 14257', 'By 2030', 'Articles 3, 4 and', 'paragraphs 2 to', 'paragraph [14]', 'Article 6.13, 6.14', '###4', 'renewable once', 'twice', 'once only', 'not legally binding', 'legally', 'binding', 'non-binding',
  'does not create any legally binding', 'do',
  // exceptions, whose item runs on to the end of its phrase
  'except in', 'except', 'unless', 'save as', 'except where', 'except to the extent', 'in emergencies', 'otherwise decided', '[', ']',
  'provided that', 'are prohibited', 'be', 'prohibited', 'is not permitted to', 'discouraged',
  // quarters, halves and dates in figures
  'the first quarter of 2027', 'quarter', 'second half of', 'Q1 2027', 'H2', 'Q5 2027', '31/12/2030', '12/31/2030', '01.02.2030', '1.2.2030', 'Article 1.2.2030',
  // prices
  'USD 50 per kilogram', 'per tonne', '/kg', 'euros a pound', '$5/', 'kilogram',
  'consider', 'establishing', 'will consider establishing', 'explore the possibility of', 'considered',
  // how often, after "every" or "each"
  'every', 'each', 'every five years', 'each 6 months', 'every twelve calendar months', 'years', 'everyone', 'reach',
  // names and terms
  'Japan', 'United States', 'United States of America', 'Kingdom of Thailand', 'Thailand', "People's Republic of China",
  'U.S.', 'JAPAN', 'japan', 'united States', 'OF', 'Of', 'Shall', '“Participants”', '"the Framework"', 'Participants', 'the Framework', "'Agreement'", 'Ruritania', 'RU',
  // case folding, other scripts, punctuation, odd spacing
  'ſhall', 'ſix', 'SHALL', 'é', '€5', '\u00a0', '\n', ';', ':', '.', 'x', '-', 'and', '’s',
];
const separators = [' ', ' ', ' ', '', '\n', '  ', ', ', '\u00a0'];
const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** Changes as legalChanges sees them: increasing, disjoint ranges; then widened as legal.ts does. */
function nearRanges(t: string, cuts: number[]): Array<[number, number]> {
  const points = cuts.map((c) => Math.floor(c * (t.length + 1))).sort((x, y) => x - y);
  const near: Array<[number, number]> = [];
  const blank = (i: number) => /\s/.test(t[i]!);
  for (let i = 0; i + 1 < points.length; i += 2) {
    let a = points[i]! - 1;
    while (a >= 0 && blank(a)) a--;
    let b = points[i + 1]!;
    while (b < t.length && blank(b)) b++;
    near.push([Math.max(0, a), Math.min(t.length - 1, b)]);
  }
  return near;
}

const touching = (items: Found[], near: Array<[number, number]>) =>
  items.filter((f) => near.some(([a, b]) => f.start <= b && f.end - 1 >= a)).map((f) => [f.start, f.end, f.text, f.key]);

const parties = new Map<string, string>([...KNOWN_PARTIES, ['RU', 'RU'], ['Ruritania', 'RU']]);

describe('finder windows', () => {
  it('find every item near the changes that a scan of the whole text finds', () => {
    fc.assert(fc.property(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }), (t, cuts) => {
      if (t.length === 0) return;
      const near = nearRanges(t, cuts);
      const terms = nameFinder(new Map(findDefinedTerms(t).map((x) => [x, x])), 'term');
      const partyFinder = nameFinder(parties, 'party');
      const w = finderWindows(t, near, { terms: terms.words, parties: partyFinder.words });
      const none = () => false;
      expect(touching(findObligationsIn(t, w[OBLIGATION]!), near)).toEqual(touching(findObligations(t), near));
      expect(touching(findFiguresExcept(t, none, w[FIGURE]!), near)).toEqual(touching(findFiguresExcept(t, none), near));
      expect(touching(findDatesIn(t, w[DATE]!), near)).toEqual(touching(findDates(t), near));
      expect(touching(terms.within(t, w[TERM]!), near)).toEqual(touching(terms.all(t), near));
      expect(touching(partyFinder.within(t, w[PARTY]!), near)).toEqual(touching(partyFinder.all(t), near));
    }), { numRuns: 3000 });
  });

  it('find a date written in words from a change to any one of its words', () => {
    // A change to one word of a long date ("fifteen" → "sixteen") grows a window over the rest of it; the
    // random texts above seldom put a change inside one.
    for (const t of ['Done at Paris this twelfth day of December two thousand and fifteen.', 'Signed on the 28th day of October, two thousand and twenty-five, in Tokyo',
      'Done on the first day of July nineteen hundred and ninety-four.']) {
      const whole = findDates(t);
      expect(whole).toHaveLength(1);
      for (const word of t.matchAll(/\S+/g)) {
        const near: Array<[number, number]> = [[word.index, word.index + word[0].length - 1]];
        const w = finderWindows(t, near, { terms: null, parties: null });
        expect(touching(findDatesIn(t, w[DATE]!), near), `${word[0]} in ${t}`).toEqual(touching(whole, near));
      }
    }
  });

  it('fall back to the whole text for names whose words cannot be told (other scripts, edge spaces)', () => {
    const odd = nameFinder(new Map([['中国', 'CN'], [' AU', 'AU']]), 'party');
    expect(odd.words).toBeNull();
    const t = 'The Parties 中国 and x AU shall';
    const w = finderWindows(t, [[t.length - 1, t.length - 1]], { terms: new Set(), parties: odd.words });
    expect(w[PARTY]).toEqual([[0, t.length]]);
  });
});

describe('legal changes next to a change', () => {
  // Each item here only touches the change (or is made by it out of text the change does not hold): a
  // finder skipped near the change would lose it.
  const brief = (l: ReturnType<typeof legalChanges>) => l.map((c) => [c.type, c.old, c.new]);

  it('an obligation before an inserted word', () => {
    expect(brief(legalChanges('Each Party shall notify.', 'Each Party shall not notify.'))).toEqual([['obligation', 'shall', 'shall not']]);
  });

  it('a figure in words whose unit changes', () => {
    expect(brief(legalChanges('within thirty days of notice', 'within thirty calendar days of notice')))
      .toEqual([['figure', 'within thirty days', 'within thirty calendar days']]);
  });

  it('a year that becomes a date when the unit after it changes', () => {
    expect(brief(legalChanges('a cap of 2000 tonnes applies', 'a cap of 2000 people applies')))
      .toEqual([['figure', '2000 tonnes', null], ['date', null, '2000']]);
  });

  it('a quoted term and a party name next to the change', () => {
    expect(brief(legalChanges('“Participants” means the States.', '“Parties” means the States.'))).toEqual([['defined-term', 'Participants', 'Parties']]);
    expect(brief(legalChanges('notified by Japan today', 'notified by Japan and Malaysia today'))).toEqual([['party', null, 'Malaysia']]);
  });
});

describe('obligation atoms', () => {
  // The entry an atom belongs to is read off the matched text (legal-find.ts, ATOM_INDEX), falling back to
  // the capturing pattern for text that only case folding equates with an entry.
  it('are named by the first entry that matches their text, whatever the case and spacing', () => {
    const keys = (t: string) => findObligations(t).map((f) => f.key);
    expect(keys('They SHALL NOT act; they shall\n  not act; they ſhall act.')).toEqual(['shall not', 'shall not', 'shall']);
    expect(keys("It won't; it can not; it has decided to; it uses its best efforts to.")).toEqual(['will not', 'cannot', 'decide to', 'use best efforts to']);
    expect(keys('in May 2026 it may 5 times, and may act')).toEqual(['may']);
  });
});

describe('pattern words', () => {
  it('lists the words of a pattern’s strings, and refuses what it cannot read', () => {
    expect([...patternStrings("(?:shall not|shan't)")]).toEqual(['shall not', "shan't"]);
    expect([...patternWords('agree(?:s|d|ed)? to')].sort()).toEqual(['agree', 'agreed', 'agreeed', 'agrees', 'to']);
    expect([...patternWords('may(?! \\d)')]).toEqual(['may']);
    expect([...patternWords('(?<y>\\d{4})-(?:st|nd)?\\s+[-\\s]day')].sort()).toEqual(['day', 'nd', 'st']);
    expect(() => patternWords('(?:ab)+')).toThrow();
    expect(() => patternWords('[a-z]')).toThrow();
    expect(() => patternWords('\\w')).toThrow();
  });
});
