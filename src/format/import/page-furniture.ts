/**
 * Page furniture of text extracted from a PDF (`pdftotext -layout` and the like): page numbers and running
 * heads, which are not text of the instrument, and the footnotes printed at the foot of its pages. Left in,
 * each page number of the UNFCCC's Geneva negotiating text (February 2015) read as a clause heading ("15",
 * "16", …) cutting the sections apart, and its running head ("ADP 2-8 - agenda item 3") as a line of whatever
 * clause it fell in, 85 times.
 *
 * A page number is a line holding a number alone ("12", "- 12 -", "Page 12", "12 of 40"). A bare number may
 * also be an article's heading, so a number is taken for a page number only as one of a run of at least
 * three that count up one by one through the text, most of them marked as page furniture: a form feed within
 * a few lines, a line padded far to the right, or a running head beside it. A running head is a line that
 * stands beside most page breaks (two fifths of the places where a page number or a form feed stands, and at
 * least three): "Option 2:" beside three page breaks of ninety is text.
 */

/** A line that holds a page number only; the number is group 1. */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Lines around a page number (or a form feed) where its running head stands. */
const NEAR = 3;
/** Leading spaces that put a line at the right margin of a layout page. */
const RIGHT_MARGIN = 40;
/** Page numbers of a run, at least, and how many of them must be marked as furniture. */
const MIN_RUN = 3;

/** A running head stands beside at least this share of the page numbers and form feeds (and three of them). */
const HEAD_SHARE = 0.4;

/** What of a page is not running text: its furniture, and the footnotes printed at its foot. */
export interface PageLayout {
  /** The lines that are page numbers or running heads. */
  furniture: Set<number>;
  /** Footnotes at the foot of a page, in reading order: their number and text, and the lines they took. */
  footnotes: { number: string; text: string; lines: number[] }[];
}

/** A footnote's number alone on its line, at the foot of a page, its text indented below it. */
const FOOTNOTE_NUMBER = /^(\s*)(\d{1,3})\s*$/;

/**
 * The page numbers and running heads of the text, and the footnotes at the foot of its pages: above a page
 * number, after blank lines, a block of lines made of footnotes only — each a number alone on its line and
 * its text, indented further, on the lines below ("2" / "    See paragraphs 31, 33, 38."). Anything else at
 * the foot of a page is text.
 */
export function readPageLayout(lines: readonly string[]): PageLayout {
  const furniture = findPageFurniture(lines);
  const footnotes: PageLayout['footnotes'] = [];
  const pageNumbers = [...furniture].filter((i) => PAGE_NUMBER.test(lines[i]!.trim())).sort((a, b) => a - b);
  for (const page of pageNumbers) {
    let end = page - 1;
    while (end >= 0 && (lines[end]!.trim() === '' || furniture.has(end))) end--;
    let start = end;
    while (start > 0 && lines[start - 1]!.trim() !== '' && !furniture.has(start - 1)) start--;
    if (end < 0) continue;
    const notes: PageLayout['footnotes'] = [];
    let ok = true;
    for (let i = start; i <= end && ok; ) {
      const number = FOOTNOTE_NUMBER.exec(lines[i]!);
      if (!number) { ok = false; break; }
      const indent = number[1]!.length;
      const taken = [i];
      const text: string[] = [];
      for (i++; i <= end && !FOOTNOTE_NUMBER.test(lines[i]!); i++) {
        const line = lines[i]!;
        if (line.length - line.trimStart().length <= indent) { ok = false; break; }
        text.push(line.trim());
        taken.push(i);
      }
      if (text.length === 0) ok = false;
      notes.push({ number: number[2]!, text: text.join(' ').replace(/\s+/g, ' '), lines: taken });
    }
    if (ok && notes.length > 0) footnotes.push(...notes);
  }
  return { furniture, footnotes };
}

/** The indices of the lines that are page numbers or running heads. */
export function findPageFurniture(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  const candidates: { line: number; value: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = PAGE_NUMBER.exec(lines[i]!.trim());
    if (match) candidates.push({ line: i, value: Number(match[1]) });
  }
  const nearFeed = new Uint8Array(lines.length);
  const feeds: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('\f')) continue;
    feeds.push(i);
    nearFeed.fill(1, Math.max(0, i - NEAR), Math.min(lines.length, i + NEAR + 1));
  }
  if (candidates.length < MIN_RUN && feeds.length < MIN_RUN) return out;

  // The text of the lines standing near a candidate or a form feed, counted once per anchor: a running head
  // stands near most of them; any other line only by chance.
  const nearby = (at: number, visit: (i: number, text: string) => void) => {
    for (let i = Math.max(0, at - NEAR); i <= Math.min(lines.length - 1, at + NEAR); i++) {
      const text = lines[i]!.trim();
      if (i !== at && text !== '' && !PAGE_NUMBER.test(text)) visit(i, text);
    }
  };
  // Anchors close together (a page number, the form feed after it, a footnote number above it) are one place:
  // each place counts a text once.
  const anchors = [...new Set([...candidates.map((c) => c.line), ...feeds])].sort((a, b) => a - b);
  const nearCount = new Map<string, number>();
  let places = 0;
  for (let k = 0; k < anchors.length; ) {
    const seen = new Set<string>();
    let last = anchors[k]!;
    for (; k < anchors.length && anchors[k]! - last <= NEAR; k++) {
      last = anchors[k]!;
      nearby(last, (_i, text) => seen.add(text));
    }
    places++;
    for (const text of seen) nearCount.set(text, (nearCount.get(text) ?? 0) + 1);
  }
  const headAt = Math.max(MIN_RUN, HEAD_SHARE * places);
  const isHead = (text: string) => (nearCount.get(text) ?? 0) >= headAt && text.length <= 120;

  // Runs of numbers counting up one by one, in reading order (other numbers, footnote marks, may stand
  // between): each run is filed under the number it expects next.
  const runs: { line: number; value: number }[][] = [];
  const expecting = new Map<number, number[]>();
  for (const c of candidates) {
    const waiting = expecting.get(c.value);
    const r = waiting?.pop();
    if (waiting && waiting.length === 0) expecting.delete(c.value);
    const run = r === undefined ? runs[runs.push([]) - 1]! : runs[r]!;
    run.push(c);
    const key = c.value + 1;
    const list = expecting.get(key);
    const index = r ?? runs.length - 1;
    if (list) list.push(index);
    else expecting.set(key, [index]);
  }
  const marked = (c: { line: number }) => {
    const line = lines[c.line]!;
    if (line.length - line.trimStart().length >= RIGHT_MARGIN || nearFeed[c.line]) return true;
    let head = false;
    nearby(c.line, (_i, text) => { if (isHead(text)) head = true; });
    return head;
  };
  const pages: number[] = [];
  for (const run of runs) {
    if (run.length < MIN_RUN || run.filter(marked).length * 2 < run.length) continue;
    for (const c of run) pages.push(c.line);
  }
  for (const line of pages) out.add(line);
  for (const at of [...pages, ...feeds]) nearby(at, (i, text) => { if (isHead(text)) out.add(i); });
  return out;
}
