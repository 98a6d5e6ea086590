/**
 * inheritIds: an imported draft takes the ids of the dossier's latest version, by content alone.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsOf, inheritFromVersions, inheritIds } from '../src/compare/inherit-ids.js';
import { importSummary } from '../src/node/cli/import.js';
import { alignDrafts } from '../src/compare/align.js';
import { hasGenerator, loadMakePair } from './support/compare-align-support.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Draft } from '../src/model/draft.js';
import { walkClauses } from '../src/model/provisions.js';
import { blocksText, clauseHeading, clauseText } from '../src/model/text.js';
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

describe('inheritFromVersions: a clause an earlier version had, put back', () => {
  const para = (...texts: string[]) => [ol(1, ...texts.map((t) => [p(t)]))];
  const supply = 'The Participants will cooperate on the supply of critical minerals and rare earths to secure their industries.';
  const sharing = 'The Participants will share information on supply risks within thirty (30) days of a disruption affecting them.';
  const term = 'This Memorandum takes effect on signature and remains in effect for five years unless terminated.';
  const v1 = draft([
    clause('Article 1', 'Supply', 'supply', para(supply), [], 2, ['supply-chains']),
    clause('Article 2', 'Information sharing', 'sharing', para(sharing), [], 2, ['information-sharing']),
    clause('Article 3', 'Entry into effect', 'term', para(term)),
  ], { version: 1 });
  // v2 merged Information sharing into Supply; v3 deleted nothing more.
  const v2 = draft([
    clause('Article 1', 'Supply and information', 'supply', para(supply, sharing), [], 2, ['supply-chains']),
    clause('Article 2', 'Entry into effect', 'term', para(term)),
  ], { version: 2 });

  it('gives a clause merged away and then put back (edited) its own id again, and its topics', () => {
    const incoming = draft([
      clause('Article 1', 'Supply', 'article-1', para(supply)),
      clause('Article 2', 'Information sharing', 'article-2', para(sharing.replace('will', 'shall').replace('thirty (30)', 'ten (10)'))),
      clause('Article 3', 'Entry into effect', 'article-3', para(term)),
    ]);
    const { draft: out, report } = inheritFromVersions([v1, v2], incoming);
    expect(ids(out)).toEqual(['supply', 'sharing', 'term']);
    expect(out.clauses[1]!.topics).toEqual(['information-sharing']);
    expect(report!.restored).toEqual([{ id: 'sharing', label: 'Article 2', title: 'Information sharing', version: 1 }]);
    expect(report!.fresh).toEqual([]);
    // The summary `parley import` prints names it.
    expect(importSummary(out, report, 2)).toContain('Put back from earlier versions, with their ids: sharing (v1).');
  });

  it('gives a clause that no version had a new id', () => {
    const incoming = draft([
      clause('Article 1', 'Supply and information', 'article-1', para(supply, sharing)),
      clause('Article 2', 'Stockpiles', 'article-2', para('Each Participant will keep strategic stocks of the minerals listed in the Annex and report on them yearly.')),
      clause('Article 3', 'Entry into effect', 'article-3', para(term)),
    ]);
    const { draft: out, report } = inheritFromVersions([v1, v2], incoming);
    expect(ids(out)).toEqual(['supply', 'stockpiles', 'term']);
    expect(report!.restored).toEqual([]);
    expect(report!.fresh.map((c) => c.id)).toEqual(['stockpiles']);
  });

  it('gives a new clause in the words of a dropped one, but about something else, a new id', () => {
    // Stockpiles, deleted in v2, and a research clause in its formulaic words: the alignment of the two alone pairs
    // them; a clause put back comes back nearly word for word, and this one keeps too little of it.
    const stock = 'The Participants will coordinate the building up of their strategic stocks of critical minerals and will inform each other within thirty (30) days of any release.';
    const withStock = draft([...v1.clauses.slice(0, 2), clause('Article 3', 'Stockpiling', 'stockpiling', para(stock)), v1.clauses[2]!], { version: 1 });
    const research = 'The Participants will coordinate their research programmes on critical minerals and will inform each other within thirty (30) days of any new programme.';
    const incoming = draft([
      clause('Article 1', 'Supply and information', 'article-1', para(supply, sharing)),
      clause('Article 2', 'Research', 'article-2', para(research)),
      clause('Article 3', 'Entry into effect', 'article-3', para(term)),
    ]);
    const { draft: out, report } = inheritFromVersions([withStock, v2], incoming);
    expect(ids(out)).toEqual(['supply', 'research', 'term']);
    expect(report!.restored).toEqual([]);
    // The same clause put back with its deadline changed is the clause again.
    const back = draft([incoming.clauses[0]!, clause('Article 2', 'Stockpiling', 'article-2', para(stock.replace('thirty (30)', 'sixty (60)'))), incoming.clauses[2]!]);
    expect(ids(inheritFromVersions([withStock, v2], back).draft)).toEqual(['supply', 'stockpiling', 'term']);
  });

  it('takes back an id from the newest version that held it, across versions without it', () => {
    const v3 = draft([clause('Article 1', 'Supply and information', 'supply', para(supply, sharing)), clause('Article 2', 'Entry into effect', 'term', para(term))], { version: 3 });
    const incoming = draft([
      clause('Article 1', 'Supply', 'article-1', para(supply)),
      clause('Article 2', 'Information sharing', 'article-2', para(sharing)),
      clause('Article 3', 'Entry into effect', 'article-3', para(term)),
    ]);
    const { draft: out, report } = inheritFromVersions([v1, v2, v3], incoming);
    expect(ids(out)).toEqual(['supply', 'sharing', 'term']);
    expect(report!.restored.map((c) => [c.id, c.version])).toEqual([['sharing', 1]]);
  });
});

describe('inheritFromVersions on generated treaties', () => {
  // v1 and v2 of one generated treaty (v2 deleted some articles and put in others); the drafts brought in after v2
  // add the new articles of another generated treaty, in the same formulaic vocabulary, or put v1's text back.
  it.skipIf(!hasGenerator())('puts back exactly the deleted articles that return, and gives articles no version had new ids (skipped without gen-treaty.mjs)', async () => {
    const makePair = await loadMakePair();
    for (const seed of [1, 2]) {
      const ours = makePair(400, seed, { words: 120, ins: 0.05, del: 0.05 });
      const theirs = makePair(400, seed + 100, { words: 120, ins: 0.05 });
      const v1 = importDraft(ours.oldText).draft;
      const v2 = inheritFromVersions([v1], importDraft(ours.newText).draft).draft;
      const deleted = new Set(ids(v1).filter((id) => !ids(v2).includes(id)));
      expect(deleted.size).toBeGreaterThan(5);
      const a = alignDrafts(importDraft(theirs.oldText).draft, importDraft(theirs.newText).draft, { ids: 'never' });
      const strangers = a.changes.filter((c) => c.kind === 'inserted').map((c) => a.newClauses[c.new[0]!]!.clause);
      expect(strangers.length).toBeGreaterThan(5);

      const withStrangers = importDraft(ours.newText).draft;
      withStrangers.clauses.push(...structuredClone(strangers));
      const added = inheritFromVersions([v1, v2], withStrangers).report!;
      expect(added.restored).toEqual([]);
      expect(added.fresh).toHaveLength(strangers.length);

      const putBack = inheritFromVersions([v1, v2], importDraft(ours.oldText).draft);
      expect(new Set(putBack.report!.restored.map((c) => c.id))).toEqual(deleted);
      expect(ids(putBack.draft)).toEqual(ids(v1));
    }
  });
});

describe('inheritFromVersions on random histories (property)', () => {
  // Versions drawn from a pool of articles (some sharing their formulaic words), each version a subset in some order,
  // some words changed; then a draft from outside made the same way.
  const POOL = [
    'The Participants will cooperate on the supply of critical minerals and rare earths.',
    'The Participants will share information on supply risks within thirty (30) days.',
    'The Participants will coordinate the building up of their strategic stocks of critical minerals.',
    'The Participants will coordinate their research programmes on critical minerals.',
    'Neither Participant shall impose export bans on critical minerals.',
    'This Memorandum takes effect on signature and remains in effect for five years.',
    'Each Participant will designate a contact point within sixty (60) days.',
    'The Participants will meet once a year to review this Memorandum.',
  ];
  const version = fc.array(fc.tuple(fc.nat(POOL.length - 1), fc.boolean()), { minLength: 1, maxLength: 6 })
    .map((picks) => [...new Map(picks).entries()].map(([k, edit]) => (edit ? POOL[k]!.replace('will', 'shall').replace('critical', 'strategic') : POOL[k]!)));
  const asText = (articles: string[]) => articles.map((a, k) => `Article ${k + 1}\n\n${a}\n`).join('\n');

  it('gives every clause one id, never another clause\'s, and takes back only ids the latest version lost', () => {
    fc.assert(fc.property(fc.array(version, { minLength: 1, maxLength: 4 }), version, (history, incoming) => {
      const tabled: Draft[] = [];
      for (const articles of history) {
        const d = inheritFromVersions(tabled, importDraft(asText(articles)).draft).draft;
        d.meta.version = tabled.length + 1;
        tabled.push(d);
      }
      const { draft: out, report } = inheritFromVersions(tabled, importDraft(asText(incoming)).draft);
      const got = ids(out);
      expect(new Set(got).size).toBe(got.length);
      const latest = new Set(ids(tabled.at(-1)!));
      const earlier = new Set(tabled.slice(0, -1).flatMap(ids));
      for (const c of report!.restored) {
        expect(latest.has(c.id)).toBe(false);
        expect(earlier.has(c.id)).toBe(true);
      }
      for (const c of report!.fresh) expect(latest.has(c.id) || earlier.has(c.id)).toBe(false);
      expect(report!.kept.length + report!.fresh.length + report!.restored.length).toBe(got.length);
      // The text is the incoming draft's, whatever ids it took.
      expect(out.clauses.map((c) => clauseText(c))).toEqual(importDraft(asText(incoming)).draft.clauses.map((c) => clauseText(c)));
    }), { numRuns: 150 });
  });
});
