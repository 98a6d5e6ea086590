/**
 * A clause rewritten through, in the app's compare view: the Paris drafts of 23 October and 4 December 2015
 * (../shared/corpus) tabled as two versions of a dossier. Article 3 changed in law some ninety ways: the view
 * shows the first eight and a button naming how many more and of which kinds, which shows them all. The
 * working draft's many findings (brackets opened in one paragraph and closed in another) are one notice.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare.js';
import { parseDraft } from '../../src/format/markdown.js';
import { gatheredLegal, legalLines } from '../../src/export/text-redline.js';
import { corpus } from '../support/corpus.js';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, compareInApp, importAndTable, openDossier, runParley, tearDown } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM) && corpus !== null;
if (!ready) console.warn(`compare e2e test on real texts skipped: needs ${CHROMIUM} and the corpus`);


describe.skipIf(!ready)('a clause with many changes in law, in the compare view', () => {
  let work = '';
  let dossier = '';
  let server: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parley-e2e-legal-'));
    dossier = join(work, 'paris');
    const drafts = join(corpus!, 'paris-agreement-drafts');
    runParley('init', dossier, '--title', 'Paris Agreement', '--party', 'COP=Conference of the Parties');
    importAndTable(dossier, join(drafts, 'v1_2015-10-23_ADP-draft-agreement.md'), 'ADP draft, 23 October', 'COP');
    importAndTable(dossier, join(drafts, 'v2_2015-12-04_ADP-compilation-draft-agreement.md'), 'ADP compilation, 4 December', 'COP');
    ({ server, browser, page } = await openDossier(dossier));
  });

  afterAll(() => tearDown(browser, server, work));

  it('counts what reading the working draft found in one notice, the whole list on request', async () => {
    // The compilation text's brackets often open in one paragraph and close in another: dozens of findings.
    const { readFileSync } = await import('node:fs');
    const findings = parseDraft(readFileSync(join(dossier, 'working.md'), 'utf8')).diagnostics;
    expect(findings.length).toBeGreaterThan(10);
    const notice = page.locator('.message.findings-message');
    expect(await notice.count()).toBe(1);
    expect(await page.locator('.message').count()).toBeLessThan(5);
    const file = join(dossier, 'working.md');
    expect(await notice.locator('span').first().textContent()).toBe(
      `${findings.length} findings in ${file} (${findings.length} warnings); the first, line ${findings[0]!.line}: ${findings[0]!.message}`);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const list = notice.locator('ol.findings li');
    expect(await list.first().isVisible()).toBe(false);
    await notice.getByRole('button', { name: 'Show all' }).click();
    expect(await list.count()).toBe(findings.length);
    expect(await list.first().isVisible()).toBe(true);
    expect(await list.first().textContent()).toBe(`${file}:${findings[0]!.line}: ${findings[0]!.message}`);
    await notice.getByRole('button', { name: 'Hide' }).click();
    expect(await list.first().isVisible()).toBe(false);
  });

  it('shows eight flags, then a button that names the rest and shows them', async () => {
    // What the comparison lists for Article 3, gathered as the view gathers it.
    const { readFileSync } = await import('node:fs');
    const read = (n: number) => parseDraft(readFileSync(join(dossier, 'versions', `v${n}.md`), 'utf8')).draft;
    const article3 = compareDrafts(read(1), read(2), { ids: 'always' }).changes.find((c) => c.new[0]?.label === 'Article 3')!;
    const items = gatheredLegal(article3.legal);
    expect(items.length).toBeGreaterThan(20);

    await compareInApp(page, '1', '2');
    const card = page.locator('article.change', { has: page.locator('.change-labels', { hasText: /^Article 3\b/ }) }).first();
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    expect(await card.locator('.legal-flags li.legal').count()).toBe(8);
    const more = card.locator('.legal-flags button.legal-more');
    const obligations = items.slice(8).filter((i) => i.item.type === 'obligation').length;
    expect(await more.textContent()).toMatch(new RegExp(`^${items.length - 8} more: .*\\b${obligations} obligation\\b`));
    await card.locator('.legal-flags').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'compare-many-legal.png') });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.locator('.legal-flags li.legal').count()).toBe(items.length);
    expect(await card.locator('.legal-flags button.legal-more').count()).toBe(0);
    // The keyboard stays where the reader was: on the first flag the button revealed.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('legal'))).toBe(true);
    // Each flag says what the text redline's line says, notes and all ("(wording only)" on "at least 3 months →
    // at least three months", which the view once left out, so that a figure written otherwise read as changed).
    const lines = legalLines(article3.legal).map((line) => line.replace(/^defined-term:/, 'defined term:'));
    expect(lines.some((line) => line.endsWith('(wording only)'))).toBe(true);
    expect((await card.locator('.legal-flags li.legal').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(lines);
    // What became of its provisions, a hundred notes: the first twelve, and the rest on request.
    const notes = card.locator('.provision-notes');
    expect((await notes.textContent())!.split('; ').length).toBe(12 + 1);
    await notes.getByRole('button').click();
    expect((await notes.textContent())!.split('; ').length).toBeGreaterThan(50);
    expect(await notes.getByRole('button').count()).toBe(0);
  });
});
