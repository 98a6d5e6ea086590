#!/usr/bin/env node
/**
 * The user interface with a 2,000-article draft, in Chromium against `parley serve`:
 *   - open to interactive (navigation start → editor ready), target ≤ 1 s
 *   - keystroke handling p95 (dispatch of a transaction typing one character, with the layout it forces),
 *     target ≤ 16 ms
 *   - compare view painted after it is asked for (click → change list in the DOM and two frames later),
 *     target ≤ 1 s
 * Run after `npm run build`: node bench/renderer.mjs [articles=2000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = Number(process.argv[2] ?? 2000);
const CHROMIUM = '/usr/bin/chromium';
const GEN = join(ROOT, '..', 'shared', 'tools', 'gen-treaty.mjs');

if (!existsSync(CHROMIUM)) {
  console.log(`bench/renderer: skipped, ${CHROMIUM} is missing`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'renderer', 'app.js'))) {
  console.error('bench/renderer: run `npm run build` first');
  process.exit(2);
}
const { importDraft } = await import(join(ROOT, 'dist/src/format/import-text.js'));
const { serializeDraft } = await import(join(ROOT, 'dist/src/format/markdown.js'));
const { inheritIds } = await import(join(ROOT, 'dist/src/compare/inherit-ids.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

/**
 * A dossier whose two tabled versions are the generated old and new treaty, and whose working draft is new. The
 * new treaty comes in as `parley import --into` brings a draft in: its clauses inherit the ids of the clauses
 * they align with, as in any dossier (the app compares versions of one dossier by their ids; two independent
 * imports would give Article 6 the id "article-6" even where it is the old Article 5).
 */
async function makeDossier(work) {
  const generated = join(work, 'generated');
  const run = spawnSync(process.execPath, [GEN, String(ARTICLES), generated], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`gen-treaty failed: ${run.stderr}`);
  const dir = join(work, 'dossier');
  await mkdir(join(dir, 'versions'), { recursive: true });
  const parties = { A: 'Party A', B: 'Party B' };
  const versions = [];
  for (const [n, name, date] of [[1, 'old', '2026-01-10'], [2, 'new', '2026-02-10']]) {
    const imported = importDraft(await readFile(join(generated, `${name}.md`), 'utf8'), { file: `${name}.md` }).draft;
    const draft = n === 1 ? imported : inheritIds(versions[0].draft, imported).draft;
    draft.meta = { title: `Generated treaty of ${ARTICLES} articles`, parties, version: n, label: `Generated ${name}`, tabledBy: 'A', date, status: 'draft' };
    const text = serializeDraft(draft);
    await writeFile(join(dir, 'versions', `v${n}.md`), text);
    versions.push({ n, name, date, sha: createHash('sha256').update(text).digest('hex'), draft });
    if (n === 2) {
      draft.meta = { ...draft.meta, version: 3, label: 'Working draft' };
      await writeFile(join(dir, 'working.md'), serializeDraft(draft));
    }
  }
  const yaml = [
    'parley: 1',
    `title: Generated treaty of ${ARTICLES} articles`,
    'parties:',
    '  - id: A', '    name: Party A', '    colour: "#1f4e9c"',
    '  - id: B', '    name: Party B', '    colour: "#b22234"',
    'topics: []',
    'versions:',
    ...versions.flatMap((v) => [
      `  - version: ${v.n}`, `    file: versions/v${v.n}.md`, `    label: Generated ${v.name}`, '    tabled-by: A',
      `    date: ${v.date}`, '    status: draft', `    sha256: ${v.sha}`,
    ]),
  ].join('\n') + '\n';
  await writeFile(join(dir, 'dossier.yaml'), yaml);
  return dir;
}

function serve(dir) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'serve', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited (${code}): ${err || out}`)));
  });
}

const work = await mkdtemp(join(tmpdir(), 'parley-bench-renderer-'));
let server;
let browser;
try {
  const dir = await makeDossier(work);
  server = await serve(dir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));

  // Open to interactive: first load carries the token; reloads read it from the session.
  const opens = [];
  await page.goto(server.url);
  for (let i = 0; i < 5; i++) {
    if (i > 0) await page.reload();
    await page.waitForFunction(() => window.parleyReadyAt !== undefined, null, { timeout: 60_000 });
    opens.push(await page.evaluate(() => window.parleyReadyAt));
  }
  const phases = await page.evaluate(() =>
    ['parley:loaded', 'parley:converted', 'parley:built'].map((name) => `${name.slice(7)} ${performance.getEntriesByName(name)[0]?.startTime.toFixed(0)} ms`).join(', '));

  // Keystrokes in the middle of the draft.
  const keys = await page.evaluate(async () => {
    const view = window.parleyEditor;
    const { TextSelection } = { TextSelection: view.state.selection.constructor };
    let target = 0;
    let seen = 0;
    const half = view.state.doc.childCount / 2;
    view.state.doc.forEach((node, offset) => {
      if (seen++ === Math.floor(half)) target = offset + node.nodeSize - 3; // inside its last textblock
    });
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(target), -1)).scrollIntoView());
    await new Promise((r) => requestAnimationFrame(() => r()));
    const times = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      view.dispatch(view.state.tr.insertText(i % 10 === 9 ? ' ' : 'x'));
      view.coordsAtPos(view.state.selection.head); // the layout a real keystroke needs before paint
      times.push(performance.now() - t0);
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    return times;
  });

  // Compare view of the 2,000-article pair.
  await page.click('#tab-compare');
  const compares = [];
  for (let i = 0; i < 3; i++) {
    await page.selectOption('#compare-old', '1');
    await page.selectOption('#compare-new', '2');
    compares.push(await page.evaluate(async () => {
      const list = document.getElementById('change-list');
      list.replaceChildren();
      const t0 = performance.now();
      document.getElementById('compare-run').click();
      while (!list.querySelector('article.change, .empty') && !document.querySelector('.compare-status.error')) {
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      if (document.querySelector('.compare-status.error')) throw new Error(document.querySelector('.compare-status').textContent);
      const total = performance.now() - t0;
      // The status line says how long the API call took (server comparison and transfer).
      const api = Number(/compared in (\d+) ms/.exec(document.querySelector('.compare-status').textContent)?.[1] ?? NaN);
      return { total, api };
    }));
  }
  const changes = await page.locator('article.change').count();
  

  console.log(`Renderer with a ${ARTICLES}-article draft (Chromium, parley serve):`);
  console.log(`  open to interactive    median ${ms(median(opens))}   (target ≤ 1000 ms; runs: ${opens.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`    last open: ${phases}, painted ${opens.at(-1).toFixed(0)} ms`);
  console.log(`  keystroke handling     p95 ${ms(percentile(keys, 95))}, median ${ms(median(keys))}   (target p95 ≤ 16 ms; ${keys.length} keystrokes)`);
  const totals = compares.map((c) => c.total);
  console.log(`  compare view painted   median ${ms(median(totals))}   (target ≤ 1000 ms; runs: ${totals.map((x) => x.toFixed(0)).join(', ')}; ${changes} changes shown)`);
  console.log(`    of which compare API  median ${ms(median(compares.map((c) => c.api)))}   (server-side comparison + transfer); rendering median ${ms(median(compares.map((c) => c.total - c.api)))}`);
} finally {
  await browser?.close();
  if (server?.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  }
  await rm(work, { recursive: true, force: true });
}
