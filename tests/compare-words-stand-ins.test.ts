import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, type Run } from '../src/compare/myers.js';
import { diffWords } from '../src/compare/words.js';

// Stand-ins (word-stand-ins.ts, myers.ts StandIns) must never change a diff: with them, diffSequences
// returns exactly the runs of the full sequences, or null; diffWords gives the same ops either way.

/** Runs on the short sequences, mapped back to positions in the full ones (stand-in i spans len[i]). */
function expand(runs: Run[], a: number[], b: number[], len: number[], below: number): Run[] {
  const pos = (seq: number[]) => {
    const out = [0];
    for (const v of seq) out.push(out[out.length - 1]! + (v < below ? len[below - 1 - v]! : 1));
    return out;
  };
  const pa = pos(a), pb = pos(b);
  return runs.map((r) => ({ op: r.op, aStart: pa[r.aStart]!, aEnd: pa[r.aEnd]!, bStart: pb[r.bStart]!, bEnd: pb[r.bEnd]! }));
}

describe('Myers with stand-ins', () => {
  it('gives the runs of the full sequences, or null', () => {
    // Small alphabets, so that blocks, their neighbours and the changed bits often hold equal elements.
    const bit = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 });
    const block = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 4 });
    const part = fc.tuple(bit, bit, fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }), block);
    let trusted = 0;
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), bit, bit, (parts, tailA, tailB) => {
      // Full sequences: changed bits, a few shared elements, then a block both share; the short ones put
      // a stand-in for each block.
      const BELOW = -100;
      const fullA: number[] = [], fullB: number[] = [], shortA: number[] = [], shortB: number[] = [], len: number[] = [];
      parts.forEach(([x, y, margin, shared], i) => {
        fullA.push(...x, ...margin, ...shared); fullB.push(...y, ...margin, ...shared);
        shortA.push(...x, ...margin, BELOW - 1 - i); shortB.push(...y, ...margin, BELOW - 1 - i);
        len.push(shared.length);
      });
      fullA.push(...tailA); fullB.push(...tailB); shortA.push(...tailA); shortB.push(...tailB);
      const full = diffSequences(fullA, fullB);
      const short = diffSequences(shortA, shortB, {
        below: BELOW,
        mayMatch: (i, j, forward) => {
          const [s, t] = shortA[i]! < BELOW ? [shortA[i]!, shortB[j]!] : [shortB[j]!, shortA[i]!];
          if (t < BELOW) return true;
          const shared = parts[BELOW - 1 - s]![3];
          return (forward ? shared[0] : shared[shared.length - 1]) === t;
        },
        stuck: () => {},
      });
      if (short === null) return;
      trusted++;
      expect(expand(short, shortA, shortB, len, BELOW)).toEqual(full);
    }), { numRuns: 20000 });
    expect(trusted).toBeGreaterThan(300); // the check above must run often (the search gives up on most of these small inputs)
  });
});

const WORDS = ['the', 'Parties', 'shall', 'should', 'not', 'of', 'a', 'cooperate', 'within', 'thirty', '(30)', 'days,', '1,000', 'and', '[5]', 'Party’s', '“goods”', 'e.g.'];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));

describe('diffWords with stand-ins', () => {
  it('gives the ops it gives without them, on paragraphs with a few words edited', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'swap', 'add'), fc.constantFrom(...WORDS, 'not', 'no later than', '(', ')'));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 5 }), fc.constantFrom('\n', '\n\n', ' \n'), (lines, edits, sep) => {
      const words = lines.map((l) => l.split(' '));
      const edited = words.map((w) => [...w]);
      for (const [l, w, kind, word] of edits) {
        const ws = edited[l % edited.length]!;
        const at = w % ws.length;
        if (kind === 'drop' && ws.length > 1) ws.splice(at, 1);
        else if (kind === 'swap') ws[at] = word;
        else ws.splice(at, 0, word);
      }
      const a = words.map((w) => w.join(' ')).join(sep);
      const b = edited.map((w) => w.join(' ')).join(sep);
      for (const cleanup of [true, false]) {
        expect(diffWords(a, b, { cleanup })).toEqual(diffWords(a, b, { cleanup, standIns: false }));
        expect(diffWords(b, a, { cleanup })).toEqual(diffWords(b, a, { cleanup, standIns: false }));
      }
    }), { numRuns: 1500 });
  });
});
