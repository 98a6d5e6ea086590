/**
 * The alignment's building blocks against their plain definitions: each is a faster way of computing something
 * simple, and must compute exactly that (the comparison's output depends on it bit for bit).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenDraft } from '../src/compare/align.js';
import { contentText, joinedContentTokens } from '../src/compare/content-tokens.js';
import { normalizeLabel, sameLabel, tokenize, type Tokens } from '../src/compare/normalize.js';
import { interleave } from '../src/compare/report-order.js';
import { dice, shingleSet, unionOf } from '../src/compare/shingles.js';
import { DraftSources } from '../src/compare/source-key.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Clause } from '../src/model/draft.js';
import { clause } from './support/compare-align-support.js';

/** A small deterministic generator (no Math.random: failures must reproduce). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const BITS = ['Article', 'Article 5', 'paragraph 2(a)', '(a) x', '1. y', 'a) z', 'iv) w', '12', 'II', 'Section', 'the', 'Party', '.', '(', 'In', 'ÉTAT', '\u00a0(b) q', '“quoted”', '—'];

/** Random Markdown drafts whose paragraphs open and end in the ways that matter to the tokenizer. */
function randomDrafts(count: number, seed: number): Clause[] {
  const pick = random(seed);
  const clauses: Clause[] = [];
  for (let k = 0; k < count; k++) {
    let md = '';
    for (let c = 0; c < 4; c++) {
      md += `## Article ${c + 1}\n### ${BITS[pick(BITS.length)]} ${BITS[pick(BITS.length)]}\n\n`;
      const style = pick(3);
      for (let i = 0, items = 1 + pick(4); i < items; i++) {
        let text = '';
        for (let w = 0, words = pick(7); w < words; w++) text += BITS[pick(BITS.length)] + (pick(2) ? ' ' : '');
        md += (style === 0 ? `${i + 1}. ` : style === 1 ? '- ' : '') + text + '\n\n';
      }
    }
    for (const c of flattenDraft(parseDraft(md).draft)) clauses.push(c.clause);
  }
  return clauses;
}

function corpusClauses(): Clause[] {
  const dir = path.join(__dirname, '..', 'fixtures', 'rare-earths-mou', 'versions');
  const clauses: Clause[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    for (const c of flattenDraft(parseDraft(fs.readFileSync(path.join(dir, file), 'utf8'), { file }).draft)) clauses.push(c.clause);
  }
  return clauses;
}

function sameTokens(a: Tokens, b: Tokens): void {
  expect(Array.from(a.words)).toEqual(Array.from(b.words));
  expect(a.looseKey).toBe(b.looseKey);
  expect(a.endsAfterReference).toBe(b.endsAfterReference);
}

describe('joinedContentTokens', () => {
  it('joins to exactly the tokens of the clause read as one text, or declines', () => {
    const cache = new Map<string, Tokens>();
    const tokens = (text: string) => cache.get(text) ?? cache.set(text, tokenize(text)).get(text)!;
    let joined = 0;
    for (const clause of [...corpusClauses(), ...randomDrafts(150, 7)]) {
      const t = joinedContentTokens(clause, tokens);
      if (t === null) continue;
      joined++;
      sameTokens(t, tokenize(contentText(clause)));
    }
    expect(joined).toBeGreaterThan(300);
  });

  it('declines after a reference word, and for a numbered item that opens with a label', () => {
    expect(joinedContentTokens(clause('Article 1', 'Under Article', '1. 5 shall apply.'), tokenize)).toBeNull();
    expect(joinedContentTokens(clause('Article 1', 'Scope', '1. (a) shall apply.'), tokenize)).toBeNull();
    expect(joinedContentTokens(clause('Article 1', 'Scope', '1. It shall apply.'), tokenize)).not.toBeNull();
  });

  it('ends a list of references ("Articles 9, 10") at a line break, as a paragraph read alone ends there', () => {
    // "10" opening the next paragraph is a quantity, not a number of the list the first paragraph left open.
    const c = clause('Article 1', 'Scope', 'It applies under Articles 9,', '10 tonnes a year are covered.');
    const joined = joinedContentTokens(c, tokenize);
    expect(joined).not.toBeNull();
    sameTokens(joined!, tokenize(contentText(c)));
    expect(tokenize(contentText(c)).looseKey).not.toBe(tokenize(contentText(clause('Article 1', 'Scope', 'It applies under Articles 9,', '20 tonnes a year are covered.'))).looseKey);
  });
});

describe('sameLabel', () => {
  it('agrees with comparing normalizeLabel', () => {
    const labels = ['Article 5', 'ARTICLE 5', 'article  5', ' Article 5', 'Article 5 ', 'Article\t5', 'Article 6', 'Artículo 5', 'ARTÍCULO 5', '', ' ', '5', '5.', 'Section II', 'section ii', 'İ', 'i'];
    for (const a of labels) for (const b of labels) expect(sameLabel(a, b)).toBe(normalizeLabel(a) === normalizeLabel(b));
  });
});

describe('interleave', () => {
  it('orders changes and deletions as the sort by (position, deletion after change, old index) does', () => {
    const pick = random(11);
    for (let round = 0; round < 500; round++) {
      const positions: number[] = [];
      for (let p = 0; p < 12; p++) if (pick(3) > 0) positions.push(p);
      const changes = positions.map((p) => `c${p}`);
      const deletions: string[] = [];
      const anchors: number[] = [];
      for (let i = 0, n = pick(6); i < n; i++) {
        deletions.push(`d${i}`);
        anchors.push(pick(14) - 1);
      }
      const keyed = [
        ...changes.map((c, k) => ({ pos: positions[k]!, tier: 0, sub: 0, c })),
        ...deletions.map((c, i) => ({ pos: anchors[i]!, tier: 1, sub: i, c })),
      ].sort((a, b) => a.pos - b.pos || a.tier - b.tier || a.sub - b.sub);
      expect(interleave(changes, positions, deletions, anchors)).toEqual(keyed.map((k) => k.c));
    }
  });
});

describe('shingle sets', () => {
  it('are sorted and without duplicates, short and long alike', () => {
    const pick = random(5);
    for (const n of [0, 1, 2, 3, 10, 63, 64, 65, 300, 2000]) {
      const words = Int32Array.from({ length: n }, () => pick(n < 100 ? 7 : 500) - 250);
      const set = shingleSet(words);
      const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((x, y) => x - y);
      expect(Array.from(set)).toEqual(sortedUnique(set));
      const other = shingleSet(words.map((w, k) => (k % 3 === 0 ? w + 1 : w)));
      expect(Array.from(unionOf([set, other]))).toEqual(sortedUnique([...set, ...other]));
    }
    expect(dice(shingleSet(Int32Array.of(1, 2, 3, 4)), shingleSet(Int32Array.of(1, 2, 3, 5)))).toBe(0.5);
  });
});

describe('DraftSources', () => {
  it('calls clauses the same exactly when their titles, text values and block shapes are', () => {
    const clauses = [...corpusClauses(), ...randomDrafts(40, 3)];
    const a = new DraftSources(clauses);
    const b = new DraftSources(clauses.map((c) => structuredClone(c)));
    // What identity means: the same title and body (positions aside); list spacing is presentation.
    const parts = (c: Clause) => JSON.stringify([c.title, c.body.filter((block) => block.type !== 'position')], (key, value) => (key === 'spread' ? undefined : value));
    for (let i = 0; i < clauses.length; i += 7) {
      for (let j = 0; j < clauses.length; j += 5) {
        expect(DraftSources.same(a, i, b, j)).toBe(parts(clauses[i]!) === parts(clauses[j]!));
      }
      expect(a.sampledKey(i)).toBe(b.sampledKey(i));
      expect(a.keys[i]).toBe(b.keys[i]);
    }
  });
});
