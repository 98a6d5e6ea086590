/**
 * The plain text of a clause (model/text.ts) as the comparison reads it: one paragraph per line, a list item
 * opened by its number as written in the draft ("4. "), whatever the list starts at.
 */
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/format/markdown.js';
import { bracketMarks, clauseText } from '../src/model/text.js';

const textOf = (body: string) => clauseText(parseDraft(`## Article 1\n\n${body}\n`).draft.clauses[0]!, { brackets: 'marked' });

describe('clauseText', () => {
  it('numbers list items from where the list starts, after a paragraph or at the start', () => {
    expect(textOf('1. Cooperate.\n\n2. Notify.')).toBe('1. Cooperate.\n2. Notify.');
    expect(textOf('The Participants will:\n\n0. map the routes;\n\n1. secure the ports.')).toBe('The Participants will:\n0. map the routes;\n1. secure the ports.');
    // Across the numbers whose openings are kept (below 1,000) and those built each time.
    expect(textOf('998. One.\n\n999. Two.\n\n1000. Three.\n\n1001. Four.')).toBe('998. One.\n999. Two.\n1000. Three.\n1001. Four.');
  });

  it('writes unnumbered items and the further paragraphs of an item on lines of their own', () => {
    expect(textOf('- Gallium.\n- Germanium.')).toBe('Gallium.\nGermanium.');
    expect(textOf('3. Each Party will notify the other.\n\n   This includes gallium.\n\n4. Review.')).toBe('3. Each Party will notify the other.\nThis includes gallium.\n4. Review.');
    expect(textOf('1. First.\n\n- Loose.\n\n5. Fifth.')).toBe('1. First.\nLoose.\n5. Fifth.');
  });
});

describe('bracketMarks', () => {
  it('lists every "[" of the marked text in order: a party for a bracket, null for a literal one', () => {
    const body = [
      'See \\[1\\] and :bracket[*[the] Annex*]{by="EU"}:bracket[the :bracket[Schedule]{by="EU"}]{by="US"}.',
      '',
      ':::position{party="US" stance="reserves"}',
      'A note with \\[brackets\\] that is commentary.',
      ':::',
      '',
      '1. Item :bracket[one]{by="US"}.',
    ].join('\n');
    const clause = parseDraft(`## Article 1\n\n${body}\n`).draft.clauses[0]!;
    const text = clauseText(clause, { brackets: 'marked' });
    const marks = bracketMarks(clause.body);
    expect(marks).toEqual([null, 'EU', null, 'US', 'EU', 'US']);
    expect(text.split('[').length - 1).toBe(marks.length);
  });
});
