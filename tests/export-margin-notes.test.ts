/**
 * The notes on a moved clause (src/export/margin-notes.ts) that the Word redline puts in the margin, read from real
 * comparisons: what they quote must be what the redline changed, and a long list is cut with a count.
 */
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { ClauseChangeJson } from '../src/compare/contract.js';
import { movedAwayNote, movedHereNote, wordingChanges } from '../src/export/margin-notes.js';
import { importDraft } from '../src/format/import-text.js';

const draft = (text: string) => importDraft(text).draft;

/** Three articles, numbered in the order they stand; the stockpiles article's text is `last`, and with `moveLast` it stands first. */
function treaty(last: string, moveLast = false): string {
  const articles = [
    '### Cooperation\n\nThe Participants will cooperate on the supply of critical minerals and exchange views at least once a year.\n',
    '### Research\n\nThe Participants will promote joint research on the recycling of rare earths and on substitutes for them.\n',
  ];
  const stockpiles = `### Stockpiles\n\n${last}\n`;
  return (moveLast ? [stockpiles, ...articles] : [...articles, stockpiles]).map((a, k) => `## Article ${k + 1}\n${a}`).join('\n');
}

function movedChange(oldText: string, newText: string): ClauseChangeJson {
  const comparison = compareDrafts(draft(oldText), draft(newText));
  const moved = comparison.changes.filter((c) => c.moved);
  expect(moved).toHaveLength(1);
  return moved[0]!;
}

describe('notes on a moved clause', () => {
  it('quote each change of wording, say what changed in law, and say where the clause stood', () => {
    const change = movedChange(
      treaty('The Participants shall inform each other within thirty (30) days of any release of their strategic stocks.'),
      treaty('The Participants will inform each other within sixty (60) days of any planned release of their strategic stocks.', true),
    );
    expect(wordingChanges(change.words).map((c) => [c.old, c.new])).toEqual([['shall', 'will'], ['thirty (30)', 'sixty (60)'], ['', 'planned']]);
    const note = movedHereNote(change, 'EU first proposal');
    expect(note[0]).toBe('Moved here. In “EU first proposal” this was Article 3 — Stockpiles, struck out where it stood.');
    expect(note).toContain('Changed in its wording (3 changes):');
    expect(note).toContain('• “shall” → “will”');
    expect(note).toContain('• “thirty (30)” → “sixty (60)”');
    expect(note).toContain('• added “planned”');
    expect(note).toContain('What changed in law:');
    expect(note.some((line) => /^• obligation: shall → will \(weaker\)/.test(line))).toBe(true);
    expect(movedAwayNote(change, '')).toEqual(['Moved: in the newer draft this is Article 1 — Stockpiles, put in where it stands now; the note there says what changed in it.']);
  });

  it('say that a clause moved word for word is unchanged', () => {
    const text = 'The Participants will inform each other of any planned release of their strategic stocks.';
    const note = movedHereNote(movedChange(treaty(text), treaty(text, true)), '');
    expect(note).toEqual(['Moved here. In the older draft this was Article 3 — Stockpiles, struck out where it stood.', 'Its wording is unchanged.']);
  });

  it('list twelve changes at most and count the rest, each quotation cut to one short line', () => {
    const words = Array.from({ length: 20 }, (_, k) => `word${k}`);
    const long = 'the Participants will, in accordance with their respective laws and regulations and subject to available resources, exchange information';
    const change = movedChange(
      treaty(`${words.join(' alpha ')} ${long}.`),
      treaty(`${words.map((w) => w.toUpperCase()).join(' alpha ')} ${long.replace('exchange', 'share')} and more.`, true),
    );
    const note = movedHereNote(change, '');
    const listed = note.filter((line) => line.startsWith('• “') || line.startsWith('• added') || line.startsWith('• struck'));
    expect(listed).toHaveLength(12);
    const total = wordingChanges(change.words).length;
    expect(total).toBeGreaterThan(12);
    expect(note).toContain(`… and ${total - 12} more (the HTML redline, parley diff --format html, shows every change in place).`);
    for (const line of note) expect(line.length).toBeLessThan(200);
  });

  it('leave out runs that change white space only, and mark cosmetic ones', () => {
    expect(wordingChanges([{ op: 'equal', text: 'a' }, { op: 'delete', text: ' ' }, { op: 'insert', text: '  ' }, { op: 'equal', text: 'b' }])).toEqual([]);
    expect(wordingChanges([{ op: 'delete', text: 'Shall', cosmetic: true }, { op: 'insert', text: 'shall', cosmetic: true }, { op: 'equal', text: ' x' }, { op: 'insert', text: ' y' }]))
      .toEqual([{ old: 'Shall', new: 'shall', cosmetic: true }, { old: '', new: 'y', cosmetic: false }]);
  });
});
