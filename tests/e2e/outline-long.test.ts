/**
 * A long draft in the browser: the outline of a 600-article working draft fills while the page is idle after
 * the text is on screen, ends with every clause in order, and each entry, even one written late, goes to its
 * clause. An edit that changes a title while the outline is still filling is in the outline that results.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, launchPage, openApp, runParley, serve, tearDown } from '../support/serve-process.js';

const GEN = join(PROJECT_ROOT, '..', 'shared', 'tools', 'gen-treaty.mjs');
const ARTICLES = 600;
const ready = existsSync(CHROMIUM) && existsSync(GEN);
if (!ready) console.warn(`long-outline e2e test skipped: needs ${CHROMIUM} and ${GEN}`);


describe.skipIf(!ready)('the outline of a long draft', () => {
  let work = '';
  let server: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parley-e2e-long-'));
    const gen = spawnSync(process.execPath, [GEN, String(ARTICLES), join(work, 'gen'), '7'], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(gen.stderr);
    runParley('init', join(work, 'dossier'), '--title', 'Long treaty', '--party', 'A=Party A', '--party', 'B=Party B');
    runParley('import', join(work, 'gen', 'old.md'), '--into', join(work, 'dossier'));
    const started = await serve(join(work, 'dossier'));
    server = started.child;
    ({ browser, page } = await launchPage());
    // How many entries the outline holds when the page says it is ready (the observer runs right after).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.body?.dataset.ready === 'true' && !('outlineAtReady' in window)) {
          (window as unknown as { outlineAtReady: number }).outlineAtReady = document.querySelectorAll('.outline-entry').length;
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    await openApp(page, started.url);
  });

  afterAll(() => tearDown(browser, server, work));

  it('is not all written before the text is ready to use: the rest follows while the page is idle', async () => {
    const atReady = await page.evaluate(() => (window as unknown as { outlineAtReady?: number }).outlineAtReady);
    expect(atReady).toBeGreaterThan(0);
    expect(atReady).toBeLessThan(ARTICLES);
  });

  it('ends with every clause, in order, each entry going to its clause', async () => {
    await expect.poll(() => page.locator('.outline-entry').count(), { timeout: 20_000 }).toBe(ARTICLES);
    const labels = await page.locator('.outline-entry .outline-label').allTextContents();
    expect(labels).toEqual(Array.from({ length: ARTICLES }, (_, k) => `Article ${k + 1}`));
    // An entry written late, by the idle fill, goes to its clause: the text is scrolled to it and the cursor in it.
    await page.locator('.outline-entry', { hasText: 'Article 587' }).first().click();
    await expect.poll(() => page.evaluate(() => {
      const view = window.parleyEditor!;
      const { $from } = view.state.selection;
      for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === 'clause') return $from.node(d).attrs.label as string;
      return null;
    })).toBe('Article 587');
    const box = await page.locator('#clause-article-587').boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
  });

  it('takes an edit made while it is still filling', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
    // At once, before the idle fill can be done: rename the first article's title.
    const title = page.locator('#clause-article-1 .clause-heading');
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Revised');
    await expect.poll(() => page.locator('.outline-entry').first().textContent(), { timeout: 20_000 }).toContain('Revised');
    await expect.poll(() => page.locator('.outline-entry').count(), { timeout: 20_000 }).toBe(ARTICLES);
  });
});
