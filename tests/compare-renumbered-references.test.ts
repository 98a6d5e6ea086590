/**
 * Inside an edited clause, a cross-reference renumbered as the drafts were ("Article 2" → "Article 3" where
 * Article 2 became Article 3) is a cosmetic change of the redline, which a reader hiding cosmetic changes does
 * not see; one that now names another clause, or another instrument's article, stays a change.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { ClauseChangeJson } from '../src/compare/contract.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';

/** A draft of articles given as [title, body], numbered from 1. */
function articles(list: readonly (readonly [string, string])[]): string {
  return list.map(([title, body], k) => `## Article ${k + 1}\n### ${title}\n\n${body}\n`).join('\n');
}

const NOTICE: [string, string] = ['Notice', 'Each Participant shall notify the other Participant of any export restriction on rare earth elements.'];
const STOCKS: [string, string] = ['Stockpiles', 'Each Participant shall maintain strategic stocks of critical minerals for ninety days of demand.'];
const INSERTED: [string, string] = ['Research', 'The Participants intend to fund joint research on the separation and refining of heavy rare earths.'];

/** The changes of the entry for the new clause `label`: [op, text, cosmetic]. */
function changesOf(oldText: string, newText: string, label: string): Array<[string, string, boolean]> {
  const entry = compareDrafts(importDraft(oldText).draft, importDraft(newText).draft).changes.find((c: ClauseChangeJson) => c.new[0]?.label === label)!;
  expect(entry.kind).toBe('edited');
  return entry.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);
}

/**
 * A scope citing `oldRefs`, edited ("shall" → "will") and citing `newRefs` where an article was put in before the
 * two cited: the references are marked cosmetic, the edit not.
 */
function expectCosmeticBesideEdit(oldRefs: string, newRefs: string): void {
  const e = compareDrafts(importDraft(articles([['Scope', `The Participants shall apply ${oldRefs}.`], NOTICE, STOCKS])).draft,
    importDraft(articles([['Scope', `The Participants will apply ${newRefs}.`], INSERTED, NOTICE, STOCKS])).draft).changes[0]!;
  expect(e.kind, oldRefs).toBe('edited');
  const changed = e.words.filter((w) => w.op !== 'equal');
  expect(changed.filter((w) => !w.cosmetic).map((w) => [w.op, w.text]), oldRefs).toEqual([['delete', 'shall'], ['insert', 'will']]);
  expect(changed.some((w) => w.cosmetic), oldRefs).toBe(true);
}

/**
 * The kind of a scope citing `from` in the old draft (Article 1, citing the two numbered paragraphs of Stockpiles,
 * Article 2) and `to` in the new, where an article was put in first (Stockpiles is Article 3) and, with `extra`, a
 * paragraph put in first in Stockpiles too (its two paragraphs are now 2 and 3).
 */
function kindCitingStockParagraphs(from: string, to: string, extra: boolean): string {
  const cite = (ref: string): [string, string] => ['Scope', `The stocks are held as set out in ${ref}.`];
  return compareDrafts(importDraft(articles([cite(from), stockParagraphs(false)])).draft, importDraft(articles([cite(to), INSERTED, stockParagraphs(extra)])).draft).changes[0]!.kind;
}

/** Stockpiles in two numbered paragraphs, with `first` a paragraph put in before them (they become 2 and 3). */
function stockParagraphs(first: boolean): [string, string] {
  return ['Stockpiles', `${first ? '1. The Participants intend to coordinate their stockpiling.\n\n' : ''}${first ? 2 : 1}. Each Participant shall hold stocks.\n\n${first ? 3 : 2}. The stocks cover ninety days.`];
}

describe('cross-references renumbered inside an edited clause', () => {
  it('marks the reference cosmetic and the words that changed beside it not', () => {
    const scope = (ref: string, modal: string) => ['Scope', `1. Export restrictions are notified as set out in Article ${ref}.\n\n2. Each Participant ${modal} consult the other.`] as [string, string];
    // An article put in before the one cited: Article 2 is now Article 3, and the citation follows it.
    const changes = changesOf(articles([scope('2', 'shall'), NOTICE, STOCKS]), articles([scope('3', 'will'), INSERTED, NOTICE, STOCKS]), 'Article 1');
    expect(changes).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', 'shall', false], ['insert', 'will', false]]);
  });

  it('judges each change of a line on its own: a renumbered reference beside an edit in the same sentence', () => {
    const scope = (ref: string, days: string) => ['Scope', `Export restrictions are notified as set out in Article ${ref} within ${days} days.`] as [string, string];
    const changes = changesOf(articles([scope('2', 'thirty'), NOTICE, STOCKS]), articles([scope('3', 'fifteen'), INSERTED, NOTICE, STOCKS]), 'Article 1');
    expect(changes).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', 'thirty', false], ['insert', 'fifteen', false]]);
  });

  it('keeps a reference that now names another article a change', () => {
    // Nothing was renumbered: "Article 2" → "Article 3" points the notification at the stockpiles.
    const scope = (ref: string, modal: string) => ['Scope', `1. Export restrictions are notified as set out in Article ${ref}.\n\n2. Each Participant ${modal} consult the other.`] as [string, string];
    const changes = changesOf(articles([scope('2', 'shall'), NOTICE, STOCKS]), articles([scope('3', 'will'), NOTICE, STOCKS]), 'Article 1');
    expect(changes.slice(0, 2)).toEqual([['delete', '2', false], ['insert', '3', false]]);
  });

  it("keeps a change to another instrument's article a change, whatever this draft's articles became", () => {
    const scope = (ref: string, modal: string) => ['Scope', `1. Export restrictions are notified as set out in Article ${ref} of the GATT 1994.\n\n2. Each Participant ${modal} consult the other.`] as [string, string];
    const changes = changesOf(articles([scope('2', 'shall'), NOTICE, STOCKS]), articles([scope('3', 'will'), INSERTED, NOTICE, STOCKS]), 'Article 1');
    expect(changes.slice(0, 2)).toEqual([['delete', '2', false], ['insert', '3', false]]);
  });

  it("keeps a change to another article's paragraph a change, though this clause's own paragraph of that number was renumbered", () => {
    const stocks: [string, string] = ['Stockpiles', '1. Each Participant shall hold stocks.\n\n2. The stocks cover ninety days.\n\n3. The stocks are reviewed yearly.'];
    const old: [string, string] = ['Scope', '1. Each Participant shall notify the other.\n\n2. The stocks are held as set out in Article 2, paragraph 2.'];
    // Paragraph 2 of this article became 3, but Article 2's paragraphs did not move: "paragraph 3" now cites the review.
    const now: [string, string] = ['Scope', '1. Each Participant shall notify the other.\n\n2. Each Participant shall consult the other.\n\n3. The stocks are held as set out in Article 2, paragraph 3.'];
    const changes = changesOf(articles([old, stocks]), articles([now, stocks]), 'Article 1');
    expect(changes.slice(1)).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', false], ['insert', '3', false]]);
  });

  it("marks another article's paragraph cited as its provisions were renumbered", () => {
    const stocks = (extra: boolean): [string, string] => ['Stockpiles', `${extra ? '1. The Participants intend to coordinate their stockpiling.\n\n' : ''}${extra ? 2 : 1}. Each Participant shall hold stocks.\n\n${extra ? 3 : 2}. The stocks cover ninety days.`];
    const scope = (ref: string, modal: string): [string, string] => ['Scope', `1. The stocks are held as set out in ${ref}.\n\n2. Each Participant ${modal} consult the other.`];
    // An article put in before the stockpiles (Article 2 → 3), whose paragraph 2 became 3: both numbers follow.
    const followed = changesOf(articles([scope('Article 2, paragraph 2', 'shall'), stocks(false)]), articles([scope('Article 3, paragraph 3', 'will'), INSERTED, stocks(true)]), 'Article 1');
    expect(followed).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', true], ['insert', '3', true], ['delete', 'shall', false], ['insert', 'will', false]]);
    // Its paragraphs did not move: "paragraph 3" would name nothing that was paragraph 2.
    const moved = changesOf(articles([scope('Article 2, paragraph 2', 'shall'), stocks(false)]), articles([scope('Article 3, paragraph 3', 'will'), INSERTED, stocks(false)]), 'Article 1');
    expect(moved.slice(0, 4)).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', false], ['insert', '3', false]]);
  });

  it('reads a paragraph cited before its article ("paragraph 2 of Article 2") as that article\'s, renumbered with it or not', () => {
    const stocks = (extra: boolean): [string, string] => ['Stockpiles', `${extra ? '1. The Participants intend to coordinate their stockpiling.\n\n' : ''}${extra ? 2 : 1}. Each Participant shall hold stocks.\n\n${extra ? 3 : 2}. The stocks cover ninety days.`];
    const scope = (ref: string, modal: string): [string, string] => ['Scope', `1. The stocks are held as set out in ${ref}.\n\n2. Each Participant ${modal} consult the other.`];
    const before = articles([scope('paragraph 2 of Article 2', 'shall'), stocks(false)]);
    // Article 2 → 3 and its paragraph 2 → 3: both numbers follow.
    expect(changesOf(before, articles([scope('paragraph 3 of Article 3', 'will'), INSERTED, stocks(true)]), 'Article 1'))
      .toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', true], ['insert', '3', true], ['delete', 'shall', false], ['insert', 'will', false]]);
    // Its paragraphs did not move: "paragraph 3" now names the ninety days' neighbour, not the stocks held.
    expect(changesOf(before, articles([scope('paragraph 3 of Article 3', 'will'), INSERTED, stocks(false)]), 'Article 1').slice(0, 4))
      .toEqual([['delete', '2', false], ['insert', '3', false], ['delete', '2', true], ['insert', '3', true]]);
    // Only the paragraph renumbered, in an article that kept its number: "paragraph 2 of Article 2" → "paragraph 3 of Article 2".
    expect(changesOf(articles([scope('paragraph 2 of Article 2', 'shall'), stocks(false)]), articles([scope('paragraph 3 of Article 2', 'will'), stocks(true)]), 'Article 1').slice(0, 2))
      .toEqual([['delete', '2', true], ['insert', '3', true]]);
    // Another instrument's article: its paragraph is none of this draft's, whatever Article 2 here became.
    expect(changesOf(articles([scope('paragraph 2 of Article 2 of the Convention', 'shall'), stocks(false)]), articles([scope('paragraph 3 of Article 3 of the Convention', 'will'), INSERTED, stocks(true)]), 'Article 1').slice(0, 4))
      .toEqual([['delete', '2', false], ['insert', '3', false], ['delete', '2', false], ['insert', '3', false]]);
  });

  it("marks a paragraph cited with its article cosmetic where the article reads unchanged but numbers its paragraphs otherwise", () => {
    // The stockpiles article, now Article 3, numbers its paragraphs from 2 (a list continued): it reads the same.
    const stocks = (from: number): [string, string] => ['Stockpiles', `${from}. Each Participant shall hold stocks.\n\n${from + 1}. The stocks cover ninety days.`];
    const scope = (ref: string, modal: string): [string, string] => ['Scope', `1. The stocks are held as set out in ${ref}.\n\n2. Each Participant ${modal} consult the other.`];
    const entries = compareDrafts(importDraft(articles([scope('Article 2, paragraph 2', 'shall'), stocks(1)])).draft,
      importDraft(articles([scope('Article 3, paragraph 3', 'will'), INSERTED, stocks(2)])).draft).changes;
    expect(entries.find((c) => c.new[0]?.title === 'Stockpiles')!.kind).toBe('unchanged');
    expect(changesOf(articles([scope('Article 2, paragraph 2', 'shall'), stocks(1)]), articles([scope('Article 3, paragraph 3', 'will'), INSERTED, stocks(2)]), 'Article 1'))
      .toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', true], ['insert', '3', true], ['delete', 'shall', false], ['insert', 'will', false]]);
  });

  it("marks a reference to the clause's own paragraph that was renumbered", () => {
    const old = ['Stockpiles', '1. Each Participant shall maintain strategic stocks.\n\n2. The stocks referred to in paragraph 1 of this Article cover ninety days of demand.'] as [string, string];
    const now = ['Stockpiles', '1. The Participants intend to coordinate their stockpiling.\n\n2. Each Participant shall maintain strategic stocks.\n\n3. The stocks referred to in paragraph 2 of this Article cover sixty days of demand.'] as [string, string];
    // Inserted paragraph 1; the paragraph numbers 1 → 2 and 2 → 3 (cosmetic, paired by the provision alignment);
    // the reference; the days.
    const changes = changesOf(articles([old]), articles([now]), 'Article 1');
    expect(changes.slice(5)).toEqual([['delete', '1', true], ['insert', '2', true], ['delete', 'ninety', false], ['insert', 'sixty', false]]);
  });
});

describe('a clause whose only change is a paragraph cited with its article, both renumbered', () => {
  const stocks = (extra: boolean): [string, string] => ['Stockpiles', `${extra ? '1. The Participants intend to coordinate their stockpiling.\n\n' : ''}${extra ? 2 : 1}. Each Participant shall hold stocks.\n\n${extra ? 3 : 2}. The stocks cover ninety days.`];
  const scope = (ref: string): [string, string] => ['Scope', `1. The stocks are held as set out in ${ref}.\n\n2. Each Participant shall consult the other.`];
  const entry = (oldRef: string, newRef: string, renumberedInside: boolean) =>
    compareDrafts(importDraft(articles([scope(oldRef), stocks(false)])).draft, importDraft(articles([scope(newRef), INSERTED, stocks(renumberedInside)])).draft).changes[0]!;

  it('reads unchanged, its numbers cosmetic, where that paragraph was renumbered in the article cited', () => {
    for (const [from, to] of [['Article 2, paragraph 2', 'Article 3, paragraph 3'], ['paragraph 2 of Article 2', 'paragraph 3 of Article 3']]) {
      const e = entry(from!, to!, true);
      expect([e.kind, e.similarity], from).toEqual(['unchanged', 1]);
      expect(e.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]), from)
        .toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', true], ['insert', '3', true]]);
    }
  });

  it('reads "Article 2(2)" → "Article 3(3)" as that paragraph renumbered with its article', () => {
    const e = entry('Article 2(2)', 'Article 3(3)', true);
    expect([e.kind, e.words.filter((w) => w.op !== 'equal').every((w) => w.cosmetic)]).toEqual(['unchanged', true]);
  });

  it('reads edited where the paragraph cited was not renumbered: the new number names another paragraph', () => {
    expect(entry('Article 2, paragraph 2', 'Article 3, paragraph 3', false).kind).toBe('edited');
    expect(entry('paragraph 2 of Article 2', 'paragraph 3 of Article 3', false).kind).toBe('edited');
    expect(entry('Article 2(2)', 'Article 3(3)', false).kind).toBe('edited');
  });

  it('reads such a paragraph unchanged among the provisions of an edited clause, the others aligned as before', () => {
    // A paragraph put in first (the provisions are aligned in full, not by the shortcut for edits in place), and
    // the paragraph citing the stocks renumbered 1 → 2 and otherwise the same but for its citation.
    const before = articles([scope('Article 2, paragraph 2'), stocks(false)]);
    const withReview = ['Scope', '1. The Participants review the stocks yearly.\n\n2. The stocks are held as set out in Article 3, paragraph 3.\n\n3. Each Participant shall consult the other.'] as [string, string];
    const e = compareDrafts(importDraft(before).draft, importDraft(articles([withReview, INSERTED, stocks(true)])).draft).changes[0]!;
    expect(e.kind).toBe('edited');
    expect(e.provisions.map((p) => [p.kind, p.old, p.new])).toEqual([['inserted', null, '1'], ['unchanged', '1', '2'], ['unchanged', '2', '3']]);
  });
});

describe('lists of references under a plural word ("Articles 2 and 3")', () => {
  const REPORTS: [string, string] = ['Reports', 'Each Participant shall report on its stocks of critical minerals every year.'];
  const scope = (refs: string): [string, string] => ['Scope', `This Memorandum applies as set out in ${refs}.`];
  const entry = (oldRefs: string, newRefs: string, insertBefore = true) =>
    compareDrafts(importDraft(articles([scope(oldRefs), NOTICE, STOCKS, REPORTS])).draft,
      importDraft(articles([scope(newRefs), ...(insertBefore ? [INSERTED] : []), NOTICE, STOCKS, REPORTS])).draft).changes[0]!;
  const changed = (e: ClauseChangeJson) => e.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);

  it('reads each number of the list as a reference renumbered with the drafts', () => {
    for (const [from, to] of [['Articles 2 and 3', 'Articles 3 and 4'], ['Articles 2, 3 and 4', 'Articles 3, 4 and 5'], ['Articles 2, 3, or 4', 'Articles 3, 4, or 5']]) {
      const e = entry(from!, to!);
      expect(e.kind, from).toBe('unchanged');
      expect(changed(e).every(([, , cosmetic]) => cosmetic), from).toBe(true);
    }
  });

  it('keeps a list whose numbers now name other articles, or another instrument\'s, a change', () => {
    // Nothing renumbered: the list now names the stockpiles and the reports.
    expect(entry('Articles 2 and 3', 'Articles 3 and 4', false).kind).toBe('edited');
    // The first number follows the drafts, the second does not (Article 3 is now 4, not 5).
    expect(entry('Articles 2 and 3', 'Articles 3 and 5').kind).toBe('edited');
    expect(entry('Articles 2 and 3 of the GATT 1994', 'Articles 3 and 4 of the GATT 1994').kind).toBe('edited');
  });

  it('marks a list cosmetic inside an edited clause, and the words changed beside it not', () => {
    expectCosmeticBesideEdit('Articles 2 and 3', 'Articles 3 and 4');
  });

  it('reads a list of paragraphs cited with their article as that article\'s, renumbered in it', () => {
    const kind = kindCitingStockParagraphs;
    expect(kind('Article 2, paragraphs 1 and 2', 'Article 3, paragraphs 2 and 3', true)).toBe('unchanged');
    expect(kind('paragraphs 1 and 2 of Article 2', 'paragraphs 2 and 3 of Article 3', true)).toBe('unchanged');
    expect(kind('Article 2, paragraphs 1 and 2', 'Article 3, paragraphs 2 and 3', false)).toBe('edited');
    expect(kind('paragraphs 1 and 2 of Article 2', 'paragraphs 2 and 3 of Article 3', false)).toBe('edited');
  });
});

describe('a point cited with its paragraph and article ("Article 2(1)(b)")', () => {
  const stocks = (extra: boolean): [string, string] => ['Stockpiles', `${extra ? '1. The Participants intend to coordinate their stockpiling.\n\n' : ''}${extra ? 2 : 1}. Each Participant shall hold stocks of:\n\n   (a) gallium;\n\n   (b) germanium.\n\n${extra ? 3 : 2}. The stocks cover ninety days.`];
  const scope = (ref: string): [string, string] => ['Scope', `The stocks are held as set out in ${ref}.`];
  const entry = (from: string, to: string, extra: boolean) =>
    compareDrafts(importDraft(articles([scope(from), stocks(false)])).draft, importDraft(articles([scope(to), INSERTED, stocks(extra)])).draft).changes[0]!;

  it('reads the point renumbered with its paragraph and article unchanged, in each way of writing it, and another point a change', () => {
    for (const [from, to] of [['Article 2(1)(b)', 'Article 3(2)(b)'], ['paragraph 1(b) of Article 2', 'paragraph 2(b) of Article 3'], ['Article 2, paragraph 1(b)', 'Article 3, paragraph 2(b)']]) {
      const e = entry(from!, to!, true);
      expect(e.kind, from).toBe('unchanged');
      expect(e.words.filter((w) => w.op !== 'equal').every((w) => w.cosmetic), from).toBe(true);
      // The paragraph did not move: the new number names another paragraph's point.
      expect(entry(from!, to!, false).kind, from).toBe('edited');
    }
    const other = entry('Article 2(1)(b)', 'Article 3(2)(a)', true);
    expect(other.kind).toBe('edited');
    expect(other.words.filter((w) => w.op !== 'equal' && !w.cosmetic).map((w) => w.text)).not.toEqual([]);
  });
});

describe('a point cited by its letter, as EU texts write it ("point (b) of paragraph 1 of Article 2")', () => {
  // Stockpiles (Article 2): paragraph 1 lists its points; with `extra`, a point on gallium put in first, so that
  // (a) becomes (b) and (b) becomes (c).
  const stocks = (extra: boolean): [string, string] => ['Stockpiles', `1. Each Participant shall hold stocks of:\n\n${extra ? '   (a) gallium;\n\n' : ''}   (${extra ? 'b' : 'a'}) germanium;\n\n   (${extra ? 'c' : 'b'}) graphite.\n\n2. The stocks cover ninety days.`];
  const cite = (ref: string): [string, string] => ['Scope', `The stocks are held as set out in ${ref}.`];
  const entry = (from: string, to: string, extra = true) =>
    compareDrafts(importDraft(articles([cite(from), stocks(false)])).draft, importDraft(articles([cite(to), stocks(extra)])).draft).changes[0]!;

  it('reads the point relettered with the drafts unchanged, in each way of writing it', () => {
    for (const [from, to] of [
      ['point (b) of paragraph 1 of Article 2', 'point (c) of paragraph 1 of Article 2'],
      ['point (b) of Article 2(1)', 'point (c) of Article 2(1)'],
      ['points (a) and (b) of paragraph 1 of Article 2', 'points (b) and (c) of paragraph 1 of Article 2'],
      ['subparagraph (b) of paragraph 1 of Article 2', 'subparagraph (c) of paragraph 1 of Article 2'],
      ['Article 2(1), point (b)', 'Article 2(1), point (c)'],
      ['Article 2(1), points (a) and (b)', 'Article 2(1), points (b) and (c)'],
      ['points (a) to (b) of paragraph 1 of Article 2', 'points (b) to (c) of paragraph 1 of Article 2'],
    ]) {
      const e = entry(from!, to!);
      expect(e.kind, from).toBe('unchanged');
      expect(e.words.filter((w) => w.op !== 'equal').every((w) => w.cosmetic), from).toBe(true);
    }
  });

  it('keeps it a change where the letter now names another point, another instrument\'s, or no paragraph is said', () => {
    // Relettered though the point kept its letter.
    expect(entry('point (b) of paragraph 1 of Article 2', 'point (c) of paragraph 1 of Article 2', false).kind).toBe('edited');
    // Pointed at the point put in, not at the one that was (b).
    expect(entry('point (b) of paragraph 1 of Article 2', 'point (a) of paragraph 1 of Article 2').kind).toBe('edited');
    expect(entry('point (b) of paragraph 1 of Article 2 of the Convention', 'point (c) of paragraph 1 of Article 2 of the Convention').kind).toBe('edited');
    expect(entry('Article 2(1), point (b) of the Convention', 'Article 2(1), point (c) of the Convention').kind).toBe('edited');
    expect(entry('Article 2(1), point (b)', 'Article 2(1), point (a)').kind).toBe('edited');
    // A range that now takes in the point put in.
    expect(entry('points (a) to (b) of paragraph 1 of Article 2', 'points (a) to (c) of paragraph 1 of Article 2').kind).toBe('edited');
    // "point (b)" alone: of which paragraph, the text does not say.
    expect(entry('point (b)', 'point (c)').kind).toBe('edited');
  });

  it('still reads a point numbered as a paragraph is ("point 2 of Annex I", "points 1 to 2 of Annex I") as that paragraph, renumbered or not', () => {
    const draft = (putIn: boolean, cite: string) => importDraft(`## Article 1\n### Scope\n\nThe minerals listed in ${cite} are covered.\n\n## Annex I\n### Minerals\n\n` +
      `${putIn ? '1. Graphite and its concentrates.\n\n' : ''}${putIn ? 2 : 1}. Gallium.\n\n${putIn ? 3 : 2}. Germanium.\n`).draft;
    expect(compareDrafts(draft(false, 'point 2 of Annex I'), draft(true, 'point 3 of Annex I')).changes[0]!.kind).toBe('unchanged');
    expect(compareDrafts(draft(false, 'points 1 to 2 of Annex I'), draft(true, 'points 2 to 3 of Annex I')).changes[0]!.kind).toBe('unchanged');
    expect(compareDrafts(draft(false, 'point 2 of Annex I'), draft(true, 'point 1 of Annex I')).changes[0]!.kind).toBe('edited');
  });

  it('marks it cosmetic inside an edited clause, the edit beside it not', () => {
    const e = entry('point (b) of paragraph 1 of Article 2 and no other', 'point (c) of paragraph 1 of Article 2 and none other');
    expect(e.kind).toBe('edited');
    expect(e.words.filter((w) => w.op !== 'equal').map((w) => [w.text, w.cosmetic === true])).toEqual([['(b)', true], ['(c)', true], ['no', false], ['none', false]]);
  });

  it('reads the point of the clause\'s own paragraph ("point (b) of paragraph 1"), relettered with it', () => {
    const own = (extra: boolean, letter: string): [string, string] => ['Stockpiles', `${stocks(extra)[1]}\n\n3. The stocks listed in point (${letter}) of paragraph 1 are reviewed every year.`];
    const kind = (letter: string) => compareDrafts(importDraft(articles([NOTICE, own(false, 'b')])).draft, importDraft(articles([NOTICE, own(true, letter)])).draft).changes[1]!;
    // The clause is edited (a point was put in); the reference in its paragraph 3 follows the relettering, or now
    // names the point put in.
    expect(kind('c').provisions.find((p) => p.old === '3')).toMatchObject({ kind: 'unchanged' });
    expect(kind('a').provisions.find((p) => p.old === '3')).toMatchObject({ kind: 'edited' });
  });
});

describe('points cited by their letters in every form, relettered rightly, wrongly or not at all (property)', () => {
  const MINERALS = ['gallium', 'germanium', 'graphite', 'lithium', 'cobalt', 'nickel'];
  const letter = (k: number) => String.fromCharCode(97 + k);
  /** Stockpiles, Article 2: paragraph 1 lists a point per mineral; `putIn` ≥ 0 puts a point on tungsten there. */
  const stocks = (count: number, putIn: number): [string, string] => {
    const items = MINERALS.slice(0, count).map((m) => `strategic stocks of ${m}`);
    if (putIn >= 0) items.splice(putIn, 0, 'joint research on the recycling of tungsten');
    return ['Stockpiles', `1. Each Participant will keep:\n\n${items.map((t, k) => `   (${letter(k)}) ${t};`).join('\n\n')}\n\n2. The stocks cover ninety days.`];
  };
  const FORMS = [
    (x: string) => `point ${x} of paragraph 1 of Article 2`,
    (x: string) => `Article 2(1), point ${x}`,
    (x: string) => `point ${x} of Article 2(1)`,
    (x: string, y: string) => `points ${x} and ${y} of paragraph 1 of Article 2`,
    (x: string, y: string) => `points ${x} to ${y} of paragraph 1 of Article 2`,
  ];

  it('reads the citing clause unchanged exactly when every letter it changed follows the points, and finds exactly the letters left stale', () => {
    const arb = fc.record({
      count: fc.integer({ min: 2, max: 6 }),
      at: fc.nat(),
      refs: fc.array(fc.record({ form: fc.nat(), a: fc.nat(), b: fc.nat(), how: fc.constantFrom('right', 'wrong', 'left') }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(fc.property(arb, ({ count, at, refs }) => {
      const where = at % (count + 1);
      // The new letter of old point k.
      const after = (k: number) => (k >= where ? k + 1 : k);
      const cites = refs.map((r) => {
        const form = FORMS[r.form % FORMS.length]!;
        const k = r.a % count;
        // A list's second point after its first, a range's end at or after its start.
        const m = form.length === 1 ? k : Math.min(count - 1, k + 1 + (r.b % count));
        const range = form === FORMS[4];
        const old = form(`(${letter(k)})`, `(${letter(m)})`);
        // Wrong: each letter one past the right one (a point that exists, or none).
        const shift = r.how === 'right' ? 0 : r.how === 'wrong' ? 1 : null;
        const now = shift === null ? old : form(`(${letter(after(k) + shift)})`, `(${letter(after(m) + shift)})`);
        // Right where every letter changed follows; a range also names the point put in between its ends.
        const follows = (shift === 0 || now === old) && !(range && k < where && where <= m);
        return { old, now, follows, left: shift === null, k, m, single: form.length === 1 };
      });
      const citing = (refs: string) => ['Scope', `This Memorandum sets out how the Participants cooperate on critical minerals and rare earths. Each Participant will apply ${refs}. Nothing in it creates obligations under international law.`] as const;
      const c = compareDrafts(importDraft(articles([citing(cites.map((x) => x.old).join('; ')), stocks(count, -1)])).draft,
        importDraft(articles([citing(cites.map((x) => x.now).join('; ')), stocks(count, where)])).draft, { staleReferences: true });
      const scope = c.changes[0]!;
      // Left as it stood, the text reads the same: unchanged whatever the points became.
      expect(scope.kind).toBe(cites.every((x) => x.left || x.follows) ? 'unchanged' : 'edited');
      if (scope.kind === 'edited') return;
      // Stale: the letters left that now name another point (every letter from the inserted one on).
      const stale = new Set(cites.filter((x) => x.left).flatMap((x) => (x.single ? [x.k] : [x.k, x.m])).filter((k) => k >= where).map((k) => `1(${letter(k)})`));
      expect(new Set((scope.staleReferences ?? []).map((s) => s.provision?.named))).toEqual(stale);
    }), { numRuns: 200 });
  });
});

describe('a paragraph put in as "2bis" and numbered at the end', () => {
  it('marks its number and those after it cosmetic inside an edited clause, and the edit beside them not', () => {
    const stocks = (modal: string, final: boolean) => ['Stockpiles', final
      ? `1. Each Participant ${modal} hold stocks.\n\n2. Stocks cover ninety days.\n\n3. Stocks are held at home.\n\n4. Releases are notified.`
      : `1. Each Participant ${modal} hold stocks.\n\n2. Stocks cover ninety days.\n\n2bis. Stocks are held at home.\n\n3. Releases are notified.`] as [string, string];
    const e = compareDrafts(importDraft(articles([stocks('shall', false)])).draft, importDraft(articles([stocks('will', true)])).draft).changes[0]!;
    expect(e.kind).toBe('edited');
    expect(e.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]))
      .toEqual([['delete', 'shall', false], ['insert', 'will', false], ['delete', '2bis', true], ['insert', '3', true], ['delete', '3', true], ['insert', '4', true]]);
  });
});

describe('a paragraph renumbered as its clause was split', () => {
  it('marks the number cosmetic where each clause of the split numbers its own paragraphs from 1', () => {
    // The sample negotiation's v3 → v4: Paragraph 9's paragraphs 4 and 5 became paragraphs 1 and 2 of Paragraph 11.
    const dir = path.resolve(import.meta.dirname, '../fixtures/rare-earths-mou/versions');
    const version = (v: number) => parseDraft(fs.readFileSync(path.join(dir, `v${v}.md`), 'utf8')).draft;
    const split = compareDrafts(version(3), version(4), { ids: 'always' }).changes.find((c) => c.kind === 'split')!;
    const numbers = split.words.filter((w) => w.op !== 'equal' && /^\d+$/.test(w.text)).map((w) => [w.op, w.text, w.cosmetic === true]);
    expect(numbers).toEqual([['delete', '4', true], ['insert', '1', true], ['delete', '5', true], ['insert', '2', true]]);
  });
});

describe('a paragraph that gains or loses its number, paired by the provisions', () => {
  const changed = (e: ClauseChangeJson) => e.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);

  it('marks a number put in cosmetic where a lone paragraph got a second beside it', () => {
    const stocks = (second: boolean) => ['Stockpiles', second
      ? '1. Each Participant will hold stocks of rare earths.\n\n2. Stocks cover ninety days of consumption.'
      : 'Each Participant will hold stocks of rare earths.'] as [string, string];
    const e = compareDrafts(importDraft(articles([stocks(false)])).draft, importDraft(articles([stocks(true)])).draft).changes[0]!;
    expect(e.provisions.map((p) => [p.old, p.new, p.kind])).toEqual([[null, '1', 'unchanged'], [null, '2', 'inserted']]);
    expect(changed(e)).toEqual([['insert', '1. ', true], ['insert', '\n2. Stocks cover ninety days of consumption.', false]]);
  });

  it('marks a number taken away cosmetic where a split left the paragraph alone in its clause', () => {
    const before = articles([['Research and Information', '1. The Participants shall promote joint research on rare earths.\n\n2. The Participants shall share information on supply risks.']]);
    const after = articles([['Research', 'The Participants shall promote joint research on rare earths.'], ['Information', '1. The Participants shall share information on supply risks.']]);
    const split = compareDrafts(importDraft(before).draft, importDraft(after).draft).changes.find((c) => c.kind === 'split')!;
    expect(changed(split)).toEqual([['delete', '1. ', true], ['delete', '2', true], ['insert', '1', true]]);
  });

  it('leaves the number a change where the paragraph was put in, or where two paragraphs on a side hold it', () => {
    // A paragraph put in whole is no renumbering: its number is part of what was put in.
    const put = compareDrafts(importDraft(articles([['Stockpiles', 'Stocks cover ninety days.']])).draft,
      importDraft(articles([['Stockpiles', 'Stocks cover ninety days.\n\n1. Each Participant will hold stocks.']])).draft).changes[0]!;
    expect(changed(put).every(([, , cosmetic]) => cosmetic === false)).toBe(true);
    // A merge of two clauses that both number from 1: which "1." went unnumbered is not one paragraph's.
    const two = articles([['Research', '1. The Participants shall promote joint research.\n\n2. They shall publish results.'], ['Information', '1. The Participants shall share information.\n\n2. They shall meet yearly.']]);
    const joined = articles([['Research and Information', 'The Participants shall promote joint research.\n\n2. They shall publish results.\n\n3. The Participants shall share information.\n\n4. They shall meet yearly.']]);
    const merged = compareDrafts(importDraft(two).draft, importDraft(joined).draft).changes.find((c) => c.kind === 'merged')!;
    expect(changed(merged).find(([op, text]) => op === 'delete' && text === '1. ')?.[2]).toBe(false);
  });
});

describe('ranges of references ("Articles 2 to 4")', () => {
  const REPORTS: [string, string] = ['Reports', 'Each Participant shall report on its stocks of critical minerals every year.'];
  const scope = (refs: string): [string, string] => ['Scope', `This Memorandum applies as set out in ${refs}.`];
  /** The scope's entry where the new draft has INSERTED at index `at` among the three articles it cites (-1: none). */
  const entry = (oldRefs: string, newRefs: string, at = 0) => {
    const news = [NOTICE, STOCKS, REPORTS];
    if (at >= 0) news.splice(at, 0, INSERTED);
    return compareDrafts(importDraft(articles([scope(oldRefs), NOTICE, STOCKS, REPORTS])).draft, importDraft(articles([scope(newRefs), ...news])).draft).changes[0]!;
  };

  it('reads a range whose articles were renumbered together, none put in between, unchanged, its numbers cosmetic', () => {
    for (const [from, to] of [['Articles 2 to 4', 'Articles 3 to 5'], ['Articles 2 through 3', 'Articles 3 through 4'], ['Articles 2\u20134', 'Articles 3\u20135'], ['Articles 2-4', 'Articles 3-5'], ['Articles 2 to 3 and 4', 'Articles 3 to 4 and 5']]) {
      const e = entry(from!, to!);
      expect(e.kind, from).toBe('unchanged');
      expect(e.words.filter((w) => w.op !== 'equal').every((w) => w.cosmetic), from).toBe(true);
    }
    // Put in after the range: its later end alone moved on, and so does the range.
    expect(entry('Articles 3 to 4', 'Articles 4 to 5', 1).kind).toBe('unchanged');
  });

  it('keeps a range a change where an article was put in between its ends, though both ends followed, or it names other articles', () => {
    // Article 3 put in: the range 2 to 4 now holds it, whatever its ends became.
    expect(entry('Articles 2 to 4', 'Articles 2 to 5', 1).kind).toBe('edited');
    expect(entry('Articles 2-4', 'Articles 2-5', 1).kind).toBe('edited');
    // Nothing renumbered: the range now names other articles.
    expect(entry('Articles 2 to 3', 'Articles 3 to 4', -1).kind).toBe('edited');
    // One end followed, the other not.
    expect(entry('Articles 2 to 3', 'Articles 3 to 5').kind).toBe('edited');
    expect(entry('Articles 2 to 3', 'Articles 2 to 4').kind).toBe('edited');
    // Another instrument's articles.
    expect(entry('Articles 2 to 3 of the GATT 1994', 'Articles 3 to 4 of the GATT 1994').kind).toBe('edited');
    expect(entry('Articles 2 through 3 of the GATT 1994', 'Articles 3 through 4 of the GATT 1994').kind).toBe('edited');
  });

  it('reads a capitalised range of a memorandum\'s clauses ("Paragraphs 2 to 4") as those clauses, renumbered together or not', () => {
    // Memoranda number their clauses "Paragraph 1", "Paragraph 2", …: the review cites the three after it.
    const memorandum = (review: string, putIn: number): string => {
      const list = [['Review', `The Participants will review the implementation of ${review} every two years.`], NOTICE, STOCKS, REPORTS];
      if (putIn >= 0) list.splice(putIn + 1, 0, INSERTED);
      return list.map(([title, body], k) => `## Paragraph ${k + 1} — ${title}\n\n${body}\n`).join('\n');
    };
    const kind = (from: string, to: string, putIn: number) => compareDrafts(importDraft(memorandum(from, -1)).draft, importDraft(memorandum(to, putIn)).draft).changes[0]!.kind;
    expect(kind('Paragraphs 2 to 4', 'Paragraphs 3 to 5', 0)).toBe('unchanged');
    expect(kind('Paragraphs 2-4', 'Paragraphs 3-5', 0)).toBe('unchanged');
    // A clause put in between its ends: the range holds it now.
    expect(kind('Paragraphs 2 to 4', 'Paragraphs 2 to 5', 1)).toBe('edited');
    // Nothing renumbered: the range names other clauses.
    expect(kind('Paragraphs 2 to 3', 'Paragraphs 3 to 4', -1)).toBe('edited');
    // Written small, "paragraphs 2 to 4" names the review's own paragraphs, which it does not have.
    expect(kind('paragraphs 2 to 4', 'paragraphs 3 to 5', 0)).toBe('edited');
  });

  it('reads "paragraph 2 of Paragraph 2" in a memorandum as that clause\'s paragraph, renumbered with it or not', () => {
    // Paragraph 2 of the memorandum (Stockpiles) gets a paragraph put in first: its paragraphs 1 and 2 become 2 and 3.
    const memorandum = (ref: string, putIn: boolean) => [['Review', `The stocks are held as set out in ${ref}.`], stockParagraphs(putIn)]
      .map(([title, body], k) => `## Paragraph ${k + 1} — ${title}\n\n${body}\n`).join('\n');
    const kind = (from: string, to: string) => compareDrafts(importDraft(memorandum(from, false)).draft, importDraft(memorandum(to, true)).draft).changes[0]!.kind;
    expect(kind('paragraph 2 of Paragraph 2', 'paragraph 3 of Paragraph 2')).toBe('unchanged');
    expect(kind('Paragraph 2, paragraph 2', 'Paragraph 2, paragraph 3')).toBe('unchanged');
    expect(kind('paragraphs 1 and 2 of Paragraph 2', 'paragraphs 2 and 3 of Paragraph 2')).toBe('unchanged');
    expect(kind('Paragraph 2, paragraphs 1 to 2', 'Paragraph 2, paragraphs 2 to 3')).toBe('unchanged');
    // The paragraph that the old number names now has another number: left as it stood, the reference changed meaning.
    expect(kind('paragraph 1 of Paragraph 2', 'paragraph 1 of Paragraph 2')).toBe('unchanged');
    expect(kind('paragraph 1 of Paragraph 2', 'paragraph 3 of Paragraph 2')).toBe('edited');
    // Two clauses listed, both capitalised: no paragraph of either.
    expect(kind('Paragraph 1, Paragraph 2', 'Paragraph 1, Paragraph 3')).toBe('edited');
  });

  it('marks a range cosmetic inside an edited clause, and the words changed beside it not', () => {
    expectCosmeticBesideEdit('Articles 2 to 3', 'Articles 3 to 4');
    expectCosmeticBesideEdit('Articles 2-3', 'Articles 3-4');
  });

  it('marks a range of an article\'s paragraphs cosmetic with the article inside an edited clause, and the edit not', () => {
    const cite = (modal: string, ref: string): [string, string] => ['Scope', `Each Participant ${modal} hold the stocks set out in ${ref}.`];
    const e = compareDrafts(importDraft(articles([cite('shall', 'Article 2, paragraphs 1 through 2'), stockParagraphs(false)])).draft,
      importDraft(articles([cite('will', 'Article 3, paragraphs 2 through 3'), INSERTED, stockParagraphs(true)])).draft).changes[0]!;
    expect(e.kind).toBe('edited');
    const changed = e.words.filter((w) => w.op !== 'equal');
    expect(changed.filter((w) => !w.cosmetic).map((w) => w.text.trim())).toEqual(['shall', 'will']);
    expect(changed.filter((w) => w.cosmetic).length).toBeGreaterThanOrEqual(3);
  });

  it('reads a range of paragraphs as each of its paragraphs renumbered, of the article cited or of the clause itself', () => {
    const kind = kindCitingStockParagraphs;
    expect(kind('paragraphs 1 to 2 of Article 2', 'paragraphs 2 to 3 of Article 3', true)).toBe('unchanged');
    expect(kind('Article 2, paragraphs 1 to 2', 'Article 3, paragraphs 2 to 3', true)).toBe('unchanged');
    expect(kind('paragraphs 1 to 2 of Article 2', 'paragraphs 2 to 3 of Article 3', false)).toBe('edited');
    // The clause's own paragraphs: a paragraph put in first renumbers the two the range names.
    const own = (extra: boolean, ref: string): [string, string] => ['Review', `${extra ? '1. The Participants intend to meet each year.\n\n' : ''}${extra ? 2 : 1}. Each Participant shall report.\n\n${extra ? 3 : 2}. Reports are public.\n\n${extra ? 4 : 3}. Reviews follow ${ref} of this Article.`];
    const ownKind = (extra: boolean, to: string) =>
      compareDrafts(importDraft(articles([own(false, 'paragraphs 1 to 2')])).draft, importDraft(articles([own(extra, to)])).draft).changes[0]!.provisions.find((p) => p.new === (extra ? '4' : '3'))!.kind;
    expect(ownKind(true, 'paragraphs 2 to 3')).toBe('unchanged');
    expect(ownKind(false, 'paragraphs 2 to 3')).toBe('edited');
  });
});

describe('citations in every form, renumbered rightly or not (property)', () => {
  const MINERALS = ['gallium', 'germanium', 'graphite', 'lithium', 'cobalt', 'nickel', 'tungsten', 'antimony'];
  /** Article k of the cited ones (k from 0): three numbered paragraphs of its own words, a paragraph put in first or not. */
  const cited = (k: number, putIn: boolean): [string, string] => {
    const paragraphs = ['keep strategic stocks of', 'report each year on its holdings of', 'consult before releasing stocks of'].map((v) => `Each Participant will ${v} ${MINERALS[k]}.`);
    if (putIn) paragraphs.unshift(`The Participants intend to map the supply of ${MINERALS[k]}.`);
    return [`Minerals ${k}`, paragraphs.map((text, i) => `${i + 1}. ${text}`).join('\n\n')];
  };
  const FORMS = [
    (a: number, p: number, b: number) => `Article ${a}`,
    (a: number, p: number, b: number) => `Articles ${a} and ${b}`,
    (a: number, p: number) => `Article ${a}, paragraph ${p}`,
    (a: number, p: number) => `paragraph ${p} of Article ${a}`,
    (a: number, p: number) => `Article ${a}(${p})`,
    (a: number, p: number) => `Article ${a}, paragraphs ${p} and ${p + 1}`,
    (a: number, p: number, b: number) => `Articles ${Math.min(a, b)} to ${Math.max(a, b)}`,
  ];
  const RANGE = FORMS.length - 1;

  it('reads a clause citing the others unchanged exactly when every number it changed follows the renumbering, and marks exactly those cosmetic in an edited one', () => {
    const arb = fc.record({
      n: fc.integer({ min: 2, max: 5 }),
      // Where an article is put in among the cited ones (0: before the first), and which one gets a paragraph first.
      at: fc.nat(),
      putIn: fc.nat(),
      refs: fc.array(fc.record({ form: fc.nat(), a: fc.nat(), b: fc.nat(), p: fc.integer({ min: 1, max: 2 }), right: fc.boolean(), wrongArticle: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(fc.property(arb, ({ n, at, putIn, refs }) => {
      const where = at % (n + 1), x = putIn % n;
      // New number of cited article k (old number k + 2) and of its paragraph p.
      const article = (k: number) => (k >= where ? k + 3 : k + 2);
      const paragraph = (k: number, p: number) => (k === x ? p + 1 : p);
      const written = refs.map((r) => {
        const k = r.a % n, m = (k + 1 + (r.b % (n - 1))) % n;
        const form = FORMS[r.form % FORMS.length]!;
        const old = form(k + 2, r.p, m + 2);
        const wrongPlace = r.wrongArticle || form.length === 1;
        const now = r.right ? form(article(k), paragraph(k, r.p), article(m))
          // A number one past the right one: another article (an existing one) or another paragraph.
          : form(article(k) + (wrongPlace ? 1 : 0), paragraph(k, r.p) + (wrongPlace ? 0 : 1), article(m));
        // A range with the article put in between its ends names one more article, whatever its ends became.
        const widened = r.form % FORMS.length === RANGE && Math.min(k, m) < where && where <= Math.max(k, m);
        return { old, now, right: (r.right || now === form(article(k), paragraph(k, r.p), article(m))) && !widened };
      });
      const allRight = written.every((w) => w.right);
      const olds = Array.from({ length: n }, (_, k) => cited(k, false));
      const news = Array.from({ length: n }, (_, k) => cited(k, k === x));
      news.splice(where, 0, INSERTED);
      // The citing clause says enough of its own to stand well clear of the formulaic articles it cites.
      const scope = (modal: string, refs: string): [string, string] => ['Scope',
        `This Memorandum sets out how the Participants cooperate on supply chains for critical minerals and rare earths. Each Participant ${modal} apply ${refs}. Nothing in this Memorandum creates rights or obligations under international law.`];
      const compare = (oldModal: string, newModal: string) => compareDrafts(
        importDraft(articles([scope(oldModal, written.map((w) => w.old).join('; ')), ...olds])).draft,
        importDraft(articles([scope(newModal, written.map((w) => w.now).join('; ')), ...news])).draft).changes[0]!;
      expect(compare('shall', 'shall').kind).toBe(allRight ? 'unchanged' : 'edited');
      const substantive = compare('shall', 'will').words.filter((w) => w.op !== 'equal' && !w.cosmetic).map((w) => w.text.trim());
      if (allRight) expect(substantive).toEqual(['shall', 'will']);
      else expect(substantive.length).toBeGreaterThan(2);
    }), {
      numRuns: 200,
      // Found by a longer run: "Article 2(1)" → "Article 3(2)" after a list, which the word diff once cut in pieces.
      examples: [[{ n: 2, at: 0, putIn: 0, refs: [{ form: 1, a: 0, b: 0, p: 1, right: true, wrongArticle: false }, { form: 4, a: 0, b: 0, p: 1, right: true, wrongArticle: false }] }]],
    });
  });
});

describe('footnote marks renumbered with their notes', () => {
  // Drafts as they arrive in text: marks after words, the notes listed in a clause of their own.
  const draftText = (labour: string, notes: string[], extraMark: boolean) => [
    '## Article 1\n### Intellectual property\n\nEach Participant shall protect intellectual property.' + (extraMark ? '[1]' : '') + ' It shall enforce it.\n',
    `## Article 2\n### Labour\n\nEach Participant shall protect labour rights.[${labour}] It shall enforce its labour laws.\n`,
    `## Article 3\n### Investment\n\nEach Participant shall screen investments.[${Number(labour) + 1}]\n`,
    `## Notes\n\n${notes.join('\n\n')}\n`,
  ].join('\n');
  const LABOUR = 'For purposes of this Article, labour rights include those in the ILO Declaration.';
  const ZONES = 'For greater certainty, this Article covers special economic zones.';
  const IP = 'For purposes of this Memorandum, intellectual property covers trade secrets.';

  it('marks a mark and its note cosmetic where the note says the same under its new number, and not where its words changed', () => {
    const old = draftText('1', [`[1] ${LABOUR}`, `[2] ${ZONES}`], false);
    // A note put in first renumbers both; the zones note also changed its words.
    const now = draftText('2', [`[1] ${IP}`, `[2] ${LABOUR}`, `[3] ${ZONES.replace('covers', 'also covers')}`], true);
    const entries = compareDrafts(importDraft(old).draft, importDraft(now).draft).changes;
    const changes = (label: string) => entries.find((c) => c.new[0]?.label === label || c.new[0]?.title === label)!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);
    expect(changes('Article 2')).toEqual([['delete', '[1]', true], ['insert', '[2]', true]]);
    expect(changes('Article 3')).toEqual([['delete', '[2]', false], ['insert', '[3]', false]]);
    // In the list: the note put in, the labour note renumbered, the zones note renumbered and reworded.
    expect(changes('Notes')).toEqual([['insert', `[1] ${IP}\n`, false], ['delete', '[1]', true], ['insert', '[2]', true], ['delete', '[2]', false], ['insert', '[3]', false], ['insert', 'also ', false]]);
  });
});

describe('lettered annexes ("Annex A" relettered "Annex B" by an annex put in before it)', () => {
  const doc = (body: string) => parseDraft(`---\ntitle: T\n---\n\n${body}`).draft;
  const ROUTES = '## Annex A — Routes\n\nThe maritime routes of strategic importance.\n';
  const relettered = '## Annex A — Stocks\n\nThe stockpiles held by each Participant.\n\n## Annex B — Routes\n\nThe maritime routes of strategic importance.\n\n## Annex C — Ports\n\nThe ports of entry.\n';
  const scope = (modal: string, annexes: string) => `## Article 1 — Scope\n\nThe Participants ${modal} keep open the routes listed in ${annexes}.\n\n`;

  it('a reference that follows the relettering is renumbering, cosmetic; the annex reads unchanged, relettered', () => {
    const result = compareDrafts(doc(scope('shall', 'Annexes A and B') + ROUTES + '\n## Annex B — Ports\n\nThe ports of entry.\n'), doc(scope('will', 'Annexes B and C') + relettered));
    const [article, inserted, routes, ports] = result.changes;
    expect(article!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true])).toEqual([
      ['delete', 'shall', false], ['insert', 'will', false], ['delete', 'A and B', true], ['insert', 'B and C', true]]);
    expect(inserted!.kind).toBe('inserted');
    expect([routes!.kind, routes!.renumbered, routes!.old[0]!.label, routes!.new[0]!.label]).toEqual(['unchanged', true, 'Annex A', 'Annex B']);
    expect([ports!.kind, ports!.renumbered]).toEqual(['unchanged', true]);
  });

  it('a clause whose only change is a reference relettered with its annex is unchanged', () => {
    const result = compareDrafts(doc(scope('will', 'Annex A') + ROUTES), doc(scope('will', 'Annex B') + relettered));
    expect(result.changes[0]!.kind).toBe('unchanged');
  });

  it('a reference pointed at another annex stays a change, and one left behind is stale', () => {
    const moved = compareDrafts(doc(scope('will', 'Annex A') + ROUTES), doc(scope('will', 'Annex C') + relettered));
    expect(moved.changes[0]!.kind).toBe('edited');
    expect(moved.changes[0]!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true])).toEqual([['delete', 'A', false], ['insert', 'C', false]]);
    const left = compareDrafts(doc(scope('will', 'Annex A') + ROUTES), doc(scope('will', 'Annex A') + relettered), { staleReferences: true });
    expect(left.changes[0]!.staleReferences?.map((s) => [s.text, s.named.label, s.now.map((n) => n.label)])).toEqual([['Annex A', 'Annex A', ['Annex B']]]);
  });

  it('a range of them written with a hyphen ("Annexes A-B") follows the relettering, or its end is stale', () => {
    const ports = '\n## Annex B — Ports\n\nThe ports of entry.\n';
    const followed = compareDrafts(doc(scope('will', 'Annexes A-B') + ROUTES + ports), doc(scope('will', 'Annexes B-C') + relettered));
    expect(followed.changes[0]!.kind).toBe('unchanged');
    const left = compareDrafts(doc(scope('will', 'Annexes A-B') + ROUTES + ports), doc(scope('will', 'Annexes A-B') + relettered), { staleReferences: true });
    expect(left.changes[0]!.staleReferences?.map((s) => [s.text, s.named.label, s.now.map((n) => n.label)])).toEqual([['Annexes A', 'Annex A', ['Annex B']], ['B', 'Annex B', ['Annex C']]]);
  });

  it('an annex numbered in Roman numerals with a letter ("Annex I-A"), and a range in Roman numerals ("Articles II-III"), follow the renumbering, or are stale', () => {
    const annexes = (first: string, cite: string) => doc(`## Article 1 — Scope\n\nThe Participants will apply the measures set out in ${cite}.\n\n` +
      `${first}## Annex I-${first ? 'B' : 'A'} — Tariffs\n\nRates on gallium.\n\n## Annex I-${first ? 'C' : 'B'} — Quotas\n\nNo quotas on germanium.\n`);
    const CONTACTS = '## Annex I-A — Contact points\n\nThe ministries responsible for mining and refining in each Participant.\n\n';
    const followed = compareDrafts(annexes('', 'Annex I-A'), annexes(CONTACTS, 'Annex I-B'));
    expect(followed.changes[0]).toMatchObject({ kind: 'unchanged' });
    const left = compareDrafts(annexes('', 'Annex I-A'), annexes(CONTACTS, 'Annex I-A'), { staleReferences: true });
    expect(left.changes[0]!.staleReferences!.map((r) => [r.text, r.named.label, r.now.map((x) => x.label)])).toEqual([['Annex I-A', 'Annex I-A', ['Annex I-B']]]);
    const roman = (first: boolean, cite: string) => doc(`## Article I — Scope\n\nThe measures in ${cite} apply.\n\n` +
      (first ? '## Article II — Contact points\n\nThe ministries responsible for mining and refining in each Participant.\n\n' : '') +
      `## Article ${first ? 'III' : 'II'} — Tariffs\n\nRates on gallium.\n\n## Article ${first ? 'IV' : 'III'} — Quotas\n\nNo quotas on germanium.\n`);
    expect(compareDrafts(roman(false, 'Articles II-III'), roman(true, 'Articles III-IV')).changes[0]).toMatchObject({ kind: 'unchanged' });
    const stale = compareDrafts(roman(false, 'Articles II-III'), roman(true, 'Articles II-III'), { staleReferences: true }).changes[0]!.staleReferences!;
    expect(stale.map((r) => [r.text, r.named.label])).toEqual([['Articles II', 'Article II'], ['III', 'Article III']]);
  });

  it('a capital letter that is a word of its own after "Annex" only: "Annex Areas" is no reference', () => {
    const result = compareDrafts(doc(scope('will', 'Annex Areas') + ROUTES), doc(scope('will', 'Annex Basins') + relettered));
    expect(result.changes[0]!.kind).toBe('edited');
  });
});

describe('a reference to an article put in as "Article 3 bis" (UN style, with a space)', () => {
  const doc = (body: string) => parseDraft(`---\ntitle: T\n---\n\n${body}`).draft;
  const draft = (inserted: string, cited: string) => doc(`## Article 1 — Scope\n\nAs set out in ${cited}, the Participants will consult.\n\n## Article 2 — Stocks\n\nEach Participant will hold stocks.\n\n## Article 3 — Prices\n\nThe Participants will monitor prices.\n\n## ${inserted} — Routes\n\nThe Participants will keep the trade routes open.\n`);

  it('follows the article renumbered: "Article 3 bis" → "Article 4" is renumbering, not an edit', () => {
    const result = compareDrafts(draft('Article 3 bis', 'Article 3 bis'), draft('Article 4', 'Article 4'));
    expect(result.changes.map((c) => [c.kind, c.renumbered])).toEqual([['unchanged', false], ['unchanged', false], ['unchanged', false], ['unchanged', true]]);
    // Cited as "Article 3" where "Article 3 bis" was meant: a change.
    expect(compareDrafts(draft('Article 3 bis', 'Article 3 bis'), draft('Article 4', 'Article 3')).changes[0]!.kind).toBe('edited');
  });

  it('in a clause edited besides, the renumbered reference is marked cosmetic', () => {
    const edited = (inserted: string, cited: string, modal: string) => doc(`## Article 1 — Scope\n\nAs set out in ${cited}, the Participants ${modal} consult.\n\n## Article 2 — Stocks\n\nEach Participant will hold stocks.\n\n## Article 3 — Prices\n\nThe Participants will monitor prices.\n\n## ${inserted} — Routes\n\nThe Participants will keep the trade routes open.\n`);
    const words = compareDrafts(edited('Article 3 bis', 'Article 3 bis', 'shall'), edited('Article 4', 'Article 4', 'will')).changes[0]!.words;
    expect(words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]))
      .toEqual([['delete', '3 bis', true], ['insert', '4', true], ['delete', 'shall', false], ['insert', 'will', false]]);
  });

  it('is stale where left as it stood', () => {
    const result = compareDrafts(draft('Article 3 bis', 'Article 3 bis'), draft('Article 4', 'Article 3 bis'), { staleReferences: true });
    expect(result.changes[0]!.staleReferences?.map((s) => [s.text, s.named.label, s.now.map((n) => n.label)])).toEqual([['Article 3 bis', 'Article 3 bis', ['Article 4']]]);
  });
});
