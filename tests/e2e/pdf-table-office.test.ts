/**
 * A tariff schedule that arrives as a PDF: a Word document with a table, printed to PDF by a real LibreOffice and
 * its text extracted with pdftotext -layout (poppler-utils), as the README tells a user to do. The plain-text
 * importer reads the columns set out with spaces as a pipe table (src/format/import/layout-table.ts), a long cell
 * wrapped within its column as one cell, and the comparison of two such extracts reads a row added as one
 * inserted row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare.js';
import { blocksText } from '../../src/model/text.js';
import { loadDraftFile } from '../../src/node/read-draft-file.js';

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const hasOffice = onPath('soffice') && onPath('pdftotext');
if (!hasOffice) console.warn('PDF table tests skipped: soffice or pdftotext is missing (apt-get install libreoffice-writer-nogui poppler-utils)');

const SCHEDULE = [['HS code', 'Description', 'Rate'], ['2805.30', 'Rare earth metals', '5%'], ['2846.10', 'Cerium compounds', '3%']];

describe.skipIf(!hasOffice)('a schedule extracted from a PDF', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-pdf-table-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A Word document with the rows as a table, printed to PDF by LibreOffice, its text as pdftotext -layout gives it. */
  async function extracted(name: string, rows: string[][]): Promise<string> {
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ text: 'Article 1 — Tariffs', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('1. Each Party shall apply the rates below.'),
      new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) })) }),
      new Paragraph('2. The rates shall apply from 1 January 2027.'),
    ] }] });
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, await Packer.toBuffer(doc));
    // A profile of its own, so that a LibreOffice the user has open (or another test run) does not take the job.
    const profile = pathToFileURL(join(dir, `profile-${name}`)).href;
    const office = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 100_000 });
    expect(office.status, office.stderr).toBe(0);
    const text = join(dir, `${name}.txt`);
    const pdf = spawnSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), text], { encoding: 'utf8' });
    expect(pdf.status, pdf.stderr).toBe(0);
    return text;
  }

  it('reads the table\'s columns as a pipe table, and a row added as one inserted row', async () => {
    const before = await extracted('before', SCHEDULE);
    // The extract sets the columns out with spaces: no pipe of its own.
    expect(readFileSync(before, 'utf8')).toMatch(/2805\.30 {2,}Rare earth metals {2,}5%/);
    const old = (await loadDraftFile(before)).draft;
    expect(blocksText(old.clauses[0]!.body)).toContain('| HS code | Description | Rate |\n| --- | --- | --- |\n| 2805.30 | Rare earth metals | 5% |\n| 2846.10 | Cerium compounds | 3% |');
    // A long description, which the PDF wraps within its column over several lines: one cell still.
    const long = 'Other compounds of rare-earth metals, of yttrium or of scandium or of mixtures of these metals, whether or not intermixed';
    const after = await extracted('after', [...SCHEDULE, ['2846.90', long, '4%']]);
    // (Where the column wraps depends on LibreOffice's version and fonts: 7.4 breaks it at "rare-", later ones
    // after "rare-earth".)
    expect(readFileSync(after, 'utf8')).toMatch(/2846\.90 {2,}Other compounds of rare-\S* {2,}4%\n {10,}\S/);
    const now = (await loadDraftFile(after)).draft;
    const change = compareDrafts(old, now).changes.find((c) => c.kind !== 'unchanged')!;
    expect(change.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text])).toEqual([['insert', `| 2846.90 | ${long} | 4% |\n`]]);
    // The cerium rate did not change.
    expect(change.legal.filter((l) => l.old === '3%')).toEqual([]);
  }, 120_000);
});
