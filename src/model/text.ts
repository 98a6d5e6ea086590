/**
 * Plain text of model content: what the comparison engine, the outline and the checks read.
 */
import type { Block, Clause, Inline } from './draft.js';

export interface TextOptions {
  /**
   * How bracketed language reads in plain text. `plain` drops the bracket marks (the words as they would
   * read if agreed); `marked` keeps square brackets around them so that a change of bracketing is visible.
   */
  brackets?: 'plain' | 'marked';
}

export function inlineText(nodes: readonly Inline[], options: TextOptions = {}): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'rawInline':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
        out += inlineText(node.children, options);
        break;
      case 'bracket':
        out += options.brackets === 'marked'
          ? '[' + inlineText(node.children, options) + ']'
          : inlineText(node.children, options);
        break;
    }
  }
  return out;
}

/** Text of blocks, one paragraph per line. Positions are commentary, not text of the instrument: skipped. */
export function blocksText(blocks: readonly Block[], options: TextOptions = {}): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        parts.push(inlineText(block.children, options));
        break;
      case 'list':
        block.children.forEach((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '';
          parts.push(marker + blocksText(item.children, options));
        });
        break;
      case 'blockquote':
        parts.push(blocksText(block.children, options));
        break;
      case 'rawBlock':
        parts.push(block.value);
        break;
      case 'position':
        break;
    }
  }
  return parts.join('\n');
}

/** The clause's own text (its body, not its sub-clauses). */
export function clauseText(clause: Clause, options: TextOptions = {}): string {
  return blocksText(clause.body, options);
}

/** The heading as a reader sees it: "Article 4 — No export restrictions". */
export function clauseHeading(clause: Pick<Clause, 'label' | 'title'>): string {
  if (clause.label && clause.title) return `${clause.label} — ${clause.title}`;
  return clause.label || clause.title;
}
