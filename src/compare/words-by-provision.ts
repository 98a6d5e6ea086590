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
 * alignment paired the clause's provisions in order, the redline follows it:
 * - a provision paired with one is diffed on its own (words.ts); a changed item number or point label ("2." →
 *   "3.", "(a)" → "(b)") is renumbering, marked cosmetic;
 * - provisions only inserted, or only deleted, between two pairs are each one change of their whole text;
 * - provisions deleted and inserted between the same two pairs are diffed together when they share at least
 *   half their text (a paragraph reworded past what the alignment pairs), and struck and inserted whole when
 *   not (a diff would make the words unrelated paragraphs share, "shall", "the Parties", look kept);
 * - a moved provision is struck where it stood and inserted where it stands, its ops marked `moved` but for
 *   the words that changed on the way: those are diffed with its old text and read as plain deletions (where
 *   it stood) and insertions (where it stands), as Word marks an edit inside moved text (the provision note
 *   says where it went; `moves` collects both places, for the legal reading); a split or merge, in place or
 *   moved, is diffed as its whole against its parts (moved: cut back into lines, each line's pieces written
 *   with it);
 * - no change runs from one pair, or one gap, into the next, nor from one line's words into the next line (a
 *   change across a line end is cut after the line break, the second op marked `continues`).
 * The ops keep diffWords's contract (equal + delete texts rebuild the old text, equal + insert the new; offsets
 * in order; within a change the deletion first); a provision inserted or deleted whole is a change of its own,
 * which the next provision's change may follow with no equal text between (legal.ts reads them apart).
 *
 * It applies when a provision was inserted, deleted or moved, each provision's text opens a line of the clause
 * text (after its item number, as blocksText writes it; a list item of several paragraphs spans several lines),
 * and the pairs that kept their place stand in order. Otherwise — also for a provision without text of its own
 * (an empty list item) — the caller diffs the whole text. A split or merge whose parts stand apart, with other
 * provisions between them, is marked moved: its whole struck where it stood, its parts inserted where they stand
 * (in place, only when its parts cover nearly all of the whole: TRUSTED_APART; a weaker one is doubtful, and
 * the whole text is diffed).
 */
import type { Clause } from '../model/draft.js';
import { isPointLabel, leadingLabel, type ProvisionLine } from '../model/provisions.js';
import { alignProvisionLines, provisionsShifted, type ProvisionChange } from './provisions-align.js';
import { diffWords, type WordOp } from './words.js';

/**
 * The redline of one clause's text against another's, `oldText` and `newText` being their texts (clauseText,
 * brackets marked): provision-led where that applies, as compareDrafts reads an edited clause. For readers that
 * hold two versions of one clause without a comparison of the drafts (three-way, history).
 */
export function redlineClauses(oldClause: Pick<Clause, 'body'>, newClause: Pick<Clause, 'body'>, oldText: string, newText: string, moves?: MovedText[]): WordOp[] {
  if (oldText === newText) return diffWords(oldText, newText);
  // No comparison of the drafts measured their background here: that of real drafts (near 0, Matcher), so that
  // the provisions pair, and the redline reads, as parley diff reads them on such drafts.
  const p = alignProvisionLines([oldClause], [newClause], 0);
  return diffByProvisions(oldText, newText, p.oldLines, p.newLines, p.changes, moves) ?? diffWords(oldText, newText);
}

/** Provisions deleted and inserted in one place are diffed together when they share this much (see gap). */
const GAP_SHARED = 0.5;

/** The point label that opens a provision's text as written ("(a)", "iv)"), or ''. */
function pointLabelOpening(text: string): string {
  const label = leadingLabel(text);
  return label !== null && isPointLabel(label) && text.startsWith(label) ? label : '';
}

/**
 * The ops of a redline of oldText to newText, provision by provision as `provisions` paired them (see the
 * module comment), or null where that does not apply: no provision inserted, deleted or moved; a provision
 * whose text does not open a line; pairs out of order. `oldLines` / `newLines`: the flattened provisions the
 * ProvisionChanges index (flattenProvisions); `moves` receives where each moved provision stood and stands.
 */
export function diffByProvisions(
  oldText: string, newText: string,
  oldLines: readonly ProvisionLine[], newLines: readonly ProvisionLine[],
  provisions: readonly ProvisionChange[],
  moves?: MovedText[],
): WordOp[] | null {
  // With every provision paired to one in the same place, the lines pair one to one in order, and the diff of
  // the whole text (faster: it reads unchanged stretches natively) keeps its changes within them.
  if (!provisionsShifted(provisions)) return null;
  const oldSegments = segmentsOf(oldText, oldLines);
  const newSegments = segmentsOf(newText, newLines);
  if (!oldSegments || !newSegments) return null;
  const olds = oldSegments.texts, news = newSegments.texts;
  // The pairs that kept their place, in the new order (the order of `provisions`), as ranges of lines
  // [oldFrom, oldTo, newFrom, newTo]: a pair is one line a side, a split or merge its whole and its parts; and
  // whether each line is a moved provision's. The moved provisions are ranges alike. Each range keeps the lines
  // it holds, to tell a range of its own lines from one that takes in lines of other provisions (parts standing
  // apart, with another provision between them).
  const anchors: LineRange[] = [];
  const movedRanges: LineRange[] = [];
  const moved = { old: new Uint8Array(olds.length), new: new Uint8Array(news.length) };
  const groups = new Map<number, LineRange>();
  for (const p of provisions) {
    if (p.kind === 'inserted' || p.kind === 'deleted') continue;
    const i = p.oldIndex!, j = p.newIndex!;
    if (p.moved) { moved.old[i] = 1; moved.new[j] = 1; }
    const known = p.group !== undefined ? groups.get(p.group) : undefined;
    if (known) {
      // Another entry of a split or merge: this part (or whole) is one of its lines.
      known.old.add(i);
      known.new.add(j);
      continue;
    }
    const fresh: LineRange = { range: [i, i + 1, j, j + 1], old: new Set([i]), new: new Set([j]), similarity: p.similarity };
    if (p.group !== undefined) groups.set(p.group, fresh);
    (p.moved ? movedRanges : anchors).push(fresh);
  }
  // A split's or merge's range runs from its first line to its last, on each side.
  for (const r of groups.values()) r.range = [Math.min(...r.old), Math.max(...r.old) + 1, Math.min(...r.new), Math.max(...r.new) + 1];
  // A split or merge in place whose parts stand apart, with other provisions between them, cannot be read as one
  // range (the range would take in the provisions between). When its parts keep nearly all of its whole, it reads
  // as its whole moved to its parts (or its parts to the whole), as a moved one does — even where a part kept the
  // whole's place. A weaker one is doubtful, and the diff of the whole text reads past it: a Paris definitions
  // article had "CMA" split into "Conference of the Parties" and a closing sentence (coverage 0.59).
  for (let a = anchors.length - 1; a >= 0; a--) {
    const apart = anchors[a]!;
    if (ownLines(apart)) continue;
    if (apart.similarity < TRUSTED_APART) return null;
    anchors.splice(a, 1);
    movedRanges.push(apart);
    for (const i of apart.old) moved.old[i] = 1;
    for (const j of apart.new) moved.new[j] = 1;
  }
  // Otherwise the whole text is diffed: pairs out of order on either side, or not apart (a line inside a split's
  // range is read with the split).
  for (let a = 1; a < anchors.length; a++) {
    const { range } = anchors[a]!;
    if (range[0] < anchors[a - 1]!.range[1] || range[2] < anchors[a - 1]!.range[3]) return null;
  }
  // Each moved provision's text as pieces, line by line: where it stood (struck) and where it stands
  // (inserted). A split or merge is diffed as its whole against its parts, and the pieces cut where one line
  // ends and the next begins.
  const movedOld = new Map<number, Piece[]>();
  const movedNew = new Map<number, Piece[]>();
  const movedLines: { old: number[]; new: number[] }[] = [];
  for (const moving of movedRanges) {
    const oldLines = [...moving.old].sort((x, y) => x - y), newLines = [...moving.new].sort((x, y) => x - y);
    const [awayLines, hereLines] = movedPieces(
      oldLines.map((k) => olds[k]!), newLines.map((k) => news[k]!),
      oldLines.map((k) => oldSegments.own[k]!), newLines.map((k) => newSegments.own[k]!),
    );
    oldLines.forEach((k, q) => movedOld.set(k, awayLines[q]!));
    newLines.forEach((k, q) => movedNew.set(k, hereLines[q]!));
    movedLines.push({ old: oldLines, new: newLines });
  }
  const out = new OpWriter();
  const line = (op: 'delete' | 'insert', lines: string[], k: number, pieces: Piece[] | undefined) => {
    const lineBreak = k > 0 ? '\n' : '';
    if (pieces) out.movedLine(op, lineBreak, pieces);
    else out.wholeLine(op, lineBreak + lines[k]!);
  };
  // Between two anchors (a gap): old lines deleted or moved away, new lines inserted or moved here.
  const gap = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    let anyMoved = false;
    for (let i = oldFrom; i < oldTo; i++) anyMoved ||= moved.old[i] === 1;
    for (let j = newFrom; j < newTo; j++) anyMoved ||= moved.new[j] === 1;
    // Paragraphs deleted and inserted between the same two pairs, and still alike (a paragraph reworded past
    // what the alignment pairs): diffed as one text, so that they read word by word. Unrelated ones, or a
    // moved provision among them, are struck and inserted whole: a diff would make the words they happen to
    // share ("shall", "the Parties") look kept.
    if (oldFrom < oldTo && newFrom < newTo && !anyMoved &&
      out.pairIfAlike(oldFrom > 0, newFrom > 0, joined(olds, oldFrom, oldTo), joined(news, newFrom, newTo))) return;
    for (let i = oldFrom; i < oldTo; i++) line('delete', olds, i, movedOld.get(i));
    for (let j = newFrom; j < newTo; j++) line('insert', news, j, movedNew.get(j));
  };
  let oldAt = 0, newAt = 0;
  for (const { range: [oldFrom, oldTo, newFrom, newTo] } of anchors) {
    gap(oldAt, oldFrom, newAt, newFrom);
    if (oldTo - oldFrom === 1 && newTo - newFrom === 1) {
      out.pairLine(oldFrom > 0, newFrom > 0, olds[oldFrom]!, news[newFrom]!, oldSegments.own[oldFrom]!, newSegments.own[newFrom]!);
    } else {
      // A split or merge: the whole and its parts as one text each (a part's number is part of the text).
      out.pairText(oldFrom > 0, newFrom > 0, joined(olds, oldFrom, oldTo), joined(news, newFrom, newTo));
    }
    oldAt = oldTo;
    newAt = newTo;
  }
  gap(oldAt, olds.length, newAt, news.length);
  const ops = out.finish(oldText, newText);
  if (ops && moves) {
    for (const lines of movedLines) moves.push({ old: spansOf(oldSegments, lines.old), new: spansOf(newSegments, lines.new) });
  }
  return ops;
}

/** Lines of a clause's provisions paired (a pair, or a split or merge): [oldFrom, oldTo, newFrom, newTo], and
 * the lines on each side that belong to it. */
interface LineRange {
  range: [number, number, number, number];
  old: Set<number>;
  new: Set<number>;
  /** The provision alignment's similarity (for a split or merge: how much of the whole its parts cover). */
  similarity: number;
}

/** A split or merge in place whose parts stand apart reads as moved to its parts when they cover this much. */
const TRUSTED_APART = 0.8;

/** Whether a range holds only lines of its own provisions (no other provision's line stands inside it). */
function ownLines(r: LineRange): boolean {
  return r.old.size === r.range[1] - r.range[0] && r.new.size === r.range[3] - r.range[2];
}

/** Lines `from` to `to` of a clause's segments as one text, as they stand in it (one line break between). */
function joined(lines: readonly string[], from: number, to: number): string {
  return lines.slice(from, to).join('\n');
}

/**
 * The pieces of some lines read as one text (joined with line breaks), cut back into one list per line: the
 * line break between two lines is dropped, since each line is written after its own (OpWriter.movedLine).
 */
function piecesByLine(pieces: readonly Piece[], lines: readonly string[]): Piece[][] {
  const out: Piece[][] = [[]];
  // The current line, and where it ends in the joined text.
  let q = 0;
  let lineEnd = lines[0]!.length;
  let at = 0;
  for (const piece of pieces) {
    let text = piece.text;
    while (text !== '') {
      const last = q + 1 === lines.length;
      if (at === lineEnd && !last) {
        // The break between this line and the next (it is one: the lines were joined with it).
        text = text.slice(1);
        at++;
        q++;
        lineEnd = at + lines[q]!.length;
        out.push([]);
        continue;
      }
      const take = last ? text.length : Math.min(text.length, lineEnd - at);
      if (take > 0) out[out.length - 1]!.push({ ...piece, text: text.slice(0, take) });
      text = text.slice(take);
      at += take;
    }
  }
  while (out.length < lines.length) out.push([]);
  return out;
}

/** Where some lines of a clause text stand in it: one span per run of neighbouring lines. */
function spansOf(segments: Segments, which: readonly number[]): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const k of which) {
    const start = segments.starts[k]!, end = start + segments.texts[k]!.length;
    const last = spans[spans.length - 1];
    // The next line starts right after the previous one's line break.
    if (last && last.end + 1 === start) last.end = end;
    else spans.push({ start, end });
  }
  return spans;
}

/**
 * Where a moved provision stood in the old text and stands in the new one: struck and inserted in the redline
 * (its unchanged words marked moved), its words compared with each other for the legal reading (legal.ts
 * legalChangesWithMoves). A moved split or merge is one, from its whole to its parts (or the reverse), and so
 * is one in place whose parts stand apart (see diffByProvisions): its parts are then several spans of one side,
 * with other provisions between them, read in order as one text.
 */
export interface MovedText {
  /** Where it stood: spans of the old text, in order. */
  old: TextSpan[];
  /** Where it stands: spans of the new text, in order. */
  new: TextSpan[];
}

/** A stretch [start, end) of a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A clause text cut at its provisions: segment k is provision k, up to the line break before the next. */
interface Segments {
  texts: string[];
  /** Where each segment starts in the text. */
  starts: number[];
  /** Where the provision's own text starts in its segment: after its item number ("4. "), else 0. */
  own: number[];
}

/**
 * The clause text cut at the start of each provision's line, when each provision's text stands, in order, at the
 * start of a line or after the item number that blocksText writes before a list item ("4. "). Any line
 * between one provision's text and the next provision stays in the first one's segment. Null when a
 * provision's text is not found so (text before the first provision, a provision without text).
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
  return { texts, starts, own };
}

/** A piece of a change's text on one side: moved (unchanged at the other end of a move) or not. */
interface Piece {
  text: string;
  cosmetic: boolean;
  moved: boolean;
}

/**
 * A moved provision's text where it stood and where it stands, as pieces, one list per line (several for a
 * split's parts or a merge's; `oldOwn` / `newOwn`: where each line's own text starts, after its item number).
 * The item number or point label of its first line (which goes with its place) and the words it kept are moved;
 * the words that changed on the way are plain deletions (old side) and insertions (new side), from a diff of
 * its own text with its old text. The item numbers of further lines, which a split gives its new parts and a
 * merge takes from its old ones, are plain insertions and deletions, kept out of the diff: diffed, the "4." of
 * a part would take the full stop of the sentence before it.
 */
function movedPieces(oldLines: readonly string[], newLines: readonly string[], oldOwn: readonly number[], newOwn: readonly number[]): [Piece[][], Piece[][]] {
  // Item numbers ("3. " → "5. ") when both sides' first lines have one, then point labels ("(b)" → "(d)").
  const numbered = oldOwn[0]! > 0 && newOwn[0]! > 0;
  const opening = (lines: readonly string[], own: readonly number[]) => lines.map((line, q) => (numbered ? line.slice(0, own[q]!) : ''));
  const oldOpening = opening(oldLines, oldOwn), newOpening = opening(newLines, newOwn);
  const oldPoint = pointLabelOpening(oldLines[0]!.slice(oldOpening[0]!.length)), newPoint = pointLabelOpening(newLines[0]!.slice(newOpening[0]!.length));
  if (oldPoint && newPoint) { oldOpening[0] += oldPoint; newOpening[0] += newPoint; }
  const oldBodies = oldLines.map((line, q) => line.slice(oldOpening[q]!.length));
  const newBodies = newLines.map((line, q) => line.slice(newOpening[q]!.length));
  const away = new Side(), here = new Side();
  for (const op of diffWords(oldBodies.join('\n'), newBodies.join('\n'))) {
    // Spacing kept between two changed words (a substantive and a cosmetic change, which the cleanup keeps
    // apart) stays with the change before it: marked moved alone, it would read as an empty mark.
    const between = op.op === 'equal' && /^\s+$/.test(op.text);
    for (const [side, skip] of [[away, 'insert'], [here, 'delete']] as const) {
      if (op.op === skip) continue;
      const last = side.pieces[side.pieces.length - 1];
      if (between && last && !last.moved) last.text += op.text;
      else side.add(op.text, op.cosmetic === true, op.op === 'equal');
    }
  }
  const withOpenings = (pieces: Piece[], bodies: readonly string[], openings: readonly string[]) =>
    piecesByLine(pieces, bodies).map((line, q) => (openings[q] ? [{ text: openings[q]!, cosmetic: false, moved: q === 0 }, ...line] : line));
  return [withOpenings(away.pieces, oldBodies, oldOpening), withOpenings(here.pieces, newBodies, newOpening)];
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
 * One side of the change being buffered (its deleted or its inserted text), as pieces: a piece of a moved
 * provision's text is kept apart from the words around it; other text joins the piece before it.
 */
class Side {
  pieces: Piece[] = [];

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  startsWithBreak(): boolean {
    return this.pieces.length > 0 && this.pieces[0]!.text.charCodeAt(0) === 10;
  }

  hasMoved(): boolean {
    for (const piece of this.pieces) if (piece.moved) return true;
    return false;
  }

  /** Append text, to the last piece when it has the same flags. */
  add(text: string, cosmetic: boolean, moved: boolean): void {
    if (text === '') return;
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.moved === moved && last.cosmetic === cosmetic) last.text += text;
    else this.pieces.push({ text, cosmetic, moved });
  }

  /** Drop the line break the side opens with. */
  dropBreak(): void {
    const first = this.pieces[0]!;
    first.text = first.text.slice(1);
    if (first.text === '') this.pieces.shift();
  }

  /** Move the line break the side opens with to its end ("\nb" → "b\n"), moved or not as it was. */
  rotateBreak(): void {
    const { cosmetic, moved } = this.pieces[0]!;
    this.dropBreak();
    this.add('\n', cosmetic, moved);
  }

  take(): Piece[] {
    const pieces = this.pieces;
    this.pieces = [];
    return pieces;
  }
}

/**
 * Writes ops in order, tracking both offsets. A change is buffered until the next equal text, so that a
 * line's delete and insert become one change, and a line break that opens both is written as equal text.
 * A whole inserted or deleted line is a change of its own: it never joins the last change of the line before.
 * A change is written as one delete and one insert, unless it holds a moved provision's text: then as a
 * delete per piece, then an insert per piece (moved text, and the words that changed in it, apart).
 */
class OpWriter {
  private readonly ops: WordOp[] = [];
  private oldAt = 0;
  private newAt = 0;
  private readonly deleted = new Side();
  private readonly inserted = new Side();
  /** Whether every change in the buffer is cosmetic (a cosmetic change joined to a substantive one is not). */
  private cosmetic = true;
  /** Whether the buffered change holds words of a line (not only whole lines). */
  private partial = false;
  /** Whether the ops written so far end a line of the old text, and of the new (a change starting here starts a line). */
  private oldLineStart = true;
  private newLineStart = true;

  /**
   * One provision paired with one: its line break (when it has one on a side), then its words. `oldOwn` /
   * `newOwn`: where the provision's own text starts, after an item number ("4. "). The alignment paired the two,
   * so a changed item number, or point label ("(a)" → "(b)"), is renumbering: marked cosmetic, a change a
   * reader may hide.
   */
  pairLine(oldBreak: boolean, newBreak: boolean, oldLine: string, newLine: string, oldOwn: number, newOwn: number): void {
    this.lineBreak(oldBreak, newBreak);
    if (oldOwn > 0 && newOwn > 0 && oldLine !== newLine) {
      // Both "N. ": the number alone, then the provision's text.
      this.renumbered(oldLine.slice(0, oldOwn - 2), newLine.slice(0, newOwn - 2));
      this.equal('. ');
      oldLine = oldLine.slice(oldOwn);
      newLine = newLine.slice(newOwn);
    }
    const oldPoint = pointLabelOpening(oldLine), newPoint = pointLabelOpening(newLine);
    if (oldPoint && newPoint && oldLine !== newLine) {
      this.renumbered(oldPoint, newPoint);
      oldLine = oldLine.slice(oldPoint.length);
      newLine = newLine.slice(newPoint.length);
    }
    this.words(oldLine, newLine);
  }

  /** Provisions read as one text a side (a split's whole and its parts): their line break, then their words. */
  pairText(oldBreak: boolean, newBreak: boolean, oldText: string, newText: string): void {
    this.lineBreak(oldBreak, newBreak);
    this.words(oldText, newText);
  }

  /**
   * pairText, when the two texts share at least half their characters word for word (GAP_SHARED); otherwise
   * writes nothing and returns false.
   */
  pairIfAlike(oldBreak: boolean, newBreak: boolean, oldText: string, newText: string): boolean {
    // They share at most the shorter text: when even that falls short, the answer needs no diff (a diff of a
    // short deleted paragraph against pages inserted in its place costs tens of milliseconds, all but nothing
    // of it shared).
    if (2 * Math.min(oldText.length, newText.length) < GAP_SHARED * (oldText.length + newText.length)) return false;
    const ops = diffWords(oldText, newText);
    let shared = 0;
    for (const op of ops) if (op.op === 'equal') shared += op.text.length;
    if (2 * shared < GAP_SHARED * (oldText.length + newText.length)) return false;
    this.lineBreak(oldBreak, newBreak);
    this.write(ops);
    return true;
  }

  /** A provision inserted or deleted whole, its line break before it (none for the first line). */
  wholeLine(op: 'delete' | 'insert', text: string): void {
    // Ends a change in progress unless it is made of whole lines too.
    if (this.partial) this.flush();
    this.change(op, text, false);
    this.partial = false;
  }

  /** A moved provision where it stood (delete) or stands (insert), as pieces (movedPieces), after `lineBreak`. */
  movedLine(op: 'delete' | 'insert', lineBreak: string, pieces: readonly Piece[]): void {
    if (this.partial) this.flush();
    const side = op === 'delete' ? this.deleted : this.inserted;
    side.add(lineBreak, false, true);
    for (const piece of pieces) side.add(piece.text, piece.cosmetic, piece.moved);
    this.cosmetic = false;
    this.partial = false;
  }

  private lineBreak(oldBreak: boolean, newBreak: boolean): void {
    if (oldBreak && newBreak) this.equal('\n');
    else if (oldBreak || newBreak) {
      // The first line on one side only: the lines before it on the other side went, and their last line
      // break with them, which ends that change (the number of this line is a change of its own).
      this.change(oldBreak ? 'delete' : 'insert', '\n', false);
      this.flush();
    }
  }

  /** An item number or point label changed by renumbering (cosmetic), or kept. */
  private renumbered(oldLabel: string, newLabel: string): void {
    if (oldLabel === newLabel) {
      this.equal(oldLabel);
      return;
    }
    this.change('delete', oldLabel, true);
    this.change('insert', newLabel, true);
    this.partial = true;
  }

  private words(oldText: string, newText: string): void {
    if (oldText === newText) this.equal(oldText);
    else this.write(diffWords(oldText, newText));
  }

  private write(ops: readonly WordOp[]): void {
    for (const op of ops) {
      if (op.op === 'equal') this.equal(op.text);
      else {
        // A table row moved within the paragraph keeps its mark (table-rows.ts).
        this.change(op.op, op.text, op.cosmetic === true, op.moved === true);
        this.partial = true;
      }
    }
  }

  private change(op: 'delete' | 'insert', text: string, cosmetic: boolean, moved = false): void {
    (op === 'delete' ? this.deleted : this.inserted).add(text, cosmetic, moved);
    this.cosmetic &&= cosmetic;
  }

  private equal(text: string): void {
    if (text === '') return;
    // A whole line inserted (or deleted) before another line: "a{+\nb+}\nc" reads as "a\n{+b\n+}c", the
    // inserted line standing on its own line in a redline.
    if (text.charCodeAt(0) === 10 && this.deleted.empty !== this.inserted.empty) {
      const side = this.deleted.empty ? this.inserted : this.deleted;
      if (side.startsWithBreak()) {
        this.appendEqual('\n');
        side.rotateBreak();
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
    this.oldLineStart = this.newLineStart = text.charCodeAt(text.length - 1) === 10;
  }

  /**
   * The buffered change: one delete and one insert; when it holds moved text, a delete and an insert per
   * piece, cut at line ends too (so that none runs from one paragraph's words into the next), each after the
   * first marked `continues`. A line break both sides open is equal text before them.
   */
  private flush(): void {
    if (this.deleted.empty && this.inserted.empty) return;
    const cosmetic = this.cosmetic;
    this.cosmetic = true;
    this.partial = false;
    if (this.deleted.startsWithBreak() && this.inserted.startsWithBreak()) {
      this.deleted.dropBreak();
      this.inserted.dropBreak();
      this.appendEqual('\n');
    }
    const keepApart = this.deleted.hasMoved() || this.inserted.hasMoved();
    const deleted = this.deleted.take(), inserted = this.inserted.take();
    let deletedLength = 0;
    for (const piece of deleted) deletedLength += piece.text.length;
    const oldAt = this.oldAt, newAt = this.newAt;
    let at = oldAt;
    for (const [k, piece] of (keepApart ? linePieces(deleted) : lineBounded(joinPieces(deleted, cosmetic), this.oldLineStart)).entries()) {
      this.ops.push(changeOp('delete', piece, at, at + piece.text.length, newAt, newAt, k > 0));
      at += piece.text.length;
      this.oldLineStart = piece.text.charCodeAt(piece.text.length - 1) === 10;
    }
    at = newAt;
    for (const [k, piece] of (keepApart ? linePieces(inserted) : lineBounded(joinPieces(inserted, cosmetic), this.newLineStart)).entries()) {
      this.ops.push(changeOp('insert', piece, oldAt + deletedLength, oldAt + deletedLength, at, at + piece.text.length, k > 0));
      at += piece.text.length;
      this.newLineStart = piece.text.charCodeAt(piece.text.length - 1) === 10;
    }
    this.oldAt = oldAt + deletedLength;
    this.newAt = at;
  }

  finish(oldText: string, newText: string): WordOp[] | null {
    this.flush();
    // The ops must rebuild both texts; they do by construction, and a mismatch would be a defect here.
    return this.oldAt === oldText.length && this.newAt === newText.length ? this.ops : null;
  }
}

/** A side's pieces as one (none when empty), cosmetic as the whole change is. */
function joinPieces(pieces: readonly Piece[], cosmetic: boolean): Piece[] {
  if (pieces.length === 0) return [];
  let text = '';
  for (const piece of pieces) text += piece.text;
  return [{ text, cosmetic, moved: false }];
}

/**
 * A change (one piece) that starts inside a line and runs on into the next, cut after that line's break: the
 * words of two paragraphs diffed as one text (a gap's paragraphs still alike, a split's whole and its parts)
 * may end one paragraph and open the next in one change, which a redline would draw as one mark across the
 * paragraph boundary. The second part `continues` the first (flush), so the legal reading still sees one
 * change. A change of whole lines, or one that starts or ends with a line break, is left as it is.
 */
function lineBounded(pieces: Piece[], atLineStart: boolean): Piece[] {
  if (atLineStart || pieces.length !== 1) return pieces;
  const piece = pieces[0]!;
  const text = piece.text;
  const lineBreak = text.indexOf('\n');
  if (lineBreak <= 0 || text.charCodeAt(text.length - 1) === 10) return pieces;
  return [{ ...piece, text: text.slice(0, lineBreak + 1) }, { ...piece, text: text.slice(lineBreak + 1) }];
}

/**
 * Pieces to be written apart, cut after every line break that more text follows, so that no piece runs from
 * one line's words into the next (a moved list item of several paragraphs; a moved provision's changed last
 * words, then a paragraph inserted after it); and with no piece of line breaks alone: such a piece (the break
 * between a moved provision and the line next to it) joins the piece before it, or the one after it at the
 * start. A redline marks a change line by line, and a change of line breaks alone keeps its marks: alone, it
 * would show as an empty mark of its own.
 */
function linePieces(pieces: readonly Piece[]): Piece[] {
  const cut: Piece[] = [];
  for (const piece of pieces) {
    let from = 0;
    for (let i = piece.text.indexOf('\n'); i >= 0; i = piece.text.indexOf('\n', i + 1)) {
      const next = piece.text.charCodeAt(i + 1);
      if (i + 1 < piece.text.length && next !== 10) {
        cut.push({ ...piece, text: piece.text.slice(from, i + 1) });
        from = i + 1;
      }
    }
    cut.push(from === 0 ? { ...piece } : { ...piece, text: piece.text.slice(from) });
  }
  if (cut.length < 2) return cut;
  const out: Piece[] = [];
  let pending = '';
  for (const piece of cut) {
    if (/^\n+$/.test(piece.text)) {
      if (out.length > 0) out[out.length - 1]!.text += piece.text;
      else pending += piece.text;
      continue;
    }
    if (pending) piece.text = pending + piece.text;
    out.push(piece);
    pending = '';
  }
  if (pending) out.push({ text: pending, cosmetic: false, moved: false });
  return out;
}

function changeOp(op: 'delete' | 'insert', piece: Piece, oldStart: number, oldEnd: number, newStart: number, newEnd: number, continues: boolean): WordOp {
  const out: WordOp = { op, text: piece.text, oldStart, oldEnd, newStart, newEnd, cosmetic: piece.cosmetic };
  if (piece.moved) out.moved = true;
  if (continues) out.continues = true;
  return out;
}
