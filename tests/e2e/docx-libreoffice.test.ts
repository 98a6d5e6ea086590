/**
 * Word's automatic numbering as Parley computes it (src/format/import/docx.ts), checked against a real word
 * processor: LibreOffice Writer opens the same .docx and writes it out as plain text, numbers included; every
 * paragraph must read the same. The document mixes what treaty drafts use: Roman section numbers, articles
 * restarting in each section, paragraphs numbered after their article ("1.2"), letters past z, Roman points, a
 * list starting at 3, two lists of one definition counting apart, a number followed by a space.
 *
 * Left out because LibreOffice 7.4 (Debian 12) and Word differ on them, and Parley follows Word and the
 * standard: w:isLgl (Word writes "2.1" under section "II"; LibreOffice "II.1") and a number followed by
 * nothing (LibreOffice's text export puts a space after it anyway).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare.js';
import { importDraft } from '../../src/format/import-text.js';
import { wordDocumentText, wordParagraphs } from '../../src/format/import/docx.js';
import { applyRunStyles } from '../../src/format/import/word-run-styles.js';
import { loadDraftFile } from '../../src/node/read-draft-file.js';
import { corpus } from '../support/corpus.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { parseDraft } from '../../src/format/markdown.js';
import type { Block } from '../../src/model/draft.js';
import { inlineText } from '../../src/model/text.js';
import { SAMPLE_DOSSIER } from '../support/fixture-copy.js';

const hasOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (!hasOffice) console.warn('Word numbering tests against LibreOffice skipped: soffice is missing (apt-get install libreoffice-writer-nogui)');

function numberingDocument(): Document {
  const p = (text: string, reference: string, level: number, instance = 0, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, numbering: { reference, level, instance }, ...(heading ? { heading } : {}) });
  const children: Paragraph[] = [];
  // Sections I, II with articles restarting in each; paragraphs 1.1, 1.2 under Article 1 of Section II.
  children.push(p('General provisions', 'outline', 0, 0, HeadingLevel.HEADING_1));
  children.push(p('Purpose', 'outline', 1, 0, HeadingLevel.HEADING_2));
  children.push(p('The Participants will cooperate on critical minerals.', 'paragraphs', 0, 1));
  children.push(p('They will meet every year.', 'paragraphs', 0, 1));
  children.push(p('Cooperation', 'outline', 0, 0, HeadingLevel.HEADING_1));
  children.push(p('Supply chains', 'outline', 1, 0, HeadingLevel.HEADING_2));
  children.push(p('Mapping of supply routes.', 'outline', 2));
  children.push(p('Security of ports.', 'outline', 2));
  children.push(p('Research', 'outline', 1, 0, HeadingLevel.HEADING_2));
  // A second list of the same definition counts on its own.
  children.push(p('Joint research is promoted.', 'paragraphs', 0, 2));
  children.push(p('The results are shared, in particular:', 'paragraphs', 0, 2));
  for (let k = 0; k < 28; k++) children.push(p(`item ${k + 1} of the list;`, 'paragraphs', 1, 2));
  children.push(p('under the following conditions:', 'paragraphs', 1, 2));
  children.push(p('first condition;', 'paragraphs', 2, 2));
  children.push(p('second condition;', 'paragraphs', 2, 2));
  children.push(p('third condition.', 'paragraphs', 2, 2));
  children.push(p('Results are published.', 'paragraphs', 0, 2));
  // A list that starts at 3, its numbers followed by a space.
  children.push(p('Third recital.', 'fromThree', 0, 3));
  // An empty numbered paragraph still takes its number.
  children.push(new Paragraph({ numbering: { reference: 'fromThree', level: 0, instance: 3 } }));
  children.push(p('Fifth recital.', 'fromThree', 0, 3));
  return new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: 'SECTION %1', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: 'Article %2', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%2.%3', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: 'paragraphs',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'fromThree', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 3, suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{ children }],
  });
}

/**
 * The document with the second list over a shared definition stripped of its start overrides (the `docx`
 * library writes one for every list): it then continues the first list's count, as Word continues a list
 * across instances of one definition.
 */
function withContinuedList(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/numbering.xml']!);
  const nums = [...xml.matchAll(/<w:num w:numId="\d+"><w:abstractNumId w:val="(\d+)"\/>.*?<\/w:num>/g)];
  const second = nums.find((m, k) => nums.slice(0, k).some((earlier) => earlier[1] === m[1]))!;
  const stripped = second[0].replace(/<w:lvlOverride\b.*?<\/w:lvlOverride>/g, '');
  files['word/numbering.xml'] = strToU8(xml.replace(second[0], stripped));
  return zipSync(files);
}

/**
 * The document with its articles numbered through their style, as Word templates do: the Heading 2 style names
 * the list and its level, the level names the style back, and the heading paragraphs carry no numbering of
 * their own.
 */
function withStyleNumbering(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  let document = strFromU8(files['word/document.xml']!);
  const direct = /<w:pStyle w:val="Heading2"\/><w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/;
  const [, ilvl, numId] = direct.exec(document)!;
  document = document.replace(new RegExp(direct.source, 'g'), '<w:pStyle w:val="Heading2"/>');
  let numbering = strFromU8(files['word/numbering.xml']!);
  const abstract = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"`).exec(numbering)![1];
  const at = numbering.indexOf(`<w:abstractNum w:abstractNumId="${abstract}"`);
  const level = numbering.indexOf(`<w:lvl w:ilvl="${ilvl}"`, at);
  // After the level's <w:start/>, where the schema puts w:pStyle.
  const start = numbering.indexOf('/>', numbering.indexOf('<w:start', level)) + 2;
  numbering = numbering.slice(0, start) + '<w:pStyle w:val="Heading2"/>' + numbering.slice(start);
  const styles = strFromU8(files['word/styles.xml']!).replace(/(<w:style w:type="paragraph" w:styleId="Heading2">.*?)(<w:rPr>)/, `$1<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>$2`);
  files['word/document.xml'] = strToU8(document);
  files['word/numbering.xml'] = strToU8(numbering);
  files['word/styles.xml'] = strToU8(styles);
  return zipSync(files);
}

/** Every paragraph as LibreOffice writes it in a plain-text export, and as Parley reads it. */
function bothReadings(dir: string, name: string, docx: Uint8Array): { theirs: string[]; ours: string[] } {
  writeFileSync(join(dir, `${name}.docx`), docx);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, `${name}.docx`)], { encoding: 'utf8', timeout: 100_000 });
  expect(office.status, office.stderr).toBe(0);
  // LibreOffice writes an empty numbered paragraph as its number alone; Parley drops empty paragraphs.
  const theirs = readFileSync(join(dir, `${name}.txt`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^\d+\.$/.test(l));
  const ours = wordParagraphs(docx).map((p) => `${p.number}${p.suffix === '' ? '' : ' '}${p.text}`);
  return { theirs, ours };
}

/** A text document with one tracked deletion ("shall") and one insertion ("will"), by "US", in LibreOffice's own format. */
const TRACKED_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:tracked-changes text:track-changes="true">
<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>US</dc:creator><dc:date>2026-06-10T09:00:00</dc:date></office:change-info><text:p>shall</text:p></text:deletion></text:changed-region>
<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>US</dc:creator><dc:date>2026-06-10T09:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
</text:tracked-changes>
<text:h text:outline-level="1">Article 1 — Purpose</text:h>
<text:p>1. The Participants <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>will<text:change-end text:change-id="ct2"/> cooperate on critical minerals.</text:p>
</office:text></office:body></office:document>
`;

/**
 * A minimal .docx (package parts included, so that a word processor opens it) in which, with changes
 * tracked, two paragraphs were joined (the first one's mark deleted) and one was split (a mark inserted).
 */
function joinedAndSplit(): Uint8Array {
  const para = (text: string, mark = '') => `<w:p><w:pPr>${mark ? `<w:rPr><w:${mark} w:id="9" w:author="EU" w:date="2026-06-10T09:00:00Z"/></w:rPr>` : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Paragraph 1 — Cooperation</w:t></w:r></w:p>' +
    para('The Participants shall cooperate. ', 'del') + para('They will exchange information on supply risks.') +
    para('The Participants intend to coordinate ', 'ins') + para('emergency stockpiles.');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

/**
 * A tabled version of the sample dossier as a simple web page (headings, paragraphs, numbered lists with
 * lettered points), for LibreOffice to turn into a Word document with numbering of its own making.
 */
function versionAsHtml(version: number, tags: Record<string, string> = {}): string {
  const { draft } = parseDraft(readFileSync(join(SAMPLE_DOSSIER, 'versions', `v${version}.md`), 'utf8'));
  // `tags`: phrases set in an element of their own wherever they occur (`<i>`, `<strong>`).
  const tagged = (text: string) => Object.entries(tags).reduce((t, [phrase, tag]) => t.replaceAll(phrase, `<${tag}>${phrase}</${tag}>`), text);
  const escape = (text: string) => tagged(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const blocks = (list: readonly Block[], depth: number): string => list.map((b) => {
    if (b.type === 'paragraph') return `<p>${escape(inlineText(b.children, { brackets: 'marked' }))}</p>`;
    if (b.type !== 'list') return '';
    const items = b.children.map((item) => `<li>${blocks(item.children, depth + 1).replace(/^<p>(.*?)<\/p>/, '$1')}</li>`).join('');
    return `<ol${depth > 0 ? ' type="a"' : ''}>${items}</ol>`;
  }).join('\n');
  const clauses = draft.clauses.map((c) => `<h2>${escape([c.label, c.title].filter(Boolean).join(' — '))}</h2>\n${blocks(c.body, 0)}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(draft.meta.title)}</title></head><body>${clauses.join('\n')}</body></html>`;
}

describe.skipIf(!hasOffice)('Word numbering, against LibreOffice', () => {
  let dir = '';
  let docx: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-numbering-'));
    docx = await Packer.toBuffer(numberingDocument());
    writeFileSync(join(dir, 'numbering.docx'), docx);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('numbers every paragraph as LibreOffice shows it', () => {
    const { theirs, ours } = bothReadings(dir, 'numbering', docx);
    // Spot checks, so that a failure says what went wrong in words as well as in the whole list.
    expect(ours).toContain('SECTION II Cooperation');
    expect(ours).toContain('Article 1 Supply chains');
    expect(ours).toContain('1.2 Security of ports.');
    expect(ours).toContain('1. Joint research is promoted.');
    expect(ours).toContain('(aa) item 27 of the list;');
    expect(ours).toContain('(iii) third condition.');
    expect(ours).toContain('3. Third recital.');
    expect(ours).toContain('5. Fifth recital.');
    expect(ours).toEqual(theirs);
  }, 120_000);

  it('numbers headings through their style, the list level linked to the style', () => {
    const linked = withStyleNumbering(docx);
    expect(strFromU8(unzipSync(linked)['word/document.xml']!)).not.toMatch(/Heading2"\/><w:numPr>/);
    const { theirs, ours } = bothReadings(dir, 'styled', linked);
    expect(ours).toContain('Article 2 Research');
    expect(ours).toEqual(theirs);
  }, 120_000);

  it('reads the tracked changes of a document LibreOffice saved as .docx, accepted or not yet made', () => {
    writeFileSync(join(dir, 'tracked.fodt'), TRACKED_FODT);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'tracked.fodt')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const saved = readFileSync(join(dir, 'tracked.docx'));
    expect(strFromU8(unzipSync(saved)['word/document.xml']!)).toMatch(/<w:del\b[^>]*w:author="US"/);
    expect(wordDocumentText(saved).text).toContain('1. The Participants will cooperate on critical minerals.');
    expect(wordDocumentText(saved, { changes: 'original' }).text).toContain('1. The Participants shall cooperate on critical minerals.');
  }, 120_000);

  it('reads paragraphs joined and split with changes tracked alike in our document and in LibreOffice\'s copy of it', () => {
    writeFileSync(join(dir, 'joined.docx'), joinedAndSplit());
    mkdirSync(join(dir, 'resaved'), { recursive: true });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'resaved'), join(dir, 'joined.docx')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const resaved = readFileSync(join(dir, 'resaved', 'joined.docx'));
    // LibreOffice understood the marks (it writes them back as its own), so its copy is a second writer's.
    expect(strFromU8(unzipSync(resaved)['word/document.xml']!)).toMatch(/<w:rPr><w:del\b[^>]*w:author="EU"/);
    for (const document of [joinedAndSplit(), resaved]) {
      expect(wordDocumentText(document).text).toBe('## Paragraph 1 — Cooperation\n\nThe Participants shall cooperate. They will exchange information on supply risks.\n\n' +
        'The Participants intend to coordinate\n\nemergency stockpiles.\n');
      expect(wordDocumentText(document, { changes: 'original' }).text).toBe('## Paragraph 1 — Cooperation\n\nThe Participants shall cooperate.\n\n' +
        'They will exchange information on supply risks.\n\nThe Participants intend to coordinate emergency stockpiles.\n');
    }
  }, 120_000);

  it('reads a version that LibreOffice wrote as .docx, numbered its own way, as the version it came from', () => {
    writeFileSync(join(dir, 'version-2.html'), versionAsHtml(2));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'version-2.html')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const written = readFileSync(join(dir, 'version-2.docx'));
    // The paragraph numbers are LibreOffice's list numbering, not text.
    expect(strFromU8(unzipSync(written)['word/document.xml']!)).not.toContain('>1. The Participants');
    expect(strFromU8(unzipSync(written)['word/numbering.xml']!)).toContain('w:abstractNum');
    const { text, format } = wordDocumentText(written);
    expect(text).toContain('## Paragraph 4 — No export bans');
    // Numbered as LibreOffice shows them (its own text export reads "2. The Participants will work …" and
    // "(a) identifying …" too): the comparison below would not notice numbers missing, since it reads past them.
    expect(text).toContain('\n\n2. The Participants will work together to keep the trade routes');
    expect(text).toContain('\n\n(a) identifying the maritime and land routes');
    const comparison = compareDrafts(parseDraft(readFileSync(join(SAMPLE_DOSSIER, 'versions', 'v2.md'), 'utf8')).draft, importDraft(text, { format }).draft);
    expect(comparison.summary).toMatchObject({ unchanged: 14, edited: 0, inserted: 0, deleted: 0, renumbered: 0 });
  }, 120_000);

  it('reads the italic and bold of a version that LibreOffice wrote as .docx: it reads unchanged, formatting compared', () => {
    const tags = { 'critical minerals and rare earths': 'i', 'strategic stocks': 'strong', 'trade defence instruments': 'em', 'as soon as practicable': 'b' };
    writeFileSync(join(dir, 'styled-2.html'), versionAsHtml(2, tags));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'styled-2.html')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const word = wordDocumentText(readFileSync(join(dir, 'styled-2.docx')));
    const imported = importDraft(word.text, { format: word.format }).draft;
    expect(applyRunStyles(imported, word.styled)).toMatchObject({ unplaced: 0 });
    // The same phrases marked in the version's Markdown.
    let source = readFileSync(join(SAMPLE_DOSSIER, 'versions', 'v2.md'), 'utf8');
    for (const [phrase, tag] of Object.entries(tags)) source = source.replaceAll(phrase, tag === 'i' || tag === 'em' ? `*${phrase}*` : `**${phrase}**`);
    expect(compareDrafts(parseDraft(source).draft, imported).summary).toMatchObject({ unchanged: 14, edited: 0 });
    // Against the version as tabled, without them: each clause holding one is a change of formatting.
    const plain = compareDrafts(parseDraft(readFileSync(join(SAMPLE_DOSSIER, 'versions', 'v2.md'), 'utf8')).draft, imported);
    expect(plain.summary).toMatchObject({ unchanged: 4, edited: 10 });
    const styles = new Set(plain.changes.flatMap((c) => c.words.filter((w) => w.op === 'insert').map((w) => `${w.style}: ${w.text}`)));
    expect([...styles].sort()).toEqual(['bold: as soon as practicable', 'bold: strategic stocks', 'italic: critical minerals and rare earths', 'italic: trade defence instruments']);
  }, 120_000);

  it.skipIf(!corpus)('reads the Paris Agreement with its editorial corrections, written as .docx by LibreOffice, as the corrected text: italic and all', async () => {
    // The corrections of 29 January 2016 put "mutatis mutandis" and other words in italic. The corrected text's
    // Markdown made a web page (remark → rehype), which LibreOffice writes as .docx (italic as its Emphasis style).
    const corrected = join(corpus!, 'paris-agreement-drafts/extras/v4b_2016-01-29_paris-agreement-final-with-editorial-corrections.md');
    const adopted = join(corpus!, 'paris-agreement-drafts/v4_2015-12-12_paris-agreement-final.md');
    const markdown = readFileSync(corrected, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const body = String(unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).processSync(markdown));
    writeFileSync(join(dir, 'corrected.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'corrected.html')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(join(dir, 'corrected.docx')))['word/document.xml']!)).toContain('<w:rStyle w:val="Emphasis"/>');
    const word = await loadDraftFile(join(dir, 'corrected.docx'));
    expect(word.draft.unformatted).toBeUndefined();
    const same = compareDrafts((await loadDraftFile(corrected)).draft, word.draft);
    expect(same.summary).toMatchObject({ unchanged: 31, edited: 0 });
    // From the adopted text, the Word document shows the corrections as the corrected text's Markdown does.
    const fromWord = compareDrafts((await loadDraftFile(adopted)).draft, word.draft);
    const fromMarkdown = compareDrafts((await loadDraftFile(adopted)).draft, (await loadDraftFile(corrected)).draft);
    // But for Article 13, and rightly: its paragraph 7's points are written " 1.", " 2." with too little indentation,
    // which remark's web page, and so the Word document made from it, counts on as paragraphs 8 and 9 (and the rest
    // two numbers on), while the Markdown read as written keeps them as points 7.1 and 7.2 (written-numbers.ts).
    const notArticle13 = (c: typeof fromWord) => c.changes.filter((x) => x.new[0]?.label !== 'Article 13');
    expect(notArticle13(fromWord).map((c) => c.words)).toEqual(notArticle13(fromMarkdown).map((c) => c.words));
    expect(notArticle13(fromWord).map((c) => c.kind)).toEqual(notArticle13(fromMarkdown).map((c) => c.kind));
    // There the corrections are the same words ("the Paris Agreement" → "this Agreement"); only the Word document's
    // reading also renumbers the paragraphs after the points.
    const renumbering = (c: typeof fromWord) => c.changes.find((x) => x.new[0]?.label === 'Article 13')!.words
      .filter((w) => w.op !== 'equal' && /^\s*\d+\s*$/.test(w.text));
    expect(renumbering(fromMarkdown)).toEqual([]);
    expect(renumbering(fromWord).length).toBeGreaterThan(0);
    expect(fromWord.changes.some((c) => c.words.some((w) => w.style === 'italic' && w.text.includes('mutatis mutandis')))).toBe(true);
  }, 120_000);

  it('continues a list across two instances of one definition when the second does not restart it', () => {
    const { theirs, ours } = bothReadings(dir, 'continued', withContinuedList(docx));
    expect(ours).toContain('3. Joint research is promoted.');
    expect(ours).toEqual(theirs);
  }, 120_000);
});
