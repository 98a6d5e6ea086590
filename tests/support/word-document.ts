/**
 * A Word document made from a tabled version of the sample dossier, as the other side's office would send it:
 * written with the `docx` library, clause headings in the Heading 2 style and numbered by Word ("Paragraph
 * %1"), numbered paragraphs and lettered points numbered by Word too (restarting in every clause), so that no
 * number is in the text itself. Optional tracked changes and a signature table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
} from 'docx';

export interface WordDraftOptions {
  /** Tracked changes to write into the text: `find` in the version's text becomes a deletion + insertion. */
  tracked?: { find: string; replace: string; author: string }[];
  /** A signature block in a table after the last clause. */
  signatureTable?: boolean;
  /** Clause headings typed as plain paragraphs ("Paragraph 4 — No export bans"), as many drafts are, not styled. */
  typedHeadings?: boolean;
  /**
   * Phrases of the text set in a style, wherever they occur: italic or bold as direct formatting, or the
   * character style Word calls Emphasis (italic) or Strong (bold).
   */
  styled?: { phrase: string; as: 'italic' | 'bold' | 'Emphasis' | 'Strong' }[];
}

const CHANGE_DATE = '2026-06-10T09:00:00Z';

/** The .docx bytes of version `version` of the dossier at `dossier`. */
export async function wordDraftOfVersion(dossier: string, version: number, options: WordDraftOptions = {}): Promise<Buffer> {
  const source = readFileSync(join(dossier, 'versions', `v${version}.md`), 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const title = /^title: (.*)$/m.exec(source)![1]!;
  const children: (Paragraph | Table)[] = [options.typedHeadings ? new Paragraph({ children: [new TextRun({ text: title.toUpperCase(), bold: true })] }) : new Paragraph({ text: title, heading: HeadingLevel.TITLE })];
  let clause = 0;
  let changeId = 1;
  const runs = (text: string): (TextRun | InsertedTextRun | DeletedTextRun)[] => {
    const change = options.tracked?.find((t) => text.includes(t.find));
    if (!change) return styledRuns(text, options.styled ?? []);
    const at = text.indexOf(change.find);
    return [
      new TextRun(text.slice(0, at)),
      new DeletedTextRun({ text: change.find, id: changeId++, author: change.author, date: CHANGE_DATE }),
      new InsertedTextRun({ text: change.replace, id: changeId++, author: change.author, date: CHANGE_DATE }),
      new TextRun(text.slice(at + change.find.length)),
    ];
  };
  for (const raw of body.split('\n\n')) {
    const block = raw.trim();
    // Positions and other directives are Parley's own notes, not text a Word document would carry.
    if (!block || block.startsWith(':::')) continue;
    const heading = /^## (?:(Paragraph \d+) — )?(.*?)(?: \{[^}]*\})?$/.exec(block);
    if (heading) {
      if (options.typedHeadings) {
        if (heading[1]) clause++;
        children.push(new Paragraph({ children: [new TextRun({ text: block.replace(/^## /, '').replace(/ \{[^}]*\}$/, ''), bold: true })] }));
        continue;
      }
      // Numbered clauses by Word's numbering; an unnumbered heading (the preamble) as typed.
      if (heading[1]) {
        clause++;
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: 'clauses', level: 0 }, children: [new TextRun(heading[2]!)] }));
      } else {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading[2]!)] }));
      }
      continue;
    }
    const numbered = /^(\d+)\. ([\s\S]*)$/.exec(block);
    const point = /^\(([a-z])\) ([\s\S]*)$/.exec(block);
    if (numbered) children.push(new Paragraph({ numbering: { reference: 'provisions', level: 0, instance: clause }, children: runs(numbered[2]!) }));
    else if (point) children.push(new Paragraph({ numbering: { reference: 'provisions', level: 1, instance: clause }, children: runs(point[2]!) }));
    else children.push(new Paragraph({ children: runs(block) }));
  }
  if (options.signatureTable) {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    children.push(new Paragraph('Done at Brussels, in duplicate, in the English language.'));
    children.push(new Table({ rows: [new TableRow({ children: [cell('For the European Union'), cell('For the United States of America')] })] }));
  }
  const document = new Document({
    styles: {
      characterStyles: [
        { id: 'Emphasis', name: 'Emphasis', run: { italics: true } },
        { id: 'Strong', name: 'Strong', run: { bold: true } },
      ],
    },
    numbering: {
      config: [
        { reference: 'clauses', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Paragraph %1', alignment: AlignmentType.LEFT }] },
        {
          reference: 'provisions',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** The runs of a text with every occurrence of the styled phrases in its style. */
function styledRuns(text: string, styled: NonNullable<WordDraftOptions['styled']>): TextRun[] {
  const out: TextRun[] = [];
  let rest = text;
  for (;;) {
    const next = styled.map((s) => ({ ...s, at: rest.indexOf(s.phrase) })).filter((s) => s.at >= 0).sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    if (next.at > 0) out.push(new TextRun(rest.slice(0, next.at)));
    const phrase = next.phrase;
    out.push(next.as === 'italic' ? new TextRun({ text: phrase, italics: true })
      : next.as === 'bold' ? new TextRun({ text: phrase, bold: true })
      : new TextRun({ text: phrase, style: next.as }));
    rest = rest.slice(next.at + phrase.length);
  }
  if (rest) out.push(new TextRun(rest));
  return out;
}
