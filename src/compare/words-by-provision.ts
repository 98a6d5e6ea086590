/**
 * The word redline of an edited clause, provision by provision.
 *
 * A diff of the whole clause text is free to pair the end of one paragraph with the start of another. When a
 * paragraph is inserted that opens as the next one does, the shortest edit reads
 *
 *   2. The Parties shall {+establish a joint fund.
 *   3. The Parties shall +}share information …
 *
 * where a reader sees, and the provision alignment reports, "2 inserted; 2→3 unchanged". So when the provision
 * alignment paired the clause's lines in order, the redline follows it:
 * - a paired line is diffed on its own (words.ts); a changed item number is marked cosmetic (renumbering);
 * - provisions only inserted, or only deleted, between two pairs are each one change of their whole lines;
 * - provisions deleted and inserted between the same two pairs (a paragraph reworded past what the alignment
 *   pairs) are diffed together, so that they still read word by word;
 * - no change runs from one pair, or one such gap, into the next.
 * The ops keep diffWords's contract (equal + delete texts rebuild the old text, equal + insert the new; offsets
 * in order; within a change the deletion first); a whole inserted or deleted line is a change of its own, which
 * the next line's change may follow directly.
 *
 * It applies when a provision was inserted, deleted or moved, each provision's text opens a line of the clause
 * text (as blocksText writes paragraphs and list items; lines that are no provision of their own go with the
 * provision before them), and the pairs that kept their place stand in order; otherwise the caller diffs the
 * whole text. A moved provision is deleted where it stood and inserted where it stands; a split or merge is
 * diffed as its whole against its parts.
 */
import type { ProvisionLine } from '../model/provisions.js';
import type { ProvisionChange } from './provisions-align.js';
import { diffWords, type WordOp } from './words.js';

/**
 * The ops of diffWords(oldText, newText), line by line as `provisions` paired the lines, or null when the
 * provisions do not map one to one onto the lines of the texts, or did not all stay in order.
 * `oldLines` / `newLines`: the flattened provisions the ProvisionChanges index (flattenProvisions).
 */
export function diffByProvisions(
  oldText: string, newText: string,
  oldLines: readonly ProvisionLine[], newLines: readonly ProvisionLine[],
  provisions: readonly ProvisionChange[],
): WordOp[] | null {
  // With every provision paired to one in the same place, the lines pair one to one in order, and the diff of
  // the whole text (faster: it reads unchanged stretches natively) keeps its changes within them.
  if (!provisions.some((p) => p.kind === 'inserted' || p.kind === 'deleted' || p.moved)) return null;
  const oldSegments = segmentsOf(oldText, oldLines);
  const newSegments = segmentsOf(newText, newLines);
  if (!oldSegments || !newSegments) return null;
  const olds = oldSegments.texts, news = newSegments.texts;
  // The pairs that kept their place, in the new order (the order of `provisions`), as ranges of lines
  // [oldFrom, oldTo, newFrom, newTo]: a pair is one line a side, a split or merge its whole and its parts; and
  // whether each line is a moved provision's.
  const anchors: number[][] = [];
  const moved = { old: new Uint8Array(olds.length), new: new Uint8Array(news.length) };
  const groups = new Map<number, number[]>();
  for (const p of provisions) {
    if (p.kind === 'inserted' || p.kind === 'deleted') continue;
    const i = p.oldIndex!, j = p.newIndex!;
    if (p.moved) { moved.old[i] = 1; moved.new[j] = 1; continue; }
    const range = p.group !== undefined ? groups.get(p.group) : undefined;
    if (range) {
      // Another entry of a split or merge: its range grows to take in this part (or whole).
      range[0] = Math.min(range[0]!, i); range[1] = Math.max(range[1]!, i + 1);
      range[2] = Math.min(range[2]!, j); range[3] = Math.max(range[3]!, j + 1);
      continue;
    }
    const fresh = [i, i + 1, j, j + 1];
    if (p.group !== undefined) groups.set(p.group, fresh);
    anchors.push(fresh);
  }
  // In order on both sides, and apart (a line inside a split's range is read with the split).
  for (let a = 1; a < anchors.length; a++) {
    if (anchors[a]![0]! < anchors[a - 1]![1]! || anchors[a]![2]! < anchors[a - 1]![3]!) return null;
  }
  const out = new OpWriter();
  // Between two anchors (a gap): old lines deleted or moved away, new lines inserted or moved here.
  const gap = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    let anyMoved = false;
    for (let i = oldFrom; i < oldTo; i++) anyMoved ||= moved.old[i] === 1;
    for (let j = newFrom; j < newTo; j++) anyMoved ||= moved.new[j] === 1;
    if (oldFrom < oldTo && newFrom < newTo && !anyMoved) {
      // Paragraphs rewritten in place (deleted and inserted between the same two pairs): diffed as one text,
      // so that a reworded paragraph the alignment could not pair still reads word by word.
      out.pair(oldFrom > 0, newFrom > 0, olds.slice(oldFrom, oldTo).join('\n'), news.slice(newFrom, newTo).join('\n'), 0, 0);
      return;
    }
    // Only deleted or only inserted, or a moved provision among them (its words are compared where the
    // provision notes say it went, not with its new neighbours): each is one change of its whole text.
    for (let i = oldFrom; i < oldTo; i++) out.change('delete', (i > 0 ? '\n' : '') + olds[i]!, false);
    for (let j = newFrom; j < newTo; j++) out.change('insert', (j > 0 ? '\n' : '') + news[j]!, false);
  };
  let oldAt = 0, newAt = 0;
  for (const [oldFrom, oldTo, newFrom, newTo] of anchors as [number, number, number, number][]) {
    gap(oldAt, oldFrom, newAt, newFrom);
    if (oldTo - oldFrom === 1 && newTo - newFrom === 1) {
      out.pair(oldFrom > 0, newFrom > 0, olds[oldFrom]!, news[newFrom]!, oldSegments.own[oldFrom]!, newSegments.own[newFrom]!);
    } else {
      // A split or merge: the whole and its parts as one text each (a part's number is part of the text).
      out.pair(oldFrom > 0, newFrom > 0, olds.slice(oldFrom, oldTo).join('\n'), news.slice(newFrom, newTo).join('\n'), 0, 0);
    }
    oldAt = oldTo;
    newAt = newTo;
  }
  gap(oldAt, olds.length, newAt, news.length);
  return out.finish(oldText, newText);
}

/** A clause text cut at its provisions: segment k is provision k with the lines that follow it up to the next. */
interface Segments {
  texts: string[];
  /** Where the provision's own text starts in its segment: after its item number ("4. "), else 0. */
  own: number[];
}

/**
 * The clause text cut at the start of each provision's line, when each provision's text stands, in order, at the
 * start of a line or after the item number that blocksText writes before a list item ("4. "). The lines after a
 * provision that are no provision of their own (a second paragraph of a list item, a bullet inside it) stay in
 * its segment. Null when a provision's text is not found so (text before the first provision, a paragraph
 * whose words the provision reads otherwise).
 */
function segmentsOf(text: string, provisions: readonly ProvisionLine[]): Segments | null {
  const n = provisions.length;
  if (n === 0) return null;
  const starts: number[] = [];
  const own: number[] = [];
  let from = 0;
  for (let k = 0; k < n; k++) {
    const words = provisions[k]!.text;
    if (words === '') return null;
    const at = text.indexOf(words, from);
    if (at < 0) return null;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    // Its line must start after the previous provision's text (and the first provision open the text).
    if (k === 0 ? lineStart !== 0 : lineStart < from || lineStart === 0) return null;
    if (at !== lineStart && !isItemNumber(text, lineStart, at)) return null;
    starts.push(lineStart);
    own.push(at - lineStart);
    from = at + words.length;
  }
  const texts: string[] = [];
  for (let k = 0; k < n; k++) texts.push(text.slice(starts[k]!, k + 1 < n ? starts[k + 1]! - 1 : text.length));
  return { texts, own };
}

/** Whether text[from, end) is an item number as blocksText writes it: digits, ". ". */
function isItemNumber(text: string, from: number, end: number): boolean {
  if (end - from < 3 || text.charCodeAt(end - 1) !== 32 || text.charCodeAt(end - 2) !== 46) return false;
  for (let k = from; k < end - 2; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Writes ops in order, tracking both offsets. A change is buffered until the next equal text, so that
 * changes that meet (a line's last change, then a deleted line) become one deletion and one insertion.
 */
class OpWriter {
  private readonly ops: WordOp[] = [];
  private oldAt = 0;
  private newAt = 0;
  private deleted = '';
  private inserted = '';
  /** Whether every change in the buffer is cosmetic (a cosmetic change joined to a substantive one is not). */
  private cosmetic = true;

  /**
   * A paired line: its line break (when it has one on a side), then its words. `oldOwn` / `newOwn`: where the
   * provision's own text starts, after an item number ("4. "). The lines are one provision renumbered, so a
   * changed item number is marked cosmetic, a change a reader may hide: renumbering is not an edit.
   */
  pair(oldBreak: boolean, newBreak: boolean, oldLine: string, newLine: string, oldOwn: number, newOwn: number): void {
    if (oldBreak && newBreak) this.equal('\n');
    else if (oldBreak || newBreak) {
      // The first line on one side only: the lines before it on the other side went, and their last line
      // break with them, which ends that change (the number of this line is a change of its own).
      this.change(oldBreak ? 'delete' : 'insert', '\n', false);
      this.flush();
    }
    if (oldLine === newLine) {
      this.equal(oldLine);
      return;
    }
    if (oldOwn > 0 && newOwn > 0) {
      // Both "N. ": the number alone, then the provision's text.
      const oldNumber = oldLine.slice(0, oldOwn - 2), newNumber = newLine.slice(0, newOwn - 2);
      if (oldNumber === newNumber) this.equal(oldNumber);
      else {
        this.change('delete', oldNumber, true);
        this.change('insert', newNumber, true);
      }
      this.equal('. ');
      oldLine = oldLine.slice(oldOwn);
      newLine = newLine.slice(newOwn);
      if (oldLine === newLine) {
        this.equal(oldLine);
        return;
      }
    }
    for (const op of diffWords(oldLine, newLine)) {
      if (op.op === 'equal') this.equal(op.text);
      else this.change(op.op, op.text, op.cosmetic === true);
    }
  }

  change(op: 'delete' | 'insert', text: string, cosmetic: boolean): void {
    if (op === 'delete') this.deleted += text; else this.inserted += text;
    this.cosmetic &&= cosmetic;
  }

  equal(text: string): void {
    if (text === '') return;
    // A whole line inserted (or deleted) before another line: "a{+\nb+}\nc" reads as "a\n{+b\n+}c", the
    // inserted line standing on its own line in a redline.
    if (text.charCodeAt(0) === 10 && (this.deleted === '') !== (this.inserted === '')) {
      const side = this.deleted === '' ? 'inserted' : 'deleted';
      const buffered = this[side];
      if (buffered.charCodeAt(0) === 10) {
        this[side] = '';
        this.appendEqual('\n');
        this[side] = buffered.slice(1) + '\n';
        text = text.slice(1);
        if (text === '') { this.flush(); return; }
      }
    }
    this.flush();
    this.appendEqual(text);
  }

  private appendEqual(text: string): void {
    const last = this.ops[this.ops.length - 1];
    const oldEnd = this.oldAt + text.length, newEnd = this.newAt + text.length;
    if (last && last.op === 'equal') {
      last.text += text;
      last.oldEnd = oldEnd;
      last.newEnd = newEnd;
    } else {
      this.ops.push({ op: 'equal', text, oldStart: this.oldAt, oldEnd, newStart: this.newAt, newEnd });
    }
    this.oldAt = oldEnd;
    this.newAt = newEnd;
  }

  /** The buffered change as one delete and one insert; a line break both open is equal text before them. */
  private flush(): void {
    let deleted = this.deleted, inserted = this.inserted;
    if (deleted === '' && inserted === '') return;
    const cosmetic = this.cosmetic;
    this.deleted = this.inserted = '';
    this.cosmetic = true;
    if (deleted.charCodeAt(0) === 10 && inserted.charCodeAt(0) === 10) {
      this.equal('\n');
      deleted = deleted.slice(1);
      inserted = inserted.slice(1);
    }
    const oldAt = this.oldAt, newAt = this.newAt;
    if (deleted) this.ops.push({ op: 'delete', text: deleted, oldStart: oldAt, oldEnd: oldAt + deleted.length, newStart: newAt, newEnd: newAt, cosmetic });
    if (inserted) this.ops.push({ op: 'insert', text: inserted, oldStart: oldAt + deleted.length, oldEnd: oldAt + deleted.length, newStart: newAt, newEnd: newAt + inserted.length, cosmetic });
    this.oldAt += deleted.length;
    this.newAt += inserted.length;
  }

  finish(oldText: string, newText: string): WordOp[] | null {
    this.flush();
    // The ops must rebuild both texts; they do by construction, and a mismatch would be a defect here.
    return this.oldAt === oldText.length && this.newAt === newText.length ? this.ops : null;
  }
}
