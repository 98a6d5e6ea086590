/**
 * The Three-way dialog: two drafts against a common base (the last joint text, and each side's proposal since), as
 * `parley diff --base` tells it — clause by clause, changed by the first side only, the second only, both the same
 * way, or both differently (a conflict), with what stands between the two sides and, where their changes do not
 * overlap, the text with both made. The wording comes from src/export (the command's and the web page's).
 */
import { draftRefName, type DossierApi, type DraftRef } from '../src/api.js';
import type { ThreeWayEntryJson, ThreeWayJson, ThreeWaySideJson } from '../src/compare/three-way-json.js';
import { partsOrWhole } from '../src/compare/redline-parts.js';
import type { VersionEntry } from '../src/model/dossier.js';
import { sideChangeNote, versionLine } from '../src/export/history-notes.js';
import { htmlThreeWay } from '../src/export/html-three-way.js';
import { holdsBothWords, movedByWords, partHeading, THREE_WAY_STATUS_WORDS, TITLE_BLOCK } from '../src/export/text-redline.js';
import { elideUnchanged } from '../src/export/elide-unchanged.js';
import type { WordOpJson } from '../src/compare/contract.js';
import { dossierFileStem, legalFlags, redlineNodes } from './compare-view.js';
import { h } from './dom.js';
import { describeError } from './errors.js';

export interface ThreeWayChoice {
  base: DraftRef;
  first: DraftRef;
  second: DraftRef;
}

export interface ThreeWayContext {
  api: DossierApi;
  /** The dossier's name (its folder), which a saved comparison's file name starts with. */
  dossierName: string;
  /** The instrument's title, heading a saved comparison. */
  title: string;
  /** The tabled versions, for the three pickers (the working draft is offered too). */
  versions: readonly VersionEntry[];
  /** Called before comparing with the working draft, so that what is compared is what the user sees. */
  beforeWorking: () => Promise<void>;
  /** Two of the drafts in the compare view, one clause brought into view (the dialog closes first). */
  compareTwo?: (oldRef: DraftRef, newRef: DraftRef, clauseId: string) => void;
}

/**
 * What the dialog first compares: the last three tabled versions, the earliest as the base (the joint text each
 * side answered); with fewer, what there is and the working draft.
 */
export function defaultThreeWayChoice(versions: readonly Pick<VersionEntry, 'version'>[]): ThreeWayChoice {
  const drafts: DraftRef[] = versions.slice(-3).map((v) => v.version);
  if (drafts.length < 3) drafts.push('working');
  while (drafts.length < 3) drafts.unshift(drafts[0]!);
  return { base: drafts[0]!, first: drafts[1]!, second: drafts[2]! };
}

/**
 * Opens the dialog with the three drafts chosen and compares them at once; the reader may choose others and
 * compare again. `onClose` takes the focus back.
 */
export function openThreeWayDialog(ctx: ThreeWayContext, choice: ThreeWayChoice, onClose: () => void): HTMLDialogElement {
  const picker = (id: string, chosen: DraftRef) => {
    const select = h('select', { id });
    for (const v of ctx.versions) select.append(h('option', { value: String(v.version) }, `v${v.version} — ${v.label} (${v.tabledBy})`));
    select.append(h('option', { value: 'working' }, 'Working draft'));
    select.value = String(chosen);
    return select;
  };
  const base = picker('three-way-base', choice.base);
  const first = picker('three-way-first', choice.first);
  const second = picker('three-way-second', choice.second);
  const run = h('button', { type: 'submit', class: 'primary', id: 'three-way-run' }, 'Compare');
  const showUnchanged = h('input', { type: 'checkbox', id: 'three-way-unchanged' });
  const wholeText = h('input', { type: 'checkbox', id: 'three-way-whole' });
  const close = h('button', { type: 'button', id: 'three-way-close' }, 'Close');
  const save = h('button', { type: 'button', id: 'three-way-save', disabled: true, title: 'Save the comparison shown as a web page for circulation, as parley diff --base --format html writes it' }, 'Save as web page…');
  // Only the progress and the summary are announced (role status), not the whole comparison.
  const status = h('p', { class: 'three-way-status', role: 'status' });
  const list = h('div', { class: 'three-way-list' });
  const body = h('div', { class: 'three-way-body', 'aria-busy': 'false' }, status, list);
  const form = h('form', { class: 'three-way-choice' },
    h('label', {}, 'Base ', base), h('label', {}, 'First side ', first), h('label', {}, 'Second side ', second), run,
    h('label', { class: 'check' }, showUnchanged, ' Show unchanged clauses'),
    h('label', { class: 'check', title: 'Each redline in full, not only the paragraphs around its changes' }, wholeText, ' Whole text'));
  const dialog = h('dialog', { class: 'history-dialog three-way-dialog', id: 'three-way-dialog', 'aria-label': 'Three-way comparison' },
    h('header', { class: 'history-header' }, h('h2', {}, 'Three-way comparison'), save, close, form),
    body);
  close.addEventListener('click', () => dialog.close());
  // A clause's Compare: the dialog goes and the compare view takes over (and the focus) with those two drafts.
  let next: (() => void) | null = null;
  const compareTwo: CompareTwo = ctx.compareTwo && ((oldRef, newRef, clauseId) => {
    next = () => ctx.compareTwo!(oldRef, newRef, clauseId);
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (next) next();
    else onClose();
  });
  showUnchanged.addEventListener('change', () => { list.classList.toggle('show-unchanged', showUnchanged.checked); });
  // The comparison shown, redrawn with or without the unchanged paragraphs around each change.
  let shown: ThreeWayJson | null = null;
  wholeText.addEventListener('change', () => { if (shown) list.replaceChildren(...entryNodes(shown, !wholeText.checked, compareTwo)); });

  const ref = (value: string): DraftRef => (value === 'working' ? 'working' : Number(value));
  let request = 0;
  const compare = async () => {
    const asked = ++request;
    const refs = { base: ref(base.value), first: ref(first.value), second: ref(second.value) };
    body.setAttribute('aria-busy', 'true');
    status.className = 'three-way-status';
    status.textContent = `Comparing ${draftRefName(refs.first)} and ${draftRefName(refs.second)} against ${draftRefName(refs.base)}…`;
    list.replaceChildren();
    shown = null;
    save.disabled = true;
    try {
      if (Object.values(refs).includes('working')) await ctx.beforeWorking();
      const result = await ctx.api.threeWay(refs.base, refs.first, refs.second);
      if (asked !== request) return;
      shown = result;
      save.disabled = false;
      status.textContent = summaryLine(result);
      list.replaceChildren(...entryNodes(result, !wholeText.checked, compareTwo));
    } catch (error) {
      if (asked !== request) return;
      status.className = 'three-way-status error';
      status.textContent = `The three drafts could not be compared: ${describeError(error)}`;
    } finally {
      if (asked === request) body.setAttribute('aria-busy', 'false');
    }
  };
  // n / p (or Alt+↓ / Alt+↑) step through the clauses shown, as in the compare view; not while choosing a draft.
  dialog.addEventListener('keydown', (event) => {
    if ((event.target as HTMLElement).closest('select, input:not([type=checkbox])')) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    const direction = (plain && event.key === 'n') || (event.altKey && event.key === 'ArrowDown') ? 1
      : (plain && event.key === 'p') || (event.altKey && event.key === 'ArrowUp') ? -1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    stepThrough(list, direction);
  });
  save.addEventListener('click', () => {
    if (!shown) return;
    const file = saveThreeWayPage(shown, ctx, !showUnchanged.checked);
    status.className = 'three-way-status';
    status.textContent = `Saved as ${file}. ${summaryLine(shown)}`;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  void compare();
  return dialog;
}

/** Focus the next (1) or previous (-1) clause shown after the one the focus is in, bringing it into view. */
function stepThrough(list: HTMLElement, direction: 1 | -1): void {
  const shown = [...list.querySelectorAll<HTMLElement>('.three-way-entry')].filter((e) => e.getClientRects().length > 0);
  if (shown.length === 0) return;
  const current = document.activeElement?.closest<HTMLElement>('.three-way-entry');
  const at = current ? shown.indexOf(current) : -1;
  // From outside the list, n starts at the first clause and p at the last.
  const next = at < 0 ? (direction === 1 ? 0 : shown.length - 1) : Math.max(0, Math.min(shown.length - 1, at + direction));
  const target = shown[next]!;
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

/**
 * The comparison shown as the page `parley diff --base … --format html` writes (html-three-way.ts), handed to the
 * browser as a download (Electron asks where to save it); `changedOnly`: the clauses neither side changed left out,
 * as they are hidden here. Returns the file's name: the dossier's, then the base and the two sides.
 */
function saveThreeWayPage(result: ThreeWayJson, ctx: ThreeWayContext, changedOnly: boolean): string {
  const name = (ref: DraftRef) => (ref === 'working' ? 'working' : `v${ref}`);
  const file = `${dossierFileStem(ctx.dossierName)} ${name(result.first.version)}-${name(result.second.version)} against ${name(result.base.version)}.html`;
  const page = htmlThreeWay({ summary: result.summary, entries: result.clauses, ...(result.front ? { front: result.front } : {}) }, {
    title: ctx.title,
    versions: { base: versionLine(result.base), first: versionLine(result.first), second: versionLine(result.second) },
    short: { first: draftRefName(result.first.version), second: draftRefName(result.second.version) },
    changedOnly,
  });
  const url = URL.createObjectURL(new Blob([page], { type: 'text/html;charset=utf-8' }));
  h('a', { href: url, download: file }).click();
  // The download has read the blob by the time a minute has passed.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

/** How the summary counts each status: "7 second side only, 5 conflicts". */
const COUNTED: Record<keyof ThreeWayJson['summary'], [string, string]> = {
  unchanged: ['unchanged', 'unchanged'],
  'first-only': ['first side only', 'first side only'],
  'second-only': ['second side only', 'second side only'],
  'both-same': ['both alike', 'both alike'],
  conflict: ['conflict', 'conflicts'],
};

/** "v4 and v5 against v3: 7 second side only, 5 conflicts, 3 unchanged (15 clauses)". */
function summaryLine(result: ThreeWayJson): string {
  const order = ['conflict', 'first-only', 'second-only', 'both-same', 'unchanged'] as const;
  const counts = order.filter((s) => result.summary[s] > 0).map((s) => `${result.summary[s]} ${COUNTED[s][result.summary[s] === 1 ? 0 : 1]}`);
  const total = result.clauses.length;
  return `${draftRefName(result.first.version)} and ${draftRefName(result.second.version)} against ${draftRefName(result.base.version)}: ${counts.join(', ')} (${total} ${total === 1 ? 'clause' : 'clauses'})`;
}

/** `elide`: runs of unchanged paragraphs cut to those next to a change, as `--changed-only` prints them. */
function entryNodes(result: ThreeWayJson, elide: boolean, compareTwo: CompareTwo): HTMLElement[] {
  const words = (ops: readonly WordOpJson[], partOfChange = false) => (elide ? elideUnchanged(ops, { partOfChange }) : ops);
  const reading: Reading = { result, names: { first: draftRefName(result.first.version), second: draftRefName(result.second.version) }, words, compareTwo };
  const entries = result.front ? [entryNode(result.front, reading, true)] : [];
  return [...entries, ...result.clauses.map((e) => entryNode(e, reading, false))];
}

type CompareTwo = ((oldRef: DraftRef, newRef: DraftRef, clauseId: string) => void) | undefined;

/** What every entry is drawn with: the comparison, the two sides' short names, the redline's cut, the Compare action. */
interface Reading {
  result: ThreeWayJson;
  names: { first: string; second: string };
  words: (ops: readonly WordOpJson[], partOfChange?: boolean) => readonly WordOpJson[];
  compareTwo: CompareTwo;
}

/** "Compare v3 → v4": those two drafts in the compare view, this clause brought into view; none for the title block. */
function compareButton(reading: Reading, oldRef: DraftRef, newRef: DraftRef, clauseId: string): HTMLElement | null {
  if (!reading.compareTwo || clauseId === '') return null;
  const text = `Compare ${draftRefName(oldRef)} → ${draftRefName(newRef)}`;
  const button = h('button', { type: 'button', class: 'history-compare', title: `${text}, in the compare view` }, text);
  button.addEventListener('click', () => reading.compareTwo!(oldRef, newRef, clauseId));
  return button;
}

/** One clause: its heading and status, then what each side did, what stands between them, and both together. */
function entryNode(e: ThreeWayEntryJson, reading: Reading, front: boolean): HTMLElement {
  const { names, words, result } = reading;
  const [base, first, second] = [result.base.version, result.first.version, result.second.version];
  const c = e.second ?? e.first ?? e.base!;
  const heading = front ? TITLE_BLOCK : [c.label, c.title].filter(Boolean).join(' — ') || '(no heading)';
  const moved = movedByWords(e.firstChange.moved === true, e.secondChange.moved === true, names.first, names.second);
  const apart = e.overlap === false
    ? e.holdsBoth ? holdsBothWords(e.holdsBoth, names.first, names.second) : 'in different sentences or rows: both changes can stand'
    : '';
  const item = h('article', { class: `three-way-entry ${e.status}`, 'data-id': e.id, 'data-status': e.status },
    h('h3', { class: 'three-way-heading' }, heading, front ? '' : h('span', { class: 'three-way-id' }, ` #${e.id}`)),
    h('p', { class: 'three-way-note' },
      h('span', { class: `badge three-way-badge ${e.status}` }, THREE_WAY_STATUS_WORDS[e.status]),
      moved ? ` · ${moved}` : '',
      apart ? h('span', { class: 'three-way-apart' }, ` · ${apart}`) : ''));
  if (e.status === 'unchanged') return item;
  if (e.status === 'both-same') {
    item.append(...sideNodes(`Both (${names.first}, ${names.second})`, e.firstChange, words, compareButton(reading, base, second, e.id)));
    return item;
  }
  // A side's edit of text another clause still holds (`within`) is found in the compare view under that clause.
  if (e.firstChange.change !== 'unchanged') item.append(...sideNodes(`First side (${names.first})`, e.firstChange, words, compareButton(reading, base, first, e.firstChange.within ?? e.id)));
  if (e.secondChange.change !== 'unchanged') item.append(...sideNodes(`Second side (${names.second})`, e.secondChange, words, compareButton(reading, base, second, e.secondChange.within ?? e.id)));
  if (e.between) {
    item.append(h('p', { class: 'three-way-part' }, `${names.first} → ${names.second}, what stands between them:`), compareButton(reading, first, second, e.id) ?? '');
    if (e.betweenLegal && e.betweenLegal.length > 0) item.append(legalFlags(e.betweenLegal));
    item.append(h('div', { class: 'redline inline three-way-text three-way-between' }, ...redlineNodes(words(e.between))));
  }
  if (e.combined) {
    item.append(h('p', { class: 'three-way-part' }, `Both changes together (${names.first} and ${names.second}, against the base):`));
    // A clause both sides split off alike has no title in the base: its title is theirs.
    if (e.combined.title !== e.base?.title) item.append(h('p', { class: 'three-way-title' }, `Title: ${e.combined.title}`));
    item.append(h('div', { class: 'redline inline three-way-text three-way-combined' }, ...redlineNodes(words(e.combined.words))));
  }
  return item;
}

/** A side's change since the base: what it did, its title's redline, what it changed in law, its redline (a merge's in parts). */
function sideNodes(who: string, side: ThreeWaySideJson, words: Reading['words'], compare: HTMLElement | null): HTMLElement[] {
  const out: HTMLElement[] = [h('p', { class: 'three-way-part' }, `${who}: ${sideChangeNote(side)}`)];
  if (compare) out.push(compare);
  if (side.titleWords) out.push(h('p', { class: 'three-way-title' }, 'Title: ', ...redlineNodes(side.titleWords)));
  if (side.legal.length > 0) out.push(legalFlags(side.legal));
  const parts = partsOrWhole(side);
  for (const part of parts) {
    if (part.head) out.push(h('p', { class: 'part-head' }, partHeading(part.head)));
    out.push(h('div', { class: 'redline inline three-way-text' }, ...redlineNodes(words(part.words, parts.length > 1))));
  }
  return out;
}
