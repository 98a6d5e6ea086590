import { describe, expect, it } from 'vitest';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';
import { legalChanges } from '../src/compare/legal.js';
import { compareDrafts } from '../src/compare/compare.js';

// Every reader of a number put in between others ("Article 3bis", "2 ter.", "3.4 quater") knows the same Latin
// ordinals: both spellings of the ninth (nonies, novies) and those past the tenth (undecies, duodecies, …), which
// consolidated EU texts use ("Article 11undecies").
const LATER = ['novies', 'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'vicies'];

const labels = (source: string, format: 'text' | 'markdown') =>
  [...walkClauses(importDraft(source, { format }).draft.clauses)].map(({ clause }) => [clause.label, clause.title]);

describe('Latin ordinals of inserted provisions', () => {
  it.each(LATER)('a heading "Article 3%s" is a label in Markdown and in plain text', (ordinal) => {
    const markdown = parseDraft(`---\ntitle: T\n---\n\n## Article 3 — Scope\n\nText.\n\n## Article 3${ordinal} — Stocks\n\nText.\n`).draft;
    expect(markdown.clauses.map((c) => [c.label, c.title])).toEqual([['Article 3', 'Scope'], [`Article 3${ordinal}`, 'Stocks']]);
    expect(labels(`Title\n\nArticle 3\n\nText.\n\nArticle 3${ordinal}\n\nText.\n\nARTICLE 4 ${ordinal}\n\nText.`, 'text'))
      .toEqual([['Article 3', ''], [`Article 3${ordinal}`, ''], [`ARTICLE 4 ${ordinal}`, '']]);
  });

  it.each(LATER)('a paragraph "2%s." is a numbered provision of its own', (ordinal) => {
    const clause = parseDraft(`---\ntitle: T\n---\n\n## Article 1 — Stocks\n\n1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n2${ordinal}. Stocks are held at home.\n`).draft.clauses[0]!;
    expect(provisionsOf(clause).map((p) => p.label)).toEqual(['1', '2', `2${ordinal}`]);
  });

  it.each(LATER)('"3.4 %s" in a drafting note is a provision\'s number, not a figure', (ordinal) => {
    expect(legalChanges(`Adjustments (previous 3.4 ${ordinal} and 3.6)`, 'Adjustments')).toEqual([]);
    // Against a control: a bare number is a figure.
    expect(legalChanges('Adjustments of 3.4 tonnes', 'Adjustments').map((c) => c.type)).toEqual(['figure']);
  });

  it('a paragraph put in as "2novies" and numbered 3 at the end is renumbered, not reworded', () => {
    const doc = (body: string) => parseDraft(`---\ntitle: T\n---\n\n## Article 1 — Stocks\n\n${body}\n`).draft;
    const result = compareDrafts(
      doc('1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n2novies. Stocks are held at home.\n\n3. Releases are notified.'),
      doc('1. Each Participant will hold stocks.\n\n2. Stocks cover ninety days.\n\n3. Stocks are held at home.\n\n4. Releases are notified.'),
    );
    expect(result.changes.map((c) => c.kind)).toEqual(['unchanged']);
  });
});
