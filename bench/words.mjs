// Re-diffing one 2,500-word clause after a keystroke (one character changed), as the editor does while a
// negotiator types: prints p50 / p95 in milliseconds. Goal (issue 3): p95 ≤ 0.3 ms.
// Also, for reference: the same clause with every 20th word changed, and jsdiff's diffWords on the
// keystroke case, and the legal analysis after a keystroke. Run `npm run build` first: this imports the compiled code from dist/.
import { performance } from 'node:perf_hooks';
import { diffWords as jsdiffWords } from 'diff';
import { legalChanges } from '../dist/src/compare/legal.js';
import { diffWords } from '../dist/src/compare/words.js';

// A deterministic pseudo-random generator, so that every run measures the same texts.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const VOCAB = ('the Participants shall should will may cooperate on critical minerals and rare earths supply chains ' +
  'within thirty (30) days of notice, in accordance with applicable laws; subject to the availability of funds. ' +
  'Each Participant intends to promote investment in mining, processing and refining').split(' ');

function clause(words, seed) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < words; i++) out.push(VOCAB[Math.floor(r() * VOCAB.length)]);
  return out.join(' ');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function measure(label, pairs, fn, repeat = 1) {
  for (const [a, b] of pairs.slice(0, 50)) fn(a, b); // warm up the JIT
  const times = [];
  for (const [a, b] of pairs) {
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) fn(a, b);
    times.push((performance.now() - t0) / repeat);
  }
  times.sort((x, y) => x - y);
  console.log(`${label.padEnd(58)} p50 ${percentile(times, 0.5).toFixed(4)} ms   p95 ${percentile(times, 0.95).toFixed(4)} ms   (n=${times.length})`);
}

const base = clause(2500, 7);
const r = rng(11);
const keystrokes = [];
for (let i = 0; i < 2000; i++) {
  const at = Math.floor(r() * base.length);
  const kind = r();
  const ch = 'abcdefghijklmnopqrstuvwxyz ,'[Math.floor(r() * 28)];
  const edited = kind < 0.4 ? base.slice(0, at) + ch + base.slice(at)           // typed a character
    : kind < 0.8 ? base.slice(0, at) + base.slice(at + 1)                         // deleted one
    : base.slice(0, at) + ch + base.slice(at + 1);                                // replaced one
  keystrokes.push([base, edited]);
}
console.log(`clause: ${base.split(' ').length} words, ${base.length} characters`);
measure('diffWords, one keystroke (goal p95 <= 0.3 ms)', keystrokes, diffWords);

const scattered = [];
for (let s = 0; s < 60; s++) {
  const words = base.split(' ');
  const rr = rng(100 + s);
  for (let i = 0; i < words.length; i += 20) words[i + Math.floor(rr() * 20)] = 'changed';
  scattered.push([base, words.slice(0, 2500).join(' ')]);
}
measure('diffWords, every 20th word changed', scattered, diffWords);
measure('diffWords + legalChanges, one keystroke', keystrokes, (a, b) => legalChanges(a, b, diffWords(a, b)));
measure('jsdiff diffWords, one keystroke (reference)', keystrokes.slice(0, 200), (a, b) => jsdiffWords(a, b));

// One clause of 100,000 words without a sentence end (a schedule, a long list) with every 20th word changed:
// the legal reading looks only near each change, so it should cost about what the word diff of the same texts
// costs, not grow with the clause for every change. Baseline: diffWords on the same pair, in this process.
const LONG_VOCAB = 'rare earth oxides of heading 2846 at 5 per cent from 1 January 2027 and cerium compounds in accordance with their laws'.split(' ');
const longWords = [];
for (let i = 0; i < 100000; i++) longWords.push(LONG_VOCAB[(i * 7) % LONG_VOCAB.length]);
const longOld = longWords.join(' ');
const longNew = longWords.map((w, i) => (i % 20 === 0 ? `x${w}` : w)).join(' ');
const longOps = diffWords(longOld, longNew);
const median = (fn, runs) => {
  const times = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); times.push(performance.now() - t0); }
  return times.sort((x, y) => x - y)[runs >> 1];
};
median(() => legalChanges(longOld, longNew, longOps), 2);
const legalLong = median(() => legalChanges(longOld, longNew, longOps), 5);
const diffLong = median(() => diffWords(longOld, longNew), 5);
console.log(`100,000-word clause, no sentence end, every 20th word changed: legalChanges median ${legalLong.toFixed(0)} ms; diffWords ${diffLong.toFixed(0)} ms; ratio ${(legalLong / diffLong).toFixed(2)}`);
