/**
 * Word documents as drafts: `parley diff`, `show` and `import` read a .docx as the other side sends it, with
 * Word's automatic numbering computed (numbers are not in the text), tracked changes accepted, tables read,
 * and a sentence for what is not a readable Word document. The documents are written by the `docx` library
 * (tests/support/word-document.ts); tests/e2e/docx-libreoffice.test.ts checks the numbering against LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { importDraft } from '../src/format/import-text.js';
import { wordDocumentText } from '../src/format/import/docx.js';
import { inDocumentTerms } from '../src/format/import/docx-diagnostics.js';
import { clauseText } from '../src/model/text.js';
import { readImportFile } from '../src/node/desktop/import-file.js';
import { commentsNote } from '../src/node/read-draft-file.js';
import { SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { wordDraftOfVersion } from './support/word-document.js';

const ROOT = join(import.meta.dirname, '..');

/** A copy of a ZIP archive whose headers (local and central) all state `size` as the unpacked size. */
function withDeclaredSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true); // local file header
    else if (signature === 0x02014b50) view.setUint32(at + 24, size, true); // central directory entry
  }
  return out;
}
const parley = (args: string[], input?: Buffer) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('Word documents as drafts', () => {
  let dir = '';
  let plain = '';
  let tracked = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-docx-'));
    plain = join(dir, 'us-counter-proposal.docx');
    writeFileSync(plain, await wordDraftOfVersion(SAMPLE_DOSSIER, 2));
    tracked = join(dir, 'eu-markup.docx');
    writeFileSync(tracked, await wordDraftOfVersion(SAMPLE_DOSSIER, 2, {
      tracked: [{ find: 'will not impose', replace: 'shall not impose', author: 'EU' }],
      signatureTable: true,
    }));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads Word\'s automatic numbering as the numbers of clauses, paragraphs and points: the version reads unchanged', () => {
    const r = parley(['diff', `${SAMPLE_DOSSIER}@2`, plain, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.new.title).toBe('Memorandum of Understanding between the European Union and the United States of America on Critical Minerals and Rare Earths');
    // Every clause of v2, numbered alike ("Paragraph 4", "1.", "(a)" restarting in each clause), no text changed.
    expect(c.summary).toMatchObject({ unchanged: 14, edited: 0, inserted: 0, deleted: 0, renumbered: 0 });
    const outline = parley(['show', plain]);
    expect(outline.stdout).toContain('Paragraph 2 — Supply chains and trade routes  #paragraph-2\n    3 provisions: 1 2(3 points) 3');
  });

  it('reads italic and bold from a Word document, direct or by the Emphasis and Strong styles, headings styled or typed', async () => {
    // Version 2 with phrases in italic and bold, in Markdown and as Word documents (clause headings in Heading
    // styles, or typed as bold paragraphs and read as plain text is): the two read the same, formatting
    // compared; against version 2 as tabled (no italic) each styled phrase is a change of formatting.
    const phrases = [
      { phrase: 'critical minerals and rare earths', as: 'italic', mark: '*' },
      { phrase: 'as soon as practicable', as: 'bold', mark: '**' },
      { phrase: 'strategic stocks', as: 'Strong', mark: '**' },
      { phrase: 'trade defence instruments', as: 'Emphasis', mark: '*' },
    ] as const;
    const source = readFileSync(join(SAMPLE_DOSSIER, 'versions', 'v2.md'), 'utf8');
    let styledSource = source;
    for (const { phrase, mark } of phrases) {
      expect(source).toContain(phrase);
      styledSource = styledSource.replaceAll(phrase, `${mark}${phrase}${mark}`);
    }
    const styled = join(dir, 'v2-styled.md');
    writeFileSync(styled, styledSource);
    for (const typedHeadings of [false, true]) {
      const word = join(dir, `v2-styled${typedHeadings ? '-typed' : ''}.docx`);
      writeFileSync(word, await wordDraftOfVersion(SAMPLE_DOSSIER, 2, { styled: phrases.map(({ phrase, as }) => ({ phrase, as })), typedHeadings }));
      const same = parley(['diff', styled, word, '--format', 'json']);
      expect(same.code, same.stderr).toBe(0);
      expect(JSON.parse(same.stdout).summary, `headings typed: ${typedHeadings}`).toMatchObject({ unchanged: 14, edited: 0 });
      const against = JSON.parse(parley(['diff', `${SAMPLE_DOSSIER}@2`, word, '--format', 'json']).stdout);
      const styles = new Set<string>();
      for (const c of against.changes) for (const w of c.words) if (w.op === 'insert' && w.style) styles.add(`${w.style}: ${w.text}`);
      expect([...styles].sort()).toEqual([
        'bold: as soon as practicable', 'bold: strategic stocks', 'italic: critical minerals and rare earths', 'italic: trade defence instruments',
      ]);
      // As many clauses as between version 2 and the Markdown with the same phrases styled.
      expect(against.summary).toEqual(JSON.parse(parley(['diff', `${SAMPLE_DOSSIER}@2`, styled, '--format', 'json']).stdout).summary);
      expect(against.summary).toMatchObject({ edited: 10, unchanged: 4 });
      expect(against.changes.every((c: { kind: string; words: { op: string; cosmetic?: boolean }[] }) => c.kind === 'unchanged' || c.words.every((w) => w.op === 'equal' || w.cosmetic))).toBe(true);
    }
    // Imported into a dossier, the working draft keeps them, written as Markdown writes them.
    const dossier = join(dir, 'styled-dossier');
    cpSync(SAMPLE_DOSSIER, dossier, { recursive: true });
    const imported = parley(['import', join(dir, 'v2-styled-typed.docx'), '--into', dossier, '--force']);
    expect(imported.code, imported.stderr).toBe(0);
    const working = readFileSync(join(dossier, 'working.md'), 'utf8');
    expect(working).toContain('The Participants will share, **as soon as practicable**, information on risks and disruptions affecting the supply of *critical minerals and rare earths*, including:');
    expect(working).toContain('management of their **strategic stocks** of *critical minerals and rare earths*.');
    expect(working).toContain('applying their *trade defence instruments* against');
  });

  it('reads a Word document without heading styles as a plain-text draft, its articles recognised from their text', async () => {
    const typed = join(dir, 'typed-headings.docx');
    writeFileSync(typed, await wordDraftOfVersion(SAMPLE_DOSSIER, 2, { typedHeadings: true }));
    const r = parley(['diff', `${SAMPLE_DOSSIER}@2`, typed, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ unchanged: 14, edited: 0, inserted: 0, deleted: 0 });
  });

  it('reads a Word document with its sections in a Heading style and its recitals and articles typed: preamble and articles found', async () => {
    const typed = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
    const document = new Document({ sections: [{ children: [
      new Paragraph({ text: 'Agreement on Reciprocal Trade', heading: HeadingLevel.TITLE }),
      typed('The United States of America and Malaysia (the Parties),'),
      typed('HAVE AGREED as follows:'),
      new Paragraph({ text: 'Section 1: Tariffs and Quotas', heading: HeadingLevel.HEADING_1 }),
      typed('Article 1.1: Tariffs', true),
      typed('Malaysia shall apply a rate of customs duty on originating goods of the United States.'),
      typed('Article 1.2: Quotas', true),
      typed('Neither Party shall adopt or maintain quotas on originating goods of the other Party.'),
    ] }] });
    const file = join(dir, 'sections-styled.docx');
    writeFileSync(file, await Packer.toBuffer(document));
    const r = parley(['show', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Preamble  #preamble\n    2 provisions: ¶ ¶\nSection 1 — Tariffs and Quotas  #section-1\n  Article 1.1 — Tariffs');
    expect(r.stdout).toContain('  Article 1.2 — Quotas  #section-1-article-1-2\n      1 provision: ¶');
  });

  it('reads tracked changes as accepted, and the paragraphs of tables', () => {
    const r = parley(['diff', `${SAMPLE_DOSSIER}@2`, tracked, '--changed-only']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('obligation: will not → shall not (stronger)');
    expect(r.stdout).toContain('The Participants [-will-]{+shall+} not impose');
    expect(r.stdout).toMatch(/Signatures {2}\[inserted\]\n[^\n]*Done at Brussels[^\n]*\n {2}\{\+For the European Union\+\}\n {2}\{\+For the United States of America\+\}/);
    // The reader is told that the document has tracked changes and that they were accepted: it could pass for
    // a clean text. The first is in the document's paragraph 25 (Paragraph 4, point 1).
    expect(r.stderr).toBe(`${tracked}:25:1: warning: 2 tracked changes by EU read as accepted, the first in paragraph 25 of the document; ` +
      '`parley diff --tracked eu-markup.docx` compares the document before and after them [tracked-changes]\n');
    expect(parley(['check', tracked]).stdout).toContain('warning: 2 tracked changes by EU read as accepted');
    // A document without tracked changes is read without a word about them.
    expect(parley(['diff', `${SAMPLE_DOSSIER}@2`, plain, '--changed-only']).stderr).toBe('');
  });

  /**
   * A Word document of one heading and two paragraphs, the first comment ([author, text]) on the first paragraph
   * (document paragraph 2), the second on the second (paragraph 3), written to `name` in the test folder.
   */
  async function writeCommented(name: string, comments: readonly [readonly [string, string], readonly [string, string]]): Promise<string> {
    const commented = (text: string, id: number) => new Paragraph({ children: [new CommentRangeStart(id), new TextRun(text), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })] });
    const document = new Document({
      comments: { children: comments.map(([author, text], k) => ({ id: k + 1, author, children: [new Paragraph(text)] })) },
      sections: [{ children: [
        new Paragraph({ text: 'Paragraph 1 — Stockpiles', heading: HeadingLevel.HEADING_1 }),
        commented('1. The Participants will coordinate their strategic stocks.', 1),
        commented('2. The Participants will inform each other of any planned release of stocks.', 2),
      ] }],
    });
    const file = join(dir, name);
    writeFileSync(file, new Uint8Array(await Packer.toArrayBuffer(document)));
    return file;
  }

  it('tells the reader of a Word document\'s comments, which are not in the text read: how many, whose, where the first is', async () => {
    // The other side's remarks in the margin: two comments, by the EU and the US, on the second and third paragraphs.
    const file = await writeCommented('commented.docx', [['EU', 'We cannot accept a binding target here.'], ['US', 'Subject to the availability of funds.']]);
    const r = parley(['show', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${file}:2:1: warning: 2 comments by EU, US not read into the draft, the first on paragraph 2 of the document; ` +
      '`parley show commented.docx` lists them [word-comments]\n');
    // Not in the draft; `show` lists them after the outline, each with its paragraph and author.
    expect(r.stdout).toContain('\nComments in the Word document (2, not in the draft\'s text):\n' +
      '  paragraph 2, EU: We cannot accept a binding target here.\n  paragraph 3, US: Subject to the availability of funds.');
    const json = JSON.parse(parley(['show', file, '--format', 'json']).stdout);
    expect(json.comments).toEqual([{ author: 'EU', text: 'We cannot accept a binding target here.', paragraph: 2 }, { author: 'US', text: 'Subject to the availability of funds.', paragraph: 3 }]);
    expect(JSON.stringify(json.clauses)).not.toContain('binding target');
    // Reading the other side's markup (--tracked), the comments are not read either, and the reader is told.
    const markup = parley(['diff', '--tracked', file]);
    expect(markup.code, markup.stderr).toBe(0);
    expect(markup.stderr).toContain(`${file}:2:1: warning: 2 comments by EU, US not read into the draft`);
    // The app's Import Draft says it beside the import.
    expect((await readImportFile(file)).notes).toEqual(['commented.docx: 2 comments by EU, US not read into the draft, the first on paragraph 2 of the document; `parley show commented.docx` lists them.']);
  });

  it('says nothing of the margin notes Parley wrote on its own redline when that document comes back', () => {
    // The sample's v1 → v5 redline holds Parley's notes on the moved Stockpiling paragraph.
    const redline = join(dir, 'returned-redline.docx');
    const written = parley(['diff', `${SAMPLE_DOSSIER}@1`, `${SAMPLE_DOSSIER}@5`, '--format', 'docx', '-o', redline]);
    expect(written.code, written.stderr).toBe(0);
    const shown = parley(['show', redline]);
    expect(shown.code, shown.stderr).toBe(0);
    // Listed, as every comment is, but no warning: they are not the other side's remarks.
    expect(shown.stdout).toContain('paragraph 32, Parley: Moved here.');
    expect(shown.stderr).not.toContain('comment');
    expect(parley(['diff', '--tracked', redline]).stderr).not.toContain('comment');
    // A reply by the other side beside them is told of, and only it.
    expect(commentsNote([{ author: 'Parley', text: 'Moved here.', paragraph: 32 }, { author: 'US', text: 'Agreed.', paragraph: 40 }], redline))
      .toBe('1 comment by US not read into the draft, the first on paragraph 40 of the document; `parley show returned-redline.docx` lists them');
  });

  it('puts the warning on the paragraph of the first comment it tells of, not on a Parley note before it', async () => {
    const file = await writeCommented('mixed-notes.docx', [['Parley', 'Moved here.'], ['US', 'Agreed, subject to funds.']]);
    expect(parley(['show', file]).stderr).toBe(`${file}:3:1: warning: 1 comment by US not read into the draft, the first on paragraph 3 of the document; ` +
      '`parley show mixed-notes.docx` lists them [word-comments]\n');
  });

  it('compares a Word document before and after its tracked changes (diff --tracked)', () => {
    const r = parley(['diff', '--tracked', tracked, '--changed-only']);
    expect(r.code, r.stderr).toBe(0);
    // Asked for both views, the reader needs no word that the changes were accepted.
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('eu-markup.docx before its tracked changes (15 clauses) → eu-markup.docx with its tracked changes (15 clauses)\n' +
      '1 edited, 0 inserted, 0 deleted, 0 split, 0 merged, 0 moved, 0 renumbered, 14 unchanged');
    expect(r.stdout).toContain('Paragraph 4 — No export bans  [edited]\n  obligation: will not → shall not (stronger)');
    expect(r.stdout).toContain('1. The Participants [-will-]{+shall+} not impose');
    // The side before the changes has the deleted words and not the inserted ones.
    const before = wordDocumentText(readFileSync(tracked), { changes: 'original' }).text;
    expect(before).toContain('The Participants will not impose');
    expect(before).not.toContain('shall not impose');
    // One Word document, nothing else.
    const two = parley(['diff', '--tracked', tracked, plain]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--tracked compares one Word document with itself');
    const text = parley(['diff', '--tracked', join(SAMPLE_DOSSIER, 'versions', 'v2.md')]);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/--tracked reads the tracked changes of a Word document \(\.docx\); .*v2\.md is not one\./);
    const one = parley(['diff', plain]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff compares two drafts: name the older and the newer, a dossier alone (its working draft against the version tabled last), or one Word document with --tracked.');
  });

  it('imports a Word document into a dossier, each clause keeping the id of the clause it matches', () => {
    const dossier = join(dir, 'dossier');
    cpSync(SAMPLE_DOSSIER, dossier, { recursive: true });
    const r = parley(['import', tracked, '--into', dossier, '--force']);
    expect(r.code, r.stderr).toBe(0);
    // Aligned with the latest version (v5), which no longer has v2's Review clause: it takes back its id from v2.
    // The signatures are new.
    expect(r.stdout).toContain('15 clauses: 13 kept their ids, 1 new (ids signatures).\nPut back from earlier versions, with their ids: review (v2).\n');
    expect(r.stderr).toMatch(/eu-markup\.docx:25:1: warning: 2 tracked changes by EU read as accepted/);
    const working = readFileSync(join(dossier, 'working.md'), 'utf8');
    expect(working).toMatch(/## Paragraph 4 — No export bans \{#no-export-bans[^}]*\}\n\n1\. The Participants shall not impose export bans/);
    // Word's points sit in their paragraph, and the list goes on after them, as the dossier's drafts are written.
    expect(working).toContain('in particular by:\n\n   (a) identifying the maritime and land routes');
    expect(working).toContain('between the Participants.\n\n3. Each Participant will designate a contact point');
  });

  it('reads a Word document from standard input', () => {
    const r = parley(['show', '-'], readFileSync(plain));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Paragraph 13 — Final provisions');
  });

  it('hands the desktop application\'s Import Draft a Word document converted, with its format', async () => {
    const file = await readImportFile(plain);
    expect(file.fileName).toBe('us-counter-proposal.docx');
    expect(file.format).toBe('markdown');
    expect(file.text).toContain('## Paragraph 4 — No export bans\n\n1. The Participants will not impose');
    // A text draft is read as before (its format told by name and content); a binary file is refused in a sentence.
    expect((await readImportFile(join(SAMPLE_DOSSIER, 'versions', 'v1.md'))).format).toBe('auto');
    const binary = join(dir, 'picture.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    await expect(readImportFile(binary)).rejects.toThrow(/picture\.png is a binary file/);
  });

  it('leaves out hidden text, as Word does not show it', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ text: 'Article 1 — Purpose', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('1. The Participants will cooperate'), new TextRun({ text: ' [internal: check with DG TRADE]', vanish: true }), new TextRun('.')] }),
    ] }] }));
    const { text, format } = wordDocumentText(bytes);
    expect(clauseText(importDraft(text, { format }).draft.clauses[0]!)).toBe('1. The Participants will cooperate.');
  });

  it('keeps Word text that looks like Markdown as the text it is', async () => {
    const tricky = 'Terms *marked* or _underlined_ \\ [as defined] & <listed> # here ~ | ! `code`';
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ text: 'Article 1 — Definitions', heading: HeadingLevel.HEADING_1 }),
      new Paragraph(tricky),
      // A line break in the paragraph, the next line opening as a bullet, a quote or a heading underline would.
      new Paragraph({ children: [new TextRun('First line'), new TextRun({ text: '- second line', break: 1 }), new TextRun({ text: '> third', break: 1 }), new TextRun({ text: '=== fourth', break: 1 })] }),
    ] }] }));
    const { text, format } = wordDocumentText(bytes);
    const { draft } = importDraft(text, { format });
    expect(draft.clauses.map((c) => c.label)).toEqual(['Article 1']);
    expect(clauseText(draft.clauses[0]!)).toBe(`${tricky}\nFirst line - second line > third === fourth`);
  });

  it('names the paragraph of the document in what it reports, empty paragraphs counted as Word counts them', async () => {
    const styled = join(dir, 'marker.docx');
    writeFileSync(styled, await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ text: 'Memorandum', heading: HeadingLevel.TITLE }), new Paragraph(''), new Paragraph(''),
      new Paragraph({ text: 'Article 1 — Purpose', heading: HeadingLevel.HEADING_1 }), new Paragraph('Text one.'),
      new Paragraph({ text: 'Article 2[1] — Scope', heading: HeadingLevel.HEADING_1 }), new Paragraph('Text two.'),
    ] }] })));
    const a = parley(['check', styled]);
    expect(a.stdout).toContain(`${styled}:6:1: warning: footnote marker [1] left out of the heading "Article 2[1] — Scope" (paragraph 6 of the document) [footnote-in-heading]`);
    const typed = join(dir, 'marker-typed.docx');
    writeFileSync(typed, await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph('MEMORANDUM'), new Paragraph(''), new Paragraph('Article 1'), new Paragraph('Text one.'), new Paragraph('Article 2[1]'), new Paragraph('Text two.'),
    ] }] })));
    expect(parley(['check', typed]).stdout).toContain('(paragraph 5 of the document) [footnote-in-heading]');
    // A document with nothing Parley reads says so in its own terms.
    const empty = join(dir, 'empty.docx');
    writeFileSync(empty, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));
    const e = parley(['check', empty]);
    expect(e.stdout).toContain('error: the Word document has no text Parley reads (text boxes, drawings, footnotes and deleted text are left out)');
  });

  it('maps a line of the converted text to the document paragraph, for the application\'s Import Draft too', () => {
    // The converted text's second paragraph (lines 3–4: a soft line break) is the document's fifth.
    const text = '# Title\n\nArticle 2[1]\nsecond line\n\nText.\n';
    const found = inDocumentTerms([{ file: 'm.docx', line: 4, column: 7, severity: 'warning', code: 'x', message: 'something' }], text, [1, 5, 6]);
    expect(found).toEqual([{ file: 'm.docx', line: 5, column: 1, severity: 'warning', code: 'x', message: 'something (paragraph 5 of the document)' }]);
  });

  it('reads footnotes as the text importers do: the mark where it stands, the notes in a closing Footnotes clause', async () => {
    for (const styled of [true, false]) {
      const heading = (text: string) => (styled ? new Paragraph({ text, heading: HeadingLevel.HEADING_1 }) : new Paragraph(text));
      const bytes = await Packer.toBuffer(new Document({
        footnotes: {
          1: { children: [new Paragraph('As defined in the Convention of 1994.')] },
          2: { children: [new Paragraph('Text proposed by the US.'), new Paragraph('Second paragraph of the note.')] },
        },
        sections: [{ children: [
          heading('Article 1 — Definitions'),
          new Paragraph({ children: [new TextRun('1. Critical minerals'), new FootnoteReferenceRun(1), new TextRun(' means the minerals listed in Annex I.')] }),
          heading('Article 2 — Stockpiles'),
          new Paragraph({ children: [new TextRun('1. The Participants will coordinate their stocks.'), new FootnoteReferenceRun(2)] }),
        ] }],
      }));
      const { text, format } = wordDocumentText(bytes);
      const { draft } = importDraft(text, { format });
      const why = `${format}:\n${text}`;
      expect(draft.clauses.map((c) => c.title), why).toEqual(['Definitions', 'Stockpiles', 'Footnotes']);
      const mark = styled ? '[^1]' : '[1]';
      expect(clauseText(draft.clauses[0]!), why).toBe(`1. Critical minerals${mark} means the minerals listed in Annex I.`);
      expect(clauseText(draft.clauses[2]!), why).toContain('As defined in the Convention of 1994.');
      expect(clauseText(draft.clauses[2]!), why).toContain('Text proposed by the US. Second paragraph of the note.');
    }
  });

  it('says what is wrong with a file that is not a readable Word document, naming it', () => {
    const notWord = join(dir, 'archive.docx');
    writeFileSync(notWord, zipSync({ 'notes.txt': new TextEncoder().encode('Not a draft.') }));
    const a = parley(['diff', notWord, `${SAMPLE_DOSSIER}@2`]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${notWord} cannot be read: it is a ZIP archive but not a Word document`);

    const cut = join(dir, 'cut.docx');
    const whole = readFileSync(plain);
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const b = parley(['show', cut]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/cut\.docx cannot be read: it looks like a Word document \(a ZIP archive\) but cannot be unpacked .*damaged or cut short/);

    const badXml = join(dir, 'bad-xml.docx');
    writeFileSync(badXml, zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document xmlns:w="x"><w:body><w:p>') }));
    const c = parley(['show', badXml]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('bad-xml.docx cannot be read: its word/document.xml is not well-formed XML');

    // An old binary Word file (or any other binary) is told to be saved as .docx.
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const d = parley(['show', doc]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/old\.doc is a binary file .*save an older Word \(\.doc\) or other document as \.docx or as text first/);
    // A PDF (here one without a zero byte, which would otherwise be read as text) is told how to get its text.
    const pdf = join(dir, 'mou.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const e = parley(['show', pdf]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/mou\.pdf is a PDF document, which Parley does not read: extract its text first \(`pdftotext -layout FILE\.pdf FILE\.txt`/);
    // A file named .docx that is no ZIP archive (damaged, or a text renamed): refused, not compared as its characters.
    const renamed = join(dir, 'renamed.docx');
    writeFileSync(renamed, '# Not a Word document\n\n## Article 1\n\nText.\n');
    const f = parley(['show', renamed]);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('renamed.docx is named as a Word document but is not one: a .docx file is a ZIP archive, and this one is not.');
    for (const r of [a, b, c, d, e, f]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('joins a paragraph whose mark is a tracked deletion to the next, and reads tracked property changes before them', () => {
    // What Word writes when, with changes tracked, a negotiator joins two paragraphs (the first one's mark
    // deleted), splits one (a new mark inserted) and makes a paragraph a heading (the former properties kept
    // in w:pPrChange).
    const para = (text: string, properties = '') => `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const heading = '<w:outlineLvl w:val="0"/>';
    const markTracked = (kind: 'ins' | 'del') => `<w:rPr><w:${kind} w:id="9" w:author="EU" w:date="2026-06-10T09:00:00Z"/></w:rPr>`;
    const body = [
      para('Paragraph 1 — Cooperation', heading),
      para('The Participants shall cooperate. ', markTracked('del')),
      para('They will exchange information on supply risks.'),
      para('The Participants intend to coordinate ', markTracked('ins')),
      para('emergency stockpiles.'),
      para('Paragraph 2 — Stockpiles', `${heading}<w:pPrChange w:id="10" w:author="US" w:date="2026-06-10T09:00:00Z"><w:pPr/></w:pPrChange>`),
      para('Each Participant may keep stockpiles.'),
    ].join('');
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) });
    const accepted = wordDocumentText(docx);
    expect(accepted.text).toBe('## Paragraph 1 — Cooperation\n\nThe Participants shall cooperate. They will exchange information on supply risks.\n\n' +
      'The Participants intend to coordinate\n\nemergency stockpiles.\n\n## Paragraph 2 — Stockpiles\n\nEach Participant may keep stockpiles.\n');
    // The joined paragraph is found where it begins in the document: its paragraph 2.
    expect(accepted.paragraphs).toEqual([1, 2, 4, 5, 6, 7]);
    const original = wordDocumentText(docx, { changes: 'original' });
    expect(original.text).toBe('## Paragraph 1 — Cooperation\n\nThe Participants shall cooperate.\n\nThey will exchange information on supply risks.\n\n' +
      'The Participants intend to coordinate emergency stockpiles.\n\nParagraph 2 — Stockpiles\n\nEach Participant may keep stockpiles.\n');
    expect(original.paragraphs).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('writes a list number in letters only as far as Word counts, in digits past it: a small document stays small', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const numbering = (start: number) => `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/>` +
      '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>critical minerals;</w:t></w:r></w:p>';
    const text = (start: number) => wordDocumentText(zipSync({
      'word/document.xml': new TextEncoder().encode(`<w:document ${W}><w:body>${item}${item}</w:body></w:document>`),
      'word/numbering.xml': new TextEncoder().encode(numbering(start)),
    })).text;
    expect(text(27)).toBe('(aa) critical minerals;\n\n(bb) critical minerals;\n');
    expect(text(32767)).toMatch(/^\(g{1261}\) critical minerals;\n\n\(32768\) critical minerals;\n$/);
    expect(text(1_000_000_000)).toBe('(1000000000) critical minerals;\n\n(1000000001) critical minerals;\n');
  });

  it('leaves out the placeholder text of empty content controls, and reads filled ones', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const control = (content: string, placeholder: boolean) =>
      `<w:sdt><w:sdtPr>${placeholder ? '<w:showingPlcHdr/>' : ''}<w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const body = `<w:p>${run('Article 1 Signature')}</w:p>` +
      `<w:p>${run('Done at ')}${control(run('Click or tap here to enter text.'), true)}${run(', on ')}${control(run('10 June 2026'), false)}${run('.')}</w:p>` +
      control(`<w:p>${run('Click or tap here to enter text.')}</w:p>`, true) +
      `<w:p>${run('For the European Union')}</w:p>`;
    const { text, paragraphs } = wordDocumentText(zipSync({ 'word/document.xml': new TextEncoder().encode(`<w:document ${W}><w:body>${body}</w:body></w:document>`) }));
    expect(text).not.toContain('Click or tap');
    expect(text).toContain('Done at , on 10 June 2026.');
    // The empty control's paragraph still counts among the document's paragraphs, as a reader counts them.
    expect(paragraphs).toEqual([1, 2, 4]);
  });

  it('refuses a part that says it unpacks past any draft, never unpacks more than a part declares, and refuses absurd nesting', () => {
    // A ZIP records each file's unpacked size; a forged archive can state anything there.
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>Filler text.</w:t></w:r></w:p>'.repeat(20_000)}</w:body></w:document>`;
    const declaring = (size: number) => withDeclaredSizes(zipSync({ 'word/document.xml': new TextEncoder().encode(body) }), size);
    // The whole document reads as written, so the two forgeries below are all that stands in the way.
    expect(wordDocumentText(zipSync({ 'word/document.xml': new TextEncoder().encode(body) })).text).toContain('Filler text.');
    expect(() => wordDocumentText(declaring(300 * 1024 * 1024))).toThrow(/its word\/document\.xml unpacks to 300 MB, more than any draft/);
    // Declared smaller than it is (a bomb hiding its size): reading stops at the declared size, and the cut
    // XML is reported rather than the rest unpacked.
    expect(() => wordDocumentText(declaring(1000))).toThrow(/its word\/document\.xml is not well-formed XML/);
    // Elements nested thousands deep (content controls in content controls) are refused in a sentence, not
    // read until the stack runs out.
    const nested = (depth: number) => zipSync({ 'word/document.xml': new TextEncoder().encode(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}` +
      `<w:p><w:r><w:t>Article 1 Scope</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}</w:body></w:document>`) });
    expect(wordDocumentText(nested(100)).text).toContain('Article 1 Scope');
    expect(() => wordDocumentText(nested(20_000))).toThrow(/^its word\/document\.xml nests elements more than 256 deep, as no Word document does; it may be damaged\.$/);
  });
});
