/**
 * Plain text extracted from a PDF (page numbers, running heads, form feeds), lettered section headings and the
 * lines that only look like headings: importDraft as a user meets it on such a text, and on the UNFCCC's
 * Geneva negotiating text of February 2015 (../shared/corpus, extras).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { importDraft } from '../src/format/import-text.js';
import { clauseText } from '../src/model/text.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';
import { corpus } from './support/corpus.js';

const heads = (src: string) => [...walkClauses(importDraft(src, { format: 'text' }).draft.clauses)].map(({ clause, path }) => [path.length, clause.label, clause.title]);
const allText = (src: string) => [...walkClauses(importDraft(src, { format: 'text' }).draft.clauses)].map(({ clause }) => clauseText(clause)).join('\n');

/** A page of layout text: its lines, then the page's foot (number, blank lines) and the next page's running head. */
function pages(bodies: string[][], head = 'ADP 2-8 - agenda item 3', numberAt: 'left' | 'right' = 'right'): string {
  return bodies.map((lines, k) => {
    const number = numberAt === 'right' ? ' '.repeat(100) + String(k + 1) : String(k + 1);
    return [...lines, '', '', number, `\f${' '.repeat(60)}${head}`, ''].join('\n');
  }).join('\n');
}

describe('page furniture of text extracted from a PDF', () => {
  const text = 'Negotiating text\n\n' + pages([
    ['Article 1', '', '1. The Parties shall cooperate on critical minerals.', '', '2.'],
    ['   [Option 1: The Parties shall share information on supply risks.]', '', 'Article 2', '', '1. Each Party shall notify the other.'],
    ['Article 3', '', '1. This Memorandum shall enter into force on signature.'],
    ['Article 4', '', '1. Either Party may terminate this Memorandum.'],
  ]);

  it('leaves page numbers and running heads out: no clause of their own, no line of a clause', () => {
    expect(heads(text)).toEqual([[0, 'Article 1', ''], [0, 'Article 2', ''], [0, 'Article 3', ''], [0, 'Article 4', '']]);
    const words = allText(text);
    expect(words).not.toContain('agenda item');
    expect(words).not.toMatch(/^\s*\d+\s*$/m);
  });

  it('joins a paragraph number at the foot of a page to its text at the top of the next', () => {
    const first = importDraft(text, { format: 'text' }).draft.clauses[0]!;
    expect(provisionsOf(first).map((p) => [p.label, p.text])).toEqual([
      ['1', 'The Parties shall cooperate on critical minerals.'],
      ['2', '[Option 1: The Parties shall share information on supply risks.]'],
    ]);
  });

  it('moves a footnote printed at the foot of a page to the closing Footnotes clause', () => {
    const src = 'Negotiating text\n\n' + pages([
      ['Article 1', '', '1. The Parties shall cooperate on critical minerals.2', '', '', '2', '    See paragraphs 31, 33 and 38', '    of the annex.'],
      ['Article 2', '', '1. Each Party shall notify the other.', '', '3', '    Proposed by one Party.', '4', '    Proposed by another.'],
      ['Article 3', '', '1. This Memorandum shall enter into force on signature.'],
    ]);
    const { draft } = importDraft(src, { format: 'text' });
    expect(draft.clauses.map((c) => c.label || c.title)).toEqual(['Article 1', 'Article 2', 'Article 3', 'Footnotes']);
    expect(clauseText(draft.clauses[3]!)).toBe('[2] See paragraphs 31, 33 and 38 of the annex.\n[3] Proposed by one Party.\n[4] Proposed by another.');
    expect(clauseText(draft.clauses[0]!)).toBe('1. The Parties shall cooperate on critical minerals.2');
    // Text at the foot of a page that is not footnotes only stays where it is.
    const kept = 'Negotiating text\n\n' + pages([['Article 1', '', '5', 'Not indented, so not a footnote.'], ['Article 2', '', 'Two.'], ['Article 3', '', 'Three.']]);
    expect(allText(kept)).toContain('Not indented, so not a footnote.');
  });

  it('reads the same with page numbers at the left margin and form feeds only', () => {
    expect(heads('Negotiating text\n\n' + pages([['Article 1', '', 'One.'], ['Article 2', '', 'Two.'], ['Article 3', '', 'Three.']], 'UNFCCC/ADP/2015/1', 'left')))
      .toEqual([[0, 'Article 1', ''], [0, 'Article 2', ''], [0, 'Article 3', '']]);
  });

  it('keeps bare numbers that head articles: counting up, but with nothing of a page about them', () => {
    const numbered = 'Memorandum\n\n1\n\nThe Parties shall cooperate.\n\n2\n\nEach Party shall notify the other.\n\n3\n\nThis Memorandum enters into force on signature.\n\n4\n\nEither Party may terminate it.\n';
    expect(heads(numbered).map((h) => h[1])).toEqual(['1', '2', '3', '4']);
  });

  it('keeps a line that recurs beside some page numbers but is text ("Option 2:")', () => {
    const bodies = Array.from({ length: 10 }, (_, k) => (k < 3 ? ['Option 2:', `Text of page ${k + 1}.`, ''] : [`Text of page ${k + 1}.`]));
    const words = allText('Title\n\nArticle 1\n\n' + pages(bodies));
    expect(words.match(/Option 2:/g)?.length).toBe(3);
    expect(words).not.toContain('agenda item');
  });
});

describe('headings that are not, and lettered sections', () => {
  it('does not read the end of a sentence wrapped onto its own line as a heading ("paragraph 12.")', () => {
    const src = 'Title\n\nArticle 1\n\n1. The Parties shall, in accordance with\nparagraph 12.\n\n2. Each Party shall notify the other.\n';
    expect(heads(src)).toEqual([[0, 'Article 1', '']]);
  });

  it('reads "D. [Mitigation" and "A. Areas of Cooperation" as sections, not "B. Each Party shall …"', () => {
    expect(heads('Title\n\nD. [Mitigation\n13. [All Parties shall mitigate.]\n\nE. [[Adaptation and loss and damage]\n\n14. Parties shall adapt.\n'))
      .toEqual([[0, 'D', 'Mitigation'], [0, 'E', 'Adaptation and loss and damage']]);
    expect(heads('Title\n\nThe Parties to this Memorandum,\n\nA. Areas of Cooperation\n\n1. Research.\n\nB. Each Party shall cooperate with the other.\n'))
      .toEqual([[0, '', 'Preamble'], [0, 'A', 'Areas of Cooperation']]);
  });

  it('leaves a lettered line in capitals in the title block alone ("A. DRAFT AGREEMENT"), and reports a glued footnote number', () => {
    expect(heads('ADP\n\nA. DRAFT AGREEMENT\n\nArticle 1\n\nText.\n')).toEqual([[0, 'Article 1', '']]);
    // A bracketed heading wrapped over two lines is one heading; a subheading on the next line is not part of it.
    expect(heads('Title\n\nK. [[Time frames and process related to commitments / contributions / Other matters\n   related to implementation]8\nOption I:\n\nD. [Mitigation\n[Long-term and global aspects of mitigation]\n\n13. Text.\n'))
      .toEqual([[0, 'K', 'Time frames and process related to commitments / contributions / Other matters related to implementation'], [0, 'D', 'Mitigation']]);
    const r = importDraft('Title\n\nA. [[Preamble]1\n\n[Recalling the Convention,]\n\nB. [[Finance]2\n\n1. Text.\n', { format: 'text' });
    expect(r.draft.clauses.map((c) => [c.label, c.title])).toEqual([['', 'Preamble'], ['B', 'Finance']]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['footnote-in-heading', 3, 'footnote marker 1 left out of the heading "A. [[Preamble]1"'],
      ['footnote-in-heading', 7, 'footnote marker 2 left out of the heading "B. [[Finance]2"'],
    ]);
  });
});

describe.skipIf(!corpus)('the Geneva negotiating text (12 February 2015), as extracted from its PDF', () => {
  it('reads as its lettered sections with their numbered paragraphs, without its 85 page numbers and running heads', () => {
    const file = path.join(corpus ?? '', 'paris-agreement-drafts', 'extras', 'v-1_2015-02-12_geneva-negotiating-text_FULL.txt');
    const { draft } = importDraft(fs.readFileSync(file, 'utf8'), { file });
    const top = draft.clauses.map((c) => (c.label ? `${c.label} ${c.title}` : c.title));
    expect(top).toEqual([
      'Preamble', 'B Definitions', 'C General / Objective', 'D Mitigation', 'E Adaptation and loss and damage', 'G Option I: Finance',
      'H Technology development and transfer', 'I Capacity-building', 'J Transparency of action and support',
      // Section K's heading wraps over two lines ("… related to implementation and" / "ambition]8").
      'K Time frames and process related to commitments / contributions / Other matters related to implementation and ambition',
      'L Facilitating implementation and compliance', 'M Procedural and institutional provisions', 'Footnotes',
    ]);
    // Its ten footnotes, printed at the foot of their pages, in the Footnotes clause and in no section.
    expect(clauseText(draft.clauses.at(-1)!).split('\n').map((l) => l.slice(0, 4))).toEqual(['[1] ', '[2] ', '[3] ', '[4] ', '[5] ', '[6] ', '[7] ', '[8] ', '[9] ', '[10]']);
    expect(clauseText(draft.clauses.find((c) => c.label === 'C')!)).not.toContain('See paragraphs 31, 33, 38');
    const words = [...walkClauses(draft.clauses)].map(({ clause }) => clauseText(clause)).join('\n');
    expect(words).not.toContain('ADP 2-8 - agenda item 3');
    expect(words).not.toMatch(/^\d{1,3} (?:See|This paragraph|Proposed|Some Parties)/m);
    // Paragraph 13 of Mitigation opens with its number alone on a line, its text on the next.
    const mitigation = draft.clauses.find((c) => c.label === 'D')!;
    expect(provisionsOf(mitigation).find((p) => p.label === '13')?.text).toMatch(/^13\.1 \[Option 1: All Parties, in accordance with Article 4/);
  });

  it('compared with the co-chairs\' non-paper of October 2015, its procedural section M is split into the articles made of it', () => {
    const read = (file: string) => importDraft(fs.readFileSync(file, 'utf8'), { file }).draft;
    const dir = path.join(corpus ?? '', 'paris-agreement-drafts');
    const result = compareDrafts(read(path.join(dir, 'extras', 'v-1_2015-02-12_geneva-negotiating-text_FULL.txt')), read(path.join(dir, 'v0_2015-10-05_ADP-cochairs-nonpaper-draft-agreement.txt')));
    const split = result.changes.find((c) => c.old[0]?.label === 'M')!;
    expect(split.kind).toBe('split');
    // Each of these lies half or more inside M; Article 15 (bodies serving the agreement) and 17 (further
    // requirements) are new text.
    expect(split.new.map((n) => n.label)).toEqual(['Article 12', 'Article 13', 'Article 14', 'Article 16', ...[18, 19, 20, 21, 22, 23, 24, 25, 26].map((n) => `Article ${n}`)]);
    expect(result.changes.filter((c) => c.kind === 'inserted').map((c) => c.new[0]!.label)).toContain('Article 15');
  });
});
