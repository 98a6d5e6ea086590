/**
 * The app checked by axe-core (the accessibility rules of WCAG 2.2 A and AA and axe's best practices), in Chromium on
 * a copy of the sample dossier: each view and each dialog as a user reaches it, with no violation. Among what it
 * found when first run: topic names under the outline too pale to read (contrast 3.6:1), toolbar buttons whose
 * spoken name did not contain the words they show ("[EU]"), and the compare and positions views without a main
 * landmark or a first-level heading.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, openApp, sampleDossierInApp, serve, stopServer } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`accessibility e2e test skipped: needs ${CHROMIUM}`);

describe.skipIf(!ready)('the app, by axe-core', () => {
  const app = sampleDossierInApp();
  let page: Page;
  let axeSource: string;
  beforeAll(async () => {
    page = app.page;
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });

  /** The violations axe finds in a page as it stands (the app's, unless another is named), one line each: impact, rule, and where. */
  async function violations(target: Page = page): Promise<string[]> {
    // The page's Content-Security-Policy allows no script of ours: the library is evaluated through the protocol.
    if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
    return target.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  it('finds nothing in the draft view', async () => {
    expect(await violations()).toEqual([]);
  });

  it('finds nothing in the compare view, with a comparison shown', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await expect.poll(() => page.locator('article.change').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('finds nothing in the Three-way dialog', async () => {
    await page.click('#compare-three-way');
    await expect.poll(() => page.locator('#three-way-dialog .three-way-body').getAttribute('aria-busy')).toBe('false');
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing in the positions view', async () => {
    await page.click('#tab-positions');
    await expect.poll(() => page.locator('.positions-table').count()).toBe(1);
    expect(await violations()).toEqual([]);
  });

  it('finds nothing in the History dialog', async () => {
    await page.locator('.positions-table .history-button').first().click();
    await expect.poll(() => page.locator('#history-dialog .history-body').getAttribute('aria-busy')).toBe('false');
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing in a second window on the dossier, which says once, as a warning, that it is read-only and why', async () => {
    // The first server holds the dossier's write lock: a second one opens it read-only.
    const second = await serve(app.dir);
    const reader = await page.context().browser()!.newPage();
    try {
      await openApp(reader, second.url);
      const messages = await reader.locator('.message').allTextContents();
      // Before, it said so twice: "open in another window" and the dossier's own notice of who holds it.
      expect(messages.filter((m) => /read-only/.test(m))).toEqual([expect.stringMatching(/^The dossier is open read-only: it is being edited by process \d+ on /)]);
      expect(await reader.locator('.message.warning', { hasText: 'read-only' }).count()).toBe(1);
      expect(await violations(reader)).toEqual([]);
    } finally {
      await reader.close();
      await stopServer(second.child);
    }
  });

  // The pages sent round for circulation, as `parley diff` writes them. Their first check found a badge colour too
  // pale (4.2:1) and the reader's switches outside any landmark.
  it('finds nothing in the web pages parley diff writes, two-way and three-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-axe-'));
    try {
      const write = (file: string, ...args: string[]) => {
        const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'parley.mjs'), 'diff', ...args, '--format', 'html', '-o', join(dir, file)], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        return join(dir, file);
      };
      const pages = [write('redline.html', `${app.dir}@3`, `${app.dir}@4`), write('three-way.html', '--base', '3', app.dir, '4', '5')];
      const reader = await page.context().browser()!.newPage();
      try {
        for (const file of pages) {
          await reader.goto(pathToFileURL(file).href);
          expect(await violations(reader), file).toEqual([]);
        }
      } finally {
        await reader.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
