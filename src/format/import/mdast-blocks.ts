/**
 * Loose Markdown (one clause body at a time) → model blocks, through remark-parse.
 *
 * Only what the model has a place for is mapped (paragraphs, lists, block quotes, emphasis, strong, code,
 * breaks); anything else is kept verbatim from the source (raw blocks and inlines), so no text is lost.
 * Bold "**Option 1:**" stays strong text; square brackets stay text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { Block, Inline, ListItem } from '../../model/draft.js';
import { loosen, nestPoints, provisionBlocks } from './provision-blocks.js';
import { MAX_BLOCK_NESTING } from '../mdast-to-model.js';

const parser = unified().use(remarkParse);

function slice(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

function inlines(nodes: readonly PhrasingContent[], source: string): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        // Soft line breaks of hard-wrapped Markdown are spaces in the paragraph.
        const value = node.value.replace(/\s*\n\s*/g, ' ');
        const last = out[out.length - 1];
        if (last && last.type === 'text') last.value += value;
        else out.push({ type: 'text', value });
        break;
      }
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlines(node.children, source) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlines(node.children, source) });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: node.value });
        break;
      case 'break':
        out.push({ type: 'break' });
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
        out.push({ type: 'paragraph', children: inlines(node.children, source) });
        break;
      case 'heading':
        // Setext or stray headings inside a body: their text is kept as a paragraph.
        out.push({ type: 'paragraph', children: inlines(node.children, source) });
        break;
      case 'list':
        out.push({
          type: 'list',
          ordered: node.ordered === true,
          start: node.ordered ? (node.start ?? 1) : null,
          spread: node.spread === true,
          children: node.children.map(
            (item): ListItem => ({ type: 'listItem', spread: item.spread === true, children: nestPoints(blocks(item.children, source, depth + 1)) }),
          ),
        });
        break;
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocks(node.children, source, depth + 1) });
        break;
      default: {
        const value = slice(source, node);
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

export function markdownBlocks(source: string): Block[] {
  if (!source.trim()) return [];
  // Fast path for bodies with no Markdown syntax beyond "1." paragraphs (generated treaties, most clean
  // drafts): same blocks as remark would give, several times faster on a 2,000-article draft.
  // A numbered line straight after another line (a tight list) is left to remark: its items are separate
  // paragraphs, not one wrapped paragraph.
  if (PLAIN_MARKDOWN.test(source) && !MARKUP_LINE.test(source.replace(/^\n+/, '')) && !TIGHT_ITEM.test(source)) {
    const paragraphs = source.split(/\n[ \t]*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
    return provisionBlocks(paragraphs);
  }
  const tree = parser.parse(source) as Root;
  return loosen(nestPoints(blocks(tree.children, source)));
}
