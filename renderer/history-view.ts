/**
 * The History dialog: one clause through every tabled version and the working draft — where it first appears, each
 * later change redlined with the party that tabled it and what it changed in law, why it is absent where it is —
 * as `parley history` tells it (the wording comes from src/export/history-notes.ts).
 */
import { draftRefName, type DossierApi, type DraftRef } from '../src/api.js';
import type { ClauseHistoryJson } from '../src/compare/history.js';
import { absentNote, changeLine, firstAppearanceLine, relationNote, versionLine } from '../src/export/history-notes.js';
import { legalFlags, redlineNodes } from './compare-view.js';
import { partHeading } from '../src/export/text-redline.js';
import { partsOrWhole, type RedlinePart } from '../src/compare/redline-parts.js';
import { h } from './dom.js';
import { describeError } from './errors.js';

type Entry = ClauseHistoryJson['versions'][number];

/**
 * Opens the dialog at once with a progress line (reading and aligning every version takes a moment on a long
 * dossier), fills it when the history arrives, and gives the focus back through `onClose`. With `compareStep`,
 * each change offers to compare its two drafts in the compare view.
 */
export function openHistoryDialog(api: DossierApi, clauseId: string, heading: string, onClose: () => void,
  compareStep?: (oldRef: DraftRef, newRef: DraftRef, clauseId: string) => void): HTMLDialogElement {
  // Only the short lines are announced (role status): the progress, then the summary that replaces it; not the
  // whole history, which the reader walks at will.
  const body = h('div', { class: 'history-body', 'aria-busy': 'true' },
    h('p', { class: 'history-loading', role: 'status' }, 'Reading the versions…'));
  const close = h('button', { type: 'button', id: 'history-close' }, 'Close');
  const dialog = h('dialog', { class: 'history-dialog', id: 'history-dialog', 'aria-label': `History of ${heading}` },
    h('header', { class: 'history-header' }, h('h2', { id: 'history-title' }, `History of ${heading}`), close),
    body);
  close.addEventListener('click', () => dialog.close());
  // A step's Compare: the dialog goes and the compare view takes over (and the focus) with that step.
  let next: (() => void) | null = null;
  const compare = compareStep && ((oldRef: DraftRef, newRef: DraftRef) => {
    next = () => compareStep(oldRef, newRef, clauseId);
    dialog.close();
  });
  // Escape closes a modal dialog natively; either way the dialog goes, and the focus goes back where it was
  // (unless a step's Compare is taking over).
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (next) next();
    else onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  api.clauseHistory(clauseId).then(
    (history) => {
      body.replaceChildren(...historyNodes(history, compare));
      body.setAttribute('aria-busy', 'false');
    },
    (error) => {
      body.replaceChildren(h('p', { class: 'history-error', role: 'alert' }, `The history could not be read: ${describeError(error)}`));
      body.setAttribute('aria-busy', 'false');
    },
  );
  return dialog;
}

type CompareStep = ((oldRef: DraftRef, newRef: DraftRef) => void) | undefined;

function historyNodes(history: ClauseHistoryJson, compare: CompareStep): Node[] {
  const present = history.versions.filter((e) => e.clause).length;
  const changes = history.versions.filter((e) => e.change?.kind === 'edited').length;
  const summary = h('p', { class: 'history-summary', role: 'status' },
    `${history.id ? `#${history.id}` : 'The text before the first clause'} — in ${count(present, 'version')} of ${history.versions.length}, ${count(changes, 'change')}`);
  return [summary, h('ol', { class: 'history-list' }, ...history.versions.map((e, k) => entryNode(e, history.versions[k - 1]?.version, compare)))];
}

/**
 * A button that compares the two drafts of a step in the compare view, this clause brought into view: "Compare
 * v3 → v4".
 */
function compareButton(compare: CompareStep, oldRef: DraftRef | undefined, newRef: DraftRef): HTMLElement | null {
  if (!compare || oldRef === undefined) return null;
  const text = `Compare ${draftRefName(oldRef)} → ${draftRefName(newRef)}`;
  const button = h('button', { type: 'button', class: 'history-compare', title: `${text}, in the compare view` }, text);
  button.addEventListener('click', () => compare(oldRef, newRef));
  return button;
}

/** `before`: the version listed before this one, if any. */
function entryNode(e: Entry, before: DraftRef | undefined, compare: CompareStep): HTMLElement {
  const item = h('li', { class: 'history-entry', 'data-version': String(e.version) },
    h('h3', { class: 'history-version' }, versionLine(e)));
  if (!e.clause) {
    item.classList.add('absent');
    item.append(h('p', { class: 'history-note' }, absentNote(e.absent!)));
    return item;
  }
  const c = e.clause;
  const change = e.change;
  // A changed title is redlined in the heading, after the label that is not part of it.
  const heading = h('p', { class: 'history-heading' });
  if (change?.titleWords) heading.append(...(c.label ? [c.label, ' — '] : []), ...redlineNodes(change.titleWords));
  else heading.append(c.heading || '(no heading)');
  item.append(heading);
  if (e.relation) item.append(h('p', { class: 'history-note history-relation' }, relationNote(e.relation)));
  if (!change) {
    // Split off or merged from clauses of the version before: against what it was made from, where that changed anything.
    const origin = e.origin && e.origin.words.some((w) => w.op !== 'equal') ? e.origin : undefined;
    item.append(h('p', { class: 'history-note history-first' }, capitalised(firstAppearanceLine(e.relation, origin !== undefined))));
    if (!origin) {
      item.append(h('div', { class: 'redline inline history-text' }, c.text));
      return item;
    }
    item.append(compareButton(compare, before, e.version) ?? '');
    if (origin.legal.length > 0) item.append(legalFlags(origin.legal));
    appendParts(item, partsOrWhole(origin));
    return item;
  }
  const line = h('p', { class: `history-note history-change ${change.kind}` }, changeLine(change, e.version));
  if (change.by) line.dataset.by = change.by;
  item.append(line);
  if (change.kind === 'unchanged') {
    item.classList.add('unchanged');
    return item;
  }
  item.append(compareButton(compare, change.since, e.version) ?? '');
  if (change.legal.length > 0) item.append(legalFlags(change.legal));
  appendParts(item, partsOrWhole(change));
  return item;
}

/** A redline in parts: a merge's, each merged clause's text under a line naming it, as the compare view heads them. */
function appendParts(item: HTMLElement, parts: ReadonlyArray<Pick<RedlinePart, 'head' | 'words'>>): void {
  for (const part of parts) {
    if (part.head) item.append(h('p', { class: 'part-head' }, partHeading(part.head)));
    item.append(h('div', { class: 'redline inline history-text' }, ...redlineNodes(part.words)));
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
