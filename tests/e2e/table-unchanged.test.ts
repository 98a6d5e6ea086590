/**
 * Tabling, in the app, a working draft whose text is the last version's unchanged: tabled, as the other side
 * accepting a text ad referendum tables it, with a warning that says the text is not new (the usual slip is
 * tabling before bringing in the new text). A dossier of two versions made here with `parley init`, `import` and
 * `table`, whose working draft is the second version's text.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, twoVersionsInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`e2e test of tabling an unchanged text skipped: needs ${CHROMIUM}`);

const draft = (days: string) => `## Paragraph 1 — Information sharing

1. The Participants will inform each other of a disruption of supply within ${days} days.
`;

describe.skipIf(!ready)('tabling an unchanged text in the app', () => {
  const app = twoVersionsInApp('table-unchanged', draft('thirty (30)'), draft('ten (10)'));
  let page: Page;
  beforeAll(() => { page = app.page; });

  it('tables it as the next version and warns that its text is v2\'s', async () => {
    await page.fill('#table-label', 'Accepted by the EU');
    await page.selectOption('#table-by', 'EU');
    await page.selectOption('#table-status', 'ad-ref');
    await page.click('#table-submit');
    await expect.poll(() => page.locator('.timeline-entry[data-version="3"]').count(), { timeout: 20_000 }).toBe(1);
    const warning = page.locator('.message.warning', { hasText: 'Tabled as version 3' });
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.textContent()).toContain('Tabled as version 3: Accepted by the EU. Its text is that of v2, unchanged: this version records a new label, party, status or date, not a new text.');
  });
});
