/**
 * A clause split in two, in the app's compare view: its redline is cut where the second clause begins, under a
 * line naming that clause, side by side (old and new each in their column, the line across both) and inline.
 * Two versions of a dossier made here with `parley init`, `import` and `table`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixture-copy.js';
import { CHROMIUM, compareInApp, twoVersionsInApp } from '../support/serve-process.js';

const ready = existsSync(CHROMIUM);
if (!ready) console.warn(`compare e2e test of a split clause skipped: needs ${CHROMIUM}`);

const BEFORE = `## Article 1 — Purpose

The Participants intend to strengthen supply chains for critical minerals and rare earths.

## Article 2 — Research and Information

1. The Participants shall promote joint research on the processing and recycling of rare earth elements.

2. The Participants shall share information on supply risks, including disruptions of trade routes, within thirty (30) days.

3. Each Participant shall designate a contact point for that purpose.
`;

const AFTER = `## Article 1 — Purpose

The Participants intend to strengthen supply chains for critical minerals and rare earths.

## Article 2 — Research

The Participants shall promote joint research on the processing and recycling of rare earth elements.

## Article 3 — Information Sharing

1. The Participants will share information on supply risks, including disruptions of trade routes, within sixty (60) days.

2. Each Participant shall designate a contact point for that purpose.
`;

describe.skipIf(!ready)('a split clause, in the compare view', () => {
  const app = twoVersionsInApp('split', BEFORE, AFTER);
  let page: Page;
  beforeAll(() => { page = app.page; });

  /** The split's entry: its part heading, and the text of each redline before and after it (old column, new column). */
  const splitEntry = () => page.locator('article.change.kind-split').evaluate((article) => {
    const head = article.querySelector('.part-head');
    const redlines = [...article.querySelectorAll(':scope > .redline')];
    const column = (el: Element | undefined, side: string) => el?.querySelector(side)?.textContent ?? null;
    return {
      head: head?.textContent ?? null,
      // The heading stands between the two redlines, as a child of the entry.
      between: head !== null && redlines.length === 2 && redlines[0]!.nextElementSibling === head && head.nextElementSibling === redlines[1],
      texts: redlines.map((r) => r.textContent),
      newColumns: redlines.map((r) => column(r, '.side-new')),
      oldColumns: redlines.map((r) => column(r, '.side-old')),
    };
  });

  it('heads the second clause’s part with its heading, side by side and inline', async () => {
    await compareInApp(page, '1', '2');
    await expect.poll(() => page.locator('article.change.kind-split').count(), { timeout: 20_000 }).toBe(1);
    const side = await splitEntry();
    expect(side.head).toBe('Article 3 — Information Sharing');
    expect(side.between).toBe(true);
    expect(side.newColumns[0]).toBe('The Participants shall promote joint research on the processing and recycling of rare earth elements.');
    expect(side.oldColumns[1]).toMatch(/^2\. The Participants shall share information/);
    expect(side.newColumns[1]).toMatch(/^1\. The Participants will share information.*days\.2\. Each Participant shall designate/);
    await page.locator('article.change.kind-split').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'compare-split.png') });

    await page.click('button[data-mode=inline]');
    await expect.poll(async () => (await splitEntry()).texts.length).toBe(2);
    const inline = await splitEntry();
    expect(inline.head).toBe('Article 3 — Information Sharing');
    expect(inline.between).toBe(true);
    expect(inline.texts[0]).toBe('1. The Participants shall promote joint research on the processing and recycling of rare earth elements.');
    expect(inline.texts[1]).toMatch(/^21\. The Participants shallwill share information/);
  });
});
