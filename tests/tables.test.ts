/**
 * Tables in drafts (a schedule of tariffs, a list of minerals): read from Markdown and web pages as pipe tables,
 * compared row by row, laid out as tables in the HTML redline.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { diffWords, type WordOp } from '../src/compare/words.js';
import { legalChangesWithMoves } from '../src/compare/legal.js';
import { movedRows } from '../src/compare/table-rows.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { textRedline } from '../src/export/text-redline.js';
import { parseDraft, serializeDraft } from '../src/format/markdown.js';
import { isPipeRow as isPipeRowLine, isPipeTable, pipeTableText, rowNameAt, splitRow } from '../src/model/pipe-table.js';
import { blocksText } from '../src/model/text.js';
import { importDraft } from '../src/format/import-text.js';
import { loadDraftFile, loadTrackedChanges } from '../src/node/read-draft-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-tables-'));
const write = (name: string, text: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const SCHEDULE = [
  '| HS code | Description | Rate |',
  '|---|---|---|',
  '| 2805.30 | Rare earth metals | 5% |',
  '| 2846.10 | Cerium compounds | 3% |',
];
const markdown = (rows: string[]) => [
  '# Agreement on Reciprocal Trade', '',
  '## Article 1 — Tariffs', '',
  '1. Each Party shall apply the tariff rates set out in the table below.', '',
  ...rows, '',
  '2. The rates shall apply from 1 January 2027.', '',
  '## Article 2 — Final provisions', '',
  'This Agreement shall enter into force on signature.', '',
].join('\n');

const html = (table: string) => [
  '<!DOCTYPE html><html><head><title>Agreement on Reciprocal Trade</title></head><body>',
  '<h1>Agreement on Reciprocal Trade</h1>',
  '<h2>Article 1 — Tariffs</h2>',
  '<p>1. Each Party shall apply the tariff rates set out in the table below.</p>',
  table,
  '<p>2. The rates shall apply from 1 January 2027.</p>',
  '</body></html>',
].join('\n');

/** Both texts rebuilt from the ops, and each op's offsets where its text stands. */
function expectRebuilds(ops: WordOp[], oldText: string, newText: string): void {
  expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(oldText);
  expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(newText);
  for (const o of ops) {
    expect(o.text).not.toBe('');
    if (o.op !== 'insert') expect(oldText.slice(o.oldStart, o.oldEnd)).toBe(o.text);
    if (o.op !== 'delete') expect(newText.slice(o.newStart, o.newEnd)).toBe(o.text);
  }
}

describe('pipe tables', () => {
  it('are told from text that merely holds pipes, and cut into cells', () => {
    expect(isPipeTable(SCHEDULE.join('\n'))).toBe(true);
    expect(isPipeTable('| a | b |\n| --- | :---: |')).toBe(true);
    expect(isPipeTable('a | b\n---')).toBe(false);
    expect(isPipeTable('| a | b |\n| --- |')).toBe(false);
    expect(isPipeTable('Option 1 | Option 2')).toBe(false);
    expect(splitRow('| 2846.10 | A \\| B |  3% |')).toEqual(['2846.10', 'A \\| B', '3%']);
    expect(pipeTableText([['Code', 'Name'], ['1', 'a|b'], ['2']])).toBe('| Code | Name |\n| --- | --- |\n| 1 | a\\|b |\n| 2 |  |');
  });
});

describe('the row a legal item stands in', () => {
  it('is named by its first filled cell; the header, the delimiter row, the naming cell and prose have none', () => {
    const text = 'Intro 5%\n| Code | Description | Rate |\n| --- | --- | --- |\n| 8112.92 | Unwrought gallium | 3% |\n|  | - scandium | 4% |\n' +
      `| ${'Other compounds of rare-earth metals, of yttrium or of scandium'} | 5% |\nAfter 6%`;
    const at = (w: string) => rowNameAt(text, text.indexOf(w));
    expect([at('3%'), at('gallium'), at('4%'), at('5% |')]).toEqual(['8112.92', '8112.92', '- scandium', 'Other compounds of rare-earth metals…']);
    expect([at('Rate'), at('---'), at('8112.92'), at('scandium'), at('Intro'), at('After')]).toEqual([null, null, null, null, null, null]);
  });
});

describe('a table in a Markdown draft', () => {
  it('keeps a line per row, and the draft saved in the Parley format reads back the same', async () => {
    const { draft } = await loadDraftFile(write('schedule.md', markdown(SCHEDULE)));
    const body = draft.clauses[0]!.body;
    expect(blocksText([body[1]!])).toBe(SCHEDULE.join('\n'));
    const text = serializeDraft(draft);
    expect(parseDraft(text).draft.clauses[0]!.body).toEqual(body);
  });

  it('whose row has more or fewer cells than its header is reported by check, with the row\'s line', () => {
    const text = ['---', 'title: T', '---', '', '## Article 1 — Tariffs', '', ...SCHEDULE.slice(0, 3), '| 2846.10 | Cerium compounds 3% |', ''].join('\n');
    const { diagnostics } = parseDraft(text, { file: 'draft.md' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['10:1 warning table-row-cells']);
    expect(diagnostics[0]!.message).toContain('2 cells and its header 3');
    expect(parseDraft(markdown(SCHEDULE).replace('# Agreement', '---\ntitle: T\n---\n\n# Agreement')).diagnostics).toEqual([]);
  });

  it('is compared row by row: an added row is inserted whole, an edited cell changes in its row', async () => {
    const added = [...SCHEDULE.slice(0, 3), '| 2846.10 | Compounds of cerium | 3% |', '| 2846.90 | Other rare earth compounds | 4% |'];
    const old = (await loadDraftFile(write('v1.md', markdown(SCHEDULE)))).draft;
    const now = (await loadDraftFile(write('v2.md', markdown(added)))).draft;
    const c = compareDrafts(old, now);
    const change = c.changes[0]!;
    expect(change.kind).toBe('edited');
    const changes = change.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text]);
    expect(changes).toEqual([
      ['delete', 'Cerium compounds'], ['insert', 'Compounds of cerium'],
      ['insert', '| 2846.90 | Other rare earth compounds | 4% |\n'],
    ]);
    // The rate of cerium compounds did not change: no figure reads 3% → 4%. The new row's HS code, its first
    // cell, names the row and is no figure.
    expect(change.legal.filter((l) => l.type === 'figure').map((l) => [l.old, l.new])).toEqual([[null, '4%']]);
    expect(textRedline(c)).toContain('{+| 2846.90 | Other rare earth compounds | 4% |+}');
  });

  it('marks a row put elsewhere as moved, word for word or under the same code, and reads in law only what changed in it', async () => {
    const rows = ['| 2805.30 | Rare earth metals | 5% |', '| 2846.10 | Cerium compounds | 3% |', '| 2846.90 | Yttrium oxide | 6% |'];
    const sorted = [rows[2]!, rows[0]!, rows[1]!];
    const old = (await loadDraftFile(write('m1.md', markdown([...SCHEDULE.slice(0, 2), ...rows])))).draft;
    const now = (await loadDraftFile(write('m2.md', markdown([...SCHEDULE.slice(0, 2), ...sorted])))).draft;
    const c = compareDrafts(old, now);
    const change = c.changes[0]!;
    expect(change.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'insert', text: `${rows[2]}\n`, moved: true },
      { op: 'delete', text: `${rows[2]}\n`, moved: true },
    ]);
    // A moved row that was the text's last line takes the line break before it along (no break struck alone).
    const last = diffWords([...SCHEDULE.slice(0, 2), ...rows].join('\n'), [...SCHEDULE.slice(0, 2), ...sorted].join('\n'));
    expect(last.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.moved])).toEqual([['insert', `${rows[2]}\n`, true], ['delete', `\n${rows[2]}`, true]]);
    // Without the move, 6% and 2846.90 read as taken out and added again.
    expect(change.legal).toEqual([]);
    expect(textRedline(c)).toMatch(/\{~\| 2846\.90 \| Yttrium oxide \| 6% \|~\}\n {2}\| 2805\.30 [^]*\n {2}\[~\| 2846\.90 \| Yttrium oxide \| 6% \|~\]/);
    // A row moved and changed on the way, the same HS code in its first cell, moved too, as a moved provision
    // is: the words it kept marked moved at both ends, the rate that changed a plain delete and insert; and the
    // rate read against the rate it had (6% → 7%), not as a rate taken out and another put in.
    const edited = (await loadDraftFile(write('m3.md', markdown([...SCHEDULE.slice(0, 2), rows[2]!.replace('6%', '7%'), rows[0]!, rows[1]!])))).draft;
    const e = compareDrafts(old, edited).changes[0]!;
    expect(e.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'insert', text: '| 2846.90 | Yttrium oxide | ', moved: true }, { op: 'insert', text: '7' }, { op: 'insert', text: '% |\n', moved: true },
      { op: 'delete', text: '| 2846.90 | Yttrium oxide | ', moved: true }, { op: 'delete', text: '6' }, { op: 'delete', text: '% |\n', moved: true },
    ]);
    expect(textRedline(compareDrafts(old, edited))).toContain('{~| 2846.90 | Yttrium oxide | ~}{+7+}{~% |~}');
    expect(e.legal.map((l) => [l.type, l.old, l.new])).toEqual([['figure', '6%', '7%']]);
    // The item names its row: which line of the schedule changed.
    expect(e.legal[0]!.row).toBe('2846.90');
    expect(textRedline(compareDrafts(old, edited))).toContain('figure: 6% → 7% (row 2846.90)');
    expect(htmlRedline(compareDrafts(old, edited), { layout: 'inline' })).toContain('<ins>7%</ins> <span class="row">(row 2846.90)</span>');
    // The last line of the text moved up and changed: the line break before it goes with it, and its rate
    // reads the same way.
    const lastOld = [...SCHEDULE.slice(0, 2), ...rows].join('\n'), lastNew = [...SCHEDULE.slice(0, 2), rows[0]!, rows[2]!.replace('6%', '0%'), rows[1]!].join('\n');
    const lastOps = diffWords(lastOld, lastNew);
    expectRebuilds(lastOps, lastOld, lastNew);
    expect(lastOps.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text, w.moved ?? false])).toEqual([
      ['insert', '| 2846.90 | Yttrium oxide | ', true], ['insert', '0', false], ['insert', '% |\n', true],
      ['delete', '\n| 2846.90 | Yttrium oxide | ', true], ['delete', '6', false], ['delete', '% |', true],
    ]);
    expect(legalChangesWithMoves(lastOld, lastNew, lastOps, movedRows(lastOps)).map((l) => [l.type, l.old, l.new])).toEqual([['figure', '6%', '0%']]);
    // In a clause whose provisions shifted (a paragraph put in before the table), whose redline follows the
    // provisions (words-by-provision.ts), the row is marked moved all the same.
    const shifted = (await loadDraftFile(write('m6.md', markdown([...SCHEDULE.slice(0, 2), rows[2]!.replace('6%', '7%'), rows[0]!, rows[1]!])
      .replace('in the table below.', 'in the table below.\n\n2. Each Party shall publish the rates.').replace('2. The rates shall apply', '3. The rates shall apply')))).draft;
    const s = compareDrafts(old, shifted).changes[0]!;
    expect(s.provisions.map((p) => p.kind)).toContain('inserted');
    expect(textRedline(compareDrafts(old, shifted))).toContain('{~| 2846.90 | Yttrium oxide | ~}{+7+}{~% |~}');
    expect(s.legal.filter((l) => l.type === 'figure').map((l) => [l.old, l.new])).toEqual([['6%', '7%']]);
    // A row with another code in its first cell is another row: taken out, and a new one put in.
    const recoded = (await loadDraftFile(write('m5.md', markdown([...SCHEDULE.slice(0, 2), rows[2]!.replace('2846.90', '2846.99').replace('6%', '7%'), rows[0]!, rows[1]!])))).draft;
    const r = compareDrafts(old, recoded).changes[0]!;
    expect(r.words.some((w) => w.moved)).toBe(false);
    expect(r.legal.map((l) => [l.type, l.old, l.new])).toContainEqual(['figure', null, '7%']);
  });
});

describe('the word diff of texts with table rows', () => {
  it('pairs rows by their first cell, and diffs words only inside a pair', () => {
    const oldText = 'The rates:\n| Code | Rate |\n|---|---|\n| A1 | five |\n| B2 | six |\n| C3 | seven |';
    const newText = 'The rates:\n| Code | Rate |\n|---|---|\n| B2 | eight |\n| Z9 | nine |\n| C3 | seven |';
    const ops = diffWords(oldText, newText);
    expectRebuilds(ops, oldText, newText);
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([
      ['delete', '| A1 | five |\n'], ['delete', 'six'], ['insert', 'eight'], ['insert', '| Z9 | nine |\n'],
    ]);
  });

  it('reads a schedule of thousands of rows row by row too: a rate changed, a row added, a row taken out', () => {
    const rows = Array.from({ length: 3000 }, (_, k) => `| ${2800 + Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')} | Product ${k} of the schedule | ${k % 7}% |`);
    const oldText = ['| HS code | Description | Rate |', '|---|---|---|', ...rows].join('\n');
    const changed = [...rows];
    changed[500] = changed[500]!.replace('| 3% |', '| 9% |');
    changed.splice(2500, 1);
    changed.splice(1200, 0, '| 9999.99 | A new product line | 2% |');
    const newText = ['| HS code | Description | Rate |', '|---|---|---|', ...changed].join('\n');
    const ops = diffWords(oldText, newText);
    expectRebuilds(ops, oldText, newText);
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([
      ['delete', '3'], ['insert', '9'], ['insert', '| 9999.99 | A new product line | 2% |\n'], ['delete', `${rows[2500]}\n`],
    ]);
  });

  it('leaves a long schedule\'s unchanged rows out of a redline of changes only, counting them', async () => {
    const rows = Array.from({ length: 300 }, (_, k) => `| ${2800 + Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')} | Product ${k} | ${k % 7}% |`);
    const changed = [...rows];
    changed[150] = changed[150]!.replace('| 3% |', '| 9% |');
    const old = (await loadDraftFile(write('long1.md', markdown([...SCHEDULE.slice(0, 2), ...rows])))).draft;
    const now = (await loadDraftFile(write('long2.md', markdown([...SCHEDULE.slice(0, 2), ...changed])))).draft;
    const c = compareDrafts(old, now);
    const lines = textRedline(c, { changedOnly: true }).split('\n');
    const at = lines.findIndex((l) => l.includes('{+9+}'));
    // The header and the first two rows, a count, two rows either side of the change, a count, the last two rows.
    expect(lines.slice(at - 5, at + 6).map((l) => l.trim())).toEqual([
      '| 2800.00 | Product 0 | 0% |', '| 2800.01 | Product 1 | 1% |', '… 146 unchanged rows …', rows[148], rows[149],
      '| 2801.50 | Product 150 | [-3-]{+9+}% |', rows[151], rows[152], '… 145 unchanged rows …', rows[298], rows[299],
    ]);
    expect(lines[at - 7]!.trim()).toBe('| HS code | Description | Rate |');
    expect(lines.length).toBeLessThan(40);
    // Without --changed-only, every row; the JSON always has every row.
    expect(textRedline(c).split('\n').length).toBeGreaterThan(300);
    expect(c.changes[0]!.words.map((w) => w.text).join('')).toContain(rows[200]);
  });

  it('rebuilds both texts, with right offsets, whatever rows are added, removed or edited', () => {
    const cell = fc.constantFrom('5%', '3%', 'Cerium', 'rare earth metals', 'Neodymium oxide', '2805.30', 'nil', '');
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`);
    const prose = fc.constantFrom('The rates apply.', 'Each Party shall apply them.', '');
    const text = fc.array(fc.oneof(row, row, prose), { minLength: 1, maxLength: 8 }).map((lines) => ['| Code | Rate |', '|---|---|', ...lines].join('\n'));
    fc.assert(fc.property(text, text, (a, b) => expectRebuilds(diffWords(a, b), a, b)), { numRuns: 300 });
  });

  it('gives the legal reading moved rows that are rows of each text, paired one to one, whatever rows moved or changed', () => {
    const key = fc.constantFrom('2805.30', '2846.10', '2846.90', 'Cerium', '');
    const rate = fc.constantFrom('5%', '3%', '0%', 'nil');
    const row = fc.tuple(key, fc.constantFrom('metals', 'compounds', 'oxide'), rate).map((cells) => `| ${cells.join(' | ')} |`);
    const text = fc.array(fc.oneof(row, row, row, fc.constant('The rates apply.')), { minLength: 1, maxLength: 8 })
      .map((lines) => ['| Code | Description | Rate |', '|---|---|---|', ...lines].join('\n'));
    fc.assert(fc.property(text, text, (a, b) => {
      const ops = diffWords(a, b);
      expectRebuilds(ops, a, b);
      const moves = movedRows(ops);
      for (const m of moves) {
        expect(m.old).toHaveLength(1);
        expect(m.new).toHaveLength(1);
        const before = a.slice(m.old[0]!.start, m.old[0]!.end), after = b.slice(m.new[0]!.start, m.new[0]!.end);
        // Whole lines of their texts, rows, and the same row or one under the same first cell.
        expect([a[m.old[0]!.start - 1] ?? '\n', a[m.old[0]!.end] ?? '\n', b[m.new[0]!.start - 1] ?? '\n', b[m.new[0]!.end] ?? '\n']).toEqual(['\n', '\n', '\n', '\n']);
        expect(before === after || splitRow(before)[0] === splitRow(after)[0]).toBe(true);
      }
      expect(new Set(moves.map((m) => m.old[0]!.start)).size).toBe(moves.length);
      expect(new Set(moves.map((m) => m.new[0]!.start)).size).toBe(moves.length);
      legalChangesWithMoves(a, b, ops, moves);
    }), { numRuns: 400 });
  });
});

describe('a table on a web page', () => {
  it('with a header row, or three columns and rows, is a pipe table; a signature block in columns is not', async () => {
    const withHeader = await loadDraftFile(write('th.html', html(
      '<table><thead><tr><th>HS code</th><th>Rate</th></tr></thead><tbody><tr><td>2805.30</td><td>5%<br><em>ad valorem</em></td></tr><tr><td>2846.10</td><td>*3% | 4%</td></tr></tbody></table>')));
    expect(blocksText(withHeader.draft.clauses[0]!.body)).toContain(
      '| HS code | Rate |\n| --- | --- |\n| 2805.30 | 5% ad valorem |\n| 2846.10 | *3% \\| 4% |');
    const threeColumns = await loadDraftFile(write('three.html', html(
      '<table><tr><td>Mineral</td><td>Share</td><td>Year</td></tr><tr><td>Lithium</td><td>40%</td><td>2030</td></tr><tr><td>Cobalt</td><td>25%</td><td>2030</td></tr></table>')));
    expect(blocksText(threeColumns.draft.clauses[0]!.body)).toContain('| Lithium | 40% | 2030 |');
    const spanned = await loadDraftFile(write('span.html', html(
      '<table><tr><th>Mineral</th><th colspan="2">Share by year</th><th>Note</th></tr><tr><td>Lithium</td><td>40%</td><td>2030</td><td>strategic</td></tr></table>')));
    expect(blocksText(spanned.draft.clauses[0]!.body)).toContain('| Mineral | Share by year | | Note |\n| --- | --- | --- | --- |\n| Lithium | 40% | 2030 | strategic |');
    const rowSpanned = await loadDraftFile(write('rowspan.html', html(
      '<table><tr><th>Mineral</th><th>Form</th><th>Rate</th></tr><tr><td rowspan="2">Cerium</td><td>Oxide</td><td>3%</td></tr><tr><td>Chloride</td><td>4%</td></tr></table>')));
    expect(blocksText(rowSpanned.draft.clauses[0]!.body)).toContain('| Cerium | Oxide | 3% |\n| | Chloride | 4% |');
    const signatures = await loadDraftFile(write('sign.html', html(
      '<table><tr><td>FOR THE UNITED STATES:</td><td>FOR EXAMPLE:</td></tr><tr><td>Jane Doe</td><td>John Roe</td></tr></table>')));
    expect(blocksText(signatures.draft.clauses[0]!.body)).not.toContain('|');
    const layout = await loadDraftFile(write('layout.html', html(
      '<table><tr><th>A</th><th>B</th></tr><tr><td><p>One.</p><p>Two.</p></td><td>x</td></tr></table>')));
    expect(blocksText(layout.draft.clauses[0]!.body)).not.toContain('|');
    // Two columns without a header: a schedule when every row but the first has a figure in the second.
    const schedule = await loadDraftFile(write('two.html', html(
      '<table><tr><td>Mineral</td><td>Rate</td></tr><tr><td>Cerium compounds</td><td>3%</td></tr><tr><td>Yttrium</td><td>0%</td></tr></table>')));
    expect(blocksText(schedule.draft.clauses[0]!.body)).toContain('| Mineral | Rate |\n| --- | --- |\n| Cerium compounds | 3% |\n| Yttrium | 0% |');
    const names = await loadDraftFile(write('two-names.html', html(
      '<table><tr><td>For the United States</td><td>For Example</td></tr><tr><td>Jane Doe</td><td>John Roe</td></tr><tr><td>Secretary</td><td>Minister</td></tr></table>')));
    expect(blocksText(names.draft.clauses[0]!.body)).not.toContain('|');
  });

  it('is laid out as a table in the HTML redline, each cell with its changes', async () => {
    const table = (rate: string) => `<table><tr><th>HS code</th><th>Rate</th></tr><tr><td>2805.30</td><td>${rate}</td></tr></table>`;
    const old = (await loadDraftFile(write('a.html', html(table('5%'))))).draft;
    const now = (await loadDraftFile(write('b.html', html(table('0%'))))).draft;
    for (const layout of ['inline', 'side-by-side'] as const) {
      const page = htmlRedline(compareDrafts(old, now), { layout });
      expect(page).toMatch(/<table class="pipe-table"[^>]*><tr><th>HS code<\/th><th>Rate<\/th><\/tr><tr><td>2805\.30<\/td><td>(?:<del>5<\/del>)?(?:<ins>0<\/ins>)?%<\/td><\/tr><\/table>/);
      expect(page).not.toContain('| HS code');
    }
  });
});

/** A Word document with an article holding a table, its articles in a Heading style or (headings false) typed. */
async function wordDraft(rows: string[][], options: { header: boolean; headings: boolean }): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const head = (text: string) => (options.headings ? new Paragraph({ text, heading: HeadingLevel.HEADING_2 }) : new Paragraph(text));
  const doc = new Document({ sections: [{ children: [
    head('Article 1 — Tariffs'),
    new Paragraph('1. Each Party shall apply the rates below.'),
    new Table({ rows: rows.map((cells, k) => new TableRow({ tableHeader: options.header && k === 0, children: cells.map(cell) })) }),
    new Paragraph('2. The rates shall apply from 1 January 2027.'),
    head('Article 2 — Final provisions'),
    new Paragraph('This Agreement shall enter into force on signature.'),
  ] }] });
  return Packer.toBuffer(doc);
}

describe('a table in a Word document', () => {
  for (const headings of [true, false]) {
    it(`with a header row is a pipe table, compared row by row (articles ${headings ? 'in a Heading style' : 'typed'})`, async () => {
      const rows = [['HS code', 'Rate'], ['2805.30', '5%'], ['2846.10', '3% *ad valorem* | x']];
      const old = await loadDraftFile(write(`w1-${headings}.docx`, await wordDraft(rows, { header: true, headings })));
      expect(old.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(blocksText(old.draft.clauses[0]!.body)).toContain('| HS code | Rate |\n| --- | --- |\n| 2805.30 | 5% |\n| 2846.10 | 3% *ad valorem* \\| x |');
      const added = [rows[0]!, ['2805.30', '0%'], rows[2]!, ['2846.90', '4%']];
      const now = await loadDraftFile(write(`w2-${headings}.docx`, await wordDraft(added, { header: true, headings })));
      const change = compareDrafts(old.draft, now.draft).changes[0]!;
      expect(change.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text])).toEqual([
        ['delete', '5'], ['insert', '0'], ['insert', '| 2846.90 | 4% |\n'],
      ]);
    });
  }

  it('keeps its columns in line where a cell spans two', async () => {
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ text: 'Article 1 — Minerals', heading: HeadingLevel.HEADING_2 }),
      new Table({ rows: [
        new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('Mineral')] }), new TableCell({ columnSpan: 2, children: [new Paragraph('Share by year')] }), new TableCell({ children: [new Paragraph('Note')] })] }),
        new TableRow({ children: ['Lithium', '40%', '2030', 'strategic'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
      ] }),
    ] }] });
    const { draft } = await loadDraftFile(write('span.docx', await Packer.toBuffer(doc)));
    expect(blocksText(draft.clauses[0]!.body)).toBe('| Mineral | Share by year | | Note |\n| --- | --- | --- | --- |\n| Lithium | 40% | 2030 | strategic |');
  });

  it('loses no row wrapped in a content control, and leaves out a row deleted by a tracked change', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const cell = (text: string, wrap = (t: string) => t) => `<w:tc><w:p>${wrap(`<w:r><w:t>${text}</w:t></w:r>`)}</w:p></w:tc>`;
    const row = (cells: string[], trPr = '', wrap?: (t: string) => string) => `<w:tr>${trPr}${cells.map((c) => cell(c, wrap)).join('')}</w:tr>`;
    const deleted = (t: string) => `<w:del w:id="1" w:author="EX">${t.replace('<w:t>', '<w:delText>').replace('</w:t>', '</w:delText>')}</w:del>`;
    const header = row(['HS code', 'Rate'], '<w:trPr><w:tblHeader/></w:trPr>');
    const document = (table: string) => zipSync({ 'word/document.xml': new TextEncoder().encode(
      `<w:document ${W}><w:body><w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Article 1 — Tariffs</w:t></w:r></w:p><w:tbl>${table}</w:tbl></w:body></w:document>`) });
    const wrapped = await loadDraftFile(write('sdt.docx', document(`${header}${row(['2805.30', '5%'])}<w:sdt><w:sdtContent>${row(['2846.10', '3%'])}</w:sdtContent></w:sdt>`)));
    expect(blocksText(wrapped.draft.clauses[0]!.body)).toMatch(/2805\.30[\s\S]*2846\.10/);
    const file = write('tracked.docx', document(`${header}${row(['2805.30', '5%'])}${row(['2846.10', '3%'], '<w:trPr><w:del w:id="2" w:author="EX"/></w:trPr>', deleted)}`));
    const { before, after } = await loadTrackedChanges(file);
    expect(blocksText(after.clauses[0]!.body)).toBe('| HS code | Rate |\n| --- | --- |\n| 2805.30 | 5% |');
    expect(blocksText(before.clauses[0]!.body)).toContain('| 2846.10 | 3% |');
  });

  it('of two columns without a header row (a signature block) is read cell by cell', async () => {
    const { draft } = await loadDraftFile(write('sign.docx', await wordDraft([['FOR THE UNITED STATES:', 'FOR EXAMPLE:'], ['Jane Doe', 'John Roe']], { header: false, headings: true })));
    expect(blocksText(draft.clauses[0]!.body)).not.toContain('|');
    expect(blocksText(draft.clauses[0]!.body)).toContain('FOR EXAMPLE:\nJane Doe');
    // Longer, with a date line: still no schedule.
    const dated = await loadDraftFile(write('sign2.docx', await wordDraft([['FOR THE UNITED STATES:', 'FOR EXAMPLE:'], ['Jane Doe', 'John Roe'], ['Secretary of Commerce', 'Minister of Trade'], ['Date: 26 October 2025', 'Date: 26 October 2025']], { header: false, headings: true })));
    expect(blocksText(dated.draft.clauses[0]!.body)).not.toContain('|');
  });

  it('of two columns without a header row but with a figure in every row is a schedule, a pipe table', async () => {
    const rows = [['Mineral', 'Rate'], ['Cerium compounds', '3%'], ['Lanthanum oxide', '4%'], ['Yttrium', '0%']];
    const { draft } = await loadDraftFile(write('two.docx', await wordDraft(rows, { header: false, headings: true })));
    expect(blocksText(draft.clauses[0]!.body)).toContain('| Mineral | Rate |\n| --- | --- |\n| Cerium compounds | 3% |\n| Lanthanum oxide | 4% |\n| Yttrium | 0% |');
  });
});

describe('a table in a plain-text draft', () => {
  it('keeps its rows as lines, in one paragraph', async () => {
    const text = ['AGREEMENT', '', 'Article 1', '', '1. Each Party shall apply the rates below.', '', '| HS code | Rate |', '|---|---|', '|  2805.30 | 5% |', '', '2. The rates apply.', ''].join('\n');
    const { draft } = await loadDraftFile(write('plain.txt', text));
    const body = draft.clauses[0]!.body;
    expect(blocksText(body)).toContain('Each Party shall apply the rates below.\n| HS code | Rate |\n|---|---|\n| 2805.30 | 5% |\n');
  });

  const layoutDraft = (rows: string[]) => ['AGREEMENT', '', 'Article 1', '', '1. Each Party shall apply the following rates.', '', ...rows, '', '2. The rates apply from 1 January 2027.', ''].join('\n');
  const SPACED = [
    '   HS code      Description                    Rate',
    '   2805.30      Rare earth metals              5%',
    '   2846.10      Cerium compounds               3%',
  ];

  it('reads a table set out in columns with spaces (as pdftotext -layout gives one) as a pipe table, compared row by row', async () => {
    const old = (await loadDraftFile(write('layout1.txt', layoutDraft(SPACED)))).draft;
    expect(blocksText(old.clauses[0]!.body)).toBe([
      '1. Each Party shall apply the following rates.',
      '| HS code | Description | Rate |', '| --- | --- | --- |', '| 2805.30 | Rare earth metals | 5% |', '| 2846.10 | Cerium compounds | 3% |',
      '2. The rates apply from 1 January 2027.',
    ].join('\n'));
    // Right-aligned figures, and tabs, keep their columns too.
    const tabbed = (await loadDraftFile(write('layout-tabs.txt', layoutDraft(['Code\tRate', '2805.30\t  5%', '2846.10\t 10%'])))).draft;
    expect(blocksText(tabbed.clauses[0]!.body)).toContain('| Code | Rate |\n| --- | --- |\n| 2805.30 | 5% |\n| 2846.10 | 10% |');
    const added = (await loadDraftFile(write('layout2.txt', layoutDraft([...SPACED, '   2846.90      Other rare earth compounds     4%'])))).draft;
    const change = compareDrafts(old, added).changes[0]!;
    expect(change.words.filter((w) => w.op !== 'equal').map((w) => [w.op, w.text])).toEqual([['insert', '| 2846.90 | Other rare earth compounds | 4% |\n']]);
  });

  it('reads a cell wrapped within its column onto the next line as part of its row, and a row with an empty cell (the first too) as a row', async () => {
    const { draft } = await loadDraftFile(write('layout-wrapped.txt', layoutDraft([
      '   HS code      Description                    Rate',
      '   2805.30      Rare earth metals, whether     5%',
      '                or not intermixed',
      '   2846.10      Cerium compounds               3%',
      '   2846.90      Other rare earth compounds,    4%',
      '                inorganic or organic',
    ])));
    expect(blocksText(draft.clauses[0]!.body)).toContain([
      '| HS code | Description | Rate |', '| --- | --- | --- |', '| 2805.30 | Rare earth metals, whether or not intermixed | 5% |',
      '| 2846.10 | Cerium compounds | 3% |', '| 2846.90 | Other rare earth compounds, inorganic or organic | 4% |',
      '2. The rates apply',
    ].join('\n'));
    // A line with the first column empty that sets a figure under a figure is a row of its own (a subheading's
    // line), not more words of the row above.
    const { draft: sub } = await loadDraftFile(write('layout-sub.txt', layoutDraft([
      '   HS code      Description                    Rate',
      '   2805.30      Rare earth metals, whether     5%',
      '                or not intermixed',
      '                - scandium                     3%',
      '                - yttrium                      4%',
      '   2846.10      Cerium compounds               3%',
    ])));
    expect(blocksText(sub.clauses[0]!.body)).toContain([
      '| 2805.30 | Rare earth metals, whether or not intermixed | 5% |', '|  | - scandium | 3% |', '|  | - yttrium | 4% |', '| 2846.10 | Cerium compounds | 3% |',
    ].join('\n'));
    // A cell's word broken at its hyphen at the end of a line ("rare-" over "earth") joins without a space.
    const { draft: hyphen } = await loadDraftFile(write('layout-hyphen.txt', layoutDraft([
      '   HS code      Description                    Rate',
      '   2805.30      Other compounds of rare-       5%',
      '                earth metals',
      '   2846.10      Cerium compounds               3%',
    ])));
    expect(blocksText(hyphen.clauses[0]!.body)).toContain('| 2805.30 | Other compounds of rare-earth metals | 5% |');
    // A typesetter's hyphen ("concen-" over "trates") goes where the document writes the word whole elsewhere.
    const { draft: typeset } = await loadDraftFile(write('layout-typeset.txt', layoutDraft([
      '   HS code      Description                    Rate',
      '   2825.30      Ores of rare earth metals and  5%',
      '                their concen-',
      '                trates',
      '   2846.10      Cerium concentrates            3%',
    ])));
    expect(blocksText(typeset.clauses[0]!.body)).toContain('| 2825.30 | Ores of rare earth metals and their concentrates | 5% |');
    // A double space inside a cell (justified text, as extracted) leaves the cell whole: its parts lie in one column.
    const { draft: spaced } = await loadDraftFile(write('layout-double.txt', layoutDraft([
      '   HS code      Description                    Rate',
      '   2805.30      Rare earth  metals             5%',
      '   2846.90      Other  rare  earth compounds   4%',
    ])));
    expect(blocksText(spaced.clauses[0]!.body)).toContain('| 2805.30 | Rare earth metals | 5% |\n| 2846.90 | Other rare earth compounds | 4% |');
    // A row with an empty cell (no rate yet) stays a row, its cell empty.
    const { draft: gap } = await loadDraftFile(write('layout-empty.txt', layoutDraft([...SPACED, '   2846.90      Other rare earth compounds', '   2850.00      Hydrides                       6%'])));
    expect(blocksText(gap.clauses[0]!.body)).toContain('| 2846.10 | Cerium compounds | 3% |\n| 2846.90 | Other rare earth compounds |  |\n| 2850.00 | Hydrides | 6% |');
    // A line out of the columns' line ends the table: it is read as text.
    const { draft: after } = await loadDraftFile(write('layout-note.txt', layoutDraft([...SPACED, '   2846.90      Other compounds                4%', '         Note: rates are ad valorem.'])));
    expect(blocksText(after.clauses[0]!.body)).toContain('| 2846.90 | Other compounds | 4% |\nNote: rates are ad valorem.');
  });

  it('reads a header wrapped over two lines as the header, not its first row', async () => {
    const read = async (name: string, rows: string[]) => blocksText((await loadDraftFile(write(name, layoutDraft(rows)))).draft.clauses[0]!.body);
    // As pdftotext sets out a schedule whose column titles wrap: the second line continues them.
    expect(await read('header-wrapped.txt', [
      '   HS Code     Description                    Base Rate    Staging',
      '                                              (%)          Category',
      '   2805.30     Rare earth metals              5            A',
      '   2846.10     Cerium compounds               3.7          B',
    ])).toContain('| HS Code | Description | Base Rate (%) | Staging Category |\n| --- | --- | --- | --- |\n| 2805.30 | Rare earth metals | 5 | A |\n| 2846.10 |');
    // A right-aligned column's title wrapped under its end.
    expect(await read('header-right.txt', [
      '   HS Code     Description                    Base rate',
      '                                                    (%)',
      '   2805.30     Rare earth metals                      5',
      '   2846.10     Cerium compounds                     3.7',
    ])).toContain('| HS Code | Description | Base rate (%) |\n| --- | --- | --- |\n| 2805.30 | Rare earth metals | 5 |');
    // The first column's title wrapped too ("HS" over "code"): no figure in that line, so it is no row.
    expect(await read('header-first.txt', [
      '   HS          Description                    Rate',
      '   code                                       (%)',
      '   2805.30     Rare earth metals              5',
      '   2846.10     Cerium compounds               3.7',
    ])).toContain('| HS code | Description | Rate (%) |\n| --- | --- | --- |\n| 2805.30 | Rare earth metals | 5 |');
  });

  it('reads any text set out in columns without throwing, each table it finds square, and keeps every word', () => {
    // Lines cut into columns at fixed starts, some cells empty, wrapped, doubled-spaced or bulleted: the rules of
    // layout-table.ts (header continued, rows with empty cells, sub-rows, merged cells) all get a turn.
    const word = fc.constantFrom('Rare', 'earth', 'metals', '5%', '3.7', '2805.30', '(%)', 'Rate', '-', '•', '(a)', 'of', '2027');
    const cellText = fc.array(word, { minLength: 0, maxLength: 3 }).map((w) => w.join(fc.sample(fc.constantFrom(' ', '  '), 1)[0]!));
    const line = fc.tuple(fc.constantFrom(0, 3), cellText, cellText, cellText).map(([indent, a, b, c]) =>
      (' '.repeat(indent) + a.padEnd(14) + b.padEnd(30) + c).trimEnd());
    fc.assert(fc.property(fc.array(line, { minLength: 2, maxLength: 8 }), (lines) => {
      const { draft } = importDraft(layoutDraft(lines), { format: 'text' });
      // Every word somewhere: in a clause's heading or body (a line may read as a heading), at any depth.
      const parts: string[] = [blocksText(draft.front)];
      // Each block on its own: two tables one after the other are two blocks, each square.
      const blocks: string[] = draft.front.map((b) => blocksText([b]));
      const walk = (clauses: typeof draft.clauses): void => {
        for (const c of clauses) { parts.push(c.label, c.title, blocksText(c.body)); blocks.push(...c.body.map((b) => blocksText([b]))); walk(c.children); }
      };
      walk(draft.clauses);
      const text = parts.join('\n');
      const words = (t: string) => t.replace(/[|\\]/g, ' ').split(/\s+/).filter((w) => w && !/^-+$/.test(w));
      for (const w of lines.flatMap(words)) expect(text).toContain(w);
      for (const block of blocks) {
        const rows = block.split('\n').filter(isPipeRowLine);
        if (rows.length > 1) expect(new Set(rows.map((r) => splitRow(r).length)).size).toBe(1);
      }
    }), {
      numRuns: 500,
      // Two tables one after the other, of two and three columns (a run of a fresh clone found it).
      examples: [[["Rare          Rare", "Rare          Rare", "Rare                                        3.7", "", "Rare          Rare                          Rare", "Rare          Rare                          Rare", "Rare          Rare                          2805.30"]]],
    });
  });

  it('takes no prose, list of points or signature block set out with spaces for a table', async () => {
    const read = async (name: string, rows: string[]) => blocksText((await loadDraftFile(write(name, layoutDraft(rows)))).draft.clauses[0]!.body);
    // Points with their labels set apart.
    expect(await read('points.txt', ['   (a)   rare earth metals of 2025;', '   (b)   cerium compounds of 2026;', '   (c)   yttrium of 2027.'])).not.toContain('|');
    // Bullets set apart from their text, each wrapped onto a line under it (the Geneva text's Symbol-font bullets).
    for (const bullet of ['\uf0b7', '•', '-']) {
      expect(await read('bullets.txt', [
        `   ${bullet}   Consistent with net zero emissions by 2050, or full decarbonization by`,
        '       2050 and/or negative emissions by 2100;',
        `   ${bullet}   Consistent with a global reduction of at least 50 per cent by 2050`,
        '       compared with the levels in 1990;',
        `   ${bullet}   Consistent with emissions peaking in 2015.`,
      ])).not.toContain('|');
    }
    // A signature block in two columns: no figures.
    expect(await read('sign.txt', ['FOR THE UNITED STATES:        FOR EXAMPLE:', 'Jane Doe                      John Roe', 'Secretary of Commerce         Minister of Trade'])).not.toContain('|');
    // Justified prose whose double spaces fall in no common gutter.
    expect(await read('prose.txt', ['The Parties  shall apply the rates of 2025 to all goods', 'imported from  the territory of the other Party in 2026', 'and thereafter  until the end of 2030.'])).not.toContain('|');
  });
});
