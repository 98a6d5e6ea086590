/**
 * A schedule's unchanged rows left out of a redline that shows only changes: a rate changed in a table of three
 * thousand rows printed three thousand lines for one change. In the equal text of a clause's word ops, a run of
 * whole table rows longer than the context kept on each side becomes one line that counts them
 * ("… 143 unchanged rows …"); the rows next to a change, and the table's header and delimiter row, stay.
 */
import type { WordOpJson } from '../compare/contract.js';
import { isBodyRow } from '../model/pipe-table.js';

/** Unchanged rows kept next to a change, on each side. */
export const ROW_CONTEXT = 2;

/** The line that stands for `n` rows left out. */
export function elidedRowsLine(n: number): string {
  return `… ${n.toLocaleString('en-GB')} unchanged rows …`;
}

/** The ops with long runs of unchanged table rows in their equal text cut to ROW_CONTEXT rows each side. */
export function elideUnchangedRows(ops: readonly WordOpJson[], context = ROW_CONTEXT): WordOpJson[] {
  if (!ops.some((op) => op.op === 'equal' && op.text.includes('|'))) return [...ops];
  return ops.map((op) => (op.op === 'equal' ? { ...op, text: elideInText(op.text, context) } : op));
}

/**
 * An equal text with its runs of body rows cut. Only whole lines count: the first line of the text may end a
 * line a change began, and its last may begin one a change ends.
 */
function elideInText(text: string, context: number): string {
  const lines = text.split('\n');
  if (lines.length < 2 * context + 3) return text;
  const body = (k: number) => isBodyRow(lines[k]!, lines[k + 1]);
  const out: string[] = [];
  let k = 0;
  while (k < lines.length) {
    // Whole lines: not the first (unless the text starts a line: never known here) nor the last.
    if (k === 0 || k === lines.length - 1 || !body(k)) {
      out.push(lines[k]!);
      k++;
      continue;
    }
    let end = k;
    while (end < lines.length - 1 && body(end)) end++;
    const run = end - k;
    if (run > 2 * context + 1) {
      out.push(...lines.slice(k, k + context), elidedRowsLine(run - 2 * context), ...lines.slice(end - context, end));
    } else out.push(...lines.slice(k, end));
    k = end;
  }
  return out.join('\n');
}
