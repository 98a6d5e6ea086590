/**
 * The other side's text arrives as a web page: in the browser, Import Draft (Ctrl+I) takes the page as saved
 * from the US government's site (the corpus's US–Malaysia memorandum, its Markdown made HTML again, with the
 * site's head, navigation and footer) into a dossier whose v1 is the curated text of the same memorandum. Every
 * clause of the page keeps the id of its v1 clause; nothing of the site comes into the draft.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../support/corpus.js';
import { CHROMIUM, chooserFromShortcut, importAndTable, openDossier, runParley, tearDown } from '../support/serve-process.js';

const CASE = 'us-critical-minerals-MOUs_MY-vs-TH';
const ready = existsSync(CHROMIUM) && corpus !== null;
if (!ready) console.warn(`web-page import e2e test skipped: needs ${CHROMIUM} and the corpus`);

describe.skipIf(!ready)('importing a web page in the browser', () => {
  let work = '';
  let server: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parley-e2e-page-'));
    const dossier = join(work, 'dossier');
    runParley('init', dossier, '--title', 'US–Malaysia MOU', '--party', 'US=United States', '--party', 'MY=Malaysia');
    importAndTable(dossier, join(corpus!, CASE, 'v1_2025-10-26_US-Malaysia_MOU.txt'), 'Signed text', 'US');
    const markdown = readFileSync(join(corpus!, CASE, 'raw', 'v1_2025-10-26_US-Malaysia_MOU.orig.md'), 'utf8');
    const body = String(unified().use(remarkParse).use(remarkFrontmatter).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).processSync(markdown));
    writeFileSync(join(work, 'mou.html'), '<!DOCTYPE html><html><head><title>MOU – The White House</title><script>var site = 1;</script></head>' +
      `<body><nav><a href="/">Home</a> <a href="/briefings/">Briefings</a></nav><main>${body}</main><footer>Share this page</footer></body></html>`);
    ({ server, browser, page } = await openDossier(dossier));
  });

  afterAll(() => tearDown(browser, server, work));

  it('reads the page as the memorandum, each clause keeping its id, and saves it as the working draft', async () => {
    await page.click('#tab-draft');
    await page.locator('.draft-text').focus();
    page.once('dialog', (dialog) => void dialog.accept());
    const picked = await chooserFromShortcut(page, 'Control+i');
    // The file picker offers web pages.
    expect(await picked.element().getAttribute('accept')).toContain('.html');
    await picked.setFiles(join(work, 'mou.html'));
    const notice = page.locator('.message', { hasText: 'Imported mou.html' });
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toMatch(/^Imported mou\.html: 6 clauses, 6 matched to clauses of v1/);
    const text = await page.locator('.draft-text').textContent();
    expect(text).toContain('The purpose of this Memorandum of Understanding is to strengthen');
    expect(text).not.toMatch(/Briefings|Share this page|var site/);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('Saved');
    const saved = await readFile(join(work, 'dossier', 'working.md'), 'utf8');
    for (const id of ['preamble', 'objective', 'areas-of-cooperation', 'commencement-and-discontinuation', 'signatures']) expect(saved).toContain(`{#${id}}`);
  });
});
