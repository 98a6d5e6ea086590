/**
 * A time limit moved, unchanged, within its paragraph, in the app's compare view: one legal flag that says so,
 * not one figure struck and another put in. Two versions of a dossier made here with `parley init`, `import` and
 * `table`.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, compareInApp, twoVersionsInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`compare e2e test of a moved time limit skipped: needs ${CHROMIUM}`);

const draft = (text: string) => `## Paragraph 1 — Information

1. ${text}
`;

describe.skipIf(!ready)('a time limit moved within its paragraph, in the compare view', () => {
  const app = twoVersionsInApp('moved-figure', draft('Within thirty (30) days of a disruption, the Participants shall inform each other of its causes and expected duration.'), draft('The Participants shall inform each other of the causes and expected duration of a disruption within thirty (30) days.'));
  let page: Page;
  beforeAll(() => { page = app.page; });

  it('flags it once, as moved and unchanged', async () => {
    await compareInApp(page, '1', '2');
    const flags = page.locator('article.change .legal-figure');
    await expect.poll(() => flags.count(), { timeout: 20_000 }).toBe(1);
    expect((await flags.first().textContent())!.replace(/\s+/g, ' ')).toBe('figure: Within thirty (30) days → within thirty (30) days (moved within its paragraph, unchanged)');
  });
});
