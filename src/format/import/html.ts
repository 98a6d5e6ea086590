/**
 * Web pages (.html) → the loose Markdown the draft importers read.
 *
 *   htmlDocumentText(html)  →  { text, title }
 *
 * Treaties and memoranda are published as web pages (a government's site, the UN's), and a draft saved from a
 * browser is one. The page is parsed by rehype-parse (parse5, as a browser parses) and turned into Markdown by
 * rehype-remark: headings, paragraphs, lists, emphasis — so the loose Markdown importer reads it as any
 * Markdown draft, its headings from <h1>–<h6> or, where a page sets them as bold paragraphs, from those
 * (paragraph-headings.ts). What a page has and a draft does not is left out or flattened here:
 *   - links within the page (footnote marks "[1]" linking to their notes) are their text; links elsewhere stay;
 *   - a superscript number is a footnote mark "[1]", and a list of footnotes (pandoc's, an endnotes <aside>)
 *     comes after a rule as "[1] text", where the importers take footnotes from;
 *   - a table of data (a header row of <th>, or three columns and rows or more, or two columns with figures in
 *     the second, a line of text in each cell: a schedule of tariffs, a list of minerals) is a pipe table, a
 *     paragraph with a line per row (model/pipe-table.ts); any other table (a signature block laid out in
 *     columns) is its cells' text, a paragraph each, row by row;
 *   - numbered headings and lettered points, which Markdown's lists cannot hold, have their labels written out;
 *   - underlined and struck-through text (<u>, <s>, <del>, <strike>) is its text, the mark not read;
 *   - bold and italic set by a style are bold and italic; a line break before "(a)" starts a provision, one
 *     after a heading's label ("ARTICLE 3<br>FINAL PROVISIONS") separates label and title;
 *   - the page's first <h1>, else its <title> (without a site's name after a bar), is the draft's title.
 * Scripts, styles, navigation and the head are not text of the draft.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkStringify from 'remark-stringify';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { State } from 'hast-util-to-mdast';
import type { Html } from 'mdast';
import { isTwoColumnSchedule, pipeTableMarkdown } from '../../model/pipe-table.js';

/** Whether text is an HTML page rather than a text draft: it opens with a doctype or an <html> element. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(text);
}

/** Elements of a page that are not its text. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'form', 'button', 'svg']);

export function htmlDocumentText(html: string): { text: string; title: string } {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const title = titleOf(tree);
  dropNonText(tree);
  styledSpans(tree);
  footnoteLists(tree);
  footnoteMarks(tree);
  meaningfulBreaks(tree);
  spellOutListNumbers(tree);
  dataTables(tree);
  // Underline is not emphasis (hast-util-to-mdast reads <u> as italic): its text, as it stands. Nor is struck
  // text a change the page makes (hast-util-to-mdast reads <s>, <del> and <strike> as GFM's strikethrough, which
  // the Markdown Parley writes has not: the page could not be read at all): its text too, kept. A data table,
  // already written as a pipe table, goes into the Markdown as it is.
  const asText = (state: State, node: Element) => state.all(node);
  const handlers = {
    u: asText,
    s: asText,
    del: asText,
    strike: asText,
    [PIPE_TABLE]: (_state: State, node: Element): Html => ({ type: 'html', value: String(node.properties[PIPE_TEXT]) }),
  };
  const markdown = unified().use(rehypeRemark, { handlers }).runSync(tree) as MdastRoot;
  flatten(markdown);
  const text = unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).stringify(markdown);
  return { text: String(text), title };
}

/**
 * The page's first <h1>, else its <title>, without the site's name a title often carries after a bar ("Agreement
 * on Reciprocal Trade | The White House": the longest part). A dash is left alone: instruments are named with
 * one ("United States - Japan Framework for …").
 */
function titleOf(tree: HastRoot): string {
  const heading = textOfFirst(tree, 'h1');
  if (heading) return heading;
  const parts = textOfFirst(tree, 'title').split(/\s+\|\s+/).map((p) => p.trim());
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

function textOfFirst(tree: HastRoot, tagName: string): string {
  let found: Element | null = null;
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (found || child.type !== 'element') continue;
      if (child.tagName === tagName) found = child;
      else visit(child);
    }
  };
  visit(tree);
  return found ? textOf(found).replace(/\s+/g, ' ').trim() : '';
}

/** The element a data table becomes (dataTables), and the property holding its pipe table's text. */
const PIPE_TABLE = 'parley-pipe-table';
const PIPE_TEXT = 'pipeText';

/** Elements that make a table cell more than a line of text. */
const CELL_BLOCKS = new Set(['table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr']);

/**
 * Tables of data, as pipe tables (see the module's comment). Whether a table holds data is read from its
 * cells: a header row of <th> (or a <thead>), or at least three columns and three rows, or two columns of a
 * schedule (isTwoColumnSchedule: figures in the second); and no cell holding more than a paragraph (a page laid
 * out in a table, a signature block with its lines). Cells keep their text only:
 * a schedule's cells are figures and names.
 */
function dataTables(tree: HastRoot): void {
  replaceElements(tree, (element) => {
    if (element.tagName !== 'table') return [element];
    const rows = tableRows(element);
    if (!rows) return [element];
    const cells = gridTexts(rows.map((row) => row.cells));
    const header = rows[0]!.cells.every((c) => c.tagName === 'th') || rows[0]!.inHead;
    const columns = Math.max(...cells.map((r) => r.length));
    if (rows.length < 2 || columns < 2 || !(header || (columns >= 3 && rows.length >= 3) || isTwoColumnSchedule(cells))) return [element];
    const text = pipeTableMarkdown(cells);
    return [{ type: 'element', tagName: PIPE_TABLE, properties: { [PIPE_TEXT]: text }, children: [] }];
  });
}

/** The rows of a table and their cells, or null where a cell holds more than a line of text. */
function tableRows(table: Element): { cells: Element[]; inHead: boolean }[] | null {
  const rows: { cells: Element[]; inHead: boolean }[] = [];
  const visit = (node: Element, inHead: boolean): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
        if (!visit(child, child.tagName === 'thead')) return false;
      } else if (child.tagName === 'tr') {
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        if (cells.some((c) => !isLineCell(c))) return false;
        if (cells.length > 0) rows.push({ cells, inHead });
      }
    }
    return true;
  };
  return visit(table, false) && rows.length > 0 ? rows : null;
}

/** Whether a cell holds a line of text: no lists, headings or tables, at most one paragraph. */
function isLineCell(cell: Element): boolean {
  let paragraphs = 0;
  const visit = (node: Element): boolean => node.children.every((c) => {
    if (c.type !== 'element') return true;
    if (CELL_BLOCKS.has(c.tagName)) return false;
    if ((c.tagName === 'p' || c.tagName === 'div') && ++paragraphs > 1) return false;
    return visit(c);
  });
  return visit(cell);
}

/**
 * The cells' texts row by row, each in its column: a cell spanning columns (colspan) is followed by empty cells,
 * and one spanning rows (rowspan) leaves an empty cell in its column of the rows below, so that the columns stay
 * in line.
 */
function gridTexts(rows: readonly Element[][]): string[][] {
  // How many more rows each column is covered by a cell above.
  const covered: number[] = [];
  return rows.map((row) => {
    const out: string[] = [];
    const skipCovered = () => {
      while ((covered[out.length] ?? 0) > 0) {
        covered[out.length]!--;
        out.push('');
      }
    };
    for (const cell of row) {
      skipCovered();
      const rowSpan = span(cell, 'rowSpan');
      for (let k = 0; k < span(cell, 'colSpan'); k++) {
        if (rowSpan > 1) covered[out.length] = rowSpan - 1;
        out.push(k === 0 ? cellText(cell) : '');
      }
    }
    skipCovered();
    return out;
  });
}

/** How many columns or rows a cell spans (its colspan or rowspan, within reason). */
function span(cell: Element, property: 'colSpan' | 'rowSpan'): number {
  const n = Number(cell.properties?.[property] ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 1;
}

/** A cell's text on one line. */
function cellText(cell: Element): string {
  return textOf(cell).replace(/\s+/g, ' ').trim();
}

/** The text of an element; a line break (<br>) reads as a space ("Agreement<br>between …"). */
function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type !== 'element' ? '' : c.tagName === 'br' ? ' ' : textOf(c))).join('');
}

function dropNonText(node: HastRoot | Element): void {
  // Comments too: Word's web pages wrap list numbers and footnote marks in conditional ones (`<![if
  // !supportLists]>1.<![endif]>`), whose markers would come through as text; the number between them stays.
  node.children = node.children.filter((child) => child.type !== 'comment' && !(child.type === 'element' && (NOT_TEXT.has(child.tagName) || child.tagName === 'head')));
  for (const child of node.children) if (child.type === 'element') dropNonText(child);
}

/** "font-weight: bold" and "font-style: italic" set by a style: the elements that say so. */
function styledSpans(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    styledSpans(child);
    if (child.tagName !== 'span') continue;
    const style = String(child.properties?.style ?? '');
    if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style)) child.tagName = 'strong';
    else if (/font-style\s*:\s*italic/i.test(style)) child.tagName = 'em';
  }
}

/** A line break, or the tab Word's web pages write as a span ("Paragraph 1<span style='mso-tab-count:1'>"). */
function isLabelBreak(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'br' || (node.tagName === 'span' && /mso-tab-count/.test(String(node.properties?.style ?? ''))));
}

/** A provision's label at the start of a line: "(a) ", "1. ", "(iv) ". */
const LINE_LABEL = /^\s*(?:\(\s*(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\s*\)|\d{1,3}[.)]|[a-z]\))\s/i;
/** A heading's label alone: "Article 3", "SECTION II". */
const LABEL_ALONE = /^\s*(?:article|section|part|chapter|paragraph)\s+[\w.]+\s*$/i;

/**
 * Line breaks that mean more than a line: in a paragraph, one before "(a) …" or "2. …" starts a provision
 * (the paragraph is cut there); in a heading, one after its label ("ARTICLE 3<br>FINAL PROVISIONS"), or Word's
 * tab there, separates label and title.
 */
function meaningfulBreaks(tree: HastRoot): void {
  replaceElements(tree, (element) => {
    if (element.children.some(isLabelBreak)) {
      element.children = element.children.map((c, k) => {
        const before = element.children.slice(0, k).map((x) => (x.type === 'text' ? x.value : x.type === 'element' ? textOf(x) : '')).join('');
        return isLabelBreak(c) && LABEL_ALONE.test(before) ? { type: 'text', value: ' — ' } : c;
      });
    }
    if (element.tagName !== 'p' && element.tagName !== 'div') return [element];
    // Cut at each break followed by a label.
    const pieces: Element[] = [{ ...element, children: [] }];
    for (let k = 0; k < element.children.length; k++) {
      const c = element.children[k]!;
      const next = element.children[k + 1];
      const piece = pieces[pieces.length - 1]!;
      if (c.type === 'element' && c.tagName === 'br' && next?.type === 'text' && LINE_LABEL.test(next.value) && piece.children.length > 0) {
        pieces.push({ ...element, children: [] });
        continue;
      }
      piece.children.push(c);
    }
    return pieces;
  });
}

/** A footnote mark set as a superscript number ("duty<sup>1</sup>", "<sup>[2]</sup>"): "[1]", as drafts write it. */
function footnoteMarks(tree: HastRoot): void {
  replaceElements(tree, (element) => {
    if (element.tagName !== 'sup') return [element];
    const number = /^\s*\[?(\d{1,3})\]?\s*$/.exec(textOf(element));
    return number ? [{ type: 'text', value: `[${number[1]}]` }] : [element];
  });
}

/**
 * A page's list of footnotes (pandoc's `<section class="footnotes">`, an `<aside role="doc-endnotes">`): after a
 * rule, "[1] text" a paragraph each, as the importers take footnotes, without the links back to the marks.
 */
function footnoteLists(tree: HastRoot): void {
  replaceElements(tree, (element) => {
    const classes = element.properties?.className;
    const isList = (Array.isArray(classes) && classes.some((c) => /^(?:footnotes|endnotes)$/.test(String(c)))) ||
      /^doc-(?:endnotes|footnotes)$/.test(String(element.properties?.role ?? ''));
    if (!isList) return [element];
    const items: Element[] = [];
    const collect = (node: Element): void => {
      for (const c of node.children) if (c.type === 'element') (c.tagName === 'li' ? items.push(c) : collect(c));
    };
    collect(element);
    const notes = items.map((li, k): Element => {
      const id = /(\d+)$/.exec(String(li.properties?.id ?? ''));
      const content = li.children.flatMap((c) => (c.type === 'element' && c.tagName === 'p' ? c.children : [c])).filter((c) => !isBackLink(c));
      return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `[${id ? id[1] : k + 1}] ` }, ...content] };
    });
    return [{ type: 'element', tagName: 'hr', properties: {}, children: [] }, ...notes];
  });
}

function isBackLink(node: ElementContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'a') return false;
  return /^#fnref/i.test(String(node.properties?.href ?? '')) || /doc-backlink/.test(String(node.properties?.role ?? '')) || /^\s*[↩︎\u21a9\ufe0e]+\s*$/.test(textOf(node));
}

/**
 * What Markdown's lists cannot say, written out as text before the conversion: a numbered heading (a word
 * processor's HTML puts "Paragraph 1 — Purpose" as `<ol><li value="1"><h2>Purpose</h2></li></ol>`) becomes
 * the heading "1. Purpose"; items of a list lettered or in Roman numerals (`<ol type="a">`, the points of a
 * paragraph) become paragraphs opening with their label, "(a) …", as drafts write points.
 */
function spellOutListNumbers(tree: HastRoot): void {
  replaceElements(tree, (list) => {
    if (list.tagName !== 'ol') return [list];
    const type = String(list.properties?.type ?? '1');
    const items = list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
    const headings = items.map((li) => {
      const content = li.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      const only = content.length === 1 ? content[0]! : null;
      return only && only.type === 'element' && /^h[1-6]$/.test(only.tagName) ? only : null;
    });
    let n = Number(list.properties?.start ?? 1) || 1;
    const labels = items.map((li) => {
      const value = Number(li.properties?.value);
      if (Number.isInteger(value) && value > 0) n = value;
      return formatNumber(n++, type);
    });
    if (items.length > 0 && headings.every((h) => h !== null)) {
      return headings.map((h, k) => {
        h!.children.unshift({ type: 'text', value: `${labels[k]}. ` });
        return h!;
      });
    }
    if (type === '1') return [list];
    return items.map((li, k): Element => {
      const first = li.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      const label = { type: 'text' as const, value: `(${labels[k]}) ` };
      if (first) first.children.unshift(label);
      else li.children.unshift(label);
      return { type: 'element', tagName: first ? 'div' : 'p', properties: {}, children: li.children };
    });
  });
}

/** Each element below `node`, its own children done first, replaced by the nodes `replace` makes of it. */
function replaceElements(node: HastRoot | Element, replace: (element: Element) => ElementContent[]): void {
  const out: (HastRoot['children'][number])[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    replaceElements(child, replace);
    out.push(...replace(child));
  }
  (node as { children: typeof out }).children = out;
}

/** A list item's number as its list shows it: 1, a, A, i or I. */
function formatNumber(n: number, type: string): string {
  if (type === 'a' || type === 'A') {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
    return type === 'A' ? s.toUpperCase() : s;
  }
  if (type === 'i' || type === 'I') {
    const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let s = '';
    for (let k = n, i = 0; k > 0;) {
      const [value, numeral] = numerals[i]!;
      if (k >= value) { s += numeral; k -= value; } else i++;
    }
    return type === 'I' ? s.toUpperCase() : s;
  }
  return String(n);
}

type Parent = Extract<MdastNodes, { children: unknown[] }>;

/** Links within the page become their text; tables become a paragraph per cell. */
function flatten(node: Parent): void {
  const out: MdastNodes[] = [];
  for (const child of node.children as MdastNodes[]) {
    if (child.type === 'link' && child.url.startsWith('#')) {
      flatten(child);
      out.push(...child.children);
      continue;
    }
    if (child.type === 'table') {
      for (const row of child.children) {
        for (const cell of row.children) {
          if (toString(cell).trim()) out.push({ type: 'paragraph', children: cell.children } satisfies Paragraph);
        }
      }
      continue;
    }
    if ('children' in child) flatten(child as Parent);
    out.push(child);
  }
  (node as { children: (RootContent | PhrasingContent)[] }).children = out as (RootContent | PhrasingContent)[];
}
