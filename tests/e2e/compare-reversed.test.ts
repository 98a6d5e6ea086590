/**
 * An obligation turned into its opposite, in the app's compare view: counted in the summary bar, in red, the
 * count a button that shows only the clauses holding one, and flagged "(reversed)" on the clause. Two versions of
 * a dossier made here with `parley init`, `import` and `table`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, compareInApp, twoVersionsInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`compare e2e test of reversed obligations skipped: needs ${CHROMIUM}`);

const draft = (exportBans: string, stockpiles: string, releases: string) => `## Paragraph 1 — No export bans

1. Neither Participant ${exportBans} impose export bans on critical minerals.

## Paragraph 2 — Stockpiling

1. Each Participant ${stockpiles} maintain strategic stocks of rare earths.

## Paragraph 3 — Releases

1. The Participants ${releases} coordinate releases of stocks.
`;

describe.skipIf(!ready)('obligations reversed, in the compare view', () => {
  // v2: the ban becomes a permission ("Neither … shall" → "Each … may"), a weaker obligation, one unchanged.
  const app = twoVersionsInApp('reversed', draft('shall', 'shall', 'will'), draft('may', 'will', 'will').replace('Neither Participant may', 'Each Participant may'));
  let page: Page;
  beforeAll(() => { page = app.page; });

  it('counts them in the summary bar, shows only their clauses on a click, and flags each one', async () => {
    await compareInApp(page, '1', '2');
    const chip = page.locator('button.count.kind-reversed');
    await expect.poll(() => chip.count(), { timeout: 20_000 }).toBe(1);
    expect((await chip.textContent())!.replace(/\s+/g, ' ').trim()).toBe('1 obligation reversed');
    expect(await page.locator('article.change').count()).toBe(2);
    await chip.click();
    expect(await page.locator('#filter-kind').inputValue()).toBe('reversed');
    const shown = page.locator('article.change');
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.first().textContent()).toContain('No export bans');
    const flag = shown.first().locator('.legal-obligation');
    expect((await flag.textContent())!.replace(/\s+/g, ' ')).toBe('obligation: Neither Participant shall → Each Participant may (reversed)');
    expect(await flag.locator('.direction.reversed').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(183, 28, 28)');
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'compare-reversed.png') });
  });
});
