// Clause alignment benchmark: median of repeated alignDrafts runs on generated treaties (one process).
//   npm run build && node bench/align.mjs
// Drafts are generated with ../shared/tools/gen-treaty.mjs (env PARLEY_SHARED) and parsed once, outside the
// timing: what is measured is the alignment alone (the word diffs inside pairs are benchmarked with them).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, '../shared');
const { makePair } = await import(pathToFileURL(path.join(shared, 'tools', 'gen-treaty.mjs')).href);
const { alignDrafts } = await import(pathToFileURL(path.join(root, 'dist/src/compare/align.js')).href);
const { importDraft } = await import(pathToFileURL(path.join(root, 'dist/src/format/import-text.js')).href);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function bench(label, n, opts, runs) {
  // The generator's command-line default is 210 words per article; makePair's own default is 250.
  const pair = makePair(n, 42, { words: 210, ...opts });
  const oldDraft = importDraft(pair.oldText, { file: 'old.md' }).draft;
  const newDraft = importDraft(pair.newText, { file: 'new.md' }).draft;
  for (let k = 0; k < 3; k++) alignDrafts(oldDraft, newDraft); // warm-up: JIT
  const times = [];
  let changes = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const result = alignDrafts(oldDraft, newDraft);
    times.push(performance.now() - t0);
    changes = result.changes.length;
  }
  const m = median(times);
  console.log(`${label.padEnd(38)} median ${m.toFixed(2).padStart(8)} ms  (${runs} runs, ${changes} changes, min ${Math.min(...times).toFixed(2)} ms)`);
  return m;
}

const base = bench('2,000 articles, default rates', 2000, {}, 20);
bench('2,000 articles, every article edited', 2000, { edit: 1 }, 20);
const big = bench('10,000 articles, default rates', 10000, {}, 10);
console.log(`ratio 10,000 / 2,000: ${(big / base).toFixed(2)} (target ≤ 5)`);

