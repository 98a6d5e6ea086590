/**
 * A split's or merge's redline cut where each of its clauses begins: the comparison's `start` of each clause of
 * the side with several, redlineParts' cut of the words there, and the line, paragraph or row that names the
 * clause in the text and HTML redlines. The real merge of the corpus (US–Malaysia Articles 2.1 and 2.2 → US–
 * Cambodia Article 2.1) and every split and merge between consecutive corpus drafts are cut where they begin.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts, wordOpsJson } from '../src/compare/compare.js';
import { diffWords } from '../src/compare/words.js';
import type { ClauseChangeJson, WordOpJson } from '../src/compare/contract.js';
import { redlineParts } from '../src/compare/redline-parts.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { textRedline } from '../src/export/text-redline.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import { corpus, corpusSkipReason } from './support/corpus.js';

const drafted = (body: string) => parseDraft(`---\nparley: 1\ntitle: Memorandum on Critical Minerals\n---\n\n${body}`).draft;

const BEFORE_TEXT = `## Article 1 — Purpose {#purpose}

The Participants intend to strengthen supply chains for critical minerals and rare earths.

## Article 2 — Research and Information {#research}

1. The Participants shall promote joint research on the processing and recycling of rare earth elements.

2. The Participants shall share information on supply risks, including disruptions of trade routes, within thirty (30) days.

3. Each Participant shall designate a contact point for that purpose.

## Article 3 — Stockpiles {#stockpiles}

The Participants may coordinate their stockpiles of critical minerals.
`;
const BEFORE = drafted(BEFORE_TEXT);

const AFTER_TEXT = `## Article 1 — Purpose {#purpose}

The Participants intend to strengthen supply chains for critical minerals and rare earths.

## Article 2 — Research {#research}

The Participants shall promote joint research on the processing and recycling of rare earth elements.

## Article 3 — Information Sharing {#information}

1. The Participants will share information on supply risks, including disruptions of trade routes, within sixty (60) days.

2. Each Participant shall designate a contact point for that purpose.

## Article 4 — Stockpiles {#stockpiles}

The Participants may coordinate their stockpiles of critical minerals.
`;
const AFTER = drafted(AFTER_TEXT);

/** The text of one side of some words: the old side reads equal and deleted runs, the new equal and inserted. */
const sideText = (words: readonly WordOpJson[], side: 'old' | 'new') => words.filter((w) => w.op === 'equal' || w.op === (side === 'old' ? 'delete' : 'insert')).map((w) => w.text).join('');

/** What must hold of any split or merge: the parts cut the side with several clauses at each clause's start. */
function expectCutAtStarts(change: ClauseChangeJson): void {
  const side = change.old.length > 1 ? 'old' : 'new';
  const other = side === 'old' ? 'new' : 'old';
  const refs = change[side];
  const parts = redlineParts(change, change.words);
  expect(parts.map((p) => p.head?.ref.id ?? null)).toEqual([null, ...refs.slice(1).map((r) => r.id)]);
  const whole = sideText(change.words, side);
  refs.forEach((ref, k) => {
    const text = sideText(parts[k]!.words, side);
    // Each part is its clause's text: from its start to the line break before the next clause's.
    const end = k + 1 < refs.length ? refs[k + 1]!.start! - 1 : whole.length;
    expect(text).toBe(whole.slice(ref.start, end));
  });
  // The other side loses nothing but line breaks where the parts meet, and each part stands at its new offset.
  const otherWhole = sideText(change.words, other);
  expect(otherWhole.length - parts.reduce((n, p) => n + sideText(p.words, other).length, 0)).toBeLessThanOrEqual(refs.length - 1);
  const newWhole = sideText(change.words, 'new');
  for (const part of parts) expect(newWhole.startsWith(sideText(part.words, 'new'), part.newOffset)).toBe(true);
}

describe('a split cut where its clauses begin', () => {
  const comparison = compareDrafts(BEFORE, AFTER);
  const split = comparison.changes.find((c) => c.kind === 'split')!;

  it('gives each new clause its start in the new words, the first 0', () => {
    expect(split.new.map((r) => r.label)).toEqual(['Article 2', 'Article 3']);
    const newText = sideText(split.words, 'new');
    expect(split.new[0]!.start).toBe(0);
    expect(newText.slice(split.new[1]!.start!)).toMatch(/^1\. The Participants will share information/);
    expect(newText[split.new[1]!.start! - 1]).toBe('\n');
    // One old clause: nothing to cut on that side, and a change of one clause each carries no start at all.
    expect(split.old[0]!.start).toBeUndefined();
    expect(comparison.changes.filter((c) => c.kind !== 'split').flatMap((c) => [...c.old, ...c.new]).some((r) => r.start !== undefined)).toBe(false);
    expectCutAtStarts(split);
  });

  it('heads the second part with its clause in the text redline, between the paragraphs where it begins', () => {
    const lines = textRedline(comparison).split('\n');
    const at = lines.indexOf('  ── Article 3 — Information Sharing ──');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('  [-1. -]The Participants shall promote joint research on the processing and recycling of rare earth elements.');
    expect(lines[at + 1]).toMatch(/^ {2}\[-2-\]\{\+1\+\}\. The Participants \[-shall-\]\{\+will\+\} share/);
  });

  it('heads it in the HTML redline too, inline and side by side', () => {
    const inline = htmlRedline(comparison, { layout: 'inline' });
    expect(inline).toMatch(/rare earth elements\.<\/div><p class="part"><span class="part-head">Article 3 — Information Sharing<\/span><\/p><div class="text"><del class="cosmetic">2<\/del><ins class="cosmetic">1<\/ins>\. The Participants/);
    const facing = htmlRedline(comparison, { layout: 'side-by-side' });
    expect(facing).toContain('<tr class="part"><td colspan="2"><span class="part-head">Article 3 — Information Sharing</span></td></tr>');
    expect(facing.indexOf('<span class="part-head">')).toBeGreaterThan(facing.indexOf('recycling of rare earth elements'));
  });

  it('counts the unchanged paragraphs of a part with no change of its own, showing changes only', () => {
    const list = (from: number, lines: string[]) => lines.map((l, k) => `${k + from}. ${l}`).join('\n\n');
    const research = ['The Participants shall promote joint research on processing.', 'The Participants shall promote joint research on recycling.'];
    const sharing = ['on supply risks.', 'on trade routes.', 'on stockpiles.', 'on prices.'].map((l) => `The Participants shall share information ${l}`);
    const whole = drafted(`## Article 2 — Research and Information {#research}\n\n${list(1, [...research, ...sharing])}\n`);
    const cut = drafted(`## Article 2 — Research {#research}\n\n${list(1, [research[0]!.replace('shall', 'will'), research[1]!])}\n\n## Article 3 — Information {#information}\n\n${list(1, sharing)}\n`);
    const text = textRedline(compareDrafts(whole, cut), { changedOnly: true, hideCosmetic: true });
    // The second part's numbers changed only (cosmetic, hidden): its paragraphs are counted under its heading.
    expect(text).toContain('1. The Participants [-shall-]{+will+} promote joint research on processing.\n  2. The Participants shall promote joint research on recycling.\n' +
      '  ── Article 3 — Information ──\n  … 4 unchanged paragraphs …');
  });

  it('shows no change of title where the clauses of a split or merge have none', () => {
    const untitled = (text: string) => drafted(text.replace(/^(## Article \d+) — [^{]+ /gm, '$1 '));
    const [before, after] = [untitled(BEFORE_TEXT), untitled(AFTER_TEXT)];
    for (const [a, b, kind] of [[before, after, 'split'], [after, before, 'merged']] as const) {
      const c = compareDrafts(a, b);
      const change = c.changes.find((x) => x.kind === kind)!;
      expect(change.titleWords).toBeUndefined();
      expect(textRedline(c)).not.toContain('title:');
    }
    // Titles on one side only still read as a change: the split's parts named where the whole was not.
    const named = compareDrafts(before, AFTER).changes.find((x) => x.kind === 'split')!;
    expect(named.titleWords).toEqual([{ op: 'insert', text: 'Research / Information Sharing' }]);
  });

  it('names the clause a merge took in as it was', () => {
    const merged = compareDrafts(AFTER, BEFORE);
    const change = merged.changes.find((c) => c.kind === 'merged')!;
    expectCutAtStarts(change);
    expect(textRedline(merged)).toContain('\n  ── was Article 3 — Information Sharing ──\n  [-1-]{+2+}. The Participants [-will-]{+shall+} share');
  });
});

describe('redlineParts on words made by hand', () => {
  const merge = (start: number) => ({ old: [{ id: 'a', label: '1', title: '', path: [], start: 0 }, { id: 'b', label: '2', title: '', path: [], start }], new: [{ id: 'a', label: '1', title: '', path: [] }] });

  it('cuts an op the clause begins inside, and drops the line break that joined the two texts', () => {
    // Old "One.\nTwo." (the second clause at 5), new "One. Two.": the break deleted inside one op.
    const words: WordOpJson[] = [{ op: 'equal', text: 'One.' }, { op: 'delete', text: '\nTwo' }, { op: 'insert', text: ' Two' }, { op: 'equal', text: '.' }];
    const parts = redlineParts(merge(5), words);
    expect(parts.map((p) => p.words)).toEqual([[{ op: 'equal', text: 'One.' }], [{ op: 'delete', text: 'Two' }, { op: 'insert', text: ' Two' }, { op: 'equal', text: '.' }]]);
    expect(parts[1]!.newOffset).toBe(4);
  });

  it('gives text put in where a clause begins to that clause, and text put in before the break to the one before', () => {
    const words: WordOpJson[] = [{ op: 'equal', text: 'One' }, { op: 'insert', text: ' more' }, { op: 'equal', text: '.\n' }, { op: 'insert', text: 'Now ' }, { op: 'equal', text: 'two.' }];
    const parts = redlineParts(merge(5), words);
    expect(parts.map((p) => p.words.map((w) => w.text).join('|'))).toEqual(['One| more|.', 'Now |two.']);
    expect(parts[1]!.newOffset).toBe(10);
  });

  it('leaves the words whole where no side has several clauses, or where the starts are not given', () => {
    const words: WordOpJson[] = [{ op: 'equal', text: 'One.\nTwo.' }];
    expect(redlineParts({ old: merge(5).new, new: merge(5).new }, words)).toEqual([{ head: null, words, newOffset: 0 }]);
    const { old, new: now } = merge(5);
    expect(redlineParts({ old: old.map(({ start: _, ...r }) => r), new: now }, words)).toHaveLength(1);
  });
});

describe('redlineParts on word diffs of any texts', () => {
  // Clauses of a few lines each, of words that often recur, so that the diff cuts and joins them in every way.
  const line = fc.array(fc.constantFrom('the', 'Participants', 'shall', 'will', 'thirty', '(30)', 'days', 'rare', 'earths', '.'), { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
  const clause = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
  const clauses = fc.array(clause, { minLength: 2, maxLength: 4 });

  it('cuts the side with several clauses at each one\'s start, whichever way the diff runs across them', () => {
    fc.assert(fc.property(clauses, clause, fc.boolean(), (parts, other, merged) => {
      const ref = (id: string, start?: number) => ({ id, label: id, title: '', path: [], ...(start !== undefined && { start }) });
      let start = 0;
      const refs = parts.map((text, k) => {
        const r = ref(`c${k}`, start);
        start += text.length + 1;
        return r;
      });
      const joined = parts.join('\n');
      const words = wordOpsJson(merged ? diffWords(joined, other) : diffWords(other, joined));
      expectCutAtStarts({ kind: merged ? 'merged' : 'split', moved: false, renumbered: false, similarity: 0, provisions: [], legal: [], words,
        old: merged ? refs : [ref('o')], new: merged ? [ref('n')] : refs });
    }), { numRuns: 500 });
  });
});

describe.skipIf(!corpus)('splits and merges of the real texts', () => {
  const read = (dir: string, file: string) => importDraft(fs.readFileSync(path.join(corpus!, dir, file), 'utf8'), { file }).draft;
  const pairs = () => fs.readdirSync(corpus!, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    const files = fs.readdirSync(path.join(corpus!, d.name)).filter((f) => /^v\d/.test(f)).sort();
    return files.slice(1).map((f, k) => [d.name, files[k]!, f] as const);
  });

  it('cuts the Malaysia → Cambodia merge where old Article 2.2 began', () => {
    const dir = 'us-reciprocal-trade-agreements_MY-KH-JO';
    const files = fs.readdirSync(path.join(corpus!, dir)).filter((f) => /^v[12]_/.test(f)).sort();
    const comparison = compareDrafts(read(dir, files[0]!), read(dir, files[1]!));
    const merge = comparison.changes.find((c) => c.kind === 'merged' && c.old.map((r) => r.label).join() === 'Article 2.1,Article 2.2')!;
    expectCutAtStarts(merge);
    const parts = redlineParts(merge, merge.words);
    expect(sideText(parts[1]!.words, 'old')).toMatch(/^1\. The Parties recognize their existing rights/);
    expect(textRedline(comparison)).toContain('\n  ── was Article 2.2 — Technical Regulations, Standards, and Conformity Assessment ──\n  [-1. The Parties recognize');
  });

  it('cuts every split and merge between consecutive drafts at its clauses’ starts', { timeout: 60_000 }, () => {
    let seen = 0;
    for (const [dir, a, b] of pairs()) {
      for (const change of compareDrafts(read(dir, a), read(dir, b)).changes) {
        if (change.kind !== 'split' && change.kind !== 'merged') continue;
        expectCutAtStarts(change);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(1);
  });
});
