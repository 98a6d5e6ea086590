/**
 * Clause alignment on tiny drafts: one test per kind of change, through the public alignDrafts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as align from '../src/compare/align.js';
import { alignDrafts } from '../src/compare/align.js';
import { compareDrafts } from '../src/compare/compare.js';
import { parseDraft } from '../src/format/markdown.js';
import { changeOf, clause, draft, summary, withId } from './support/compare-align-support.js';

const A = 'Each Participant shall facilitate investment in mining and refining projects located in its territory and report on progress every year.';
const B = 'The Participants shall exchange information on supply disruptions of critical minerals in real time through designated contact points.';
const C = 'Neither Participant shall impose export bans on rare earth elements destined for the territory of the other Participant.';
const D = 'The Participants shall develop a common pricing mechanism and coordinate anti-dumping rules for critical minerals and their derivatives.';
const E = 'Each Participant shall maintain strategic stockpiles of critical minerals sufficient for ninety days of essential industrial demand.';

describe('alignDrafts', () => {
  it('exposes the public API', () => {
    expect(typeof align.alignDrafts).toBe('function');
    expect(typeof align.flattenDraft).toBe('function');
  });

  it('reports identical drafts as unchanged, one entry per clause', () => {
    const d = () => draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B));
    expect(summary(alignDrafts(d(), d()))).toEqual(['unchanged Article 1→Article 1', 'unchanged Article 2→Article 2']);
  });

  it('reports a renumbered clause as unchanged and renumbered, never edited', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2bis', 'Information', B)),
      draft(clause('Article 1', 'Investment', A), clause('Article 3', 'Information', B)),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'unchanged Article 2bis→Article 3 renumbered']);
    expect(changeOf(a, 'new', 1).similarity).toBe(1);
  });

  it('ignores paragraph numbers, and cross-references renumbered with what they name', () => {
    const a = alignDrafts(
      draft(clause('Article 4', 'Reference', '1. As provided in Article 12, ' + A), clause('Article 12', 'Exceptions', C)),
      draft(clause('Article 5', 'Reference', '2. As provided in Article 13, ' + A), clause('Article 13', 'Exceptions', C)),
    );
    expect(summary(a)).toEqual(['unchanged Article 4→Article 5 renumbered', 'unchanged Article 12→Article 13 renumbered']);
  });

  it('reports a cross-reference that now names another clause as an edit, though the keys align it', () => {
    const refers = (n: string) => clause('Article 1', 'Reporting', `Subject to Article ${n}, ` + A);
    const a = alignDrafts(
      draft(refers('2'), clause('Article 2', 'Exceptions', C), clause('Article 3', 'Disputes', D)),
      draft(refers('3'), clause('Article 2', 'Exceptions', C), clause('Article 3', 'Disputes', D)),
    );
    expect(summary(a)).toEqual(['edited Article 1→Article 1', 'unchanged Article 2→Article 2', 'unchanged Article 3→Article 3']);
    // A number that names no clause of the drafts (another treaty's article) must not change at all.
    const gatt = (n: string) => draft(clause('Article 1', 'Exceptions', `Consistent with Article ${n} of the GATT 1994, ` + A));
    expect(summary(alignDrafts(gatt('XX'), gatt('XXI')))).toEqual(['edited Article 1→Article 1']);
    expect(summary(alignDrafts(gatt('XX'), gatt('XX')))).toEqual(['unchanged Article 1→Article 1']);
  });

  it('reports a reworded clause as edited, with its similarity', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B)),
      draft(clause('Article 1', 'Investment', A.replace('shall facilitate', 'should endeavour to facilitate')), clause('Article 2', 'Information', B)),
    );
    expect(summary(a)).toEqual(['edited Article 1→Article 1', 'unchanged Article 2→Article 2']);
    const s = changeOf(a, 'new', 0).similarity;
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
  });

  it('reports a short clause reworded in place as edited, though it shares no three-word phrase; an unrelated one replacing it as deleted and inserted', () => {
    const around = (middle: string) => draft(clause('Article 1', '', A), clause('Article 2', '', middle), clause('Article 3', '', B));
    const reworded = alignDrafts(
      around('Partnerships between United States and Malaysian companies.'),
      around('Partnerships between U.S. and Thai companies.'),
    );
    expect(summary(reworded)).toEqual(['unchanged Article 1→Article 1', 'edited Article 2→Article 2', 'unchanged Article 3→Article 3']);
    // Its similarity is the share of words the two have in common (no shingle is shared): partnerships, between,
    // and, companies of 7 distinct words on each side ("U.S." reads as two).
    expect(changeOf(reworded, 'new', 1).similarity).toBeCloseTo((2 * 4) / (7 + 7), 5);
    const replaced = alignDrafts(
      around('This Memorandum will enter into force on the date of its signature.'),
      around('Disputes will be settled amicably through consultations between the Participants.'),
    );
    expect(summary(replaced)).toEqual(['unchanged Article 1→Article 1', 'deleted Article 2→-', 'inserted -→Article 2', 'unchanged Article 3→Article 3']);
  });

  it('reports a title-only change as edited', () => {
    const a = alignDrafts(draft(clause('Article 1', 'Investment', A)), draft(clause('Article 1', 'Joint investment', A)));
    expect(summary(a)).toEqual(['edited Article 1→Article 1']);
  });

  it('reports a change of case or punctuation as an edit, not as unchanged', () => {
    const a = alignDrafts(draft(clause('Article 1', 'Investment', A)), draft(clause('Article 1', 'Investment', A.replace('Participant', 'participant').replace('.', ';'))));
    expect(changeOf(a, 'new', 0).kind).toBe('edited');
    expect(changeOf(a, 'new', 0).similarity).toBe(1);
  });

  it('reports a change of quote style or dash as an edit, cosmetic only, in the clause and in its provision', () => {
    // The Paris co-chairs' text of 5 October 2015 quoted its defined terms in curly quotes, the draft of
    // 23 October in straight ones: that was read as unchanged while the redline struck every quote.
    const old = `1. For the purposes of this Memorandum, the definitions in Article 1 of the Framework apply. In addition, ‘stockpile’ means a reserve of critical minerals held by a Participant — or by an agency acting for it.\n\n2. ${A}`;
    const now = `1. For the purposes of this Memorandum, the definitions in Article 1 of the Framework apply. In addition, 'stockpile' means a reserve of critical minerals held by a Participant - or by an agency acting for it.\n\n2. ${A}`;
    const json = compareDrafts(draft(clause('Article 1', 'Definitions', old)), draft(clause('Article 1', 'Definitions', now)));
    const change = json.changes.find((c) => c.new[0]?.label === 'Article 1')!;
    expect(change.kind).toBe('edited');
    expect(change.similarity).toBe(1);
    const changed = change.words.filter((w) => w.op !== 'equal');
    expect(changed.map((w) => w.text)).toEqual(['‘', "'", '’', "'", '—', '-']);
    expect(changed.every((w) => w.cosmetic)).toBe(true);
    expect(change.provisions.filter((p) => p.kind !== 'unchanged').map((p) => `${p.kind} ${p.old}`)).toEqual(['edited 1']);
    expect(change.legal).toEqual([]);
  });

  it('reports an inserted clause in its place, and the rest renumbered', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B)),
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Export bans', C), clause('Article 3', 'Information', B)),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'inserted -→Article 2', 'unchanged Article 2→Article 3 renumbered']);
  });

  it('reports a deleted clause where it stood', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Export bans', C), clause('Article 3', 'Information', B)),
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B)),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'deleted Article 2→-', 'unchanged Article 3→Article 2 renumbered']);
  });

  it('reports a deleted first clause first', () => {
    const a = alignDrafts(draft(clause('Article 1', 'Export bans', C), clause('Article 2', 'Information', B)), draft(clause('Article 1', 'Information', B)));
    expect(summary(a)).toEqual(['deleted Article 1→-', 'unchanged Article 2→Article 1 renumbered']);
  });

  it('flags a moved clause as moved, and only that one', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B), clause('Article 3', 'Export bans', C), clause('Article 4', 'Pricing', D), clause('Article 5', 'Stockpiles', E)),
      draft(clause('Article 1', 'Information', B), clause('Article 2', 'Export bans', C), clause('Article 3', 'Pricing', D), clause('Article 4', 'Investment', A), clause('Article 5', 'Stockpiles', E)),
    );
    expect(summary(a)).toEqual([
      'unchanged Article 2→Article 1 renumbered',
      'unchanged Article 3→Article 2 renumbered',
      'unchanged Article 4→Article 3 renumbered',
      'unchanged Article 1→Article 4 moved renumbered',
      'unchanged Article 5→Article 5',
    ]);
  });

  it('finds a split: one old clause spread over two new ones', () => {
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Cooperation', B + ' ' + C), clause('Article 3', 'Pricing', D)),
      draft(clause('Article 1', 'Investment', A), clause('Article 2', 'Information', B), clause('Article 3', 'Export bans', C), clause('Article 4', 'Pricing', D)),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'split Article 2→Article 2+Article 3', 'unchanged Article 3→Article 4 renumbered']);
    expect(changeOf(a, 'old', 1).similarity).toBeGreaterThan(0.5);
  });

  it('finds a section of options condensed into several articles: a split whose parts cover little of the whole', () => {
    // As the Geneva text's procedural section became Articles 12–26 of October 2015: each new article is one
    // of the section's options, the other options were dropped (the articles cover a third of the section).
    const dropped = [
      'Option 2: The Parties shall establish a standing committee of twenty experts elected by the governing body for five years.',
      'Option 3: No new institutional arrangements are needed beyond those already serving the Convention and its Kyoto Protocol.',
      'Option 4: Decisions of the governing body are taken by consensus unless a two thirds majority of Parties present decides otherwise.',
      'Option 5: Each regional group nominates one member of the bureau, and small island developing States one further member.',
      'Option 6: The secretariat reports to every session on the budget, staffing and the arrangements for meetings of subsidiary bodies.',
      'Option 7: Observers accredited to the Convention may attend the sessions unless one third of the Parties present object.',
    ];
    const a = alignDrafts(
      draft(clause('Article 1', 'Investment', A), clause('M', 'Procedural and institutional provisions', [B, C, D, ...dropped].join(' ')), clause('Article 5', 'Stockpiles', E)),
      draft(clause('Article 1', 'Investment', A), clause('Article 12', 'CMA', B), clause('Article 13', 'Secretariat', C), clause('Article 14', 'Voting', D), clause('Article 15', 'Stockpiles', E)),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'split M→Article 12+Article 13+Article 14', 'unchanged Article 5→Article 15 renumbered']);
  });

  it('finds a merge: two old clauses folded into one', () => {
    const a = alignDrafts(
      draft(clause('2.1', 'Import Licensing', A), clause('2.2', 'Technical Regulations', B), clause('2.3', 'Agriculture', D)),
      draft(clause('2.1', 'Import Licensing and Technical Regulations', A + ' ' + B), clause('2.2', 'Agriculture', D)),
    );
    expect(summary(a)).toEqual(['merged 2.1+2.2→2.1', 'unchanged 2.3→2.2 renumbered']);
  });

  it('aligns provisions inside an edited clause: an inserted paragraph renumbers the next (4 → 5)', () => {
    const a = alignDrafts(
      draft(clause('', 'Areas of Cooperation', `1. ${A}`, `2. ${B}`, `3. ${C}`, `4. ${D}`)),
      draft(clause('', 'Areas of Cooperation', `1. ${A}`, `2. ${B}`, `3. ${C}`, `4. ${E}`, `5. ${D.replace('coordinate', 'jointly coordinate')}`)),
    );
    const change = changeOf(a, 'new', 0);
    expect(change.kind).toBe('edited');
    expect(change.provisions.map((p) => `${p.kind} ${p.old}→${p.new}${p.renumbered ? ' renumbered' : ''}${p.moved ? ' moved' : ''}`)).toEqual([
      'unchanged 1→1', 'unchanged 2→2', 'unchanged 3→3', 'inserted null→4', 'edited 4→5 renumbered',
    ]);
  });

  it('aligns a heading with no text of its own by its children', () => {
    const a = alignDrafts(
      draft(clause('Section 1', 'General', clause('1.1', 'Investment', A)), clause('Section 2', 'Markets', clause('2.1', 'Export bans', C), clause('2.2', 'Pricing', D))),
      draft(clause('Section 1', 'General', clause('1.1', 'Investment', A)), clause('Section 2', 'Information', clause('2.1', 'Information', B)), clause('Section 3', 'Trade and markets', clause('3.1', 'Export bans', C), clause('3.2', 'Pricing', D))),
    );
    expect(summary(a)).toEqual([
      'unchanged Section 1→Section 1',
      'unchanged 1.1→1.1',
      'inserted -→Section 2',
      'inserted -→2.1',
      'edited Section 2→Section 3 renumbered',
      'unchanged 2.1→3.1 renumbered',
      'unchanged 2.2→3.2 renumbered',
    ]);
  });

  it('pairs clauses by authored id even when their text changed completely', () => {
    const a = alignDrafts(
      draft(withId('territorial-integrity', clause('Article 1', 'Integrity', A)), withId('pricing', clause('Article 2', 'Pricing', D))),
      draft(withId('pricing', clause('Article 1', 'Pricing', D)), withId('territorial-integrity', clause('Article 2', 'Integrity', E))),
    );
    expect(changeOf(a, 'new', 1).old).toEqual([0]);
    expect(changeOf(a, 'new', 1).kind).toBe('edited');
    expect(alignDrafts(
      draft(withId('territorial-integrity', clause('Article 1', 'Integrity', A))),
      draft(withId('territorial-integrity', clause('Article 1', 'Integrity', 'Done at Brussels in two originals, in the English language, both texts being equally authentic.'))),
      { ids: 'never' },
    ).changes.map((c) => c.kind)).toEqual(['deleted', 'inserted']);
  });

  it('does not trust ids generated from labels: Article 2 of one draft is not Article 2 of the next', () => {
    const a = alignDrafts(
      draft(withId('article-1', clause('Article 1', 'Investment', A)), withId('article-2', clause('Article 2', 'Export bans', C)), withId('article-3', clause('Article 3', 'Information', B))),
      draft(withId('article-1', clause('Article 1', 'Investment', A)), withId('article-2', clause('Article 2', 'Information', B))),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'deleted Article 2→-', 'unchanged Article 3→Article 2 renumbered']);
  });

  it('reports changes in the new order with every clause exactly once', () => {
    const a = alignDrafts(
      draft(clause('1', '', A), clause('2', '', B), clause('3', '', C)),
      draft(clause('1', '', C), clause('2', '', E), clause('3', '', A)),
    );
    expect(a.changes.flatMap((c) => c.new)).toEqual([0, 1, 2]);
    expect(a.changes.flatMap((c) => c.old).sort()).toEqual([0, 1, 2]);
    expect(a.changes.find((c) => c.kind === 'deleted')!.old).toEqual([1]);
  });
});

describe('alignDrafts and verbatim paragraphs', () => {
  // A clause whose every paragraph was touched keeps none verbatim; a later copy adapted for services keeps
  // one. Sharing that paragraph must not pair the copy before the free search compares the lightly edited
  // successor, which is the better pair (a paragraph stage that paired such clauses at similarity 0.8 made
  // Article 5 → Article 11 an edit and the real Article 5 an insertion).
  const P1 = 'Each Party shall publish promptly its laws, regulations and administrative rulings of general application concerning trade in goods, including the procedures for customs clearance.';
  const P2 = 'Each Party shall designate an enquiry point to answer reasonable questions from the other Party on measures affecting trade in goods within thirty days of receipt of a request.';
  const P3 = 'The Committee on Trade established under Article 20 shall meet once a year, and at the request of either Party, to review the implementation of this Chapter and to consider any matter referred to it.';
  const P4 = 'Nothing in this Article shall require a Party to disclose confidential information the disclosure of which would impede law enforcement or otherwise be contrary to the public interest.';
  const edit = (s: string, a: string, b: string) => {
    if (!s.includes(a)) throw new Error(`test text lacks "${a}"`);
    return s.replace(a, b);
  };
  const others = () => [6, 7, 8].map((k) => clause(`Article ${k}`, `Stockpiles ${k}`, `Each Participant will maintain a stockpile of the critical minerals listed in Annex ${k}, sufficient for ${k * 10} days of consumption, and will report on it once a year.`));

  it('pairs a lightly edited clause with its successor, not with a copy that keeps one paragraph verbatim', () => {
    const a = alignDrafts(
      draft(clause('Article 5', 'Transparency', P1, P2, P3, P4), ...others()),
      draft(
        clause('Article 5', 'Transparency', edit(P1, 'shall publish', 'should publish'), edit(P2, 'thirty', 'sixty'), edit(P3, 'Committee on Trade', 'Joint Committee on Trade'), edit(P4, 'shall require', 'should require')),
        ...others(),
        clause('Article 11', 'Transparency in services', edit(P1, 'trade in goods', 'trade in services'), edit(P2, 'trade in goods', 'trade in services'), P3, edit(P4, 'law enforcement', 'the supervision of services')),
      ),
    );
    expect(summary(a)).toEqual(['edited Article 5→Article 5', 'unchanged Article 6→Article 6', 'unchanged Article 7→Article 7', 'unchanged Article 8→Article 8', 'inserted -→Article 11']);
  });
});

describe('alignDrafts with duplicated ids', () => {
  it('pairs a duplicated authored id once, and aligns the copy by content', () => {
    const a = alignDrafts(
      draft(withId('pricing', clause('Article 1', 'Pricing', D))),
      draft(withId('pricing', clause('Article 1', 'Pricing', D)), withId('pricing', clause('Article 2', 'Stockpiles', E))),
    );
    expect(summary(a)).toEqual(['unchanged Article 1→Article 1', 'inserted -→Article 2']);
  });
});

describe('alignDrafts and paragraphing', () => {
  // The same words, paragraphed otherwise: what "paragraph 2" refers to changed, though the text reads the same.
  const md = (body: string) => parseDraft(`## Article 1 {#a1}\n\n${body}\n`).draft;
  const kinds = (oldBody: string, newBody: string) => compareDrafts(md(oldBody), md(newBody), { ids: 'always' }).changes.map((c) => ({
    kind: c.kind,
    provisions: c.provisions.map((p) => `${p.kind} ${p.old ?? '—'}→${p.new ?? '—'}`),
  }));
  const one = '1. The Parties shall cooperate on refining. They shall share information on supply risks.\n\n2. This Article applies to rare earths.';
  const two = '1. The Parties shall cooperate on refining.\n\n2. They shall share information on supply risks.\n\n3. This Article applies to rare earths.';

  it('reports a paragraph cut in two, or two joined, as an edit with the split or merge of its provisions', () => {
    expect(kinds(one, two)).toEqual([{ kind: 'edited', provisions: ['split 1→1', 'split 1→2', 'unchanged 2→3'] }]);
    expect(kinds(two, one)).toEqual([{ kind: 'edited', provisions: ['merged 1→1', 'merged 2→1', 'unchanged 3→2'] }]);
  });

  it('reports a sentence that went from one paragraph to the next as an edit', () => {
    const moved = '1. The Parties shall cooperate on refining.\n\n2. They shall share information on supply risks. This Article applies to rare earths.';
    expect(kinds(one, moved)[0]!.kind).toBe('edited');
  });

  it('still reads lines wrapped otherwise, and a list numbered from elsewhere, as unchanged', () => {
    const wrapped = '1. The Parties shall cooperate\n   on refining. They shall share information on supply risks.\n\n2. This Article applies\n   to rare earths.';
    expect(kinds(one, wrapped)).toEqual([{ kind: 'unchanged', provisions: [] }]);
    expect(kinds(one, one.replace('1. ', '3. ').replace('2. ', '4. '))).toEqual([{ kind: 'unchanged', provisions: [] }]);
  });

  it('pairs a short paragraph reworded in place once its edited neighbours are paired, in a clause where every paragraph changed', () => {
    const before = [
      'The Participants shall jointly invest EUR 500 million in refining capacity by 1 January 2027.',
      'Neither Participant shall impose export bans on Critical Minerals.',
      'Each Participant will hold stockpiles of at least 25 per cent of annual demand.',
      'The European Union may notify the United States within thirty (30) days.',
    ];
    const after = [
      'The Participants will endeavour to jointly invest USD 500 million in refining capacity by 31 December 2027.',
      // Two of its three-word shingles are left: below the bar of a gap shared with three other paragraphs,
      // but alone between paragraphs 1 and 3 it keeps seven of its nine words.
      'Neither Participant will impose export bans on Strategic Minerals, except in an emergency.',
      'Each Participant shall hold stockpiles of at least 30% of annual demand.',
      'The United States may notify the European Union within sixty (60) days.',
    ];
    const body = (paragraphs: string[]) => paragraphs.map((p, k) => `${k + 1}. ${p}`).join('\n\n');
    expect(kinds(body(before), body(after))).toEqual([{ kind: 'edited', provisions: ['edited 1→1', 'edited 2→2', 'edited 3→3', 'edited 4→4'] }]);
    // Not where its words are gone too: then it is a paragraph deleted and another inserted.
    const replaced = [...after];
    replaced[1] = 'Stockpiles are released in a supply emergency by joint decision of the Participants only.';
    expect(kinds(body(before), body(replaced))[0]!.provisions).toEqual(['edited 1→1', 'deleted 2→—', 'inserted —→2', 'edited 3→3', 'edited 4→4']);
  });

  it('reports a provision whose cross-reference now names another clause as edited', () => {
    const text = (n: string) => `## Article 1 {#a1}\n\n1. Each Participant shall report yearly.\n\n2. Exceptions under Article ${n} apply.\n\n## Article 2 {#a2}\n\nStockpiles.\n\n## Article 3 {#a3}\n\nDisputes.\n`;
    const first = compareDrafts(parseDraft(text('2')).draft, parseDraft(text('3').replace('yearly', 'every two years')).draft, { ids: 'always' }).changes[0]!;
    expect(first.kind).toBe('edited');
    expect(first.provisions.map((p) => `${p.kind} ${p.old}→${p.new}`)).toEqual(['edited 1→1', 'edited 2→2']);
  });

  it('reads a reference to a paragraph of the same clause through that clause\'s renumbering', () => {
    const vision = 'Parties share a long-term vision on technology development and transfer.';
    const cooperation = 'Parties shall strengthen cooperative action on technology development and transfer.';
    const framework = (n: string) => `A technology framework is established, in pursuit of the long-term vision referred to in paragraph ${n} of this Article.`;
    const article = (...paragraphs: string[]) => parseDraft(`## Article 10 {#a10}\n\n${paragraphs.map((p, k) => `${k + 1}. ${p}`).join('\n\n')}\n`).draft;
    const provisions = (n: string) => compareDrafts(article(cooperation, vision, framework('2')), article(vision, cooperation, framework(n)), { ids: 'always' })
      .changes[0]!.provisions.map((p) => `${p.kind} ${p.old}→${p.new}`);
    // Paragraph 2 (the vision) became paragraph 1, and the reference followed it.
    expect(provisions('1')).toContain('unchanged 3→3');
    // Now it names the cooperation paragraph: an edit.
    expect(provisions('3')).toContain('edited 3→3');
  });

  it('reads a clause whose list now starts elsewhere, its own references renumbered with it, as unchanged', () => {
    const article = (first: number, named: number) =>
      parseDraft(`## Article 1 {#a1}\n\n${first}. Each Participant shall report yearly.\n\n${first + 1}. The report under paragraph ${named} is public.\n`).draft;
    const kind = (first: number, named: number) => compareDrafts(article(3, 3), article(first, named), { ids: 'always' }).changes[0]!.kind;
    expect(kind(1, 1)).toBe('unchanged');
    expect(kind(1, 2)).toBe('edited');
    // "paragraph 3 of Article 9" names a paragraph of another article: this list's renumbering says nothing of it.
    const elsewhere = (first: number, named: number) =>
      parseDraft(`## Article 1 {#a1}\n\n${first}. Each Participant shall report yearly.\n\n${first + 1}. The report under paragraph ${named} of Article 9 is public.\n`).draft;
    expect(compareDrafts(elsewhere(3, 3), elsewhere(1, 1), { ids: 'always' }).changes[0]!.kind).toBe('edited');
  });

  it('reads a reference to another instrument\'s article as changed, though an article of the draft was renumbered so', () => {
    const draft = (inserted: boolean, n: number) => parseDraft([
      ...(inserted ? ['## Article 1 {#new}\n\nDefinitions of critical minerals.\n'] : []),
      `## Article ${inserted ? 2 : 1} {#a}\n\nThe Participants shall act consistently with Article ${n} of the Convention.\n`,
      `## Article ${inserted ? 3 : 2} {#b}\n\nStockpiles of rare earths.\n`,
    ].join('\n')).draft;
    // Article 1 became Article 2, but "Article 1 of the Convention" → "Article 2 of the Convention" is an edit.
    const changes = compareDrafts(draft(false, 1), draft(true, 2), { ids: 'always' }).changes;
    expect(changes.find((c) => c.new[0]?.id === 'a')!.kind).toBe('edited');
    expect(compareDrafts(draft(false, 1), draft(true, 1), { ids: 'always' }).changes.find((c) => c.new[0]?.id === 'a')!.kind).toBe('unchanged');
  });

  it('reads a reference to a paragraph of a renumbered article ("Article 2(2)" → "Article 3(2)") as renumbering, not an edit', () => {
    const draft = (inserted: boolean, reference: string) => parseDraft([
      ...(inserted ? ['## Article 1 {#new}\n\nDefinitions of critical minerals.\n'] : []),
      `## Article ${inserted ? 2 : 1} {#stocks}\n\n1. Stockpiles of rare earths.\n\n2. Releases of stocks are notified.\n`,
      `## Article ${inserted ? 3 : 2} {#review}\n\nThe Participants shall review the releases notified under ${reference} every year.\n`,
    ].join('\n')).draft;
    const review = (old: string, now: string) => compareDrafts(draft(false, old), draft(true, now), { ids: 'always' }).changes.find((c) => c.new[0]?.id === 'review')!;
    for (const [old, now] of [['Article 1(2)', 'Article 2(2)'], ['Article 1(2)(a)', 'Article 2(2)(a)']]) {
      expect(review(old!, now!), `${old} → ${now}`).toMatchObject({ kind: 'unchanged', renumbered: true });
    }
    // A dotted number may be Article 2 of Chapter 1 (as CETA numbers): its change is not read as renumbering.
    expect(review('Article 1.2', 'Article 2.2').kind).toBe('edited');
    // Another paragraph, or the article number not followed: edits.
    expect(review('Article 1(2)', 'Article 2(1)').kind).toBe('edited');
    expect(review('Article 1(2)', 'Article 3(2)').kind).toBe('edited');
    expect(review('Article 1(2) of the Convention', 'Article 2(2) of the Convention').kind).toBe('edited');
  });
});

describe('cross-references under renumbering (property)', () => {
  const topics = ['gallium', 'germanium', 'graphite', 'lithium', 'cobalt', 'nickel', 'tungsten', 'antimony'];
  /** Article k's text: its own topic, and references to the articles whose numbers `refs` lists. */
  const text = (topic: string, refs: readonly number[]) =>
    `Each Participant shall report on ${topic} supply chains${refs.map((n) => `, subject to Article ${n}`).join('')}.`;
  // Two paragraphs, the second never changed: an article whose references were renumbered is then paired on
  // that shared paragraph (matchByParagraphs) rather than on its key, and must still read unchanged.
  const markdown = (articles: readonly { topic: string; refs: number[] }[]) =>
    articles.map((a, k) => `## Article ${k + 1} {#x${k}}\n\n1. ${text(a.topic, a.refs)}\n\n2. The Parties shall review the trade in ${a.topic} every five years.\n`).join('\n');

  it('an inserted article renumbers the rest and their references: all unchanged; one reference pointed elsewhere: that article edited', () => {
    const drafts = fc.integer({ min: 2, max: 6 }).chain((n) => fc.record({
      refs: fc.array(fc.array(fc.integer({ min: 1, max: n }), { maxLength: 2 }), { minLength: n, maxLength: n }),
      at: fc.integer({ min: 0, max: n }),
      altered: fc.nat(),
    }));
    fc.assert(fc.property(drafts, ({ refs, at, altered }) => {
      const olds = refs.map((r, k) => ({ topic: topics[k]!, refs: r }));
      // Article `at + 1` is inserted: every number from there on moves up by one, in the references too.
      const shift = (n: number) => (n > at ? n + 1 : n);
      const news = olds.map((a) => ({ topic: a.topic, refs: a.refs.map(shift) }));
      news.splice(at, 0, { topic: 'rare earth magnets', refs: [] });
      const kinds = (draft: typeof news) => compareDrafts(parseDraft(markdown(olds)).draft, parseDraft(markdown(draft)).draft, { ids: 'never' })
        .changes.filter((c) => c.kind !== 'inserted').map((c) => c.kind);
      expect(kinds(news)).toEqual(olds.map(() => 'unchanged'));
      // The words of each clause rebuild both its texts, its renumbered references shown as cosmetic changes.
      const renumbered = compareDrafts(parseDraft(markdown(olds)).draft, parseDraft(markdown(news)).draft, { ids: 'never' });
      for (const change of renumbered.changes.filter((c) => c.kind === 'unchanged')) {
        const k = olds.findIndex((a) => a.topic === change.words.map((w) => w.text).join('').match(/report on (.+?) supply/)![1]);
        const read = (keep: 'insert' | 'delete') => change.words.filter((w) => w.op !== keep).map((w) => w.text).join('');
        expect(read('insert')).toBe(`1. ${text(olds[k]!.topic, olds[k]!.refs)}\n2. The Parties shall review the trade in ${olds[k]!.topic} every five years.`);
        expect(read('delete')).toBe(`1. ${text(news[shift(k + 1) - 1]!.topic, news[shift(k + 1) - 1]!.refs)}\n2. The Parties shall review the trade in ${olds[k]!.topic} every five years.`);
        expect(change.words.every((w) => w.op === 'equal' || w.cosmetic)).toBe(true);
      }
      // One reference now names another article: the article that holds it is edited. (Another number than the
      // old one: a reference left as it stood, though its article moved, leaves the text as it was.)
      const holders = olds.flatMap((a, k) => a.refs.map((_, r) => [k, r] as const));
      if (holders.length === 0) return;
      const [k, r] = holders[altered % holders.length]!;
      const q = k < at ? k : k + 1;
      const changed = news.map((a) => ({ ...a, refs: [...a.refs] }));
      const others = news.map((_, m) => m + 1).filter((m) => m !== news[q]!.refs[r] && m !== olds[k]!.refs[r]);
      changed[q]!.refs[r] = others[altered % others.length]!;
      const expected = news.filter((_, m) => m !== at).map((a) => (a === news[q] ? 'edited' : 'unchanged'));
      expect(kinds(changed)).toEqual(expected);
    }), { numRuns: 200 });
  });
});
