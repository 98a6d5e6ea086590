import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importDraft } from '../src/format/import-text.js';
import { assignGeneratedIds } from '../src/format/ids.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';

const heads = (src: string, format: 'text' | 'markdown' = 'text') =>
  [...walkClauses(importDraft(src, { format }).draft.clauses)].map(({ clause, path }) => [path.length, clause.label, clause.title]);

describe('importDraft: heading forms', () => {
  it('exposes the public API', () => {
    expect(typeof importDraft).toBe('function');
    expect(typeof assignGeneratedIds).toBe('function');
  });
  it('Article 5 / ARTICLE 6 / Article 2bis / [Article 3ter] (REDD-plus) / Paragraph 4', () => {
    expect(heads('Title\n\nArticle 5\n\nText.\n\nARTICLE 6\n\nText.\n\nArticle 2bis\n\nText.\n\n[Article 3ter] (REDD-plus)\n\nText.\n\nParagraph 4\n\nText.')).toEqual([
      [0, 'Article 5', ''], [0, 'ARTICLE 6', ''], [0, 'Article 2bis', ''], [0, 'Article 3ter', 'REDD-plus'], [0, 'Paragraph 4', ''],
    ]);
  });
  it('Section II with a title line, and Article 2.1: Import Licensing nested under SECTION 2', () => {
    expect(heads('T\n\nSection II\n\nCritical Minerals and Rare Earths\n\n1. One.\n\nSECTION 2\n\nArticle 2.1: Import Licensing\n\nText.')).toEqual([
      [0, 'Section II', 'Critical Minerals and Rare Earths'], [0, 'SECTION 2', ''], [1, 'Article 2.1', 'Import Licensing'],
    ]);
  });
  it('a long heading wrapped at the page\'s width (a PDF\'s text) is one heading; a heading over a title or a heading in capitals is not', () => {
    const body = '1. The Parties shall cooperate on export controls and related matters of common interest\nto them both.';
    const wrapped = `T\n\nArticle 5.2: Export Controls, Sanctions, Investment Security, and Related\nMatters\n\n${body}\n\nArticle 5.3: Other\n\n${body}`;
    expect(heads(wrapped)).toEqual([[0, 'Article 5.2', 'Export Controls, Sanctions, Investment Security, and Related Matters'], [0, 'Article 5.3', 'Other']]);
    // A short heading over its title line, and a long one over a heading of its own in capitals, stay apart.
    expect(heads(`T\n\nArticle 5\nStockpiles\n\n${body}`)).toEqual([[0, 'Article 5', 'Stockpiles']]);
    expect(heads(`T\n\nArticle 5.2: Export Controls, Sanctions, Investment Security, and Related\nSECTION 3\n\n${body}`).map((h) => h[1])).toEqual(['Article 5.2', 'SECTION 3']);
  });
  it('"5." and "5.[2] Title" number headings; footnote marker reported', () => {
    const r = importDraft('T\n\n5.\n\nText.\n\n6.[2] Stockpiling\n\nText.', { format: 'text' });
    expect(r.draft.clauses.map((c) => [c.label, c.title])).toEqual([['5', ''], ['6', 'Stockpiling']]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['footnote-in-heading', 7]]);
  });
  it('capital titles followed by numbered paragraphs, with (a) points nested; lines unwrapped', () => {
    const { draft } = importDraft('T\n\nOBJECTIVE\n\n1.  The purpose\nis this.\n\n2.  Means:\n\n(a) one;\n\n(b) two.\n', { format: 'text' });
    expect(draft.clauses[0]).toMatchObject({ label: '', title: 'OBJECTIVE' });
    const p = provisionsOf(draft.clauses[0]!);
    expect(p.map((x) => [x.label, x.text])).toEqual([['1', 'The purpose is this.'], ['2', 'Means:']]);
    expect(p[1]!.points.map((x) => x.text)).toEqual(['(a) one;', '(b) two.']);
  });
  it('joins a word broken at its hyphen at a line end without a space ("non-" over "punitive"), and no other hyphen', () => {
    const { draft } = importDraft('T\n\nArticle 1\n\n1. The mechanism shall be facilitative, non-\npunitive and non-adversarial in the post-\n2020 period -\nthat is, from now on. See Annex A-\nB.\n', { format: 'text' });
    expect(provisionsOf(draft.clauses[0]!).map((x) => x.text)).toEqual([
      'The mechanism shall be facilitative, non-punitive and non-adversarial in the post-2020 period - that is, from now on. See Annex A- B.',
    ]);
  });
  it('drops a typesetter\'s hyphen at a line end where the document writes the word whole, and keeps one the document writes', () => {
    // "negoti-" over "ations": the text says "negotiations" elsewhere, and never "negoti-ations". "decision-" over
    // "making": the text writes "decision-making" as well as "decisionmaking", so the hyphen stays. "co-" over
    // "operation": the whole word appears nowhere, so the hyphen stays (as before).
    const { draft } = importDraft([
      'T', '', 'Article 1', '',
      '1. The Parties shall conduct negoti-', 'ations in good faith, with decision-', 'making and co-', 'operation.', '',
      '2. Such negotiations shall inform decisionmaking and decision-making alike.', '',
      'Article 2', '', '| Item | Rate |', '|---|---|', '| Refining of ores and concen- | 5% |', '',
    ].join('\n'), { format: 'text' });
    expect(provisionsOf(draft.clauses[0]!)[0]!.text).toBe('The Parties shall conduct negotiations in good faith, with decision-making and co-operation.');
  });

  it('reads lists and block quotes nested thousands deep without running out of stack, their text kept', () => {
    const quotes = importDraft(`# Article 1\n\n${'>'.repeat(8_000)} The Participants will cooperate.\n`).draft;
    expect(JSON.stringify(quotes.clauses[0]!.body)).toContain('The Participants will cooperate.');
    const lists = importDraft(`# Article 1\n\n${Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n')}\n`).draft;
    const text = JSON.stringify(lists.clauses[0]!.body);
    expect(text).toContain('level 1"');
    expect(text).toContain('level 60');
  });

  it('a tab between label and title, as typed in a word processor, separates them like a dash', () => {
    expect(heads('MOU\n\nArticle 1\tPurpose\n\n1.\tThe Participants will cooperate.\n\nARTICLE 2 \t SCOPE\n\n1.\tText.')).toEqual([
      [0, 'Article 1', 'Purpose'], [0, 'ARTICLE 2', 'SCOPE'],
    ]);
    expect(heads('# T\n\n## Article 1\tPurpose\n\n1. x.\n', 'markdown')).toEqual([[0, 'Article 1', 'Purpose']]);
    // A tab elsewhere is spacing: the provision keeps its words.
    const { draft } = importDraft('MOU\n\nArticle 1\n\n1.\tThe Participants\twill cooperate.', { format: 'text' });
    expect(provisionsOf(draft.clauses[0]!)[0]!.text).toBe('The Participants will cooperate.');
  });
  it('boxed headings', () => {
    expect(heads('T\n\n*****************\n* Article 7     *\n*****************\n\nText.')).toEqual([[0, 'Article 7', '']]);
  });
  it('preamble: opening line, recitals and closing line are one provision each; signatures trail', () => {
    const { draft } = importDraft('Title\n\nThe Government of A and the Government of B (hereinafter "the Participants"),\n\nSEEKING to cooperate;\n\nNOTING the past;\n\nhave reached the following understandings:\n\nOBJECTIVE\n\n1.  To cooperate.\n\nSigned at X, in duplicate.\n\nFor the Government of A', { format: 'text' });
    expect(draft.meta.title).toBe('Title');
    expect(draft.clauses.map((c) => c.title)).toEqual(['Preamble', 'OBJECTIVE', 'Signatures']);
    expect(provisionsOf(draft.clauses[0]!).length).toBe(4);
    expect(provisionsOf(draft.clauses[1]!).length).toBe(1);
  });
  it('a signature block already under a "Signatures" heading (a Word document\'s own) stays one clause', () => {
    const { draft } = importDraft('# Memorandum\n\n## Article 1 — Scope\n\nThis applies.\n\n## Signatures\n\nSigned in Tokyo this 28th day of October.\n\nFor the Government of Japan\n', { format: 'markdown' });
    expect(draft.clauses.map((c) => c.title)).toEqual(['Scope', 'Signatures']);
    expect(provisionsOf(draft.clauses[1]!).map((p) => p.text)).toEqual(['Signed in Tokyo this 28th day of October.', 'For the Government of Japan']);
  });
  it('footnotes after the signature block with no rule before them (a Word document\'s rule is a border) are the Footnotes', () => {
    const { draft } = importDraft('Title\n\nArticle 1 — Scope\n\nThis applies.[1]\n\nDONE at X, in duplicate.\n\nFor A [2] For B\n\n[1] For greater certainty, scope is as defined.\n\n[2] Signed ad referendum.', { format: 'text' });
    expect(draft.clauses.map((c) => c.title)).toEqual(['Scope', 'Signatures', 'Footnotes']);
    expect(provisionsOf(draft.clauses[1]!).map((p) => p.text)).toEqual(['DONE at X, in duplicate.', 'For A [2] For B']);
    expect(provisionsOf(draft.clauses[2]!).map((p) => p.text)).toEqual(['[1] For greater certainty, scope is as defined.', '[2] Signed ad referendum.']);
  });
  it('Markdown: "## Article 9" + "### Valuation Committee" is one clause with a title; **Option 1:** stays strong; brackets stay text', () => {
    const { draft } = importDraft('## Article 9\n### Valuation Committee\n\n1. First [shall][should] act.\n\n**Option 1:** text\n\n## Article 10\n### Other\n\n1. x', { format: 'markdown' });
    expect(draft.clauses.map((c) => [c.label, c.title, c.children.length])).toEqual([['Article 9', 'Valuation Committee', 0], ['Article 10', 'Other', 0]]);
    expect(provisionsOf(draft.clauses[0]!)[0]!.text).toBe('First [shall][should] act.');
    expect(draft.clauses[0]!.body[1]).toMatchObject({ type: 'paragraph', children: [{ type: 'strong' }, { type: 'text' }] });
  });
  it('Markdown: a "#" heading labelled as a Parley draft labels it ("Annex I — Minerals", "Schedule 2: Tariffs") is split into label and title', () => {
    const { draft } = importDraft('## Article 1 — Scope\n\nText.\n\n## Annex I — Critical minerals\n\nGallium.\n\n## Schedule 2: Tariffs\n\nRates.\n\n## Appendix A\n\nNotes.\n\n## Rules of origin\n\nRules.\n', { format: 'markdown' });
    expect(draft.clauses.map((c) => [c.label, c.title])).toEqual([['Article 1', 'Scope'], ['Annex I', 'Critical minerals'], ['Schedule 2', 'Tariffs'], ['Appendix A', ''], ['', 'Rules of origin']]);
    // Lettered divisions and attachments are labels too ("Section A: Definitions" in CETA), with a capital letter.
    const lettered = importDraft('## Section A: Definitions\n\nText.\n\n## Annex B — Routes\n\nText.\n\n## Part a new start\n\nText.\n\n## Annex to the Memorandum\n\nText.\n', { format: 'markdown' }).draft;
    expect(lettered.clauses.map((c) => [c.label, c.title])).toEqual([['Section A', 'Definitions'], ['Annex B', 'Routes'], ['', 'Part a new start'], ['', 'Annex to the Memorandum']]);
    // Plain text keeps a line "Annex I." after a wrapped sentence in its paragraph.
    const text = importDraft('Agreement\n\nArticle 1 — Tariffs\n\nThe United States shall apply the rate set out in Schedule 2 to\nAnnex I.\n\nArticle 2 — Quotas\n\nNone.', { format: 'text' }).draft;
    expect(text.clauses.map((c) => c.label)).toEqual(['Article 1', 'Article 2']);
  });
  it('plain text: "ANNEX I" over its title line, "Annex 2-A: Tariff Schedule", "APPENDIX B — CONTACT POINTS" are attachments, their paragraphs their own', () => {
    const src = 'Memorandum\n\nArticle 1\nScope\n\nThe Participants will keep the stocks listed in Annex I.\n\nANNEX I\n\nLIST OF MINERALS\n\n1. Gallium.\n\n2. Germanium.\n\n' +
      'Annex 2-A: Tariff Schedule of the United States\n\n1. Rates.\n\nAPPENDIX B — CONTACT POINTS\n\n1. Ministries.\n\nAnnex III\n\nFinal Provisions\n\n1. Entry into force.';
    const { draft } = importDraft(src, { format: 'text' });
    expect(draft.clauses.map((c) => [c.label, c.title, provisionsOf(c).map((p) => p.label)])).toEqual([
      ['Article 1', 'Scope', [null]],
      ['ANNEX I', 'LIST OF MINERALS', ['1', '2']],
      ['Annex 2-A', 'Tariff Schedule of the United States', ['1']],
      ['APPENDIX B', 'CONTACT POINTS', ['1']],
      ['Annex III', 'Final Provisions', ['1']],
    ]);
    // Not headings: a page's list of its annexes as links, a sentence that names one, the word in lower case.
    const notHeadings = importDraft('Memorandum\n\nArticle 1 — Annexes\n\n[Annex I](https://example.org/annex-1.pdf)\n\nAnnex II to the Convention applies.\n\nannex III\n\nAnnex IV: the list below.', { format: 'text' }).draft;
    expect(notHeadings.clauses.map((c) => c.label)).toEqual(['Article 1']);
  });

  it('empty input is an error diagnostic, not an exception', () => {
    expect(importDraft('   \n', { file: 'x.txt' }).diagnostics[0]).toMatchObject({ file: 'x.txt', line: 1, severity: 'error', code: 'empty-draft' });
  });
  it('Markdown: a heading with no text ("# ", "# {#id}") is a warning, its text kept with the clause before it', () => {
    for (const empty of ['# ', '#   ', '# {#stray}', '### ']) {
      const { draft, diagnostics } = importDraft(`## Article 1\n### Scope\n\nFirst text.\n${empty}\nSecond text.\n\n## Article 2\n\nOther text.\n`, { file: 'draft.md' });
      expect(draft.clauses.map((c) => [c.label, c.title]), JSON.stringify(empty)).toEqual([['Article 1', 'Scope'], ['Article 2', '']]);
      expect(draft.clauses[0]!.body.map((b) => b.type === 'paragraph' && b.children.map((i) => (i.type === 'text' ? i.value : '')).join(''))).toEqual(['First text.', 'Second text.']);
      expect(diagnostics).toEqual([{ file: 'draft.md', line: 5, column: 1, severity: 'warning', code: 'empty-heading', message: 'heading has no text: read as part of the text before it' }]);
    }
    // Right after a number heading, where a title heading would stand.
    expect(importDraft('## Article 1\n\n### \n\nText.\n', { file: 'draft.md' }).draft.clauses.map((c) => [c.label, c.title])).toEqual([['Article 1', '']]);
  });
});

describe('assignGeneratedIds', () => {
  it('slugs from label or title, prefixed by parent, unique, deterministic', () => {
    const src = 'T\n\nAREAS OF COOPERATION\n\n1. x\n\nSECTION 2\n\nArticle 2.1: A\n\nx\n\nArticle 2.1: B\n\nx\n\n5.\n\nx';
    const ids = () => [...walkClauses(importDraft(src, { format: 'text' }).draft.clauses)].map(({ clause }) => clause.id);
    expect(ids()).toEqual(['areas-of-cooperation', 'section-2', 'section-2-article-2-1', 'section-2-article-2-1-2', 'section-2-clause-5']);
    expect(ids()).toEqual(ids());
    for (const id of ids()) expect(id).toMatch(/^[A-Za-z][\w.-]*$/);
  });
});

describe('the import samples in fixtures/import', () => {
  const sample = (name: string) => {
    const file = new URL(`../fixtures/import/${name}`, import.meta.url);
    return importDraft(readFileSync(file, 'utf8'), { file: name });
  };
  const outline = (d: ReturnType<typeof sample>['draft']) =>
    [...walkClauses(d.clauses)].map(({ clause }) => `${clause.label || clause.title}: ${provisionsOf(clause).map((p) => p.label ?? '¶').join(' ')}`);

  it('a plain-text counter-draft: wrapped title, recitals, ARTICLE headings with title lines, 2bis, points, signature', () => {
    const { draft, diagnostics } = sample('us-counter-draft.txt');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(draft.meta.title).toBe('MEMORANDUM OF UNDERSTANDING BETWEEN THE UNITED STATES OF AMERICA AND THE EUROPEAN UNION ON CRITICAL MINERALS AND RARE EARTHS');
    expect(outline(draft)).toEqual(['Preamble: ¶ ¶ ¶ ¶ ¶', 'ARTICLE 1: 1', 'ARTICLE 2: 1 2', 'ARTICLE 2bis: 1', 'ARTICLE 3: 1 2', 'Signatures: ¶']);
    expect(draft.clauses[3]!.title).toBe('STOCKPILING');
    expect(provisionsOf(draft.clauses[2]!)[1]!.points.map((p) => p.label)).toEqual(['(a)', '(b)']);
  });

  it('a loose Markdown draft: "## Article N" with "### Title", tight numbered lists', () => {
    const { draft } = sample('eu-loose-draft.md');
    expect(draft.meta.title).toBe('EU–US Memorandum on Critical Minerals: EU working text');
    expect(outline(draft)).toEqual(['Preamble: ¶ ¶', 'Article 1: 1', 'Article 2: 1 2', 'Article 3: 1']);
    expect(draft.clauses.map((c) => c.title)).toEqual(['Preamble', 'Purpose', 'Supply chains and trade routes', 'No export bans']);
  });
});
