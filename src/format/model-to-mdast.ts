/**
 * From the clause model back to mdast, for remark-stringify to write. The inverse of mdast-to-model:
 * verbatim content goes back as `html` nodes, which remark writes out unchanged.
 */
import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { Block, Inline } from '../model/draft.js';

export function fromBlocks(blocks: readonly Block[]): RootContent[] {
  return blocks.map(fromBlock);
}

function fromBlock(block: Block): RootContent {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', children: fromInlines(block.children) };
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        start: block.ordered ? block.start ?? 1 : null,
        spread: block.spread,
        children: block.children.map((item): ListItem => ({
          type: 'listItem',
          spread: item.spread,
          children: fromBlocks(item.children) as BlockContent[],
        })),
      };
    case 'blockquote':
      return { type: 'blockquote', children: fromBlocks(block.children) as BlockContent[] };
    case 'position':
      return {
        type: 'containerDirective',
        name: 'position',
        attributes: { party: block.party, stance: block.stance },
        children: fromBlocks(block.children) as BlockContent[],
      };
    case 'rawBlock':
      return { type: 'html', value: block.value };
  }
}

export function fromInlines(inlines: readonly Inline[]): PhrasingContent[] {
  return inlines.flatMap(fromInline);
}

/**
 * A colon before a letter, digit or symbol would read back as a directive (":bracket", "12:30", "Note:Art").
 * remark's own escaping misses it after another escaped character and inside directive labels ("\\`:a",
 * ":bracket[x::a]"), so such colons are written as an explicit escape ("12\\:30"), which remark emits verbatim.
 */
const DIRECTIVE_COLON = /:(?=[^\s!-\/:-@[-`{-~])/u;

export function textWithSafeColons(value: string): PhrasingContent[] {
  if (!DIRECTIVE_COLON.test(value)) return [{ type: 'text', value }];
  const out: PhrasingContent[] = [];
  for (const [i, part] of value.split(new RegExp(DIRECTIVE_COLON, 'gu')).entries()) {
    if (i > 0) out.push({ type: 'html', value: '\\:' });
    if (part) out.push({ type: 'text', value: part });
  }
  return out;
}

function fromInline(inline: Inline): PhrasingContent | PhrasingContent[] {
  switch (inline.type) {
    case 'text':
      return textWithSafeColons(inline.value);
    case 'emphasis':
      return { type: 'emphasis', children: fromInlines(inline.children) };
    case 'strong':
      return { type: 'strong', children: fromInlines(inline.children) };
    case 'bracket':
      return { type: 'textDirective', name: 'bracket', attributes: { by: inline.by }, children: fromInlines(inline.children) };
    case 'inlineCode':
      return { type: 'inlineCode', value: inline.value };
    case 'break':
      return { type: 'break' };
    case 'rawInline':
      return { type: 'html', value: inline.value };
  }
}
