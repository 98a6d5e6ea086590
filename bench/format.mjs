// Reading and writing drafts: median times of parseDraft and serializeDraft on generated treaties of 200,
// 2,000 and 20,000 articles, in one process, against remark itself as the baseline.
//   npm run build && node bench/format.mjs
// Targets (issue 2): a 2,000-article draft reads into the model in ≤ 1 s and is written back in ≤ 0.5 s;
// the growth from 200 to 20,000 articles stays linear.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { time } from './lib/timing.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, '../shared');
const load = (p) => import(pathToFileURL(path.join(root, p)).href);
const { makePair } = await import(pathToFileURL(path.join(shared, 'tools', 'gen-treaty.mjs')).href);
const { parseDraft, serializeDraft } = await load('dist/src/format/markdown.js');
const { importDraft } = await load('dist/src/format/import-text.js');
const { splitAtHeadings } = await load('dist/src/format/chunks.js');
const { markdownProcessor } = await load('dist/src/format/processor.js');


/** A canonical Parley file of n generated articles (the generator's Markdown, imported and written out). */
function canonical(n) {
  const { oldText } = makePair(n, 42, { words: 210 });
  return serializeDraft(importDraft(oldText, { file: 'old.md' }).draft);
}

const rows = [];
for (const [n, runs] of [[200, 15], [2000, 7], [20000, 3]]) {
  const text = canonical(n);
  const draft = parseDraft(text).draft;
  const read = time(() => parseDraft(text), runs);
  const write = time(() => serializeDraft(draft), runs);
  rows.push({ n, mb: text.length / 1e6, read, write });
  console.log(`${n.toLocaleString('en').padStart(6)} articles (${(text.length / 1e6).toFixed(1)} MB): read ${read.toFixed(0).padStart(5)} ms, write ${write.toFixed(0).padStart(5)} ms  (median of ${runs})`);
}

// Baseline in the same process: remark (with Parley's plugins) parsing the 2,000-article text clause by
// clause, the fastest way remark alone can read it.
const text2000 = canonical(2000);
const chunks = splitAtHeadings(text2000);
const processor = markdownProcessor();
const remarkChunked = time(() => { for (const c of chunks) processor.parse(c.body); }, 3);
const r2000 = rows.find((r) => r.n === 2000);
console.log(`baseline: remark over the 2,000-article text split at headings: ${remarkChunked.toFixed(0)} ms`);
console.log(`ratio parseDraft / remark-chunked: ${(r2000.read / remarkChunked).toFixed(2)}`);
const perMb = rows.map((r) => `${(r.read / r.mb).toFixed(0)}`).join(' / ');
console.log(`read ms per MB at 200 / 2,000 / 20,000 articles: ${perMb} (flat = linear)`);
console.log(`2,000 articles: read ${r2000.read <= 1000 ? 'within' : 'OVER'} 1 s target, write ${r2000.write <= 500 ? 'within' : 'OVER'} 0.5 s target`);
