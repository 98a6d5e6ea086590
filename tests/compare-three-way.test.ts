/**
 * threeWay: two versions against their base, clause by clause, on tiny drafts (one case per status) and on
 * the sample dossier (v3 as base, v4 and v5 as the two sides; CHANGES.tsv says what each did).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threeWay, type ThreeWayEntry } from '../src/compare/three-way.js';
import { threeWayText } from '../src/node/cli/three-way.js';
import { parseDraft } from '../src/format/markdown.js';
import { clause, draft, ol, p } from './support/draft-builders.js';
import { SAMPLE_DOSSIER } from './support/fixture-copy.js';

const art = (n: number, id: string, text: string, title = id) => clause(`Article ${n}`, title, id, [p(text)]);
const statusOf = (entries: ThreeWayEntry[]) => Object.fromEntries(entries.map((e) => [e.id, e.status]));

describe('threeWay on tiny drafts', () => {
  const base = draft([
    art(1, 'a', 'Alpha stays as it is.'),
    art(2, 'b', 'Bravo the first side edits.'),
    art(3, 'c', 'Charlie the second side edits.'),
    art(4, 'd', 'Delta both edit alike.'),
    art(5, 'e', 'Echo both edit differently.'),
    art(6, 'f', 'Foxtrot the first deletes, the second edits.'),
    art(7, 'g', 'Golf both delete.'),
  ]);
  const first = draft([
    art(1, 'a', 'Alpha stays as it is.'),
    art(2, 'new1', 'A clause only the first side inserts.'),
    art(3, 'b', 'Bravo the first side has edited.'),
    art(4, 'c', 'Charlie the second side edits.'),
    art(5, 'd', 'Delta both have edited alike.'),
    art(6, 'e', 'Echo both edit, the first this way.'),
  ]);
  const second = draft([
    art(1, 'a', 'Alpha stays as it is.'),
    art(2, 'b', 'Bravo the first side edits.'),
    art(3, 'c', 'Charlie the second side has edited.'),
    art(4, 'd', 'Delta both have edited alike.'),
    art(5, 'e', 'Echo both edit, the second that way.'),
    art(6, 'f', 'Foxtrot the first deletes, the second has edited.'),
    art(7, 'new2', 'A clause only the second side inserts.'),
  ]);
  const result = threeWay(base, first, second);

  it('classifies every clause, insertions and deletions included', () => {
    expect(statusOf(result.entries)).toEqual({
      a: 'unchanged', new1: 'first-only', b: 'first-only', c: 'second-only', d: 'both-same',
      e: 'conflict', f: 'conflict', g: 'both-same', new2: 'second-only',
    });
    expect(result.summary).toEqual({ unchanged: 1, 'first-only': 2, 'second-only': 2, 'both-same': 2, conflict: 2 });
  });

  it('reads in the first side\'s order, with the others\' clauses where they stood', () => {
    expect(result.entries.map((e) => e.id)).toEqual(['a', 'new1', 'b', 'c', 'd', 'e', 'f', 'g', 'new2']);
  });

  it('gives each side\'s redline against the base, and the two sides against each other in a conflict', () => {
    const e = result.entries.find((x) => x.id === 'e')!;
    expect(e.firstChange.change).toBe('edited');
    expect(e.firstChange.words.filter((w) => w.op === 'insert').map((w) => w.text).join('')).toContain('first this way');
    expect(e.between!.filter((w) => w.op === 'insert').map((w) => w.text).join('')).toContain('second that');
    const f = result.entries.find((x) => x.id === 'f')!;
    expect([f.firstChange.change, f.secondChange.change]).toEqual(['deleted', 'edited']);
    expect(f.between).toBeUndefined();
    expect(result.entries.find((x) => x.id === 'new1')!.firstChange).toEqual({ change: 'inserted', words: [{ op: 'insert', text: 'A clause only the first side inserts.' }], legal: [] });
  });

  it('does not count renumbering as a change', () => {
    const renumbered = draft([art(9, 'a', 'Alpha stays as it is.')]);
    const r = threeWay(draft([art(1, 'a', 'Alpha stays as it is.')]), renumbered, renumbered);
    expect(r.entries[0]!.status).toBe('unchanged');
  });

  it('tells of the title block (the text before the first clause) apart from the clauses, where a side changed it', () => {
    const withFront = (text: string) => ({ ...draft([art(1, 'a', 'Alpha stays as it is.')]), front: [p(text)] });
    const eu = withFront('between the European Union and the United States of America');
    const japan = withFront('between the European Union and Japan');
    const states = withFront('between the European Union, its Member States and the United States of America');
    const r = threeWay(eu, japan, states);
    expect(r.front?.status).toBe('conflict');
    expect(r.front?.id).toBe('');
    expect(r.front?.firstChange.legal).toContainEqual({ type: 'party', old: 'United States of America', new: 'Japan' });
    expect(r.front?.secondChange.words.filter((w) => w.op === 'insert').map((w) => w.text)).toEqual([', its Member States']);
    // No clause counted for it, and no title block entry where no side changed it.
    expect(r.summary).toEqual({ unchanged: 1, 'first-only': 0, 'second-only': 0, 'both-same': 0, conflict: 0 });
    expect(threeWay(eu, eu, japan).front?.status).toBe('second-only');
    expect(threeWay(eu, eu, eu).front).toBeUndefined();
    expect(threeWay(draft([art(1, 'a', 'Alpha.')]), draft([art(1, 'a', 'Alpha.')]), draft([art(1, 'a', 'Alpha.')])).front).toBeUndefined();
  });

  it('says of a conflict whether the sides changed a row of the base in common, or only different rows', () => {
    const rows = ['| HS code | Rate |', '|---|---|', '| 2805.30 | 5% |', '| 2846.10 | 3% |', '| 2846.90 | 4% |'];
    const schedule = (lines: string[]) => draft([clause('Article 1', 'Rates', 'a', [p('The rates are these.'), p(lines.join('\n'))])]);
    const base = schedule(rows);
    const withRate = (k: number, rate: string) => schedule(rows.map((r, i) => (i === k ? r.replace(/\d+%/, rate) : r)));
    // One side changed the cerium rate, the other another row: both changes can stand.
    const apart = threeWay(base, withRate(3, '2%'), withRate(4, '6%')).entries[0]!;
    expect([apart.status, apart.overlap]).toEqual(['conflict', false]);
    // Both changed the cerium rate, differently: a choice to make.
    const same = threeWay(base, withRate(3, '2%'), withRate(3, '1%')).entries[0]!;
    expect([same.status, same.overlap]).toEqual(['conflict', true]);
    // One side's words inserted at the end of a row the other changed: the same line.
    const appended = schedule(rows.map((r, i) => (i === 3 ? `${r.slice(0, -1)}ad valorem |` : r)));
    expect(threeWay(base, withRate(3, '2%'), appended).entries[0]!.overlap).toBe(true);
    // A paragraph edited on one side, a row on the other.
    const prose = draft([clause('Article 1', 'Rates', 'a', [p('The rates are the following.'), p(rows.join('\n'))])]);
    expect(threeWay(base, prose, withRate(2, '0%')).entries[0]!.overlap).toBe(false);
    // Not a conflict: no overlap to tell.
    expect(threeWay(base, withRate(3, '2%'), base).entries[0]!.overlap).toBeUndefined();
    // The terminal says which kind of conflict it is.
    const version = (n: number, d: typeof base) => ({ version: n, label: '', tabledBy: 'EU', date: '2026-11-28', status: 'draft' as const, draft: d });
    const text = threeWayText(threeWay(base, withRate(3, '2%'), withRate(4, '6%')), version(1, base), version(2, base), version(3, base), { changedOnly: true, color: false }).join('\n');
    expect(text).toContain('Article 1 — Rates  #a  — CONFLICT: changed by both, differently (in different sentences or rows: the two changes do not overlap)');
    expect(threeWayText(threeWay(base, withRate(3, '2%'), withRate(3, '1%')), version(1, base), version(2, base), version(3, base), { changedOnly: true, color: false }).join('\n'))
      .toContain('#a  — CONFLICT: changed by both, differently\n');
  });

  it('says of a conflict in one paragraph whether the sides changed a sentence in common, or only different sentences', () => {
    const text = 'The U.S. Government shall review the stockpile every year. The Participants will share information on supply risks. Each Participant may designate a contact point.';
    const one = (t: string) => draft([art(1, 'a', t)]);
    const base = one(text);
    const overlap = (first: string, second: string) => {
      const e = threeWay(base, one(first), one(second)).entries[0]!;
      expect(e.status).toBe('conflict');
      return e.overlap;
    };
    // The first sentence changed on one side, the third on the other: both can stand.
    expect(overlap(text.replace('every year', 'every two years'), text.replace('may designate', 'shall designate'))).toBe(false);
    // Both changed the second sentence, at different words: read together.
    expect(overlap(text.replace('will share', 'shall share'), text.replace('supply risks', 'supply and price risks'))).toBe(true);
    // "U.S." ends no sentence: a change before it and one after it are in one sentence.
    expect(overlap(text.replace('The U.S.', 'The United States'), text.replace('shall review', 'will review'))).toBe(true);
    // A sentence added right after the second meets a change to the second (and one to the third), not one to the first.
    const added = text.replace('supply risks. ', 'supply risks. They will meet yearly. ');
    expect(overlap(added, text.replace('will share', 'shall share'))).toBe(true);
    expect(overlap(added, text.replace('may designate', 'shall designate'))).toBe(true);
    expect(overlap(added, text.replace('every year', 'every two years'))).toBe(false);
  });

  it('gives the text with both changes where they do not overlap, for a joint text', () => {
    const text = 'The U.S. Government shall review the stockpile every year. The Participants will share information on supply risks. Each Participant may designate a contact point.';
    const one = (t: string, title = 'a') => draft([art(1, 'a', t, title)]);
    const newSide = (words: { op: string; text: string }[]) => words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
    const oldSide = (words: { op: string; text: string }[]) => words.filter((w) => w.op !== 'insert').map((w) => w.text).join('');
    const e = threeWay(one(text), one(text.replace('every year', 'every two years'), 'Stockpiles'), one(text.replace('may designate', 'shall designate'))).entries[0]!;
    expect([e.status, e.overlap]).toEqual(['conflict', false]);
    expect(newSide(e.combined!.words)).toBe(text.replace('every year', 'every two years').replace('may designate', 'shall designate'));
    expect(oldSide(e.combined!.words)).toBe(text);
    expect(e.combined!.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text])).toEqual([['delete', 'year'], ['insert', 'two years'], ['delete', 'may'], ['insert', 'shall']]);
    // The title from the side that changed it; both giving it the same new title is no overlap either.
    expect(e.combined!.title).toBe('Stockpiles');
    const retitled = threeWay(one(text), one(text.replace('every year', 'every two years'), 'Stockpiles'), one(text.replace('may designate', 'shall designate'), 'Stockpiles')).entries[0]!;
    expect([retitled.overlap, retitled.combined?.title]).toEqual([false, 'Stockpiles']);
    expect(threeWay(one(text), one(text, 'Stockpiles'), one(text.replace('may designate', 'shall designate'), 'Reserves')).entries[0]!.overlap).toBe(true);
    // A change both sides made alike counts once: here both added the same sentence, and the second also changed
    // the first sentence.
    const added = text.replace('supply risks. ', 'supply risks. They will meet every year. ');
    const agreed = threeWay(one(text), one(added), one(added.replace('every year.', 'every second year.'))).entries[0]!;
    expect([agreed.status, agreed.overlap]).toEqual(['conflict', false]);
    expect(newSide(agreed.combined!.words)).toBe(added.replace('every year.', 'every second year.'));
    // The second side made the first side's change as well as its own: its clause holds both, and settles it.
    expect(agreed.holdsBoth).toBe('second');
    expect(threeWay(one(text), one(added.replace('every year.', 'every second year.')), one(added)).entries[0]!.holdsBoth).toBe('first');
    expect(e.holdsBoth).toBeUndefined();
    // Changes in one sentence: no combined text.
    expect(threeWay(one(text), one(text.replace('will share', 'shall share')), one(text.replace('supply risks', 'price risks'))).entries[0]!.combined).toBeUndefined();
    // A schedule: each side changed another row.
    const rows = ['| HS code | Rate |', '|---|---|', '| 2805.30 | 5% |', '| 2846.10 | 3% |'];
    const schedule = (lines: string[]) => draft([clause('Article 1', 'Rates', 'a', [p('The rates are these.'), p(lines.join('\n'))])]);
    const rate = (k: number, to: string) => schedule(rows.map((r, i) => (i === k ? r.replace(/\d+%/, to) : r)));
    const table = threeWay(schedule(rows), rate(2, '4%'), rate(3, '2%')).entries[0]!;
    expect(newSide(table.combined!.words)).toContain('| 2805.30 | 4% |\n| 2846.10 | 2% |');
    // The terminal shows it under the conflict.
    const version = (n: number, d: ReturnType<typeof draft>) => ({ version: n, label: '', tabledBy: 'EU', date: '2026-11-29', status: 'draft' as const, draft: d });
    const lines = threeWayText(threeWay(schedule(rows), rate(2, '4%'), rate(3, '2%')), version(1, schedule(rows)), version(2, rate(2, '4%')), version(3, rate(3, '2%')), { changedOnly: true, color: false }).join('\n');
    expect(lines).toContain('  both changes together (v2 and v3, against the base):');
    expect(lines).toContain('(in different sentences or rows: the two changes do not overlap)');
    const building = threeWayText(threeWay(one(text), one(added), one(added.replace('every year.', 'every second year.'))),
      version(1, one(text)), version(2, one(added)), version(3, one(added.replace('every year.', 'every second year.'))), { changedOnly: true, color: false }).join('\n');
    expect(building).toContain('— CONFLICT: changed by both, differently (v3 holds both changes: it made v2\'s change too)');
    expect(lines).toMatch(/\| 2805\.30 \| \[-5-\]\{\+4\+\}% \|\n {4}\| 2846\.10 \| \[-3-\]\{\+2\+\}% \|/);
  });

  it('counts a title change as a change', () => {
    const r = threeWay(base, draft([art(1, 'a', 'Alpha stays as it is.', 'Alpha renamed')]), base);
    expect(r.entries.find((e) => e.id === 'a')!.status).toBe('first-only');
    expect(r.entries.find((e) => e.id === 'a')!.firstChange.titleWords).toBeDefined();
  });
});

describe('threeWay where one side split or merged the clause and the other edited it whole', () => {
  const mapping = 'The Participants will cooperate on the mapping of deposits of critical minerals in their territories.';
  const data = 'The Participants will share geological survey data within thirty (30) days of a request.';
  const dumping = 'The Participants will cooperate in applying their trade defence instruments against dumped imports.';
  const inquiries = 'The Participants will exchange information on investigations concerning such imports.';
  const numbered = (...paragraphs: string[]) => [ol(1, ...paragraphs.map((t) => [p(t)]))];
  const cooperation = (...paragraphs: string[]) => clause('Article 1', 'Cooperation', 'coop', numbered(...paragraphs));
  const base = draft([cooperation(mapping, data, dumping, inquiries)]);
  // One side split the trade-defence paragraphs off into a clause of their own.
  const split = draft([cooperation(mapping, data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping, inquiries))]);
  const deleted = (e: ThreeWayEntry) => e.combined!.words.filter((w) => w.op === 'delete').map((w) => w.text);
  const version = (n: number, d: ReturnType<typeof draft>) => ({ version: n, label: '', tabledBy: 'EU', date: '2026-11-30', status: 'draft' as const, draft: d });
  const combinedText = (e: ThreeWayEntry) => e.combined!.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');

  it('combines the edit with the split over the text the clause kept: nothing that went to the other clause struck', () => {
    const shorter = draft([cooperation(mapping, data.replace('thirty (30)', 'fifteen (15)'), dumping, inquiries)]);
    for (const [first, second] of [[split, shorter], [shorter, split]] as const) {
      const coop = threeWay(base, first, second).entries.find((e) => e.id === 'coop')!;
      expect(coop.status).toBe('conflict');
      // Before, the split's whole-text redline struck paragraphs 3 and 4 right after paragraph 2's edit: a false overlap.
      expect(coop.overlap).toBe(false);
      expect(deleted(coop)).toEqual(['thirty (30)']);
      expect(combinedText(coop)).toBe(`1. ${mapping}\n2. ${data.replace('thirty (30)', 'fifteen (15)')}`);
      expect(coop.holdsBoth).toBeUndefined();
    }
  });

  it('still reads the whole text where the edit is in text the split gave to the other clause', () => {
    const edited = draft([cooperation(mapping, data, dumping.replace('dumped imports', 'dumped or subsidised imports'), inquiries)]);
    const coop = threeWay(base, split, edited).entries.find((e) => e.id === 'coop')!;
    expect(coop.status).toBe('conflict');
    expect(coop.overlap).toBe(true);
    expect(coop.combined).toBeUndefined();
  });

  it('makes a conflict of a clause one side split off whose text the other side edited where it still stands', () => {
    const edited = draft([cooperation(mapping, data, dumping.replace('will cooperate', 'shall cooperate'), inquiries)]);
    for (const [first, second, splitter, editor] of [[split, edited, 'firstChange', 'secondChange'], [edited, split, 'secondChange', 'firstChange']] as const) {
      const r = threeWay(base, first, second);
      const defence = r.entries.find((e) => e.id === 'defence')!;
      // Before, the clause split off read as changed by the splitting side only, the other side's edit of its text unseen.
      expect(defence.status).toBe('conflict');
      expect(defence[splitter].relation).toEqual({ kind: 'split', from: ['coop'], into: ['coop', 'defence'] });
      expect(defence[editor]).toMatchObject({ change: 'edited', within: 'coop' });
      expect(defence[editor].words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text])).toEqual([['delete', 'will'], ['insert', 'shall']]);
      expect(defence[editor].legal).toEqual([{ type: 'obligation', old: 'will', new: 'shall', direction: 'stronger' }]);
      expect(r.summary.conflict).toBe(2);
      expect(r.summary[splitter === 'firstChange' ? 'first-only' : 'second-only']).toBe(0);
      const text = threeWayText(r, version(1, base), version(2, first), version(3, second), { changedOnly: true, color: false }).join('\n');
      expect(text).toContain(`(v${editor === 'secondChange' ? 3 : 2}): edited (in #coop, where this text still stands)`);
    }
  });

  it('names the party whose bracketed proposal the other side\'s edit of a split-off text settled on', () => {
    const md = (body: string) => parseDraft(`---\nparley: 1\ntitle: T\nparties:\n  EU: European Union\n  US: United States\n---\n\n${body}`).draft;
    const bracketed = 'The Participants :bracket[shall]{by="EU"}:bracket[will]{by="US"} cooperate against dumped imports.';
    const article = (n: number, title: string, id: string, ...paragraphs: string[]) => `## Article ${n} — ${title} {#${id}}\n\n${paragraphs.map((t, k) => `${k + 1}. ${t}`).join('\n\n')}\n`;
    const base = md(article(1, 'Cooperation', 'coop', mapping, data, bracketed, inquiries));
    const split = md(article(1, 'Cooperation', 'coop', mapping, data) + '\n' + article(2, 'Trade defence', 'defence', bracketed, inquiries));
    const settled = md(article(1, 'Cooperation', 'coop', mapping, data, 'The Participants will cooperate against dumped imports.', inquiries));
    const defence = threeWay(base, split, settled).entries.find((e) => e.id === 'defence')!;
    expect(defence.secondChange.within).toBe('coop');
    // Before, read on the stretch alone, the brackets' parties were unknown and the item named no one.
    expect(defence.secondChange.legal).toEqual([{ type: 'obligation', old: '[shall][will]', new: 'will', proposedBy: 'US' }]);
  });

  it('makes a conflict of a clause one side merged others into whose merged-in text the other side edited where it still stands', () => {
    const twoClauses = draft([cooperation(mapping, data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping))]);
    const merged = draft([cooperation(mapping, data, dumping)]);
    const edited = draft([cooperation(mapping, data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping.replace('will cooperate', 'shall cooperate')))]);
    for (const [first, second, merger, editor] of [[merged, edited, 'firstChange', 'secondChange'], [edited, merged, 'secondChange', 'firstChange']] as const) {
      const r = threeWay(twoClauses, first, second);
      const coop = r.entries.find((e) => e.id === 'coop')!;
      // Before, the merged clause read as changed by the merging side only: taking it lost the other side's edit.
      expect(coop.status).toBe('conflict');
      expect(coop[merger].relation).toEqual({ kind: 'merged', from: ['coop', 'defence'], into: ['coop'] });
      expect(coop[editor]).toMatchObject({ change: 'edited', within: 'defence' });
      expect(coop[editor].legal).toEqual([{ type: 'obligation', old: 'will', new: 'shall', direction: 'stronger' }]);
      // The two changes do not meet: the merged text with the edit made in it.
      expect(coop.overlap).toBe(false);
      expect(combinedText(coop)).toBe(`1. ${mapping}\n2. ${data}\n3. ${dumping.replace('will cooperate', 'shall cooperate')}`);
      expect(r.entries.find((e) => e.id === 'defence')!.status).toBe('conflict');
      expect(r.summary.conflict).toBe(2);
      const text = threeWayText(r, version(1, twoClauses), version(2, first), version(3, second), { changedOnly: true, color: false }).join('\n');
      expect(text).toContain(`(v${editor === 'secondChange' ? 3 : 2}): edited (in #defence, where this text still stands)`);
    }
    // The merged clause's own text edited by the other side too: a conflict read over the merge's share, as before.
    const both = draft([cooperation(mapping.replace('will cooperate', 'shall cooperate'), data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping.replace('will cooperate', 'shall cooperate')))]);
    expect(threeWay(twoClauses, merged, both).entries.find((e) => e.id === 'coop')!.secondChange.within).toBeUndefined();
  });

  it('combines an edit with a merge over the joined text, the merged clause\'s text kept', () => {
    const twoClauses = draft([cooperation(mapping, data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping))]);
    const merged = draft([cooperation(mapping, data, dumping)]);
    const edited = draft([cooperation(mapping.replace('will cooperate', 'shall cooperate'), data), clause('Article 2', 'Trade defence', 'defence', numbered(dumping))]);
    const coop = threeWay(twoClauses, merged, edited).entries.find((e) => e.id === 'coop')!;
    expect(coop.firstChange.relation?.kind).toBe('merged');
    expect(coop.overlap).toBe(false);
    // The edit, and the merged paragraph's number (1 → 3), a renumbering only.
    expect(coop.combined!.words.filter((w) => w.op === 'delete').map((w) => [w.text, w.cosmetic === true])).toEqual([['will', false], ['1', true]]);
    expect(combinedText(coop)).toContain(mapping.replace('will cooperate', 'shall cooperate'));
    expect(combinedText(coop)).toContain(dumping);
  });
});

describe('threeWay on the sample dossier', () => {
  const read = (n: number) => parseDraft(fs.readFileSync(path.join(SAMPLE_DOSSIER, `versions/v${n}.md`), 'utf8')).draft;
  const r = threeWay(read(3), read(4), read(5));
  const status = statusOf(r.entries);

  it('agrees with the answer key on what each side changed since v3', () => {
    // v3 → v4 (CHANGES.tsv): territorial-integrity and anti-dumping inserted, no-export-bans, pricing, preamble edited.
    // v5 builds on v4, so everything v4 changed v5 has too: where v5 kept v4's change it is both-same.
    expect(status['purpose']).toBe('unchanged');
    expect(status['supply-chains']).toBe('unchanged');
    expect(status['research']).toBe('unchanged');
    // Edited 4 → 5 only (unchanged 3 → 4): only the second side changed them.
    for (const id of ['joint-investment', 'stockpiling', 'information-sharing', 'emergency-planning', 'third-countries', 'institutional', 'final-provisions']) {
      expect(status[id], id).toBe('second-only');
    }
    // Changed 3 → 4 and again 4 → 5: both sides changed them, differently.
    for (const id of ['preamble', 'territorial-integrity', 'no-export-bans', 'pricing', 'anti-dumping']) {
      expect(status[id], id).toBe('conflict');
    }
    expect(Object.keys(status)).toHaveLength(15);
  });

  it('marks a cross-reference renumbered with the clause it names cosmetic in a side\'s redline, as parley diff does', () => {
    // v1 → v2 moved stockpiling from Paragraph 9 to 8; the emergency plans' reference to it followed.
    const emergency = threeWay(read(1), read(2), read(1)).entries.find((e) => e.id === 'emergency-planning')!;
    const words = emergency.firstChange.words;
    const at = words.findIndex((w) => w.text.endsWith('release of stocks under Paragraph '));
    expect(words.slice(at + 1, at + 3).map(({ op, text, cosmetic }) => [op, text, cosmetic])).toEqual([['delete', '9', true], ['insert', '8', true]]);
  });

  it('measures a side that split a clause by the split: its share of the redline, nothing that went to the new clause struck', () => {
    // v4 split the anti-dumping paragraphs of #pricing off into #anti-dumping; v5 kept the split and edited both.
    const split = { kind: 'split', from: ['pricing'], into: ['pricing', 'anti-dumping'] };
    const pricing = r.entries.find((e) => e.id === 'pricing')!;
    for (const side of [pricing.firstChange, pricing.secondChange]) {
      expect(side.relation).toEqual(split);
      expect(side.words.filter((w) => w.op === 'delete').map((w) => w.text).join(' ')).not.toContain('trade defence');
      // Before the fix each side listed the two obligations that moved with the paragraphs as lost ("will → —").
      expect(side.legal.filter((l) => l.type === 'obligation' && l.new === undefined)).toEqual([]);
    }
    expect(pricing.firstChange.legal).toEqual([]);
    expect(pricing.secondChange.legal.map((l) => [l.old, l.new, l.direction])).toContainEqual(['[will establish][will explore the establishment of]', 'intend to', 'weaker']);
    // The new clause: its text is the paragraphs it took over, kept (renumbered), not inserted.
    const antiDumping = r.entries.find((e) => e.id === 'anti-dumping')!;
    expect(antiDumping.firstChange.change).toBe('inserted');
    expect(antiDumping.firstChange.relation).toEqual(split);
    expect(antiDumping.firstChange.words.filter((w) => w.op === 'equal').map((w) => w.text).join('')).toContain('trade defence instruments');
    // Only the paragraph numbers changed (4, 5 → 1, 2), as a renumbering: cosmetic.
    expect(antiDumping.firstChange.words.filter((w) => w.op === 'insert').map((w) => [w.text.trim(), w.cosmetic])).toEqual([['1', true], ['2', true]]);
    const text = threeWayText(r, { version: 3, label: '', tabledBy: 'EU', date: '', status: '', draft: read(3) },
      { version: 4, label: '', tabledBy: 'EU', date: '', status: '', draft: read(4) }, { version: 5, label: '', tabledBy: 'US', date: '', status: '', draft: read(5) }, { changedOnly: true, color: false });
    expect(text).toContain('  first (v4): inserted (split: #pricing → #pricing, #anti-dumping)');
    // Both sides made the same split: their changes combine over the base's stretch each clause took, and v5,
    // which built on v4, holds both — nothing of the paragraphs that moved struck from #pricing's joint text.
    expect([pricing.overlap, pricing.holdsBoth, antiDumping.overlap, antiDumping.holdsBoth]).toEqual([false, 'second', false, 'second']);
    expect(pricing.combined!.words.filter((w) => w.op === 'delete').map((w) => w.text)).toEqual(['[will establish][will explore the establishment of]', ', [price floors for designated materials]']);
    expect(text).toContain('    title: Anti-dumping');
  });

  it('sees v2\'s edit of the anti-dumping paragraphs, made before the working draft split them off, as a change to #anti-dumping too', () => {
    // Base v1; v2 (US) weakened shall → will in #pricing's paragraphs 4 and 5; the working draft has them split off
    // into #anti-dumping (since v4) with the same weakening and more.
    const working = parseDraft(fs.readFileSync(path.join(SAMPLE_DOSSIER, 'working.md'), 'utf8')).draft;
    const antiDumping = threeWay(read(1), read(2), working).entries.find((e) => e.id === 'anti-dumping')!;
    expect(antiDumping.status).toBe('conflict');
    expect(antiDumping.firstChange).toMatchObject({ change: 'edited', within: 'pricing' });
    expect(antiDumping.firstChange.legal.map((l) => [l.old, l.new, l.direction])).toEqual([['shall', 'will', 'weaker'], ['shall', 'will', 'weaker']]);
    // The working draft made v2's change as well as its own: it already reads as both together.
    expect([antiDumping.overlap, antiDumping.holdsBoth]).toEqual([false, 'second']);
  });

  it('says of a clause a side merged into another that its text went there, without striking it', () => {
    // v2 merged #research-mobility into #research (CHANGES.tsv).
    const merged = threeWay(read(1), read(2), read(1)).entries.find((e) => e.id === 'research-mobility')!;
    expect(merged.firstChange.change).toBe('deleted');
    expect(merged.firstChange.relation).toEqual({ kind: 'merged', from: ['research', 'research-mobility'], into: ['research'] });
    expect(merged.firstChange.words).toEqual([]);
    const research = threeWay(read(1), read(2), read(1)).entries.find((e) => e.id === 'research')!;
    expect(research.firstChange.relation?.kind).toBe('merged');
    expect(research.firstChange.words.filter((w) => w.op === 'insert').map((w) => w.text).join(' ')).not.toContain('mobility of researchers');
    // The text #research-mobility brought in stands under a line naming it, as parley diff heads it.
    expect(research.firstChange.parts!.map((p) => p.head?.ref.id ?? null)).toEqual([null, 'research-mobility']);
    const text = threeWayText(threeWay(read(1), read(2), read(1)), { version: 1, label: '', tabledBy: 'EU', date: '', status: '', draft: read(1) },
      { version: 2, label: '', tabledBy: 'US', date: '', status: '', draft: read(2) }, { version: 1, label: '', tabledBy: 'EU', date: '', status: '', draft: read(1) }, { changedOnly: true, color: false }).join('\n');
    expect(text).toContain('    ── was Paragraph 6 — Skills and mobility of researchers ──\n    [-1-]{+4+}. The Participants [-shall-]{+will+} facilitate');
  });
});

describe('threeWay on random sentences (property)', () => {
  const word = fc.constantFrom('The', 'Participants', 'will', 'shall', 'cooperate', 'on', 'stockpiles', 'U.S.', 'within', 'thirty', '(30)', 'days', 'rare', 'earths');
  const sentence = fc.array(word, { minLength: 2, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
  const edit = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

  it('where the two sides changed different sentences, gives exactly the text with both changes', () => {
    fc.assert(fc.property(fc.array(sentence, { minLength: 2, maxLength: 6 }), fc.nat(), fc.nat(), edit, edit, (sentences, i, j, a, b) => {
      const k1 = i % sentences.length, k2 = j % sentences.length;
      const changed = (k: number, by: string) => sentences.map((s, n) => (n === k ? `${by} ${s}` : s)).join(' ');
      const one = (t: string) => draft([art(1, 'a', t)]);
      const base = sentences.join(' ');
      const e = threeWay(one(base), one(changed(k1, a)), one(changed(k2, b))).entries[0]!;
      if (e.status !== 'conflict') return;
      if (!e.overlap) {
        const both = sentences.map((s, n) => [n === k1 ? a : '', n === k2 ? b : '', s].filter(Boolean).join(' ')).join(' ');
        expect(e.combined!.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(both);
        expect(e.combined!.words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe(base);
      } else expect(e.combined).toBeUndefined();
      // Changes to one sentence always meet.
      if (k1 === k2) expect(e.overlap).toBe(true);
    }), { numRuns: 300 });
  });

  it('where one side split a clause and the other edited one paragraph, reads the edit with the clause that holds that paragraph', () => {
    // Distinct paragraphs, so that the split and the edit are found where they were made.
    const paragraph = fc.uniqueArray(fc.array(word, { minLength: 4, maxLength: 8 }).map((w) => `The Parties ${w.join(' ')}.`), { minLength: 3, maxLength: 6, selector: (t) => t });
    fc.assert(fc.property(paragraph, fc.nat(), fc.nat(), edit, (paragraphs, at, which, added) => {
      const cut = 1 + (at % (paragraphs.length - 1)); // the split: paragraphs [0, cut) stay, [cut, n) go to a new clause
      const k = which % paragraphs.length;
      const numbered = (texts: string[]) => [ol(1, ...texts.map((t) => [p(t)]))];
      const base = draft([clause('Article 1', 'Cooperation', 'coop', numbered(paragraphs))]);
      const split = draft([clause('Article 1', 'Cooperation', 'coop', numbered(paragraphs.slice(0, cut))), clause('Article 2', 'More', 'more', numbered(paragraphs.slice(cut)))]);
      const editedText = paragraphs.map((t, n) => (n === k ? t.replace(/\.$/, ` ${added}.`) : t));
      const edited = draft([clause('Article 1', 'Cooperation', 'coop', numbered(editedText))]);
      const r = threeWay(base, split, edited);
      const coop = r.entries.find((e) => e.id === 'coop')!, more = r.entries.find((e) => e.id === 'more')!;
      if (coop.firstChange.relation?.kind !== 'split') return; // the aligner read it otherwise: nothing to check
      if (k < cut) {
        // The edit is in what the clause kept: both combine over its share, nothing of the other clause struck.
        expect(coop.overlap).toBe(false);
        expect(coop.combined!.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(editedText.slice(0, cut).map((t, n) => `${n + 1}. ${t}`).join('\n'));
        expect(more.status).toBe('first-only');
      } else {
        // The edit is in what went to the new clause: that clause is a conflict, the edit its second side's change.
        expect(more.status).toBe('conflict');
        expect(more.secondChange.within).toBe('coop');
        expect(more.secondChange.words.filter((w) => w.op === 'insert').map((w) => w.text).join('')).toContain(added);
      }
    }), { numRuns: 150 });
  });
});
