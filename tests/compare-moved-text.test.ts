/**
 * Text moved within a clause (moved-text.ts): a sentence struck in one place and put in, word for word, in another
 * reads as moved in the redline and adds nothing in law; one reworded on the way reads as moved with its changed
 * words plain, and only those in law; a short phrase, a change in place and unrelated sentences stay as the word
 * diff reads them.
 */
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { markMovedText } from '../src/compare/moved-text.js';
import type { WordOp } from '../src/compare/words.js';
import { textRedline } from '../src/export/text-redline.js';
import { importDraft } from '../src/format/import-text.js';

const COORDINATE = 'The Participants shall coordinate the building up of their strategic stocks of critical minerals.';
const INFORM = 'They shall inform each other of any planned release of stocks that is likely to affect the market.';
const CONTACT = 'Each Participant shall designate a contact point for stockpiling matters within 30 days.';

function compare(oldParagraphs: readonly string[], newParagraphs: readonly string[]) {
  const draft = (paragraphs: readonly string[]) => importDraft(`## Article 1\n### Stockpiles\n\n${paragraphs.map((p, k) => `${k + 1}. ${p}`).join('\n\n')}\n`).draft;
  return compareDrafts(draft(oldParagraphs), draft(newParagraphs));
}

const changesOf = (c: ReturnType<typeof compare>) => c.changes[0]!.words.filter((w) => w.op !== 'equal');

describe('moved text', () => {
  it('marks a sentence moved within its paragraph at both ends, and reads nothing in law into it', () => {
    const c = compare([`${COORDINATE} ${INFORM} ${CONTACT}`], [`${COORDINATE} ${CONTACT} ${INFORM}`]);
    const changes = changesOf(c);
    expect(changes.length).toBe(2);
    expect(changes.every((w) => w.moved)).toBe(true);
    expect(changes.map((w) => w.text.replace(/^[\s.]+|[\s.]+$/g, ''))).toEqual([CONTACT.slice(0, -1), CONTACT.slice(0, -1)]);
    // Before: "shall → —", "— → shall" and "within 30 days" removed and added.
    expect(c.changes[0]!.legal).toEqual([]);
    expect(textRedline(c)).toContain(`{~${CONTACT} ~}`);
  });

  it('marks a sentence moved from one paragraph to another of its clause, and still reads what changed beside it', () => {
    const c = compare([`${COORDINATE} ${CONTACT}`, INFORM], [COORDINATE, `${INFORM.replace('shall', 'will')} ${CONTACT}`]);
    const moved = changesOf(c).filter((w) => w.moved);
    expect(moved.map((w) => w.op).sort()).toEqual(['delete', 'insert']);
    expect(c.changes[0]!.legal.map((l) => [l.type, l.old, l.new, l.direction])).toEqual([['obligation', 'shall', 'will', 'weaker']]);
  });

  it('leaves a short phrase as the word diff reads it', () => {
    const short = compare(['The Participants will meet in Brussels and in Washington.'], ['The Participants will meet in Washington and in Brussels.']);
    expect(changesOf(short).some((w) => w.moved)).toBe(false);
  });

  it('marks a sentence moved and reworded on the way: its kept words moved, its changed words plain, read in law against itself', () => {
    const oldText = `${COORDINATE} ${INFORM} ${CONTACT}`;
    const newText = `${COORDINATE} ${CONTACT.replace('shall', 'will').replace('30', '60')} ${INFORM}`;
    const c = compare([oldText], [newText]);
    const words = c.changes[0]!.words;
    // The words still rebuild both texts.
    expect(words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe(`1. ${oldText}`);
    expect(words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(`1. ${newText}`);
    const plain = changesOf(c).filter((w) => !w.moved).map((w) => `${w.op} ${w.text.trim()}`).filter((w) => !/^\w+ [.\s]*$/.test(w));
    // In reading order: the sentence now stands before the one it followed.
    expect(plain).toEqual(['insert will', 'insert 60', 'delete shall', 'delete 30']);
    expect(changesOf(c).filter((w) => w.moved).map((w) => w.op)).toEqual(['insert', 'insert', 'insert', 'delete', 'delete', 'delete']);
    // Before: "shall → —", "— → will", "within 30 days → —", "— → within 60 days".
    expect(c.changes[0]!.legal.map((l) => [l.type, l.old, l.new, l.direction])).toEqual([['obligation', 'shall', 'will', 'weaker'], ['figure', 'within 30 days', 'within 60 days', undefined]]);
    expect(textRedline(c)).toContain('{~Each Participant ~}{+will+}{~ designate a contact point for stockpiling matters within ~}{+60+}');
  });

  it('reads words put in around a reworded move with the change they stand in, not as the move\'s', () => {
    const phrase = 'in a manner that does not create an additional burden';
    const ops: WordOp[] = [
      { op: 'equal', text: 'The communication referred to ' },
      { op: 'delete', text: 'above, shall' },
      { op: 'insert', text: `in this Article, ${phrase} on developing country Parties, may` },
      { op: 'equal', text: ' be submitted as a component of a national plan' },
      { op: 'delete', text: `, ${phrase} to developing country Parties` },
      { op: 'equal', text: '.' },
    ];
    const { ops: marked, moves } = markMovedText(ops);
    const oldText = ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
    const newText = ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
    expect(marked.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(oldText);
    expect(marked.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(newText);
    expect(moves).toHaveLength(1);
    // The move: from its first kept word to its last on each side; "in this Article," and ", may" are not in it.
    const span = (text: string, m: { start: number; end: number }) => text.slice(m.start, m.end);
    expect(span(newText, moves[0]!.new[0]!)).toBe(`, ${phrase} on developing country Parties`);
    expect(span(oldText, moves[0]!.old[0]!)).toBe(`, ${phrase} to developing country Parties`);
    expect(marked.filter((o) => o.op === 'insert' && !o.moved).map((o) => o.text)).toEqual(['in this Article', 'on', ', may']);
  });

  it('takes a sentence moved with the same words in another order for one reworded too', () => {
    const reordered = 'Within 30 days each Participant shall designate a contact point for stockpiling matters.';
    const c = compare([`${COORDINATE} ${INFORM} ${CONTACT}`], [`${COORDINATE} ${reordered} ${INFORM}`]);
    expect(changesOf(c).filter((w) => w.moved).map((w) => w.op)).toContain('delete');
    expect(changesOf(c).filter((w) => w.moved).map((w) => w.op)).toContain('insert');
    // Read against each other, the obligation is the same (before: "shall → —" and "— → shall"); the time limit,
    // which moved inside the sentence too, reads as the diff of the two sentences has it.
    expect(c.changes[0]!.legal.filter((l) => l.type === 'obligation')).toEqual([]);
  });

  it('does not take two different sentences that share a few words for one reworded', () => {
    const other = 'Each Participant shall publish an annual report on its strategic stocks of rare earths.';
    const c = compare([`${COORDINATE} ${INFORM} ${CONTACT}`], [`${COORDINATE} ${other} ${INFORM}`]);
    expect(changesOf(c).some((w) => w.moved)).toBe(false);
  });

  it('pairs a struck and an inserted text only across text both keep, the k-th of the same words with the k-th', () => {
    const sentence = 'Each Participant shall designate a contact point for stockpiling matters';
    // Side by side, one change: punctuation changed in place, no move.
    const inPlace: WordOp[] = [{ op: 'equal', text: 'Intro. ' }, { op: 'delete', text: `${sentence}.` }, { op: 'insert', text: `${sentence};` }, { op: 'equal', text: ' End.' }];
    expect(markMovedText(inPlace).moves).toEqual([]);
    expect(markMovedText(inPlace).ops).toBe(inPlace);
    // Twice struck, twice put in elsewhere: first with first, second with second.
    const twice: WordOp[] = [
      { op: 'delete', text: `${sentence}. ` }, { op: 'equal', text: 'A. ' }, { op: 'delete', text: `${sentence}. ` }, { op: 'equal', text: 'B. ' },
      { op: 'insert', text: `${sentence}. ` }, { op: 'equal', text: 'C.' }, { op: 'insert', text: ` ${sentence}.` },
    ];
    const { ops, moves } = markMovedText(twice);
    expect(ops.map((o) => o.moved === true)).toEqual([true, false, true, false, true, false, true]);
    const length = sentence.length + 2;
    expect(moves).toEqual([
      { old: [{ start: 0, end: length }], new: [{ start: 6, end: 6 + length }] },
      { old: [{ start: length + 3, end: 2 * length + 3 }], new: [{ start: 6 + length + 2, end: 6 + 2 * length + 2 }] },
    ]);
    // A cosmetic or already moved op is left alone.
    expect(markMovedText(twice.map((o) => (o.op === 'insert' ? { ...o, cosmetic: true } : o))).moves).toEqual([]);
  });
});
