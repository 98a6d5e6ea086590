/**
 * Find and replace: a plugin that highlights every match of the query (plain text, case-insensitive, within one
 * textblock) and commands to move between matches and replace them.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

interface FindState {
  query: string;
  matches: { from: number; to: number }[];
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>('find');

function search(doc: PMNode, query: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (!query) return out;
  const needle = query.toLowerCase();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Text of the block with positions: leaves that are not text count as one unmatched character.
    let text = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      const s = child.isText ? child.text! : '\ufffc';
      for (let i = 0; i < s.length; i++) starts.push(pos + 1 + offset + i);
      text += s;
    });
    const hay = text.toLowerCase();
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      out.push({ from: starts[i]!, to: starts[i + needle.length - 1]! + 1 });
    }
    return false;
  });
  return out;
}

function build(doc: PMNode, query: string): FindState {
  const matches = search(doc, query);
  return { query, matches, decorations: DecorationSet.create(doc, matches.map((m) => Decoration.inline(m.from, m.to, { class: 'find-match' }))) };
}

export const findPlugin = new Plugin<FindState>({
  key: findKey,
  state: {
    init: () => ({ query: '', matches: [], decorations: DecorationSet.empty }),
    apply(tr, value) {
      const query = tr.getMeta(findKey) as string | undefined;
      if (query !== undefined) return build(tr.doc, query);
      if (tr.docChanged && value.query) return build(tr.doc, value.query);
      return value;
    },
  },
  props: { decorations: (state) => findKey.getState(state)?.decorations },
});

export function setQuery(state: EditorState, query: string): Transaction {
  return state.tr.setMeta(findKey, query);
}

/** Select the next (or previous) match after the selection; null when there is none. */
export function findNext(state: EditorState, backwards = false): Transaction | null {
  const found = findKey.getState(state);
  if (!found || found.matches.length === 0) return null;
  const { from, to } = state.selection;
  const list = found.matches;
  const match = backwards
    ? [...list].reverse().find((m) => m.to < to) ?? list[list.length - 1]!
    : list.find((m) => m.from > from) ?? list[0]!;
  return state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView();
}

/** Replace the selected match (if the selection is one) and select the next one. */
export function replaceCurrent(state: EditorState, replacement: string): Transaction | null {
  const found = findKey.getState(state);
  if (!found) return null;
  const { from, to } = state.selection;
  const hit = found.matches.find((m) => m.from === from && m.to === to);
  if (!hit) return findNext(state);
  const tr = state.tr.insertText(replacement, from, to);
  return tr;
}

export function replaceAll(state: EditorState, replacement: string): Transaction | null {
  const found = findKey.getState(state);
  if (!found || found.matches.length === 0) return null;
  const tr = state.tr;
  // Back to front, so earlier positions stay valid.
  for (const m of [...found.matches].reverse()) tr.insertText(replacement, m.from, m.to);
  return tr;
}

export function matchCount(state: EditorState): number {
  return findKey.getState(state)?.matches.length ?? 0;
}
