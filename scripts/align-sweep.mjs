// Alignment quality over many generated treaties: every pairing, move, insertion and deletion checked against
// the generator's truth, for a range of seeds, article lengths and edit rates. Too slow for `npm test` (which
// keeps the cases this sweep once failed on, in tests/compare-generated.test.ts); run it after changing a bar.
//   npm run build && node scripts/align-sweep.mjs [--articles 3000] [--seeds 1-20] [--words 80,120,150,210]
//                                                [--edits 0.05,0.5,1] [--rate 0.02]
// --rate is the share of articles moved, inserted and deleted (each). Exit status 1 when any pairing is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, '../shared');

/** A module the sweep needs, or a one-line message saying which file is missing and what provides it. */
async function need(file, provider) {
  if (!fs.existsSync(file)) {
    console.error(`align-sweep: ${file} not found (${provider})`);
    process.exit(2);
  }
  return import(pathToFileURL(file).href);
}

const { makePair } = await need(path.join(shared, 'tools', 'gen-treaty.mjs'), 'the treaty generator: set PARLEY_SHARED to the folder holding tools/gen-treaty.mjs');
const { alignDrafts } = await need(path.join(root, 'dist/src/compare/align.js'), 'run `npm run build` first, or use `npm run sweep`');
const { importDraft } = await need(path.join(root, 'dist/src/format/import-text.js'), 'run `npm run build` first, or use `npm run sweep`');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '3000' },
    seeds: { type: 'string', default: '1-20' },
    words: { type: 'string', default: '80,120,150,210' },
    edits: { type: 'string', default: '0.05,0.5,1' },
    rate: { type: 'string', default: '0.02' },
  },
});

function numbers(option, text) {
  const list = text.split(',').map(Number);
  if (list.some((x) => !Number.isFinite(x) || x < 0)) throw new Error(`--${option}: expected numbers separated by commas, got "${text}"`);
  return list;
}

function seedRange(text) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new Error(`--seeds: expected N or N-M, got "${text}"`);
  const first = Number(m[1]), last = Number(m[2] ?? m[1]);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
}

/** The wrong pairings of one generated pair, described for a reader. */
function wrongPairings(pair) {
  const a = alignDrafts(importDraft(pair.oldText, { file: 'old.md' }).draft, importDraft(pair.newText, { file: 'new.md' }).draft);
  const moved = new Set(pair.truth.moved);
  const deleted = new Set(pair.truth.deleted);
  const wrong = [];
  pair.truth.newOids.forEach((oid, j) => {
    const change = a.changes.find((c) => c.new.includes(j));
    const right = oid < 0 ? change.kind === 'inserted' : change.old.length === 1 && change.old[0] === oid && change.moved === moved.has(oid);
    if (!right) {
      const truth = oid < 0 ? 'inserted' : `from old ${oid}${moved.has(oid) ? ', moved' : ''}`;
      wrong.push(`new ${j} (${truth}) reported ${change.kind}${change.moved ? ' moved' : ''} from old [${change.old}] at ${change.similarity.toFixed(3)}`);
    }
  });
  for (const c of a.changes) {
    if (c.kind !== 'deleted') continue;
    for (const i of c.old) if (!deleted.has(i)) wrong.push(`old ${i} reported deleted`);
  }
  return wrong;
}

let runs = 0, failing = 0;
try {
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles: expected a positive whole number, got "${values.articles}"`);
  const [rate] = numbers('rate', values.rate);
  for (const seed of seedRange(values.seeds)) {
    for (const words of numbers('words', values.words)) {
      for (const edit of numbers('edits', values.edits)) {
        const wrong = wrongPairings(makePair(n, seed, { words, edit, move: rate, ins: rate, del: rate }));
        runs++;
        if (wrong.length === 0) continue;
        failing++;
        console.log(`seed ${seed}, ${words} words, edit ${edit}: ${wrong.length} wrong`);
        for (const line of wrong.slice(0, 5)) console.log(`  ${line}`);
      }
    }
  }
} catch (error) {
  console.error(`align-sweep: ${error.message}`);
  process.exit(2);
}
console.log(`${values.articles} articles, seeds ${values.seeds}: ${runs} pairs compared, ${failing} with a wrong pairing`);
process.exit(failing ? 1 : 0);
