import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';
import { corpus, readCorpus } from './support/corpus.js';

/** "label|title: provision count" for every clause in reading order, nested ones indented. */
function outline(file: string): string[] {
  const { draft, diagnostics } = importDraft(readCorpus(file), { file });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return [...walkClauses(draft.clauses)].map(({ clause, path }) => '  '.repeat(path.length) + (clause.label || clause.title) + ': ' + provisionsOf(clause).length);
}

describe.skipIf(!corpus)('importing the real corpus', () => {
  it('US–Malaysia MOU: 8 recitals between opening and closing lines, four capital-titled parts', () => {
    expect(outline('us-critical-minerals-MOUs_MY-vs-TH/v1_2025-10-26_US-Malaysia_MOU.txt')).toEqual([
      'Preamble: 10', 'OBJECTIVE: 1', 'AREAS OF COOPERATION: 4', 'IMPLEMENTATION AND INFORMATION SHARING: 1',
      'COMMENCEMENT AND DISCONTINUATION: 5', 'Signatures: 5',
    ]);
  });
  it('US–Thailand MOU: title block is front matter; Areas of Cooperation has 5 paragraphs', () => {
    const file = 'us-critical-minerals-MOUs_MY-vs-TH/v2_2025-10-26_US-Thailand_MOU.txt';
    expect(outline(file)).toEqual([
      'Preamble: 10', 'OBJECTIVE: 1', 'AREAS OF COOPERATION: 5', 'IMPLEMENTATION AND INFORMATION SHARING: 1',
      'COMMENCEMENT AND DISCONTINUATION: 5', 'Signatures: 5',
    ]);
    expect(importDraft(readCorpus(file), { file }).draft.front.length).toBe(7);
  });
  it('US–Australia framework: sections with title lines, paragraph 2 has points (a)–(d)', () => {
    const file = 'us-critical-minerals-frameworks_AU-vs-JP/v1_2025-10-20_US-Australia_framework.txt';
    expect(outline(file)).toEqual(['Preamble: 6', 'Section I: 9', 'Section II: 4', 'Signatures: 5']);
    const section = importDraft(readCorpus(file), { file }).draft.clauses[1]!;
    expect(section.title).toBe('Critical Minerals and Rare Earths');
    expect(provisionsOf(section)[1]!.points.map((p) => p.label)).toEqual(['(a)', '(b)', '(c)', '(d)']);
  });
  it('US–Japan framework: 7 recitals and a 10th paragraph', () => {
    expect(outline('us-critical-minerals-frameworks_AU-vs-JP/v2_2025-10-28_US-Japan_framework.txt')).toEqual([
      'Preamble: 8', 'Section I: 10', 'Section II: 4', 'Signatures: 5',
    ]);
  });
  it('US–Malaysia trade agreement: 32 articles in 7 sections', () => {
    const o = outline('us-reciprocal-trade-agreements_MY-KH-JO/v1_2025-10-26_US-Malaysia_ART.txt');
    expect(o.filter((l) => l.startsWith('  Article')).length).toBe(32);
    expect(o.filter((l) => l.startsWith('Section')).map((l) => l.split(':')[0])).toEqual(
      ['Section 1', 'Section 2', 'Section 3', 'Section 4', 'Section 5', 'Section 6', 'Section 7']);
    expect(o).toContain('  Article 2.12: 3');
    expect(o).toContain('  Article 3.4: 2');
    expect(o).toContain('  Article 5.2: 4');
    expect(o).toContain('  Article 6.2: 3');
    expect(o[0]).toBe('Preamble: 6');
    expect(o.slice(-2)).toEqual(['Signatures: 4', 'Footnotes: 13']);
  });
  it('US–Cambodia (30 articles) and US–Jordan (27 articles in 6 sections)', () => {
    const kh = outline('us-reciprocal-trade-agreements_MY-KH-JO/v2_2025-10-26_US-Cambodia_ART.txt');
    expect(kh.filter((l) => l.startsWith('  Article')).length).toBe(30);
    expect(kh).toContain('  Article 2.1: 3');
    const jo = outline('us-reciprocal-trade-agreements_MY-KH-JO/v3_2026-07-21_US-Jordan_ART.txt');
    expect(jo.filter((l) => l.startsWith('  Article')).length).toBe(27);
    expect(jo.filter((l) => l.startsWith('Section')).length).toBe(6);
    expect(jo).toContain('  Article 5.2: 5');
    expect(jo).toContain('  Article 6.6: 2');
  });
  it('Paris v0 (layout text): preamble and 26 articles with subject titles', () => {
    const o = outline('paris-agreement-drafts/v0_2015-10-05_ADP-cochairs-nonpaper-draft-agreement.txt');
    expect(o.map((l) => l.split(':')[0])).toEqual(['Preamble', ...Array.from({ length: 26 }, (_, i) => `Article ${i + 1}`)]);
    expect(o).toContain('Article 2: 2');
    expect(o).toContain('Article 25: 3');
  });
  it('Paris v1/v2 (Markdown): 30 articles including 2bis, 3bis, 3ter, 8 bis; v3: 29 (no 17)', () => {
    const articles = ['1', '2', '2bis', '3', '3bis', '3ter', '4', '5', '6', '7', '8', '8 bis', ...Array.from({ length: 18 }, (_, i) => String(i + 9))].map((n) => 'Article ' + n);
    for (const f of ['v1_2015-10-23_ADP-draft-agreement.md', 'v2_2015-12-04_ADP-compilation-draft-agreement.md']) {
      expect(outline('paris-agreement-drafts/' + f).map((l) => l.split(':')[0])).toEqual(['Preamble', ...articles, 'Footnotes']);
    }
    const v3 = outline('paris-agreement-drafts/v3_2015-12-09_draft-paris-outcome-agreement.md').map((l) => l.split(':')[0]);
    expect(v3).toEqual(['Preamble', ...articles.filter((a) => a !== 'Article 17')]);
    expect(outline('paris-agreement-drafts/v1_2015-10-23_ADP-draft-agreement.md')).toContain('Article 3bis: 4');
  });
  it('Paris v4 (adopted): 29 articles, signature in a trailing clause', () => {
    const o = outline('paris-agreement-drafts/v4_2015-12-12_paris-agreement-final.md');
    expect(o.map((l) => l.split(':')[0])).toEqual(['Preamble', ...Array.from({ length: 29 }, (_, i) => `Article ${i + 1}`), 'Signatures']);
    expect(o).toContain('Article 4: 19');
    // Fifteen paragraphs, as the text numbers them: paragraph 7's two points are written " 1." and " 2." under it,
    // too little indented for Markdown, which read them as paragraphs 8 and 9 and the rest two numbers on (17).
    expect(o).toContain('Article 13: 15');
  });
});

describe.skipIf(!corpus)('imported corpus drafts survive the Parley format', () => {
  const files = corpus ? fs.readdirSync(corpus).flatMap((dir) =>
    fs.statSync(path.join(corpus!, dir)).isDirectory()
      ? fs.readdirSync(path.join(corpus!, dir)).filter((f) => /^v\d.*\.(txt|md)$/.test(f)).map((f) => `${dir}/${f}`)
      : []) : [];
  it('finds every version file of every case', () => expect(files.length).toBeGreaterThanOrEqual(12));
  it.each(files)('%s: import → serialize → parse gives the same draft, and canonical bytes are stable', (file) => {
    const imported = importDraft(readCorpus(file), { file }).draft;
    const text = serializeDraft(imported);
    const back = parseDraft(text, { file });
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The same draft, but for what was said of its source (a plain-text one carries no formatting; one whose
    // text names no title is titled by its file's name), which is not written to disk.
    const { unformatted, untitled, ...content } = imported;
    expect(unformatted).toBe(file.endsWith('.txt') ? true : undefined);
    expect(untitled === true).toBe(content.meta.title === path.basename(file).replace(/\.[^.]+$/, ''));
    expect(back.draft).toStrictEqual(content);
    expect(serializeDraft(back.draft)).toBe(text);
  });
});

describe('synthetic treaties from gen-treaty.mjs', () => {
  const tool = path.resolve(import.meta.dirname, '../../shared/tools/gen-treaty.mjs');
  it.skipIf(!fs.existsSync(tool))('import with one clause per article, titles from the ### line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gt-'));
    let source: string;
    try {
      execFileSync(process.execPath, [tool, '50', dir, '42']);
      source = fs.readFileSync(path.join(dir, 'old.md'), 'utf8');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const { draft } = importDraft(source, { file: 'old.md' });
    expect(draft.clauses.map((c) => c.label)).toEqual(Array.from({ length: 50 }, (_, i) => `Article ${i + 1}`));
    expect(draft.clauses.every((c) => c.title !== '' && c.children.length === 0)).toBe(true);
    // Provisions per article = the numbered paragraphs of that article in the source.
    const chunks = source.split(/^## Article \d+$/m).slice(1);
    draft.clauses.forEach((c, i) => expect(provisionsOf(c).length).toBe((chunks[i]!.match(/^\d+\. /gm) ?? []).length));
  });
});
