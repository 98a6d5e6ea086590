/**
 * Clause numbering is presentation: after a clause is added, split, merged or moved, labels of the form
 * "<Word> <number>" ("Paragraph 4", "Article 12") are recomputed in reading order among siblings, one count per
 * word. Other labels ("Preamble", "Article 3bis", "Annex I") are left as the negotiators wrote them.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { schema } from './schema.js';

const NUMBERED = /^(Paragraph|Article|Section|Clause)\s+\d+$/;

/** The word of a numbered label ("Paragraph"), or null. */
export function labelWord(label: string): string | null {
  const match = NUMBERED.exec(label);
  return match ? match[1]! : null;
}

/** Renumber every sibling list of clauses in the transaction's document; returns the transaction. */
export function renumberClauses(tr: Transaction): Transaction {
  const visit = (parent: PMNode, parentPos: number) => {
    const counts = new Map<string, number>();
    parent.forEach((child, offset) => {
      if (child.type !== schema.nodes.clause) return;
      const pos = parentPos + offset;
      const word = labelWord(child.attrs.label as string);
      if (word) {
        const next = (counts.get(word) ?? 0) + 1;
        counts.set(word, next);
        const label = `${word} ${next}`;
        if (label !== child.attrs.label) tr.setNodeAttribute(pos, 'label', label);
      }
      visit(child, pos + 1);
    });
  };
  visit(tr.doc, 0);
  return tr;
}
