/**
 * Provisions split and merged inside an aligned clause pair ("Align provisions … the same way" as clauses):
 * a paragraph cut in two reads as one split, two paragraphs joined as one merge, and an edited paragraph next
 * to a new, unrelated one stays an edit and an insertion.
 */
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { alignProvisions } from '../src/compare/provisions-align.js';
import type { ProvisionChangeJson } from '../src/compare/contract.js';
import { textRedline } from '../src/export/text-redline.js';
import { parseDraft } from '../src/format/markdown.js';

const RISKS =
  'The Participants shall share information on supply risks, including disruptions of trade routes, export restrictions imposed by third countries and sudden changes in the prices of processed minerals';
const CONSULT = 'shall consult each other within thirty days of a request by either Participant on measures to mitigate such risks';

function draft(paragraphs: string[]): string {
  const body = paragraphs.map((p, k) => `${k + 1}. ${p}`).join('\n\n');
  return `---\ntitle: Memorandum on critical minerals\n---\n\n## Article 5 — Information sharing on supply risks\n\n${body}\n`;
}

const FIRST = 'The Participants intend to cooperate on securing supply chains for critical minerals and rare earth elements.';
const LAST = 'Each Participant shall maintain a stockpile of critical minerals sufficient for ninety days of consumption.';
const WHOLE = [FIRST, `${RISKS}, and ${CONSULT}.`, LAST];
const CUT = [FIRST, `${RISKS}.`, `The Participants ${CONSULT}.`, LAST];

function provisionsOf(oldParagraphs: string[], newParagraphs: string[]): { provisions: ProvisionChangeJson[]; text: string } {
  const result = compareDrafts(parseDraft(draft(oldParagraphs)).draft, parseDraft(draft(newParagraphs)).draft);
  const article = result.changes.find((c) => c.new[0]?.label === 'Article 5' || c.old[0]?.label === 'Article 5')!;
  return { provisions: article.provisions.map((p) => ({ ...p, similarity: 0 })), text: textRedline(result) };
}

describe('provision splits and merges', () => {
  it('reads a paragraph cut in two as one split, and renumbers what follows', () => {
    const { provisions, text } = provisionsOf(WHOLE, CUT);
    expect(provisions.map((p) => [p.kind, p.old, p.new, p.renumbered])).toEqual([
      ['unchanged', '1', '1', false],
      ['split', '2', '2', false],
      ['split', '2', '3', true],
      ['unchanged', '3', '4', true],
    ]);
    expect(text).toContain('provisions: ¶2→2+3 split; ¶3→4 unchanged');
  });

  it('reads two paragraphs joined as one merge', () => {
    const { provisions, text } = provisionsOf(CUT, WHOLE);
    expect(provisions.map((p) => [p.kind, p.old, p.new])).toEqual([
      ['unchanged', '1', '1'],
      ['merged', '2', '2'],
      ['merged', '3', '2'],
      ['unchanged', '4', '3'],
    ]);
    expect(text).toContain('provisions: ¶2+3→2 merged; ¶4→3 unchanged');
  });

  it('reports the coverage of the whole as the similarity of each part', () => {
    const result = compareDrafts(parseDraft(draft(WHOLE)).draft, parseDraft(draft(CUT)).draft);
    const parts = result.changes.flatMap((c) => c.provisions).filter((p) => p.kind === 'split');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.similarity).toBe(parts[1]!.similarity);
    expect(parts[0]!.similarity).toBeGreaterThan(0.5);
    expect(parts[0]!.similarity).toBeLessThanOrEqual(1);
  });

  it('keeps an edited paragraph and a new unrelated one as an edit and an insertion', () => {
    const edited = [FIRST, `${RISKS}, and ${CONSULT.replace('thirty', 'sixty')}.`, 'The Participants shall establish a joint fund for investment in mining and refining projects in third countries.', LAST];
    const { provisions } = provisionsOf(WHOLE, edited);
    expect(provisions.map((p) => [p.kind, p.old, p.new])).toEqual([
      ['unchanged', '1', '1'],
      ['edited', '2', '2'],
      ['inserted', null, '3'],
      ['unchanged', '3', '4'],
    ]);
  });

  it('keeps a shortened paragraph and a new unrelated one after it as an edit and an insertion', () => {
    const shortened = [FIRST, `${RISKS}.`, 'The Participants shall establish a joint fund for investment in mining and refining projects in third countries.', LAST];
    const { provisions } = provisionsOf(WHOLE, shortened);
    expect(provisions.map((p) => [p.kind, p.old, p.new])).toEqual([
      ['unchanged', '1', '1'],
      ['edited', '2', '2'],
      ['inserted', null, '3'],
      ['unchanged', '3', '4'],
    ]);
  });

  it('writes the parts of one split as one note, and two splits of equally labelled provisions as two', () => {
    const entry = (kind: ProvisionChangeJson['kind'], old: string | null, now: string | null, group?: number): ProvisionChangeJson =>
      ({ kind, moved: false, renumbered: old !== now, old, new: now, similarity: 0.9, ...(group === undefined ? {} : { group }) });
    const ref = { id: 'a3', label: 'Article 3', title: 'Mitigation', path: [] };
    const text = textRedline({
      old: { title: 'v2', label: 'v2', clauses: 1 },
      new: { title: 'v3', label: 'v3', clauses: 1 },
      summary: { unchanged: 0, edited: 1, inserted: 0, deleted: 0, split: 0, merged: 0, moved: 0, renumbered: 0 },
      changes: [{
        kind: 'edited', moved: false, renumbered: false, old: [ref], new: [ref], similarity: 0.8, legal: [], words: [],
        provisions: [
          entry('split', '13', '13', 1), entry('inserted', null, '14'), entry('split', '13', '15', 1),
          // Two points "(a)" under two chapeaux, each split in two; and two unnumbered paragraphs, each split.
          entry('split', '(a)', '(a)', 2), entry('split', '(a)', '(b)', 2), entry('split', '(a)', '(a)', 3), entry('split', '(a)', '(b)', 3),
          entry('split', null, null, 4), entry('split', null, null, 4), entry('split', null, null, 5), entry('split', null, null, 5),
        ],
      }],
    });
    expect(text).toContain('provisions: ¶13→13+15 split; ¶14 inserted; (a)→(a)+(b) split, twice; ¶→¶+¶ split, twice');
  });

  it('numbers the entries of each split, and reports a deletion after all the parts of the split before it', () => {
    const third = 'Each Participant shall maintain a stockpile of rare earth magnets sufficient for sixty days of consumption.';
    const { provisions } = provisionsOf([...WHOLE, third], CUT);
    expect(provisions.map((p) => [p.kind, p.old, p.new, p.group])).toEqual([
      ['unchanged', '1', '1', undefined],
      ['split', '2', '2', 1],
      ['split', '2', '3', 1],
      ['unchanged', '3', '4', undefined],
      ['deleted', '4', null, undefined],
    ]);
    const cutInTheMiddle = [FIRST, `${RISKS}.`, `The Participants ${CONSULT}.`];
    const alone = provisionsOf([FIRST, WHOLE[1]!, LAST], cutInTheMiddle).provisions;
    expect(alone.map((p) => [p.kind, p.old, p.new])).toEqual([
      ['unchanged', '1', '1'],
      ['split', '2', '2'],
      ['split', '2', '3'],
      ['deleted', '3', null],
    ]);
  });

  it('lets go of a part that brings nothing of its own, and keeps the split of the others', () => {
    const echo = 'Such information on supply risks, including disruptions of trade routes, shall be confidential.';
    const { provisions } = provisionsOf(WHOLE, [FIRST, `${RISKS}.`, `The Participants ${CONSULT}.`, echo, LAST]);
    expect(provisions.map((p) => [p.kind, p.old, p.new])).toEqual([
      ['unchanged', '1', '1'],
      ['split', '2', '2'],
      ['split', '2', '3'],
      ['inserted', null, '4'],
      ['unchanged', '3', '5'],
    ]);
  });

  it('does not read an edited lead-in as part of the point after it, in formulaic drafts too', () => {
    // The lead-in's one phrase ("may, upon request") recurs in its first point: it lies partly inside that
    // point, but brings nothing of its own to it. With the background of a formulaic draft (0.2) the lead-ins
    // are too short to pair by similarity; they stay a deletion and an insertion, and the point an edit.
    const clause = (lead: string, first: string) => parseDraft(`## Article 254\n\n1. ${lead}\n\n    (a) ${first}\n\n    (b) The arbitral tribunal shall progressively reduce state-owned enterprises and designated monopolies.\n`).draft.clauses[0]!;
    const before = clause('The complaining Party may, upon request:', 'A service supplier of the other Party may, upon request, administer the transparency of its regulatory processes;');
    const after = clause('The complaining Parties may, upon request:', 'A service supplier of the other Party may, upon request, administer the transparency of regulatory processes;');
    const kinds = alignProvisions([before], [after], 0.2).map((p) => p.kind);
    expect(kinds).not.toContain('merged');
    expect(kinds).not.toContain('split');
    expect(kinds.filter((k) => k === 'edited' || k === 'unchanged')).toHaveLength(2);
  });
});
