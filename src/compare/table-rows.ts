/**
 * The word diff of texts holding a table (a schedule of tariffs, a list of minerals: model/pipe-table.ts), row
 * by row.
 *
 * Read as one run of words, a table whose new version adds a row diffs across rows: "Cerium compounds | 3%" and
 * the new row "Other rare earth compounds | 4%" share the word "compounds", and the redline then reads as if
 * the cerium rate had become 4%. Here the lines are compared first — equal lines by a longest common
 * subsequence, then, between them, rows that name the same thing in their first cell (the HS code, the
 * mineral), then lines left in equal numbers in order — and words are diffed only inside paired lines. Lines
 * left over are deleted or inserted whole; where neither side of a stretch holds a table row, its lines are
 * diffed as running text.
 */
import { isPipeRow, splitRow } from '../model/pipe-table.js';
import type { WordOp } from './words.js';
import type { MovedText, TextSpan } from './words-by-provision.js';
import { diffSequences } from './myers.js';

type Diff = (oldText: string, newText: string) => WordOp[];

/** Whether a text has a line that reads as a table row, cheaply ruled out for text without a pipe. */
export function hasTableRows(text: string): boolean {
  if (!text.includes('|')) return false;
  return text.split('\n').some(isPipeRow);
}

/**
 * The diff of two texts that both hold table rows, line by line (see above). `diff` diffs two texts that are
 * not to be read by rows (a pair of lines, a stretch of prose).
 */
export function diffByRows(oldText: string, newText: string, diff: Diff): WordOp[] {
  const a = oldText.split('\n'), b = newText.split('\n');
  const out: WordOp[] = [];
  // Each line owns the line break after it (the last line has none).
  const sepA = (i: number) => (i < a.length - 1 ? '\n' : '');
  const sepB = (j: number) => (j < b.length - 1 ? '\n' : '');
  const separators = (i: number, j: number) => {
    const x = i >= 0 ? sepA(i) : '', y = j >= 0 ? sepB(j) : '';
    if (x && y) out.push({ op: 'equal', text: '\n' });
    else if (x) out.push({ op: 'delete', text: x });
    else if (y) out.push({ op: 'insert', text: y });
  };
  const pairLines = (i: number, j: number) => {
    out.push(...diff(a[i]!, b[j]!));
    separators(i, j);
  };
  // Rows deleted and inserted whole, by their text: one found on both sides moved (markMovedRows).
  const deletedRows: WordOp[] = [], insertedRows: WordOp[] = [];
  const deleteLine = (i: number) => {
    if (!(a[i]! + sepA(i))) return;
    const op: WordOp = { op: 'delete', text: a[i]! + sepA(i) };
    out.push(op);
    if (isPipeRow(a[i]!)) deletedRows.push(op);
  };
  const insertLine = (j: number) => {
    if (!(b[j]! + sepB(j))) return;
    const op: WordOp = { op: 'insert', text: b[j]! + sepB(j) };
    out.push(op);
    if (isPipeRow(b[j]!)) insertedRows.push(op);
  };

  /** A stretch of lines between equal ones: rows paired by their first cell, the rest in order or as text. */
  const gap = (i0: number, i1: number, j0: number, j1: number) => {
    let i = i0, j = j0;
    for (const [pi, pj] of keyedPairs(a, i0, i1, b, j0, j1)) {
      unkeyed(i, pi, j, pj);
      pairLines(pi, pj);
      i = pi + 1;
      j = pj + 1;
    }
    unkeyed(i, i1, j, j1);
  };
  const unkeyed = (i0: number, i1: number, j0: number, j1: number) => {
    if (i1 - i0 === j1 - j0) {
      for (let k = 0; k < i1 - i0; k++) pairLines(i0 + k, j0 + k);
      return;
    }
    const rows = a.slice(i0, i1).some(isPipeRow) || b.slice(j0, j1).some(isPipeRow);
    if (rows || i0 === i1 || j0 === j1) {
      for (let i = i0; i < i1; i++) deleteLine(i);
      for (let j = j0; j < j1; j++) insertLine(j);
      return;
    }
    // Prose on both sides, in different numbers of lines: diffed as running text.
    out.push(...diff(a.slice(i0, i1).join('\n'), b.slice(j0, j1).join('\n')));
    separators(i1 - 1, j1 - 1);
  };

  let i = 0, j = 0;
  for (const [ei, ej] of equalLines(a, b)) {
    gap(i, ei, j, ej);
    if (a[ei]) out.push({ op: 'equal', text: a[ei]! });
    separators(ei, ej);
    i = ei + 1;
    j = ej + 1;
  }
  gap(i, a.length, j, b.length);
  const pieces = markMovedRows(deletedRows, insertedRows, diff);
  return withOffsets(ordered(pieces.size === 0 ? out : out.flatMap((op) => pieces.get(op) ?? [op])));
}

/**
 * A row taken out in one place and put in in another (a schedule sorted anew) moved, as a provision moved within
 * its clause is (words.ts), rather than read as a row deleted and another added: the row the same word for word,
 * or naming the same thing in its first cell (the HS code) and changed on the way. Its ops are marked `moved`;
 * a row changed on the way is cut into pieces, the words it kept marked moved and those that changed plain
 * deletes (where it stood) and inserts (where it stands), as in a moved provision. Returns the pieces that
 * replace each such row's op.
 */
function markMovedRows(deleted: readonly WordOp[], inserted: readonly WordOp[], diff: Diff): Map<WordOp, WordOp[]> {
  const pieces = new Map<WordOp, WordOp[]>();
  pairMovedRows(deleted, inserted, rowText, rowText, (d, i) => {
    d.moved = true;
    i.moved = true;
    const before = rowText(d), after = rowText(i);
    if (before === after) return;
    const [away, here] = changedRowPieces(diff(before, after));
    pieces.set(d, withLineBreak(d, away));
    pieces.set(i, withLineBreak(i, here));
  });
  return pieces;
}

/**
 * A moved row's words as pieces where it stood (deletes) and where it stands (inserts), from the diff of its two
 * texts: equal words moved, changed ones plain. Spacing between two changes stays with the change before it
 * (marked moved alone it would read as an empty mark).
 */
function changedRowPieces(ops: readonly WordOp[]): [WordOp[], WordOp[]] {
  const away: WordOp[] = [], here: WordOp[] = [];
  for (const op of ops) {
    const moved = op.op === 'equal';
    const cosmetic = op.cosmetic === true;
    const between = moved && /^\s+$/.test(op.text);
    for (const [side, kind, skip] of [[away, 'delete', 'insert'], [here, 'insert', 'delete']] as const) {
      if (op.op === skip) continue;
      const last = side[side.length - 1];
      if (last && (between || (last.moved === moved && (moved || last.cosmetic === cosmetic)))) last.text += op.text;
      else side.push(moved ? { op: kind, text: op.text, moved: true } : { op: kind, text: op.text, cosmetic });
    }
  }
  return [away, here];
}

/** Pieces of a row given back the line break its op carried (before it or after it), moved with the row. */
function withLineBreak(op: WordOp, pieces: WordOp[]): WordOp[] {
  const first = pieces[0], last = pieces[pieces.length - 1];
  if (op.text.startsWith('\n')) {
    if (first?.moved) first.text = `\n${first.text}`; else pieces.unshift({ op: op.op, text: '\n', moved: true });
  }
  if (op.text.endsWith('\n')) {
    if (last?.moved) last.text += '\n'; else pieces.push({ op: op.op, text: '\n', moved: true });
  }
  return pieces;
}

/**
 * The moved rows of a redline (markMovedRows) as the legal reading takes moved text (legal.ts,
 * legalChangesWithMoves): where each stood and where it stands, so that the figures in a row that only moved
 * are not read as removed in one place and added in another, and those of a row moved and changed are read
 * against its own earlier figures. Each row is the line of its text that holds a moved op, paired as
 * markMovedRows paired them; rows inside the moved provisions `provisions` are read with them.
 */
export function movedRows(ops: readonly WordOp[], provisions: readonly MovedText[] = NO_MOVES): readonly MovedText[] {
  // Asked of every edited clause's redline: most move nothing, and need no texts rebuilt.
  if (!ops.some((op) => op.moved && op.op === 'delete')) return NO_MOVES;
  let oldText = '', newText = '';
  const oldMoved: number[] = [], newMoved: number[] = [];
  for (const op of ops) {
    // An offset inside the op's text that is not its line break: where its row is.
    const inside = op.text.charCodeAt(0) === 10 ? 1 : 0;
    if (op.moved && inside < op.text.length) (op.op === 'delete' ? oldMoved.push(oldText.length + inside) : newMoved.push(newText.length + inside));
    if (op.op !== 'insert') oldText += op.text;
    if (op.op !== 'delete') newText += op.text;
  }
  // A row of a moved provision (a table moved whole) is read with its provision.
  const within = (span: TextSpan, side: 'old' | 'new') => provisions.some((m) => m[side].some((s) => s.start <= span.start && span.end <= s.end));
  const rows = (text: string, offsets: readonly number[], side: 'old' | 'new') => {
    const spans: TextSpan[] = [];
    for (const at of offsets) {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      if (spans.length > 0 && spans[spans.length - 1]!.start === start) continue;
      const end = text.indexOf('\n', at);
      const span = { start, end: end < 0 ? text.length : end };
      if (isPipeRow(text.slice(span.start, span.end)) && !within(span, side)) spans.push(span);
    }
    return spans;
  };
  const out: MovedText[] = [];
  pairMovedRows(rows(oldText, oldMoved, 'old'), rows(newText, newMoved, 'new'), (s) => oldText.slice(s.start, s.end), (s) => newText.slice(s.start, s.end),
    (d, i) => out.push({ old: [d], new: [i] }));
  return out;
}

const NO_MOVES: readonly MovedText[] = [];

/** A row's op's text without the line break it carries (after it, or before a text's last line). */
function rowText(op: WordOp): string {
  return op.text.replace(/^\n|\n$/g, '');
}

/**
 * Deleted and inserted rows paired as moved, each at most once: first those of the same text, in order; then,
 * of the rest, those with the same first cell, where no other row left on either side has it. `textOfOld` and
 * `textOfNew` read a row's text on each side.
 */
function pairMovedRows<D, I>(deleted: readonly D[], inserted: readonly I[], textOfOld: (d: D) => string, textOfNew: (i: I) => string, pair: (deleted: D, inserted: I) => void): void {
  if (deleted.length === 0 || inserted.length === 0) return;
  const waiting = new Map<string, D[]>();
  for (const row of deleted) {
    const list = waiting.get(textOfOld(row));
    if (list) list.push(row); else waiting.set(textOfOld(row), [row]);
  }
  const paired = new Set<D>();
  const left: I[] = [];
  for (const row of inserted) {
    const match = waiting.get(textOfNew(row))?.shift();
    if (match !== undefined) {
      pair(match, row);
      paired.add(match);
    } else left.push(row);
  }
  if (left.length === 0 || paired.size === deleted.length) return;
  const oldByKey = byFirstCell(deleted.filter((row) => !paired.has(row)), textOfOld);
  for (const [key, row] of byFirstCell(left, textOfNew)) {
    const match = oldByKey.get(key);
    if (row !== null && match !== undefined && match !== null) pair(match, row);
  }
}

/**
 * Rows by what their first cell names (the HS code, the mineral; case aside): each key's row, or null where two
 * rows share it (a key names one row or none). Rows with an empty first cell name nothing.
 */
function byFirstCell<R>(rows: readonly R[], text: (row: R) => string): Map<string, R | null> {
  const keyed = new Map<string, R | null>();
  for (const row of rows) {
    const key = splitRow(text(row))[0]!.toLowerCase();
    if (key) keyed.set(key, keyed.has(key) ? null : row);
  }
  return keyed;
}

/**
 * The pairs of equal lines of a longest common subsequence, in order: Myers' difference over the lines as
 * numbers (equal lines, equal numbers), so that a schedule of thousands of rows costs time in proportion to its
 * rows and their changes, not to their product.
 */
function equalLines(a: readonly string[], b: readonly string[]): [number, number][] {
  const numbers = new Map<string, number>();
  const number = (line: string) => {
    let n = numbers.get(line);
    if (n === undefined) numbers.set(line, (n = numbers.size));
    return n;
  };
  const pairs: [number, number][] = [];
  for (const run of diffSequences(Int32Array.from(a, number), Int32Array.from(b, number))) {
    if (run.op !== 'equal') continue;
    for (let k = 0; k < run.aEnd - run.aStart; k++) pairs.push([run.aStart + k, run.bStart + k]);
  }
  return pairs;
}

/** Rows of a[i0, i1) and b[j0, j1) with the same first cell (none empty or shared by two rows of a side), in order. */
function keyedPairs(a: readonly string[], i0: number, i1: number, b: readonly string[], j0: number, j1: number): [number, number][] {
  const keys = (lines: readonly string[], from: number, to: number) => {
    const rows: number[] = [];
    for (let k = from; k < to; k++) if (isPipeRow(lines[k]!)) rows.push(k);
    return byFirstCell(rows, (k) => lines[k]!);
  };
  const inA = keys(a, i0, i1), inB = keys(b, j0, j1);
  const pairs: [number, number][] = [];
  let last = -1;
  for (const [key, i] of inA) {
    const j = inB.get(key);
    if (i === null || j === undefined || j === null || j <= last) continue;
    pairs.push([i, j]);
    last = j;
  }
  return pairs;
}

/**
 * The ops with each change's deletions before its insertions, and neighbours of one kind as one op (cosmetic
 * only if both were): a paired line's diff may end in an insertion that the next deleted row continues. Each
 * moved row stays an op of its own; the ops of one side of a change after the first are marked `continues`.
 */
function ordered(ops: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === 'equal') {
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += ops[k]!.text; else out.push({ op: 'equal', text: ops[k]!.text });
      k++;
      continue;
    }
    let end = k;
    while (end < ops.length && ops[end]!.op !== 'equal') end++;
    for (const kind of ['delete', 'insert'] as const) {
      const run = ops.slice(k, end).filter((o) => o.op === kind);
      const parts: WordOp[] = [];
      for (let r = 0; r < run.length;) {
        const moved = run[r]!.moved === true;
        let to = r + 1;
        // Each moved row an op of its own (movedRows pairs them by their text).
        if (!moved) while (to < run.length && run[to]!.moved !== true) to++;
        const part = run.slice(r, to);
        const op: WordOp = { op: kind, text: part.map((o) => o.text).join(''), cosmetic: part.every((o) => o.cosmetic === true) };
        const previous = parts[parts.length - 1];
        // The line break before a moved last row goes with it (the row is struck on its line, not after a
        // struck line break of its own).
        if (moved && previous && !previous.moved && previous.text === '\n') {
          previous.text += op.text;
          previous.moved = true;
          previous.cosmetic = false;
        } else {
          if (moved) op.moved = true;
          if (parts.length > 0) op.continues = true;
          parts.push(op);
        }
        r = to;
      }
      out.push(...parts);
    }
    k = end;
  }
  return out;
}

/** Each op's offsets in the two texts (words.ts: a deletion's point in the new text, an insertion's in the old). */
function withOffsets(ops: WordOp[]): WordOp[] {
  let o = 0, n = 0;
  for (const op of ops) {
    const length = op.text.length;
    op.oldStart = o;
    op.newStart = n;
    if (op.op !== 'insert') o += length;
    if (op.op !== 'delete') n += length;
    op.oldEnd = o;
    op.newEnd = n;
  }
  return ops;
}
