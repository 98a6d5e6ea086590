/**
 * Italic and bold of a Word document: read from its runs (docx.ts) and given back to the paragraphs of the draft
 * the importers make of its text (word-run-styles.ts). The documents are WordprocessingML written here, in the
 * shapes Word and LibreOffice write: direct w:i and w:b, character styles based on one another, a switch turned
 * off (w:val="0"), a tracked change of formatting (w:rPrChange).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Draft, Inline } from '../src/model/draft.js';
import { importDraft } from '../src/format/import-text.js';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';
import { wordDocumentText } from '../src/format/import/docx.js';
import { applyRunStyles, STYLE_BOLD, STYLE_ITALIC, styleMark } from '../src/format/import/word-run-styles.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const STYLES = `<w:styles ${W}>
  <w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="LatinTerm"><w:name w:val="Latin term"/><w:basedOn w:val="Emphasis"/></w:style>
  <w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/><w:basedOn w:val="Emphasis"/><w:rPr><w:i w:val="0"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="IntenseQuote"><w:name w:val="Intense Quote"/><w:basedOn w:val="Quote"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

type Run = string | { text: string; rPr: string };
const run = (r: Run) => typeof r === 'string' ? `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>` : `<w:r><w:rPr>${r.rPr}</w:rPr><w:t xml:space="preserve">${r.text}</w:t></w:r>`;
const para = (runs: Run[], pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.map(run).join('')}</w:p>`;
const heading = (text: string) => para([text], '<w:pStyle w:val="Heading2"/>');
const docx = (body: string, footnotes?: string) => zipSync({
  'word/document.xml': new TextEncoder().encode(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
  'word/styles.xml': new TextEncoder().encode(STYLES),
  ...(footnotes ? { 'word/footnotes.xml': new TextEncoder().encode(`<w:footnotes ${W}>${footnotes}</w:footnotes>`) } : {}),
});
const italic = (text: string) => ({ text, rPr: '<w:i/>' });
const bold = (text: string) => ({ text, rPr: '<w:b/>' });

/** The draft a Word document reads as, its styles given back, and how many styled paragraphs found no place. */
function read(bytes: Uint8Array, changes?: 'original') {
  const word = wordDocumentText(bytes, changes ? { changes } : {});
  const { draft } = importDraft(word.text, { format: word.format });
  return { draft, word, ...applyRunStyles(draft, word.styled) };
}

/** A draft's paragraphs, each as Markdown writes its inline content ("*italic*", "**bold**"). */
function paragraphs(draft: Draft): string[] {
  const inline = (nodes: readonly Inline[]): string => nodes.map((n) =>
    n.type === 'text' ? n.value : n.type === 'emphasis' ? `*${inline(n.children)}*` : n.type === 'strong' ? `**${inline(n.children)}**` : `<${n.type}>`).join('');
  const out: string[] = [];
  const visit = (blocks: Draft['front']) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push(inline(b.children));
      else if (b.type === 'list') for (const item of b.children) visit(item.children);
    }
  };
  visit(draft.front);
  const clauses = (list: Draft['clauses']) => { for (const c of list) { visit(c.body); clauses(c.children); } };
  clauses(draft.clauses);
  return out;
}

describe('italic and bold of a Word document', () => {
  it('reads direct formatting and character styles, a switch turned off, and keeps headings and spaces plain', () => {
    const body = [
      heading('Article 1 — Definitions'),
      para(['The ', italic('Framework'), ' applies ', { text: 'mutatis mutandis', rPr: '<w:rStyle w:val="LatinTerm"/>' }, '.']),
      para(['Each Participant ', bold('shall'), ' keep ', { text: 'strategic', rPr: '<w:b/><w:i/>' }, ' stocks', italic(' '), 'and', { text: ' reserves', rPr: '<w:rStyle w:val="Emphasis"/><w:i w:val="false"/>' }, '.']),
      para(['A ', { text: 'plain', rPr: '<w:rStyle w:val="Plain"/>' }, ' word and an italic full stop', italic('.')]),
    ].join('');
    const { draft, word, placed, unplaced } = read(docx(body));
    // The text the importers read has no mark of style.
    expect(word.text).not.toMatch(/[\uE010-\uE013]/);
    expect(draft.clauses[0]!.title).toBe('Definitions');
    expect(paragraphs(draft)).toEqual([
      'The *Framework* applies *mutatis mutandis*.',
      'Each Participant **shall** keep ***strategic*** stocks and reserves.',
      'A plain word and an italic full stop.',
    ]);
    expect({ placed, unplaced }).toEqual({ placed: 3, unplaced: 0 });
  });

  it('reads the italic and bold a paragraph style gives its text, which a run may turn off', () => {
    const body = [
      heading('Article 1 — Recitals'),
      para(['The Parties recall ', { text: 'their', rPr: '<w:i w:val="0"/>' }, ' commitments.'], '<w:pStyle w:val="Quote"/>'),
      para(['Inherited emphasis.'], '<w:pStyle w:val="IntenseQuote"/>'),
      para(['A plain paragraph in the default style.']),
    ].join('');
    const { draft, unplaced } = read(docx(body));
    expect(paragraphs(draft)).toEqual([
      '*The Parties recall* their *commitments.*',
      '***Inherited emphasis.***',
      'A plain paragraph in the default style.',
    ]);
    expect(unplaced).toBe(0);
  });

  it('gives numbered paragraphs and points their styles, in the plain-text reading of a document without headings too', () => {
    const body = [
      para(['Article 2']),
      para(['1. Each Participant ', italic('will'), ' cooperate.']),
      para(['(a) on ', bold('research'), ';']),
      para([bold('Article 3 — Stockpiles')]),
      para(['The Participants ', italic('intend'), ' to   coordinate.']),
    ].join('');
    const { draft, word, unplaced } = read(docx(body));
    expect(word.format).toBe('text');
    expect(draft.clauses.map((c) => `${c.label} — ${c.title}`)).toEqual(['Article 2 — ', 'Article 3 — Stockpiles']);
    expect(paragraphs(draft)).toEqual(['Each Participant *will* cooperate.', '(a) on **research**;', 'The Participants *intend* to coordinate.']);
    // The bold heading typed as a paragraph became Article 3's heading: not counted as formatting lost.
    expect(unplaced).toBe(0);
  });

  it('gives the same text styled twice each its own styles, in order, and counts a styled paragraph found nowhere', () => {
    const draft = importDraft('## Article 1\n\nThe Participants will cooperate.\n\nThe Participants will cooperate.\n', { format: 'markdown' }).draft;
    const marked = (a: number, b: number) => `The Participants ${styleMark(a)}will${styleMark(0)} ${styleMark(b)}cooperate${styleMark(0)}.`;
    const result = applyRunStyles(draft, [marked(STYLE_ITALIC, 0), marked(0, STYLE_BOLD), `Text in no ${styleMark(STYLE_ITALIC)}paragraph${styleMark(0)}.`]);
    expect(paragraphs(draft)).toEqual(['The Participants *will* cooperate.', 'The Participants will **cooperate**.']);
    expect(result).toEqual({ placed: 2, unplaced: 1 });
  });

  it('gives a sentence that comes twice, plain and then with italic, its italic where the document has it', () => {
    const body = [heading('Article 8 — Consultations'), para(['The Participants will consult.']), para(['Either Participant may ask.']),
      para(['The Participants ', italic('will'), ' consult.'])].join('');
    const { draft, unplaced } = read(docx(body));
    expect(paragraphs(draft)).toEqual(['The Participants will consult.', 'Either Participant may ask.', 'The Participants *will* consult.']);
    expect(unplaced).toBe(0);
  });

  it('reads the formatting a tracked change replaced as the document stood before it', () => {
    const changed = { text: 'binding', rPr: '<w:b/><w:rPrChange w:id="1" w:author="EU" w:date="2026-06-10T09:00:00Z"><w:rPr><w:i/></w:rPr></w:rPrChange>' };
    const bytes = docx([heading('Article 4 — Force'), para(['This Memorandum is not legally ', changed, '.'])].join(''));
    expect(paragraphs(read(bytes).draft)).toEqual(['This Memorandum is not legally **binding**.']);
    // Counted among the document's tracked changes, which its reader is told were read as accepted.
    expect(read(bytes).word.tracked).toEqual({ count: 1, authors: ['EU'], firstParagraph: 2 });
    expect(paragraphs(read(bytes, 'original').draft)).toEqual(['This Memorandum is not legally *binding*.']);
  });

  it('leaves no mark of style in a heading that a paragraph with italic was joined to (its mark a tracked deletion)', () => {
    const deletedMark = '<w:rPr><w:del w:id="3" w:author="EU" w:date="2026-06-10T09:00:00Z"/></w:rPr>';
    const body = para(['Each Participant will keep ', italic('stocks'), ' of '], deletedMark) + heading('Article 7 — Stocks') + para(['Text.']);
    const { word, draft } = read(docx(body));
    expect(word.text).not.toMatch(/[\uE010-\uE013]/);
    expect(word.text).toContain('Each Participant will keep stocks of Article 7 — Stocks');
    expect(JSON.stringify(draft)).not.toMatch(/[\uE010-\uE013]/);
  });

  it('gives a paragraph with a footnote reference its styles, the reference kept where it stands', () => {
    const reference = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>';
    const body = heading('Article 6 — Final provisions') +
      `<w:p><w:r><w:t xml:space="preserve">This Memorandum is </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>not</w:t></w:r>${reference}<w:r><w:t xml:space="preserve"> legally binding.</w:t></w:r></w:p>`;
    const note = '<w:footnote w:id="1"><w:p><w:r><w:t>As the Participants understand it.</w:t></w:r></w:p></w:footnote>';
    const { draft, unplaced } = read(docx(body, note));
    expect(paragraphs(draft)[0]).toBe('This Memorandum is *not*[^1] legally binding.');
    expect(unplaced).toBe(0);
  });

  it('writes the styles read as Markdown that reads back the same', () => {
    const body = [heading('Article 5 — Terms'), para(['A ', italic('“term”'), 's, x', italic('(y)'), 'z and *literal* ', bold('stars'), '.'])].join('');
    const { draft } = read(docx(body));
    const back = parseDraft(serializeDraft(draft)).draft;
    expect(paragraphs(back)).toEqual(paragraphs(draft));
    expect(paragraphs(draft)).toEqual(['A *“term”*s, x*(y)*z and *literal* **stars**.']);
  });
});
