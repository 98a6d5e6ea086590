/**
 * The positions view: every clause against every party — where each stands (supports, proposes, opposes,
 * reserves, ad-ref) with its note, and whether the clause still holds brackets. Read from the working draft.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { PartyInfo } from '../src/model/dossier.js';
import { positionsOf } from './commands.js';
import { clear, h } from './dom.js';
import { clauseState } from './outline.js';
import { schema } from './schema.js';

/**
 * `go`: show the clause in the draft; `history`: open its History dialog (`back` takes the focus after), so that
 * a position can be read against how the clause came to be.
 */
export function renderPositions(root: HTMLElement, doc: PMNode, parties: PartyInfo[], go: (clauseId: string) => void,
  history: (clauseId: string, heading: string, back: HTMLElement) => void): void {
  clear(root);
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Clause'), h('th', { scope: 'col' }, 'State'),
    ...parties.map((p) => h('th', { scope: 'col', 'data-party': p.id, class: 'party-col' }, `${p.id} — ${p.name}`)));
  const body = h('tbody');
  const visit = (parent: PMNode) => {
    parent.forEach((clause) => {
      if (clause.type !== schema.nodes.clause) return;
      const positions = positionsOf(clause);
      const state = clauseState(clause);
      const name = [clause.attrs.label, clause.firstChild?.textContent].filter(Boolean).join(' — ') || '(untitled)';
      const link = h('button', { type: 'button', class: 'link' }, name);
      link.addEventListener('click', () => go(clause.attrs.id as string));
      const past = h('button', { type: 'button', class: 'history-button', title: `${name} in every version` }, 'History');
      past.addEventListener('click', () => history(clause.attrs.id as string, name, past));
      body.append(h('tr', {},
        h('th', { scope: 'row' }, h('div', { class: 'clause-cell' }, link, past)),
        h('td', {}, h('span', { class: `state-badge state-${state}` }, state)),
        ...parties.map((p) => {
          const position = positions.get(p.id);
          return h('td', { 'data-party': p.id },
            position ? h('span', { class: `stance stance-${position.stance}` }, position.stance) : h('span', { class: 'no-position' }, '—'),
            position?.note ? h('div', { class: 'stance-note' }, position.note) : null);
        })));
      visit(clause);
    });
  };
  visit(doc);
  // The view's heading, for those who navigate by headings (the table says the rest).
  root.append(h('h1', { class: 'visually-hidden' }, 'Positions'), h('table', { class: 'positions-table' }, h('thead', {}, head), body));
}
