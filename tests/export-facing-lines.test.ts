/**
 * Facing rows of a side-by-side redline (src/export/facing-lines.ts): each paragraph of the old text opposite the
 * one it became, a paragraph put in or struck out opposite nothing. Read from real comparisons of small drafts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { WordOpJson } from '../src/compare/contract.js';
import { facingRows, holdsText, type FacingRow } from '../src/export/facing-lines.js';
import type { RedlinePiece } from '../src/export/redline-layout.js';
import { importDraft } from '../src/format/import-text.js';

const PARAGRAPHS = [
  'The Participants intend to cooperate on the security of supply of critical minerals.',
  'Each Participant shall notify the other of any measure restricting exports within thirty (30) days.',
  'The Participants will coordinate the release of strategic stocks in an emergency.',
  'Research on recycling and substitution is to be promoted jointly.',
  'Neither Participant shall impose export bans on rare earth elements.',
  'A Joint Committee shall review the operation of this Memorandum every year.',
];

/** The redline of one clause whose body is the given paragraphs, old against new. */
function words(oldParagraphs: readonly string[], newParagraphs: readonly string[]): WordOpJson[] {
  const draft = (paragraphs: readonly string[]) => importDraft(`## Article 1\n### Supply\n\n${paragraphs.join('\n\n')}\n`).draft;
  const change = compareDrafts(draft(oldParagraphs), draft(newParagraphs)).changes.find((c) => c.new[0]?.label === 'Article 1' || c.old[0]?.label === 'Article 1');
  return change!.words;
}

const lineText = (line: readonly RedlinePiece[]) => line.map((p) => p.text).join('');
/** Each row as "old lines | new lines", lines joined by " / ", a blank side as "-". */
const show = (rows: readonly FacingRow[]) => rows.map((row) => `${row.old.map(lineText).join(' / ') || '-'} | ${row.new.map(lineText).join(' / ') || '-'}`);
/** The first few words of each paragraph, to keep the expectations short. */
const short = (s: string) => s.split(' ').slice(0, 3).join(' ');
const showShort = (rows: readonly FacingRow[]) => rows.map((row) => `${row.old.map((l) => short(lineText(l))).join(' / ') || '-'} | ${row.new.map((l) => short(lineText(l))).join(' / ') || '-'}`);

/** A side's text as the rows hold it, line by line. */
const sideLines = (rows: readonly FacingRow[], side: 'old' | 'new') => rows.flatMap((row) => row[side].map(lineText));
/** A side's text as the redline holds it, line by line (blank lines aside). */
const textLines = (ops: readonly WordOpJson[], side: 'old' | 'new') =>
  ops.filter((op) => op.op === 'equal' || op.op === (side === 'old' ? 'delete' : 'insert')).map((op) => op.text).join('').split('\n').filter((l) => l.trim() !== '');

describe('facing rows', () => {
  it('sets a paragraph put in opposite nothing, and the paragraphs after it level with their old selves', () => {
    const [a, b, c] = PARAGRAPHS;
    const rows = facingRows(words([a!, b!, c!], [a!, PARAGRAPHS[3]!, b!, c!]));
    expect(showShort(rows)).toEqual(['The Participants intend | The Participants intend', '- | Research on recycling', 'Each Participant shall | Each Participant shall', 'The Participants will | The Participants will']);
  });

  it('sets a paragraph struck out opposite nothing', () => {
    const [a, b, c] = PARAGRAPHS;
    const rows = facingRows(words([a!, b!, c!], [a!, c!]));
    expect(showShort(rows)).toEqual(['The Participants intend | The Participants intend', 'Each Participant shall | -', 'The Participants will | The Participants will']);
    // The struck paragraph's words are marked deleted in its row.
    expect(rows[1]!.old[0]!.every((piece) => piece.op.op === 'delete' || piece.text.trim() === '')).toBe(true);
  });

  it('sets an edited paragraph opposite its new wording, and a paragraph replaced outright opposite its replacement', () => {
    const [a, b, c, d] = PARAGRAPHS;
    const rows = facingRows(words([a!, b!, c!], [a!, b!.replace('thirty (30)', 'sixty (60)'), d!.replace(/\.$/, ' and reuse.')]));
    expect(show(rows)[1]).toBe(`${b} | ${b!.replace('thirty (30)', 'sixty (60)')}`);
    expect(showShort(rows)[2]).toBe('The Participants will | Research on recycling');
  });

  it('keeps a paragraph cut in two in one row, its two parts opposite the whole', () => {
    const b = PARAGRAPHS[1];
    const [first, second] = ['The Participants intend to cooperate on the security of supply of critical minerals', 'and on the traceability of rare earth elements.'];
    const rows = facingRows(words([`${first} ${second}`, b!], [`${first}.`, second.replace('and on', 'They shall also cooperate on'), b!]));
    expect(rows[0]!.old.length).toBe(1);
    expect(rows[0]!.new.length).toBe(2);
    expect(showShort(rows)[1]).toBe('Each Participant shall | Each Participant shall');
  });

  it('faces an unchanged clause line for line, and an inserted one against a blank column', () => {
    const rows = facingRows([{ op: 'equal', text: 'One.\nTwo.\n\nThree.' }]);
    expect(show(rows)).toEqual(['One. | One.', 'Two. | Two.', 'Three. | Three.']);
    const inserted = facingRows([{ op: 'insert', text: 'One.\nTwo.' }]);
    expect(show(inserted)).toEqual(['- | One.', '- | Two.']);
    expect(inserted.map((row) => [holdsText(row.old), holdsText(row.new)])).toEqual([[false, true], [false, true]]);
  });

  it('keeps each side\'s text whole and in order, each row\'s pieces where they stand in the new text (property)', () => {
    fc.assert(fc.property(
      fc.shuffledSubarray(PARAGRAPHS.map((_, k) => k), { minLength: 1 }),
      fc.array(fc.integer({ min: 0, max: PARAGRAPHS.length - 1 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom('shall', 'will', 'may', 'sixty (60)', 'jointly'), { maxLength: 3 }),
      (oldOrder, newOrder, edits) => {
        const oldParagraphs = oldOrder.map((k) => PARAGRAPHS[k]!);
        const newParagraphs = newOrder.map((k, n) => (edits[n] ? PARAGRAPHS[k]!.replace(/shall|will|intend to/, edits[n]!) : PARAGRAPHS[k]!));
        const ops = words(oldParagraphs, newParagraphs);
        const rows = facingRows(ops);
        expect(sideLines(rows, 'old').filter((l) => l.trim() !== '')).toEqual(textLines(ops, 'old'));
        expect(sideLines(rows, 'new').filter((l) => l.trim() !== '')).toEqual(textLines(ops, 'new'));
        // Offsets: each piece shown on the new side stands where it says in the new text.
        const newText = ops.filter((op) => op.op !== 'delete').map((op) => op.text).join('');
        for (const row of rows) for (const line of row.new) for (const piece of line) expect(newText.slice(piece.offset, piece.offset + piece.text.length)).toBe(piece.text);
        // A paragraph kept word for word stands level with itself.
        for (const paragraph of oldParagraphs.filter((p) => newParagraphs.includes(p) && oldParagraphs.indexOf(p) === oldParagraphs.lastIndexOf(p) && newParagraphs.indexOf(p) === newParagraphs.lastIndexOf(p))) {
          const row = rows.find((r) => r.old.some((l) => lineText(l) === paragraph));
          if (row && row.old.length === 1 && row.old[0]!.every((piece) => piece.op.op === 'equal')) expect(row.new.map(lineText)).toContain(paragraph);
        }
      },
    ), { numRuns: 60 });
  });
});
