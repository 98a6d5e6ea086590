/**
 * The HTML redline's switches, in Debian's Chromium: the page has no script, so "Hide cosmetic changes" and
 * "Hide unchanged clauses" work by CSS alone; this checks what a reader then sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`HTML redline e2e tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

const OLD = `## Article 1 — Purpose

The Participants will cooperate on critical minerals.

## Article 2 — Stockpiles

The Participants will coordinate the release of stocks; each Participant will notify the other within thirty (30) days.

## Article 3 — Research

The participants will promote joint research, including on recycling.
`;
// Article 2: one change in law and one of punctuation; Article 3: case and punctuation only.
const NEW = `## Article 1 — Purpose

The Participants will cooperate on critical minerals.

## Article 2 — Stockpiles

The Participants will coordinate the release of stocks, and each Participant will notify the other within sixty (60) days.

## Article 3 — Research

The Participants will promote joint research including on recycling.
`;

describe.skipIf(!hasChromium)('the HTML redline in Chromium', () => {
  let dir = '';
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-html-'));
    writeFileSync(join(dir, 'old.md'), OLD);
    writeFileSync(join(dir, 'new.md'), NEW);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function redline(layout: string, files = ['old.md', 'new.md']): string {
    const out = join(dir, `${layout}-${files[0]}.html`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', ...files, '--format', 'html', '--layout', layout, '-o', out], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return pathToFileURL(out).href;
  }

  it('hides cosmetic changes on request: the inline text then reads as the new draft, the change in law still marked', async () => {
    const page = await browser.newPage();
    await page.goto(redline('inline'));
    const research = page.locator('section', { hasText: 'Article 3 — Research' }).locator('.text');
    const stockpiles = page.locator('section', { hasText: 'Article 2 — Stockpiles' }).locator('.text');
    // Marked: the struck lowercase "participants" and the dropped comma show.
    expect(await research.innerText()).toContain('participants');
    expect(await research.locator('del.cosmetic').count()).toBeGreaterThan(0);
    await page.getByText('Hide cosmetic changes').click();
    // Article 3 has nothing but cosmetic changes: it goes, as in the app; shown, it reads as the new draft.
    expect(await research.isVisible()).toBe(false);
    await research.evaluate((e) => e.closest('section')!.classList.remove('cosmetic-only'));
    expect(await research.innerText()).toBe('The Participants will promote joint research including on recycling.');
    expect(await research.locator('ins.cosmetic').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('none');
    // Substantive changes keep their marks.
    expect(await stockpiles.locator('del', { hasText: 'thirty (30)' }).isVisible()).toBe(true);
    expect(await stockpiles.locator('ins', { hasText: 'sixty (60)' }).evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    await page.getByText('Hide cosmetic changes').click();
    expect(await research.innerText()).toContain('participants');
    await page.close();
  });

  it('side by side, hiding cosmetic changes keeps the old column in the old wording', async () => {
    const page = await browser.newPage();
    await page.goto(redline('side-by-side'));
    const research = page.locator('section', { hasText: 'Article 3 — Research' });
    await page.getByText('Hide cosmetic changes').click();
    await research.evaluate((e) => e.classList.remove('cosmetic-only'));
    expect(await research.locator('.text.old').innerText()).toBe('The participants will promote joint research, including on recycling.');
    expect(await research.locator('.text.new').innerText()).toBe('The Participants will promote joint research including on recycling.');
    await page.close();
  });

  it('side by side, sets each paragraph level with the one it became, a paragraph put in opposite a blank', async () => {
    const paragraphs = [
      '1. The Participants will cooperate on the security of supply of critical minerals and rare earths, from the mine to the finished product.',
      '2. Each Participant shall notify the other of any measure restricting exports within thirty (30) days.',
      '3. The Participants will coordinate the release of strategic stocks in an emergency.',
    ];
    const put = '3. Neither Participant shall impose an export ban on rare earth elements without prior consultation.';
    writeFileSync(join(dir, 'rows-old.md'), `## Article 1 — Supply\n\n${paragraphs.join('\n\n')}\n`);
    // Paragraph 2 edited, a paragraph put in after it, paragraph 3 renumbered 4.
    writeFileSync(join(dir, 'rows-new.md'), `## Article 1 — Supply\n\n${paragraphs[0]}\n\n${paragraphs[1]!.replace('thirty (30)', 'sixty (60)')}\n\n${put}\n\n${paragraphs[2]!.replace('3.', '4.')}\n`);
    const page = await browser.newPage();
    await page.goto(redline('side-by-side', ['rows-old.md', 'rows-new.md']));
    const rows = page.locator('section', { hasText: 'Article 1 — Supply' }).locator('table.pair tbody tr');
    expect(await rows.count()).toBe(4);
    const cells = async (k: number) => [await rows.nth(k).locator('td.old').innerText(), await rows.nth(k).locator('td.new').innerText()];
    expect((await cells(1))[0]).toContain('thirty (30)');
    expect((await cells(1))[1]).toContain('sixty (60)');
    expect(await cells(2)).toEqual(['', put]);
    expect((await cells(3))[0]).toContain('coordinate the release');
    expect((await cells(3))[1]).toContain('coordinate the release');
    // Level on the page: the old and new paragraph 3/4 start at the same height.
    const [a, b] = [await rows.nth(3).locator('td.old').boundingBox(), await rows.nth(3).locator('td.new').boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(1);
    await page.close();
  });

  it('hides unchanged clauses on request, and the switches stay off the printed page', async () => {
    const page = await browser.newPage();
    await page.goto(redline('side-by-side'));
    const purpose = page.locator('section', { hasText: 'Article 1 — Purpose' });
    expect(await purpose.isVisible()).toBe(true);
    await page.getByText('Hide unchanged clauses').click();
    expect(await purpose.isVisible()).toBe(false);
    expect(await page.locator('section', { hasText: 'Article 2 — Stockpiles' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('Hide unchanged clauses').isVisible()).toBe(false);
    await page.close();
  });
});
