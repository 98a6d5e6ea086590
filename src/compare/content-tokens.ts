/**
 * A clause's content as the clause aligner reads it: title and body as one text (contentText), and its
 * tokens (joinedContentTokens), preferably joined from the tokens of its paragraphs.
 */
import type { Block, Clause, Paragraph } from '../model/draft.js';
import { clauseText, inlineText } from '../model/text.js';
import { joinTokens, type Tokens } from './normalize.js';

/**
 * Title and body as one text: a title-only change is an edit, a label change is not. Brackets are marked so
 * that bracketing or unbracketing language is an edit (a cosmetic one for the loose key, which ignores them).
 */
export function contentText(c: Clause): string {
  const body = clauseText(c, { brackets: 'marked' });
  return c.title ? c.title + '\n' + body : body;
}

/**
 * The tokens of contentText(c), joined from the tokens of its title and paragraphs (joinTokens), when the body
 * is plain paragraphs and list items of one paragraph each — as nearly every clause is; null otherwise. The
 * paragraphs are the very strings provision alignment reads (provisionsOf), so they are tokenized once.
 */
export function joinedContentTokens(c: Clause, tokens: (text: string) => Tokens): Tokens | null {
  const texts: string[] = [];
  const numbered: boolean[] = [];
  if (c.title) { texts.push(c.title); numbered.push(false); }
  for (const block of c.body) {
    if (block.type === 'position') continue;
    if (block.type === 'paragraph') {
      const text = plainText(block);
      if (text === null) return null;
      texts.push(text);
      numbered.push(false);
      continue;
    }
    if (block.type !== 'list') return null;
    for (let k = 0; k < block.children.length; k++) {
      const item = block.children[k]!.children;
      if (item.length !== 1 || item[0]!.type !== 'paragraph') return null;
      const text = plainText(item[0]!);
      if (text === null) return null;
      // The item's number opens its line ("4. "): read as a paragraph label only up to three digits.
      const number = (block.start ?? 1) + k;
      if (block.ordered && !(Number.isInteger(number) && number >= 0 && number <= 999)) return null;
      texts.push(text);
      numbered.push(block.ordered);
    }
  }
  return joinTokens(texts.map(tokens), numbered, texts);
}

/** The text of a paragraph that is one plain text node (as inlineText reads it), or null. */
function plainText(paragraph: Paragraph): string | null {
  const nodes = paragraph.children;
  return nodes.length === 1 && nodes[0]!.type === 'text' ? nodes[0]!.value : null;
}

/**
 * Where a clause's paragraphs begin, in words: the word count of its title and of each paragraph (a list
 * item's, a quoted one's, a raw block's), in reading order. Two clauses with the same words and the same
 * counts are paragraphed alike; with the same words and other counts, a paragraph was cut in two, two were
 * joined, or a sentence went from one to the next — a change of structure that changes what "paragraph 2"
 * refers to, which the text alone does not show (a line break reads as a space, since a paragraph may wrap
 * its lines anywhere).
 */
export function wordsPerParagraph(c: Clause, tokens: (text: string) => Tokens): number[] {
  const counts = [c.title ? tokens(c.title).words.length : 0];
  const walk = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') counts.push(tokens(inlineText(block.children, MARKED)).words.length);
      else if (block.type === 'list') for (const item of block.children) walk(item.children);
      else if (block.type === 'blockquote') walk(block.children);
      else if (block.type === 'rawBlock') counts.push(tokens(block.value).words.length);
    }
  };
  walk(c.body);
  return counts;
}

const MARKED = { brackets: 'marked' } as const;
