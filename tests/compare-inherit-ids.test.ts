/**
 * inheritIds: an imported draft takes the ids of the dossier's latest version, by content alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsOf, inheritIds } from '../src/compare/inherit-ids.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Draft } from '../src/model/draft.js';
import { walkClauses } from '../src/model/provisions.js';
import { blocksText, clauseHeading } from '../src/model/text.js';
import { clause, draft, ol, p } from './support/draft-builders.js';
import { SAMPLE_DOSSIER } from './support/fixture-copy.js';

const readVersion = (n: number) => parseDraft(fs.readFileSync(path.join(SAMPLE_DOSSIER, `versions/v${n}.md`), 'utf8')).draft;

/** A draft as it might arrive by e-mail: plain text, no front matter, no ids, no topics. */
export function asPlainText(d: Draft, extra: string[] = []): string {
  const parts = [d.meta.title, ''];
  for (const { clause: c } of walkClauses(d.clauses)) {
    parts.push(clauseHeading(c), '', blocksText(c.body, { brackets: 'marked' }).split('\n').join('\n\n'), '');
  }
  return [...parts, ...extra].join('\n');
}

const ids = (d: Draft) => [...walkClauses(d.clauses)].map(({ clause: c }) => c.id);
const byTitle = (d: Draft, title: string) => [...walkClauses(d.clauses)].find(({ clause: c }) => c.title === title)!.clause;

describe('inheritIds on the sample dossier', () => {
  const v3 = readVersion(3);
  const v5 = readVersion(5);
  const newClause = ['Paragraph 13 — Review', '', '1. The Participants will review this Memorandum every three (3) years.', ''];
  const imported = importDraft(asPlainText(v3, newClause), { file: 'from-brussels.txt' }).draft;

  it('starts from generated ids that say nothing about identity', () => {
    // The premise of the test: the import numbers by label, so "paragraph-4" is v3's No export bans.
    expect(ids(imported)).toContain('paragraph-4');
    expect(ids(imported)).not.toContain('no-export-bans');
  });

  it('gives every v3 clause the id of its v5 counterpart and the new clause a fresh id', () => {
    const { draft: out, report } = inheritIds(v5, imported, { reserved: idsOf([1, 2, 3, 4].map(readVersion)) });
    // v3's clauses are the v5 clauses by the same title (CHANGES.tsv: only ids, never titles, changed 3 → 5,
    // except that v4 split pricing off into anti-dumping, so v3's pricing is v5's larger part, pricing).
    for (const { clause: c } of walkClauses(v3.clauses)) {
      expect(byTitle(out, c.title).id, c.title).toBe(c.id);
    }
    const review = byTitle(out, 'Review');
    // "review" was the id of the US review clause deleted in v3: a new clause must not take it.
    expect(review.id).toMatch(/^review-\d+$/);
    expect(idsOf([1, 2, 3, 4, 5].map(readVersion)).has(review.id)).toBe(false);
    expect(report.clauses).toBe(14);
    expect(report.kept).toHaveLength(13);
    expect(report.fresh.map((c) => c.id)).toEqual([review.id]);
    expect(report.dropped.sort()).toEqual(['anti-dumping', 'territorial-integrity']);
  });

  it('inherits topics and keeps the dossier title and parties', () => {
    const { draft: out } = inheritIds(v5, imported);
    expect(byTitle(out, 'No export bans').topics).toEqual(['export-restrictions']);
    expect(byTitle(out, 'Review').topics).toEqual([]);
    expect(out.meta).toEqual({ title: v5.meta.title, parties: v5.meta.parties });
    // The caller's draft is left as imported.
    expect(ids(imported)).toContain('paragraph-4');
  });
});

describe('inheritIds on tiny drafts', () => {
  const para = (...texts: string[]) => [ol(1, ...texts.map((t) => [p(t)]))];
  const latest = draft([
    clause('Article 1', 'Scope', 'scope', para('This agreement applies to trade in critical raw materials between the Parties and their territories.'), [], 2, ['trade']),
    clause('Article 2', 'Pricing and dumping', 'pricing', para(
      'The Parties shall establish a common pricing mechanism for rare earth oxides traded between them.',
      'The Parties shall cooperate against dumping of rare earth magnets by third countries in their markets.',
      'The Parties shall exchange information on anti-dumping investigations concerning critical minerals.',
    ), [], 2, ['pricing']),
    clause('Article 3', 'Contact points', 'contact', para('Each Party shall designate a contact point within sixty days of signature of this agreement.')),
    clause('Article 4', 'Meetings', 'meetings', para('The contact points shall meet at least once a year, alternately in each territory, to review the implementation of this agreement and to prepare its revision.')),
  ]);

  it('lets the larger part of a split keep the id, and the larger source of a merge give it', () => {
    const incoming = draft([
      clause('Article 1', 'Scope', 'article-1', para('This agreement applies to trade in critical raw materials between the Parties and their territories.')),
      clause('Article 2', 'Pricing', 'article-2', para('The Parties shall establish a common pricing mechanism for rare earth oxides traded between them.')),
      clause('Article 3', 'Anti-dumping', 'article-3', para(
        'The Parties shall cooperate against dumping of rare earth magnets by third countries in their markets.',
        'The Parties shall exchange information on anti-dumping investigations concerning critical minerals.',
      )),
      clause('Article 4', 'Contact points and meetings', 'article-4', para(
        'Each Party shall designate a contact point within sixty days of signature of this agreement.',
        'The contact points shall meet at least once a year, alternately in each territory, to review the implementation of this agreement and to prepare its revision.',
      )),
    ], { title: 'Imported', parties: {} });
    const { draft: out, report } = inheritIds(latest, incoming);
    // Anti-dumping holds two of the three old paragraphs: it keeps "pricing"; Pricing gets a fresh id, which
    // cannot be "pricing" (taken).
    expect(ids(out)).toEqual(['scope', 'pricing-2', 'pricing', 'meetings']);
    expect(out.clauses[0]!.topics).toEqual(['trade']);
    // The other part takes the topics of the clause it came from.
    expect(out.clauses[1]!.topics).toEqual(['pricing']);
    expect(report.fresh.map((c) => c.id)).toEqual(['pricing-2']);
    // Meetings is the larger part of the merge: its id passes on.
    expect(report.dropped).toEqual(['contact']);
    expect(out.meta.title).toBe('Test memorandum');
  });

  it('never gives a new clause an id the latest version uses', () => {
    const incoming = draft([
      clause('Article 1', 'Scope', 'article-1', para('This agreement applies to trade in critical raw materials between the Parties and their territories.')),
      clause('Article 9', 'Scope', 'article-9', para('Entirely different words about something that no clause of the latest version says at all.')),
    ]);
    const { draft: out } = inheritIds(latest, incoming);
    expect(ids(out)).toEqual(['scope', 'scope-2']);
  });
});
