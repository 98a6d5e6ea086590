/**
 * The plain text of a clause (model/text.ts) as the comparison reads it: one paragraph per line, a list item
 * opened by its number as written in the draft ("4. "), whatever the list starts at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/format/markdown.js';
import { importDraft } from '../src/format/import-text.js';
import type { Block, Clause, Inline } from '../src/model/draft.js';
import { BOLD, ITALIC, blocksText, blocksTextLength, bracketMarks, clauseText, styleRuns } from '../src/model/text.js';
import { corpus } from './support/corpus.js';

const textOf = (body: string) => clauseText(parseDraft(`## Article 1\n\n${body}\n`).draft.clauses[0]!, { brackets: 'marked' });

describe('clauseText', () => {
  it('numbers list items from where the list starts, after a paragraph or at the start', () => {
    expect(textOf('1. Cooperate.\n\n2. Notify.')).toBe('1. Cooperate.\n2. Notify.');
    expect(textOf('The Participants will:\n\n0. map the routes;\n\n1. secure the ports.')).toBe('The Participants will:\n0. map the routes;\n1. secure the ports.');
    // Across the numbers whose openings are kept (below 1,000) and those built each time.
    expect(textOf('998. One.\n\n999. Two.\n\n1000. Three.\n\n1001. Four.')).toBe('998. One.\n999. Two.\n1000. Three.\n1001. Four.');
  });

  it('writes unnumbered items and the further paragraphs of an item on lines of their own', () => {
    expect(textOf('- Gallium.\n- Germanium.')).toBe('Gallium.\nGermanium.');
    expect(textOf('3. Each Party will notify the other.\n\n   This includes gallium.\n\n4. Review.')).toBe('3. Each Party will notify the other.\nThis includes gallium.\n4. Review.');
    expect(textOf('1. First.\n\n- Loose.\n\n5. Fifth.')).toBe('1. First.\nLoose.\n5. Fifth.');
  });
});

describe('bracketMarks', () => {
  it('lists every "[" of the marked text in order: a party for a bracket, null for a literal one', () => {
    const body = [
      'See \\[1\\] and :bracket[*[the] Annex*]{by="EU"}:bracket[the :bracket[Schedule]{by="EU"}]{by="US"}.',
      '',
      ':::position{party="US" stance="reserves"}',
      'A note with \\[brackets\\] that is commentary.',
      ':::',
      '',
      '1. Item :bracket[one]{by="US"}.',
    ].join('\n');
    const clause = parseDraft(`## Article 1\n\n${body}\n`).draft.clauses[0]!;
    const text = clauseText(clause, { brackets: 'marked' });
    const marks = bracketMarks(clause.body);
    expect(marks).toEqual([null, 'EU', null, 'US', 'EU', 'US']);
    expect(text.split('[').length - 1).toBe(marks.length);
  });
});

/** The text of every italic or bold leaf, in order, with its style: read from the tree, not from offsets. */
function styledLeaves(blocks: readonly Block[]): { text: string; style: number }[] {
  const out: { text: string; style: number }[] = [];
  const inlines = (nodes: readonly Inline[], style: number): void => {
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'rawInline') { if (style && n.value) out.push({ text: n.value, style }); }
      else if (n.type === 'emphasis') inlines(n.children, style | ITALIC);
      else if (n.type === 'strong') inlines(n.children, style | BOLD);
      else if (n.type === 'bracket') inlines(n.children, style);
    }
  };
  const walk = (list: readonly Block[]): void => {
    for (const b of list) {
      if (b.type === 'paragraph') inlines(b.children, 0);
      else if (b.type === 'list') for (const item of b.children) walk(item.children);
      else if (b.type === 'blockquote') walk(b.children);
    }
  };
  walk(blocks);
  return out;
}

describe('styleRuns and blocksTextLength', () => {
  const body = (md: string) => parseDraft(`## Article 1\n\n${md}\n`).draft.clauses[0]!.body;

  it('place italic and bold text where blocksText writes it, brackets marked or not', () => {
    const blocks = body([
      'The provisions shall apply *mutatis mutandis* to :bracket[**this** Agreement]{by="EU"}.',
      '',
      '1. First, ***both*** here;',
      '',
      '   > quoted *aside*',
      '',
      '2. Second *a* *b*.',
    ].join('\n'));
    for (const brackets of ['marked', 'plain'] as const) {
      const text = blocksText(blocks, { brackets });
      expect(blocksTextLength(blocks, { brackets })).toBe(text.length);
      const runs = styleRuns(blocks, { brackets });
      expect(runs.map((r) => [text.slice(r.start, r.end), r.style])).toEqual([
        ['mutatis mutandis', ITALIC], ['this', BOLD], ['both', ITALIC | BOLD], ['aside', ITALIC], ['a', ITALIC], ['b', ITALIC],
      ]);
    }
  });

  it('joins adjacent runs of one style', () => {
    const blocks = body('Set *in* *italic*, and *x*_y_ joined.');
    const text = blocksText(blocks);
    expect(styleRuns(blocks).map((r) => text.slice(r.start, r.end))).toEqual(['in', 'italic', 'xy']);
  });

  it.skipIf(!corpus)('agree with blocksText on every clause of the real texts and the sample dossier', () => {
    const files: string[] = [];
    for (const dir of fs.readdirSync(corpus!)) {
      const full = path.join(corpus!, dir);
      if (!fs.statSync(full).isDirectory()) continue;
      for (const f of fs.readdirSync(full)) if (/\.(md|txt)$/.test(f)) files.push(path.join(full, f));
      const extras = path.join(full, 'extras');
      if (fs.existsSync(extras)) for (const f of fs.readdirSync(extras)) if (f.endsWith('.md')) files.push(path.join(extras, f));
    }
    const versions = path.resolve('fixtures/rare-earths-mou/versions');
    for (const f of fs.readdirSync(versions)) files.push(path.join(versions, f));
    let styled = 0;
    const visit = (clauses: readonly Clause[]): void => {
      for (const c of clauses) {
        for (const brackets of ['marked', 'plain'] as const) {
          const text = blocksText(c.body, { brackets });
          expect(blocksTextLength(c.body, { brackets })).toBe(text.length);
          const runs = styleRuns(c.body, { brackets });
          // The runs, read at their offsets, hold the styled leaves' text in order (adjacent ones joined).
          const leaves = styledLeaves(c.body);
          expect(runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(leaves.map((l) => l.text).join(''));
          for (const r of runs) expect(r.end).toBeLessThanOrEqual(text.length);
          styled += runs.length;
        }
        visit(c.children);
      }
    };
    for (const f of files) visit(importDraft(fs.readFileSync(f, 'utf8'), { file: f }).draft.clauses);
    // The Paris drafts set much in italic and bold: the check read some.
    expect(styled).toBeGreaterThan(100);
  });
});
