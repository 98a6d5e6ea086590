/**
 * An ordered list of a loose Markdown draft keeps the numbers its items write (written-numbers.ts): points written
 * under a paragraph with too little indentation are its points, a number skipped stays skipped, and "1." written
 * for every item stays "1." (as numbered paragraphs apart have always been read).
 */
import { describe, expect, it } from 'vitest';
import { importDraft } from '../src/format/import-text.js';
import { appendProvisionLines, type ProvisionLine } from '../src/model/provisions.js';
import { clauseText } from '../src/model/text.js';

/** The provision labels and the text of the one article of a loose Markdown draft whose body is `body`. */
function read(body: string) {
  const clause = importDraft(`# Agreement\n\n## Article 13\n\n${body}\n`).draft.clauses.find((c) => c.label === 'Article 13')!;
  const lines: ProvisionLine[] = [];
  appendProvisionLines(clause, {}, lines);
  return { labels: lines.map((l) => l.label), text: clauseText(clause) };
}

describe('ordered lists numbered as written', () => {
  it('reads points written under a paragraph with too little indentation as its points, and the paragraphs after them by their own numbers', () => {
    const { labels, text } = read('6. The purpose of the framework is clarity.\n\n7. Each Party shall provide:\n\n 1. A national inventory report;\n\n 2. Information on progress.\n\n8. Each Party should also provide information on impacts.\n\n9. Developed country Parties shall provide information.');
    expect(labels).toEqual(['6', '7', '7.1', '7.2', '8', '9']);
    // The text shows the numbers the draft writes.
    expect(text).toMatch(/^6\. The purpose/);
    expect(text).toContain('\n8. Each Party should also');
    expect(text).toContain('\n9. Developed country');
  });

  it('keeps a number skipped, and a numbering that starts again without going back as a list of its own', () => {
    // Written as one list (no blank lines between the items); apart, the importer reads each item's number already.
    expect(read('1. First.\n2. Second.\n5. Fifth, as numbered.\n6. Sixth.').labels).toEqual(['1', '2', '5', '6']);
    expect(read('1. First.\n2. Second.\n1. Again first.\n2. Again second.').labels).toEqual(['1', '2', '1', '2']);
  });

  it('reads "1." written for every item as written, with its items apart or not, and numbers that follow as they are', () => {
    expect(read('1. First.\n1. Second.\n1. Third.').labels).toEqual(['1', '1', '1']);
    expect(read('1. First.\n\n1. Second.\n\n1. Third.').labels).toEqual(['1', '1', '1']);
    expect(read('3. Third.\n4. Fourth.\n5. Fifth.').labels).toEqual(['3', '4', '5']);
  });
});
