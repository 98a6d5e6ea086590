/**
 * Unchanged text left out of a redline that shows only changes (`--changed-only`): a rate changed in a table of
 * three thousand rows printed three thousand lines for one change, and a word changed in a long article printed
 * the article. In the equal text of a clause's word ops, a run of whole unchanged lines longer than the context
 * kept on each side becomes one line that counts them: table rows ("… 143 unchanged rows …", two kept each side)
 * and paragraphs ("… 6 unchanged paragraphs …", one kept each side). A table's header and delimiter row stay, and
 * so does any line a caller keeps (one holding a stale reference, which the reader must find).
 */
import type { WordOpJson } from '../compare/contract.js';
import { isBodyRow, isPipeRow } from '../model/pipe-table.js';

/** Unchanged rows kept next to a change, on each side. */
export const ROW_CONTEXT = 2;
/** Unchanged paragraphs kept next to a change, on each side. */
export const PARAGRAPH_CONTEXT = 1;

/** The line that stands for `n` rows left out. */
export function elidedRowsLine(n: number): string {
  return `… ${n.toLocaleString('en-GB')} unchanged rows …`;
}

/** The line that stands for `n` paragraphs left out. */
export function elidedParagraphsLine(n: number): string {
  return `… ${n.toLocaleString('en-GB')} unchanged paragraph${n === 1 ? '' : 's'} …`;
}

export interface ElideOptions {
  /** Lines never left out (a line holding a stale reference). */
  keep?: (line: string) => boolean;
  /**
   * The ops are one part of a clause's redline (a split's or merge's, redline-parts.ts) whose changes may all
   * stand in other parts: a part without a change is cut all the same, under its heading.
   */
  partOfChange?: boolean;
}

/**
 * The ops with long runs of unchanged rows and paragraphs in their equal text cut to their context. Ops without
 * a change (an unchanged clause shown for a stale reference) are left whole: there is no change to give context;
 * but not a part of a changed clause without a change of its own (`partOfChange`).
 */
export function elideUnchanged(ops: readonly WordOpJson[], options: ElideOptions = {}): WordOpJson[] {
  if (!options.partOfChange && !ops.some((op) => op.op !== 'equal')) return [...ops];
  return ops.map((op, k) => (op.op === 'equal' ? { ...op, text: elideInText(op.text, k === 0, k === ops.length - 1, options.keep) } : op));
}

type Kind = 'row' | 'paragraph' | 'other';

/**
 * An equal text with its runs of rows and paragraphs cut. Only whole lines count: the first line of the text may
 * end a line a change began (unless the text opens the clause), and its last may begin one a change ends (unless
 * it closes the clause).
 */
function elideInText(text: string, opensClause: boolean, closesClause: boolean, keep?: (line: string) => boolean): string {
  const lines = text.split('\n');
  if (lines.length < 2 * PARAGRAPH_CONTEXT + 3 - (opensClause ? 1 : 0) - (closesClause ? 1 : 0)) return text;
  const first = opensClause ? 0 : 1, last = closesClause ? lines.length - 1 : lines.length - 2;
  const kind = (k: number): Kind => {
    if (k < first || k > last) return 'other';
    const line = lines[k]!;
    if (line.trim() === '' || keep?.(line)) return 'other';
    if (isBodyRow(line, lines[k + 1])) return 'row';
    return isPipeRow(line) ? 'other' : 'paragraph';
  };
  const out: string[] = [];
  let k = 0;
  while (k < lines.length) {
    const own = kind(k);
    if (own === 'other') {
      out.push(lines[k]!);
      k++;
      continue;
    }
    let end = k;
    while (end < lines.length && kind(end) === own) end++;
    const run = end - k;
    // Context on the sides where a change is: not before the clause's first line, nor after its last.
    const before = k === 0 && opensClause ? 0 : own === 'row' ? ROW_CONTEXT : PARAGRAPH_CONTEXT;
    const after = end === lines.length && closesClause ? 0 : own === 'row' ? ROW_CONTEXT : PARAGRAPH_CONTEXT;
    // Rows keep their context even at a table's edge (the header above, or prose, is no change).
    const lead = own === 'row' ? ROW_CONTEXT : before, trail = own === 'row' ? ROW_CONTEXT : after;
    if (run > lead + trail + 1) {
      out.push(...lines.slice(k, k + lead), (own === 'row' ? elidedRowsLine : elidedParagraphsLine)(run - lead - trail), ...lines.slice(end - trail, end));
    } else out.push(...lines.slice(k, end));
    k = end;
  }
  return out.join('\n');
}
