/**
 * Drafts from outside are whatever someone typed. For random text built from the pieces drafts are made of
 * (headings, numbers, brackets, directives, footnotes, fences, front matter, stray characters, and the tags and
 * marks of converted documents and web pages), the readers
 * never throw, and the comparison of two such drafts never throws and keeps its contract: the words of each
 * entry rebuild the old clause text (equal and deleted runs) and the new one (equal and inserted runs), and each
 * stale reference's places lie in the new text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDrafts } from '../src/compare/align.js';
import { compareDrafts } from '../src/compare/compare.js';
import { importDraft } from '../src/format/import-text.js';
import { htmlDocumentText } from '../src/format/import/html.js';
import { parseDraft } from '../src/format/markdown.js';
import { blocksText, clauseText } from '../src/model/text.js';

const PIECES = [
  '# ', '## ', '### ', '#', '\n', '\n\n', '1. ', '2. ', '(a) ', '- ', '> ', '```\n', '[^1]', '[^1]: a note\n', '{#id}', '{#a .topic}',
  '**', '*', ':bracket[', ']{by="EU"}', ':::position{party="EU" stance="reserves"}\n', ':::\n', '---\n', 'title: x\n', '[', ']',
  'Article 1', 'Article 2', 'ARTICLE II', 'Article 2(1)', 'paragraph 2 of Article 1', 'Section 2.1:', 'PREAMBLE', 'Paragraph 4',
  'of the Convention', 'shall ', 'will not ', 'thirty (30) days ', 'The Participants will cooperate on gallium. ', '\t', '\u00a0', '\r\n', 'é', '😀',
  // What converted documents and web pages hold.
  '<!DOCTYPE html>', '<p>', '</p>', '<strong>', '</strong>', '<u>', '<br>', '<h2>', '</h2>', '<ol type="a"><li>', '<ol start="3"><li value="2">',
  '</li></ol>', '<sup>1</sup>', '<a href="#_ftn1">[1]</a>', '<section class="footnotes"><ol><li id="fn1">', '<table><tr><td>',
  '<span style="font-weight:bold">', '</span>', '&#xA0;', '\\[1\\] ', '** **', '* TOC\n', '{:toc}\n', '[ref]: http://x\n', '    indented\n',
  '<s>', '</s>', '<del>', '<strike>', '<th>', '</td><td>', '</tr><tr><td>', '<td colspan="2">', '<td rowspan="3">', '</td></tr></table>',
  // Tables as Markdown writes them.
  '| a | b |\n', '|---|---|\n', '| 2805.30 | 5% |\n', '| x \\| y |', '|', '| 2805.30 | 0% |\n', '|  | - scandium | 3% |\n',
  // Tables set out with spaces, as text extracted from a PDF holds them (layout-table.ts).
  '   HS code      Description            Rate\n', '                                       (%)\n', '   2805.30      Rare earth  metals     5%\n',
  '                or not intermixed\n', '                - scandium             3%\n', '   2846.10      Cerium                 3.7\n', '\uf0b7   bullet\n', 'rare-\n',
];

const text = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** A second draft: another random one, or the first with articles put in front and numbers and verbs changed. */
const pair = fc.tuple(text, text, fc.nat(3)).map(([a, b, how]) => {
  if (how === 0) return [a, b] as const;
  const renumbered = a.replace(/Article (\d)/g, (_, d: string) => `Article ${Number(d) + how}`).replace(/shall/g, 'will');
  return [a, how === 1 ? `## Article 1\n\nDefinitions of critical minerals.\n\n${renumbered}` : renumbered] as const;
});

describe('robustness on random drafts', () => {
  it('the readers never throw', () => {
    fc.assert(fc.property(text, (source) => {
      importDraft(source, { format: 'markdown', file: 'x.md' });
      importDraft(source, { format: 'text', file: 'x.txt' });
      parseDraft(source, { file: 'x.md' });
      // A web page: made Markdown, then imported as one.
      importDraft(htmlDocumentText(source).text, { format: 'markdown', file: 'x.html' });
    }), { numRuns: 1500 });
  });

  it('the comparison never throws, its words rebuild both texts, and stale references lie in the new text', () => {
    const marked = { brackets: 'marked' } as const;
    fc.assert(fc.property(pair, ([a, b]) => {
      const older = importDraft(a, { file: 'old.md' }).draft;
      const newer = importDraft(b, { file: 'new.md' }).draft;
      const comparison = compareDrafts(older, newer, { staleReferences: true });
      const alignment = alignDrafts(older, newer);
      expect(comparison.changes).toHaveLength(alignment.changes.length);
      // The title block's redline too: none where the text before the first clause is the same, one where it
      // differs under the same title (a title changed too may take it along: compare.ts, restatesTitle).
      const oldFront = blocksText(older.front, marked), newFront = blocksText(newer.front, marked);
      if (oldFront === newFront) expect(comparison.front).toBeUndefined();
      else if (older.meta.title === newer.meta.title) expect(comparison.front).toBeDefined();
      if (comparison.front) {
        expect(comparison.front.words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe(oldFront);
        expect(comparison.front.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(newFront);
      }
      comparison.changes.forEach((change, k) => {
        const aligned = alignment.changes[k]!;
        const oldText = aligned.old.map((i) => clauseText(alignment.oldClauses[i]!.clause, marked)).join('\n');
        const newText = aligned.new.map((j) => clauseText(alignment.newClauses[j]!.clause, marked)).join('\n');
        if (change.words.length === 0) {
          expect(oldText + newText).toBe('');
          return;
        }
        // An edit shows: something in its redline or its title is marked (a reader must not meet "[edited]" and
        // find nothing changed).
        if (change.kind === 'edited') expect(change.words.some((w) => w.op !== 'equal') || change.titleWords !== undefined, JSON.stringify(change)).toBe(true);
        const rebuilt = (skip: string) => change.words.filter((w) => w.op !== skip).map((w) => w.text).join('');
        if (aligned.old.length > 0) expect(rebuilt('insert')).toBe(oldText);
        if (aligned.new.length > 0) expect(rebuilt('delete')).toBe(newText);
        for (const stale of change.staleReferences ?? []) {
          expect(newText.slice(stale.places[0]!.start, stale.places[0]!.end)).toBe(stale.text);
          for (const place of stale.places) expect(0 <= place.start && place.start < place.end && place.end <= newText.length).toBe(true);
        }
      });
    }), { numRuns: 600 });
  });
});
