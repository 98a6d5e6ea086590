// Markdown that arrives from outside the way real drafts do: a Word document converted by pandoc or copied off
// a government web page — headings in bold instead of "#" lines, underline tags, footnotes after a rule,
// empty bold runs, runs of spaces, text indented into a code block — and front matter of another tool's.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDraft } from '../src/format/import-text.js';
import { loadDraftFile } from '../src/node/read-draft-file.js';
import { importedFileFromBytes } from '../src/node/desktop/import-file.js';
import { inlineText } from '../src/model/text.js';
import { provisionsOf, walkClauses } from '../src/model/provisions.js';
import type { Block, Clause, Draft } from '../src/model/draft.js';

const importMd = (text: string) => importDraft(text, { file: 'draft.md' }).draft;

/** "label — title" of every clause, nested ones indented. */
function outline(draft: Draft): string[] {
  return [...walkClauses(draft.clauses)].map(({ clause, path }) => '  '.repeat(path.length) + [clause.label, clause.title].filter(Boolean).join(' — '));
}

function blockText(block: Block): string {
  if (block.type === 'paragraph') return inlineText(block.children);
  if (block.type === 'list') return block.children.map((item) => item.children.map(blockText).join(' / ')).join(' | ');
  if (block.type === 'rawBlock') return `RAW:${block.value}`;
  return block.type;
}

const clause = (draft: Draft, title: string): Clause =>
  [...walkClauses(draft.clauses)].map((w) => w.clause).find((c) => c.title === title || c.label === title)!;

const CONVERTED = [
  '**AGREEMENT BETWEEN THE UNITED STATES OF AMERICA AND THE REPUBLIC OF',
  'EXAMPLE ON RECIPROCAL TRADE**',
  '',
  '**Preamble**',
  '',
  'The Government of the United States of America and the Government of',
  'the Republic of Example (“the Parties”),',
  '',
  '**EMPHASIZING** their shared commitment to resilient supply chains;',
  '',
  '**HAVE AGREED** as follows:',
  '',
  '**<span style="text-decoration: underline">Section 1:  Tariffs and',
  'Quotas</span>**',
  '',
  '**Article 1.1: Tariffs **',
  '',
  '1.**\u00a0\u00a0\u00a0\u00a0 ** Example shall apply a rate of customs',
  'duty<a href="#_ftn1" id="_ftnref1">[1]</a> as set out in Annex I.',
  '',
  '2\\.  The United States shall apply  a revised tariff rate.\u00a0\u00a0',
  '',
  '**Article 1.2: Intellectual Property**\\[2\\]** **',
  '',
  'Example shall provide a robust standard of protection.',
  '',
  '<span style="text-decoration: underline">**Section 2.  General Matters**</span>',
  '',
  '**Article 2.1: Entry into Force**',
  '',
  'This Agreement shall enter into force 60 days after signature.',
  '',
  '------------------------------------------------------------------------',
  '',
  '\\[1\\] **Customs duty** includes any duty or charge of any kind',
  'imposed on the importation of a good.',
  '',
  '<a href="#_ftnref2" id="_ftn2">[2]</a> For purposes of this Agreement, *intellectual property* refers to',
  'all categories of intellectual property.',
  '',
  '------------------------------------------------------------------------',
  '',
  '**[Annexes](https://example.org/annexes.pdf)**',
  '',
].join('\n');

describe('Markdown converted from a Word document', () => {
  it('reads paragraphs wholly in bold as headings: sections over articles, underline tags and a footnote marker aside', () => {
    const draft = importMd(CONVERTED);
    expect(outline(draft)).toEqual([
      'Preamble',
      'Section 1 — Tariffs and Quotas',
      '  Article 1.1 — Tariffs',
      '  Article 1.2 — Intellectual Property',
      'Section 2 — General Matters',
      '  Article 2.1 — Entry into Force',
      'Footnotes',
    ]);
    // The capitals of the title block before the preamble are no heading.
    expect(draft.front.map(blockText).join(' ')).toContain('AGREEMENT BETWEEN THE UNITED STATES');
    // A recital whose first word is bold is a recital.
    expect(provisionsOf(clause(draft, 'Preamble')).length).toBe(3);
  });

  it('leaves out empty bold runs, link and underline tags and runs of spaces; keeps the footnote marker as text', () => {
    const article = clause(importMd(CONVERTED), 'Article 1.1');
    expect(provisionsOf(article).map((p) => [p.label, p.text])).toEqual([
      ['1', 'Example shall apply a rate of customs duty[1] as set out in Annex I.'],
      ['2', 'The United States shall apply a revised tariff rate.'],
    ]);
  });

  it('takes what follows the rule before the footnotes as footnotes, their emphasis read as Markdown', () => {
    const notes = clause(importMd(CONVERTED), 'Footnotes');
    expect(notes.body.map(blockText)).toEqual([
      '[1] Customs duty includes any duty or charge of any kind imposed on the importation of a good.',
      '[2] For purposes of this Agreement, intellectual property refers to all categories of intellectual property.',
      expect.stringContaining('Annexes'),
    ]);
    const first = notes.body[0]!;
    expect(first.type === 'paragraph' && first.children.some((c) => c.type === 'strong')).toBe(true);
    // The last article keeps its own text only.
    expect(clause(importMd(CONVERTED), 'Article 2.1').body.map(blockText)).toEqual(['This Agreement shall enter into force 60 days after signature.']);
  });

  it('takes a bold title under a bold label-only heading as its title, and opens the preamble at its first words', () => {
    const draft = importMd([
      'Whereas, rare earths are essential for advanced technologies;',
      '',
      'Therefore, the Participants have reached the following understanding:',
      '',
      '**Section I**',
      '',
      '**Critical Minerals** **and Rare Earths**',
      '',
      '1.  The Participants intend to cooperate.',
      '',
      '**<u>GENERAL PROVISIONS</u>**',
      '',
      '1.  This Framework takes effect on signature.',
    ].join('\n'));
    expect(outline(draft)).toEqual(['Preamble', 'Section I — Critical Minerals and Rare Earths', '  GENERAL PROVISIONS']);
    expect(provisionsOf(clause(draft, 'Preamble')).length).toBe(2);
  });

  it('reads a keyword heading alone on its line as a heading too, as plain text is read; "5." alone stays a list item', () => {
    const draft = importMd([
      'MEMORANDUM OF UNDERSTANDING',
      '',
      'The Participants,',
      '',
      '*Recognising* the importance of critical minerals,',
      '',
      'Have reached the following understanding:',
      '',
      'Section I',
      '',
      'Cooperation',
      '',
      '1.  The Participants intend to cooperate.',
      '',
      'Article 2 — Stockpiles',
      '',
      'Each Participant intends to keep *strategic* stocks.',
      '',
      'FINAL PROVISIONS',
      '',
      'This Memorandum takes effect on signature.',
    ].join('\n'));
    expect(outline(draft)).toEqual(['Preamble', 'Section I — Cooperation', '  Article 2 — Stockpiles', '  FINAL PROVISIONS']);
    expect(draft.front.map(blockText)).toEqual(['MEMORANDUM OF UNDERSTANDING']);
  });

  it('reads bold paragraphs as text where the draft has "#" headings', () => {
    const draft = importMd('## Article 3\n\n**Option 1:**\n\nThe Parties shall cooperate.\n\n**AREAS OF COOPERATION**\n');
    expect(outline(draft)).toEqual(['Article 3']);
    expect(draft.clauses[0]!.body.map(blockText)).toEqual(['Option 1:', 'The Parties shall cooperate.', 'AREAS OF COOPERATION']);
  });

  it('reads an article typed as a paragraph of its own under a "#" section as that section\'s clause', () => {
    // A Word document whose sections are in a Heading style and whose articles are typed in bold.
    const draft = importMd([
      '# Agreement on Reciprocal Trade', '', '## Section 1: Tariffs and Quotas', '', '**Article 1.1: Tariffs**', '',
      '1. Malaysia shall apply a rate of customs duty set out in Schedule 1.', '', 'Article 1.2: Quotas', '',
      'Neither Party shall adopt quotas. Article 3 applies.', '', '## Section 2: Non-Tariff Barriers', '', '**Article 2.1: Import Licensing**', '',
      'Malaysia shall not adopt import licensing requirements.', '',
    ].join('\n'));
    expect(outline(draft)).toEqual(['Section 1 — Tariffs and Quotas', '  Article 1.1 — Tariffs', '  Article 1.2 — Quotas', 'Section 2 — Non-Tariff Barriers', '  Article 2.1 — Import Licensing']);
    expect(clause(draft, 'Quotas').body.map(blockText)).toEqual(['Neither Party shall adopt quotas. Article 3 applies.']);
  });

  it('reads the recitals before the first heading as the preamble, so that a changed recital is compared', async () => {
    const { compareDrafts } = await import('../src/compare/compare.js');
    const draft = (recital: string) => importMd(['# Agreement', '', 'The Parties to this Agreement,', '', recital, '', 'Have agreed as follows:', '', '## Article 1 — Scope', '', 'This Agreement applies.', ''].join('\n'));
    const before = draft('Recognizing the need for cooperation,');
    expect(before.meta.title).toBe('Agreement');
    expect(outline(before)).toEqual(['Preamble', 'Article 1 — Scope']);
    expect(before.front).toEqual([]);
    const comparison = compareDrafts(before, draft('Recognizing the urgent need for cooperation,'));
    expect(comparison.summary).toMatchObject({ edited: 1, unchanged: 1 });
    expect(comparison.changes[0]!.words.filter((w) => w.op === 'insert').map((w) => w.text)).toEqual(['urgent ']);
    // A draft with a Preamble heading of its own keeps it; a title block that opens no preamble stays the front.
    expect(outline(importMd('# Agreement\n\n## Preamble\n\nThe Parties,\n\n## Article 1\n\nText.\n'))).toEqual(['Preamble', 'Article 1']);
    // The word typed over the recitals, in bold or not, heads the clause.
    const typed = importMd('# Agreement\n\n**PREAMBLE**\n\nRecognizing the need for cooperation,\n\n## Article 1\n\nText.\n');
    expect(outline(typed)).toEqual(['Preamble', 'Article 1']);
    expect(typed.clauses[0]!.body.map(blockText)).toEqual(['Recognizing the need for cooperation,']);
    const titled = importMd('Memorandum of Understanding\n\n26 October 2025\n\n## Article 1\n\nText.\n');
    expect(outline(titled)).toEqual(['Article 1']);
    expect(titled.front.map(blockText)).toEqual(['Memorandum of Understanding', '26 October 2025']);
  });

  it('reads text indented into a code block as paragraphs, a line each unless it carries on a sentence', () => {
    const draft = importMd([
      '## Article 4',
      '',
      '      Option 1: Nationally determined contributions',
      '      Option 2: Nationally determined mitigation component of the',
      '      contribution referred to in Article 2bis',
      '',
      '```',
      '    kept as written',
      '```',
    ].join('\n'));
    expect(draft.clauses[0]!.body.map(blockText)).toEqual([
      'Option 1: Nationally determined contributions',
      'Option 2: Nationally determined mitigation component of the contribution referred to in Article 2bis',
      'RAW:```\n    kept as written\n```',
    ]);
  });

  it('reads a site generator\'s table-of-contents marker and link definitions as no text: Markdown shows neither', () => {
    const draft = importMd([
      '*As [published][12dec] on 12 December 2015.*',
      '',
      '* TOC',
      '{:toc}',
      '',
      '## Article 11',
      '',
      '1. A mechanism is hereby established.',
      '* TOC',
      '{:toc}',
      '',
      '## Article 26',
      '',
      'The original shall be deposited.',
      '',
      '[12dec]: http://unfccc.int/resource/docs/2015/cop21/eng/l09r01.pdf',
    ].join('\n'));
    expect(clause(draft, 'Article 11').body.map(blockText)).toEqual(['A mechanism is hereby established.']);
    expect(clause(draft, 'Article 26').body.map(blockText)).toEqual(['The original shall be deposited.']);
    expect(JSON.stringify(draft)).not.toMatch(/TOC|toc|unfccc/);
  });

  it('keeps the indented paragraphs of a "[^1]:" footnote with it, not in the last article', () => {
    const draft = importMd([
      '## Article 26',
      '',
      'The original of this Agreement shall be deposited.',
      '',
      '[^1]: Without prejudice to how the agreement refers to contributions:',
      '',
      '    Option 1: Nationally Determined Mitigation Contribution',
      '',
      '    Option 2: Mitigation Component',
    ].join('\n'));
    expect(clause(draft, 'Article 26').body.map(blockText)).toEqual(['The original of this Agreement shall be deposited.']);
    expect(clause(draft, 'Footnotes').body.map(blockText)).toEqual([
      '[^1]: Without prejudice to how the agreement refers to contributions: Option 1: Nationally Determined Mitigation Contribution Option 2: Mitigation Component',
    ]);
  });
});

describe('a Markdown file with front matter of another tool', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-foreign-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const WEB_PAGE = [
    '---',
    'title: United States-Example Framework on Critical Minerals',
    'source_url: https://www.example.gov/framework/',
    'tags: briefings-statements',
    '---',
    '',
    '*October 20, 2025*',
    '',
    'Whereas, rare earths are essential;',
    '',
    '**Section I**',
    '',
    '**Critical Minerals**',
    '',
    '1.  The Participants intend to cooperate.',
    '',
  ].join('\n');

  it('is imported, its headings recognised, titled by its front matter', async () => {
    // A site generator's date with a time is not Parley's YYYY-MM-DD: no reason to read the page as a Parley draft.
    const { draft, diagnostics } = await loadDraftFile(write('web.md', WEB_PAGE.replace('tags:', 'date: 2025-10-20 14:30:16 -0400\ntags:')));
    expect(diagnostics).toEqual([]);
    expect(draft.meta.title).toBe('United States-Example Framework on Critical Minerals');
    expect(outline(draft)).toEqual(['Preamble', 'Section I — Critical Minerals']);
  });

  it('is read the same by the application\'s Import Draft, which imports whatever file it is given (and keeps its own title)', () => {
    const { draft } = importDraft(WEB_PAGE, { file: 'page.md' });
    expect(outline(draft)).toEqual(['Preamble', 'Section I — Critical Minerals']);
    // The front matter's lines are no text of the draft.
    expect(JSON.stringify(draft)).not.toContain('source_url');
  });

  it('with "#" headings is imported as loose Markdown: "*(definitions)*" is a title, a footnote goes to Footnotes', async () => {
    const { draft } = await loadDraftFile(write('site.md', '---\ntitle: Paris Agreement\nedit: true\n---\n\n## Article 1 *(definitions)*\n\nFor the purpose of this Agreement[^1], the definitions apply.\n\n[^1]: As in the Convention.\n'));
    expect(outline(draft)).toEqual(['Article 1 — definitions', 'Footnotes']);
  });

  it('is still read as a Parley draft when it says "parley:", carries ids or marks, or has front matter that is not YAML', async () => {
    // "parley: 1" with no heading: a Parley draft with a title block only, not imported.
    const own = await loadDraftFile(write('own.md', '---\nparley: 1\ntitle: T\n---\n\n**Section I**\n\n**Critical Minerals**\n\n1.  Text.\n'));
    expect(own.draft.clauses).toEqual([]);
    // … and says that none of its text is in a clause, at the text's first line.
    expect(own.diagnostics.map((d) => [d.line, d.severity, d.code])).toEqual([[6, 'warning', 'no-clauses']]);
    // Ids on headings are Parley's: the id is kept as written.
    const withIds = await loadDraftFile(write('ids.md', '---\ntitle: T\n---\n\n## Article 1 — Stockpiles {#stockpiles}\n\nText with :bracket[shall]{by="EU"} in it.\n'));
    expect(withIds.draft.clauses[0]!.id).toBe('stockpiles');
    expect(withIds.draft.clauses[0]!.body[0]!.type).toBe('paragraph');
    expect(JSON.stringify(withIds.draft.clauses[0]!.body)).toContain('"bracket"');
    const broken = await loadDraftFile(write('broken.md', '---\ntitle: [unclosed\n---\n\n**Section I**\n\n1.  Text.\n'));
    expect(broken.diagnostics.map((d) => d.code)).toContain('front-matter-syntax');
  });
});

describe('a web page (HTML)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-html-'));
  const PAGE = [
    '<!DOCTYPE html>',
    '<html><head><title>Example Agreement | Ministry of Trade</title><style>p { margin: 0 }</style><script>var Article = 9;</script></head>',
    '<body><nav><a href="/">Home</a> <a href="/treaties/">Treaties</a></nav>',
    '<p><strong>AGREEMENT BETWEEN THE UNITED STATES AND EXAMPLE</strong></p>',
    '<p><strong>Preamble</strong></p>',
    '<p>The Government of the United States of America and the Government of Example (“the Parties”),</p>',
    '<p><strong>EMPHASIZING</strong> their shared values;</p>',
    '<p><strong><u>Section 1: Tariffs</u></strong></p>',
    '<p><strong>Article 1.1: Tariffs&nbsp;</strong></p>',
    '<p>1.&nbsp;&nbsp;&nbsp; Example shall apply a rate of customs duty<a href="#_ftn1" id="_ftnref1">[1]</a> as set out in <em>Annex I</em>.</p>',
    '<p>2.&nbsp;&nbsp;&nbsp; The United States shall apply a revised rate.</p>',
    '<p>IN WITNESS WHEREOF the undersigned have signed this Agreement.</p>',
    '<table><tr><td>FOR THE UNITED STATES OF AMERICA:</td><td>FOR EXAMPLE:</td></tr><tr><td>Jane Doe</td><td>John Roe</td></tr></table>',
    '<hr>',
    '<p><a href="#_ftnref1" id="_ftn1">[1]</a> <strong>Customs duty</strong> includes any duty.</p>',
    '<footer>Copyright</footer>',
    '</body></html>',
  ].join('\n');

  it('is read by its headings, footnotes and signature block; navigation, scripts and styles are no text of it', async () => {
    const file = path.join(dir, 'agreement.html');
    fs.writeFileSync(file, PAGE);
    const { draft, diagnostics } = await loadDraftFile(file);
    expect(diagnostics).toEqual([]);
    expect(outline(draft)).toEqual(['Preamble', 'Section 1 — Tariffs', '  Article 1.1 — Tariffs', 'Signatures', 'Footnotes']);
    // No <h1>: the <title>, without the site's name after its bar.
    expect(draft.meta.title).toBe('Example Agreement');
    expect(provisionsOf(clause(draft, 'Article 1.1')).map((p) => [p.label, p.text])).toEqual([
      ['1', 'Example shall apply a rate of customs duty[1] as set out in Annex I.'],
      ['2', 'The United States shall apply a revised rate.'],
    ]);
    // Italic is read: a change to it is a change of formatting.
    expect(JSON.stringify(clause(draft, 'Article 1.1').body)).toContain('"emphasis"');
    expect(draft.unformatted).toBeUndefined();
    expect(clause(draft, 'Signatures').body.map(blockText)).toEqual([
      'IN WITNESS WHEREOF the undersigned have signed this Agreement.', 'FOR THE UNITED STATES OF AMERICA:', 'FOR EXAMPLE:', 'Jane Doe', 'John Roe',
    ]);
    expect(clause(draft, 'Footnotes').body.map(blockText)).toEqual(['[1] Customs duty includes any duty.']);
    expect(JSON.stringify(draft)).not.toMatch(/Treaties|var Article|margin|Copyright/);
  });

  it('keeps struck-through text as text (the page could not be read at all)', async () => {
    const file = path.join(dir, 'struck.html');
    fs.writeFileSync(file, '<!DOCTYPE html><html><body><h2>Article 1</h2><p>The Parties <s>shall</s> <del>must</del> <strike>may</strike> will cooperate.</p></body></html>');
    const { draft, diagnostics } = await loadDraftFile(file);
    expect(diagnostics).toEqual([]);
    expect(provisionsOf(draft.clauses[0]!).map((p) => p.text)).toEqual(['The Parties shall must may will cooperate.']);
  });

  it('writes out what Markdown\'s lists cannot hold: numbered headings, lettered and Roman points', async () => {
    const file = path.join(dir, 'numbered.html');
    fs.writeFileSync(file, [
      '<!DOCTYPE html><html><body>',
      '<ol><li value="1"><h2>Purpose</h2></li></ol>',
      '<ol><li><p>The purpose is cooperation.</p></li><li><p>The Participants will act:</p>',
      '<ol type="a"><li><p>promptly;</p></li><li><p>jointly.</p></li></ol></li></ol>',
      '<ol start="2"><li><h2>supply chains and trade routes</h2></li></ol>',
      '<ol><li><p>Routes are kept open by:</p><ol type="i" start="3"><li><p>ports;</p></li><li><p>shipping lanes.</p></li></ol></li></ol>',
      '</body></html>',
    ].join('\n'));
    const { draft } = await loadDraftFile(file);
    expect(outline(draft)).toEqual(['1 — Purpose', '2 — supply chains and trade routes']);
    const points = (c: Clause) => provisionsOf(c).map((p) => [p.label, p.text, p.points.map((q) => q.text)]);
    expect(points(draft.clauses[0]!)).toEqual([['1', 'The purpose is cooperation.', []], ['2', 'The Participants will act:', ['(a) promptly;', '(b) jointly.']]]);
    expect(points(draft.clauses[1]!)).toEqual([['1', 'Routes are kept open by:', ['(iii) ports;', '(iv) shipping lanes.']]]);
  });

  it('reads bold set by a style, a line break after a heading\'s label and line breaks before points', async () => {
    const file = path.join(dir, 'breaks.html');
    fs.writeFileSync(file, [
      '<!DOCTYPE html><html><head><title>Memorandum</title></head><body><div class="content">',
      '<div>The Participants,</div>',
      '<p><strong>Article 1<br>Definitions</strong></p>',
      '<p>For the purposes of this Memorandum:<br>(a) "minerals" means ores;<br>(b) "refining" means processing.</p>',
      '<p><span style="font-weight: bold">Article 2 – Cooperation</span></p>',
      '<div>1. The Participants will <span style="font-style:italic">cooperate</span>.</div>',
      '<div>2. They will meet yearly.</div>',
      '<p><b>ARTICLE 3<br/>FINAL PROVISIONS</b></p>',
      '<p>This Memorandum takes effect on signature.</p>',
      '</div></body></html>',
    ].join('\n'));
    const { draft } = await loadDraftFile(file);
    expect(outline(draft)).toEqual(['Preamble', 'Article 1 — Definitions', 'Article 2 — Cooperation', 'ARTICLE 3 — FINAL PROVISIONS']);
    expect(provisionsOf(clause(draft, 'Article 1')).map((p) => [p.label, p.text])).toEqual([
      [null, 'For the purposes of this Memorandum:'], ['(a)', '(a) "minerals" means ores;'], ['(b)', '(b) "refining" means processing.'],
    ]);
    expect(provisionsOf(clause(draft, 'Article 2')).map((p) => p.label)).toEqual(['1', '2']);
    expect(JSON.stringify(clause(draft, 'Article 2').body)).toContain('"emphasis"');
  });

  it('reads superscript footnote marks as "[1]" and a list of footnotes as the Footnotes clause', async () => {
    const file = path.join(dir, 'footnotes.html');
    fs.writeFileSync(file, [
      '<!DOCTYPE html><html><head><title>Agreement</title></head><body>',
      '<h1>Agreement on Critical Minerals</h1>',
      '<h2>Article 1 — Tariffs</h2>',
      '<p>Each Party shall apply a rate of customs duty<sup><a href="#fn1" id="fnref1">1</a></sup> as set out in Annex I.</p>',
      '<h2>Article 2 — Stockpiles</h2>',
      '<p>Each Party shall keep stocks for 90 days<a href="#_ftn2" name="_ftnref2"><sup>[2]</sup></a>.</p>',
      '<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Customs duty includes any charge.<a href="#fnref1" role="doc-backlink">↩︎</a></p></li></ol></section>',
      '<div id="ftn2"><p><a href="#_ftnref2" name="_ftn2"><sup>[2]</sup></a> Ninety days of average imports.</p></div>',
      '</body></html>',
    ].join('\n'));
    const { draft } = await loadDraftFile(file);
    expect(outline(draft)).toEqual(['Article 1 — Tariffs', 'Article 2 — Stockpiles', 'Footnotes']);
    expect(draft.meta.title).toBe('Agreement on Critical Minerals');
    expect(clause(draft, 'Article 1').body.map(blockText)).toEqual(['Each Party shall apply a rate of customs duty[1] as set out in Annex I.']);
    expect(clause(draft, 'Article 2').body.map(blockText)).toEqual(['Each Party shall keep stocks for 90 days[2].']);
    expect(clause(draft, 'Footnotes').body.map(blockText)).toEqual(['[1] Customs duty includes any charge.', '[2] Ninety days of average imports.']);
  });

  it('reads a page in the shape Word saves one: conditional comments, tab spans, list numbers typed in the text', async () => {
    // Modelled on Word's "Save as Web Page" markup (no Word here to make one): its list numbers and footnote marks
    // sit between <![if !supportLists]> and <![endif]>, a heading's tab is a span with mso-tab-count.
    const file = path.join(dir, 'word.htm');
    fs.writeFileSync(file, [
      '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
      '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">',
      '<title>EU-US MoU draft</title>',
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->',
      '<style><!-- p.MsoNormal {margin:0cm;} --></style></head>',
      '<body lang=EN-GB style=\'tab-interval:36.0pt\'>',
      '<div class=WordSection1>',
      '<p class=MsoTitle align=center style=\'text-align:center\'><span lang=EN-US>Memorandum of Understanding on Critical Minerals<o:p></o:p></span></p>',
      '<p class=MsoNormal><span lang=EN-US>The European Union and the United States of America (the &quot;Participants&quot;),<o:p></o:p></span></p>',
      '<p class=MsoNormal><b><span lang=EN-US>Paragraph 1<span style=\'mso-tab-count:1\'>&nbsp;&nbsp;&nbsp; </span>Purpose<o:p></o:p></span></b></p>',
      '<p class=MsoListParagraph style=\'text-indent:-18.0pt;mso-list:l0 level1 lfo1\'><![if !supportLists]><span lang=EN-US>1.<span style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=EN-US>The purpose of this Memorandum is cooperation.<o:p></o:p></span></p>',
      '<p class=MsoListParagraph style=\'margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1\'><![if !supportLists]><span lang=EN-US>(a)<span style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp; </span></span><![endif]><span lang=EN-US>in <i>mining</i>;<o:p></o:p></span></p>',
      '<p class=MsoNormal><b><span lang=EN-US>Paragraph 2<span style=\'mso-tab-count:1\'>&nbsp;&nbsp;&nbsp; </span>No export bans<o:p></o:p></span></b></p>',
      '<p class=MsoNormal><span lang=EN-US>The Participants will not impose export bans<a style=\'mso-footnote-id:ftn1\' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style=\'mso-special-character:footnote\'><![if !supportFootnotes]><span class=MsoFootnoteReference><span style=\'font-size:11.0pt\'>[1]</span></span><![endif]></span></span></a>.<o:p></o:p></span></p>',
      '</div>',
      '<div style=\'mso-element:footnote-list\'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>',
      '<div style=\'mso-element:footnote\' id=ftn1>',
      '<p class=MsoFootnoteText><a style=\'mso-footnote-id:ftn1\' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span style=\'mso-special-character:footnote\'><![if !supportFootnotes]><span class=MsoFootnoteReference><span style=\'font-size:10.0pt\'>[1]</span></span><![endif]></span></span></a> Other than for reasons of security.</p>',
      '</div></div>',
      '</body></html>',
    ].join('\n'));
    const { draft } = await loadDraftFile(file);
    expect(outline(draft)).toEqual(['Paragraph 1 — Purpose', 'Paragraph 2 — No export bans', 'Footnotes']);
    expect(provisionsOf(clause(draft, 'Paragraph 1')).map((p) => [p.label, p.text, p.points.map((q) => q.text)])).toEqual([
      ['1', 'The purpose of this Memorandum is cooperation.', ['(a) in mining;']],
    ]);
    expect(clause(draft, 'Paragraph 2').body.map(blockText)).toEqual(['The Participants will not impose export bans[1].']);
    expect(clause(draft, 'Footnotes').body.map(blockText)).toEqual(['[1] Other than for reasons of security.']);
    expect(JSON.stringify(draft)).not.toMatch(/supportLists|endif|mso-/);
  });

  it('is told by its first tag whatever its name, and the application\'s Import Draft gets its text as Markdown', async () => {
    const file = path.join(dir, 'saved-from-browser.txt');
    fs.writeFileSync(file, PAGE.replace('<title>', '<title>').replace('<body>', '<body><h1>Agreement on Reciprocal Trade</h1>'));
    const { draft } = await loadDraftFile(file);
    expect(draft.meta.title).toBe('Agreement on Reciprocal Trade');
    expect(outline(draft)).toContain('  Article 1.1 — Tariffs');
    const imported = importedFileFromBytes('agreement.htm', new TextEncoder().encode(PAGE));
    expect(imported.format).toBe('markdown');
    expect(imported.text).not.toContain('<');
    expect(outline(importDraft(imported.text, { file: imported.fileName, format: imported.format }).draft)).toContain('  Article 1.1 — Tariffs');
  });
});
