/**
 * Splitting a draft's body at its clause headings before Markdown parsing.
 *
 * Why: remark's cost grows faster than the text (a 3.4 MB, 2,000-article treaty takes seconds as one
 * document), while parsing clause by clause stays linear. A clause heading is an ATX heading line at the
 * top level: not inside a fenced code block and not inside a `:::` container directive.
 */

export interface Chunk {
  /** The heading line without its line break, or null for the content before the first heading. */
  heading: string | null;
  /** ATX level of the heading (number of #), 0 for the leading chunk. */
  level: number;
  /** 1-based line of the heading (or of the first line of the leading chunk). */
  line: number;
  /** The Markdown after the heading line, up to the next heading. */
  body: string;
  /** 1-based line on which `body` starts. */
  bodyLine: number;
}

const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^ {0,3}(:{3,})\s*[A-Za-z]/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})\s*$/;

export function splitAtHeadings(body: string, firstLine = 1): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { heading: null, level: 0, line: firstLine, body: '', bodyLine: firstLine };
  let bodyStart = 0;
  let fence: string | null = null;
  let containerDepth = 0;
  let lineNo = firstLine;
  let pos = 0;
  const close = (end: number) => {
    current.body = body.slice(bodyStart, end);
    chunks.push(current);
  };
  while (pos < body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl === -1) nl = body.length;
    // Only lines that can open or close something are inspected with regular expressions.
    const first = body.charCodeAt(pos + (body.charCodeAt(pos) === 32 ? leadingSpaces(body, pos) : 0));
    if (first === 35 /* # */ || first === 96 /* ` */ || first === 126 /* ~ */ || first === 58 /* : */) {
      const line = body.slice(pos, nl).replace(/\r$/, '');
      if (fence) {
        const m = FENCE.exec(line);
        if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      } else {
        const f = FENCE.exec(line);
        if (f) fence = f[1]!;
        else if (CONTAINER_OPEN.test(line)) containerDepth++;
        else if (CONTAINER_CLOSE.test(line)) containerDepth = Math.max(0, containerDepth - 1);
        else if (containerDepth === 0) {
          const h = HEADING.exec(line);
          if (h) {
            close(pos);
            current = { heading: line, level: h[1]!.length, line: lineNo, body: '', bodyLine: lineNo + 1 };
            bodyStart = Math.min(nl + 1, body.length);
          }
        }
      }
    }
    pos = nl + 1;
    lineNo++;
  }
  close(body.length);
  return chunks;
}

function leadingSpaces(text: string, pos: number): number {
  let n = 0;
  while (n < 4 && text.charCodeAt(pos + n) === 32) n++;
  return n;
}

/** The text of an ATX heading line: without the opening #s and an optional closing sequence. */
export function atxHeadingContent(line: string): string {
  return line
    .replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/, '')
    .replace(/(?:^|[ \t]+)#+[ \t]*$/, '')
    .trim();
}
