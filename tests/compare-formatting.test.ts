/**
 * Changes of formatting only (compare/formatting.ts): the same words set in italic or bold on one side and not
 * on the other are an edit, cosmetic, marked in the redline with each side's style — through compareDrafts,
 * the text and HTML redlines, a clause's history and the three-way diff; and not compared against a draft
 * that carries no formatting at all (a plain-text import).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { clauseHistory } from '../src/compare/history.js';
import { threeWay } from '../src/compare/three-way.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft } from '../src/format/markdown.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { textRedline } from '../src/export/text-redline.js';
import { corpus } from './support/corpus.js';

const FRONT = '---\nparley: 1\ntitle: Memorandum\nparties:\n  EU: European Union\n  US: United States\n---\n\n';
const draft = (...articles: string[]) =>
  parseDraft(FRONT + articles.map((body, k) => `## Article ${k + 1} {#a${k + 1}}\n\n${body}\n`).join('\n')).draft;

const changes = (words: { op: string; text: string; style?: string; cosmetic?: boolean }[]) =>
  words.filter((w) => w.op !== 'equal').map((w) => `${w.op} ${JSON.stringify(w.text)}${w.style ? ` ${w.style}` : ''}${w.cosmetic ? ' cosmetic' : ''}`);

const OTHER = 'The Participants will share information on supply risks.';

describe('a change of formatting only', () => {
  it('is an edit, its words the same, the stretch struck plain and inserted in italic, cosmetic', () => {
    const before = draft('The rules shall apply mutatis mutandis to this Memorandum.', OTHER);
    const after = draft('The rules shall apply *mutatis mutandis* to this Memorandum.', OTHER);
    const r = compareDrafts(before, after);
    const c = r.changes[0]!;
    expect(c.kind).toBe('edited');
    expect(c.similarity).toBe(1);
    expect(changes(c.words)).toEqual(['delete "mutatis mutandis" plain cosmetic', 'insert "mutatis mutandis" italic cosmetic']);
    expect(c.legal).toEqual([]);
    // The words still rebuild both texts.
    expect(c.words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe('The rules shall apply mutatis mutandis to this Memorandum.');
    expect(c.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe('The rules shall apply mutatis mutandis to this Memorandum.');
    expect(r.changes[1]!.kind).toBe('unchanged');
    expect(r.summary.edited).toBe(1);
  });

  it('marks italic taken away, bold added, and two neighbouring changes apart', () => {
    const before = draft('*Recognising* the *a* b role of **industry**.', OTHER);
    const after = draft('Recognising the a *b* role of ***industry***.', OTHER);
    expect(changes(compareDrafts(before, after).changes[0]!.words)).toEqual([
      'delete "Recognising" italic cosmetic', 'insert "Recognising" plain cosmetic',
      'delete "a" italic cosmetic', 'insert "a" plain cosmetic',
      'delete "b" plain cosmetic', 'insert "b" italic cosmetic',
      'delete "industry" bold cosmetic', 'insert "industry" bold italic cosmetic',
    ]);
  });

  it('is marked beside the changes of words in the same clause, which the legal reading reads as before', () => {
    const before = draft('Each Participant shall apply the rules mutatis mutandis within thirty (30) days.', OTHER);
    const after = draft('Each Participant will apply the rules *mutatis mutandis* within sixty (60) days.', OTHER);
    const c = compareDrafts(before, after).changes[0]!;
    expect(changes(c.words)).toEqual([
      'delete "shall"', 'insert "will"',
      'delete "mutatis mutandis" plain cosmetic', 'insert "mutatis mutandis" italic cosmetic',
      'delete "thirty (30)"', 'insert "sixty (60)"',
    ]);
    expect(c.legal.map((l) => `${l.type}: ${l.old} → ${l.new}`)).toEqual(['obligation: shall → will', 'figure: within thirty (30) days → within sixty (60) days']);
  });

  it('does not count a space set otherwise next to its word', () => {
    // Word often italicises the space after a word; Markdown cannot, so build the clause from the model.
    const before = draft('Apply it mutatis mutandis now.', OTHER);
    const after = draft('Apply it mutatis mutandis now.', OTHER);
    const para = after.clauses[0]!.body[0]!;
    if (para.type !== 'paragraph') throw new Error('a paragraph');
    para.children = [{ type: 'text', value: 'Apply it' }, { type: 'emphasis', children: [{ type: 'text', value: ' mutatis mutandis ' }] }, { type: 'text', value: 'now.' }];
    expect(changes(compareDrafts(before, after).changes[0]!.words)).toEqual(['delete "mutatis mutandis" plain cosmetic', 'insert "mutatis mutandis" italic cosmetic']);
  });

  it('leaves a clause unchanged whose italic differs only in the spaces it takes in', () => {
    const before = draft('Apply it *mutatis mutandis* now, *a* *b*.', OTHER);
    const after = draft('Apply it mutatis mutandis now, *a b*.', OTHER);
    const para = after.clauses[0]!.body[0]!;
    if (para.type !== 'paragraph') throw new Error('a paragraph');
    // " mutatis mutandis " in italic, spaces and all, as Word often sets it.
    para.children = [{ type: 'text', value: 'Apply it' }, { type: 'emphasis', children: [{ type: 'text', value: ' mutatis mutandis ' }] }, { type: 'text', value: 'now, ' }, ...para.children.slice(1)];
    expect(compareDrafts(before, after).changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged']);
  });

  it('leaves a clause unchanged whose formatting is the same, renumbered cross-references aside', () => {
    const before = draft('Apply *mutatis mutandis* as Article 2 says.', OTHER);
    const after = draft('Apply *mutatis mutandis* as Article 2 says.', OTHER);
    expect(compareDrafts(before, after).changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged']);
  });

  it('is not compared against a draft that carries no formatting anywhere (plain text)', () => {
    const styled = draft('The rules shall apply *mutatis mutandis* to this Memorandum.', OTHER);
    const plain = importDraft('ARTICLE 1\n\nThe rules shall apply mutatis mutandis to this Memorandum.\n\nARTICLE 2\n\n' + OTHER + '\n').draft;
    const r = compareDrafts(plain, styled, { ids: 'never' });
    expect(r.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged']);
    expect(r.changes[0]!.words).toEqual([{ op: 'equal', text: 'The rules shall apply mutatis mutandis to this Memorandum.' }]);
  });

  it('reads in the text redline with each side in Markdown marks, and hides as cosmetic', () => {
    const r = compareDrafts(draft('Apply mutatis mutandis.', OTHER), draft('Apply *mutatis mutandis*.', OTHER));
    expect(textRedline(r, { changedOnly: true })).toContain('Apply [-mutatis mutandis-]{+*mutatis mutandis*+}.');
    expect(textRedline(r, { changedOnly: true })).toContain('Article 1  [edited, cosmetic only]\n');
    expect(textRedline(r, { changedOnly: false, hideCosmetic: true })).toContain('[edited: cosmetic only, not marked]');
  });

  it('reads in the HTML redline with each side in its style, and says which', () => {
    const html = htmlRedline(compareDrafts(draft('Apply **mutatis mutandis**.', OTHER), draft('Apply *mutatis mutandis*.', OTHER)));
    expect(html).toContain('<del class="cosmetic" title="Formatting: was bold"><b>mutatis mutandis</b></del>');
    expect(html).toContain('<ins class="cosmetic" title="Formatting: now italic"><i>mutatis mutandis</i></ins>');
    expect(html).toContain('<span class="badges">(<span class="badge edited">edited</span>, <span class="badge cosmetic-only">cosmetic only</span>)</span>');
  });
});

describe('a change of formatting across a dossier', () => {
  const v1 = draft('The rules shall apply mutatis mutandis.', OTHER);
  const v2 = draft('The rules shall apply *mutatis mutandis*.', OTHER);

  it('is a step of the clause history', () => {
    const h = clauseHistory([
      { version: 1, label: 'first', tabledBy: 'EU', date: '2026-01-01', status: 'draft', draft: v1 },
      { version: 2, label: 'second', tabledBy: 'US', date: '2026-02-01', status: 'draft', draft: v2 },
    ], 'a1');
    const step = h.entries[1]!.change!;
    expect(step.kind).toBe('edited');
    expect(changes(step.words)).toEqual(['delete "mutatis mutandis" plain cosmetic', 'insert "mutatis mutandis" italic cosmetic']);
    expect(clauseHistory([
      { version: 1, label: 'first', tabledBy: 'EU', date: '2026-01-01', status: 'draft', draft: v2 },
      { version: 2, label: 'second', tabledBy: 'US', date: '2026-02-01', status: 'draft', draft: v2 },
    ], 'a1').entries[1]!.change!.kind).toBe('unchanged');
  });

  it('is a change of the side that made it in a three-way diff', () => {
    const r = threeWay(v1, v2, v1);
    const entry = r.entries.find((e) => e.id === 'a1')!;
    expect(entry.status).toBe('first-only');
    expect(changes(entry.firstChange!.words)).toEqual(['delete "mutatis mutandis" plain cosmetic', 'insert "mutatis mutandis" italic cosmetic']);
    expect(threeWay(v1, v2, v2).entries.find((e) => e.id === 'a1')!.status).toBe('both-same');
  });
});

describe.skipIf(!corpus)('the Paris Agreement and its editorial corrections (29 January 2016)', () => {
  it('reads the italics the corrections put on "mutatis mutandis" as formatting, in each article that has it', () => {
    const dir = path.join(corpus ?? '', 'paris-agreement-drafts');
    const read = (f: string) => importDraft(fs.readFileSync(path.join(dir, f), 'utf8'), { file: f }).draft;
    const r = compareDrafts(read('v4_2015-12-12_paris-agreement-final.md'), read('extras/v4b_2016-01-29_paris-agreement-final-with-editorial-corrections.md'));
    const formatted = r.changes.filter((c) => c.words.some((w) => w.style === 'italic' && w.text === 'mutatis mutandis'));
    expect(formatted.map((c) => c.new[0]!.label)).toEqual(['Article 16', 'Article 17', 'Article 18', 'Article 22', 'Article 23', 'Article 24']);
    // Articles 18, 22, 23 and 24 changed in nothing else: edits, cosmetic only.
    for (const label of ['Article 18', 'Article 22', 'Article 23', 'Article 24']) {
      const c = r.changes.find((x) => x.new[0]?.label === label)!;
      expect(c.kind).toBe('edited');
      expect(c.words.every((w) => w.op === 'equal' || (w.cosmetic && w.style))).toBe(true);
    }
  });
});
