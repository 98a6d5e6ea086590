/**
 * The History dialog, in the app on a copy of the sample dossier: the clause at the cursor through every version,
 * as `parley history` tells it — the split in v4 measured as a split (nothing that went to the new clause struck),
 * v5's weaker commitment flagged, an unsaved edit saved first so that the working draft's step shows it.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, compareInApp, sampleDossierInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`clause history e2e test skipped: needs ${CHROMIUM}`);

describe.skipIf(!ready)('the History dialog', () => {
  // A title block (text before the first clause, as an imported draft has) in the working draft only.
  const app = sampleDossierInApp(async (dir) => {
    const working = join(dir, 'working.md');
    await writeFile(working, (await readFile(working, 'utf8')).replace('\n## ', '\nbetween the European Union and the United States of America\n\n## '));
  });
  let page: Page;
  beforeAll(() => { page = app.page; });

  const entry = (version: string) => page.locator(`#history-dialog .history-entry[data-version="${version}"]`);

  /** Wait until the open History dialog has its history (or its error). */
  const historyRead = () => expect.poll(() => page.locator('#history-dialog .history-body').getAttribute('aria-busy')).toBe('false');

  /** Close the History dialog with Escape, and wait until it is gone (the app opens one at a time). */
  async function closeWithEscape(): Promise<void> {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#history-dialog').count()).toBe(0);
  }

  /** Put the caret at the end of a phrase of the draft, as a click there would. */
  async function caretAfter(phrase: string): Promise<void> {
    await page.locator('.draft-text').focus();
    const found = await page.evaluate((needle) => {
      const walker = document.createTreeWalker(document.querySelector('.draft-text')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + needle.length);
        range.collapse(true);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return true;
      }
      return false;
    }, phrase);
    if (!found) throw new Error(`"${phrase}" is not in the draft`);
  }

  it('opens from the toolbar on the clause at the cursor, with each version and what it did', async () => {
    await caretAfter('review its operation every year');
    await page.click('#cmd-history');
    const dialog = page.locator('#history-dialog');
    await expect.poll(() => dialog.getAttribute('aria-label')).toBe('History of Paragraph 10 — Common pricing mechanism');
    await historyRead();
    expect(await dialog.locator('.history-entry').count()).toBe(6); // v1–v5 and the working draft
    expect(await entry('1').locator('.history-note').first().textContent()).toBe('First appears here');
    expect(await entry('1').locator('.history-text').textContent()).toContain('trade defence instruments');
    // v2: shall → will five times, flagged as weaker, by the US.
    expect(await entry('2').locator('.history-change').textContent()).toBe('changed by US (renumbered)');
    expect(await entry('2').locator('.legal-flags').textContent()).toMatch(/shall → will.*weaker/);
    // v4 split the anti-dumping paragraphs off into a clause of their own: that is said, and they are not struck.
    expect(await entry('4').locator('.history-relation').textContent()).toBe('split: #pricing → #pricing, #anti-dumping');
    expect(await entry('4').locator('.history-heading del').textContent()).toContain('and anti-dumping');
    expect(await entry('4').locator('.history-text del').count()).toBe(0);
    expect(await entry('4').locator('.legal-flags').count()).toBe(0);
    // v5 softened the commitment.
    expect(await entry('5').locator('.history-text ins').allTextContents()).toContain('intend to develop');
    expect(await entry('5').locator('.legal-flags').textContent()).toMatch(/intend to.*weaker/);
    expect(await entry('working').locator('.history-change').textContent()).toBe('unchanged');
  });

  it('shows a clause split off from another, where it first appears, against the text it was split from', async () => {
    await closeWithEscape();
    await caretAfter('concerning such imports');
    await page.click('#cmd-history');
    await historyRead();
    await expect.poll(() => page.locator('#history-dialog').getAttribute('aria-label')).toBe('History of Paragraph 11 — Anti-dumping');
    expect(await entry('4').locator('.history-first').textContent()).toBe('First appears here, against the text of #pricing it was split from');
    // Paragraphs 4 and 5 of #pricing became 1 and 2.
    expect(await entry('4').locator('.history-text del').allTextContents()).toEqual(['4', '5']);
    expect(await entry('4').locator('.history-text ins').allTextContents()).toEqual(['1', '2']);
  });

  it('heads the text a merge brought in with the clause it came from', async () => {
    await closeWithEscape();
    await caretAfter('coordinated calls for proposals');
    await page.click('#cmd-history');
    await historyRead();
    expect(await entry('2').locator('.history-relation').textContent()).toBe('merged: #research, #research-mobility → #research');
    expect(await entry('2').locator('.part-head').allTextContents()).toEqual(['was Paragraph 6 — Skills and mobility of researchers']);
    expect(await entry('2').locator('.part-head + .history-text').textContent()).toContain('exchange of researchers');
  });

  it('closes on Escape, giving the text back its focus', async () => {
    await closeWithEscape();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('draft-text'))).toBe(true);
  });

  it('saves an unsaved edit first, so that the working draft step shows it (opened with Ctrl+Shift+H)', async () => {
    await caretAfter('review its operation every year');
    await page.keyboard.type(' and report on it to the Joint Committee');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Unsaved');
    await page.keyboard.press('Control+Shift+H');
    await historyRead();
    expect(await page.locator('#save-state').textContent()).toBe('Saved');
    expect(await entry('working').locator('.history-change').textContent()).toBe('changed by EU');
    expect(await entry('working').locator('.history-text ins').allTextContents()).toEqual([' and report on it to the Joint Committee']);
    await page.click('#history-close');
    await expect.poll(() => page.locator('#history-dialog').count()).toBe(0);
  });

  it('gives the history of the title block (the text before the first clause) from the cursor in it', async () => {
    await caretAfter('between the European Union');
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => page.locator('#history-dialog').getAttribute('aria-label')).toBe('History of the title block');
    await historyRead();
    expect(await page.locator('#history-dialog .history-summary').textContent()).toBe('The text before the first clause — in 1 version of 6, 0 changes');
    expect(await entry('1').locator('.history-note').textContent()).toBe('not in this version yet');
    expect(await entry('working').locator('.history-text').textContent()).toBe('between the European Union and the United States of America');
    await closeWithEscape();
  });

  it('opens from a clause of the compare view, and gives the focus back to its button', async () => {
    await compareInApp(page, '3', '4');
    const split = page.locator('article.change.kind-split');
    await expect.poll(() => split.count()).toBe(1);
    // Each clause headed as the text and HTML redlines head it: as it is now, with what it was called.
    expect(await split.locator('.change-labels').textContent()).toBe('Paragraph 10 — Common pricing mechanism + Paragraph 11 — Anti-dumping (was Paragraph 9 — Common pricing mechanism and anti-dumping)');
    expect(await page.locator('article.change', { hasText: 'No export bans' }).locator('.change-labels').textContent()).toBe('Paragraph 6 — No export bans (was Paragraph 4)');
    await split.locator('.history-button').click();
    await expect.poll(() => page.locator('#history-dialog').getAttribute('aria-label')).toBe('History of Paragraph 10 — Common pricing mechanism');
    await historyRead();
    expect(await entry('4').locator('.history-relation').textContent()).toBe('split: #pricing → #pricing, #anti-dumping');
    await closeWithEscape();
    expect(await split.locator('.history-button').evaluate((b) => b === document.activeElement)).toBe(true);
    await page.click('#tab-draft');
  });

  it('opens from a clause of the positions view, and gives the focus back to its button', async () => {
    await page.click('#tab-positions');
    const history = page.locator('.positions-table tr', { hasText: 'Anti-dumping' }).locator('.history-button');
    await history.click();
    await expect.poll(() => page.locator('#history-dialog').getAttribute('aria-label')).toBe('History of Paragraph 11 — Anti-dumping');
    await closeWithEscape();
    expect(await history.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.click('#tab-draft');
  });

  it('compares a step of the history in the compare view, the clause brought into view', async () => {
    await caretAfter('review its operation every year');
    await page.click('#cmd-history');
    await historyRead();
    // Only a step that changed something offers it: none on the first appearance, none where unchanged.
    expect(await entry('1').locator('.history-compare').count()).toBe(0);
    const compare = entry('5').locator('.history-compare');
    expect(await compare.textContent()).toBe('Compare v4 → v5');
    await compare.click();
    await expect.poll(() => page.locator('#history-dialog').count()).toBe(0);
    await expect.poll(() => page.locator('#tab-compare').getAttribute('aria-pressed')).toBe('true');
    expect([await page.locator('#compare-old').inputValue(), await page.locator('#compare-new').inputValue()]).toEqual(['4', '5']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ids ?? null)).toBe('pricing');
    await page.click('#tab-draft');
  });
});
