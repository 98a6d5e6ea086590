/**
 * Editing commands of the clause editor. Each is a ProseMirror command: (state, dispatch?) → applicable?,
 * so that menus can grey out what does not apply (called without dispatch) and keys can run it.
 */
import { Fragment, type Mark, type Node as PMNode, type ResolvedPos } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { Stance } from '../src/model/draft.js';
import { labelWord, renumberClauses } from './labels.js';
import { schema } from './schema.js';

const { clause: clauseType, clause_heading: headingType, paragraph } = schema.nodes;
const bracketType = schema.marks.bracket!;

export interface ClauseAt {
  node: PMNode;
  /** Position before the clause. */
  pos: number;
  depth: number;
}

/** The innermost clause around a position. */
export function clauseAt($pos: ResolvedPos): ClauseAt | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type === clauseType) return { node, pos: $pos.before(d), depth: d };
  }
  return null;
}

function newClauseId(doc: PMNode): string {
  const used = new Set<string>();
  doc.descendants((node) => {
    if (node.type === clauseType) used.add(node.attrs.id as string);
    return node.type === clauseType || node.type === schema.nodes.doc;
  });
  for (let i = 0; ; i++) {
    const id = `clause-${Date.now().toString(36)}${i ? '-' + i : ''}`;
    if (!used.has(id)) return id;
  }
}

/** A label for a clause placed after `before` (or before `after`): same word, renumbered afterwards. */
function labelNear(before: PMNode | null, after: PMNode | null): string {
  const word = (before && labelWord(before.attrs.label)) ?? (after && labelWord(after.attrs.label));
  return word ? `${word} 0` : '';
}

function finish(tr: Transaction, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  if (dispatch) dispatch(renumberClauses(tr).scrollIntoView());
  return true;
}

/** Insert an empty clause after the clause at the cursor (at its level), cursor in its heading. */
export const newClause: Command = (state, dispatch) => {
  const here = clauseAt(state.selection.$from);
  const level = here ? (here.node.attrs.level as number) : 2;
  const insertAt = here ? here.pos + here.node.nodeSize : state.doc.firstChild!.nodeSize;
  const $at = state.doc.resolve(insertAt);
  const after = $at.nodeAfter?.type === clauseType ? $at.nodeAfter : null;
  const node = clauseType.create(
    { id: newClauseId(state.doc), label: labelNear(here?.node ?? null, after), topics: [], level },
    [headingType.create(), paragraph.create()],
  );
  const tr = state.tr.insert(insertAt, node);
  tr.setSelection(TextSelection.create(tr.doc, insertAt + 2));
  return finish(tr, dispatch);
};

/** Split the clause at the cursor: what follows the cursor becomes a new clause right after it. */
export const splitClause: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const here = clauseAt($from);
  if (!here || !$from.parent.isTextblock || $from.parent.type === headingType) return false;
  if (!dispatch) return true;
  const tr = state.tr.deleteSelection();
  const pos = tr.selection.from;
  const $pos = tr.doc.resolve(pos);
  // Close every level between the cursor and the clause, so that the cut lies between two body blocks.
  const levels = $pos.depth - here.depth;
  tr.split(pos, levels);
  const cut = pos + levels;
  const $cut = tr.doc.resolve(cut);
  const clauseEnd = $cut.end(here.depth);
  const moved = tr.doc.slice(cut, clauseEnd).content;
  const old = tr.doc.nodeAt(here.pos)!;
  tr.delete(cut, clauseEnd);
  const next = clauseType.create(
    { id: newClauseId(tr.doc), label: labelNear(old, null), topics: [...(old.attrs.topics as string[])], level: old.attrs.level },
    Fragment.from(headingType.create()).append(moved.size ? moved : Fragment.from(paragraph.create())),
  );
  const at = tr.doc.resolve(cut).after(here.depth);
  tr.insert(at, next);
  tr.setSelection(TextSelection.create(tr.doc, at + 2));
  return finish(tr, dispatch);
};

/** Merge the clause at the cursor into the clause before it (same parent): its text joins the previous one. */
export const mergeWithPrevious: Command = (state, dispatch) => {
  const here = clauseAt(state.selection.$from);
  if (!here) return false;
  const $clause = state.doc.resolve(here.pos);
  const index = $clause.index();
  const prev = index > 0 ? $clause.parent.child(index - 1) : null;
  if (!prev || prev.type !== clauseType) return false;
  const rest: PMNode[] = [];
  here.node.forEach((child, _o, i) => {
    if (i > 0) rest.push(child);
  });
  const prevHasSubclauses = prev.lastChild?.type === clauseType;
  const bringsBlocks = rest.some((n) => n.type !== clauseType);
  // Body text cannot follow sub-clauses: refuse rather than reorder the previous clause.
  if (prevHasSubclauses && bringsBlocks) return false;
  if (!dispatch) return true;
  const prevPos = here.pos - prev.nodeSize;
  const joinAt = prevPos + prev.nodeSize - 1;
  const tr = state.tr.delete(here.pos, here.pos + here.node.nodeSize);
  tr.insert(joinAt, rest);
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(joinAt + 1, tr.doc.content.size))));
  return finish(tr, dispatch);
};

/** Move the clause at the cursor before its previous sibling (-1) or after its next one (+1). */
export function moveClause(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const here = clauseAt(state.selection.$from);
    if (!here) return false;
    const $clause = state.doc.resolve(here.pos);
    const index = $clause.index();
    const siblingIndex = index + direction;
    if (siblingIndex < 0 || siblingIndex >= $clause.parent.childCount) return false;
    const sibling = $clause.parent.child(siblingIndex);
    if (sibling.type !== clauseType) return false;
    if (!dispatch) return true;
    const offset = state.selection.from - here.pos;
    const size = here.node.nodeSize;
    const tr = state.tr;
    let newPos: number;
    if (direction < 0) {
      newPos = here.pos - sibling.nodeSize;
      tr.delete(here.pos, here.pos + size).insert(newPos, here.node);
    } else {
      tr.insert(here.pos + size + sibling.nodeSize, here.node).delete(here.pos, here.pos + size);
      newPos = here.pos + sibling.nodeSize;
    }
    tr.setSelection(TextSelection.near(tr.doc.resolve(newPos + offset)));
    return finish(tr, dispatch);
  };
}

/** Mark the selection as proposed by a party (replacing any other party's bracket there). */
export function bracketFor(party: string): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (dispatch) dispatch(state.tr.addMark(from, to, bracketType.create({ by: party })).scrollIntoView());
    return true;
  };
}

/** The run of text carrying one bracket mark around a position, within its textblock. */
export function bracketRunAt(state: EditorState, pos: number): { from: number; to: number; mark: Mark } | null {
  const $pos = state.doc.resolve(pos);
  const parent = $pos.parent;
  if (!parent.inlineContent) return null;
  const start = $pos.start();
  const mark = bracketType.isInSet($pos.nodeAfter?.marks ?? []) ?? bracketType.isInSet($pos.nodeBefore?.marks ?? []);
  if (!mark) return null;
  // Walk the children, collecting the contiguous run of this mark that touches pos.
  let from = -1;
  let to = -1;
  let found: { from: number; to: number } | null = null;
  parent.forEach((child, offset) => {
    const a = start + offset;
    const b = a + child.nodeSize;
    if (mark.isInSet(child.marks)) {
      if (from < 0 || to !== a) from = a;
      to = b;
      if (pos >= from && pos <= to) found = { from, to };
    } else {
      from = -1;
    }
  });
  return found ? { ...(found as { from: number; to: number }), mark } : null;
}

/**
 * Offer an alternative to the bracketed language at the cursor: an adjacent bracket for the next party,
 * holding placeholder text that is selected so the user types over it. On unbracketed selected text, the
 * selection is first bracketed for the first party.
 */
export function offerAlternative(parties: readonly string[]): Command {
  return (state, dispatch) => {
    let run = bracketRunAt(state, state.selection.from);
    let tr = state.tr;
    if (!run) {
      if (state.selection.empty || parties.length < 2) return false;
      const { from, to } = state.selection;
      const mark = bracketType.create({ by: parties[0] });
      tr = tr.addMark(from, to, mark);
      run = { from, to, mark };
    }
    const by = run.mark.attrs.by as string;
    const other = parties[(parties.indexOf(by) + 1) % parties.length] ?? parties[0];
    if (!other || other === by) return false;
    if (!dispatch) return true;
    const placeholder = 'alternative';
    const marks = run.mark.removeFromSet(state.doc.resolve(run.to).marks());
    const alternativeMarks = bracketType.create({ by: other }).addToSet(marks);
    tr.insert(run.to, schema.text(placeholder, alternativeMarks));
    tr.setSelection(TextSelection.create(tr.doc, run.to, run.to + placeholder.length));

    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Agree the text: remove brackets from the selection, or from the bracket at the cursor. */
export const removeBrackets: Command = (state, dispatch) => {
  let { from, to } = state.selection;
  if (state.selection.empty) {
    const run = bracketRunAt(state, from);
    if (!run) return false;
    ({ from, to } = run);
  } else if (!state.doc.rangeHasMark(from, to, bracketType)) {
    return false;
  }
  if (dispatch) dispatch(state.tr.removeMark(from, to, bracketType));
  return true;
};

/** The positions recorded on a clause, by party. */
export function positionsOf(clause: PMNode): Map<string, { stance: Stance; note: string }> {
  const out = new Map<string, { stance: Stance; note: string }>();
  clause.forEach((child) => {
    if (child.type === schema.nodes.position) {
      const notes: string[] = [];
      child.forEach((b) => notes.push(b.textContent));
      out.set(child.attrs.party as string, { stance: child.attrs.stance as Stance, note: notes.join('\n\n') });
    }
  });
  return out;
}

/** Record (or replace) a party's position on the clause at the cursor. */
export function setPosition(party: string, stance: Stance, note: string): Command {
  return (state, dispatch) => {
    const here = clauseAt(state.selection.$from);
    if (!here) return false;
    if (!dispatch) return true;
    const paragraphs = note
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => paragraph.create(null, schema.text(p)));
    const node = schema.nodes.position!.create({ party, stance }, paragraphs);
    const tr = state.tr;
    let existing: { pos: number; size: number } | null = null;
    let bodyEnd = here.pos + 1;
    here.node.forEach((child, offset) => {
      const pos = here.pos + 1 + offset;
      if (child.type === schema.nodes.position && child.attrs.party === party) existing = { pos, size: child.nodeSize };
      if (child.type !== clauseType) bodyEnd = pos + child.nodeSize;
    });
    if (existing) {
      const { pos, size } = existing as { pos: number; size: number };
      tr.replaceWith(pos, pos + size, node);
    } else {
      tr.insert(bodyEnd, node);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** What replaceDraft needs of an editor: its state, and a way to apply a transaction to it (an EditorView). */
export interface Editing {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/**
 * Replace the whole draft by other content (an imported draft) as one undo step of its own: one Ctrl+Z gives back
 * the draft as it was, and only that. The history groups edits made within half a second of each other, and a
 * change of the whole text touches every earlier change; so the group is closed before the replacement, lest it
 * join an edit made just before, and after it, lest the next keystroke join it (undoing that keystroke would then
 * undo the import too).
 */
export function replaceDraft(editor: Editing, content: Fragment): void {
  editor.dispatch(closeHistory(editor.state.tr.replaceWith(0, editor.state.doc.content.size, content)));
  editor.dispatch(closeHistory(editor.state.tr));
}
