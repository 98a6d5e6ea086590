/**
 * A table set out with spaces in plain text — a schedule as `pdftotext -layout` extracts it, or as typed in an
 * e-mail — read as rows of cells:
 *
 *   HS code      Description                    Rate
 *   2805.30      Rare earth metals              5%
 *   2846.10      Cerium compounds               3%
 *
 * Joined as wrapped text, its rows ran into one line ("HS code Description Rate 2805.30 Rare earth metals 5% …"),
 * and the comparison read a row added as the rate above it changed. Read as a table, it becomes a pipe table
 * (model/pipe-table.ts), which the comparison reads row by row.
 *
 * The rule, strict so that prose is never taken for a table: at least three lines in a row (a header and two
 * rows), each cut by runs of two or more spaces (or tabs) into the same number of cells, two or more; between
 * every two neighbouring columns a gutter of spaces that runs through every line (the columns may be aligned
 * left or right); no line opening with a provision's label ("(a)   text" is a point, not a row); and a figure in
 * at least half of the lines below the first (a schedule has rates, codes or dates: a signature block set in two
 * columns has none). Below the header and a row, a line of fewer cells is a row with empty cells where its first
 * cell stands in the first column and each lies within one column (partialRow); with the first column empty,
 * each starting where a column does, it is a cell's text wrapped within its column, and continues the row above.
 * Right below the header, such a line continues the header (headerContinued): "Base Rate" over "(%)". A line
 * with the first column empty that sets a figure under a figure is a row of its own ("- scandium   3%"). A line
 * of more cells, each within a column, is a row with a double space inside a cell (mergedCells).
 */
import { LABEL_ONLY } from './heading-recognition.js';
import { joinWrapped, type Vocabulary } from './unwrap.js';

/** A bullet: one character that is neither a letter nor a digit (•, ▪, -, *, a private-use glyph), or "o". */
const BULLET = /^(?:[^\p{L}\p{N}]|o)$/u;

/** A cell of a line: where it starts and ends (UTF-16 offsets in the line), and its text. */
interface Cell {
  start: number;
  end: number;
  text: string;
}

/** A run of text with single spaces inside: a cell (a tab, written as NUL by expandTabs, always ends one). */
const CELL = /[^\s\0]+(?: [^\s\0]+)*/g;

/**
 * A line with its tabs expanded to the next stop of eight columns, as a terminal or a text editor shows it; each
 * tab's first column is NUL, so that a tab parts two cells even where it is one column wide.
 */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? '\0' + ' '.repeat(7 - (out.length % 8)) : c;
  return out;
}

/** The cells of one line: text runs separated by two or more spaces, or by a tab. */
function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  for (const m of expandTabs(line).matchAll(CELL)) cells.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return cells;
}

/**
 * The table that starts at line `from`, as rows of cell texts (the first row its header), and the index of the
 * line after it; null where no table starts there. `vocabulary` (the document's words) tells whether a cell's word
 * broken at a hyphen keeps it (unwrap.ts).
 */
export function layoutTableAt(lines: readonly string[], from: number, vocabulary?: Vocabulary): { rows: string[][]; end: number } | null {
  const first = cellsOf(lines[from] ?? '');
  if (first.length < 2) return null;
  const table: Cell[][] = [first];
  // Each row's cell texts, with the lines that continue a cell (wrapped in its column) added.
  const texts: string[][] = [first.map((c) => c.text)];
  let end = from + 1;
  for (; end < lines.length; end++) {
    const cells = cellsOf(lines[end]!);
    if (cells.length === first.length) {
      table.push(cells);
      texts.push(cells.map((c) => c.text));
      continue;
    }
    if (cells.length === 0) break;
    // More cells than columns: a cell with a double space inside ("Rare earth  metals", as justified text is
    // extracted), each part within its column.
    const merged = cells.length > first.length ? mergedCells(cells, columnStarts(table)) : null;
    if (merged) {
      table.push(merged);
      texts.push(merged.map((c) => c.text));
      continue;
    }
    // Right below the header: the header's text wrapped in its columns ("Base Rate" over "(%)").
    if (table.length === 1) {
      const columns = headerContinued(cells, first);
      if (!columns) break;
      columns.forEach((k, n) => (texts[0]![k] = joinWrapped(texts[0]![k]!, cells[n]!.text, vocabulary)));
      continue;
    }
    // Below the header and a row: a row with empty cells, or cells' text wrapped in their columns.
    const starts = columnStarts(table);
    const partial = partialRow(cells, starts);
    if (partial) {
      texts.push(partial);
      continue;
    }
    const columns = continuedColumns(cells, starts);
    if (!columns) break;
    const row = texts[texts.length - 1]!;
    // A figure under a figure ("- scandium   3%" under "Rare earth metals   5%") is a row of its own, its first
    // cell empty (a subheading's line): a wrapped cell goes on with words, not with another rate.
    if (columns.some((k, n) => isFigure(cells[n]!.text) && isFigure(row[k]!))) {
      const own: string[] = new Array(first.length).fill('');
      columns.forEach((k, n) => (own[k] = cells[n]!.text));
      texts.push(own);
      continue;
    }
    columns.forEach((k, n) => (row[k] = joinWrapped(row[k]!, cells[n]!.text, vocabulary)));
  }
  if (table.length < 3) return null;
  // Points and bullets set apart from their text ("(a)   …", "•   …", a Symbol font's "\uf0b7   …") are a list.
  if (table.some((cells) => LABEL_ONLY.test(cells[0]!.text) || BULLET.test(cells[0]!.text))) return null;
  // A gutter between every two columns, through every line: no cell of a column reaches the next's start (two
  // spaces apart; lines set out with tabs, whose stops align the columns, one).
  const gutter = lines.slice(from, from + table.length).some((l) => l.includes('\t')) ? 1 : 2;
  for (let k = 1; k < first.length; k++) {
    const rightmostEnd = Math.max(...table.map((cells) => cells[k - 1]!.end));
    const leftmostStart = Math.min(...table.map((cells) => cells[k]!.start));
    if (rightmostEnd + gutter > leftmostStart) return null;
  }
  const withFigures = table.slice(1).filter((cells) => cells.some((c) => /\d/.test(c.text))).length;
  if (withFigures * 2 < table.length - 1) return null;
  return { rows: texts, end };
}

/**
 * A line of fewer cells that is a row with empty cells ("2846.90   Other compounds" with no rate yet), as its
 * texts column by column, or null: its first cell stands in the first column, and each cell starts within a
 * column (columnStarts) and ends before the next one's. A line of prose running across columns is none.
 */
function partialRow(cells: readonly Cell[], starts: readonly number[]): string[] | null {
  const width = starts.length;
  if (cells.length >= width) return null;
  const row: string[] = new Array(width).fill('');
  for (const cell of cells) {
    const k = columnOf(cell, starts);
    if (k < 0 || row[k] !== '') return null;
    row[k] = cell.text;
  }
  return row[0] !== '' ? row : null;
}

/**
 * The column a cell lies in: the one it starts in (a right-aligned figure starts a little inside its column), if
 * it ends before the next column starts; -1 otherwise.
 */
function columnOf(cell: Cell, starts: readonly number[]): number {
  let k = starts.length - 1;
  while (k >= 0 && cell.start < starts[k]! - 1) k--;
  return k < 0 || (k + 1 < starts.length && cell.end + 2 > starts[k + 1]!) ? -1 : k;
}

/**
 * For a line of fewer cells below a row, the columns its cells continue, or null: a cell's text wrapped within its
 * column ("Rare earth metals, whether" over "or not intermixed"), as pdftotext sets a long cell out. Each cell must
 * start where its column starts (within a column) and end before the next column, and the first column must be
 * empty: a line with a first cell is a row of its own, and one with cells out of line is no part of the table.
 */
function continuedColumns(cells: readonly Cell[], starts: readonly number[]): number[] | null {
  const width = starts.length;
  const columns: number[] = [];
  for (const cell of cells) {
    const k = starts.findIndex((start) => Math.abs(cell.start - start) <= 1);
    if (k <= 0 || columns.includes(k) || (k + 1 < width && cell.end + 2 > starts[k + 1]!)) return null;
    columns.push(k);
  }
  return columns;
}

/**
 * For a line of fewer cells right below the header, the header columns its cells continue, or null: each cell
 * starts or ends where a header cell does, and ends before the next one's start. A line with text in the first column
 * continues the header only where it holds no figure ("HS" over "code"): "2805.30  Rare earths" is a row.
 */
function headerContinued(cells: readonly Cell[], header: readonly Cell[]): number[] | null {
  if (cells.length >= header.length) return null;
  const columns: number[] = [];
  for (const cell of cells) {
    // Set under its title's start, or under its end (a right-aligned column of figures: "Base rate" over "(%)").
    const k = header.findIndex((h) => Math.abs(cell.start - h.start) <= 1 || Math.abs(cell.end - h.end) <= 1);
    if (k < 0 || columns.includes(k) || (k + 1 < header.length && cell.end + 2 > header[k + 1]!.start)) return null;
    columns.push(k);
  }
  if (columns.includes(0) && cells.some((c) => /\d/.test(c.text))) return null;
  return columns;
}

/**
 * A line of more cells than columns as one cell a column, or null: each column's cells joined, where every cell
 * lies within a column (columnOf) and every column has one.
 */
function mergedCells(cells: readonly Cell[], starts: readonly number[]): Cell[] | null {
  const width = starts.length;
  // Filled, not sparse: `every` below passes over holes.
  const out: (Cell | undefined)[] = new Array(width).fill(undefined);
  for (const cell of cells) {
    const k = columnOf(cell, starts);
    if (k < 0) return null;
    const before = out[k];
    out[k] = before ? { start: before.start, end: cell.end, text: `${before.text} ${cell.text}` } : cell;
  }
  return out.every((c) => c !== undefined) ? (out as Cell[]) : null;
}

/** Whether a cell is a figure: a number with its signs ("5%", "3.7", "USD 1,000", "free" is none). */
function isFigure(text: string): boolean {
  return /^[^\p{L}]*\d[^\p{L}]*$/u.test(text) || /^\p{Lu}{3}\s?[\d.,]+$/u.test(text);
}

/** Where each column starts: the leftmost start of its cells in the full rows. */
function columnStarts(table: readonly Cell[][]): number[] {
  return table[0]!.map((_, k) => Math.min(...table.map((row) => row[k]!.start)));
}
