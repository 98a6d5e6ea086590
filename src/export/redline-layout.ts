/**
 * The layout of a redline whose text holds a table (model/pipe-table.ts: a tariff schedule, a list of minerals):
 * the ops of the side(s) shown, cut into lines, and the lines that are a pipe table's rows cut into cells, so
 * that the HTML redline and the application's compare view can set the rows out as a table, each cell with its
 * own changes, and the other lines as lines.
 */
import type { WordOpJson } from '../compare/contract.js';
import { isDelimiterRow, isPipeRow } from '../model/pipe-table.js';

/** A run of one op's text (a line of it, or a cell's share): `offset` is where it starts in the new text. */
export interface RedlinePiece { op: WordOpJson; text: string; offset: number }

export type RedlineBlock =
  | { kind: 'lines'; lines: RedlinePiece[][] }
  | { kind: 'table'; rows: { header: boolean; cells: RedlinePiece[][] }[] };

/** Which ops are shown: both sides (inline), or one side of a side-by-side redline. */
export type RedlineSide = 'both' | 'old' | 'new';

/** Whether an op is shown on a side: a deletion is not on the new side, an insertion not on the old. */
export function isShownOn(op: WordOpJson, side: RedlineSide): boolean {
  return !((op.op === 'delete' && side === 'new') || (op.op === 'insert' && side === 'old'));
}

/**
 * The blocks of a redline with a table in it, or null when it has none (the ops are then shown as they are).
 * `offsets[k]`: where op k starts in the new text (stale-marks.ts newTextOffsets), for marks placed there.
 */
export function tableLayout(words: readonly WordOpJson[], side: RedlineSide, offsets: readonly number[] = []): RedlineBlock[] | null {
  // Most redlines hold no pipe at all.
  if (!words.some((w) => w.text.includes('|'))) return null;
  const lines: RedlinePiece[][] = [[]];
  words.forEach((op, k) => {
    if (!isShownOn(op, side)) return;
    let at = 0;
    op.text.split('\n').forEach((text, n) => {
      if (n > 0) lines.push([]);
      if (text) lines[lines.length - 1]!.push({ op, text, offset: (offsets[k] ?? 0) + at });
      at += text.length + 1;
    });
  });
  const blocks: RedlineBlock[] = [];
  let any = false;
  for (let i = 0; i < lines.length;) {
    const rows = tableAt(lines, i);
    if (rows > 0) {
      blocks.push({ kind: 'table', rows: tableRows(lines.slice(i, i + rows)) });
      any = true;
      i += rows;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'lines') last.lines.push(lines[i]!); else blocks.push({ kind: 'lines', lines: [lines[i]!] });
    i++;
  }
  return any ? blocks : null;
}

/** The text of a line as it reads on the side(s) shown. */
const lineText = (line: readonly RedlinePiece[]) => line.map((p) => p.text).join('');

/**
 * How many lines from `from` are the rows of a pipe table (0: none): a header row, a delimiter row, then rows
 * that open and close with a pipe. (Inline, a changed delimiter row is there twice, old and new.)
 */
function tableAt(lines: readonly RedlinePiece[][], from: number): number {
  if (from + 1 >= lines.length || !isPipeRow(lineText(lines[from]!)) || isDelimiterRow(lineText(lines[from]!))) return 0;
  let to = from + 1;
  while (to < lines.length && isDelimiterRow(lineText(lines[to]!))) to++;
  if (to === from + 1) return 0;
  while (to < lines.length && isPipeRow(lineText(lines[to]!))) to++;
  return to - from;
}

/** A table's rows and their cells; the rows above the delimiter row are its header, the delimiter row is no row. */
function tableRows(lines: readonly RedlinePiece[][]): { header: boolean; cells: RedlinePiece[][] }[] {
  let header = true;
  const rows: { header: boolean; cells: RedlinePiece[][] }[] = [];
  for (const line of lines) {
    if (isDelimiterRow(lineText(line))) {
      header = false;
      continue;
    }
    rows.push({ header, cells: cells(line) });
  }
  return rows;
}

/** A row's pieces cut at its cells' pipes (not at an escaped one), without the pipes at its two ends. */
function cells(row: readonly RedlinePiece[]): RedlinePiece[][] {
  const out: RedlinePiece[][] = [[]];
  for (const piece of row) {
    let from = 0;
    for (let i = 0; i <= piece.text.length; i++) {
      const end = i === piece.text.length;
      if (!end && !(piece.text[i] === '|' && piece.text[i - 1] !== '\\')) continue;
      if (i > from) out[out.length - 1]!.push({ op: piece.op, text: piece.text.slice(from, i), offset: piece.offset + from });
      if (!end) out.push([]);
      from = i + 1;
    }
  }
  // Before the first pipe and after the last: the row's margins, not cells. The spaces that pad a cell are
  // not its text.
  return out.slice(1, -1).map((cell) => {
    const trimmed = cell.map((piece) => ({ ...piece }));
    const first = trimmed[0], last = trimmed[trimmed.length - 1];
    if (first) {
      const text = first.text.trimStart();
      first.offset += first.text.length - text.length;
      first.text = text;
    }
    if (last) last.text = last.text.trimEnd();
    return trimmed.filter((piece) => piece.text !== '');
  });
}
