/**
 * The Three-way dialog, in the app on a copy of the sample dossier: v4 (EU) and v5 (US) against v3, the joint text
 * both answered — each clause's status as `parley diff --base` counts it, a conflict's two sides, what stands
 * between them and both changes together, the working draft saved before it is compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { threeWayCommand } from '../../src/node/cli/three-way.js';
import { collectOutput } from '../support/output-collector.js';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, sampleDossierInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`three-way e2e test skipped: needs ${CHROMIUM}`);

describe.skipIf(!ready)('the Three-way dialog', () => {
  const app = sampleDossierInApp();
  let page: Page;
  beforeAll(() => { page = app.page; });

  const dialog = () => page.locator('#three-way-dialog');
  const entry = (id: string) => page.locator(`#three-way-dialog .three-way-entry[data-id="${id}"]`);
  /** Wait until the dialog has its comparison (or its error). */
  const compared = () => expect.poll(() => page.locator('#three-way-dialog .three-way-body').getAttribute('aria-busy')).toBe('false');

  /** Open the dialog from the compare view, pick three drafts and compare them. */
  async function compareInDialog(base: string, first: string, second: string): Promise<void> {
    await page.click('#compare-three-way');
    await compared();
    await page.selectOption('#three-way-base', base);
    await page.selectOption('#three-way-first', first);
    await page.selectOption('#three-way-second', second);
    await page.click('#three-way-run');
    await compared();
  }

  /** What `parley diff --base` says of the same three versions, as JSON. */
  async function commandJson(base: string, first: string, second: string) {
    const output = collectOutput();
    await threeWayCommand(app.dir, base, first, second, { format: 'json' }, output);
    return JSON.parse(output.text()) as { summary: Record<string, number>; clauses: { id: string; status: string }[] };
  }

  it('opens from the compare view on the last three versions and tells each clause\'s status as parley diff --base does', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-three-way');
    await expect.poll(() => dialog().evaluate((d) => d.matches(':modal'))).toBe(true);
    await compared();
    expect([await page.inputValue('#three-way-base'), await page.inputValue('#three-way-first'), await page.inputValue('#three-way-second')]).toEqual(['3', '4', '5']);
    const expected = await commandJson('3', '4', '5');
    // Every clause, with the command's status; the unchanged ones hidden until asked for.
    const shown = await page.locator('#three-way-dialog .three-way-entry').evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset.id, (i as HTMLElement).dataset.status]));
    expect(shown).toEqual(expected.clauses.map((c) => [c.id, c.status]));
    const visible = () => page.locator('#three-way-dialog .three-way-entry:visible').count();
    expect(await visible()).toBe(expected.clauses.length - expected.summary.unchanged!);
    await page.check('#three-way-unchanged');
    expect(await visible()).toBe(expected.clauses.length);
    expect(await page.locator('.three-way-status').textContent()).toBe(
      `v4 and v5 against v3: ${expected.summary.conflict} conflicts, ${expected.summary['second-only']} second side only, ${expected.summary.unchanged} unchanged (${expected.clauses.length} clauses)`);
  });

  it('shows a conflict\'s two sides, what stands between them, and both changes together', async () => {
    const pricing = entry('pricing');
    expect(await pricing.getAttribute('data-status')).toBe('conflict');
    // v4 split anti-dumping off, and v5, building on it, weakened the commitment: v5 holds both.
    expect(await pricing.locator('.three-way-note').textContent()).toContain('v5 holds both changes: it made v4\'s change too');
    const parts = await pricing.locator('.three-way-part').allTextContents();
    expect(parts).toEqual([
      'First side (v4): edited (split: #pricing → #pricing, #anti-dumping)',
      'Second side (v5): edited (split: #pricing → #pricing, #anti-dumping)',
      'v4 → v5, what stands between them:',
      'Both changes together (v4 and v5, against the base):',
    ]);
    // Measured as a split: the paragraphs that went to #anti-dumping are not struck from #pricing.
    expect((await pricing.locator('del').allTextContents()).join(' ')).not.toContain('trade defence');
    expect(await pricing.locator('.legal-flags').first().textContent()).toMatch(/intend to.*weaker/);
    expect(await pricing.locator('.three-way-combined ins').allTextContents()).toContain('intend to develop');
  });

  it('saves the comparison as the web page parley diff --base writes, for circulation', async () => {
    const saveAs = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#three-way-save')]);
      expect(file.suggestedFilename()).toBe('rare-earths-mou v4-v5 against v3.html');
      return readFile((await file.path())!, 'utf8');
    };
    const command = (...more: string[]) => {
      const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'parley.mjs'), 'diff', '--base', '3', app.dir, '4', '5', '--format', 'html', ...more, '-o', '-'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trimEnd();
    };
    // Unchanged clauses shown: the page holds them too.
    expect((await saveAs()).trimEnd()).toBe(command());
    await expect.poll(() => page.locator('.three-way-status').textContent()).toMatch(/^Saved as rare-earths-mou v4-v5 against v3\.html\. v4 and v5 against v3: /);
    await page.uncheck('#three-way-unchanged');
    expect((await saveAs()).trimEnd()).toBe(command('--changed-only'));
  });

  it('cuts the unchanged paragraphs around a change unless the whole text is asked for', async () => {
    const elided = () => page.locator('#three-way-dialog .three-way-text', { hasText: /unchanged paragraphs? …/ }).count();
    expect(await elided()).toBeGreaterThan(0);
    await page.check('#three-way-whole');
    expect(await elided()).toBe(0);
    await page.uncheck('#three-way-whole');
    expect(await elided()).toBeGreaterThan(0);
  });

  it('steps through the clauses shown with n and p, as the compare view does', async () => {
    await page.uncheck('#three-way-unchanged');
    await page.focus('#three-way-close');
    const focused = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('.three-way-entry')?.dataset.id ?? null);
    const changed = (await commandJson('3', '4', '5')).clauses.filter((c) => c.status !== 'unchanged').map((c) => c.id);
    await page.keyboard.press('n');
    expect(await focused()).toBe(changed[0]);
    await page.keyboard.press('n');
    expect(await focused()).toBe(changed[1]);
    await page.keyboard.press('Alt+ArrowUp');
    expect(await focused()).toBe(changed[0]);
    // Not while choosing a draft: the key goes to the picker.
    await page.focus('#three-way-base');
    await page.keyboard.press('n');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('three-way-base');
  });

  it('closes with Escape, giving the focus back to its button', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-three-way');
  });

  it('opens two of the drafts in the compare view from a clause, the clause brought into view', async () => {
    await page.click('#compare-three-way');
    await compared();
    await entry('pricing').getByRole('button', { name: 'Compare v4 → v5' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect([await page.inputValue('#compare-old'), await page.inputValue('#compare-new')]).toEqual(['4', '5']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ids ?? '')).toMatch(/\bpricing\b/);

    // v2 edited the anti-dumping paragraphs while they still stood in #pricing (the working draft has them split
    // off): its Compare finds them there.
    await compareInDialog('1', '2', 'working');
    expect(await entry('anti-dumping').locator('.three-way-part').first().textContent()).toBe('First side (v2): edited (in #pricing, where this text still stands)');
    await entry('anti-dumping').getByRole('button', { name: 'Compare v1 → v2' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect([await page.inputValue('#compare-old'), await page.inputValue('#compare-new')]).toEqual(['1', '2']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ids ?? '')).toMatch(/\bpricing\b/);
  });

  it('saves an unsaved edit before comparing with the working draft, and compares three drafts the reader picks', async () => {
    await page.click('#tab-draft');
    // An unsaved edit at the end of the last clause.
    await page.locator('.draft-text').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Added in the working draft.');
    await expect.poll(() => page.locator('#save-state').textContent()).not.toBe('Saved');
    await page.click('#tab-compare');
    await compareInDialog('5', '5', 'working');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');
    expect(await page.locator('.three-way-status').textContent()).toMatch(/^v5 and working draft against v5: \d+ second side only/);
    const changed = page.locator('#three-way-dialog .three-way-entry:visible');
    expect(await changed.evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.status))).toEqual(expect.arrayContaining(['second-only']));
    expect((await changed.locator('ins').allTextContents()).join('')).toContain('Added in the working draft.');
    await page.click('#three-way-close');
    await expect.poll(() => dialog().count()).toBe(0);
  });
});
