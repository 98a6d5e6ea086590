/**
 * End to end: the real `parley serve` on a copy of the sample dossier, driven in Debian's Chromium.
 *
 * Flow: open, edit a clause, bracket a phrase for the US, set the EU's position, save, table a version,
 * compare it with the previous one and see the bracket and the edit in the redline, reload and find
 * everything still there. Screenshots of the editor and the compare view go to test-artifacts/.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordDraftOfVersion } from '../support/word-document.js';
import { chooserFromShortcut, serve } from '../support/serve-process.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

/** Select a phrase of the draft as a user would with the mouse: a DOM selection, which the editor picks up. */
function selectPhrase(page: Page, phrase: string): Promise<void> {
  return selectText(page, phrase, null);
}

/** Select from where one phrase starts to where another starts, as a drag across two paragraphs would. */
function selectFromTo(page: Page, from: string, to: string): Promise<void> {
  return selectText(page, from, to);
}

/** A DOM selection from the start of `from` to the start of `to`, or over `from` alone (to: null). */
async function selectText(page: Page, from: string, to: string | null): Promise<void> {
  await page.locator('.draft-text').focus();
  const found = await page.evaluate(([a, b]) => {
    const root = document.querySelector('.draft-text')!;
    const find = (needle: string): [Node, number] | null => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at >= 0) return [node, at];
      }
      return null;
    };
    const start = find(a!);
    const end = b === null ? start && ([start[0], start[1] + a!.length] as [Node, number]) : find(b!);
    if (!start || !end) return false;
    const range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, [from, to] as const);
  expect(found, to === null ? `"${from}" is in the draft` : `"${from}" and "${to}" are in the draft`).toBe(true);
  // The editor reads the DOM selection on selectionchange: wait until it has.
  await page.waitForFunction(([needle, whole]) => {
    const view = window.parleyEditor!;
    const { from, to } = view.state.selection;
    const selected = view.state.doc.textBetween(from, to);
    return whole ? selected === needle : selected.startsWith(needle);
  }, [from, to === null] as const);
}

describe.skipIf(!hasChromium)('Parley in Chromium against parley serve', () => {
  let dir = '';
  let server: ChildProcess | undefined;
  let url = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'app.js')) || !existsSync(join(ROOT, 'dist', 'src', 'node', 'cli'))) {
      const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    dir = join(await mkdtemp(join(tmpdir(), 'parley-e2e-')), 'rare-earths-mou');
    await cp(join(ROOT, 'fixtures', 'rare-earths-mou'), dir, { recursive: true });
    ({ child: server, url } = await serve(dir));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('opens the sample dossier with its outline and versions, and hides the token', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The browser's own errors too (a resource the page asks for and the server lacks is logged here).
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]');
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.locator('.outline-entry').count()).toBeGreaterThan(10);
    expect(await page.locator('.outline-entry', { hasText: 'Final provisions' }).locator('.state-badge').textContent()).toBe('Bracketed');
    expect(await page.locator('.timeline-entry[data-version]').count()).toBe(5);
    expect(await page.locator('#save-state').textContent()).toBe('Saved');
    expect(errors).toEqual([]);
  });

  it('edits a clause, brackets a phrase for the US, sets the EU position and saves', async () => {
    await selectPhrase(page, 'sixty (60)');
    await page.keyboard.type('ninety (90)');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Unsaved');

    await selectPhrase(page, 'reduce excessive dependence');
    await page.keyboard.press('Control+Shift+Digit2'); // the second party, US
    await expect.poll(() => page.locator('.bracket[data-by="US"]', { hasText: 'reduce excessive dependence' }).count()).toBe(1);
    // Undo takes the bracket off, redo puts it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.bracket[data-by="US"]', { hasText: 'reduce excessive dependence' }).count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.bracket[data-by="US"]', { hasText: 'reduce excessive dependence' }).count()).toBe(1);

    await page.click('#cmd-position');
    await page.selectOption('#position-party', 'EU');
    await page.selectOption('#position-stance', 'reserves');
    await page.fill('#position-note', 'Subject to consultation of the Member States.');
    await page.click('#position-save');
    const position = page.locator('#clause-supply-chains aside.position[data-party="EU"]');
    await expect.poll(() => position.getAttribute('data-stance')).toBe('reserves');
    expect(await position.textContent()).toContain('Subject to consultation of the Member States.');
    await expect.poll(() => page.locator('.outline-entry[data-clause-id="supply-chains"] .state-badge').textContent()).toBe('Reserved');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');
    const saved = await readFile(join(dir, 'working.md'), 'utf8');
    expect(saved).toContain('within ninety (90) days');
    expect(saved).toContain(':bracket[reduce excessive dependence]{by="US"}');
    expect(saved).toMatch(/:::position\{party="EU" stance="reserves"\}\nSubject to consultation of the Member States\.\n:::/);
    await page.locator('#clause-supply-chains').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'editor.png') });
  });

  it('tables the version and shows the bracket and the edit in the redline against the previous one', async () => {
    await page.fill('#table-label', 'EU revised text');
    await page.selectOption('#table-by', 'EU');
    await page.selectOption('#table-status', 'draft');
    await page.click('#table-submit');
    const v6 = page.locator('.timeline-entry[data-version="6"]');
    await expect.poll(() => v6.count()).toBe(1);
    expect(await v6.textContent()).toContain('EU revised text');

    await v6.getByRole('button', { name: 'Compare with v5' }).click();
    const change = page.locator('article.change', { hasText: 'Supply chains and trade routes' });
    await expect.poll(() => change.count(), { timeout: 20_000 }).toBe(1);
    expect(await change.locator('.side-old del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('sixty')]));
    expect((await change.locator('.side-new ins').allTextContents()).join('|')).toContain('ninety');
    // The bracket shows in the redline as inserted square brackets around the phrase.
    expect(await change.locator('.side-new').textContent()).toContain('[reduce excessive dependence]');
    // What became of each numbered paragraph: the one with the new time limit was edited.
    expect(await change.locator('.provision-notes').textContent()).toMatch(/^Provisions: .*¶3 edited\b/);
    expect(await page.locator('.summary-bar').textContent()).toMatch(/[1-9]\d* edited/);
    // The marks are explained beside the counts, moved text as the redline shows it.
    expect(await page.locator('.summary-bar .legend ins.moved').textContent()).toBe('moved here');

    // Change navigation by key.
    await page.locator('.change-list').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('article.change.current').count()).toBe(1);
    await change.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'compare-side-by-side.png') });

    // Legal changes only: the figure changed in Paragraph 3 stays, the wording change of Paragraph 7 goes.
    const shownBefore = await page.locator('article.change').count();
    await page.check('#filter-legal');
    expect(await page.locator('article.change').count()).toBeLessThan(shownBefore);
    expect(await page.locator('article.change', { hasText: 'Supply chains and trade routes' }).locator('.legal-figure').count()).toBe(1);
    expect(await page.locator('article.change:not(:has(.legal))').count()).toBe(0);
    await page.uncheck('#filter-legal');
    expect(await page.locator('article.change').count()).toBe(shownBefore);

    await page.getByRole('radio', { name: 'Inline' }).click();
    const inline = page.locator('article.change', { hasText: 'Supply chains and trade routes' }).locator('.redline.inline');
    expect(await inline.locator('del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('sixty')]));
    await inline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'compare-inline.png') });
  });

  it('finds everything still there after a reload', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.locator('.draft-text').textContent()).toContain('within ninety (90) days');
    expect(await page.locator('.bracket[data-by="US"]', { hasText: 'reduce excessive dependence' }).count()).toBe(1);
    expect(await page.locator('#clause-supply-chains aside.position[data-party="EU"]').getAttribute('data-stance')).toBe('reserves');
    expect(await page.locator('.timeline-entry[data-version="6"]').textContent()).toContain('EU revised text');
    expect(await page.locator('#save-state').textContent()).toBe('Saved');

    // The positions view lists the EU's reservation against the clause.
    await page.click('#tab-positions');
    const row = page.locator('.positions-table tr', { hasText: 'Supply chains and trade routes' });
    expect(await row.locator('td[data-party="EU"]').textContent()).toBe('reservesSubject to consultation of the Member States.');
    expect(await row.locator('td[data-party="US"]').textContent()).toBe('—');
    await page.screenshot({ path: join(ARTIFACTS, 'positions.png') });
    await row.getByRole('button', { name: 'Paragraph 3 — Supply chains and trade routes' }).click();
    expect(await page.locator('#draft-view').isVisible()).toBe(true);
  });

  it('hides cosmetic changes: unmarked inside the clauses shown, the new wording inline', async () => {
    await page.click('#tab-compare');
    await page.selectOption('#compare-old', '1');
    await page.selectOption('#compare-new', '2');
    await page.click('#compare-run');
    await page.getByRole('radio', { name: 'Inline' }).click();
    // The same change in law in three paragraphs is one flag.
    await expect.poll(() => page.locator('article.change', { hasText: 'Supply chains and trade routes' }).locator('.legal-obligation').allTextContents(), { timeout: 20_000 })
      .toEqual(['obligation: shall → will (weaker), 3 times']);
    // Paragraph 3 of v2 ends a point with "." where v1 had ";", beside changes of substance ("shall" → "will").
    const redline = page.locator('article.change', { hasText: 'Joint investment in mining and refining' }).locator('.redline.inline');
    await expect.poll(() => redline.locator('del.cosmetic', { hasText: ';' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await redline.locator('del.cosmetic', { hasText: ';' }).isVisible()).toBe(true);
    await page.check('#filter-cosmetic');
    expect(await redline.locator('del.cosmetic', { hasText: ';' }).isVisible()).toBe(false);
    expect(await redline.locator('ins.cosmetic', { hasText: '.' }).evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('none');
    expect(await redline.locator('del', { hasText: 'shall' }).first().isVisible()).toBe(true);
    // Side by side, the old column keeps the old wording.
    await page.getByRole('radio', { name: 'Side by side' }).click();
    const old = page.locator('article.change', { hasText: 'Joint investment in mining and refining' }).locator('.side-old');
    expect(await old.locator('del.cosmetic', { hasText: ';' }).isVisible()).toBe(true);
    await page.uncheck('#filter-cosmetic');
    expect(await old.locator('del.cosmetic', { hasText: ';' }).evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
  });

  it('links a moved clause to where it came from and filters by kind', async () => {
    await page.click('#tab-compare');
    await page.selectOption('#compare-old', '3');
    await page.selectOption('#compare-new', '4');
    // The drafts (which say where a moved clause stood) come after the comparison: held back here, the list
    // shows the move without a link, not one that says "the beginning" and leads nowhere.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/readDraft', async (route) => { await held; await route.continue(); });
    const moved = page.locator('article.change', { hasText: 'Stockpiling' });
    try {
      await page.click('#compare-run');
      await expect.poll(() => moved.locator('.badge', { hasText: 'Moved' }).count()).toBe(1);
      expect(await moved.locator('.moved-from').count()).toBe(0);
    } finally {
      release();
      // Once the held reads have gone on (no other route is set here).
      await page.unrouteAll({ behavior: 'wait' });
    }
    // Paragraph 8 in v3 followed Paragraph 7 (Emergency planning); the link leads to that clause's change.
    expect(await moved.locator('.moved-from').textContent()).toBe('moved from after Paragraph 7');
    await moved.locator('.moved-from').click();
    expect(await page.locator('article.change.current .change-labels').textContent()).toContain('Emergency planning for shortages');
    await page.selectOption('#filter-kind', 'split');
    expect(await page.locator('article.change').count()).toBe(1);
    expect(await page.locator('article.change .badge').first().textContent()).toBe('Split');
    // Emergency planning kept "under Paragraph 8", which named Stockpiling and now names Information sharing.
    const staleChip = page.locator('.summary-bar .count.kind-stale');
    expect(await staleChip.textContent()).toBe('1 stale reference');
    await staleChip.click();
    expect(await page.locator('#filter-kind').inputValue()).toBe('stale');
    expect(await page.locator('article.change').count()).toBe(1);
    expect(await page.locator('article.change .change-labels').textContent()).toContain('Emergency planning for shortages');
    expect(await page.locator('article.change li.stale').textContent())
      .toBe('stale reference: "Paragraph 8" meant Paragraph 8 (Stockpiling), now Paragraph 5; here it names Paragraph 8 (Information sharing on supply risks)');
    // The words are marked in the new text only.
    expect(await page.locator('article.change .side-new mark.stale-ref').allTextContents()).toEqual(['Paragraph 8']);
    expect(await page.locator('article.change .side-old mark.stale-ref').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-stale-reference.png') });
    // Among all changes too, though its text did not change and renumbering is hidden.
    await page.selectOption('#filter-kind', 'changes');
    expect(await page.locator('article.change', { hasText: 'Emergency planning for shortages' }).locator('li.stale').count()).toBe(1);
    // From the first proposal to the agreed text the reference was changed, "Paragraph 9" → "Paragraph 8", but not to
    // where Stockpiling went (Paragraph 5): said, and both its kept word and its new number marked.
    await page.selectOption('#compare-old', '1');
    await page.selectOption('#compare-new', '5');
    await page.click('#compare-run');
    // The v3 → v4 comparison shown before also counts one stale reference: wait for this one's own status line.
    await expect.poll(() => page.locator('.compare-status').textContent(), { timeout: 20_000 }).toMatch(/^EU first proposal → Text agreed ad referendum · compared in/);
    await expect.poll(() => page.locator('.summary-bar .count.kind-stale').textContent()).toBe('1 stale reference');
    await page.locator('.summary-bar .count.kind-stale').click();
    expect(await page.locator('article.change').count()).toBe(1);
    expect(await page.locator('article.change li.stale').textContent())
      .toBe('stale reference: "Paragraph 8", made from "Paragraph 9", names Paragraph 8 (Information sharing on supply risks); "Paragraph 9" meant Paragraph 9 (Stockpiling), now Paragraph 5');
    expect(await page.locator('article.change .side-new mark.stale-ref').allTextContents()).toEqual(['Paragraph ', '8']);
    expect(await page.locator('article.change .side-new ins mark.stale-ref').allTextContents()).toEqual(['8']);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-retargeted-reference.png') });
    await page.click('#tab-draft');
  });

  it('shows progress while a slow comparison runs, and the engine\'s errors plainly', async () => {
    // The server answers instantly on this small dossier: hold the answer back, then refuse it.
    await page.route('**/api/compare', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not-ready', message: 'compareDrafts is not available yet.' } }) });
    });
    try {
      await page.click('#tab-compare');
      await page.click('#compare-run');
      await page.waitForSelector('.compare-status.busy progress', { timeout: 1400 });
      const error = page.locator('.compare-status.error[role=alert]');
      await expect.poll(() => error.count()).toBe(1);
      expect(await error.textContent()).toContain('The comparison engine is not ready yet. compareDrafts is not available yet.');
      expect(await page.locator('article.change').count()).toBe(0);
    } finally {
      await page.unroute('**/api/compare');
      await page.click('#tab-draft');
    }
  });

  it('restores autosaved work after the server is killed, and says so', async () => {
    await selectPhrase(page, 'single supplier');
    await page.keyboard.type('single source');
    // Autosave is debounced (about a second after the last keystroke); wait for it to reach the journal.
    await page.waitForTimeout(2500);
    expect(await page.locator('#save-state').textContent()).toBe('Unsaved');
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGKILL');
    await exited;

    ({ child: server, url } = await serve(dir));
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.locator('#recovered-banner span').textContent()).toMatch(/^Unsaved work from .+ was restored\.$/);
    expect(await page.locator('.draft-text').textContent()).toContain('any single source');
    expect(await page.locator('#save-state').textContent()).toBe('Unsaved');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');
    expect(await page.locator('#recovered-banner').count()).toBe(0);
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toContain('any single source');
  });

  it('restructures clauses from the keyboard, renumbering the labels', async () => {
    const labels = () => page.locator('.outline-entry .outline-label').allTextContents();
    const before = await labels();
    await selectPhrase(page, 'The Participants will cooperate to diversify');
    await page.keyboard.press('Alt+Shift+ArrowUp'); // Paragraph 3 moves above Paragraph 2
    await expect.poll(async () => (await page.locator('.outline-entry').nth(2).textContent()) ?? '').toContain('Supply chains and trade routes');
    expect(await page.locator('.outline-entry').nth(2).locator('.outline-label').textContent()).toBe('Paragraph 2');
    expect(await page.locator('#clause-territorial-integrity .clause-label').textContent()).toBe('Paragraph 3');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(labels).toEqual(before);

    await page.keyboard.press('Control+Shift+Enter'); // a new clause after Paragraph 3
    await page.keyboard.type('Critical raw materials club');
    await expect.poll(async () => (await page.locator('.outline-entry').nth(4).textContent()) ?? '').toContain('Critical raw materials club');
    expect(await page.locator('.outline-entry').nth(4).locator('.outline-label').textContent()).toBe('Paragraph 4');
    expect(await page.locator('.outline-entry').nth(5).locator('.outline-label').textContent()).toBe('Paragraph 5');
    expect(await page.locator('.outline-entry').count()).toBe(before.length + 1);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-new-clause.png') });
  });

  it('shows a paragraph moved and edited in the editor as moved text, with the words changed on the way', async () => {
    await page.click('#tab-draft');
    // Stockpiling: paragraph 1 goes to the end, as paragraph 3, and now says "shall … without delay".
    await selectPhrase(page, 'joint procurement for their strategic stocks.');
    await page.keyboard.press('ArrowRight');
    // The editor picks up the collapsed selection on selectionchange: wait for it before splitting the item.
    await page.waitForFunction(() => window.parleyEditor!.state.selection.empty);
    await page.keyboard.press('Enter');
    await page.keyboard.type('The Participants shall coordinate without delay the building up and management of their strategic stocks of critical minerals and rare earths.');
    await selectFromTo(page, 'The Participants will coordinate the building up', 'The Participants will inform each other');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('#clause-stockpiling li').allTextContents()).toEqual([
      expect.stringMatching(/^The Participants will inform each other/),
      expect.stringMatching(/^The Participants intend to explore joint procurement/),
      expect.stringMatching(/^The Participants shall coordinate without delay/),
    ]);

    await page.click('#tab-compare');
    await page.selectOption('#compare-old', '6');
    await page.selectOption('#compare-new', 'working');
    await page.click('#compare-run');
    const change = page.locator('article.change', { hasText: 'Stockpiling' });
    await expect.poll(() => change.count(), { timeout: 20_000 }).toBe(1);
    expect(await change.locator('.provision-notes').textContent()).toMatch(/; ¶1→3 edited, moved$/);
    // Where it stood: the words it kept are struck as moved, the word it lost is struck plainly.
    const movedAway = (await change.locator('.side-old del.moved').allTextContents()).join('');
    expect(movedAway).toContain('The Participants ');
    expect(movedAway).toContain('coordinate the building up and management of their strategic stocks');
    expect(await change.locator('.side-old del:not(.moved)').allTextContents()).toContain('will');
    expect(await change.locator('.side-old del.moved').first().getAttribute('title')).toBe('Moved from here');
    // Where it stands: the same words inserted as moved, the words it gained inserted plainly.
    const movedHere = (await change.locator('.side-new ins.moved').allTextContents()).join('');
    expect(movedHere).toContain('coordinate');
    expect(movedHere).toContain('the building up and management of their strategic stocks');
    const plainInserts = (await change.locator('.side-new ins:not(.moved)').allTextContents()).map((t) => t.trim());
    expect(plainInserts).toEqual(expect.arrayContaining(['shall', 'without delay']));
    expect(await change.locator('.side-new ins.moved').first().getAttribute('title')).toBe('Moved here');
    // What changed in law: the obligation of the moved paragraph, read against its own old text.
    expect(await change.locator('.legal').textContent()).toMatch(/will\s*→\s*shall/);
    await change.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'compare-moved-paragraph.png') });
    // The clause alone, as the README shows it (docs/screenshots/compare-moved.png).
    await change.screenshot({ path: join(ARTIFACTS, 'compare-moved-clause.png') });
  });
  it('imports a Word document from the browser (Ctrl+I): Word\'s numbering and italic read, each clause keeping its id (Review, which v3 deleted, its own again)', async () => {
    const docx = join(dir, '..', 'eu-markup.docx');
    await writeFile(docx, await wordDraftOfVersion(join(ROOT, 'fixtures', 'rare-earths-mou'), 2, {
      tracked: [{ find: 'will not impose', replace: 'shall not impose', author: 'EU' }],
      styled: [{ phrase: 'critical minerals and rare earths', as: 'italic' }],
    }));
    if ((await page.locator('body[data-ready=true]').count()) === 0) {
      await page.goto(url);
      await page.waitForSelector('body[data-ready=true]');
    }
    await page.click('#tab-draft');
    await page.locator('.draft-text').focus();
    const before = await page.locator('.draft-text').textContent();
    const confirmed = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.accept(); }));
    await (await chooserFromShortcut(page, 'Control+i')).setFiles(docx);
    expect(await confirmed).toBe('Replace the working draft with the text of eu-markup.docx? You can undo this.');
    const notice = page.locator('.message', { hasText: 'Imported eu-markup.docx' });
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toMatch(/^Imported eu-markup\.docx: 14 clauses, 13 matched to clauses of v\d+, none new\. Put back from earlier versions: review \(v2\)\. Not in it, of v\d+: .+\. Save to keep it\./);
    // The reader is told that the document's tracked changes were accepted.
    expect(await page.locator('.message.warning', { hasText: 'tracked changes' }).textContent()).toMatch(/^eu-markup\.docx: 2 tracked changes by EU read as accepted/);
    // The tracked change accepted, and the clause numbered as Word numbers it (the number is in no text run).
    const text = await page.locator('.draft-text').textContent();
    expect(text).toContain('The Participants shall not impose');
    await expect.poll(() => page.locator('.outline-entry', { hasText: 'No export bans' }).textContent()).toContain('Paragraph 4');
    // The document's italic, which the conversion gives besides its text: shown in the editor.
    expect(await page.locator('.draft-text em', { hasText: /^critical minerals and rare earths$/ }).count()).toBeGreaterThan(5);
    // One undoable step: undone, the draft is back as it was; redone, the import again.
    await page.locator('.draft-text').focus();
    await page.keyboard.press('Control+z');
    expect(await page.locator('.draft-text').textContent()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await page.locator('.draft-text').textContent()).toBe(text);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');
    // Saved with the dossier's clause ids, as `parley import` gives them: history follows the clause.
    const saved = await readFile(join(dir, 'working.md'), 'utf8');
    expect(saved).toContain('## Paragraph 4 — No export bans {#no-export-bans .export-restrictions}');
    expect(saved).not.toMatch(/\{#paragraph-\d+/);
    expect(saved).toContain('a reliable and sustainable supply of *critical minerals and rare earths*.');

    // A file that is not a draft is refused in a sentence naming it; the draft stays as it was.
    const doc = join(dir, '..', 'old.doc');
    await writeFile(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await page.setInputFiles('#import-file', doc);
    const refusal = page.locator('.message.error', { hasText: 'old.doc' });
    await expect.poll(() => refusal.count(), { timeout: 20_000 }).toBe(1);
    expect(await refusal.textContent()).toMatch(/^old\.doc is a binary file .*save an older Word \(\.doc\) or other document as \.docx/);
    expect(await page.locator('.draft-text').textContent()).toBe(text);
  });
  it('in a browser, imports a file dropped on the page, and asks before leaving edits not yet autosaved', async () => {
    if ((await page.locator('body[data-ready=true]').count()) === 0) {
      await page.goto(url);
      await page.waitForSelector('body[data-ready=true]');
    }
    await page.click('#tab-draft');
    // A draft dropped on the page is imported (the browser would otherwise open the file in the page's place).
    const dropped = '# Article 1 — Purpose\n\nThe Participants will cooperate on gallium and germanium.\n';
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped-draft.md', { type: 'text/markdown' }));
      return data;
    }, dropped);
    const confirmed = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.accept(); }));
    await page.dispatchEvent('.draft-text', 'drop', { dataTransfer: transfer });
    expect(await confirmed).toBe('Replace the working draft with the text of dropped-draft.md? You can undo this.');
    await expect.poll(() => page.locator('.draft-text').textContent(), { timeout: 20_000 }).toContain('cooperate on gallium and germanium');
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    // An edit not yet in the autosave journal (it is written a second after the last keystroke): leaving asks.
    await selectPhrase(page, 'gallium');
    await page.keyboard.type('antimony');
    const asked = page.waitForEvent('dialog');
    void page.evaluate(() => window.location.reload()).catch(() => undefined);
    const leaving = await asked;
    expect(leaving.type()).toBe('beforeunload');
    await leaving.dismiss();
    expect(await page.locator('.draft-text').textContent()).toContain('cooperate on antimony and germanium');
    // Once it is in the journal, the page leaves without asking, and the edit is restored on reopening.
    await page.waitForTimeout(2500);
    let askedAgain = false;
    page.once('dialog', (dialog) => { askedAgain = true; void dialog.dismiss(); });
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(askedAgain).toBe(false);
    expect(await page.locator('.draft-text').textContent()).toContain('cooperate on antimony and germanium');
    expect(await page.locator('#recovered-banner span').textContent()).toMatch(/^Unsaved work from .+ was restored\.$/);
    expect(await page.locator('#save-state').textContent()).toBe('Unsaved');
  });

  it('shows words set in italic as a change of formatting: each side in its style, cosmetic', async () => {
    // Version 1 as a Markdown draft from outside, with a phrase of the Purpose set in italic.
    const v1 = await readFile(join(dir, 'versions', 'v1.md'), 'utf8');
    const body = v1.replace(/^---\n[\s\S]*?\n---\n/, '');
    const purpose = 'sustainable supply of critical minerals and rare earths.';
    expect(body).toContain(purpose);
    const styled = body.replace(purpose, 'sustainable supply of *critical minerals and rare earths*.');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'v1-italic.md', { type: 'text/markdown' }));
      return data;
    }, styled);
    // (A listener the test before left for a dialog that never came would dismiss this one.)
    page.removeAllListeners('dialog');
    const confirmed = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.accept(); }));
    await page.click('#tab-draft');
    await page.dispatchEvent('.draft-text', 'drop', { dataTransfer: transfer });
    expect(await confirmed).toBe('Replace the working draft with the text of v1-italic.md? You can undo this.');
    await expect.poll(() => page.locator('#clause-purpose em').textContent(), { timeout: 20_000 }).toBe('critical minerals and rare earths');
    await page.locator('.draft-text').focus();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');

    await page.click('#tab-compare');
    await page.selectOption('#compare-old', '1');
    await page.selectOption('#compare-new', 'working');
    await page.click('#compare-run');
    const change = page.locator('article.change', { hasText: 'Purpose' });
    await expect.poll(() => change.count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('radio', { name: 'Side by side' }).click();
    const struck = change.locator('.side-old del.cosmetic');
    const inserted = change.locator('.side-new ins.cosmetic');
    expect(await struck.allTextContents()).toEqual(['critical minerals and rare earths']);
    expect(await struck.getAttribute('title')).toBe('Formatting: was plain');
    expect(await inserted.locator('i').allTextContents()).toEqual(['critical minerals and rare earths']);
    expect(await inserted.getAttribute('title')).toBe('Formatting: now italic');
    expect(await change.locator('.badge').allTextContents()).toEqual(['Edited', 'Cosmetic only']);
    expect(await inserted.locator('i').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    await change.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'compare-formatting.png') });
    // Hiding cosmetic changes hides the clause: nothing else changed in it.
    await page.check('#filter-cosmetic');
    await expect.poll(() => change.count()).toBe(0);
    await page.uncheck('#filter-cosmetic');
  });

  it('side by side, sets each paragraph level with the one it became and a paragraph put in opposite a blank', async () => {
    await page.click('#tab-compare');
    await page.selectOption('#compare-old', '1');
    await page.selectOption('#compare-new', '5');
    await page.click('#compare-run');
    await expect.poll(() => page.locator('.compare-status').textContent(), { timeout: 20_000 }).toMatch(/^EU first proposal → Text agreed ad referendum · compared in/);
    await page.getByRole('radio', { name: 'Side by side' }).click();
    const preamble = page.locator('article.change', { hasText: 'Preamble' }).first();
    await expect.poll(() => preamble.locator('.side-new .facing').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await preamble.scrollIntoViewIfNeeded();
    const top = async (side: 'old' | 'new', text: string) => (await preamble.locator(`.side-${side} .facing`, { hasText: text }).boundingBox())!.y;
    // v5 put a recital in before "Recalling …": the old column has a blank there, and "Recalling" stands level.
    const inserted = preamble.locator('.side-new .facing', { hasText: 'central role of private investment' });
    const row = await inserted.evaluate((e) => [...e.parentElement!.children].indexOf(e));
    const blank = preamble.locator('.side-old .facing').nth(row);
    expect(await blank.getAttribute('class')).toBe('facing gap');
    expect(Math.abs((await blank.boundingBox())!.y - (await inserted.boundingBox())!.y)).toBeLessThan(1);
    expect(Math.abs((await top('old', 'Recalling their shared commitment')) - (await top('new', 'Recalling their shared commitment')))).toBeLessThan(1);
    expect(Math.abs((await top('old', 'Have reached the following')) - (await top('new', 'Have reached the following')))).toBeLessThan(1);
    // Each column is still one element, which holds that draft's words only.
    expect(await preamble.locator('.side-old').count()).toBe(1);
    expect(await preamble.locator('.side-old').textContent()).not.toContain('central role of private investment');
    await page.screenshot({ path: join(ARTIFACTS, 'compare-facing-rows.png') });
  });

  it('saves the comparison shown as an HTML redline for circulation, from the button and from the keyboard', async () => {
    // Still v1 → v5 side by side, unchanged clauses hidden (the default filter).
    const saveAs = async (format: 'html' | 'docx' | 'docx-notes') => {
      await page.click('#compare-save');
      expect(await page.locator('#compare-save').getAttribute('aria-expanded')).toBe('true');
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`.save-menu [data-format="${format}"]`)]);
      expect(await page.locator('.save-menu').isHidden()).toBe(true);
      return file;
    };
    const download = await saveAs('html');
    expect(download.suggestedFilename()).toBe('rare-earths-mou v1-v5 redline.html');
    const html = await readFile((await download.path())!, 'utf8');
    await expect.poll(() => page.locator('.compare-status').textContent()).toBe('Redline saved as rare-earths-mou v1-v5 redline.html (EU first proposal → Text agreed ad referendum).');
    // The page `parley diff --format html` writes: self-contained, side by side with facing rows, and the
    // clause v5 put in whole carries its text (the app's comparison leaves it to the drafts).
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', `${dir}@1`, `${dir}@5`, '--format', 'html', '--changed-only', '-o', '-'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(html.trimEnd()).toBe(cli.stdout.trimEnd());
    expect(html).toContain('<td class="text old gap"></td><td class="text new"><ins>1. The Participants will respect the sovereignty and territorial integrity');
    // With unchanged clauses shown in the app, the page holds them too.
    await page.selectOption('#filter-kind', 'all');
    const all = await saveAs('html');
    const everything = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', `${dir}@1`, `${dir}@5`, '--format', 'html', '-o', '-'], { encoding: 'utf8' });
    expect((await readFile((await all.path())!, 'utf8')).trimEnd()).toBe(everything.stdout.trimEnd());
    await page.selectOption('#filter-kind', 'changes');
    // Inline, from the keyboard, with cosmetic changes hidden: the page opens with its switch on.
    await page.getByRole('radio', { name: 'Inline' }).click();
    await page.check('#filter-cosmetic');
    const [inline] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+E')]);
    const inlineHtml = await readFile((await inline.path())!, 'utf8');
    expect(inlineHtml).toContain('<input type="checkbox" id="hide-cosmetic" class="toggles" checked>');
    expect(inlineHtml).not.toContain('<table class="pair"');
    await page.uncheck('#filter-cosmetic');
    await page.getByRole('radio', { name: 'Side by side' }).click();

    // As a Word document: every change tracked in the name of the US, which tabled v5; read back before its
    // changes it is v1, with them accepted v5.
    const word = await saveAs('docx');
    expect(word.suggestedFilename()).toBe('rare-earths-mou v1-v5 redline.docx');
    await expect.poll(() => page.locator('.compare-status').textContent()).toBe('Redline saved as rare-earths-mou v1-v5 redline.docx (EU first proposal → Text agreed ad referendum).');
    const wordFile = join(dir, '..', 'redline.docx');
    await word.saveAs(wordFile);
    expect((await readFile(wordFile)).subarray(0, 2).toString()).toBe('PK');
    const tracked = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', '--tracked', wordFile, '--format', 'json'], { encoding: 'utf8' });
    expect(tracked.status, tracked.stderr).toBe(0);
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', `${dir}@1`, `${dir}@5`, '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(tracked.stdout).summary).toEqual(JSON.parse(direct.stdout).summary);
    // With legal notes: the same document, with a margin comment on each clause with a change in law.
    const noted = await saveAs('docx-notes');
    expect(noted.suggestedFilename()).toBe('rare-earths-mou v1-v5 redline with legal notes.docx');
    const comments = strFromU8(unzipSync(await readFile((await noted.path())!))['word/comments.xml']!);
    expect(comments).toContain('• obligation: shall → will (weaker)');
    expect(strFromU8(unzipSync(await readFile(wordFile))['word/comments.xml']!)).not.toContain('• obligation: shall → will (weaker)');
    // The menu closes with Escape, focus back on its button.
    await page.click('#compare-save');
    await page.keyboard.press('Escape');
    expect(await page.locator('.save-menu').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-save');
  });
});
