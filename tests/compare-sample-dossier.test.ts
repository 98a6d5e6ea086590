/**
 * The comparison engine against the sample negotiation's answer key (fixtures/rare-earths-mou/CHANGES.tsv):
 * every consecutive pair of versions, every clause's kind, move and renumbering — and the legal findings the
 * story is about ("shall" → "will", thirty → sixty days).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { ComparisonJson } from '../src/compare/contract.js';
import { parseDraft } from '../src/format/markdown.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/rare-earths-mou');
const read = (v: number) => parseDraft(fs.readFileSync(path.join(dir, v === 6 ? 'working.md' : `versions/v${v}.md`), 'utf8')).draft;

interface Row { from: number; to: number; oldId: string; newId: string; kind: string; moved: boolean; renumbered: boolean }
const rows: Row[] = fs.readFileSync(path.join(dir, 'CHANGES.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [from, to, oldId, newId, kind, moved, renumbered] = line.split('\t');
  return { from: Number(from), to: Number(to), oldId: oldId!, newId: newId!, kind: kind!, moved: moved === 'yes', renumbered: renumbered === 'yes' };
});

/** The comparison as answer-key rows: one per (old id, new id) pair. */
function asRows(c: ComparisonJson): string[] {
  const out: string[] = [];
  for (const change of c.changes) {
    const olds = change.old.length ? change.old : [null];
    const news = change.new.length ? change.new : [null];
    for (const o of olds) for (const n of news) {
      // A split or merge is one change; the key lists its parts, and marks renumbering per part.
      const renumbered = change.kind === 'split' || change.kind === 'merged' ? '*' : String(change.renumbered);
      out.push(`${o?.id ?? ''} → ${n?.id ?? ''} ${change.kind} moved=${change.moved} renumbered=${renumbered}`);
    }
  }
  return out.sort();
}

describe('comparing the sample negotiation', () => {
  for (const [from, to] of [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]] as const) {
    it(`v${from} → v${to} matches the answer key`, () => {
      const c = compareDrafts(read(from), read(to), { ids: 'always' });
      const expected = rows.filter((r) => r.from === from && r.to === to).map((r) => {
        const renumbered = r.kind === 'split' || r.kind === 'merged' ? '*' : String(r.renumbered);
        return `${r.oldId} → ${r.newId} ${r.kind} moved=${r.moved} renumbered=${renumbered}`;
      }).sort();
      expect(asRows(c)).toEqual(expected);
    });
  }

  it('aligns by content when ids are not trusted, with the same result for v3 → v4', () => {
    const byId = asRows(compareDrafts(read(3), read(4), { ids: 'always' }));
    const byContent = asRows(compareDrafts(read(3), read(4), { ids: 'never' }));
    expect(byContent).toEqual(byId);
  });

  it('finds "shall" → "will" as a weakening and thirty → sixty days as a figure (v1 → v2)', () => {
    const c = compareDrafts(read(1), read(2), { ids: 'always' });
    const supply = c.changes.find((x) => x.new[0]?.id === 'supply-chains')!;
    expect(supply.legal).toContainEqual({ type: 'obligation', old: 'shall', new: 'will', direction: 'weaker' });
    expect(supply.legal).toContainEqual(expect.objectContaining({ type: 'figure', old: expect.stringContaining('thirty (30)'), new: expect.stringContaining('sixty (60)') }));
    // The redline reads back into both texts.
    const oldText = supply.words.filter((w) => w.op !== 'insert').map((w) => w.text).join('');
    const newText = supply.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
    expect(oldText).toContain('within thirty (30) days');
    expect(newText).toContain('within sixty (60) days');
    expect(supply.words.some((w) => w.op === 'delete' && /thirty \(30\)/.test(w.text))).toBe(true);
  });

  it('strikes a dropped list item without striking and re-inserting the space after it (v1 → v2, pricing)', () => {
    const c = compareDrafts(read(1), read(2), { ids: 'always' });
    const pricing = c.changes.find((x) => x.new[0]?.id === 'pricing')!;
    const at = pricing.words.findIndex((w) => w.op === 'delete' && w.text.includes('price floors'));
    expect(pricing.words[at]!.text).toBe(', price floors for designated materials');
    expect(pricing.words[at - 1]).toMatchObject({ op: 'equal', text: expect.stringMatching(/reference prices$/) });
    expect(pricing.words[at + 1]).toMatchObject({ op: 'equal', text: expect.stringMatching(/^ and long-term/) });
  });

  it('keeps the JSON contract: keys, counts and reading order of the new draft', () => {
    const c = compareDrafts(read(3), read(4), { ids: 'always' });
    expect(Object.keys(c)).toEqual(['old', 'new', 'summary', 'changes']);
    expect(Object.keys(c.summary)).toEqual(['unchanged', 'edited', 'inserted', 'deleted', 'split', 'merged', 'moved', 'renumbered']);
    expect(c.old).toEqual({ title: expect.stringContaining('Critical Minerals'), label: 'Joint text after the Brussels round', clauses: 13 });
    expect(c.new.clauses).toBe(15);
    for (const change of c.changes) {
      expect(Object.keys(change).slice(0, 9)).toEqual(['kind', 'moved', 'renumbered', 'old', 'new', 'similarity', 'provisions', 'legal', 'words']);
    }
    const newOrder = c.changes.flatMap((x) => x.new.map((n) => n.id));
    expect(newOrder).toEqual(read(4).clauses.map((x) => x.id));
    expect(c.summary.split).toBe(1);
    expect(c.summary.moved).toBe(1);
    expect(c.summary.inserted).toBe(1);
  });
});
