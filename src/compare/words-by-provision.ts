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
 * - provisions only inserted, or only deleted, between two pairs are each one change of the whole line;
 * - provisions deleted and inserted between the same two pairs (a paragraph reworded past what the alignment
 *   pairs) are diffed together, so that they still read word by word;
 * - no change runs from one pair, or one such gap, into the next.
 * The ops keep diffWords's contract (equal + delete texts rebuild the old text, equal + insert the new; offsets
 * in order; within a change the deletion first); a whole inserted or deleted line is a change of its own, which
 * the next line's change may follow directly.
 *
 * It applies when a provision was inserted or deleted, each line of the clause text is one provision (as in most
 * clauses: paragraphs and list items of one paragraph each) and no provision moved, split or merged; otherwise
 * the caller diffs the whole text.
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
  if (!provisions.some((p) => p.kind === 'inserted' || p.kind === 'deleted')) return null;
  const olds = linesOf(oldText, oldLines);
  const news = linesOf(newText, newLines);
  if (!olds || !news) return null;
  const own = (lines: string[], texts: readonly ProvisionLine[], k: number) => lines[k]!.length - texts[k]!.text.length;
  const out = new OpWriter();
  // The provisions deleted and inserted since the last pair (a gap): lines nextOld - gapOld … nextOld - 1, and
  // likewise new.
  let nextOld = 0, nextNew = 0, gapOld = 0, gapNew = 0;
  const closeGap = () => {
    if (gapOld > 0 && gapNew > 0) {
      // Paragraphs rewritten in place (deleted and inserted between the same two pairs): diffed as one text,
      // so that a reworded paragraph the alignment could not pair still reads word by word.
      const i = nextOld - gapOld, j = nextNew - gapNew;
      out.pair(i > 0, j > 0, olds.slice(i, nextOld).join('\n'), news.slice(j, nextNew).join('\n'), 0, 0);
    } else {
      // Only deleted or only inserted: each is one change of its whole line.
      for (let i = nextOld - gapOld; i < nextOld; i++) out.change('delete', (i > 0 ? '\n' : '') + olds[i]!, false);
      for (let j = nextNew - gapNew; j < nextNew; j++) out.change('insert', (j > 0 ? '\n' : '') + news[j]!, false);
    }
    gapOld = gapNew = 0;
  };
  for (const p of provisions) {
    if (p.moved) return null;
    const i = p.oldIndex, j = p.newIndex;
    switch (p.kind) {
      case 'unchanged':
      case 'edited':
        // Every line once, in order: anything else is not a plain in-order pairing.
        if (i !== nextOld || j !== nextNew) return null;
        closeGap();
        out.pair(i > 0, j > 0, olds[i]!, news[j]!, own(olds, oldLines, i), own(news, newLines, j));
        nextOld++;
        nextNew++;
        break;
      case 'deleted':
        if (i !== nextOld) return null;
        nextOld++;
        gapOld++;
        break;
      case 'inserted':
        if (j !== nextNew) return null;
        nextNew++;
        gapNew++;
        break;
      default:
        return null; // split or merged
    }
  }
  if (nextOld !== olds.length || nextNew !== news.length) return null;
  closeGap();
  return out.finish(oldText, newText);
}

/**
 * The lines of a clause text, when line k is provision k: its text, after the item number that blocksText
 * writes before a list item ("4. "). Null otherwise (a paragraph with a line break, a list item of several
 * paragraphs, a quotation).
 */
function linesOf(text: string, provisions: readonly ProvisionLine[]): string[] | null {
  const lines = text.split('\n');
  if (lines.length !== provisions.length) return null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!, own = provisions[k]!.text;
    if (line === own) continue;
    if (!line.endsWith(own) || !isItemNumber(line, line.length - own.length)) return null;
  }
  return lines;
}

/** Whether line[0, end) is an item number as blocksText writes it: digits, ". ". */
function isItemNumber(line: string, end: number): boolean {
  if (end < 3 || line.charCodeAt(end - 1) !== 32 || line.charCodeAt(end - 2) !== 46) return false;
  for (let k = 0; k < end - 2; k++) {
    const c = line.charCodeAt(k);
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
