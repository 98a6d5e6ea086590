/**
 * clauseHistory: one clause through the versions of the sample dossier (the answer key is CHANGES.tsv and the
 * fixture README), and through tiny drafts for deletion and re-tabling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseHistory, clauseHistoryJson, type HistoryVersion } from '../src/compare/history.js';
import { historyText } from '../src/node/cli/history.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Draft } from '../src/model/draft.js';
import { clause, draft, ol, p } from './support/draft-builders.js';
import { SAMPLE_DOSSIER } from './support/fixture-copy.js';

const TABLED: Array<[number, string, string, string]> = [
  [1, 'EU first proposal', 'EU', '2026-01-12'],
  [2, 'US counter-proposal', 'US', '2026-02-09'],
  [3, 'Joint text after the Brussels round', 'EU', '2026-03-12'],
  [4, 'Revised text after the Greenland crisis', 'EU', '2026-04-20'],
  [5, 'Text agreed ad referendum', 'US', '2026-05-28'],
];

function sampleVersions(): HistoryVersion[] {
  const read = (file: string) => parseDraft(fs.readFileSync(path.join(SAMPLE_DOSSIER, file), 'utf8')).draft;
  return [
    ...TABLED.map(([version, label, tabledBy, date]) => ({ version, label, tabledBy, date, status: 'draft' as const, draft: read(`versions/v${version}.md`) })),
    { version: 'working' as const, label: 'working draft', tabledBy: 'EU', date: '2026-06-02', status: '' as const, draft: read('working.md') },
  ];
}

const inserted = (words: { op: string; text: string }[]) => words.filter((w) => w.op === 'insert').map((w) => w.text).join('|');
const deleted = (words: { op: string; text: string }[]) => words.filter((w) => w.op === 'delete').map((w) => w.text).join('|');
const newSide = (words: { op: string; text: string }[]) => words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
const oldSide = (words: { op: string; text: string }[]) => words.filter((w) => w.op !== 'insert').map((w) => w.text).join('');

describe('clauseHistory on the sample dossier', () => {
  const versions = sampleVersions();

  it('gives the clause in every version, with the party that tabled each change', () => {
    const h = clauseHistory(versions, 'no-export-bans');
    expect(h.entries.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 'working']);
    expect(h.entries.every((e) => e.clause !== null)).toBe(true);
    expect(h.entries[0]!.change).toBeUndefined();
    expect(h.entries[0]!.clause!.text).toContain('shall not');
    const v2 = h.entries[1]!.change!;
    expect(v2).toMatchObject({ since: 1, kind: 'edited', by: 'US' });
    expect(deleted(v2.words)).toContain('shall');
    expect(inserted(v2.words)).toContain('will');
    expect(inserted(v2.words)).toContain('fifteen (15)');
    // v4 renumbered it (Paragraph 4 → 6) and resolved the export-duties bracket (CHANGES.tsv): EU tabled v4.
    expect(h.entries[3]!.change).toMatchObject({ kind: 'edited', renumbered: true, by: 'EU' });
    expect(h.entries[3]!.clause!.label).toBe('Paragraph 6');
    expect(h.entries[5]!.change).toMatchObject({ kind: 'unchanged', renumbered: false });
  });

  it('says a renumbered clause with the same text is unchanged', () => {
    const h = clauseHistory(versions, 'stockpiling');
    const v4 = h.entries[3]!;
    expect(v4.clause!.label).toBe('Paragraph 5');
    expect(v4.change).toMatchObject({ kind: 'unchanged', renumbered: true });
    expect(v4.change!.words.every((w) => w.op === 'equal')).toBe(true);
  });

  it('says into which clause a merged clause went, and stays absent afterwards', () => {
    const h = clauseHistory(versions, 'research-mobility');
    expect(h.entries[0]!.clause).not.toBeNull();
    expect(h.entries[1]!.clause).toBeNull();
    expect(h.entries[1]!.absent).toEqual({ reason: 'merged', into: ['research'] });
    expect(h.entries[4]!.absent).toEqual({ reason: 'merged', into: ['research'] });
    const research = clauseHistory(versions, 'research');
    expect(research.entries[1]!.relation).toEqual({ kind: 'merged', from: ['research', 'research-mobility'], into: ['research'] });
  });

  it('shows a clause split off from another where it first appears, and not before', () => {
    const h = clauseHistory(versions, 'anti-dumping');
    expect(h.entries.slice(0, 3).map((e) => e.absent?.reason)).toEqual(['not-yet', 'not-yet', 'not-yet']);
    expect(h.entries[3]!.relation).toEqual({ kind: 'split', from: ['pricing'], into: ['pricing', 'anti-dumping'] });
    expect(h.entries[3]!.change).toBeUndefined();
    expect(h.entries[4]!.change).toMatchObject({ kind: 'edited', by: 'US' });
    // Where it first appears, its share of the split against #pricing's paragraphs 4 and 5: renumbered 1 and 2
    // (cosmetic), the words kept, nothing in law changed.
    const origin = h.entries[3]!.origin!;
    expect(origin.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text.trim(), w.cosmetic === true])).toEqual([
      ['delete', '4', true], ['insert', '1', true], ['delete', '5', true], ['insert', '2', true]]);
    expect(origin.words.filter((w) => w.op === 'equal').map((w) => w.text).join('')).toContain('trade defence instruments');
    expect(origin.legal).toEqual([]);
    // A clause there from the first version has no origin.
    expect(clauseHistory(versions, 'pricing').entries[0]!.origin).toBeUndefined();
  });

  it('measures a clause split in two against the text that stayed with it: what went to its sibling is not struck', () => {
    // v4 split Paragraph 9's pricing from its anti-dumping paragraphs 4 and 5, which became #anti-dumping.
    const h = clauseHistory(versions, 'pricing');
    const step = h.entries[3]!.change!;
    expect(h.entries[3]!.relation).toEqual({ kind: 'split', from: ['pricing'], into: ['pricing', 'anti-dumping'] });
    expect(step).toMatchObject({ since: 3, kind: 'edited', renumbered: true, by: 'EU' });
    expect(deleted(step.words)).not.toContain('trade defence');
    expect(step.legal).toEqual([]);
    // The redline rebuilds the clause as v4 has it, and on its old side the three paragraphs it kept.
    expect(newSide(step.words)).toBe(h.entries[3]!.clause!.text);
    const kept = h.entries[2]!.clause!.text.split('\n').slice(0, 3).join('\n');
    expect(oldSide(step.words)).toBe(kept);
    // The next step is against the clause alone again.
    expect(h.entries[4]!.change!.legal.map((l) => [l.type, l.new])).toEqual([['obligation', 'intend to']]);
  });

  it('measures a merged clause against the clauses it merged: the text merged in is not inserted, nor its obligations new', () => {
    // v2 merged research mobility into research, and the US weakened shall to will in both.
    const step = clauseHistory(versions, 'research').entries[1]!.change!;
    expect(inserted(step.words)).not.toContain('exchange of researchers');
    expect(step.legal.map((l) => `${l.old} → ${l.new} ${l.direction}`)).toEqual(Array(5).fill('shall → will weaker'));
    expect(newSide(step.words)).toBe(clauseHistory(versions, 'research').entries[1]!.clause!.text);
    // In parts: where the merged clause's text begins, a part headed by it (as parley diff heads it).
    expect(step.parts!.map((p) => p.head && [p.head.side, p.head.ref.id, p.head.ref.label])).toEqual([null, ['old', 'research-mobility', 'Paragraph 6']]);
    expect(step.parts!.map((p) => p.words.map((w) => w.text).join('').includes('exchange of researchers'))).toEqual([false, true]);
    expect(step.parts!.flatMap((p) => p.words).filter((w) => w.op !== 'delete').map((w) => w.text).join('').replace(/\n/g, ''))
      .toBe(newSide(step.words).replace(/\n/g, ''));
  });

  it('marks a deleted clause as deleted', () => {
    const h = clauseHistory(versions, 'review');
    expect(h.entries[0]!.absent?.reason).toBe('not-yet');
    expect(h.entries[1]!.clause?.title).toBe('Review');
    expect(h.entries[2]!.absent).toEqual({ reason: 'deleted', into: [] });
  });

  it('marks a cross-reference renumbered with the clause it names cosmetic, as parley diff does', () => {
    // v2 moved stockpiling from Paragraph 9 to 8, and the emergency plans' "release of stocks under Paragraph 9"
    // followed it, beside the US's shall → will.
    const step = clauseHistory(versions, 'emergency-planning').entries[1]!.change!;
    const at = step.words.findIndex((w) => w.text.endsWith('release of stocks under Paragraph '));
    expect(step.words.slice(at + 1, at + 3).map(({ op, text, cosmetic }) => [op, text, cosmetic])).toEqual([['delete', '9', true], ['insert', '8', true]]);
    expect(step.words.filter((w) => w.op === 'delete' && w.text === 'shall').every((w) => !w.cosmetic)).toBe(true);
  });

  it('gives the working draft\'s one edit', () => {
    const h = clauseHistory(versions, 'research');
    const working = h.entries[5]!.change!;
    expect(working.kind).toBe('edited');
    expect(deleted(working.words)).toBe('joint');
    expect(inserted(working.words)).toBe('coordinated');
  });
});

describe('clauseHistory on tiny drafts', () => {
  const version = (n: number, by: string, d: Draft): HistoryVersion => ({ version: n, label: `v${n}`, tabledBy: by, date: '2026-01-01', status: 'draft', draft: d });
  const a = (text: string, title = 'Scope') => clause('Article 1', title, 'scope', [ol(1, [p(text)])]);
  const other = clause('Article 2', 'Other', 'other', [p('Something else entirely here.')]);

  it('measures a re-tabled clause against where it last appeared', () => {
    const h = clauseHistory([
      version(1, 'EU', draft([a('The Parties shall cooperate.'), other])),
      version(2, 'US', draft([other])),
      version(3, 'EU', draft([a('The Parties will cooperate.'), other])),
    ], 'scope');
    expect(h.entries[1]!.absent).toEqual({ reason: 'deleted', into: [] });
    expect(h.entries[2]!.change).toMatchObject({ since: 1, kind: 'edited', by: 'EU' });
    expect(deleted(h.entries[2]!.change!.words)).toBe('shall');
  });

  it('marks a paragraph cited with its article cosmetic where both were renumbered, and not where the paragraph kept its number', () => {
    const HOLD = 'Each Participant shall hold stocks.', COVER = 'The stocks cover ninety days.';
    const stocks = (label: string, coordinate: boolean) => clause(label, 'Stockpiles', 'stocks',
      coordinate ? [ol(1, [p('The Participants intend to coordinate.')], [p(HOLD)], [p(COVER)])] : [ol(1, [p(HOLD)], [p(COVER)])]);
    const research = clause('Article 2', 'Research', 'research', [p('The Participants intend to fund joint research.')]);
    const history = (coordinate: boolean) => clauseHistory([
      version(1, 'EU', draft([a('The stocks are held as set out in paragraph 2 of Article 2. The Parties shall consult.'), stocks('Article 2', false)])),
      version(2, 'US', draft([a('The stocks are held as set out in paragraph 3 of Article 3. The Parties will consult.'), research, stocks('Article 3', coordinate)])),
    ], 'scope').entries[1]!.change!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);
    expect(history(true)).toEqual([['delete', '2', true], ['insert', '3', true], ['delete', '2', true], ['insert', '3', true], ['delete', 'shall', false], ['insert', 'will', false]]);
    expect(history(false).slice(0, 4)).toEqual([['delete', '2', false], ['insert', '3', false], ['delete', '2', true], ['insert', '3', true]]);
  });

  it('marks a footnote mark renumbered with its note cosmetic, and one whose note changed not', () => {
    const LABOUR = 'For purposes of this Memorandum, labour rights include those in the ILO Declaration.';
    const notes = (...list: string[]) => clause('', 'Notes', 'notes', list.map((n) => p(n)));
    const h = clauseHistory([
      version(1, 'EU', draft([a('The Participants shall protect labour rights.[1] They shall screen investments.[2]'), notes(`[1] ${LABOUR}`, '[2] Investment covers equity.')])),
      // A note put in first renumbers both; the investment note also changed its words.
      version(2, 'US', draft([a('The Participants will protect labour rights.[2] They shall screen investments.[3]'),
        notes('[1] Intellectual property covers trade secrets.', `[2] ${LABOUR}`, '[3] Investment covers equity and loans.')])),
    ], 'scope');
    const changed = h.entries[1]!.change!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.cosmetic === true]);
    expect(changed).toEqual([['delete', 'shall', false], ['insert', 'will', false], ['delete', '[1]', true], ['insert', '[2]', true], ['delete', '[2]', false], ['insert', '[3]', false]]);
  });

  it('redlines a clause made by merging two, where it first appears, against them, the second one\'s text under its heading', () => {
    const COOPERATE = 'The Participants shall cooperate closely on the exploration, extraction and refining of critical minerals in their territories.';
    const EXCHANGE = 'The Participants shall exchange information on investigations concerning dumped imports of rare earths from third countries.';
    const h = clauseHistory([
      version(1, 'EU', draft([clause('Article 1', 'Cooperation', 'cooperation', [p(COOPERATE)]), clause('Article 2', 'Information', 'exchange', [p(EXCHANGE)]), other])),
      version(2, 'US', draft([clause('Article 1', 'Cooperation and information', 'joint', [ol(1, [p(COOPERATE)], [p(EXCHANGE.replace('shall', 'will'))])]), other])),
    ], 'joint');
    expect(h.entries[1]!.relation).toEqual({ kind: 'merged', from: ['cooperation', 'exchange'], into: ['joint'] });
    const origin = h.entries[1]!.origin!;
    expect(origin.legal.map((l) => `${l.old} → ${l.new}`)).toEqual(['shall → will']);
    // The merged clause has an id of its own: its first part is headed by the clause it was too (were it #cooperation's
    // id, that part would go unheaded, the clause's own text).
    expect(origin.parts!.map((part) => part.head && [part.head.side, part.head.ref.id])).toEqual([['old', 'cooperation'], ['old', 'exchange']]);
    expect(origin.parts![1]!.words.map((w) => w.text).join('')).toContain('exchange information');
    expect(origin.parts![0]!.words.map((w) => w.text).join('')).not.toContain('exchange information');
    // So in the JSON, and in parley history's text, under a line naming the clause merged in.
    expect(clauseHistoryJson(h).versions[1]!.origin!.parts!.map((part) => part.head?.ref.id ?? null)).toEqual(['cooperation', 'exchange']);
    expect(historyText(h).join('\n')).toContain('  first appears here, against #cooperation, #exchange, merged into it:\n    obligation: shall → will (weaker)\n    ── was Article 1 — Cooperation ──\n');
    expect(historyText(h).join('\n')).toContain('\n    ── was Article 2 — Information ──\n    {+2. +}The Participants [-shall-]{+will+} exchange');
    // Keeping the first clause's id, the merged clause's first part is its own text: no heading.
    const kept = clauseHistory([
      version(1, 'EU', draft([clause('Article 1', 'Cooperation', 'cooperation', [p(COOPERATE)]), clause('Article 2', 'Information', 'exchange', [p(EXCHANGE)]), other])),
      version(2, 'US', draft([clause('Article 1', 'Cooperation and information', 'cooperation', [ol(1, [p(COOPERATE)], [p(EXCHANGE.replace('shall', 'will'))])]), other])),
    ], 'cooperation');
    expect(kept.entries[1]!.change!.parts!.map((part) => part.head?.ref.id ?? null)).toEqual([null, 'exchange']);
  });

  it('lists against a split clause only what changed in law in its own share, where each share changed its obligation', () => {
    const COOPERATE = 'The Participants shall cooperate closely on the exploration, extraction and refining of critical minerals in their territories.';
    const EXCHANGE = 'The Participants shall exchange information on investigations concerning dumped imports of rare earths from third countries.';
    const h = clauseHistory([
      version(1, 'EU', draft([clause('Article 1', 'Cooperation', 'scope', [ol(1, [p(COOPERATE)], [p(EXCHANGE)])]), other])),
      version(2, 'US', draft([
        clause('Article 1', 'Cooperation', 'scope', [p(COOPERATE.replace('shall', 'will'))]),
        clause('Article 2', 'Information', 'exchange', [p(EXCHANGE.replace('shall', 'may'))]),
        other,
      ])),
    ], 'scope');
    expect(h.entries[1]!.relation).toEqual({ kind: 'split', from: ['scope'], into: ['scope', 'exchange'] });
    const step = h.entries[1]!.change!;
    expect(step.legal.map((l) => `${l.old} → ${l.new}`)).toEqual(['shall → will']);
    expect(deleted(step.words)).not.toContain('exchange information');
    expect(newSide(step.words)).toBe(h.entries[1]!.clause!.text);
  });

  it('redlines a title change separately from the text', () => {
    const h = clauseHistory([
      version(1, 'EU', draft([a('Text stays.')])),
      version(2, 'US', draft([a('Text stays.', 'Scope of application')])),
    ], 'scope');
    const step = h.entries[1]!.change!;
    expect(step.kind).toBe('edited');
    expect(step.words.every((w) => w.op === 'equal')).toBe(true);
    expect(inserted(step.titleWords!)).toContain('of application');
  });
});
