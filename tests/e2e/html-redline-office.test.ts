/**
 * The HTML redline as the other side may open it: in LibreOffice Writer (Debian's libreoffice-writer-nogui),
 * which reads the page's tables and marks but little of its style sheet. The page is printed to PDF by
 * LibreOffice itself and read back with pdftotext -layout (poppler-utils), which keeps columns where they stand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DOSSIER = join(ROOT, 'fixtures', 'rare-earths-mou');
const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const hasOffice = onPath('soffice') && onPath('pdftotext');
if (!hasOffice) console.warn('HTML redline LibreOffice tests skipped: soffice or pdftotext is missing (apt-get install libreoffice-writer-nogui poppler-utils)');

describe.skipIf(!hasOffice)('the HTML redline opened in LibreOffice', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-office-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The redline of the sample's v1 → v2 (or another version) as LibreOffice lays it out, as text. */
  function asLibreOfficeShowsIt(layout: string, to = 2): string {
    const html = join(dir, `${layout}-${to}.html`);
    const made = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.mjs'), 'diff', `${DOSSIER}@1`, `${DOSSIER}@${to}`, '--format', 'html', '--layout', layout, '-o', html], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    // A profile of its own, so that a LibreOffice the user has open (or another test run) does not take the job.
    const profile = pathToFileURL(join(dir, `profile-${layout}`)).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, html], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', join(dir, `${layout}-${to}.pdf`), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    return text.stdout;
  }

  it('side by side: the old and new texts stand in two columns headed by the drafts\' names', () => {
    const text = asLibreOfficeShowsIt('side-by-side');
    expect(text).toMatch(/^ *EU first proposal {2,}US counter-proposal *$/m);
    // The unchanged opening of Paragraph 1 once in each column: at the left margin and halfway across the page,
    // not one copy under the other (as a CSS grid came out). The two may stand a line apart.
    const columns = text.split('\n').flatMap((line) => [...line.matchAll(/1\. The purpose of this Memorandum/g)].map((m) => m.index));
    expect(columns.some((column) => column < 10), text).toBe(true);
    expect(columns.some((column) => column >= 30), text).toBe(true);
    // What happened, readable without the style sheet's badges and colours.
    expect(text).toMatch(/^ *Paragraph 1 — Purpose \(edited\) *$/m);
    expect(text).toMatch(/obligation: shall → will \(weaker\)/);
  }, 120_000);

  it('side by side: each paragraph level with the one it became, a recital put in opposite a blank', () => {
    const text = asLibreOfficeShowsIt('side-by-side', 5);
    const lines = text.split('\n');
    // v5 put a recital in before "Recalling …": it stands halfway across with nothing at the left margin, and
    // "Recalling" starts on one line in both columns (as two free-flowing columns, it stood a recital lower on
    // the right).
    const put = lines.find((line) => line.includes('Recognising the central role'));
    expect(put, text).toMatch(/^ {30,}Recognising the central role/);
    const recalling = lines.find((line) => line.includes('Recalling their shared'));
    expect(recalling, text).toMatch(/^ *Recalling their shared.* {2,}Recalling their shared/);
  }, 120_000);
});
