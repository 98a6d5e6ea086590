/**
 * Paragraphs of a clause → model blocks, so that provisionsOf() sees the draft's own numbering:
 * - "1.  text" paragraphs become items of an ordered list (start = the first number; a number that does not
 *   follow on starts a new list, so a draft's own numbering is never silently changed);
 * - "(a) text" points that follow a numbered paragraph go inside that paragraph's list item, as paragraphs that
 *   open with "(a)";
 * - anything else is a plain paragraph and ends the list.
 * Literal square brackets stay text: in imported UN drafts they mark options without saying whose they are.
 */
import type { Block, Inline, List, ListItem, Paragraph } from '../../model/draft.js';

const NUMBERED = /^(\d{1,3})[.)]\s+(?=\S)/;
const POINT = /^(?:\(\s*(?:[a-z]{1,2}|[ivxlc]{1,6})\s*\)|[a-z]\))\s*/i;

export function textParagraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function firstText(block: Block): string {
  if (block.type !== 'paragraph') return '';
  const first = block.children[0];
  return first && first.type === 'text' ? first.value : '';
}

function lastOrderedList(blocks: Block[]): List | undefined {
  const last = blocks[blocks.length - 1];
  return last && last.type === 'list' && last.ordered ? last : undefined;
}

/** Plain paragraph texts (already unwrapped) of one clause → blocks. */
export function provisionBlocks(texts: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (const text of texts) {
    const numbered = NUMBERED.exec(text);
    if (numbered) {
      const n = Number(numbered[1]);
      const item: ListItem = { type: 'listItem', spread: false, children: [textParagraph(text.slice(numbered[0].length))] };
      const list = lastOrderedList(blocks);
      if (list && (list.start ?? 1) + list.children.length === n) list.children.push(item);
      else blocks.push({ type: 'list', ordered: true, start: n, spread: false, children: [item] });
      continue;
    }
    blocks.push(textParagraph(text));
    // Points go into the numbered paragraph they follow at once, so that the next number continues its list.
    const nested = nestPoints(blocks.splice(-2, 2));
    blocks.push(...nested);
  }
  return loosen(blocks);
}

/**
 * Paragraphs that open with a number ("2\.  The United States shall …": a converter escapes a number typed by
 * hand, not made by Word's numbering) become items of an ordered list, as provisionBlocks makes them of plain
 * text: the same provision whether the number was typed or automatic.
 */
export function numberedParagraphsAsItems(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const first = block.type === 'paragraph' ? block.children[0] : undefined;
    const numbered = first?.type === 'text' ? NUMBERED.exec(first.value) : null;
    if (!numbered || block.type !== 'paragraph') {
      out.push(block);
      continue;
    }
    const n = Number(numbered[1]);
    const rest = [{ ...first!, value: (first as { value: string }).value.slice(numbered[0].length) }, ...block.children.slice(1)];
    const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: rest as Inline[] }] };
    const list = lastOrderedList(out);
    if (list && (list.start ?? 1) + list.children.length === n) list.children.push(item);
    else out.push({ type: 'list', ordered: true, start: n, spread: false, children: [item] });
  }
  return out;
}

/**
 * Numbered paragraphs are written as loose lists (a blank line between items, and between a paragraph and
 * its points): in a tight list a point would read back as part of its paragraph's text. A list of one item
 * cannot show looseness, so it is recorded as tight, as a parser would read it back.
 */
export function loosen(blocks: Block[]): Block[] {
  for (const block of blocks) {
    if (block.type !== 'list') continue;
    block.spread = block.children.length > 1;
    for (const item of block.children) {
      item.spread = item.children.length > 1;
      loosen(item.children);
    }
  }
  return blocks;
}

/**
 * Move "(a)" point paragraphs that follow an ordered list into its last item. Markdown parsers end a list at an
 * unindented paragraph, so loose Markdown drafts need this as much as plain text does.
 */
export function nestPoints(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const list = lastOrderedList(out);
    if (list && block.type === 'paragraph' && POINT.test(firstText(block))) {
      const item = list.children[list.children.length - 1]!;
      item.children.push(block);
      continue;
    }
    out.push(block);
  }
  return out;
}

export function plainInline(text: string): Inline[] {
  return [{ type: 'text', value: text }];
}
