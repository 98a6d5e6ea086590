// Reading Word documents: median time to convert a .docx of a generated treaty (src/format/import/docx.ts)
// and import the result, against importing the same treaty's own Markdown in the same process (the baseline:
// what the draft costs to read without Word around it). Writing one: the Word redline of the 2,000-article pair
// (src/export/docx-redline.ts, `parley diff --format docx`), against the comparison it is made from.
//   npm run build && node bench/docx.mjs
// No target is set for it; the figure tells whether a treaty that arrives in Word is read as fast as one that
// arrives as text. The documents are written with the `docx` library: headings in the Heading 2 style,
// paragraphs numbered by Word, restarting in every article.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { performance } from 'node:perf_hooks';
import { median, time } from './lib/timing.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, '../shared');
const load = (p) => import(pathToFileURL(path.join(root, p)).href);
const { makePair } = await import(pathToFileURL(path.join(shared, 'tools', 'gen-treaty.mjs')).href);
const { importDraft } = await load('dist/src/format/import-text.js');
const { wordDocumentText } = await load('dist/src/format/import/docx.js');
const { applyRunStyles } = await load('dist/src/format/import/word-run-styles.js');
const { compareDrafts } = await load('dist/src/compare/compare.js');
const { docxRedline } = await load('dist/src/export/docx-redline.js');


/**
 * The generator's Markdown of n articles, and the same treaty as a Word document; `italic`: the first "Party"
 * of every paragraph set in italic (every paragraph's style then given back to the imported draft).
 */
async function treaty(n, italic = false) {
  const runs = (text) => {
    const at = italic ? text.indexOf('Party') : -1;
    return at < 0 ? [new TextRun(text)] : [new TextRun(text.slice(0, at)), new TextRun({ text: 'Party', italics: true }), new TextRun(text.slice(at + 5))];
  };
  const { oldText } = makePair(n, 42, { words: 210 });
  const children = [];
  let article = 0;
  let label = '';
  for (const line of oldText.split('\n')) {
    let m;
    if ((m = /^## (.*)$/.exec(line))) { label = m[1]; article++; continue; }
    if ((m = /^### (.*)$/.exec(line))) { children.push(new Paragraph({ text: `${label} — ${m[1]}`, heading: HeadingLevel.HEADING_2 })); label = ''; continue; }
    if (!line.trim()) continue;
    if (label) { children.push(new Paragraph({ text: label, heading: HeadingLevel.HEADING_2 })); label = ''; }
    if ((m = /^\d+\. (.*)$/.exec(line))) children.push(new Paragraph({ children: runs(m[1]), numbering: { reference: 'provisions', level: 0, instance: article } }));
    else children.push(new Paragraph({ children: runs(line.trim()) }));
  }
  const document = new Document({
    numbering: { config: [{ reference: 'provisions', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return { markdown: oldText, docx: await Packer.toBuffer(document) };
}

for (const [n, runs] of [[200, 9], [2000, 5]]) {
  const { markdown, docx } = await treaty(n);
  const clauses = importDraft(markdown, { format: 'markdown' }).draft.clauses.length;
  const converted = wordDocumentText(docx);
  const read = importDraft(converted.text, { format: converted.format }).draft.clauses.length;
  if (read !== clauses) throw new Error(`the Word document read as ${read} clauses, its Markdown as ${clauses}`);
  const word = time(() => { const c = wordDocumentText(docx); importDraft(c.text, { format: c.format }); }, runs);
  const convert = time(() => wordDocumentText(docx), runs);
  const text = time(() => importDraft(markdown, { format: 'markdown' }), runs);
  console.log(`${n.toLocaleString('en').padStart(5)} articles (.docx ${(docx.length / 1e6).toFixed(2)} MB, text ${(markdown.length / 1e6).toFixed(1)} MB): ` +
    `read from Word ${word.toFixed(0)} ms (of which converting ${convert.toFixed(0)} ms); from its Markdown ${text.toFixed(0)} ms; ratio ${(word / text).toFixed(1)} (median of ${runs})`);
}

// Italic in every paragraph: the cost of giving the styles back (word-run-styles.ts) on top of reading the text.
{
  const { docx } = await treaty(2000, true);
  const converted = wordDocumentText(docx);
  const imported = importDraft(converted.text, { format: converted.format }).draft;
  const { placed, unplaced } = applyRunStyles(imported, converted.styled);
  if (unplaced !== 0 || placed !== converted.styled.length) throw new Error(`${unplaced} styled paragraphs not placed`);
  const plain = time(() => importDraft(converted.text, { format: converted.format }), 5);
  const styled = time(() => applyRunStyles(importDraft(converted.text, { format: converted.format }).draft, converted.styled), 5);
  console.log(`2,000 articles, a word in italic in each of its ${placed.toLocaleString('en')} paragraphs: import ${plain.toFixed(0)} ms; ` +
    `with the italic given back ${styled.toFixed(0)} ms (median of 5; converting the document is timed above)`);
}

// The Word redline of the 2,000-article pair (default rates, and every article edited): writing the document
// (paragraphs, tracked changes, the zip) against the comparison it is made from.
for (const [what, opts] of [['default rates', {}], ['every article edited', { edit: 1 }]]) {
  const { oldText, newText } = makePair(2000, 42, { words: 210, ...opts });
  const a = importDraft(oldText).draft, b = importDraft(newText).draft;
  const comparison = compareDrafts(a, b, { staleReferences: true });
  const options = { author: 'US', date: '2026-05-28T12:00:00Z' };
  let bytes = await docxRedline(comparison, a, b, options);
  const times = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    bytes = await docxRedline(comparison, a, b, options);
    times.push(performance.now() - t0);
  }
  const write = median(times);
  const compare = time(() => compareDrafts(a, b, { staleReferences: true }), 5);
  console.log(`2,000 articles, ${what}: Word redline written in ${write.toFixed(0)} ms (.docx ${(bytes.length / 1e6).toFixed(2)} MB); ` +
    `the comparison ${compare.toFixed(0)} ms; ratio ${(write / compare).toFixed(1)} (median of 5)`);
}
