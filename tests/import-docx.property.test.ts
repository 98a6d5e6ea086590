/**
 * Word documents from outside are whatever some word processor wrote. For random documents built from the
 * pieces WordprocessingML is made of (numbered paragraphs on lists that may not exist, levels out of range,
 * tracked insertions and deletions of text and of paragraph marks, property changes, tables, content
 * controls, footnote references, hidden runs) over random numbering and style definitions (any number
 * format, level texts naming missing levels, huge or negative starts, style chains that loop), the reader
 * either gives a text the importers read without throwing, or refuses the document with a WordDocumentError
 * (a sentence for the user). Nothing else may escape: any other exception would reach the user as an internal
 * error.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDraft } from '../src/format/import-text.js';
import { WordDocumentError, wordDocumentText } from '../src/format/import/docx.js';
import { applyRunStyles } from '../src/format/import/word-run-styles.js';
import type { Block, Draft } from '../src/model/draft.js';
import { inlineText } from '../src/model/text.js';

/** The text of every paragraph of a draft, formatting aside. */
function paragraphTexts(draft: Draft): string[] {
  const out: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push(inlineText(b.children));
      else if (b.type === 'list') for (const item of b.children) visit(item.children);
      else if (b.type === 'position' || b.type === 'blockquote') visit(b.children);
    }
  };
  visit(draft.front);
  const clauses = (list: Draft['clauses']) => { for (const c of list) { visit(c.body); clauses(c.children); } };
  clauses(draft.clauses);
  return out;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TRACK = 'w:id="1" w:author="EU" w:date="2026-06-10T09:00:00Z"';

const run = fc.constantFrom(
  '<w:r><w:t>Article 1</w:t></w:r>', '<w:r><w:t xml:space="preserve">The Participants shall </w:t></w:r>', '<w:r><w:t>cooperate.</w:t></w:r>',
  '<w:r><w:tab/></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:footnoteReference w:id="99"/></w:r>',
  '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>', '<w:r><w:delText>gone</w:delText></w:r>', '<w:r><w:instrText>PAGE</w:instrText></w:r>',
  '<w:r><w:t>(a)</w:t></w:r>', '<w:r><w:t>Paragraph 4 — No export bans</w:t></w:r>', '<w:r><w:t>[</w:t></w:r>', '<w:r><w:t>#</w:t></w:r>', '',
  // Italic and bold: direct, turned off, by a character style (one based on a loop), changed with changes tracked.
  '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">mutatis mutandis </w:t></w:r>', '<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>shall</w:t></w:r>',
  '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>*not*</w:t></w:r>', '<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>',
  '<w:r><w:rPr><w:rStyle w:val="CharLoop"/></w:rPr><w:t>looped</w:t></w:r>', '<w:r><w:rPr><w:rStyle w:val="Missing"/><w:b/></w:rPr><w:t>1.</w:t></w:r>',
  `<w:r><w:rPr><w:i/><w:rPrChange ${'w:id="2" w:author="US" w:date="2026-06-10T09:00:00Z"'}><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>binding</w:t></w:r>`,
);
const wrapped = fc.tuple(fc.constantFrom('ins', 'del', 'moveFrom', 'moveTo', 'hyperlink', 'smartTag'), fc.array(run, { maxLength: 3 }))
  .map(([tag, runs]) => `<w:${tag} ${tag === 'hyperlink' || tag === 'smartTag' ? '' : TRACK}>${runs.join('')}</w:${tag}>`);

const properties = fc.record({
  style: fc.option(fc.constantFrom('Heading1', 'Heading2', 'Title', 'ListNumber', 'Loop', 'Missing')),
  numbering: fc.option(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: -1, max: 10 }))),
  outline: fc.option(fc.integer({ min: -1, max: 10 })),
  mark: fc.option(fc.constantFrom('ins', 'del')),
  changed: fc.boolean(),
}).map(({ style, numbering, outline, mark, changed }) => '<w:pPr>' +
  (style ? `<w:pStyle w:val="${style}"/>` : '') +
  (numbering ? `<w:numPr><w:ilvl w:val="${numbering[1]}"/><w:numId w:val="${numbering[0]}"/></w:numPr>` : '') +
  (outline !== null ? `<w:outlineLvl w:val="${outline}"/>` : '') +
  (mark ? `<w:rPr><w:${mark} ${TRACK}/></w:rPr>` : '') +
  (changed ? `<w:pPrChange ${TRACK}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>` : '') +
  '</w:pPr>');

const paragraph = fc.tuple(properties, fc.array(fc.oneof({ weight: 4, arbitrary: run }, { weight: 1, arbitrary: wrapped }), { maxLength: 5 }))
  .map(([pPr, runs]) => `<w:p>${pPr}${runs.join('')}</w:p>`);
const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.array(paragraph, { maxLength: 3 }).map((ps) => `<w:tbl><w:tr><w:tc>${ps.join('')}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`) },
  { weight: 1, arbitrary: fc.array(paragraph, { maxLength: 3 }).map((ps) => `<w:sdt><w:sdtContent>${ps.join('')}</w:sdtContent></w:sdt>`) },
);

const level = fc.record({
  ilvl: fc.integer({ min: 0, max: 9 }),
  start: fc.option(fc.constantFrom(-5, 0, 1, 3, 27, 4000, 1_000_000_000)),
  format: fc.constantFrom('decimal', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet', 'none', 'ordinal', 'decimalZero', 'bogus'),
  text: fc.constantFrom('%1.', 'Article %1', '(%2)', '%1.%2.%3', '%10', '', '%', 'Section %1 %9'),
  restart: fc.option(fc.integer({ min: -1, max: 9 })),
  legal: fc.boolean(),
  suffix: fc.option(fc.constantFrom('tab', 'space', 'nothing', 'bogus')),
}).map((l) => `<w:lvl w:ilvl="${l.ilvl}">${l.start !== null ? `<w:start w:val="${l.start}"/>` : ''}<w:numFmt w:val="${l.format}"/>` +
  `${l.restart !== null ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.legal ? '<w:isLgl/>' : ''}${l.suffix ? `<w:suff w:val="${l.suffix}"/>` : ''}` +
  `<w:lvlText w:val="${l.text}"/></w:lvl>`);
const numberingXml = fc.tuple(
  fc.array(fc.array(level, { maxLength: 4 }), { maxLength: 3 }),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -1, max: 3 }), fc.option(fc.integer({ min: -2, max: 50 }))), { maxLength: 4 }),
).map(([abstracts, nums]) => `<w:numbering ${W}>` +
  abstracts.map((levels, a) => `<w:abstractNum w:abstractNumId="${a}">${levels.join('')}</w:abstractNum>`).join('') +
  nums.map(([numId, abstractId, override]) => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>` +
    (override !== null ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${override}"/></w:lvlOverride>` : '') + '</w:num>').join('') +
  '</w:numbering>');

const STYLES = `<w:styles ${W}>` +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop2"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop"/></w:style>' +
  '<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="CharLoop"><w:name w:val="Loop"/><w:basedOn w:val="CharLoop2"/></w:style>' +
  '<w:style w:type="character" w:styleId="CharLoop2"><w:name w:val="Loop 2"/><w:basedOn w:val="CharLoop"/></w:style>' +
  '</w:styles>';
const FOOTNOTES = `<w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>`;

const word = fc.tuple(fc.array(block, { maxLength: 12 }), numberingXml, fc.boolean()).map(([blocks, numbering, withStyles]) => {
  const enc = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    'word/document.xml': enc(`<w:document ${W}><w:body>${blocks.join('')}<w:sectPr/></w:body></w:document>`),
    'word/numbering.xml': enc(numbering),
    'word/footnotes.xml': enc(FOOTNOTES),
    ...(withStyles ? { 'word/styles.xml': enc(STYLES) } : {}),
  });
});

describe('robustness on random Word documents', () => {
  it('reads each one (both ways for its tracked changes) or refuses it in a sentence; nothing else escapes', () => {
    let read = 0;
    let restyled = 0;
    fc.assert(fc.property(word, (bytes) => {
      for (const changes of ['accepted', 'original'] as const) {
        try {
          const { text, format, styled } = wordDocumentText(bytes, { changes });
          const { draft } = importDraft(text, { format, file: 'random.docx' });
          // Giving the italic and bold back never changes a word, and leaves no mark of style anywhere.
          const words = JSON.stringify(paragraphTexts(draft));
          const { placed, unplaced } = applyRunStyles(draft, styled);
          expect(placed + unplaced).toBeLessThanOrEqual(styled.length);
          restyled += placed;
          expect(JSON.stringify(paragraphTexts(draft))).toBe(words);
          expect(JSON.stringify(draft) + text).not.toMatch(/[\uE010-\uE013]/);
          read++;
        } catch (error) {
          expect(error).toBeInstanceOf(WordDocumentError);
        }
      }
    }), { numRuns: 400 });
    // The documents are well-formed: nearly all of them must be read, not refused.
    expect(read).toBeGreaterThan(700);
    // And many of them have paragraphs with italic or bold given back.
    expect(restyled).toBeGreaterThan(100);
  });
});
