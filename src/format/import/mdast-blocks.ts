/**
 * Loose Markdown (one clause body at a time) → model blocks, through remark-parse.
 *
 * Only what the model has a place for is mapped (paragraphs, lists, block quotes, emphasis, strong, code,
 * breaks); anything else is kept verbatim from the source (raw blocks and inlines), so no text is lost, but for
 * the tags of underline, links and spans (their text is kept), empty HTML comments and link definitions (an
 * address given apart, which Markdown does not show).
 * Bold "**Option 1:**" stays strong text; square brackets stay text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { Block, Inline, ListItem, Paragraph } from '../../model/draft.js';
import { loosen, nestPoints, numberedParagraphsAsItems, provisionBlocks, textParagraph } from './provision-blocks.js';
import { MAX_BLOCK_NESTING } from '../mdast-to-model.js';
import { isPipeTable } from '../../model/pipe-table.js';
import { numberedAsWritten } from './written-numbers.js';

const parser = unified().use(remarkParse);

function slice(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The number an ordered list item writes ("13." → 13), or null where it cannot be read. */
function writtenNumber(source: string, item: { position?: { start: { offset?: number } } }): number | null {
  const start = item.position?.start.offset;
  const match = start === undefined ? null : ITEM_NUMBER.exec(source.slice(start, start + 16));
  return match ? Number(match[1]) : null;
}

const ITEM_NUMBER = /^[ \t]*(\d{1,9})[.)]/;

/** Opening or closing tags of underline, links and spans. */
const WRAPPING_TAG = /^<\/?(?:u|a|span)(?:\s[^>]*)?>$/i;

/** Line breaks and runs of spaces (tabs, no-break spaces) as one space; a single no-break space is kept. */
function oneSpaced(text: string): string {
  return text.replace(/[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]{2,}|\t/g, ' ');
}

/**
 * Bold around nothing ("** **", maybe over a line end), which converters leave where Word had an empty bold
 * run ("1.**   ** Cambodia shall"): no text, and Markdown would show its asterisks. It leaves a space, or the
 * line end it held. ("**General** **Matters**" is two bold words.)
 */
const EMPTY_BOLD = /(^|[^\w*])(\*\*|__)[ \t\u00a0]*(\n?)[ \t\u00a0]*\2(?=\s|$)/g;
function withoutEmptyBold(source: string): string {
  return source.includes('**') || source.includes('__') ? source.replace(EMPTY_BOLD, (_, before: string, _bold, end: string) => before + (end || ' ')) : source;
}

/**
 * The paragraphs of indented text: a line is a paragraph of its own ("Option 1: …" over "Option 2: …"),
 * unless it carries on a sentence the line before left open (it opens in lower case).
 */
function indentedParagraphs(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = oneSpaced(raw).trim();
    if (!line) {
      open = false;
      continue;
    }
    if (open && /^\p{Ll}/u.test(line) && !/[.:;]$/.test(out[out.length - 1]!)) out[out.length - 1] += ' ' + line;
    else out.push(line);
    open = true;
  }
  return out;
}

/** A paragraph's text without spaces at its ends (trailing no-break spaces of a converted document). */
function trimEnds(children: Inline[]): Inline[] {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return children.filter((c) => c.type !== 'text' || c.value !== '');
}

/** A table row's line: its line breaks kept (spaces around them dropped), other runs of spaces as one. */
function rowSpaced(text: string): string {
  return text.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n').replace(/[ \t\u00a0]{2,}|\t/g, ' ');
}

/**
 * The inlines of a paragraph; `rows`: the paragraph is a pipe table (model/pipe-table.ts), whose line breaks
 * are its rows and are kept.
 */
function inlines(nodes: readonly PhrasingContent[], source: string, rows = false): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        // Soft line breaks of hard-wrapped Markdown are spaces in the paragraph, and a run of spaces reads as
        // one, as Markdown shows it ("1.  The purpose", two spaces after a full stop).
        const value = rows ? rowSpaced(node.value) : oneSpaced(node.value);
        const last = out[out.length - 1];
        if (last && last.type === 'text') last.value += value;
        else out.push({ type: 'text', value });
        break;
      }
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlines(node.children, source, rows) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlines(node.children, source, rows) });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: node.value });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'html':
        // Tags a converted Word document wraps around text (underline, footnote links): the text between
        // them is kept, the tags are not text of the draft. Any other HTML is kept as written.
        if (WRAPPING_TAG.test(node.value)) break;
        out.push({ type: 'rawInline', value: node.value });
        break;
      default:
        out.push({ type: 'rawInline', value: slice(source, node) });
    }
  }
  return out;
}

function blocks(nodes: readonly RootContent[], source: string, depth = 0): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    // As the Parley format does (MAX_BLOCK_NESTING): past that depth, kept as written.
    if ((node.type === 'list' || node.type === 'blockquote') && depth >= MAX_BLOCK_NESTING) {
      out.push({ type: 'rawBlock', value: slice(source, node) });
      continue;
    }
    switch (node.type) {
      case 'paragraph':
        // A table (a schedule, a list of minerals) keeps a line per row, as the Parley format reads it.
        out.push({ type: 'paragraph', children: trimEnds(inlines(node.children, source, isPipeTable(slice(source, node)))) });
        break;
      case 'heading':
        // Setext or stray headings inside a body: their text is kept as a paragraph.
        out.push({ type: 'paragraph', children: trimEnds(inlines(node.children, source)) });
        break;
      case 'code':
        // Text indented by four spaces or more is a code block to Markdown; in a draft (copied from a word
        // processor, a first-line indent) it is paragraphs.
        if (!/^ {0,3}(?:`{3}|~{3})/.test(slice(source, node))) {
          out.push(...provisionBlocks(indentedParagraphs(node.value)));
        } else out.push({ type: 'rawBlock', value: slice(source, node) });
        break;
      case 'list': {
        const items = node.children.map(
          (item): ListItem => ({ type: 'listItem', spread: item.spread === true, children: nestPoints(blocks(item.children, source, depth + 1)) }),
        );
        // An ordered list keeps the numbers its items write (written-numbers.ts).
        if (node.ordered) out.push(...numberedAsWritten(items, node.children.map((item) => writtenNumber(source, item)), node.start ?? 1, node.spread === true));
        else out.push({ type: 'list', ordered: false, start: null, spread: node.spread === true, children: items });
        break;
      }
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocks(node.children, source, depth + 1) });
        break;
      case 'definition':
        // A link's address, given apart ("[12dec]: http://…"): Markdown shows nothing of it.
        break;
      default: {
        const value = slice(source, node);
        // An empty HTML comment is what pandoc puts between two lists, not text.
        if (node.type === 'html' && /^<!--\s*-->$/.test(value.trim())) break;
        if (value.trim()) out.push({ type: 'rawBlock', value });
      }
    }
  }
  return out;
}

/** Parse one clause body (or the front matter text) of a loose Markdown draft. */
const PLAIN_MARKDOWN = /^[^*_`[\]<>\\&!|#~]*$/;
const MARKUP_LINE = /^(?:[ \t]|[-+>=]|\d+\))/m;
const TIGHT_ITEM = /[^\n]\n\d{1,9}[.)][ \t]/;

export function markdownBlocks(markdown: string): Block[] {
  const source = withoutEmptyBold(markdown);
  if (!source.trim()) return [];
  // Fast path for bodies with no Markdown syntax beyond "1." paragraphs (generated treaties, most clean
  // drafts): same blocks as remark would give, several times faster on a 2,000-article draft.
  // A numbered line straight after another line (a tight list) is left to remark: its items are separate
  // paragraphs, not one wrapped paragraph.
  if (PLAIN_MARKDOWN.test(source) && !MARKUP_LINE.test(source.replace(/^\n+/, '')) && !TIGHT_ITEM.test(source)) {
    const paragraphs = source.split(/\n[ \t]*\n/).map((p) => oneSpaced(p).trim()).filter(Boolean);
    return provisionBlocks(paragraphs);
  }
  const tree = parser.parse(source) as Root;
  return loosen(nestPoints(numberedParagraphsAsItems(blocks(tree.children, source))));
}

/** One paragraph of loose Markdown (a footnote of a converted document) as one model paragraph. */
export function markdownParagraph(markdown: string): Paragraph {
  const source = withoutEmptyBold(markdown);
  const tree = parser.parse(source) as Root;
  const only = tree.children.length === 1 ? tree.children[0]! : null;
  if (only?.type !== 'paragraph') return textParagraph(oneSpaced(source).trim());
  return { type: 'paragraph', children: trimEnds(inlines(only.children, source)) };
}
