/**
 * Model ⇄ ProseMirror document, without loss: docToDraft(draftToDoc(d)) deep-equals d for drafts the
 * parser produces.
 *
 * The model nests inline formatting as a tree (bracket > emphasis > text); ProseMirror keeps a flat run of
 * leaves, each with a set of marks ordered by the schema (bracket, strong, em). Going back, consecutive leaves
 * that share their outermost mark are gathered under one model node, which rebuilds the same tree as long as
 * the source nested its marks in schema order — the order the editor itself always produces.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { Block, Clause, Draft, DraftMeta, Inline, ListItem } from '../src/model/draft.js';
import { schema } from './schema.js';

const n = schema.nodes;

// ---------------------------------------------------------------------------------------------------------
// Model → document

export function draftToDoc(draft: Draft): PMNode {
  return n.doc!.create({ meta: draft.meta }, [
    n.front!.create(null, draft.front.map(blockToNode)),
    ...draft.clauses.map(clauseToNode),
  ]);
}

export function clauseToNode(clause: Clause): PMNode {
  return n.clause!.create(
    { id: clause.id, label: clause.label, topics: [...clause.topics], level: clause.level },
    [
      n.clause_heading!.create(null, clause.title ? schema.text(clause.title) : null),
      ...clause.body.map(blockToNode),
      ...clause.children.map(clauseToNode),
    ],
  );
}

function blockToNode(block: Block): PMNode {
  switch (block.type) {
    case 'paragraph':
      return n.paragraph!.create(null, inlinesToNodes(block.children, []));
    case 'list':
      return block.ordered
        ? n.ordered_list!.create({ start: block.start ?? 1, spread: block.spread }, block.children.map(itemToNode))
        : n.bullet_list!.create({ spread: block.spread }, block.children.map(itemToNode));
    case 'position':
      return n.position!.create({ party: block.party, stance: block.stance }, block.children.map(blockToNode));
    case 'blockquote':
      return n.blockquote!.create(null, block.children.map(blockToNode));
    case 'rawBlock':
      return n.raw_block!.create({ value: block.value });
  }
}

function itemToNode(item: ListItem): PMNode {
  return n.list_item!.create({ spread: item.spread }, item.children.map(blockToNode));
}

function inlinesToNodes(inlines: readonly Inline[], marks: readonly Mark[]): PMNode[] {
  const out: PMNode[] = [];
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        // ProseMirror has no empty text nodes; an empty model text carries nothing to keep.
        if (inline.value !== '') out.push(schema.text(inline.value, marks));
        break;
      case 'break':
        out.push(n.hard_break!.create(null, null, marks));
        break;
      case 'inlineCode':
        out.push(n.inline_code!.create({ value: inline.value }, null, marks));
        break;
      case 'rawInline':
        out.push(n.raw_inline!.create({ value: inline.value }, null, marks));
        break;
      case 'emphasis':
        out.push(...inlinesToNodes(inline.children, schema.marks.em!.create().addToSet(marks)));
        break;
      case 'strong':
        out.push(...inlinesToNodes(inline.children, schema.marks.strong!.create().addToSet(marks)));
        break;
      case 'bracket':
        out.push(...inlinesToNodes(inline.children, schema.marks.bracket!.create({ by: inline.by }).addToSet(marks)));
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Document → model

export function docToDraft(doc: PMNode): Draft {
  const front = doc.firstChild!;
  const clauses: Clause[] = [];
  doc.forEach((child) => {
    if (child.type === n.clause) clauses.push(nodeToClause(child));
  });
  return { meta: doc.attrs.meta as DraftMeta, front: childBlocks(front), clauses };
}

export function nodeToClause(node: PMNode): Clause {
  const body: Block[] = [];
  const children: Clause[] = [];
  let title = '';
  node.forEach((child) => {
    if (child.type === n.clause_heading) title = child.textContent;
    else if (child.type === n.clause) children.push(nodeToClause(child));
    else body.push(nodeToBlock(child));
  });
  return {
    id: node.attrs.id as string,
    level: node.attrs.level as number,
    label: node.attrs.label as string,
    title,
    topics: [...(node.attrs.topics as string[])],
    body,
    children,
  };
}

function childBlocks(node: PMNode): Block[] {
  const blocks: Block[] = [];
  node.forEach((child) => blocks.push(nodeToBlock(child)));
  return blocks;
}

function nodeToBlock(node: PMNode): Block {
  switch (node.type) {
    case n.paragraph:
      return { type: 'paragraph', children: nodesToInlines(leavesOf(node)) };
    case n.ordered_list:
      return { type: 'list', ordered: true, start: node.attrs.start as number, spread: node.attrs.spread as boolean, children: listItems(node) };
    case n.bullet_list:
      return { type: 'list', ordered: false, start: null, spread: node.attrs.spread as boolean, children: listItems(node) };
    case n.position:
      return { type: 'position', party: node.attrs.party as string, stance: node.attrs.stance, children: childBlocks(node) };
    case n.blockquote:
      return { type: 'blockquote', children: childBlocks(node) };
    case n.raw_block:
      return { type: 'rawBlock', value: node.attrs.value as string };
    default:
      throw new Error(`A ${node.type.name} node cannot stand as a block of the draft`);
  }
}

function listItems(list: PMNode): ListItem[] {
  const items: ListItem[] = [];
  list.forEach((item) => items.push({ type: 'listItem', spread: item.attrs.spread as boolean, children: childBlocks(item) }));
  return items;
}

interface Leaf {
  node: PMNode;
  /** Marks still to be opened, outermost first. */
  marks: readonly Mark[];
}

function leavesOf(node: PMNode): Leaf[] {
  const leaves: Leaf[] = [];
  node.forEach((child) => leaves.push({ node: child, marks: child.marks }));
  return leaves;
}

function nodesToInlines(leaves: readonly Leaf[]): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < leaves.length) {
    const leaf = leaves[i]!;
    const outer = leaf.marks[0];
    if (!outer) {
      out.push(leafToInline(leaf.node));
      i++;
      continue;
    }
    // Gather the run of leaves that share this outermost mark: they were one model node.
    const run: Leaf[] = [];
    while (i < leaves.length && leaves[i]!.marks[0]?.eq(outer)) {
      run.push({ node: leaves[i]!.node, marks: leaves[i]!.marks.slice(1) });
      i++;
    }
    const children = nodesToInlines(run);
    if (outer.type === schema.marks.bracket) out.push({ type: 'bracket', by: outer.attrs.by as string, children });
    else if (outer.type === schema.marks.strong) out.push({ type: 'strong', children });
    else out.push({ type: 'emphasis', children });
  }
  return out;
}

function leafToInline(node: PMNode): Inline {
  if (node.isText) return { type: 'text', value: node.text! };
  if (node.type === n.hard_break) return { type: 'break' };
  if (node.type === n.inline_code) return { type: 'inlineCode', value: node.attrs.value as string };
  return { type: 'rawInline', value: node.attrs.value as string };
}
