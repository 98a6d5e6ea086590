/**
 * The outline beside the text: one entry per clause with its label, title, topics and negotiating state.
 *
 * State, from what the clause holds: "reserved" when a party reserves or opposes;
 * "bracketed" when any of its text is bracketed; otherwise "agreed".
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from './schema.js';
import { clear, h } from './dom.js';

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

export function renderOutline(list: HTMLElement, entries: OutlineEntry[], go: (entry: OutlineEntry) => void): void {
  clear(list);
  for (const entry of entries) {
    const button = h(
      'button',
      { type: 'button', class: `outline-entry depth-${Math.min(entry.depth, 3)}`, 'data-clause-id': entry.id },
      h('span', { class: 'outline-label' }, entry.label || entry.title || '(untitled)'),
      entry.label && entry.title ? h('span', { class: 'outline-title' }, entry.title) : null,
      h('span', { class: `state-badge state-${entry.state}`, title: STATE_TEXT[entry.state] }, STATE_TEXT[entry.state]),
      entry.topics.length ? h('span', { class: 'outline-topics' }, entry.topics.join(' · ')) : null,
    );
    button.addEventListener('click', () => go(entry));
    list.append(h('li', {}, button));
  }
}
