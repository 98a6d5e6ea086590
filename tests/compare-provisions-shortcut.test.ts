/**
 * Provision alignment decides the usual edited clause in place (pairEditsInPlace) and leaves the rest to the
 * Matcher: on every clause pair the result must be exactly the Matcher's. Clause pairs are built to reach both
 * sides of every condition of the shortcut: provisions kept, edited a little or a lot, swapped, repeated,
 * emptied, inserted and deleted, under backgrounds that raise the bar or not.
 */
import { describe, expect, it } from 'vitest';
import { alignProvisions, alignProvisionsByMatcher } from '../src/compare/provisions-align.js';
import { diceBelow, dice, shingleSet } from '../src/compare/shingles.js';
import { tokenize, type Tokens } from '../src/compare/normalize.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Clause } from '../src/model/draft.js';

/** A small deterministic generator (no Math.random: failures must reproduce). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const WORDS = ['the', 'Party', 'shall', 'may', 'promptly', 'notify', 'the other Party', 'of', 'any', 'measure', 'Article 5', 'within', '30', 'days', 'and', 'publish', 'its', 'laws', 'regulations', 'customs', 'duties', 'goods'];

function sentence(pick: (n: number) => number, words: number): string {
  const out: string[] = [];
  for (let w = 0; w < words; w++) out.push(WORDS[pick(WORDS.length)]!);
  return out.join(' ') + '.';
}

/** Change a text a little (one word) or a lot (half its words), or empty it. */
function edit(pick: (n: number) => number, text: string): string {
  const how = pick(10);
  if (how === 0) return '';
  const words = text.split(' ');
  const changes = how < 7 ? 1 : Math.max(1, words.length >> 1);
  for (let c = 0; c < changes; c++) words[pick(words.length)] = WORDS[pick(WORDS.length)]!;
  return words.join(' ');
}

function clauseOf(paragraphs: string[], points: boolean): Clause {
  const items = paragraphs.map((p, k) => (points && k % 3 === 2 ? `   (a) ${p}` : `${k + 1}. ${p}`));
  return parseDraft(`## Article 1\n\n${items.join('\n\n')}\n`).draft.clauses[0]!;
}

/** An old clause and an edited new one. */
function clausePair(seed: number): [Clause, Clause] {
  const pick = random(seed);
  const count = 1 + pick(9);
  const long = pick(2) === 0;
  const old: string[] = [];
  // Sometimes every provision is a variant of one sentence: pairs across the k-th ones then compete.
  const theme = pick(3) === 0 ? sentence(pick, long ? 8 + pick(30) : 4 + pick(6)) : null;
  for (let k = 0; k < count; k++) {
    if (theme !== null) old.push(edit(pick, theme) || theme);
    else old.push(pick(8) === 0 && k > 0 ? old[k - 1]! : sentence(pick, long ? 8 + pick(30) : 2 + pick(6)));
  }
  const now = old.slice();
  for (let e = 0, edits = pick(5); e < edits; e++) {
    const op = pick(10);
    const at = pick(now.length);
    if (op < 6) now[at] = edit(pick, now[at]!);
    else if (op < 7 && now.length > 1) now.splice(at, 1);
    else if (op < 8) now.splice(at, 0, sentence(pick, 3 + pick(20)));
    else if (op < 9) {
      // Two provisions trade places and both change: the k-th changed old one is not the k-th new one.
      const b = pick(now.length);
      [now[at], now[b]] = [edit(pick, now[b]!), edit(pick, now[at]!)];
    }
    else now[at] = now[at]!.replace('shall', 'may');
  }
  if (now.length === 0) now.push(sentence(pick, 5));
  const points = pick(3) === 0;
  return [clauseOf(old, points), clauseOf(now, points)];
}

describe('provision alignment shortcut', () => {
  it('agrees with the Matcher on random edited clauses', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const [a, b] = clausePair(seed);
      for (const background of [0, 0.1, 0.25, 0.38, 0.45]) {
        const cache = new Map<string, Tokens>();
        const tokens = (text: string) => cache.get(text) ?? cache.set(text, tokenize(text)).get(text)!;
        expect(alignProvisions([a], [b], background, tokens), `seed ${seed} background ${background}`).toEqual(alignProvisionsByMatcher([a], [b], background, tokenize));
      }
    }
  });

  it('agrees with the Matcher on splits and merges (several clauses a side)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const [a, b] = clausePair(seed);
      const [c, d] = clausePair(seed + 10000);
      expect(alignProvisions([a, c], [b], 0.2)).toEqual(alignProvisionsByMatcher([a, c], [b], 0.2));
      expect(alignProvisions([a], [b, d], 0.2)).toEqual(alignProvisionsByMatcher([a], [b, d], 0.2));
    }
  });
});

describe('diceBelow', () => {
  it('tells exactly whether dice falls below a bound', () => {
    const pick = random(7);
    for (let t = 0; t < 3000; t++) {
      const a = Int32Array.from({ length: pick(40) }, () => pick(60));
      const b = Int32Array.from({ length: pick(40) }, () => pick(60));
      const sa = shingleSet(a), sb = shingleSet(b);
      const d = dice(sa, sb);
      // Bounds at, just around and away from the value itself.
      for (const bound of [d, d + 1e-12, d - 1e-12, pick(101) / 100, 0, 1]) expect(diceBelow(sa, sb, bound)).toBe(d < bound);
    }
  });
});
