import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCosmetic, isCosmeticChange, markCosmetic } from '../src/compare/cosmetic.js';
import { diffSequences } from '../src/compare/myers.js';
import { tokenize } from '../src/compare/tokenize.js';
import { diffWords, type WordOp } from '../src/compare/words.js';

/** [op, text] pairs: the shape a reader sees. */
const shape = (ops: WordOp[]) => ops.map((o) => [o.op, o.text]);

describe('public API', () => {
  it('exposes diffWords, tokenize, the cosmetic helpers', () => {
    expect(typeof diffWords).toBe('function');
    expect(typeof tokenize).toBe('function');
    expect(typeof isCosmeticChange).toBe('function');
    expect(typeof classifyCosmetic).toBe('function');
    expect(typeof markCosmetic).toBe('function');
  });
});

describe('tokenize', () => {
  it('splits words, whitespace and punctuation, keeping offsets', () => {
    const text = 'Within thirty (30) days,  the Party’s 1,000.50 USD.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'Within', ' ', 'thirty', ' ', '(', '30', ')', ' ', 'days', ',', '  ', 'the', ' ', 'Party’s', ' ', '1,000.50', ' ', 'USD', '.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === '(')!.kind).toBe('punct');
    expect(tokens.find((t) => t.text === '  ')!.kind).toBe('space');
    expect(tokens.find((t) => t.text === '1,000.50')!.kind).toBe('word');
  });

  it('tokenizes a slice with offsets in the whole text', () => {
    const tokens = tokenize('aa bb cc', 3, 5);
    expect(tokens).toEqual([{ text: 'bb', kind: 'word', start: 3, end: 5 }]);
  });
});

describe('diffWords', () => {
  it('reads a changed figure as one change', () => {
    const ops = diffWords('Payment within thirty (30) days of notice.', 'Payment within sixty (60) days of notice.');
    expect(shape(ops)).toEqual([
      ['equal', 'Payment within '],
      ['delete', 'thirty (30)'],
      ['insert', 'sixty (60)'],
      ['equal', ' days of notice.'],
    ]);
  });

  it('maps every fragment back to its offsets', () => {
    const a = 'Either Participant may discontinue cooperation and shall provide written notice.';
    const b = 'Either Participant may end cooperation and should provide notice in writing.';
    for (const op of diffWords(a, b)) {
      if (op.op !== 'insert') expect(a.slice(op.oldStart, op.oldEnd)).toBe(op.text);
      if (op.op !== 'delete') expect(b.slice(op.newStart, op.newEnd)).toBe(op.text);
    }
  });

  it('changes only the word that changed: shall → should', () => {
    const ops = diffWords('Either Participant shall provide written notice.', 'Either Participant should provide written notice.');
    expect(shape(ops)).toEqual([
      ['equal', 'Either Participant '], ['delete', 'shall'], ['insert', 'should'], ['equal', ' provide written notice.'],
    ]);
  });

  it('folds a short word between two changes, but never a negation', () => {
    expect(shape(diffWords('apples of pears', 'lemons of limes'))).toEqual([
      ['delete', 'apples of pears'], ['insert', 'lemons of limes'],
    ]);
    const ops = diffWords('shall not provide', 'should not give');
    expect(shape(ops)).toEqual([
      ['delete', 'shall'], ['insert', 'should'], ['equal', ' not '], ['delete', 'provide'], ['insert', 'give'],
    ]);
  });

  it('keeps a point\'s label between changes on two lines, but folds punctuation across a wrapped line', () => {
    expect(shape(diffWords('requirements. In doing so─\n(a) Malaysia shall accord', 'requirements. In addition:\n(a) Cambodia shall accord'))).toEqual([
      ['equal', 'requirements. In '], ['delete', 'doing so─'], ['insert', 'addition:'], ['equal', '\n(a) '], ['delete', 'Malaysia'], ['insert', 'Cambodia'],
      ['equal', ' shall accord'],
    ]);
    expect(shape(diffWords('its own bodies; and\n(b) Malaysia shall', 'its own bodies.\n(b) Cambodia shall'))).toEqual([
      ['equal', 'its own bodies'], ['delete', '; and'], ['insert', '.'], ['equal', '\n(b) '], ['delete', 'Malaysia'], ['insert', 'Cambodia'], ['equal', ' shall'],
    ]);
    // A figure whose line was wrapped inside it is still one change.
    expect(shape(diffWords('notify within thirty\n(30) days of receipt', 'notify within sixty\n(60) days of receipt'))).toEqual([
      ['equal', 'notify within '], ['delete', 'thirty\n(30)'], ['insert', 'sixty\n(60)'], ['equal', ' days of receipt'],
    ]);
  });

  it('keeps a long equal run between changes', () => {
    const ops = diffWords('alpha common words stay here omega', 'beta common words stay here gamma');
    expect(ops.filter((o) => o.op === 'equal').map((o) => o.text)).toEqual([' common words stay here ']);
  });

  it('does not merge changes across a paragraph break', () => {
    const ops = diffWords('First shall.\n\nSecond shall.', 'First should.\n\nSecond should.');
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['shall', 'shall']);
  });

  // Folding the space between two changes left that space at the end of both sides: a phrase struck with its
  // space, and the space inserted again ("[-will explore the establishment of -]{+shall establish +}a").
  it('gives back whitespace that a change would strike and insert again', () => {
    const proposed = 'The Participants will explore the establishment of a mechanism. It may include reference prices and offtake arrangements.';
    const countered = 'The Participants shall establish a mechanism. It may include reference prices, price floors for designated materials and offtake arrangements.';
    expect(shape(diffWords(proposed, countered))).toEqual([
      ['equal', 'The Participants '], ['delete', 'will explore the establishment of'], ['insert', 'shall establish'],
      ['equal', ' a mechanism. It may include reference prices'], ['insert', ', price floors for designated materials'],
      ['equal', ' and offtake arrangements.'],
    ]);
  });

  it('starts an inserted or deleted phrase at its first word, the space after it inside', () => {
    expect(shape(diffWords('the importance of critical supply chains', 'the importance of secure and fair markets for critical supply chains'))).toEqual([
      ['equal', 'the importance of '], ['insert', 'secure and fair markets for '], ['equal', 'critical supply chains'],
    ]);
    expect(shape(diffWords('the importance of secure and fair markets for critical supply chains', 'the importance of critical supply chains'))).toEqual([
      ['equal', 'the importance of '], ['delete', 'secure and fair markets for '], ['equal', 'critical supply chains'],
    ]);
    // Where the shortest edit put the space first (a repeated word lets it choose).
    expect(shape(diffWords('with chains for', 'with of of chains chains of for'))).toEqual([
      ['equal', 'with '], ['insert', 'of of '], ['equal', 'chains '], ['insert', 'chains of '], ['equal', 'for'],
    ]);
    // At the end of a text there is no space after it to take: the phrase keeps the one before it.
    expect(shape(diffWords('trade and investment', 'trade and investment in minerals'))).toEqual([['equal', 'trade and investment'], ['insert', ' in minerals']]);
  });

  it('puts a change that holds a line break on line boundaries where it could stand either way', () => {
    // A paragraph cut after its first sentence, with an edit before the cut: the token diff may as well read
    // "demand{+.⏎1+}. The".
    const whole = 'Stockpiles sufficient for ninety (90) days of demand. The Participants shall coordinate releases.';
    const cut = 'Stockpiles sufficient for sixty (60) days of demand.\n1. The Participants shall coordinate releases.';
    expect(shape(diffWords(whole, cut))).toEqual([
      ['equal', 'Stockpiles sufficient for '], ['delete', 'ninety (90)'], ['insert', 'sixty (60)'], ['equal', ' days of demand.'], ['insert', '\n1.'],
      ['equal', ' The Participants shall coordinate releases.'],
    ]);
    expect(shape(diffWords(cut, whole))).toEqual([
      ['equal', 'Stockpiles sufficient for '], ['delete', 'sixty (60)'], ['insert', 'ninety (90)'], ['equal', ' days of demand.'], ['delete', '\n1.'],
      ['equal', ' The Participants shall coordinate releases.'],
    ]);
    // Never by cutting a word: "policies" repeats at both ends of the inserted line, and stays whole.
    const ops = diffWords('relevant policies.\nNext.', 'relevant policies.\nOption 2: other policies.\nNext.');
    expect(shape(ops)).toEqual([['equal', 'relevant policies.\n'], ['insert', 'Option 2: other policies.\n'], ['equal', 'Next.']]);
  });

  it('balances brackets around a changed numeral', () => {
    expect(shape(diffWords('see Article [5] here', 'see Article [7] here'))).toEqual([
      ['equal', 'see Article '], ['delete', '[5]'], ['insert', '[7]'], ['equal', ' here'],
    ]);
  });

  // Without the redrawing of alternatives, the shortest edit kept "export bans" of the first alternative and
  // "quotas" of the second; and "less adaptation" of the new alternative, striking a space to put it back.
  it.each([
    ['keeps the agreed alternative whole when bracketed alternatives are resolved, and strikes the other',
      'They will not impose [export bans, export quotas or export duties][export bans or export quotas] on rare earths.',
      'They will not impose export bans or export quotas on rare earths.',
      [['equal', 'They will not impose '], ['delete', '[export bans, export quotas or export duties]['],
        ['equal', 'export bans or export quotas'], ['delete', ']'], ['equal', ' on rare earths.']]],
    ['keeps the text whole when alternatives are put in brackets beside it',
      'and that less adaptation will be needed if their efforts are greater.',
      'and that [the greater their efforts, the less adaptation is needed][less adaptation will be needed if their efforts are greater].',
      [['equal', 'and that '], ['insert', '[the greater their efforts, the less adaptation is needed]['],
        ['equal', 'less adaptation will be needed if their efforts are greater'], ['insert', ']'], ['equal', '.']]],
  ])('%s', (_name, oldText, newText, expected) => {
    expect(shape(diffWords(oldText, newText))).toEqual(expected);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(shape(diffWords('same text', 'same text'))).toEqual([['equal', 'same text']]);
    expect(shape(diffWords('', 'new words'))).toEqual([['insert', 'new words']]);
    expect(shape(diffWords('old words', ''))).toEqual([['delete', 'old words']]);
  });

  it('without cleanup gives the raw token script', () => {
    const ops = diffWords('within thirty (30) days', 'within sixty (60) days', { cleanup: false });
    expect(shape(ops)).toEqual([
      ['equal', 'within '], ['delete', 'thirty'], ['insert', 'sixty'], ['equal', ' ('], ['delete', '30'], ['insert', '60'], ['equal', ') days'],
    ]);
  });

  it('reads a changed number written with its parts as one change, not pieces around a digit both share', () => {
    // Token by token, "2(1)" → "3(2)" may keep the "2" ("{+3(+}2[-(1)-]{+)+}"): as long a common run as "( )".
    const ops = diffWords('Each Participant shall apply Articles 2 and 3; Article 2(1). Nothing', 'Each Participant will apply Articles 3 and 4; Article 3(2). Nothing');
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([['delete', 'shall'], ['insert', 'will'], ['delete', '2 and 3'], ['insert', '3 and 4'], ['delete', '2(1)'], ['insert', '3(2)']]);
    // Letters between two changed marks stay equal, and so does an alternative kept out of brackets.
    expect(diffWords('the “Framework” applies', 'the "Framework" applies').filter((o) => o.op === 'equal').map((o) => o.text)).toContain('Framework');
  });

  it('flags cosmetic changes on their ops', () => {
    const ops = diffWords('the “Framework” shall apply', 'the "Framework" should apply');
    const quotes = ops.filter((o) => ['“', '”', '"'].includes(o.text));
    expect(quotes.map((o) => o.op)).toEqual(['delete', 'insert', 'delete', 'insert']);
    for (const o of quotes) expect(o.cosmetic).toBe(true);
    expect(ops.find((o) => o.text === 'shall')!.cosmetic).toBe(false);
    expect(ops.filter((o) => o.op === 'equal').every((o) => o.cosmetic === undefined)).toBe(true);
    // Agreeing bracketed language is no change of wording, but not one a reader may hide.
    const agreed = diffWords('will share, [in real time], information', 'will share, in real time, information');
    expect(agreed.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text, o.cosmetic])).toEqual([['delete', '[', false], ['delete', ']', false]]);
  });
});

describe('cosmetic changes', () => {
  it('accepts whitespace, punctuation, case and quote style', () => {
    expect(isCosmeticChange('the  Parties', 'the Parties')).toBe(true);
    expect(isCosmeticChange('Donald. J. Trump', 'Donald J. Trump')).toBe(true);
    expect(isCosmeticChange('PARTICIPANTS', 'Participants')).toBe(true);
    expect(isCosmeticChange('the Party’s', "the Party's")).toBe(true);
    expect(isCosmeticChange('anti-dumping', 'anti dumping')).toBe(true);
  });

  it('rejects changes of words, numbers and significant symbols', () => {
    expect(isCosmeticChange('shall', 'should')).toBe(false);
    expect(isCosmeticChange('10%', '10')).toBe(false);
    expect(isCosmeticChange('$1 billion', '1 billion')).toBe(false);
    expect(isCosmeticChange('1.5', '15')).toBe(false);
    expect(isCosmeticChange('same', 'same')).toBe(false);
    // Square brackets mark language not yet agreed: bracketing or agreeing text is a change of substance.
    expect(isCosmeticChange('[in real time]', 'in real time')).toBe(false);
    expect(isCosmeticChange('[', '')).toBe(false);
    expect(isCosmeticChange('(30)', '30')).toBe(true);
  });

  it('accepts one word spelled the British and the American way, and no other word', () => {
    const variants = [
      ['organisation', 'organization'], ['Recognising', 'Recognizing'], ['analysed', 'analyzed'], ['labour', 'labor'], ['endeavours', 'endeavors'],
      ['favourable', 'favorable'], ['centre', 'center'], ['metres', 'meters'], ['defence', 'defense'], ['programme', 'program'],
      ['travelled', 'traveled'], ['modelling', 'modeling'], ['judgement', 'judgment'], ['sulphur', 'sulfur'], ['aluminium', 'aluminum'],
      ['caesium', 'cesium'], ['fulfil', 'fulfill'], ['licence', 'license'],
    ];
    for (const [british, american] of variants) expect([british, isCosmeticChange(british!, american!)]).toEqual([british, true]);
    // Words that only look alike: another word, or another unit.
    for (const [a, b] of [['four', 'for'], ['filled', 'filed'], ['tonne', 'ton'], ['tonnes', 'tons'], ['shall', 'should'], ['licence', 'licensee'], ['centre', 'centres']]) {
      expect([a, b, isCosmeticChange(a!, b!)]).toEqual([a, b, false]);
    }
    expect(classifyCosmetic('organisation', 'organization')).toEqual({ cosmetic: true, kinds: ['spelling'] });
    // In a redline: the changed word is marked cosmetic, the other change is not.
    const ops = diffWords('The Participants will endeavour to cooperate in the defence sector.', 'The Participants will endeavor to cooperate in the security sector.');
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text, o.cosmetic])).toEqual([
      ['delete', 'endeavour', true], ['insert', 'endeavor', true], ['delete', 'defence', false], ['insert', 'security', false],
    ]);
  });

  it('names the kinds of difference', () => {
    expect(classifyCosmetic('“Framework”', '"Framework"')).toEqual({ cosmetic: true, kinds: ['quotes'] });
    expect(classifyCosmetic('The Parties,', 'the  Parties')).toEqual({ cosmetic: true, kinds: ['case', 'whitespace', 'punctuation'] });
    expect(classifyCosmetic(null, ', ')).toEqual({ cosmetic: true, kinds: ['whitespace', 'punctuation'] });
    expect(classifyCosmetic('shall', 'should')).toEqual({ cosmetic: false, kinds: [] });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property tests

const piece = fc.constantFrom(
  'shall', 'should', 'the', 'Parties', 'of', 'not', 'thirty', '30', '1,000', '(', ')', '[', ']', ',', '.', '“', '”', ' ', ' ', ' ', '\n', '\n\n', 'a', 'b', 'é', 'x',
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

describe('diffWords properties', () => {
  const checkInvariants = (a: string, b: string, ops: WordOp[]) => {
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(a);
    expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(b);
    let oldPos = 0;
    let newPos = 0;
    for (const [i, op] of ops.entries()) {
      expect(op.text.length).toBeGreaterThan(0);
      if (i > 0) expect(op.op === 'equal' && ops[i - 1]!.op === 'equal').toBe(false);
      if (op.op !== 'insert') { expect(op.oldStart).toBe(oldPos); oldPos = op.oldEnd!; expect(a.slice(op.oldStart, op.oldEnd)).toBe(op.text); }
      if (op.op !== 'delete') { expect(op.newStart).toBe(newPos); newPos = op.newEnd!; expect(b.slice(op.newStart, op.newEnd)).toBe(op.text); }
    }
  };

  it('equal + delete rebuild the old text, equal + insert the new, with offsets in order', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      checkInvariants(a, b, diffWords(a, b));
      checkInvariants(a, b, diffWords(a, b, { cleanup: false }));
    }), { numRuns: 500 });
  });

  it('no change strikes and inserts the same whitespace at its start or end', () => {
    const space = /^\s+/;
    const trailing = /\s+$/;
    // Sentences of a few words, and the same sentence with some words dropped or replaced: changes a word or a
    // space apart, where the cleanup folds.
    const word = fc.constantFrom('shall', 'will', 'establish', 'the', 'of', 'a', 'prices,', 'price', 'floors', 'and', 'explore');
    const edited = fc.array(fc.tuple(word, fc.constantFrom('keep', 'keep', 'drop', 'replace'), word), { minLength: 1, maxLength: 14 }).map((parts) => [
      parts.map(([w]) => w).join(' '),
      parts.flatMap(([w, how, other]) => (how === 'keep' ? [w] : how === 'replace' ? [other] : [])).join(' '),
    ] as const);
    fc.assert(fc.property(edited, fc.boolean(), ([x, y], swap) => {
      const [a, b] = swap ? [y, x] : [x, y];
      const ops = diffWords(a, b);
      for (let i = 0; i + 1 < ops.length; i++) {
        if (ops[i]!.op !== 'delete' || ops[i + 1]!.op !== 'insert') continue;
        const [del, ins] = [ops[i]!.text, ops[i + 1]!.text];
        expect(space.exec(del)?.[0] !== undefined && space.exec(del)?.[0] === space.exec(ins)?.[0]).toBe(false);
        expect(trailing.exec(del)?.[0] !== undefined && trailing.exec(del)?.[0] === trailing.exec(ins)?.[0]).toBe(false);
      }
    }), { numRuns: 1000 });
  });

  it('no insertion or deletion opens with the whitespace that follows it', () => {
    // Sentences of a few words, and the same with words dropped, replaced or added after them.
    const word = fc.constantFrom('with', 'of', 'chains', 'for', 'the', 'and', 'minerals', 'trade');
    const edited = fc.array(fc.tuple(word, fc.constantFrom('keep', 'keep', 'drop', 'replace', 'add'), word, word), { minLength: 1, maxLength: 14 }).map((parts) => [
      parts.map(([w]) => w).join(' '),
      parts.flatMap(([w, how, x, y]) => (how === 'keep' ? [w] : how === 'replace' ? [x] : how === 'add' ? [w, x, y] : [])).join(' '),
    ] as const);
    fc.assert(fc.property(fc.oneof(fc.tuple(text, text), edited), ([a, b]) => {
      const ops = diffWords(a, b);
      for (let i = 0; i + 1 < ops.length; i++) {
        const [op, next, before] = [ops[i]!, ops[i + 1]!, ops[i - 1]];
        // A pure change: no delete before an insert, nor an insert after a delete.
        const pure = (op.op === 'insert' && before?.op !== 'delete') || (op.op === 'delete' && next.op !== 'insert');
        if (!pure || next.op !== 'equal' || op.text.trim() === '') continue;
        const lead = /^\s+/.exec(op.text)?.[0];
        expect(lead !== undefined && next.text.startsWith(lead) && !/^\s/.test(next.text.slice(lead.length))).toBe(false);
      }
    }), { numRuns: 1000 });
  });

  it('holds after a single keystroke in a long text', () => {
    fc.assert(fc.property(text, fc.nat(), piece, (a, at, ch) => {
      const pos = a.length === 0 ? 0 : at % a.length;
      const b = a.slice(0, pos) + ch + a.slice(pos + 1);
      checkInvariants(a, b, diffWords(a, b));
    }), { numRuns: 500 });
  });

  it('without cleanup keeps a longest common token subsequence', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      const kept = diffWords(a, b, { cleanup: false }).filter((o) => o.op === 'equal').map((o) => tokenize(o.text).length);
      const keptTokens = kept.reduce((x, y) => x + y, 0);
      expect(keptTokens).toBe(lcsLength(tokenize(a).map((t) => t.text), tokenize(b).map((t) => t.text)));
    }), { numRuns: 300 });
  });

  it('Myers core: runs cover both sequences and keep an LCS', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 });
    fc.assert(fc.property(seq, seq, (a, b) => {
      const runs = diffSequences(a, b);
      let i = 0;
      let j = 0;
      let equal = 0;
      for (const r of runs) {
        expect([r.aStart, r.bStart]).toEqual([i, j]);
        if (r.op === 'equal') {
          expect(a.slice(r.aStart, r.aEnd)).toEqual(b.slice(r.bStart, r.bEnd));
          equal += r.aEnd - r.aStart;
        }
        if (r.op === 'delete') expect(r.bEnd).toBe(r.bStart);
        if (r.op === 'insert') expect(r.aEnd).toBe(r.aStart);
        i = r.aEnd;
        j = r.bEnd;
      }
      expect([i, j]).toEqual([a.length, b.length]);
      expect(equal).toBe(lcsLength(a.map(String), b.map(String)));
    }), { numRuns: 500 });
  });

  it('bracketed alternatives resolved to one: the agreed one kept whole, the rest struck', () => {
    // Alternatives of words that the text around them does not use, none a short word alone (the cleanup folds
    // "of" between two changes into them).
    const alternative = fc.array(fc.constantFrom('export', 'bans', 'quotas', 'duties', 'levies', 'minerals', 'earths', 'rare', ',', ' or'), { minLength: 1, maxLength: 6 })
      .map((words) => words.join(' ').replace(/ ,/g, ',').trim())
      .filter((a) => /[a-z]{4}/.test(a));
    const around = fc.array(fc.constantFrom('The', 'Participants', 'will', 'not', 'impose', 'on', 'trade', 'goods'), { maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(fc.property(around, alternative, alternative, around, fc.boolean(), (before, a, b, after, second) => {
      const lead = before ? `${before} ` : '', tail = after ? ` ${after}` : '';
      const agreed = second ? b : a;
      const oldText = `${lead}[${a}][${b}]${tail}.`, newText = `${lead}${agreed}${tail}.`;
      const ops = diffWords(oldText, newText);
      checkInvariants(oldText, newText, ops);
      expect(ops.some((o) => o.op === 'equal' && o.text.includes(agreed))).toBe(true);
      // (Two equal alternatives: either may be the one kept.)
      const struck = ops.filter((o) => o.op === 'delete').map((o) => o.text).join('');
      expect(a === b ? [`[${a}][]`, `[][${b}]`] : [second ? `[${a}][]` : `[][${b}]`]).toContain(struck);
    }), { numRuns: 500 });
  });

  it('cosmetic flags are exactly isCosmeticChange of each change', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      const ops = diffWords(a, b);
      for (const op of ops) {
        if (op.op === 'equal') expect(op.cosmetic).toBeUndefined();
        else expect(typeof op.cosmetic).toBe('boolean');
      }
    }), { numRuns: 200 });
  });
});
