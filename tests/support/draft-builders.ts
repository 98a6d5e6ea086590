/**
 * Tiny builders for drafts in tests, in the spirit of prosemirror-test-builder: `draft(clause(...))`.
 */
import type { Block, Bracket, Clause, Draft, DraftMeta, Inline, List, Paragraph, Position, Stance } from '../../src/model/draft.js';

type InlineArg = string | Inline;
const inlines = (args: InlineArg[]): Inline[] => args.map((a) => (typeof a === 'string' ? { type: 'text', value: a } : a));

export const text = (value: string): Inline => ({ type: 'text', value });
export const em = (...c: InlineArg[]): Inline => ({ type: 'emphasis', children: inlines(c) });
export const strong = (...c: InlineArg[]): Inline => ({ type: 'strong', children: inlines(c) });
export const br = (by: string, ...c: InlineArg[]): Bracket => ({ type: 'bracket', by, children: inlines(c) });
export const p = (...c: InlineArg[]): Paragraph => ({ type: 'paragraph', children: inlines(c) });
/** A loose ordered list, as Parley writes numbered paragraphs (blank lines between items: a single item has none). */
export const ol = (start: number, ...items: Block[][]): List => ({
  type: 'list', ordered: true, start, spread: items.length > 1,
  children: items.map((children) => ({ type: 'listItem', spread: children.length > 1, children })),
});
export const position = (party: string, stance: Stance, note: string): Position => ({ type: 'position', party, stance, children: [p(note)] });

export function clause(label: string, title: string, id: string, body: Block[] = [], children: Clause[] = [], level = 2, topics: string[] = []): Clause {
  return { id, level, label, title, topics, body, children };
}

export function draft(clauses: Clause[], meta: Partial<DraftMeta> = {}): Draft {
  return {
    meta: { title: 'Test memorandum', parties: { EU: 'European Union', US: 'United States of America' }, ...meta },
    front: [],
    clauses,
  };
}
