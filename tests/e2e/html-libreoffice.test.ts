/**
 * A web page as a word processor writes one: LibreOffice Writer saves a Word draft of the sample dossier as HTML
 * ("Save as web page"), with its numbered headings as lists holding a heading, its lettered points as
 * `<ol type="a">`, its styles and fonts. Parley reads the page back as the version it came from: every clause
 * unchanged (the headings' "Paragraph" is renumbering: LibreOffice's HTML keeps the number, not the word).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare.js';
import { loadDraftFile } from '../../src/node/read-draft-file.js';
import { SAMPLE_DOSSIER } from '../support/fixture-copy.js';
import { wordDraftOfVersion } from '../support/word-document.js';

const hasOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (!hasOffice) console.warn('HTML pages from LibreOffice skipped: soffice is missing (apt-get install libreoffice-writer-nogui)');

describe.skipIf(!hasOffice)('a draft saved as a web page by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lo-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back as the version it was made from, clause for clause and point for point', async () => {
    writeFileSync(join(dir, 'v2.docx'), await wordDraftOfVersion(SAMPLE_DOSSIER, 2));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'html', '--outdir', dir, join(dir, 'v2.docx')], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const page = await loadDraftFile(join(dir, 'v2.html'));
    expect(page.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const version = await loadDraftFile(join(SAMPLE_DOSSIER, 'versions', 'v2.md'));
    const result = compareDrafts(version.draft, page.draft);
    expect(result.summary.unchanged).toBe(version.draft.clauses.length);
    expect(result.changes.every((c) => c.kind === 'unchanged' && c.old.length === 1 && c.new.length === 1)).toBe(true);
    const trade = result.changes.find((c) => c.old[0]!.title === 'Supply chains and trade routes')!;
    expect(trade.new[0]).toMatchObject({ label: '2', title: 'Supply chains and trade routes' });
  }, 120_000);
});
