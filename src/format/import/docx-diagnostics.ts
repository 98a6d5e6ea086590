/**
 * The importer's findings on a converted Word document, said of the document rather than of the converted text
 * (src/format/import/docx.ts). A module of its own, without the archive and XML readers, so that the renderer
 * can use it on a document the desktop shell converted.
 */
import type { Diagnostic } from '../diagnostic.js';

/**
 * What the importer reported of a converted document's text, said of the document: a line of the text is the
 * document's paragraph (`paragraphs`, from wordDocumentText), a .docx having no lines to go to; and an empty
 * draft is a Word document with nothing Parley reads.
 */
export function inDocumentTerms(diagnostics: readonly Diagnostic[], text: string, paragraphs: readonly number[]): Diagnostic[] {
  // The text's paragraph (from 1) of each of its lines: paragraphs are separated by blank lines.
  const byLine: number[] = [];
  let paragraph = 0;
  let blank = true;
  for (const line of text.split('\n')) {
    const isBlank = line.trim() === '';
    if (!isBlank && blank) paragraph++;
    blank = isBlank;
    byLine.push(Math.max(paragraph, 1));
  }
  const paragraphOf = (line: number) => paragraphs[(byLine[line - 1] ?? 1) - 1] ?? byLine[line - 1] ?? line;
  return diagnostics.map((d): Diagnostic => d.code === 'empty-draft'
    ? { ...d, message: 'the Word document has no text Parley reads (text boxes, drawings, footnotes and deleted text are left out)' }
    : { ...d, line: paragraphOf(d.line), column: 1, message: `${d.message} (paragraph ${paragraphOf(d.line)} of the document)` });
}
