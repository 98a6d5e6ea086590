/**
 * The Word redline (src/export/docx-redline.ts): every change a real tracked change, so that the document read
 * as it stood before its changes is the older draft and read with them accepted the newer one. Read back with
 * Parley's own Word reader (src/format/import/docx.ts, which follows Word's rules for tracked paragraph marks)
 * and compared, clause by clause, with the drafts it was made from: the sample dossier's versions, generated
 * treaties with moves, insertions and deletions, and the real texts. LibreOffice's own accept-all and
 * reject-all are in tests/e2e/docx-redline-office.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import type { ComparisonJson } from '../src/compare/contract.js';
import { docxRedline } from '../src/export/docx-redline.js';
import { isCosmeticOnly } from '../src/export/text-redline.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Draft } from '../src/model/draft.js';
import { blocksText, lineBreaksInParagraphs } from '../src/model/text.js';
import { loadDraftRef } from '../src/node/cli/draft-ref.js';
import { loadTrackedChanges } from '../src/node/read-draft-file.js';
import { corpus } from './support/corpus.js';

const root = path.resolve(import.meta.dirname, '..');
const dossier = path.join(root, 'fixtures/rare-earths-mou');
const OPTIONS = { author: 'US', date: '2026-05-28T12:00:00Z' };

let dir = '';
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-docx-redline-')); });
afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

/** The Word redline of old → new, read back before and after its tracked changes. */
async function roundTrip(oldDraft: Draft, newDraft: Draft, name: string) {
  const comparison = compareDrafts(oldDraft, newDraft, { staleReferences: true });
  const bytes = await docxRedline(comparison, oldDraft, newDraft, OPTIONS);
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, bytes);
  const { before, after } = await loadTrackedChanges(file);
  return { comparison, bytes, before: compareDrafts(oldDraft, before), after: compareDrafts(newDraft, after) };
}

/** "kind label" of every change that is not `unchanged` in place (nor, with `cosmetic`, an edit of spacing only). */
function differences(c: ComparisonJson, cosmetic = false): string[] {
  return c.changes.filter((x) => (x.kind !== 'unchanged' || x.moved) && !(cosmetic && isCosmeticOnly(x)))
    .map((x) => `${x.kind}${x.moved ? ' moved' : ''} ${(x.new[0] ?? x.old[0])?.label || (x.new[0] ?? x.old[0])?.title}`);
}

/**
 * Empty paragraphs of the document read before and after its tracked changes (the drafts have none), as Word
 * reads them: a paragraph whose mark is struck (accepted) or put in (rejected) joins the next one.
 */
function emptyParagraphs(bytes: Uint8Array): { before: number; after: number } {
  const paragraphs = [...documentXml(bytes).matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => {
    const properties = /<w:pPr>(.*?)<\/w:pPr>/s.exec(m[1]!)?.[1] ?? '';
    const runs = m[1]!.replace(/<w:pPr>.*?<\/w:pPr>/s, '');
    const text = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((t) => t[1]).join('');
    const inserted = text([...runs.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/gs)].map((x) => x[1]).join(''));
    const deleted = text([...runs.matchAll(/<w:del [^>]*>(.*?)<\/w:del>/gs)].map((x) => x[1]).join(''));
    const kept = text(runs.replace(/<w:(ins|del) [^>]*>.*?<\/w:\1>/gs, ''));
    return { before: kept + deleted, after: kept + inserted, markIn: /<w:rPr>.*<w:ins /s.test(properties), markOut: /<w:rPr>.*<w:del /s.test(properties) };
  });
  const count = (view: 'before' | 'after') => {
    let carried = '', empty = 0;
    for (const p of paragraphs) {
      const text = carried + p[view];
      if (view === 'after' ? p.markOut : p.markIn) { carried = text; continue; }
      if (text.trim() === '') empty++;
      carried = '';
    }
    return empty;
  };
  return { before: count('before'), after: count('after') };
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

/** The margin comments by Parley: id → text, a line per paragraph. */
function comments(bytes: Uint8Array): Map<string, string> {
  const xml = strFromU8(unzipSync(bytes)['word/comments.xml']!);
  return new Map([...xml.matchAll(/<w:comment w:id="(\d+)"[^>]*w:author="Parley"[^>]*>(.*?)<\/w:comment>/gs)]
    .map((m) => [m[1]!, [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n')]));
}

/** The heading a comment is anchored on: its text between the comment's range marks. */
function anchoredOn(xml: string, id: string): string {
  const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`, 's').exec(xml)![1]!;
  return [...range.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join('');
}

describe('the Word redline', () => {
  const versions = [1, 2, 3, 4, 5];
  const pairs = versions.flatMap((a) => versions.filter((b) => b !== a).map((b) => [a, b] as const));

  it.each(pairs)('reads as v%i before its tracked changes and as v%i with them accepted (sample dossier)', async (a, b) => {
    const [older, newer] = await Promise.all([loadDraftRef(`${dossier}@${a}`), loadDraftRef(`${dossier}@${b}`)]);
    const { comparison, bytes, before, after } = await roundTrip(older.draft, newer.draft, `sample-${a}-${b}`);
    // Something changed, so something is tracked; and nothing is lost either way, nor an empty paragraph left
    // where a paragraph was put in or struck out.
    expect(comparison.changes.some((x) => x.kind !== 'unchanged')).toBe(true);
    expect(differences(before)).toEqual([]);
    expect(differences(after)).toEqual([]);
    expect(emptyParagraphs(bytes)).toEqual({ before: 0, after: 0 });
  });

  it('strikes a moved clause where it stood and puts it in where it stands, so that the old order comes back (generated treaties)', async () => {
    const { makePair } = await import(pathToFileURL(path.resolve(root, '../shared/tools/gen-treaty.mjs')).href);
    for (const seed of [3, 11]) {
      const { oldText, newText } = makePair(120, seed, { words: 60, edit: 0.3, move: 0.05, ins: 0.05, del: 0.05 });
      const oldDraft = importDraft(oldText).draft, newDraft = importDraft(newText).draft;
      const { comparison, bytes, before, after } = await roundTrip(oldDraft, newDraft, `generated-${seed}`);
      expect(comparison.summary.moved).toBeGreaterThan(0);
      // Two margin notes per move: where it went, where it came from.
      const comments = strFromU8(unzipSync(bytes)['word/comments.xml']!);
      expect(comments.match(/<w:comment /g)).toHaveLength(2 * comparison.summary.moved);
      expect(emptyParagraphs(bytes)).toEqual({ before: 0, after: 0 });
      expect(comparison.summary.inserted + comparison.summary.deleted).toBeGreaterThan(0);
      expect(differences(before)).toEqual([]);
      expect(differences(after)).toEqual([]);
    }
  });

  it('tracks each change in the name and on the date given, headings as Word headings, a clause put in heading and all', async () => {
    const [older, newer] = await Promise.all([loadDraftRef(`${dossier}@1`), loadDraftRef(`${dossier}@5`)]);
    const { bytes } = await roundTrip(older.draft, newer.draft, 'marks');
    const xml = documentXml(bytes);
    const authors = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]));
    expect(authors).toEqual(new Set(['US']));
    expect(new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:date="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['2026-05-28T12:00:00Z']));
    // Every tracked change has its own id.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // v5 put in Paragraph 2 (territorial integrity): its heading is a Heading 2 put in, its mark too.
    const heading = /<w:p>(?:(?!<\/w:p>).)*Respect for territorial integrity(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)![0];
    expect(heading).toContain('<w:pStyle w:val="Heading2"/>');
    expect(heading).toMatch(/<w:pPr>.*<w:rPr><w:ins /s);
    // Paragraph 2 renumbered 3: the number struck and put in, the rest of the heading kept.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t[^>]*>Paragraph <\/w:t><\/w:r><w:del [^>]*><w:r><w:delText[^>]*>2<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>3<\/w:t><\/w:r><\/w:ins><w:r><w:t[^>]*> — <\/w:t><\/w:r><w:r><w:t[^>]*>Supply chains and trade routes</);
    // "shall" → "will" in Paragraph 1: struck and put in, side by side.
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*>shall<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>will<\/w:t><\/w:r><\/w:ins>/);
  });

  it('gives the document the instrument\'s title and its changes\' author as properties; a draft without a title gets none', async () => {
    const [older, newer] = await Promise.all([loadDraftRef(`${dossier}@4`), loadDraftRef(`${dossier}@5`)]);
    const titled = await docxRedline(compareDrafts(older.draft, newer.draft), older.draft, newer.draft, OPTIONS);
    const core = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core(titled)).toContain(`<dc:title>${newer.draft.meta.title}</dc:title>`);
    expect(core(titled)).toContain('<cp:lastModifiedBy>US</cp:lastModifiedBy>');
    // Two plain-text drafts from outside, named after their files: neither the title paragraph nor the property is
    // the file's name.
    const a = importDraft('Article 1\n\nThe Parties shall cooperate.\n', { file: 'draft-a.txt' }).draft;
    const b = importDraft('Article 1\n\nThe Parties will cooperate.\n', { file: 'draft-b.txt' }).draft;
    const untitled = await docxRedline(compareDrafts(a, b), a, b, OPTIONS);
    expect(documentXml(untitled)).not.toContain('draft-b');
    expect(documentXml(untitled)).not.toContain('<w:pStyle w:val="Title"/>');
    expect(core(untitled)).not.toContain('<dc:title>');
    expect(core(untitled)).toContain('<cp:lastModifiedBy>US</cp:lastModifiedBy>');
  });

  it('notes a moved clause in the margin at both places: where it came from or went, and what changed inside it', async () => {
    const [v1, v3, v4, v5] = await Promise.all([1, 3, 4, 5].map((v) => loadDraftRef(`${dossier}@${v}`)));
    // v1 → v5: Paragraph 9 (Stockpiling) moved up to Paragraph 5 and gained a paragraph 3.
    const moved = await roundTrip(v1!.draft, v5!.draft, 'moved-notes');
    const notes = comments(moved.bytes);
    expect(notes.size).toBe(2);
    const xml = documentXml(moved.bytes);
    const [here, away] = [...notes].sort(([a], [b]) => anchoredOn(xml, a).localeCompare(anchoredOn(xml, b)));
    expect(anchoredOn(xml, here![0])).toBe('Paragraph 5 — Stockpiling');
    expect(here![1]).toContain('this was Paragraph 9 — Stockpiling');
    expect(here![1]).toContain('added “3. The Participants intend to explore joint procurement');
    expect(here![1]).toContain('obligation: — → intend to');
    expect(anchoredOn(xml, away![0])).toBe('Paragraph 9 — Stockpiling');
    expect(away![1]).toContain('this is Paragraph 5 — Stockpiling');
    // Comments and tracked changes never share an id; the notes changed no text (the round trip above).
    const ids = [...xml.matchAll(/<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(differences(moved.after)).toEqual([]);
    expect(differences(moved.before)).toEqual([]);
    // v3 → v4: Paragraph 8 moved to Paragraph 5 word for word.
    const unchanged = [...comments((await roundTrip(v3!.draft, v4!.draft, 'moved-unchanged')).bytes).values()];
    expect(unchanged.find((n) => n.startsWith('Moved here'))).toContain('Its wording is unchanged.');
    // No move, no comments part at all.
    const [v2] = await Promise.all([loadDraftRef(`${dossier}@2`)]);
    expect(unzipSync((await roundTrip(v1!.draft, v2!.draft, 'no-move')).bytes)['word/comments.xml']).toBeUndefined();
  });

  it('with legal notes, comments on each clause with a change in law, listing them as the text redline does', async () => {
    const [v1, v5] = await Promise.all([loadDraftRef(`${dossier}@1`), loadDraftRef(`${dossier}@5`)]);
    const comparison = compareDrafts(v1.draft, v5.draft, { staleReferences: true });
    const bytes = await docxRedline(comparison, v1.draft, v5.draft, { ...OPTIONS, legalNotes: true });
    const xml = documentXml(bytes);
    const notes = comments(bytes);
    // One per clause in place with a change in law, two per move (whose note at its new place lists them).
    const inLaw = comparison.changes.filter((c) => !c.moved && c.legal.length > 0);
    expect(inLaw.length).toBeGreaterThan(3);
    expect(notes.size).toBe(inLaw.length + 2 * comparison.summary.moved);
    const purpose = [...notes].find(([id]) => anchoredOn(xml, id) === 'Paragraph 1 — Purpose');
    expect(purpose?.[1].split('\n')).toEqual(['What changed in law:', '• obligation: shall → will (weaker)', '• obligation: — → subject to the availability of appropriated funds (weaker)']);
    // The text is the same, tracked the same: the notes are only comments.
    const plain = await docxRedline(comparison, v1.draft, v5.draft, OPTIONS);
    const strip = (x: string) => x.replace(/<w:comment(?:RangeStart|RangeEnd) w:id="\d+"\/>|<w:(?:ins|del) w:id="\d+"[^>]*><w:r><w:commentReference w:id="\d+"\/><\/w:r><\/w:\w+>|<w:r><w:commentReference w:id="\d+"\/><\/w:r>| w:id="\d+"/g, '');
    expect(strip(xml)).toBe(strip(documentXml(plain)));
  });

  it('keeps italic and bold of words that did not change, and a line break inside a paragraph as a line break', async () => {
    // A hard line break ("  " at the end of the line) inside the paragraph.
    const oldDraft = importDraft('## Article 1\n### Definitions\n\nFor the purposes of this Memorandum, *critical minerals* means the minerals listed in **Annex I**;  \nthe list is reviewed every year.\n').draft;
    const newDraft = importDraft('## Article 1\n### Definitions\n\nFor the purposes of this Memorandum, *critical minerals* means the minerals listed in **Annex I**;  \nthe list is reviewed every two years.\n').draft;
    const { bytes, before, after } = await roundTrip(oldDraft, newDraft, 'styled');
    const xml = documentXml(bytes);
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t[^>]*>critical minerals<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>Annex I<\/w:t><\/w:r>/);
    expect(xml).toContain('<w:br/>');
    expect(differences(before)).toEqual([]);
    expect(differences(after)).toEqual([]);
  });

  it('sets a pipe table out as a Word table, each row put in or struck out as a row, each cell with its own changes (property)', async () => {
    const ROWS = [['2805.30', 'Rare earth metals', '5%'], ['2846.10', 'Cerium compounds', '3%'], ['2846.90', 'Other rare earth compounds', '2%'],
      ['8505.11', 'Permanent magnets', '2%'], ['2825.20', 'Lithium oxide and hydroxide', '4%'], ['8104.11', 'Unwrought magnesium', '6%']];
    const draft = (rows: readonly string[][], closing: string) => importDraft(`## Annex I\n### Tariff schedule\n\nThe Parties shall apply the following rates:\n\n| HS code | Description | Rate |\n|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n${closing}\n`).draft;
    await fc.assert(fc.asyncProperty(
      fc.subarray(ROWS, { minLength: 1 }), fc.subarray(ROWS, { minLength: 1 }), fc.nat(5), fc.constantFrom('0%', '1%', '10%'), fc.boolean(),
      async (older, newer, edited, rate, reworded) => {
        const newRows = newer.map((r, k) => (k === edited % newer.length ? [r[0]!, r[1]!, rate] : r));
        const closing = reworded ? 'Rates are reviewed every two years.' : 'Rates are reviewed every year.';
        const { bytes, before, after } = await roundTrip(draft(older, 'Rates are reviewed every year.'), draft(newRows, closing), 'table');
        // The delimiter row is written again as Parley writes one ("| --- |"): a change of punctuation only.
        expect(differences(before, true)).toEqual([]);
        expect(differences(after, true)).toEqual([]);
        const xml = documentXml(bytes);
        expect(xml).toContain('<w:tblHeader/>');
        const tableRows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
        // One table: a header row and at least a row for each row of the longer draft; the rows of one draft
        // only are row changes, each cell of three its own.
        expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(1);
        expect(tableRows.length).toBeGreaterThanOrEqual(1 + Math.max(older.length, newRows.length));
        expect(tableRows.every((row) => (row.match(/<w:tc>/g) ?? []).length === 3)).toBe(true);
        // Of the R rows under the header, B stand in both drafts, D in the old only, I in the new only: the old
        // draft has B + D rows, the new B + I, so D + I (the rows put in or struck out) is 2R minus both counts.
        const shown = tableRows.length - 1;
        const changedRows = tableRows.filter((row) => /<w:trPr>.*<w:(ins|del) /s.test(row)).length;
        expect(changedRows).toBe(2 * shown - older.length - newRows.length);
      },
    ), { numRuns: 25 });
  });

  it('finds where a paragraph breaks a line, not where blocks meet (lineBreaksInParagraphs)', () => {
    // A Parley draft keeps a paragraph's soft line breaks; a hard break is one too.
    const draft = parseDraft('---\ntitle: T\n---\n\n## Article 1 {#a1}\n\nFirst line\nsecond line.\n\n1. An item\n   on two lines;\n2. another item.\n\n> Quoted\n> text.\n\nHard  \nbreak.\n').draft;
    const body = draft.clauses[0]!.body;
    const text = blocksText(body);
    const breaks = lineBreaksInParagraphs(body);
    expect(breaks.map((at) => [text.slice(Math.max(0, at - 4), at), text[at]])).toEqual([['line', '\n'], ['item', '\n'], ['oted', '\n'], ['Hard', '\n']]);
    // Every other line break of the text is between blocks: after "line.", "lines;", "item." and "text.".
    expect([...text].filter((ch) => ch === '\n').length).toBe(breaks.length + 4);
  });

  it.skipIf(!corpus)('reads as each real draft, but for line breaks read back as spaces (corpus)', async () => {
    const c = corpus!;
    const pairs = [
      ['us-critical-minerals-frameworks_AU-vs-JP/v1_2025-10-20_US-Australia_framework.txt', 'us-critical-minerals-frameworks_AU-vs-JP/v2_2025-10-28_US-Japan_framework.txt'],
      ['us-critical-minerals-MOUs_MY-vs-TH/v1_2025-10-26_US-Malaysia_MOU.txt', 'us-critical-minerals-MOUs_MY-vs-TH/v2_2025-10-26_US-Thailand_MOU.txt'],
      ['us-reciprocal-trade-agreements_MY-KH-JO/v1_2025-10-26_US-Malaysia_ART.txt', 'us-reciprocal-trade-agreements_MY-KH-JO/v2_2025-10-26_US-Cambodia_ART.txt'],
      ['us-reciprocal-trade-agreements_MY-KH-JO/v2_2025-10-26_US-Cambodia_ART.txt', 'us-reciprocal-trade-agreements_MY-KH-JO/v3_2026-07-21_US-Jordan_ART.txt'],
      ['paris-agreement-drafts/v0_2015-10-05_ADP-cochairs-nonpaper-draft-agreement.txt', 'paris-agreement-drafts/v1_2015-10-23_ADP-draft-agreement.md'],
      ['paris-agreement-drafts/v1_2015-10-23_ADP-draft-agreement.md', 'paris-agreement-drafts/v2_2015-12-04_ADP-compilation-draft-agreement.md'],
      ['paris-agreement-drafts/v2_2015-12-04_ADP-compilation-draft-agreement.md', 'paris-agreement-drafts/v3_2015-12-09_draft-paris-outcome-agreement.md'],
      ['paris-agreement-drafts/v3_2015-12-09_draft-paris-outcome-agreement.md', 'paris-agreement-drafts/v4_2015-12-12_paris-agreement-final.md'],
    ];
    for (const [a, b] of pairs) {
      const [older, newer] = await Promise.all([loadDraftRef(path.join(c, a!)), loadDraftRef(path.join(c, b!))]);
      const { before, after } = await roundTrip(older.draft, newer.draft, path.basename(b!));
      expect(differences(before, true), `${a} → ${b}, before`).toEqual([]);
      expect(differences(after, true), `${a} → ${b}, after`).toEqual([]);
    }
  }, 120_000);
});

describe('parley diff --format docx', () => {
  const parley = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), ...args], { encoding: 'utf8' });

  it('writes the Word redline to the file named, in the name of the party that tabled the newer version', () => {
    const out = path.join(dir, 'cli.docx');
    const r = parley('diff', `${dossier}@4`, `${dossier}@5`, '--format', 'docx', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Wrote ${out}\n`);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = documentXml(bytes);
    // v5 was tabled by the US on 2026-05-28 (dossier.yaml).
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="US" w:date="2026-05-28T12:00:00Z">/);
    const named = parley('diff', `${dossier}@4`, `${dossier}@5`, '--format', 'docx', '--author', 'EU legal service', '-o', out);
    expect(named.status, named.stderr).toBe(0);
    expect(documentXml(fs.readFileSync(out))).toMatch(/w:author="EU legal service"/);
    // v4 → v5 moves nothing: no comments, unless legal notes are asked for.
    expect(unzipSync(fs.readFileSync(out))['word/comments.xml']).toBeUndefined();
    const noted = parley('diff', `${dossier}@4`, `${dossier}@5`, '--format', 'docx', '--legal-notes', '-o', out);
    expect(noted.status, noted.stderr).toBe(0);
    expect([...comments(fs.readFileSync(out)).values()].some((n) => n.includes('• obligation: [shall][will] → will (as US proposed)'))).toBe(true);
  });

  it('names a draft from outside by its file name in the notes on a moved clause, as the other redlines do', () => {
    const article = (n: number, title: string, text: string) => `Article ${n}\n${title}\n\n${text}\n`;
    const texts = [['Cooperation', 'The Participants will cooperate on the supply of critical minerals and meet once a year.'],
      ['Research', 'The Participants will promote joint research on the recycling of rare earths and their substitutes.'],
      ['Stockpiles', 'The Participants will inform each other of any planned release of their strategic stocks.']];
    fs.writeFileSync(path.join(dir, 'ours.txt'), texts.map(([t, x], k) => article(k + 1, t!, x!)).join('\n'));
    fs.writeFileSync(path.join(dir, 'theirs.txt'), [texts[2]!, texts[0]!, texts[1]!].map(([t, x], k) => article(k + 1, t!, x!)).join('\n'));
    const out = path.join(dir, 'files.docx');
    const r = parley('diff', path.join(dir, 'ours.txt'), path.join(dir, 'theirs.txt'), '--format', 'docx', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    const notes = [...comments(fs.readFileSync(out)).values()];
    expect(notes).toContain('Moved here. In “ours.txt” this was Article 3 — Stockpiles, struck out where it stood.\nIts wording is unchanged.');
    expect(notes.some((n) => n.startsWith('Moved: in “theirs.txt” this is Article 1 — Stockpiles'))).toBe(true);
  });

  it('asks for a file rather than writing a Word document to the terminal, and says which options are for it', () => {
    const noFile = parley('diff', `${dossier}@4`, `${dossier}@5`, '--format', 'docx');
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/--format docx writes a Word document: name the file with -o FILE\.docx/);
    const author = parley('diff', `${dossier}@4`, `${dossier}@5`, '--author', 'EU');
    expect(author.status).toBe(2);
    expect(author.stderr).toMatch(/--author names who made the tracked changes of --format docx/);
    const notes = parley('diff', `${dossier}@4`, `${dossier}@5`, '--legal-notes');
    expect(notes.status).toBe(2);
    expect(notes.stderr).toMatch(/--legal-notes puts margin comments in the Word redline \(--format docx\)/);
    // "-o -": standard output, on request.
    const piped = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', `${dossier}@4`, `${dossier}@5`, '--format', 'docx', '-o', '-']);
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString()).toBe('PK');
    // A clause read from the drafts: the text of the clause v5 put in stands in the document.
    expect(documentXml(piped.stdout)).toContain('Signed in duplicate at');
  });
});
