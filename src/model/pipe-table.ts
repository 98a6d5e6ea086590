/**
 * Tables in a draft's text: a paragraph whose lines are the rows of a pipe table, as Markdown (GFM) writes one.
 *
 *   | HS code | Description       | Rate |
 *   |---------|-------------------|------|
 *   | 2805.30 | Rare earth metals | 5%   |
 *
 * The draft model has no table of its own: a schedule of tariffs or a list of minerals in an annex is a
 * paragraph with a line per row, which the Parley format writes and reads as it stands (DESIGN.md: GFM is not
 * enabled). The importers keep the tables they find this way (a Markdown or plain-text draft's, a web page's, a
 * Word document's); the comparison diffs the rows as lines (compare/table-rows.ts); the HTML redline and the
 * application's compare view lay such a paragraph out as a table again (export/redline-layout.ts).
 */

/** The delimiter row under the header: a pipe and cells of dashes, each maybe aligned by colons. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Whether a line is a pipe table's delimiter row ("|---|:--:|"): it holds a pipe, and dashes in every cell. */
export function isDelimiterRow(line: string): boolean {
  return line.includes('|') && DELIMITER_ROW.test(line);
}

/** Whether a line reads as a table row: it opens and closes with a pipe. */
export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.length >= 2 && t.startsWith('|') && t.endsWith('|');
}

/**
 * Whether text (a paragraph's source) is a pipe table: a header row, a delimiter row with as many cells, and
 * rows after it, every line holding a pipe.
 */
export function isPipeTable(text: string): boolean {
  // Asked of every paragraph a Markdown reader meets: most hold no pipe, and need not be cut into lines.
  if (!text.includes('|')) return false;
  const lines = text.trim().split('\n');
  if (lines.length < 2 || !isDelimiterRow(lines[1]!) || !lines.every((l) => l.includes('|'))) return false;
  return splitRow(lines[0]!).length === splitRow(lines[1]!).length;
}

/**
 * The cells of a row, without the pipes at its ends; a pipe escaped with a backslash stays in its cell. Cells are
 * trimmed.
 */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  let cell = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && t[i + 1] === '|') { cell += '\\|'; i++; continue; }
    if (c === '|') { cells.push(cell.trim()); cell = ''; continue; }
    cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Rows of cell texts as a pipe table: the first row is the header. A cell's line breaks become spaces and its
 * pipes are escaped, so that every row stays one line with its cells.
 */
export function pipeTableText(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: readonly string[]) => {
    const full = [...cells];
    while (full.length < width) full.push('');
    return `| ${full.map((c) => c.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')).join(' | ')} |`;
  };
  return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}

/** Markdown's inline punctuation, which a cell's text keeps as text by a backslash. */
const INLINE_PUNCTUATION = /[\\`*_[\]<>&!~#]/g;

/**
 * Rows of cell texts as a pipe table written in Markdown for the loose Markdown importer to read (a web page's or
 * a Word document's table): the cells' punctuation escaped, so that "*" stays text, and a pipe in a cell twice,
 * so that the text read back keeps it escaped, in its cell (splitRow).
 */
export function pipeTableMarkdown(rows: readonly (readonly string[])[]): string {
  return pipeTableText(rows.map((row) => row.map((cell) => cell.replace(INLINE_PUNCTUATION, '\\$&')))).replace(/\\\|/g, '\\\\\\|');
}

/** A cell longer than this is prose, not a schedule's entry. */
const SCHEDULE_CELL = 100;

/**
 * Whether a table of two columns, without a header row of its own, holds a schedule ("Cerium compounds | 3%"): at
 * least three rows, no cell longer than a line, and a figure in the second column of every row but the first
 * (which may head the columns). The importers read a table of three columns or more, or one with a header row, as
 * data anyway; two columns alone are as often a signature block ("For the Government of … | For the Government of
 * …", names, titles), which this tells apart by its figures: a signature block has a date line at most.
 */
export function isTwoColumnSchedule(rows: readonly (readonly string[])[]): boolean {
  if (rows.length < 3 || rows.some((row) => row.length !== 2 || row.some((cell) => cell.length > SCHEDULE_CELL))) return false;
  return rows.slice(1).every((row) => /\d/.test(row[1]!));
}

/** Whether a line is a row of a table's body: a pipe row that is neither a delimiter row nor the header above one (`next`). */
export function isBodyRow(line: string, next: string | undefined): boolean {
  return isPipeRow(line) && !isDelimiterRow(line) && !(next !== undefined && isDelimiterRow(next));
}

/** A row's name longer than this is cut, with an ellipsis: it says which row, not what the row says. */
const ROW_NAME = 40;

/**
 * The name of the table row that holds text[offset] — its first filled cell (an HS code, a mineral), cut to a few
 * words — or null where the offset is in no row of a pipe table, in its header or delimiter row, or in the cell
 * that names the row. Says which line of a schedule a change of rate is in.
 */
export function rowNameAt(text: string, offset: number): string | null {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const line = text.slice(start, end);
  const nextEnd = lineEnd < 0 ? -1 : text.indexOf('\n', lineEnd + 1);
  if (!isBodyRow(line, lineEnd < 0 ? undefined : text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd))) return null;
  const cells = splitRow(line);
  const k = cells.findIndex((c) => c !== '');
  if (k < 0) return null;
  // Within the naming cell itself (the row's first cells up to it): no row to name.
  const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
  if (offset - start < (pipes[k + 1] ?? line.length)) return null;
  const name = cells[k]!.replace(/\\\|/g, '|');
  if (name.length <= ROW_NAME) return name;
  // Cut at a word's end where there is one in the second half.
  const cut = name.slice(0, ROW_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > ROW_NAME / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
