/**
 * The outline beside the text: one entry per clause with its label, title, topics and negotiating state.
 *
 * State, from what the clause holds: "reserved" when a party reserves or opposes;
 * "bracketed" when any of its text is bracketed; otherwise "agreed".
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from './schema.js';

export type ClauseState = 'agreed' | 'bracketed' | 'reserved';

export interface OutlineEntry {
  id: string;
  label: string;
  title: string;
  topics: string[];
  depth: number;
  state: ClauseState;
  /** Position of the clause's heading text. */
  headingPos: number;
}

// Ad referendum is agreement subject to confirmation, not a reservation.
const RESERVING = new Set(['reserves', 'opposes']);

export function clauseState(clause: PMNode): ClauseState {
  let reserved = false;
  let bracketed = false;
  clause.forEach((child) => {
    if (child.type === schema.nodes.position && RESERVING.has(child.attrs.stance as string)) reserved = true;
    else if (child.type !== schema.nodes.clause && !bracketed) {
      child.descendants((n) => {
        if (bracketed) return false;
        if (schema.marks.bracket!.isInSet(n.marks)) bracketed = true;
        return !n.isText;
      });
    }
  });
  return reserved ? 'reserved' : bracketed ? 'bracketed' : 'agreed';
}

export function outlineOf(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const visit = (parent: PMNode, parentPos: number, depth: number) => {
    parent.forEach((child, offset) => {
      if (child.type !== schema.nodes.clause) return;
      const pos = parentPos + offset;
      entries.push({
        id: child.attrs.id as string,
        label: child.attrs.label as string,
        title: child.firstChild?.textContent ?? '',
        topics: child.attrs.topics as string[],
        depth,
        state: clauseState(child),
        headingPos: pos + 2,
      });
      visit(child, pos + 1, depth + 1);
    });
  };
  visit(doc, 0, 0);
  return entries;
}

const STATE_TEXT: Record<ClauseState, string> = { agreed: 'Agreed', bracketed: 'Bracketed', reserved: 'Reserved' };

/** Entries written at once; a longer outline's first fill writes the rest while the page is idle. */
const FIRST_SLICE = 150;
const IDLE_SLICE = 250;

/** Per outline list: what a click on an entry calls, and the idle fill under way (its handle), if any. */
const lists = new WeakMap<HTMLElement, { go: (entry: OutlineEntry) => void; entries: Map<string, OutlineEntry>; pending: number | null }>();

/**
 * Fill the outline list with its entries. One click listener on the list serves every entry. A long outline
 * written into an empty list (the draft just opened: 2,000 entries took 130 ms to write and 70 ms to style,
 * after the text's first frame) gets its first entries at once and the rest in slices while the page is idle,
 * so that the text can be read and edited meanwhile; a later fill (after an edit) replaces it whole.
 */
export function renderOutline(list: HTMLElement, entries: OutlineEntry[], go: (entry: OutlineEntry) => void): void {
  let state = lists.get(list);
  if (!state) {
    state = { go, entries: new Map(), pending: null };
    lists.set(list, state);
    list.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>('.outline-entry');
      const current = lists.get(list);
      const entry = button && current?.entries.get(button.dataset.clauseId ?? '');
      if (entry) current!.go(entry);
    });
  }
  if (state.pending !== null) cancelIdle(state.pending);
  state.pending = null;
  state.go = go;
  state.entries = new Map(entries.map((e) => [e.id, e]));
  const first = list.childElementCount === 0 && entries.length > FIRST_SLICE ? FIRST_SLICE : entries.length;
  list.replaceChildren(entryItems(entries, 0, first));
  const fill = (from: number): void => {
    state!.pending = whenIdle(() => {
      state!.pending = null;
      const to = Math.min(entries.length, from + IDLE_SLICE);
      list.append(entryItems(entries, from, to));
      if (to < entries.length) fill(to);
    });
  };
  if (first < entries.length) fill(first);
}

/** The list items of entries[from, to), built directly (thousands of them: no generic element builder). */
function entryItems(entries: readonly OutlineEntry[], from: number, to: number): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (let k = from; k < to; k++) {
    const entry = entries[k]!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `outline-entry depth-${Math.min(entry.depth, 3)}`;
    button.dataset.clauseId = entry.id;
    button.append(span('outline-label', entry.label || entry.title || '(untitled)'));
    if (entry.label && entry.title) button.append(span('outline-title', entry.title));
    const badge = span(`state-badge state-${entry.state}`, STATE_TEXT[entry.state]);
    badge.title = STATE_TEXT[entry.state];
    button.append(badge);
    if (entry.topics.length) button.append(span('outline-topics', entry.topics.join(' · ')));
    const item = document.createElement('li');
    item.append(button);
    fragment.append(item);
  }
  return fragment;
}

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/** requestIdleCallback where the browser has it (with a deadline, so a busy page still fills), else a timer. */
function whenIdle(run: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : window.setTimeout(run, 16);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
