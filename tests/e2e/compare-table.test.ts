/**
 * A table in the application's compare view: a tariff schedule tabled, then a row added and a rate changed in the
 * working draft. Side by side and inline, the rows are set out as a table, each cell with its changes, and the
 * added row is inserted whole (the rate above it is not read as changed). The instrument's title, changed too, is
 * shown above the changes as a redline, and the changed title block (the line naming the parties, before the first
 * clause) heads the changes.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, compareInApp, importAndTable, openDossier, runParley, tearDown } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`compare-table e2e test skipped: needs ${CHROMIUM}`);

const draft = (rows: string[], between: string) => [
  '# Agreement on Reciprocal Trade', '',
  between, '',
  '## Article 1 — Tariffs', '',
  '1. Each Party shall apply the tariff rates set out in the table below.', '',
  '| HS code | Description | Rate |', '|---|---|---|', ...rows, '',
  '2. The rates shall apply from 1 January 2027.', '',
].join('\n');

describe.skipIf(!ready)('a table in the compare view', () => {
  let work = '';
  let server: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parley-e2e-table-'));
    const dossier = join(work, 'dossier');
    runParley('init', dossier, '--title', 'Agreement on Reciprocal Trade', '--party', 'US=United States', '--party', 'EX=Example');
    writeFileSync(join(work, 'v1.md'), draft(['| 2805.30 | Rare earth metals | 5% |', '| 2846.10 | Cerium compounds | 3% |'], 'between the United States of America and the Republic of Example'));
    importAndTable(dossier, join(work, 'v1.md'), 'First draft', 'US');
    writeFileSync(join(work, 'v2.md'), draft(['| 2805.30 | Rare earth metals | 0% |', '| 2846.10 | Cerium compounds | 3% |', '| 2846.90 | Other rare earth compounds | 4% |'], 'between the United States of America and the Kingdom of Example'));
    runParley('import', join(work, 'v2.md'), '--into', dossier);
    // The working draft names the instrument anew.
    const working = join(dossier, 'working.md');
    writeFileSync(working, readFileSync(working, 'utf8').replace(/^title: .*$/m, 'title: Agreement on Reciprocal Trade in Critical Minerals'));
    ({ server, browser, page } = await openDossier(dossier));
  });

  afterAll(() => tearDown(browser, server, work));

  it('sets the rows out as a table, side by side and inline, under the title changed', async () => {
    await compareInApp(page, '1', 'working');
    const change = page.locator('article.change', { hasText: 'Tariffs' });
    await expect.poll(() => change.count(), { timeout: 20_000 }).toBe(1);
    const rows = (side: string) => change.locator(`${side} table.pipe-table tr`);
    expect(await rows('.side-old').count()).toBe(3);
    expect(await rows('.side-new').count()).toBe(4);
    expect(await rows('.side-new').first().locator('th').allTextContents()).toEqual(['HS code', 'Description', 'Rate']);
    expect(await rows('.side-old').nth(1).locator('td del').allTextContents()).toEqual(['5']);
    expect(await rows('.side-new').nth(1).locator('td ins').allTextContents()).toEqual(['0']);
    // The cerium row is the same on both sides; the added row is inserted in every cell.
    expect(await rows('.side-new').nth(2).locator('ins').count()).toBe(0);
    expect(await rows('.side-new').nth(3).locator('td').allTextContents()).toEqual(['2846.90', 'Other rare earth compounds', '4%']);
    expect(await rows('.side-new').nth(3).locator('td:not(:has(ins))').count()).toBe(0);
    expect(await change.locator('.side-new').textContent()).not.toContain('|---');
    // What changed in law names the row of each rate.
    expect(await change.locator('.legal-flags li').allTextContents()).toEqual(['figure: 5% → 0% (row 2805.30)', 'figure: — → 4% (row 2846.90)']);

    const title = page.locator('.title-change');
    expect(await title.isVisible()).toBe(true);
    expect((await title.locator('ins').allTextContents()).map((t) => t.trim())).toEqual(['in Critical Minerals']);

    // The title block's change heads the list, as a clause's would be shown.
    const front = page.locator('article.change').first();
    expect(await front.getAttribute('id')).toBe('change-title-block');
    expect(await front.locator('.change-labels').textContent()).toBe('Title block (before the first clause)');
    expect(await front.locator('.side-old del').allTextContents()).toEqual(['Republic']);
    expect(await front.locator('.side-new ins').allTextContents()).toEqual(['Kingdom']);

    await page.getByRole('radio', { name: 'Inline' }).click();
    const inline = change.locator('.redline.inline table.pipe-table tr');
    expect(await inline.count()).toBe(4);
    expect(await inline.nth(1).locator('td').nth(2).textContent()).toBe('50%');
    expect(await inline.nth(1).locator('td del').allTextContents()).toEqual(['5']);
  });
});
