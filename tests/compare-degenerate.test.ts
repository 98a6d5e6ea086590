/**
 * Degenerate input finishes (within the test timeout) and is aligned correctly: identical drafts, empty
 * drafts, every clause replaced, one clause of 100,000 words, 20,000 one-line clauses, all clauses identical,
 * a draft compared with itself reversed. Speed is measured in bench/align.mjs, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { alignDrafts } from '../src/compare/align.js';
import { compareDrafts } from '../src/compare/compare.js';
import { legalChanges } from '../src/compare/legal.js';
import type { Clause, Draft } from '../src/model/draft.js';
import { importDraft } from '../src/format/import-text.js';
import { clause, draft, hasGenerator, loadMakePair } from './support/compare-align-support.js';

/** Deterministic pseudo-random words, so that texts are distinct without a fixture. */
function words(seed: number, count: number): string[] {
  const vocab = ['party', 'shall', 'measure', 'customs', 'origin', 'notify', 'review', 'committee', 'annex', 'investment', 'services', 'goods', 'procedure', 'within', 'days', 'request', 'territory', 'minerals', 'supply', 'chain', 'export', 'import', 'tariff', 'quota', 'licence', 'panel', 'dispute', 'consult', 'publish', 'cooperate'];
  let a = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out.push(vocab[a % vocab.length]! + (a % 7 === 0 ? String(a % 97) : ''));
  }
  return out;
}

function articles(texts: string[]): Draft {
  return draft(...texts.map((t, i) => clause(`Article ${i + 1}`, '', t)));
}

function kinds(changes: { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
}

describe('alignment of degenerate input', () => {
  it.skipIf(!hasGenerator())('identical drafts: every clause unchanged, nothing moved or renumbered (skipped without gen-treaty.mjs)', async () => {
    const pair = (await loadMakePair())(500, 11);
    const a = alignDrafts(importDraft(pair.oldText).draft, importDraft(pair.oldText).draft);
    expect(a.changes).toHaveLength(500);
    a.changes.forEach((c, i) => {
      expect(c).toMatchObject({ kind: 'unchanged', moved: false, renumbered: false, old: [i], new: [i], similarity: 1 });
    });
  });

  it('empty drafts: nothing to report; empty against full: all inserted or all deleted', () => {
    expect(alignDrafts(draft(), draft()).changes).toEqual([]);
    const full = articles(['first article text here', 'second article text here']);
    expect(alignDrafts(draft(), full).changes.map((c) => c.kind)).toEqual(['inserted', 'inserted']);
    expect(alignDrafts(full, draft()).changes.map((c) => [c.kind, c.old])).toEqual([['deleted', [0]], ['deleted', [1]]]);
  });

  it('clauses with an empty body and no title align without error', () => {
    const a = alignDrafts(draft(clause('Article 1', ''), clause('Article 2', '')), draft(clause('Article 1', '')));
    expect(a.changes.flatMap((c) => c.new)).toEqual([0]);
    expect(a.changes.flatMap((c) => c.old).sort()).toEqual([0, 1]);
  });

  it.skipIf(!hasGenerator())('every clause replaced: all inserted and deleted, nothing paired (skipped without gen-treaty.mjs)', async () => {
    const makePair = await loadMakePair();
    const a = alignDrafts(importDraft(makePair(300, 1).oldText).draft, importDraft(makePair(300, 2).oldText).draft);
    expect(kinds(a.changes)).toEqual({ inserted: 300, deleted: 300 });
  });

  it('one clause of 100,000 words, edited in three places', () => {
    const text = words(1, 100_000);
    const edited = text.slice();
    edited[10] = 'amended';
    edited[50_000] = 'amended';
    edited.splice(99_000, 1);
    const a = alignDrafts(articles([text.join(' ')]), articles([edited.join(' ')]));
    expect(a.changes).toHaveLength(1);
    expect(a.changes[0]!.kind).toBe('edited');
    expect(a.changes[0]!.similarity).toBeGreaterThan(0.99);
  });

  it('20,000 one-line clauses with deletions, insertions, edits and a move', () => {
    const old = Array.from({ length: 20_000 }, (_, i) => `${words(i + 1, 10).join(' ')} item ${i}.`);
    const next = old.slice();
    next[100] = next[100]!.replace('item', 'entry'); // edited
    next.splice(5000, 1); // old 5000 deleted
    next.splice(7000, 0, 'An entirely new clause about critical minerals stockpiles and their release.'); // inserted
    const moved = next.splice(12_000, 1)[0]!; // old 12001 (after the deletion and insertion) moved to the end
    next.push(moved);
    const a = alignDrafts(articles(old), articles(next));
    expect(kinds(a.changes)).toEqual({ unchanged: 19_998, edited: 1, deleted: 1, inserted: 1 });
    expect(a.changes.find((c) => c.kind === 'deleted')!.old).toEqual([5000]);
    expect(a.changes.find((c) => c.kind === 'inserted')!.new).toEqual([7000]);
    expect(a.changes.find((c) => c.kind === 'edited')!.old).toEqual([100]);
    const movedChanges = a.changes.filter((c) => c.moved);
    expect(movedChanges.map((c) => [c.old, c.new])).toEqual([[[12_000], [19_999]]]);
  });

  it('a clause of 40,000 paragraphs (more source parts than one chunk of the fingerprints holds) among ordinary ones', () => {
    const paragraphs = Array.from({ length: 40_000 }, (_, k) => `${words(k + 7, 6).join(' ')} (${k}).`);
    const around = (texts: string[]) => draft(
      clause('Article 1', 'Scope', words(1, 30).join(' ')),
      clause('Article 2', 'Schedule', ...texts),
      clause('Article 3', 'Review', words(3, 30).join(' ')),
    );
    const same = alignDrafts(around(paragraphs), around(paragraphs.slice()));
    expect(same.changes.map((c) => [c.kind, c.old, c.new])).toEqual([['unchanged', [0], [0]], ['unchanged', [1], [1]], ['unchanged', [2], [2]]]);
    // One figure of the last paragraph, of the same length (the cheap fingerprints, shapes and lengths, stay
    // equal; the parts compared must tell): the long clause is edited, the clause after it (its parts in the
    // next chunk) still unchanged.
    const edited = paragraphs.slice();
    edited[39_999] = edited[39_999]!.replace('(39999)', '(39998)');
    const a = alignDrafts(around(paragraphs), around(edited));
    expect(a.changes.map((c) => [c.kind, c.old, c.new])).toEqual([['unchanged', [0], [0]], ['edited', [1], [1]], ['unchanged', [2], [2]]]);
    // The last clause changed instead: the long one is still recognised as unchanged.
    const b = alignDrafts(around(paragraphs), draft(clause('Article 1', 'Scope', words(1, 30).join(' ')), clause('Article 2', 'Schedule', ...paragraphs), clause('Article 3', 'Review', words(3, 30).join(' ').replace('origin', 'annexe'))));
    expect(b.changes.map((c) => [c.kind, c.old, c.new])).toEqual([['unchanged', [0], [0]], ['unchanged', [1], [1]], ['edited', [2], [2]]]);
  });

  it('all clauses identical: paired in order, no moves', () => {
    const same = 'The Parties shall cooperate on critical minerals supply chains.';
    const a = alignDrafts(articles(Array(1000).fill(same)), articles(Array(999).fill(same)));
    expect(kinds(a.changes)).toEqual({ unchanged: 999, deleted: 1 });
    expect(a.changes.some((c) => c.moved)).toBe(false);
    a.changes.filter((c) => c.kind === 'unchanged').forEach((c, i) => expect(c.old).toEqual([i]));
  });

  it('a draft compared with itself reversed: every clause paired, all but one moved', () => {
    const texts = Array.from({ length: 300 }, (_, i) => words(i + 7, 40).join(' '));
    const old = articles(texts);
    const reversed: Clause[] = old.clauses.slice().reverse().map((c, i) => ({ ...c, label: `Article ${i + 1}` }));
    const a = alignDrafts(old, draft(...reversed));
    expect(a.changes).toHaveLength(300);
    a.changes.forEach((c, j) => {
      expect(c.kind).toBe('unchanged');
      expect(c.old).toEqual([299 - j]);
    });
    expect(a.changes.filter((c) => c.moved)).toHaveLength(299);
  });
});

describe('what changed in law, on degenerate input', () => {
  it('a clause that is a table of 60,000 figures, one changed in the middle: the change is found (once taking minutes: a date search per figure over the whole table)', () => {
    // A tariff schedule: rates and quantities, one line each, nothing but numbers.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${8501 + (i % 97)} ${i % 25}% 1 000 tonnes`);
    const edited = rows.slice();
    edited[10_000] = edited[10_000]!.replace('1 000 tonnes', '2 000 tonnes');
    const oldText = rows.join('\n'), newText = edited.join('\n');
    expect(legalChanges(oldText, newText).map((c) => [c.type, c.old, c.new])).toEqual([['figure', '1 000 tonnes', '2 000 tonnes']]);
  });

  it('one paragraph of 100,000 words citing articles renumbered with the drafts 5,000 times: every citation is read, none is marked cosmetic line by line (once reading the paragraph for each)', () => {
    // Article 1 cites Article 2 throughout, and gains a sentence; an article put in before Article 2 renumbers
    // it, and the citations follow. In a paragraph this long they stay plain changes (renumbered-references.ts).
    const sentence = (n: number) => `The measures referred to in Article ${n} apply to every shipment of critical minerals concerned here.`;
    const body = (n: number) => Array.from({ length: 5_000 }, () => sentence(n)).join(' ');
    const other = (label: string, text: string) => clause(label, '', text);
    const c = compareDrafts(
      draft(other('Article 1', body(2)), other('Article 2', 'Each Participant shall notify its export restrictions.')),
      draft(other('Article 1', `${body(3)} Each Participant shall report.`), other('Article 2', 'The Participants intend to fund joint research.'), other('Article 3', 'Each Participant shall notify its export restrictions.')),
    );
    const first = c.changes[0]!;
    expect(first.kind).toBe('edited');
    const changed = first.words.filter((w) => w.op !== 'equal');
    expect(changed).toHaveLength(10_001);
    expect(changed.every((w) => !w.cosmetic)).toBe(true);
  });
});
