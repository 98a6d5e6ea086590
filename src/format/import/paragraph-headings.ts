/**
 * Headings of a Markdown draft that has no Markdown headings: paragraphs that read as headings.
 *
 * Word documents converted to Markdown (pandoc, web pages copied from a government site) write "**Section 1.
 * Tariffs and Quotas**", "**Article 1.1: Tariffs**" and "**<u>OBJECTIVE</u>**" as bold paragraphs, and a draft
 * pasted as Markdown may have "Article 5" alone on its line, never as "#" lines: read as Markdown headings only,
 * such a draft has no clause at all. Here a paragraph wholly in bold (underline tags aside) is read as the
 * plain-text importer reads a line standing alone: a keyword or numbered heading anywhere, a title in capitals
 * once the preamble or a heading has begun. A one-line paragraph not in bold is a heading by its keyword
 * ("Article 5", "Section II", "Preamble") or, once begun, its capitals; "5." alone is a list item to Markdown.
 * "**EMPHASIZING** their shared values" is a recital (only its first word is bold), not a heading.
 *
 * The result says, by source line, which headings to open: loose-markdown.ts opens them as it would "#"
 * headings, so that nesting, titles and the body of each clause are read as for any Markdown draft. Divisions
 * (Section, Part, Chapter) are one level above the clauses they hold, as in plain text.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { isTitleLine, recogniseHeading } from './heading-recognition.js';
import { PREAMBLE_OPENING, SIGNATURE_OPENING } from './plain-text.js';

export interface FoundHeading {
  /** Heading depth as a "#" line would give it (2 for divisions and top-level clauses, 3 inside a division). */
  depth: number;
  /** The heading text, as it would stand after the "#"s ("Section I — Critical Minerals and Rare Earths"). */
  text: string;
  /** Source lines the heading takes up (its paragraph, and a title paragraph merged into it); 0 for a
   * Preamble heading put before the paragraph that opens the preamble. */
  lines: number;
}

const BOLD = /^(\*\*|__)(.+)\1$/s;
/** Tags a converted document puts around underlined text: "<u>", "<span style="text-decoration: underline">". */
const UNDERLINE_TAG = /<\/?(?:u|span)(?:\s[^>]*)?>/gi;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Whether a code fence is open after `line`: the fence character of the open fence ("`" or "~"), or null. A
 * fence closes at the next fence line of the same character.
 */
export function fenceAfter(open: string | null, line: string): string | null {
  const mark = FENCE.exec(line)?.[1]![0];
  if (mark === undefined) return open;
  return open === null ? mark : open === mark ? null : open;
}
const NUMBERED = /^\d{1,3}\\?[.)]\s/;

interface SourceParagraph {
  /** 0-based index of the first line. */
  start: number;
  lineCount: number;
  text: string;
}

/** Blank-line separated paragraphs, lines joined by a space (fenced code is left out). */
function paragraphs(lines: readonly string[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let fence: string | null = null;
  let current: SourceParagraph | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const wasOpen = fence !== null;
    fence = fenceAfter(fence, line);
    // Lines inside a fence, and the fence lines themselves, are no paragraph.
    if (wasOpen || fence !== null || line.trim() === '') {
      current = null;
      continue;
    }
    if (current) {
      current.text += ' ' + line.trim();
      current.lineCount++;
    } else out.push((current = { start: i, lineCount: 1, text: line.trim() }));
  }
  return out;
}

/**
 * The text of a paragraph set wholly in bold, without the markers; null otherwise. Underline tags, inside
 * or around the bold ("<span style=…>**Section 5. …**</span>"), do not count, nor a space between two bold
 * runs ("**General** **Matters**"), nor a footnote marker after it.
 */
function boldText(text: string): string | null {
  const plain = decodeReferences(text)
    // Asterisks escaped by a converter that met "**Title **" (no bold to Markdown: a space before its end).
    .replace(/\\\*/g, '*')
    .replace(UNDERLINE_TAG, '')
    .replace(/(\*\*|__)(\s+)\1/g, '$2')
    // A footnote marker just after the bold: "**Article 2.6: Intellectual Property**\[3\]".
    .replace(/(\*\*|__)\s*(\\?\[\^?\d{1,3}\\?\])\s*$/, '$2$1')
    .trim();
  const m = BOLD.exec(plain);
  if (!m || m[2]!.includes(m[1]!)) return null;
  // Markdown's escapes ("\[3\]", "1\.") are not text of the heading.
  return m[2]!.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1').replace(/\s+/g, ' ').trim() || null;
}

/**
 * Character references a converter writes ("&#xA0;" for a no-break space at a heading's end, "&amp;") as the
 * characters they stand for; names are looked up as micromark looks them up.
 */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, hex: string, dec: string, name: string) => {
    if (name) return decodeNamedCharacterReference(name) || whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Markdown markers and escapes taken off, to read a paragraph's opening as the plain-text importer does. */
function plainOpening(text: string): string {
  return decodeReferences(text).replace(/[*_]/g, '').replace(UNDERLINE_TAG, '').replace(/\\(?=[[\].()])/g, '');
}

/**
 * An article's heading typed as a one-line paragraph ("Article 1.1: Tariffs", "**Article 2**") among the "#"
 * headings of a draft whose divisions only are headings (a Word document with its sections in a Heading style
 * and its articles typed in bold): the heading's text, or null. Only a clause's keyword makes one here; a
 * division, a number or capitals do not, which "#" headings already give.
 */
export function typedClauseHeading(line: string): string | null {
  // Read only a short line that opens with a clause's keyword: this is asked of every one-line paragraph of a
  // draft with "#" headings (thousands in a long treaty), and heading recognition is a handful of expressions.
  if (line.length > 200 || !CLAUSE_KEYWORD_OPENING.test(line)) return null;
  const text = plainOpening(line).replace(/\s+/g, ' ').trim();
  return text && recogniseHeading(text)?.kind === 'clause' ? text : null;
}

/** How a clause's heading typed as a paragraph opens, emphasis, escapes and a bracket aside. */
const CLAUSE_KEYWORD_OPENING = /^[\s*_\\[]*(?:article|paragraph)\s/i;

/** The text of a one-line paragraph not in bold that may be a heading by its words alone. */
function lineText(paragraph: SourceParagraph | undefined): string | null {
  return paragraph && paragraph.lineCount === 1 ? plainOpening(paragraph.text).replace(/\s+/g, ' ').trim() : null;
}

/** Headings to open, by the 0-based line they start on. Empty when no paragraph reads as a heading. */
export function findParagraphHeadings(lines: readonly string[]): Map<number, FoundHeading> {
  const found = new Map<number, FoundHeading>();
  const list = paragraphs(lines);
  let started = false;
  let inDivision = false;
  for (let p = 0; p < list.length; p++) {
    const paragraph = list[p]!;
    const next = list[p + 1];
    // The signature block and what follows it ("FOR THE GOVERNMENT OF …" in capitals) hold no heading.
    if (started && SIGNATURE_OPENING.test(plainOpening(paragraph.text))) break;
    const bold = boldText(paragraph.text);
    const allowCaps = started || (next !== undefined && NUMBERED.test(next.text));
    const line = bold ? null : lineText(paragraph);
    let heading = bold ? recogniseHeading(bold, { allowCaps, allowNumber: true }) : line ? recogniseHeading(line, { allowCaps }) : null;
    if (heading && line && heading.kind !== 'division' && heading.kind !== 'clause' && heading.kind !== 'preamble' && heading.kind !== 'caps') heading = null;
    const own = bold ?? line;
    if (heading && own) {
      if (heading.kind === 'preamble') {
        found.set(paragraph.start, { depth: 2, text: 'Preamble', lines: paragraph.lineCount });
        started = true;
        inDivision = false;
        continue;
      }
      let text = own;
      let lineCount = paragraph.lineCount;
      // "**Section I**" over "**Critical Minerals and Rare Earths**": the second is the first's title.
      const title = next && !heading.title && heading.label ? (bold ? boldText(next.text) : lineText(next)) : null;
      if (title && isTitleLine(title) && !recogniseHeading(title)) {
        text = `${heading.label} — ${title}`;
        lineCount = next!.start + next!.lineCount - paragraph.start;
        p++;
      }
      const division = heading.kind === 'division';
      found.set(paragraph.start, { depth: division || !inDivision ? 2 : 3, text, lines: lineCount });
      if (division) inDivision = true;
      started = true;
      continue;
    }
    if (!started && PREAMBLE_OPENING.test(plainOpening(paragraph.text))) {
      found.set(paragraph.start, { depth: 2, text: 'Preamble', lines: 0 });
      started = true;
    }
  }
  // A preamble alone is no outline: without a single heading the draft stays as Markdown headings read it.
  for (const heading of found.values()) if (heading.text !== 'Preamble') return found;
  return new Map();
}
