/**
 * A fast path for clause bodies that hold nothing but plain paragraphs and numbered paragraphs.
 *
 * Why: micromark reads about 4 MB/s, so a 2,000-article treaty spends most of its load time in remark
 * although nearly every clause is plain prose. For a body made only of single-line paragraphs and numbered
 * paragraphs (tight or loose, with indented further paragraphs) whose text has no Markdown punctuation, the mdast remark would build is known in advance,
 * so it is built directly. Anything else — emphasis, brackets, positions, links, tight lists, wrapped lines,
 * unusual indentation — returns null and goes through remark as before. A property test holds this path
 * to giving exactly what remark gives.
 */
import type { Block, List, ListItem, Paragraph } from '../model/draft.js';

/** Characters that can start Markdown (or GFM, or directive) syntax anywhere in a line. */
const SPECIAL = /[\\`*_[\]<>&!~|@\t\r]|:[^\s]|www\.|:\/\//;
/** Openings that would make a line something other than a paragraph. */
const BLOCK_OPENING = /^(?:[-+*=#>:]|\d+[.)]|\s)/;
const ORDERED_ITEM = /^(\d{1,9})\. (.*)$/;

const EDGE_SPACE = /^\s|\s$/;

/** Text that remark reads and writes unchanged in a paragraph or heading: no Markdown syntax anywhere. */
export function isPlainText(text: string): boolean {
  return text.length > 0 && !SPECIAL.test(text) && !BLOCK_OPENING.test(text) && !EDGE_SPACE.test(text) && !text.includes('\n');
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

export function plainBlocks(body: string): Block[] | null {
  const lines = body.replace(/^\n+|\n+$/g, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return [];

  const blocks: Block[] = [];
  let list: List | null = null;
  let item: ListItem | null = null;
  let indent = 0;
  let afterBlank = true;
  for (const line of lines) {
    if (line === '') {
      afterBlank = true;
      continue;
    }
    const numbered = ORDERED_ITEM.exec(line);
    if (numbered) {
      const content = numbered[2]!;
      if (!isPlainText(content)) return null;
      // Without a blank line, only another item may follow an item (a tight list); a paragraph line
      // before it would make this a lazy continuation, which is left to remark.
      if (!afterBlank && !list) return null;
      item = { type: 'listItem', spread: false, children: [paragraph(content)] };
      if (!list) {
        list = { type: 'list', ordered: true, start: Number(numbered[1]), spread: false, children: [] };
        blocks.push(list);
      } else if (afterBlank) list.spread = true;
      list.children.push(item);
      indent = numbered[1]!.length + 2;
    } else if (line.startsWith(' ')) {
      // A further paragraph of the current item: after a blank line, indented exactly to the item's content.
      if (!item || !afterBlank || !line.startsWith(' '.repeat(indent)) || line.charCodeAt(indent) === 32) return null;
      const content = line.slice(indent);
      if (!isPlainText(content)) return null;
      item.children.push(paragraph(content));
      item.spread = true;
    } else {
      if (!afterBlank || !isPlainText(line)) return null;
      list = null;
      item = null;
      blocks.push(paragraph(line));
    }
    afterBlank = false;
  }
  return blocks;
}

/** The one text of a paragraph that holds nothing else, or null. */
function plainParagraphText(block: Block): string | null {
  if (block.type !== 'paragraph' || block.children.length !== 1) return null;
  const only = block.children[0]!;
  return only.type === 'text' && isPlainText(only.value) ? only.value : null;
}

/**
 * The inverse fast path: the Markdown remark would write for blocks of the same plain kind, or null when
 * any block is of another kind (then the caller uses remark).
 */
export function plainMarkdown(blocks: readonly Block[]): string | null {
  const parts: string[] = [];
  let previousWasList = false;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const text = plainParagraphText(block);
      if (text === null) return null;
      parts.push(text);
      previousWasList = false;
      continue;
    }
    // Two lists side by side are written with alternating markers by remark: left to it.
    if (block.type !== 'list' || !block.ordered || previousWasList || block.children.length === 0) return null;
    const start = block.start ?? 1;
    const items: string[] = [];
    for (const [i, item] of block.children.entries()) {
      const marker = `${start + i}. `;
      const texts = item.children.map(plainParagraphText);
      if (texts.length === 0 || texts.some((t) => t === null)) return null;
      const indent = ' '.repeat(marker.length);
      items.push(marker + texts.map((t, j) => (j === 0 ? t : indent + t)).join('\n\n'));
    }
    parts.push(items.join(block.spread ? '\n\n' : '\n'));
    previousWasList = true;
  }
  return parts.join('\n\n');
}
