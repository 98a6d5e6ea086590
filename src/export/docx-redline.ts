/**
 * A comparison as a Word document with real tracked changes: the newer draft's text, every difference from the
 * older one a tracked insertion or deletion (w:ins, w:del) in the name of whoever tabled the newer draft. Word
 * and LibreOffice show it as a compare document, and their "accept all" gives the newer draft, "reject all" the
 * older one — clause for clause, paragraph for paragraph:
 *   - a paragraph put in has its mark tracked as inserted, one struck out as deleted (rejected or accepted, the
 *     empty paragraph goes, as Word's own compare writes it);
 *   - a clause heading is a Heading paragraph of the clause's level, its renumbering ("Paragraph 4" → "5") and
 *     retitling tracked; a clause put in or struck out is so heading and all;
 *   - a clause moved is struck where it stood and put in where it stands (Word's reject-all then gives the old
 *     order), its words read whole at both places; a margin comment at each place says where it went or came
 *     from and, at the new place, what changed inside it (margin-notes.ts); comments are the comparison's own
 *     (author "Parley"), their references tracked as their headings are, and change no text; asked for
 *     (`legalNotes`), a comment on each other clause with a change in law lists them;
 *   - a clause split has its further parts' headings put in where their text begins, a merge its further
 *     parts' headings struck where theirs began.
 * The title block before the first clause comes first; the instrument's title is the document's Title. Each line
 * of a text is a paragraph, a line break inside a paragraph of the draft a line break; italic and bold are each
 * draft's own (the comparison's words carry a style only where it changed), read from the drafts.
 *
 * A pipe table (model/pipe-table.ts: a schedule in an annex) is a Word table, its header repeated on each page, a
 * row of one draft only put in or struck out as a row.
 *
 * Not kept: Word's move marks (moveFrom/moveTo).
 */
import { COMMENT_AUTHOR } from './comment-author.js';
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ICommentOptions, type ParagraphChild } from 'docx';
import type { ClauseChangeJson, ComparisonJson, TextStyleJson, WordOpJson } from '../compare/contract.js';
import type { Clause, Draft } from '../model/draft.js';
import { clauseStarts, clausesStyleRuns, styleName } from '../compare/formatting.js';
import { blocksText, clauseHeading, clauseText, instrumentTitle, lineBreaksInParagraphs, styleRuns, type StyleRun } from '../model/text.js';
import { walkClauses } from '../model/provisions.js';
import { isDelimiterRow, isPipeRow } from '../model/pipe-table.js';
import { legalNote, movedAwayNote, movedHereNote } from './margin-notes.js';

export interface DocxRedlineOptions {
  /** Whose changes they are, as Word names them: the party that tabled the newer draft, or a name given. */
  author: string;
  /** When, as ISO 8601 (the newer draft's date). */
  date: string;
  /**
   * A margin comment on each clause with a change in law, listing them ("obligation: shall → will (weaker)"): for
   * the legal staff's own reading of the redline, not for the other side.
   */
  legalNotes?: boolean;
  /** What the notes call a draft that has no label (a file from outside: its file name), as the redlines do. */
  names?: { old?: string; new?: string };
}

const MARKED = { brackets: 'marked' } as const;

/** What a run or a paragraph mark is: there in both drafts, put in, or struck out. */
type Mark = 'equal' | 'insert' | 'delete';

/** Tracked changes numbered in order (each w:ins and w:del needs an id of its own in the document). */
class Revisions {
  private id = 0;
  constructor(private readonly options: DocxRedlineOptions) {}

  /** The attributes of the next tracked change. */
  next(): { id: number; author: string; date: string } {
    return { id: this.nextId(), author: this.options.author, date: this.options.date };
  }

  /** A number no other tracked change or comment of the document has. */
  nextId(): number {
    return ++this.id;
  }

  run(mark: Mark, text: string, style?: TextStyleJson): ParagraphChild {
    const styled = { italics: style === 'italic' || style === 'bold italic' ? true : undefined, bold: style === 'bold' || style === 'bold italic' ? true : undefined };
    if (mark === 'insert') return new InsertedTextRun({ text, ...styled, ...this.next() });
    if (mark === 'delete') return new DeletedTextRun({ text, ...styled, ...this.next() });
    return new TextRun({ text, ...styled });
  }

  /** The run that shows comment `id` in the margin, tracked as the text it notes is (it goes with that text). */
  commentReference(mark: Mark, id: number): ParagraphChild {
    const children = [new CommentReference(id)];
    if (mark === 'insert') return new InsertedTextRun({ children, ...this.next() });
    if (mark === 'delete') return new DeletedTextRun({ children, ...this.next() });
    return new TextRun({ children });
  }

  /** A line break inside a paragraph, tracked as its text is. */
  lineBreak(mark: Mark): ParagraphChild {
    if (mark === 'insert') return new InsertedTextRun({ break: 1, ...this.next() });
    if (mark === 'delete') return new DeletedTextRun({ break: 1, ...this.next() });
    return new TextRun({ break: 1 });
  }

  /** A paragraph's mark tracked as put in or struck out (none for one in both drafts). */
  paragraphMark(mark: Mark): { run?: { insertion?: ReturnType<Revisions['next']>; deletion?: ReturnType<Revisions['next']> } } {
    if (mark === 'insert') return { run: { insertion: this.next() } };
    if (mark === 'delete') return { run: { deletion: this.next() } };
    return {};
  }
}

/** A heading to put in or strike before the line of a split's or merge's text where its clause begins. */
interface PartHeading {
  /** 'new': the offset in the new text (a split's further part), 'old': in the old text (a merge's). */
  side: 'old' | 'new';
  offset: number;
  clause: Clause;
}

/** What bodyParagraphs needs besides the ops. */
interface BodyOptions {
  /** Italic and bold of the old and new texts (model/text.ts styleRuns), which the ops carry only where changed. */
  styles?: { old: readonly StyleRun[]; new: readonly StyleRun[] };
  /** The line breaks of each text that stand inside a paragraph (lineBreaksInParagraphs): Word's line breaks. */
  breaks?: { old: ReadonlySet<number>; new: ReadonlySet<number> };
  /** Headings of a split's or merge's further parts, and how to write one. */
  heads?: readonly PartHeading[];
  headingOf?: (clause: Clause, mark: Mark) => Paragraph;
}

/** A stretch of a line's text, marked and styled as it will be set. */
interface Piece {
  mark: Mark;
  text: string;
  style: TextStyleJson | undefined;
}

/** Whether a piece's text stands in the old draft's text or the new one's (a struck piece in the old only). */
const shownIn = (piece: Piece, side: 'old' | 'new') => piece.mark !== (side === 'old' ? 'insert' : 'delete');

/** One line of a redline's text, as bodyParagraphs reads it before setting it out. */
interface Line {
  pieces: Piece[];
  /** How the line ends: its break's mark, and whether it ends a paragraph (else a line break inside one). */
  end: Mark;
  endsParagraph: boolean;
  /** Whether its break stands inside a paragraph of either draft (the rows of a pipe table in one of them). */
  joinsNext: boolean;
  /** Headings to set before the line (a split's or merge's further part begins with it). */
  headings: Paragraph[];
}

/**
 * The paragraphs (and tables) of a redline: one paragraph per paragraph of its text, each line's runs as the ops
 * mark them. A line break in both texts ends a paragraph as it stands; one only in the new text ends a
 * paragraph whose mark is put in; one only in the old, a paragraph whose mark is struck; one inside a paragraph of
 * the draft is a line break. The last paragraph ends the text: its mark is put in where only the new draft has
 * text here, struck where only the old has. No text on either side, no paragraph. A pipe table (model/
 * pipe-table.ts) is a Word table, each row put in or struck out as a row.
 */
function bodyParagraphs(ops: readonly WordOpJson[], revisions: Revisions, options: BodyOptions = {}): (Paragraph | Table)[] {
  const last = endMark(ops);
  if (last === null) return [];
  const lines = linesOf(ops, last, options);
  const out: (Paragraph | Table)[] = [];
  let runs: ParagraphChild[] = [];
  // The paragraph's opening, as either draft reads it: a point ("(a) …") is indented under its paragraph.
  let opening = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(...line.headings);
    const rows = runs.length === 0 ? tableAt(lines, i) : 0;
    if (rows > 0) {
      const { table, strays } = trackedTable(lines.slice(i, i + rows), revisions);
      out.push(table);
      i += rows - 1;
      // Words of one draft that shared a line with the other draft's row (a paragraph after the old table, where
      // the new one has a row more) begin the next paragraph, as they would have joined it; or stand alone last.
      for (const piece of strays) runs.push(revisions.run(piece.mark, piece.text, piece.style));
      if (strays.length && i === lines.length - 1) {
        out.push(new Paragraph({ children: runs, ...revisions.paragraphMark(strays[0]!.mark) }));
        runs = [];
      }
      continue;
    }
    for (const piece of line.pieces) {
      runs.push(revisions.run(piece.mark, piece.text, piece.style));
      if (opening.length < 12) opening += piece.text;
    }
    if (!line.endsParagraph) {
      runs.push(revisions.lineBreak(line.end));
      continue;
    }
    const indent = POINT.test(opening) ? { indent: { left: POINT_INDENT } } : {};
    out.push(new Paragraph({ children: runs, ...indent, ...revisions.paragraphMark(line.end) }));
    runs = [];
    opening = '';
  }
  return out;
}

/** The lines of a redline's text: its pieces in their drafts' styles, how each line ends, the headings before it. */
function linesOf(ops: readonly WordOpJson[], last: Mark, options: BodyOptions): Line[] {
  const { heads = [], headingOf } = options;
  const oldStyles = new StyleCursor(options.styles?.old ?? []);
  const newStyles = new StyleCursor(options.styles?.new ?? []);
  const lines: Line[] = [];
  let line: Line = { pieces: [], end: last, endsParagraph: true, joinsNext: false, headings: [] };
  let oldAt = 0, newAt = 0;
  for (const op of ops) {
    const mark: Mark = op.op;
    op.text.split('\n').forEach((text, k) => {
      if (k > 0) {
        // A break inside a paragraph of the draft whose text this is stays a line break in its paragraph.
        const inOld = mark !== 'insert' && options.breaks?.old.has(oldAt) === true;
        const inNew = mark !== 'delete' && options.breaks?.new.has(newAt) === true;
        lines.push({ ...line, end: mark, endsParagraph: !(mark === 'delete' ? inOld : inNew), joinsNext: inOld || inNew });
        line = { pieces: [], end: last, endsParagraph: true, joinsNext: false, headings: [] };
        if (mark !== 'insert') oldAt++;
        if (mark !== 'delete') newAt++;
        // A split's further part begins here in the new text, or a merge's in the old: its heading first.
        for (const head of heads) {
          if ((head.side === 'new' && mark !== 'delete' && head.offset === newAt) || (head.side === 'old' && mark !== 'insert' && head.offset === oldAt)) {
            line.headings.push(headingOf!(head.clause, head.side === 'new' ? 'insert' : 'delete'));
          }
        }
      }
      if (text) {
        // A change of formatting says its style; other text is set as its draft sets it (the old draft's for
        // words struck, the new one's for the rest).
        const pieces = op.style ? [{ text, style: op.style }] : (mark === 'delete' ? oldStyles.pieces(text, oldAt) : newStyles.pieces(text, newAt));
        for (const piece of pieces) line.pieces.push({ mark, text: piece.text, style: piece.style });
      }
      if (mark !== 'insert') oldAt += text.length;
      if (mark !== 'delete') newAt += text.length;
    });
  }
  lines.push(line);
  return lines;
}

/** A line's text in the old draft or the new one. */
function sideText(line: Line, side: 'old' | 'new'): string {
  return line.pieces.filter((p) => shownIn(p, side)).map((p) => p.text).join('');
}

/** Whether a line is a pipe table's delimiter row ("|---|---|") in either draft. */
function isDelimiterLine(line: Line): boolean {
  return isDelimiterRow(sideText(line, 'new')) || isDelimiterRow(sideText(line, 'old'));
}

/** Whether a line is a pipe table's row (or delimiter row) in either draft. */
function isTableLine(line: Line): boolean {
  return [sideText(line, 'old'), sideText(line, 'new')].some((text) => isPipeRow(text) || isDelimiterRow(text));
}

/**
 * How many lines from `from` are a pipe table (0: none): lines of one paragraph that are all rows, a delimiter
 * row among them, ending a paragraph. Of one paragraph in either draft: the last row of one may be followed by
 * the other's paragraph end, and a break of one draft only (the old table's end struck, rows put in after it)
 * goes on with the table.
 */
function tableAt(lines: readonly Line[], from: number): number {
  let to = from;
  const goesOn = (line: Line) => line.joinsNext || line.end !== 'equal';
  while (to < lines.length && isTableLine(lines[to]!) && (to === from || (goesOn(lines[to - 1]!) && lines[to]!.headings.length === 0))) to++;
  if (to - from < 2 || !lines[to - 1]!.endsParagraph) return 0;
  return lines.slice(from, to).some(isDelimiterLine) ? to - from : 0;
}

/**
 * A row's cells, its pieces cut at the pipes (not an escaped one) of each draft: a pipe struck counts in the old
 * row only, one put in in the new only, so that "[-2846.10 | Cerium-]{+2846.90 | Other+}" gives each cell its own
 * old and new words. The spaces padding a cell and the margins outside the first and last pipes are no text.
 */
function rowCells(line: Line): Piece[][] {
  const out: Piece[][] = [];
  let oldCell = 0, newCell = 0;
  const put = (piece: Piece, text: string) => {
    if (!text) return;
    const cell = piece.mark === 'delete' ? oldCell : newCell;
    (out[cell] ??= []).push({ ...piece, text });
  };
  for (const piece of line.pieces) {
    let from = 0;
    for (let i = 0; i < piece.text.length; i++) {
      if (piece.text[i] !== '|' || piece.text[i - 1] === '\\') continue;
      put(piece, piece.text.slice(from, i));
      if (piece.mark !== 'insert') oldCell++;
      if (piece.mark !== 'delete') newCell++;
      from = i + 1;
    }
    put(piece, piece.text.slice(from));
  }
  // Cells 1 … n-1: between the first pipe and the last of the row with more of them.
  const last = Math.max(oldCell, newCell);
  return Array.from({ length: Math.max(0, last - 1) }, (_, k) => trimCell(out[k + 1] ?? []));
}

/** A cell's pieces without the spaces at its two ends (of each draft's text), pieces left empty dropped. */
function trimCell(pieces: Piece[]): Piece[] {
  const out = pieces.map((p) => ({ ...p }));
  for (const side of ['old', 'new'] as const) {
    const shown = out.filter((p) => shownIn(p, side));
    const first = shown[0], last = shown[shown.length - 1];
    if (first) first.text = first.text.trimStart();
    if (last) last.text = last.text.trimEnd();
  }
  return out.filter((p) => p.text !== '');
}

/**
 * A pipe table as a Word table: the rows above the delimiter row are its header (repeated on each page), each
 * cell's words tracked as the row's pieces are; a row only the new draft has is a row put in, one only the old
 * has a row struck out (Word's own row marks, so that accepting or rejecting takes the row whole).
 */
function trackedTable(lines: readonly Line[], revisions: Revisions): { table: Table; strays: Piece[] } {
  let header = true;
  const rows: { header: boolean; cells: Piece[][]; mark: Mark }[] = [];
  const strays: Piece[] = [];
  for (const whole of lines) {
    if (isDelimiterLine(whole)) {
      header = false;
      continue;
    }
    // A line that is a row in one draft only and text in the other: the text is no part of the row.
    let line = whole;
    for (const [side, mark] of [['old', 'delete'], ['new', 'insert']] as const) {
      const text = sideText(line, side);
      if (text.trim() === '' || isPipeRow(text)) continue;
      strays.push(...line.pieces.filter((p) => p.mark === mark));
      line = { ...line, pieces: line.pieces.filter((p) => p.mark !== mark) };
    }
    const inOld = sideText(line, 'old').trim() !== '', inNew = sideText(line, 'new').trim() !== '';
    if (!inOld && !inNew) continue;
    rows.push({ header, cells: rowCells(line), mark: inOld && inNew ? 'equal' : inNew ? 'insert' : 'delete' });
  }
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row) => new TableRow({
      tableHeader: row.header || undefined,
      ...(row.mark === 'insert' ? { insertion: revisions.next() } : row.mark === 'delete' ? { deletion: revisions.next() } : {}),
      children: Array.from({ length: columns }, (_, k) => new TableCell({
        // The header shaded as the HTML redline sets it (not bold: the words' own style is the drafts').
        ...(row.header ? { shading: { fill: 'F2F2F2', type: ShadingType.CLEAR, color: 'auto' } } : {}),
        children: [new Paragraph({ children: (row.cells[k] ?? []).map((piece) => revisions.run(piece.mark, piece.text, piece.style)) })],
      })),
    })),
  });
  return { table, strays };
}

/**
 * The style runs of one text, read forwards: the pieces of a stretch at an offset, each with its style. The
 * offsets asked for only grow (ops are read in order), so the runs are passed over once.
 */
class StyleCursor {
  private next = 0;
  constructor(private readonly runs: readonly StyleRun[]) {}

  pieces(text: string, at: number): { text: string; style: TextStyleJson | undefined }[] {
    if (this.runs.length === 0) return [{ text, style: undefined }];
    while (this.next < this.runs.length && this.runs[this.next]!.end <= at) this.next++;
    const out: { text: string; style: TextStyleJson | undefined }[] = [];
    let from = at;
    const to = at + text.length;
    for (let r = this.next; r < this.runs.length && from < to; r++) {
      const run = this.runs[r]!;
      if (run.start >= to) break;
      if (run.start > from) out.push({ text: text.slice(from - at, run.start - at), style: undefined });
      const end = Math.min(run.end, to);
      if (end > Math.max(from, run.start)) out.push({ text: text.slice(Math.max(from, run.start) - at, end - at), style: styleName(run.style) });
      from = Math.max(from, end);
    }
    if (from < to) out.push({ text: text.slice(from - at), style: undefined });
    return out;
  }
}

/** A point of a paragraph: "(a)", "(iv)", "(b)(i)" at the start of its line. */
const POINT = /^\s*\((?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)\s/;
/** How far a point stands in from its paragraph: 1 cm, in twentieths of a point. */
const POINT_INDENT = 567;

/** The mark of a paragraph that ends a text: there in both drafts, put in, struck (null: no text at all). */
function endMark(ops: readonly WordOpJson[]): Mark | null {
  const inOld = ops.some((op) => op.op !== 'insert' && op.text !== '');
  const inNew = ops.some((op) => op.op !== 'delete' && op.text !== '');
  return inOld && inNew ? 'equal' : inNew ? 'insert' : inOld ? 'delete' : null;
}

/** Heading levels as Word names its styles: a clause of level 1 is Heading 1, … up to Heading 6. */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

function headingLevel(clause: Clause) {
  return HEADINGS[Math.min(Math.max(clause.level, 1), 6) - 1]!;
}

/** The document's paragraphs, from the comparison and the two drafts it compared (their clauses by id). */
class DocxRedlineWriter {
  private readonly revisions: Revisions;
  /** Each old clause and its place in the older draft's reading order. */
  private readonly oldById: Map<string, { clause: Clause; index: number }>;
  private readonly newById: Map<string, Clause>;
  /** The margin comments, in the order their headings stand. */
  readonly comments: ICommentOptions[] = [];

  constructor(private readonly comparison: ComparisonJson, private readonly oldDraft: Draft, private readonly newDraft: Draft, private readonly options: DocxRedlineOptions) {
    this.revisions = new Revisions(options);
    this.oldById = new Map([...walkClauses(oldDraft.clauses)].map(({ clause }, index) => [clause.id, { clause, index }]));
    this.newById = new Map([...walkClauses(newDraft.clauses)].map(({ clause }) => [clause.id, clause]));
  }

  /** The document's paragraphs (and tables), title first. */
  paragraphs(): (Paragraph | Table)[] {
    const c = this.comparison;
    const out: (Paragraph | Table)[] = [];
    // A draft from outside without a title of its own is named after its file ("draft-b"): that is no title of the
    // instrument, and the document gets none from it.
    const title = c.titleWords ?? [{ op: 'equal' as const, text: instrumentTitle(this.oldDraft, this.newDraft) }];
    const titleMark = endMark(title);
    if (titleMark !== null) {
      out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: title.filter((w) => w.text).map((w) => this.revisions.run(w.op, w.text, w.style)), ...this.revisions.paragraphMark(titleMark) }));
    }
    const front = c.front?.words ?? (this.newDraft.front.length ? [{ op: 'equal' as const, text: blocksText(this.newDraft.front, MARKED) }] : []);
    out.push(...bodyParagraphs(front, this.revisions, {
      styles: { old: styleRuns(this.oldDraft.front, MARKED), new: styleRuns(this.newDraft.front, MARKED) },
      breaks: { old: new Set(lineBreaksInParagraphs(this.oldDraft.front, MARKED)), new: new Set(lineBreaksInParagraphs(this.newDraft.front, MARKED)) },
    }));
    for (const item of this.order()) out.push(...this.entry(item.change, item.away));
    return out;
  }

  /**
   * The changes in the order the document sets them: the newer draft's, each clause struck out (deleted, or
   * moved away) right after the nearest clause before it in the older draft that kept its place — as the
   * comparison places deletions — in the older draft's order.
   */
  private order(): { change: ClauseChangeJson; away: boolean }[] {
    const placed: { change: ClauseChangeJson; away: boolean }[] = [];
    // The old clauses that kept their place, by old index: the entry each one stands in.
    const inPlace = new Map<number, number>();
    const present = this.comparison.changes.filter((ch) => ch.kind !== 'deleted');
    present.forEach((ch, k) => {
      if (ch.moved) return;
      for (const ref of ch.old) {
        const found = this.oldById.get(ref.id);
        if (found) inPlace.set(found.index, k);
      }
    });
    // What is struck from where it stood: deleted clauses, and moved clauses at their old place.
    const away: { change: ClauseChangeJson; index: number; anchor: number }[] = [];
    for (const ch of this.comparison.changes) {
      if (ch.kind !== 'deleted' && !ch.moved) continue;
      const index = Math.min(...ch.old.map((ref) => this.oldById.get(ref.id)?.index ?? Infinity));
      if (!Number.isFinite(index)) continue;
      let anchor = -1;
      for (let i = index - 1; i >= 0 && anchor < 0; i--) anchor = inPlace.get(i) ?? -1;
      away.push({ change: ch, index, anchor });
    }
    away.sort((a, b) => a.anchor - b.anchor || a.index - b.index);
    let next = 0;
    const flushUpTo = (anchor: number) => {
      while (next < away.length && away[next]!.anchor <= anchor) placed.push({ change: away[next++]!.change, away: true });
    };
    flushUpTo(-1);
    present.forEach((ch, k) => {
      placed.push({ change: ch, away: false });
      flushUpTo(k);
    });
    flushUpTo(Infinity);
    return placed;
  }

  private heading(clause: Clause, mark: Mark, note?: readonly string[]): Paragraph {
    const text = [this.revisions.run(mark, clauseHeading(clause))];
    return new Paragraph({ heading: headingLevel(clause), children: note ? this.noted(text, mark, note) : text, ...this.revisions.paragraphMark(mark) });
  }

  /**
   * A heading's text with a margin comment on it, one paragraph of the comment per line of `note`. Comments are
   * Parley's, not the tabling party's: they explain the redline and propose nothing.
   */
  private noted(text: readonly ParagraphChild[], mark: Mark, note: readonly string[]): ParagraphChild[] {
    const id = this.revisions.nextId();
    this.comments.push({ id, author: COMMENT_AUTHOR, initials: 'P', date: new Date(this.options.date), children: note.map((line) => new Paragraph({ text: line })) });
    return [new CommentRangeStart(id), ...text, new CommentRangeEnd(id), this.revisions.commentReference(mark, id)];
  }

  /** A clause in both drafts: its heading with a change of number or title tracked (and `note` on it, if any). */
  private pairedHeading(oldClause: Clause, newClause: Clause, titleWords: readonly WordOpJson[] | undefined, note: readonly string[] | null): Paragraph {
    const runs: ParagraphChild[] = [];
    if (oldClause.label === newClause.label) {
      if (newClause.label) runs.push(this.revisions.run('equal', newClause.label));
    } else {
      // "Paragraph [-4-]{+6+}": the words both labels open with stand, the number changes.
      const kept = sharedWords(oldClause.label, newClause.label);
      if (kept) runs.push(this.revisions.run('equal', kept));
      if (oldClause.label.length > kept.length) runs.push(this.revisions.run('delete', oldClause.label.slice(kept.length)));
      if (newClause.label.length > kept.length) runs.push(this.revisions.run('insert', newClause.label.slice(kept.length)));
    }
    const oldSeparator = oldClause.label && oldClause.title ? ' — ' : '';
    const newSeparator = newClause.label && newClause.title ? ' — ' : '';
    if (oldSeparator === newSeparator) {
      if (newSeparator) runs.push(this.revisions.run('equal', newSeparator));
    } else {
      if (oldSeparator) runs.push(this.revisions.run('delete', oldSeparator));
      if (newSeparator) runs.push(this.revisions.run('insert', newSeparator));
    }
    const title = titleWords ?? (oldClause.title === newClause.title
      ? [{ op: 'equal' as const, text: newClause.title }]
      : [{ op: 'delete' as const, text: oldClause.title }, { op: 'insert' as const, text: newClause.title }]);
    for (const w of title) if (w.text) runs.push(this.revisions.run(w.op, w.text, w.style));
    return new Paragraph({ heading: headingLevel(newClause), children: note ? this.noted(runs, 'equal', note) : runs });
  }

  /** The paragraphs of one entry: a clause struck or put in whole, or a pair (split, merge) with its redline. */
  private entry(change: ClauseChangeJson, away: boolean): (Paragraph | Table)[] {
    const olds = change.old.map((ref) => this.oldById.get(ref.id)?.clause).filter((c): c is Clause => c !== undefined);
    const news = change.new.map((ref) => this.newById.get(ref.id)).filter((c): c is Clause => c !== undefined);
    const whole = (clause: Clause, mark: Mark, note?: readonly string[]) => {
      const runs = styleRuns(clause.body, MARKED);
      const breaks = new Set(lineBreaksInParagraphs(clause.body, MARKED));
      return [this.heading(clause, mark, note), ...bodyParagraphs([{ op: mark, text: clauseText(clause, MARKED) }], this.revisions, { styles: { old: runs, new: runs }, breaks: { old: breaks, new: breaks } })];
    };
    // Struck from where it stood: a deletion, or a move's old place; a move noted at both places.
    if (away) return olds.flatMap((clause, k) => whole(clause, 'delete', change.moved && k === 0 ? movedAwayNote(change, this.comparison.new.label || this.options.names?.new || '') : undefined));
    if (change.kind === 'inserted' || change.moved) return news.flatMap((clause, k) => whole(clause, 'insert', change.moved && k === 0 ? movedHereNote(change, this.comparison.old.label || this.options.names?.old || '') : undefined));
    if (olds.length === 0 || news.length === 0) return [];
    // A split's further parts begin at their offsets in the new text (clauses joined by a line break), a
    // merge's in the old.
    const starts = { old: clauseStarts(olds), new: clauseStarts(news) };
    const heads: PartHeading[] = [];
    for (const [side, clauses] of [['new', news], ['old', olds]] as const) {
      starts[side].forEach((offset, k) => {
        if (k > 0) heads.push({ side, offset, clause: clauses[k]! });
      });
    }
    const words = change.words.length ? change.words : [{ op: 'equal' as const, text: clauseText(news[0]!, MARKED) }];
    return [
      this.pairedHeading(olds[0]!, news[0]!, change.titleWords && olds.length === 1 && news.length === 1 ? change.titleWords : undefined,
        this.options.legalNotes ? legalNote(change) : null),
      ...bodyParagraphs(words, this.revisions, {
        styles: { old: clausesStyleRuns(olds), new: clausesStyleRuns(news) },
        breaks: { old: clausesBreaks(olds, starts.old), new: clausesBreaks(news, starts.new) },
        heads,
        headingOf: (clause, mark) => this.heading(clause, mark),
      }),
    ];
  }
}

/**
 * The line breaks inside paragraphs of clauses' texts joined by line breaks (a split's or merge's, compare.ts
 * textOf), each clause's text beginning at its `starts` (clauseStarts).
 */
function clausesBreaks(clauses: readonly Clause[], starts: readonly number[]): Set<number> {
  const out = new Set<number>();
  clauses.forEach((clause, k) => {
    for (const at of lineBreaksInParagraphs(clause.body, MARKED)) out.add(starts[k]! + at);
  });
  return out;
}

/** The words two labels open with, up to and with the last space they share ("Paragraph " of "Paragraph 4" and "Paragraph 6"). */
function sharedWords(a: string, b: string): string {
  let end = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === ' ') end = i + 1;
  return a.slice(0, end);
}

/**
 * When a version's tracked changes were made, as Word records it: its day (YYYY-MM-DD) at noon UTC, which is that
 * day wherever a reader is likely to be; without a day (a draft not tabled), now.
 */
export function trackedChangeDate(day?: string): string {
  return day ? `${day}T12:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A sober legal document: a serif face, black headings kept with what follows, a little space after paragraphs. */
const FONT = 'Times New Roman';
const HEADING = { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } };
const STYLES = {
  document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
  title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
  heading1: { ...HEADING, run: { ...HEADING.run, size: 28 } },
  heading2: HEADING, heading3: HEADING, heading4: HEADING, heading5: HEADING, heading6: HEADING,
};

/**
 * The .docx bytes of a comparison of `oldDraft` with `newDraft` (compareDrafts' result), every change tracked.
 * Runs where the docx library does (Node and the browser).
 */
export async function docxRedline(comparison: ComparisonJson, oldDraft: Draft, newDraft: Draft, options: DocxRedlineOptions): Promise<Uint8Array> {
  const writer = new DocxRedlineWriter(comparison, oldDraft, newDraft, options);
  // The paragraphs first: writing them gathers the comments.
  const paragraphs = writer.paragraphs();
  const title = instrumentTitle(oldDraft, newDraft);
  const document = new Document({
    // The document's properties (File → Info in Word): the instrument's title, and the author of its changes
    // (the library would otherwise record "Un-named" as the last to modify it).
    ...(title && { title }),
    creator: options.author,
    lastModifiedBy: options.author,
    description: `${comparison.old.label || 'Older draft'} → ${comparison.new.label || 'newer draft'}, every change tracked`,
    styles: { default: STYLES },
    sections: [{ children: paragraphs }],
    ...(writer.comments.length > 0 && { comments: { children: writer.comments } }),
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
