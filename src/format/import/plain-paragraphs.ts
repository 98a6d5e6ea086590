/**
 * Plain text → paragraphs: undoes hard wrapping (lines of ~72 columns, or the layout of `pdftotext -layout`)
 * so that each paragraph is one string, remembering the line where it starts.
 *
 * A paragraph ends at a blank line, and a new one starts at a line that opens with a provision label ("1.",
 * "(a)"), a preambular marker ("Pp3"), a footnote ("[2] ..."), or that is a clause heading on its own
 * ("Article 4 (ADAPTATION)" in layout text has no blank line around it). Blank lines inside a sentence (page
 * breaks of extracted PDFs) are bridged when the next line continues in lower case. Runs of spaces (layout
 * padding, double spaces after a full stop) read as one space. A pipe table (a header row over a "|---|" row),
 * or a table set out in columns with spaces (layout-table.ts, written as a pipe table), is one paragraph whose
 * lines are its rows.
 */
import { isTitleLine, LABEL_ONLY, recogniseHeading, separateLabelAtTab } from './heading-recognition.js';
import { isDelimiterRow, isPipeRow, pipeTableText } from '../../model/pipe-table.js';
import { layoutTableAt } from './layout-table.js';
import { joinWrappedLines, Vocabulary } from './unwrap.js';

export interface PlainParagraph {
  /** The unwrapped text, single-spaced. */
  text: string;
  /** 1-based line of the paragraph's first line. */
  line: number;
  /** Number of source lines it came from (a one-line paragraph may be a heading). */
  lineCount: number;
  /** A heading found inside a box of asterisks, a lettered section heading wrapped over two lines, or a
   * separator rule ("-----"). */
  kind: 'text' | 'boxed' | 'heading' | 'rule';
}

const STARTS_PROVISION = /^(?:\(\s*(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\s*\)|[a-z]\)|\d{1,3}[.)](?=\s|$)|\[\^?\d{1,3}\]:?\s)/i;
const PREAMBULAR_MARKER = /^Pp\d+$/;
const RULE = /^-{3,}$/;
/** The first line of a bracketed lettered section heading ("K. [[Time frames …"), and a line closing its bracket. */
const WRAPPED_LETTERED = /^[A-Z]\.\s+\[/;
const BRACKET_CLOSES = /\]\d{0,2}$/;
const BOX_EDGE = /^\*{3,}$/;
/** Two runs of text on a line set apart by a gutter: the first line of a table set out with spaces, maybe. */
const SPACED = /\S(?: {2,}|\t)\s*\S/;
const ENDS_SENTENCE = /[.:;,)\]”"]$/;

/**
 * In layout text (few blank lines) a paragraph also ends at a short line that closes a sentence when the next
 * line opens a new one: a wrapped line is short only when the paragraph ends there.
 */
function isLayoutText(lines: readonly string[]): boolean {
  const blank = lines.filter((l) => l.trim() === '').length;
  return lines.length > 20 && blank / lines.length < 0.15;
}

export function splitPlainParagraphs(source: string): PlainParagraph[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const layout = isLayoutText(lines);
  const width = Math.max(...lines.map((l) => l.trimEnd().length));
  // The document's own words, which tell a typesetter's hyphen at a line's end from the word's (unwrap.ts).
  const vocabulary = new Vocabulary(lines);
  const out: PlainParagraph[] = [];
  let parts: string[] = [];
  let start = 0;
  let count = 0;
  let lastLine = '';
  let pendingBlank = false;
  // Whether the blank lines before this one hold a page break (a form feed: plain-text.ts leaves one where it
  // took out a page number or running head).
  let pageBreak = false;

  const flush = () => {
    if (parts.length) out.push({ text: separateLabelAtTab(joinWrappedLines(parts, vocabulary)).replace(/\s+/g, ' ').trim(), line: start, lineCount: count, kind: 'text' });
    parts = [];
    count = 0;
  };
  const add = (text: string, lineNo: number) => {
    if (!parts.length) start = lineNo;
    parts.push(text);
    count++;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === '') {
      pendingBlank = true;
      if (raw.includes('\f')) pageBreak = true;
      continue;
    }
    if (BOX_EDGE.test(t)) {
      // A box: "*****" / "* Article 5 *" / "*****" — the lines inside are one heading.
      const inner: string[] = [];
      let j = i + 1;
      while (j < lines.length && !BOX_EDGE.test(lines[j]!.trim()) && /^\*.*\*$/.test(lines[j]!.trim())) {
        inner.push(lines[j]!.trim().replace(/^\*+|\*+$/g, '').trim());
        j++;
      }
      if (j < lines.length && BOX_EDGE.test(lines[j]!.trim()) && inner.length) {
        flush();
        out.push({ text: inner.filter(Boolean).join(' '), line: i + 1, lineCount: 1, kind: 'boxed' });
        i = j;
        pendingBlank = true;
        continue;
      }
    }
    // A lettered section's heading wrapped over two lines ("K. [[Time frames and process related to … and" over
    // "ambition]8"): one heading, where its bracket closes. Wrapped: a long first line, the second going on in
    // lower case ("D. [Mitigation" over "[Long-term and global aspects of mitigation]" is a heading and a
    // subheading).
    const wrapped = WRAPPED_LETTERED.test(t) && t.length >= 60 && !BRACKET_CLOSES.test(t) ? (lines[i + 1] ?? '').trim() : '';
    if (/^\p{Ll}/u.test(wrapped) && BRACKET_CLOSES.test(wrapped) && recogniseHeading(`${t} ${wrapped}`)?.kind === 'division') {
      flush();
      out.push({ text: `${t} ${wrapped}`.replace(/\s+/g, ' '), line: i + 1, lineCount: 2, kind: 'heading' });
      i++;
      pendingBlank = true;
      continue;
    }
    // A table set out with spaces (layout-table.ts): a pipe table, its rows lines of one paragraph.
    // (A table's first two lines both have a gutter, or its first and third where its header wraps onto the second
    // under one column: most lines of layout text are ruled out without reading cells.)
    const spaced = SPACED.test(t) && (SPACED.test(lines[i + 1] ?? '') || SPACED.test(lines[i + 2] ?? '')) ? layoutTableAt(lines, i, vocabulary) : null;
    if (spaced) {
      flush();
      out.push({ text: pipeTableText(spaced.rows), line: i + 1, lineCount: spaced.end - i, kind: 'text' });
      i = spaced.end - 1;
      pendingBlank = true;
      continue;
    }
    if (isPipeRow(t) && isDelimiterRow((lines[i + 1] ?? '').trim())) {
      // A table (model/pipe-table.ts): its rows stay lines, one paragraph.
      flush();
      let j = i + 2;
      while (j < lines.length && (isPipeRow(lines[j]!) || isDelimiterRow(lines[j]!))) j++;
      const rows = lines.slice(i, j).map((l) => l.trim().replace(/[ \t]+/g, ' '));
      out.push({ text: rows.join('\n'), line: i + 1, lineCount: j - i, kind: 'text' });
      i = j - 1;
      pendingBlank = true;
      continue;
    }
    if (RULE.test(t)) {
      flush();
      out.push({ text: '', line: i + 1, lineCount: 1, kind: 'rule' });
      pendingBlank = true;
      continue;
    }
    const opensNew =
      STARTS_PROVISION.test(t) ||
      PREAMBULAR_MARKER.test(t) ||
      recogniseHeading(t)?.kind === 'division' ||
      recogniseHeading(t)?.kind === 'clause' ||
      recogniseHeading(t)?.kind === 'preamble';
    // A label alone at the foot of a page takes the text at the top of the next one, unless that is a title:
    // "30." … (page break) … "[Option 1: …]" is paragraph 30 (a bracketed sentence is no title). ("5." and a
    // blank line over "Text." is a heading.)
    const labelOnly = parts.length === 1 && LABEL_ONLY.test(parts[0]!);
    const continuesAfterBlank = pendingBlank && parts.length > 0 &&
      ((/^\p{Ll}/u.test(t) && !ENDS_SENTENCE.test(lastLine)) || (labelOnly && pageBreak && !opensNew && !isTitleLine(t.replace(/\]+$/, ''))));
    // A provision's label alone on its line ("15." over "[Option 1: …]") opens the paragraph below it: it ends
    // no sentence.
    const layoutBreak =
      layout && parts.length > 0 && !labelOnly && ENDS_SENTENCE.test(lastLine) && lastLine.length < width * 0.75 && /^[\p{Lu}[]/u.test(t);
    const headingBefore = parts.length === 1 && count === 1 && isStandaloneHeading(parts[0]!);
    if (headingBefore && wrapsHeading(parts[0]!, t, pendingBlank, (lines[i + 1] ?? '').trim(), width)) {
      // One heading over two lines.
      out.push({ text: `${parts[0]} ${t}`.replace(/\s+/g, ' '), line: start, lineCount: 2, kind: 'heading' });
      parts = [];
      count = 0;
      pendingBlank = true;
      continue;
    }
    if ((pendingBlank && !continuesAfterBlank) || opensNew || layoutBreak || headingBefore) flush();
    pendingBlank = false;
    pageBreak = false;
    if (PREAMBULAR_MARKER.test(t)) {
      // "Pp3" stands on its own line above its recital: it labels the paragraph that follows.
      add(t, i + 1);
      pendingBlank = false;
      lastLine = '';
      continue;
    }
    add(t, i + 1);
    lastLine = raw.trimEnd();
  }
  flush();
  return out;
}

/**
 * Whether `line` is the rest of a clause heading wrapped at the page's width ("Article 5.2: Export Controls,
 * Sanctions, Investment Security, and Related" over "Matters", as a PDF's text has it): the heading line runs near
 * the width and ends in no punctuation, and the next line is a few words in title case with a blank line after
 * it. A line in capitals, or after a blank line, is a heading of its own.
 */
function wrapsHeading(heading: string, line: string, afterBlank: boolean, next: string, width: number): boolean {
  if (afterBlank || next !== '' || heading.length < Math.max(50, width * 0.7) || /[.:;,)\]]$/.test(heading)) return false;
  if (recogniseHeading(heading)?.kind !== 'clause' || line.length > 40 || /[.:;]$/.test(line)) return false;
  return /^\p{Lu}\p{Ll}/u.test(line) && !isStandaloneHeading(line) && !STARTS_PROVISION.test(line);
}

function isStandaloneHeading(text: string): boolean {
  const h = recogniseHeading(text);
  return h !== null && (h.kind === 'division' || h.kind === 'clause' || h.kind === 'preamble');
}
