/**
 * A side-by-side redline set out in facing rows: each line (paragraph) of the old text stands opposite the line
 * of the new text it became, and a paragraph put in or struck out stands opposite nothing. Two columns that
 * simply flow drift apart at the first inserted paragraph, and a reader then compares the old paragraph 3 with
 * the new paragraph 4 beside it; a compare document, as lawyers know it from Word, keeps them level.
 *
 * Lines face each other when they share kept text (an equal run with more than spaces in it): such links run
 * in order on both sides, so the lines they join form consecutive groups — one old line and one new line
 * mostly, one and two where a paragraph was cut in two. Between two groups, the lines that share nothing (a
 * paragraph replaced outright, put in, struck out) are paired in order, the longer side's extra lines alone.
 */
import type { WordOpJson } from '../compare/contract.js';
import { newTextOffsets } from './stale-marks.js';
import { tableLayout, type RedlinePiece } from './redline-layout.js';

/** One row of a side-by-side redline: the old lines and the new lines that face each other (either may be empty). */
export interface FacingRow {
  old: RedlinePiece[][];
  new: RedlinePiece[][];
}

/**
 * The facing rows of a redline. The pieces keep their ops (a deleted piece stands only on the old side, an
 * inserted one only on the new, a kept one on both) and their offsets in the new text (for stale marks;
 * `newOffset`: where the words begin in it). Rows where neither side has any text (a blank line on both) are left out.
 */
export function facingRows(words: readonly WordOpJson[], newOffset = 0): FacingRow[] {
  const offsets = newTextOffsets(words, newOffset);
  const oldLines: RedlinePiece[][] = [[]];
  const newLines: RedlinePiece[][] = [[]];
  // Links as [old line, new line], in order on both sides (each op extends the lines of its sides at the end).
  const links: [number, number][] = [];
  words.forEach((op, k) => {
    let at = 0;
    op.text.split('\n').forEach((text, n) => {
      if (n > 0) {
        if (op.op !== 'insert') oldLines.push([]);
        if (op.op !== 'delete') newLines.push([]);
      }
      if (text) {
        const piece: RedlinePiece = { op, text, offset: (offsets[k] ?? 0) + at };
        if (op.op !== 'insert') oldLines[oldLines.length - 1]!.push(piece);
        if (op.op !== 'delete') newLines[newLines.length - 1]!.push(piece);
        if (op.op === 'equal' && text.trim() !== '') links.push([oldLines.length - 1, newLines.length - 1]);
      }
      at += text.length + 1;
    });
  });

  const rows: FacingRow[] = [];
  // Lines [oldFrom, oldTo) and [newFrom, newTo) that share nothing: paired in order.
  const unlinked = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    for (let k = 0; oldFrom + k < oldTo || newFrom + k < newTo; k++) {
      rows.push({ old: oldFrom + k < oldTo ? [oldLines[oldFrom + k]!] : [], new: newFrom + k < newTo ? [newLines[newFrom + k]!] : [] });
    }
  };
  let oldNext = 0, newNext = 0;
  for (let l = 0; l < links.length;) {
    // A group: links that share an old line or a new line with the one before.
    const [oldFirst, newFirst] = links[l]!;
    let [oldLast, newLast] = links[l]!;
    for (l++; l < links.length && (links[l]![0] === oldLast || links[l]![1] === newLast); l++) [oldLast, newLast] = links[l]!;
    unlinked(oldNext, oldFirst, newNext, newFirst);
    rows.push({ old: oldLines.slice(oldFirst, oldLast + 1), new: newLines.slice(newFirst, newLast + 1) });
    oldNext = oldLast + 1;
    newNext = newLast + 1;
  }
  unlinked(oldNext, oldLines.length, newNext, newLines.length);
  return rows.filter((row) => holdsText(row.old) || holdsText(row.new));
}

/** Whether a side of a row shows any text (else it is a blank opposite text put in or struck out). */
export function holdsText(lines: readonly RedlinePiece[][]): boolean {
  return lines.some((line) => line.some((piece) => piece.text.trim() !== ''));
}

/**
 * The rows of a side-by-side redline, or null where it holds a pipe table (a schedule): such a redline keeps two
 * free-flowing columns, each setting its tables out row by row of their own (redline-layout.ts).
 */
export function sideBySideRows(words: readonly WordOpJson[], newOffset = 0): FacingRow[] | null {
  return tableLayout(words, 'old') || tableLayout(words, 'new') ? null : facingRows(words, newOffset);
}
