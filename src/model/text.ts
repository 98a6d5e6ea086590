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
  // The usual paragraph is one text node: its value as it is, without building a new string.
  if (nodes.length === 1 && nodes[0]!.type === 'text') return nodes[0]!.value;
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
  // Built by concatenation rather than an array and join: the comparison reads the text of every clause of
  // both drafts, and most bodies are one or two paragraphs. `any` says whether a part was written yet.
  let out = '';
  let any = false;
  for (const block of blocks) {
    let part: string;
    switch (block.type) {
      case 'paragraph':
        part = inlineText(block.children, options);
        break;
      case 'list':
        for (let i = 0; i < block.children.length; i++) {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '';
          const item = marker + blocksText(block.children[i]!.children, options);
          out = any ? out + '\n' + item : item;
          any = true;
        }
        continue;
      case 'blockquote':
        part = blocksText(block.children, options);
        break;
      case 'rawBlock':
        part = block.value;
        break;
      default:
        // 'position': commentary, not text.
        continue;
    }
    out = any ? out + '\n' + part : part;
    any = true;
  }
  return out;
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
