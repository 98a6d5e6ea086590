// The corpus keeps, beside each curated text, the Markdown its source web page gave (raw/*.orig.md): front
// matter of the site, headings in bold or "#" lines, underline tags, footnotes after a rule, escaped numbers.
// Read as a user would read them (`parley diff curated raw`), each must read as the same instrument: every
// clause of the curated text pairs with one of the page's, and the clauses that differ in more than cosmetics
// are the few where the page itself differs (named below). The same again for the pages as HTML, as a browser
// saves them.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { parse as parseYaml } from 'yaml';
import { compareDrafts } from '../src/compare/compare.js';
import { loadDraftFile } from '../src/node/read-draft-file.js';
import { corpus } from './support/corpus.js';

interface Case {
  curated: string;
  raw: string;
  unchanged: number;
  /** Clauses (new label or title) with a change that is not cosmetic, and why the page differs there. */
  substantive: string[];
  /** Clauses of the page that the curated text leaves out. */
  inserted?: number;
}

const CASES: Case[] = [
  { curated: 'us-critical-minerals-MOUs_MY-vs-TH/v1_2025-10-26_US-Malaysia_MOU.txt', raw: 'us-critical-minerals-MOUs_MY-vs-TH/raw/v1_2025-10-26_US-Malaysia_MOU.orig.md', unchanged: 6, substantive: [] },
  { curated: 'us-critical-minerals-MOUs_MY-vs-TH/v2_2025-10-26_US-Thailand_MOU.txt', raw: 'us-critical-minerals-MOUs_MY-vs-TH/raw/v2_2025-10-26_US-Thailand_MOU.orig.md', unchanged: 6, substantive: [] },
  { curated: 'us-critical-minerals-frameworks_AU-vs-JP/v1_2025-10-20_US-Australia_framework.txt', raw: 'us-critical-minerals-frameworks_AU-vs-JP/raw/v1_2025-10-20_US-Australia_framework.orig.md', unchanged: 4, substantive: [] },
  // The page numbers three of Section I's paragraphs "1." (a converter restarted its lists).
  { curated: 'us-critical-minerals-frameworks_AU-vs-JP/v2_2025-10-28_US-Japan_framework.txt', raw: 'us-critical-minerals-frameworks_AU-vs-JP/raw/v2_2025-10-28_US-Japan_framework.orig.md', unchanged: 3, substantive: ['Section I'] },
  { curated: 'us-reciprocal-trade-agreements_MY-KH-JO/v1_2025-10-26_US-Malaysia_ART.txt', raw: 'us-reciprocal-trade-agreements_MY-KH-JO/raw/v1_2025-10-26_US-Malaysia_ART.orig.md', unchanged: 36, substantive: [] },
  { curated: 'us-reciprocal-trade-agreements_MY-KH-JO/v2_2025-10-26_US-Cambodia_ART.txt', raw: 'us-reciprocal-trade-agreements_MY-KH-JO/raw/v2_2025-10-26_US-Cambodia_ART.orig.md', unchanged: 39, substantive: [] },
  { curated: 'us-reciprocal-trade-agreements_MY-KH-JO/v3_2026-07-21_US-Jordan_ART.txt', raw: 'us-reciprocal-trade-agreements_MY-KH-JO/raw/v3_2026-07-21_US-Jordan_ART.orig.md', unchanged: 33, substantive: [] },
  // The site's pages open with a note and the decision's title as a heading of its own. (Their table-of-contents
  // marker "* TOC {:toc}", one of them inside Article 11, and their link definitions are no text.)
  { curated: 'paris-agreement-drafts/v1_2015-10-23_ADP-draft-agreement.md', raw: 'paris-agreement-drafts/raw/v1_2015-10-23_ADP-draft-agreement.orig.md', unchanged: 32, substantive: [], inserted: 1 },
  { curated: 'paris-agreement-drafts/v2_2015-12-04_ADP-compilation-draft-agreement.md', raw: 'paris-agreement-drafts/raw/v2_2015-12-04_ADP-compilation-draft-agreement.orig.md', unchanged: 32, substantive: [], inserted: 1 },
  { curated: 'paris-agreement-drafts/v3_2015-12-09_draft-paris-outcome-agreement.md', raw: 'paris-agreement-drafts/raw/v3_2015-12-09_draft-paris-outcome-agreement.orig.md', unchanged: 30, substantive: [], inserted: 1 },
  { curated: 'paris-agreement-drafts/v4_2015-12-12_paris-agreement-final.md', raw: 'paris-agreement-drafts/raw/v4_2015-12-12_paris-agreement-final.orig.md', unchanged: 31, substantive: [] },
  { curated: 'paris-agreement-drafts/extras/v4b_2016-01-29_paris-agreement-final-with-editorial-corrections.md', raw: 'paris-agreement-drafts/raw/final_editorial-corrections_2016-01-29.orig.md', unchanged: 31, substantive: [] },
];

describe.skipIf(!corpus)('the source pages\' Markdown reads as the curated texts', () => {
  for (const c of CASES) {
    it(path.basename(c.raw), async () => {
      const curated = await loadDraftFile(path.join(corpus!, c.curated));
      const raw = await loadDraftFile(path.join(corpus!, c.raw));
      expect(raw.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const result = compareDrafts(curated.draft, raw.draft);
      const { summary } = result;
      expect({ deleted: summary.deleted, split: summary.split, merged: summary.merged, moved: summary.moved, inserted: summary.inserted })
        .toEqual({ deleted: 0, split: 0, merged: 0, moved: 0, inserted: c.inserted ?? 0 });
      expect(summary.unchanged).toBe(c.unchanged);
      const substantive = result.changes
        .filter((change) => change.kind === 'edited' && change.words.some((w) => w.op !== 'equal' && !w.cosmetic))
        .map((change) => change.new[0]!.label || change.new[0]!.title);
      expect(substantive).toEqual(c.substantive);
      // The page's front matter gives the title, not its first paragraph.
      if (c.raw.startsWith('us-')) expect(raw.draft.meta.title).toMatch(/^(?:Memorandum|United States|Agreement|AGREEMENT)/);
    });
  }
});

/**
 * The same pages as a browser saves them: the Markdown made HTML again (its inline HTML kept), with what a
 * site puts around a text — a head with its title and scripts, navigation, the title as <h1>, a footer.
 */
function asWebPage(markdown: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown);
  const title = String((front ? parseYaml(front[1]!) : {})?.title ?? '').replace(/\s+/g, ' ');
  const body = String(unified().use(remarkParse).use(remarkFrontmatter).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).processSync(markdown));
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title} – The White House</title><script>var tracking = "Article 9";</script></head>` +
    `<body><nav><a href="/">Home</a> <a href="/briefings/">Briefings</a></nav><main><h1>${title}</h1>${body}</main><footer>Share this page</footer></body></html>\n`;
}

describe.skipIf(!corpus)('the source pages saved from a browser (HTML) read as the curated texts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-pages-'));
  for (const c of CASES.filter((k) => k.raw.startsWith('us-'))) {
    it(path.basename(c.raw).replace(/\.orig\.md$/, '.html'), async () => {
      const markdown = fs.readFileSync(path.join(corpus!, c.raw), 'utf8');
      const file = path.join(dir, path.basename(c.raw).replace(/\.orig\.md$/, '.html'));
      fs.writeFileSync(file, asWebPage(markdown));
      const page = await loadDraftFile(file);
      expect(page.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // The page's <h1>, not its <title> with the site's name, nor the navigation or the script.
      expect(page.draft.meta.title).toBe(String(parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)![1]!).title).replace(/\s+/g, ' '));
      expect(JSON.stringify(page.draft)).not.toMatch(/Briefings|tracking|Share this page/);
      const curated = await loadDraftFile(path.join(corpus!, c.curated));
      const result = compareDrafts(curated.draft, page.draft);
      const { summary } = result;
      expect({ deleted: summary.deleted, split: summary.split, merged: summary.merged, moved: summary.moved, inserted: summary.inserted })
        .toEqual({ deleted: 0, split: 0, merged: 0, moved: 0, inserted: 0 });
      const substantive = result.changes
        .filter((change) => change.kind === 'edited' && change.words.some((w) => w.op !== 'equal' && !w.cosmetic))
        .map((change) => change.new[0]!.label || change.new[0]!.title);
      expect(substantive).toEqual(c.substantive);
    });
  }
});
