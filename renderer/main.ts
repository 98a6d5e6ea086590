/**
 * Parley's user interface: the clause editor with its outline and version timeline, and the compare view.
 * It reaches the dossier only through window.parley (DossierApi): Electron's preload provides it; in a browser
 * served by `parley serve`, the HTTP transport is installed here.
 */
import type { EditorView } from 'prosemirror-view';
import type { DossierApi, DossierSummary, DraftRef, InheritedDraft } from '../src/api.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import type { VersionEntry } from '../src/model/dossier.js';
import { DRAFT_STATUSES, STANCES, type Draft, type Stance } from '../src/model/draft.js';
import { clauseHeading } from '../src/model/text.js';
import { sameTextNote } from '../src/notices.js';
import {
  bracketFor,
  clauseAt,
  mergeWithPrevious,
  moveClause,
  newClause,
  offerAlternative,
  positionsOf,
  removeBrackets,
  replaceDraft,
  setPosition,
  splitClause,
} from './commands.js';
import { CompareView } from './compare-view.js';
import { docToDraft, draftToDoc } from './convert.js';
import { append, clear, h } from './dom.js';
import { KEYS, createEditor, keyLabel } from './editor.js';
import { openHistoryDialog } from './history-view.js';
import { defaultThreeWayChoice, openThreeWayDialog } from './three-way-view.js';
import { findNext, matchCount, replaceAll, replaceCurrent, setQuery } from './find.js';
import { outlineOf, renderOutline } from './outline.js';
import { createHttpApi, takeToken } from './transport-http.js';
import { renderPositions } from './positions-view.js';
import { importDraft } from '../src/format/import-text.js';
import { inDocumentTerms } from '../src/format/import/docx-diagnostics.js';
import { applyRunStyles } from '../src/format/import/word-run-styles.js';
import { browserPage } from './browser-page.js';
import { describeError } from './errors.js';
import { importedIds, type ImportedFile } from './imported-file.js';

type ViewId = 'draft' | 'compare' | 'positions';

import { TextSelection, type Command } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';

declare global {
  interface Window {
    parley: DossierApi;
    /** For the benchmark and the end-to-end tests: the live editor view. */
    parleyEditor?: EditorView;
  }
}

/** Findings of reading a draft shown as a notice each; more are counted in one (noticeFindings). */
const FINDINGS_SHOWN = 3;
const AUTOSAVE_DELAY = 1000;
const OUTLINE_DELAY = 250;

function installApi(): DossierApi {
  if (!window.parley) window.parley = createHttpApi(takeToken());
  return window.parley;
}

class App {
  private summary!: DossierSummary;
  private view!: EditorView;
  private dirty = false;
  private saving = false;
  private autosaveTimer = 0;
  /** Edits not yet written to the autosave journal (or saved): leaving the page now would lose them. */
  private autosavePending = false;
  private outlineTimer = 0;
  private outlineSignature = '';
  private saveState = h('span', { class: 'save-state', id: 'save-state', role: 'status', 'aria-live': 'polite' }, '');
  private messages = h('div', { class: 'messages', id: 'messages' });
  private outlineList = h('ol', { class: 'outline-list' });
  private timelineList = h('ol', { class: 'timeline-list', id: 'timeline' });
  private findBar!: HTMLElement;
  private compare!: CompareView;
  private draftView!: HTMLElement;
  private positionsView!: HTMLElement;

  constructor(private api: DossierApi, private root: HTMLElement) {}

  async start(): Promise<void> {
    try {
      // Marks on the page's timeline say where opening spends its time (bench/renderer.mjs prints them).
      const [summary, working] = await Promise.all([this.api.summary(), this.api.readDraft('working')]);
      this.summary = summary;
      performance.mark('parley:loaded');
      this.build(working.draft);
      performance.mark('parley:built');
      this.noticeFindings('working.md', working.diagnostics);
      // Ready once the first frame with the draft has been produced (a frame, then a task after it), so that
      // tests and bench/renderer.mjs measure what the user sees, on the page's clock.
      requestAnimationFrame(() => setTimeout(() => {
        document.body.dataset.ready = 'true';
        (window as { parleyReadyAt?: number }).parleyReadyAt = performance.now();
      }, 0));
    } catch (error) {
      clear(this.root);
      this.root.append(h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, 'Parley cannot open this dossier'), h('p', {}, describeError(error))));
    }
  }

  private build(draft: Draft): void {
    const s = this.summary;
    document.title = `${s.name} — Parley`;
    this.installPartyColours();

    const editorMount = h('div', { class: 'editor', id: 'editor' });
    const doc = draftToDoc(draft);
    performance.mark('parley:converted');
    this.view = createEditor(editorMount, doc, {
      parties: s.parties.map((p) => p.id),
      onTransaction: (tr) => {
        if (tr.docChanged) this.changed();
        this.refreshFindCount();
      },
      save: () => void this.save(),
      openPositionForm: () => this.openPositionForm(),
      openFind: () => this.openFind(),
      openHistory: () => void this.openHistory(),
    }, s.readOnly);
    window.parleyEditor = this.view;

    this.findBar = this.buildFindBar();
    this.compare = new CompareView({
      api: this.api,
      parties: s.parties,
      versions: () => this.summary.versions,
      beforeWorking: () => this.saveIfEdited(),
      dossierName: s.name,
      openHistory: (clauseId, heading, back) => void this.showHistory(clauseId, heading, () => back.focus()),
      openThreeWay: (back) => this.openThreeWay(() => back.focus()),
    });
    this.compare.refreshChoices();

    const tabs = h('nav', { class: 'view-tabs', 'aria-label': 'Views' });
    for (const [id, text] of [['draft', 'Draft'], ['compare', 'Compare'], ['positions', 'Positions']] as const) {
      const tab = h('button', { type: 'button', class: 'tab', id: `tab-${id}`, 'aria-pressed': String(id === 'draft') }, text);
      tab.addEventListener('click', () => this.showView(id));
      tabs.append(tab);
    }
    const saveButton = h('button', { type: 'button', id: 'save', title: `Save the working draft (${keyLabel(KEYS.save)})` }, 'Save');
    saveButton.addEventListener('click', () => void this.save());
    // In a browser there is no File menu: Import Draft is a button (and its shortcut) next to Save.
    const browser = browserPage(this.api, {
      readOnly: s.readOnly,
      notice: (text, kind) => this.notice(text, kind),
      progress: (text) => {
        const message = h('div', { class: 'message info', role: 'status', id: 'import-progress' }, h('span', {}, text));
        this.messages.append(message);
        return () => message.remove();
      },
      importDraft: (file) => this.importDraft(file),
      unsavedKeystrokes: () => this.autosavePending,
    });

    this.draftView = h(
      'div',
      { class: 'draft-view', id: 'draft-view' },
      h('aside', { class: 'outline', 'aria-label': 'Outline' }, h('h2', {}, 'Outline'), this.outlineList),
      h('main', { class: 'draft-main' }, this.buildToolbar(), this.findBar, h('div', { class: 'page' }, h('h1', { class: 'doc-title' }, s.title), editorMount)),
      h('aside', { class: 'timeline', 'aria-label': 'Versions' }, h('h2', {}, 'Versions'), this.timelineList, this.buildTableForm()),
    );
    this.compare.root.hidden = true;
    // Like the compare view, the main landmark while it is shown.
    this.positionsView = h('main', { class: 'positions-view', id: 'positions-view', 'aria-label': 'Positions', hidden: true });

    clear(this.root);
    append(this.root, [
      h('header', { class: 'app-header' },
        h('div', { class: 'brand' }, h('span', { class: 'app-name' }, 'Parley'), h('span', { class: 'dossier-name', title: s.title }, s.name)),
        tabs,
        h('div', { class: 'save-area' }, this.saveState, ...(browser?.importArea ? [browser.importArea] : []), saveButton)),
      this.messages,
      this.draftView,
      this.compare.root,
      this.positionsView,
    ]);

    if (s.recovered) this.notice(`Unsaved work from ${formatTime(s.recovered.savedAt)} was restored.`, 'warning', 'recovered-banner');
    // A window opened read-only says so once, as a warning: in the dossier's own words where they say who holds it
    // (the notice of a dossier opened while another process edits it), not once more beside them.
    const lockedNotice = s.readOnly ? s.notices.find((text) => /read-only/i.test(text)) : undefined;
    if (s.readOnly) this.notice(lockedNotice ?? 'This dossier is open in another window: this one is read-only.', 'warning');
    // The recovery banner already says what the store's recovery notice says (and goes away on save).
    for (const text of s.notices) if (text !== lockedNotice && !(s.recovered && /recover/i.test(text))) this.notice(text, 'info');
    this.dirty = Boolean(s.recovered);
    this.showSaveState();
    if (s.readOnly) {
      // Every write would be refused: say so up front rather than on each attempt.
      this.root.querySelectorAll<HTMLButtonElement>('.toolbar button:not(#cmd-find), #save, #table-submit').forEach((b) => (b.disabled = true));
    }
    // The outline of a long draft is thousands of entries: fill it just after the text is on screen.
    requestAnimationFrame(() => {
      this.outlineTimer = window.setTimeout(() => this.renderOutline(), 0);
    });
    this.renderTimeline();
    this.listenToMenus();
    document.addEventListener('keydown', (event) => {
      // Save works from anywhere, not only inside the text.
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void this.save();
      }
      // The desktop menu's Import Draft shortcut, where there is no menu.
      if (browser?.openImport && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'i') {
        event.preventDefault();
        browser.openImport();
      }
    });
  }

  private installPartyColours(): void {
    // Party colours come from the dossier; a constructed style sheet keeps within the page's CSP (no inline styles).
    const sheet = new CSSStyleSheet();
    const rules = this.summary.parties.map((p) => {
      const id = CSS.escape(p.id);
      return `[data-by="${id}"], [data-party="${id}"] { --party: ${p.colour}; }`;
    });
    sheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  private showView(id: ViewId): void {
    this.draftView.hidden = id !== 'draft';
    this.compare.root.hidden = id !== 'compare';
    this.positionsView.hidden = id !== 'positions';
    if (id === 'positions') {
      renderPositions(this.positionsView, this.view.state.doc, this.summary.parties, (clauseId) => this.goToClause(clauseId),
        (clauseId, heading, back) => void this.showHistory(clauseId, heading, () => back.focus()));
    }
    document.querySelectorAll('.view-tabs .tab').forEach((t) => t.setAttribute('aria-pressed', String(t.id === `tab-${id}`)));
    if (id === 'draft') this.view.focus();
    else if (id === 'compare') this.compare.root.querySelector<HTMLElement>('#compare-run')?.focus();
  }

  // -------------------------------------------------------------------------------------------------------
  // Saving

  private changed(): void {
    this.dirty = true;
    this.showSaveState();
    window.clearTimeout(this.autosaveTimer);
    this.autosavePending = !this.summary.readOnly;
    this.autosaveTimer = window.setTimeout(() => void this.autosave(), AUTOSAVE_DELAY);
    window.clearTimeout(this.outlineTimer);
    this.outlineTimer = window.setTimeout(() => this.renderOutline(), OUTLINE_DELAY);
  }

  private async autosave(): Promise<void> {
    if (!this.dirty || this.summary.readOnly) {
      this.autosavePending = false;
      return;
    }
    const doc = this.view.state.doc;
    try {
      await this.api.autosaveWorking(docToDraft(doc));
      // Edits made while it was written wait for the next autosave.
      if (this.view.state.doc === doc) this.autosavePending = false;
    } catch (error) {
      this.notice(`Autosave failed: ${describeError(error)}`, 'error');
    }
  }

  async save(): Promise<void> {
    if (this.saving || this.summary.readOnly) return;
    this.saving = true;
    window.clearTimeout(this.autosaveTimer);
    const doc = this.view.state.doc;
    this.saveState.textContent = 'Saving…';
    try {
      await this.api.saveWorking(docToDraft(doc));
      // Edits made while the save was in flight are still unsaved.
      this.dirty = this.view.state.doc !== doc;
      if (!this.dirty) this.autosavePending = false;
      document.getElementById('recovered-banner')?.remove();
    } catch (error) {
      this.notice(`Saving failed: ${describeError(error)}`, 'error');
    } finally {
      this.saving = false;
      this.showSaveState();
    }
  }

  private showSaveState(): void {
    this.saveState.textContent = this.summary.readOnly ? 'Read-only' : this.dirty ? 'Unsaved' : 'Saved';
    this.saveState.className = `save-state ${this.dirty ? 'unsaved' : 'saved'}`;
  }

  // -------------------------------------------------------------------------------------------------------
  // Messages

  private notice(text: string, kind: 'info' | 'warning' | 'error', id?: string, details?: HTMLElement): HTMLElement {
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss' }, '×');
    const message = h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', id }, h('span', {}, text), details, close);
    close.addEventListener('click', () => message.remove());
    this.messages.append(message);
    return message;
  }

  /**
   * What reading a draft found (`file:line: message`). A few are a notice each; more (an imported negotiating
   * text can have dozens of brackets that open in one paragraph and close in another) are one notice that
   * counts them, with the first, and lists the rest on request, instead of a wall of messages over the text.
   */
  private noticeFindings(fallbackFile: string, diagnostics: readonly Diagnostic[]): void {
    const line = (d: Diagnostic) => `${d.file ?? fallbackFile}:${d.line}: ${d.message}`;
    if (diagnostics.length <= FINDINGS_SHOWN) {
      for (const d of diagnostics) this.notice(line(d), d.severity === 'error' ? 'error' : 'info');
      return;
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const counts = [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean).join(', ');
    const show = h('button', { type: 'button', class: 'findings-toggle', 'aria-expanded': 'false' }, 'Show all');
    const list = h('ol', { class: 'findings', hidden: true }, ...diagnostics.map((d) => h('li', {}, line(d))));
    const first = diagnostics[0]!;
    const file = first.file ?? fallbackFile;
    const message = this.notice(`${diagnostics.length} findings in ${file} (${counts}); the first, line ${first.line}: ${first.message}`,
      errors ? 'error' : 'info', undefined, show);
    message.classList.add('findings-message');
    message.append(list);
    show.addEventListener('click', () => {
      list.hidden = !list.hidden;
      show.setAttribute('aria-expanded', String(!list.hidden));
      show.textContent = list.hidden ? 'Show all' : 'Hide';
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Toolbar, find bar, forms

  private runCommand(command: Command): void {
    command(this.view.state, this.view.dispatch, this.view);
    this.view.focus();
  }

  private buildToolbar(): HTMLElement {
    const parties = this.summary.parties;
    const tool = (text: string, title: string, action: () => void, id?: string, cls = '') => {
      // The spoken name begins with the words shown ("[EU] — Bracket the selection for …"), so that a user of speech
      // input can say what they see; a symbol alone (↶) is named by its description.
      const label = !/\w/.test(text) || title.startsWith(text) ? title : `${text} — ${title}`;
      const b = h('button', { type: 'button', title, 'aria-label': label, id, class: cls }, text);
      // Keep the editor's selection: act on mousedown without taking focus.
      b.addEventListener('mousedown', (event) => event.preventDefault());
      b.addEventListener('click', action);
      return b;
    };
    const group = (label: string, ...items: HTMLElement[]) => h('div', { class: 'tool-group', role: 'group', 'aria-label': label }, ...items);
    return h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Editing' },
      group('History',
        tool('↶', `Undo (${keyLabel(KEYS.undo)})`, () => this.runCommand(undo), 'cmd-undo'),
        tool('↷', `Redo (${keyLabel(KEYS.redo)})`, () => this.runCommand(redo), 'cmd-redo')),
      group('Clauses',
        tool('New clause', `New clause after this one (${keyLabel(KEYS.newClause)})`, () => this.runCommand(newClause), 'cmd-new-clause'),
        tool('Split', `Split the clause at the cursor (${keyLabel(KEYS.splitClause)})`, () => this.runCommand(splitClause), 'cmd-split'),
        tool('Merge', `Merge with the previous clause (${keyLabel(KEYS.mergeClause)})`, () => this.runCommand(mergeWithPrevious), 'cmd-merge'),
        tool('↑', `Move clause up (${keyLabel(KEYS.moveUp)})`, () => this.runCommand(moveClause(-1)), 'cmd-move-up'),
        tool('↓', `Move clause down (${keyLabel(KEYS.moveDown)})`, () => this.runCommand(moveClause(1)), 'cmd-move-down')),
      group('Brackets',
        ...parties.slice(0, 9).map((p, i) => {
          const b = tool(`[${p.id}]`, `Bracket the selection for ${p.name} (${keyLabel(`Mod-Shift-${i + 1}`)})`, () => this.runCommand(bracketFor(p.id)), `cmd-bracket-${p.id}`, 'party-button');
          b.dataset.by = p.id;
          return b;
        }),
        tool('Alternative', `Offer an alternative for the other party (${keyLabel(KEYS.alternative)})`, () => this.runCommand(offerAlternative(parties.map((p) => p.id))), 'cmd-alternative'),
        tool('Agree', `Remove the brackets: agree the text (${keyLabel(KEYS.removeBrackets)})`, () => this.runCommand(removeBrackets), 'cmd-agree')),
      group('Positions',
        tool('Position…', `Set a party's position on this clause (${keyLabel(KEYS.position)})`, () => this.openPositionForm(), 'cmd-position'),
        tool('History', `This clause in every version (${keyLabel(KEYS.history)})`, () => void this.openHistory(), 'cmd-history')),
      group('Find',
        tool('Find', `Find and replace (${keyLabel(KEYS.find)})`, () => this.openFind(), 'cmd-find')),
    );
  }

  private buildFindBar(): HTMLElement {
    const find = h('input', { type: 'search', id: 'find-input', placeholder: 'Find', 'aria-label': 'Find' });
    const replace = h('input', { type: 'text', id: 'replace-input', placeholder: 'Replace with', 'aria-label': 'Replace with' });
    const count = h('span', { class: 'find-count', id: 'find-count', 'aria-live': 'polite' });
    const act = (text: string, action: () => void, id: string) => {
      const b = h('button', { type: 'button', id }, text);
      b.addEventListener('click', action);
      return b;
    };
    const dispatch = (tr: ReturnType<typeof findNext>) => tr && this.view.dispatch(tr);
    find.addEventListener('input', () => this.view.dispatch(setQuery(this.view.state, find.value)));
    find.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        dispatch(findNext(this.view.state, event.shiftKey));
      } else if (event.key === 'Escape') this.closeFind();
    });
    replace.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeFind();
    });
    const bar = h(
      'div',
      { class: 'find-bar', id: 'find-bar', role: 'search', hidden: true },
      find, count,
      act('Previous', () => dispatch(findNext(this.view.state, true)), 'find-prev'),
      act('Next', () => dispatch(findNext(this.view.state)), 'find-next'),
      replace,
      act('Replace', () => dispatch(replaceCurrent(this.view.state, replace.value)), 'replace-one'),
      act('Replace all', () => dispatch(replaceAll(this.view.state, replace.value)), 'replace-all'),
      act('Close', () => this.closeFind(), 'find-close'),
    );
    return bar;
  }

  private openFind(): void {
    this.findBar.hidden = false;
    const input = this.findBar.querySelector<HTMLInputElement>('#find-input')!;
    const { from, to } = this.view.state.selection;
    if (from !== to && to - from < 100) {
      input.value = this.view.state.doc.textBetween(from, to);
      this.view.dispatch(setQuery(this.view.state, input.value));
    }
    input.focus();
    input.select();
  }

  private closeFind(): void {
    this.findBar.hidden = true;
    this.view.dispatch(setQuery(this.view.state, ''));
    this.view.focus();
  }

  private refreshFindCount(): void {
    const count = this.findBar?.querySelector('#find-count');
    if (count && !this.findBar.hidden) count.textContent = `${matchCount(this.view.state)} found`;
  }

  private openPositionForm(): void {
    const here = clauseAt(this.view.state.selection.$from);
    if (!here) {
      this.notice('Put the cursor in a clause to record a position on it.', 'info');
      return;
    }
    const existing = positionsOf(here.node);
    const party = h('select', { name: 'party', id: 'position-party' });
    for (const p of this.summary.parties) party.append(h('option', { value: p.id }, `${p.id} — ${p.name}`));
    const stance = h('select', { name: 'stance', id: 'position-stance' });
    for (const s of STANCES) stance.append(h('option', { value: s }, s));
    const note = h('textarea', { name: 'note', id: 'position-note', rows: 4 });
    const fill = () => {
      const current = existing.get(party.value);
      stance.value = current?.stance ?? 'supports';
      note.value = current?.note ?? '';
    };
    party.addEventListener('change', fill);
    fill();
    const title = here.node.attrs.label || here.node.firstChild?.textContent || 'this clause';
    const dialog = h('dialog', { class: 'form-dialog', id: 'position-dialog', 'aria-label': 'Set position' });
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, `Position on ${title}`),
      h('label', {}, 'Party', party),
      h('label', {}, 'Stance', stance),
      h('label', {}, 'Note', note),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', value: 'cancel', id: 'position-cancel' }, 'Cancel'),
        h('button', { type: 'submit', value: 'save', class: 'primary', id: 'position-save' }, 'Set position')),
    );
    const clausePos = here.pos;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // Put the selection back inside the clause the form was opened for.
      const state = this.view.state;
      const tr = state.tr.setSelection(TextSelection.near(state.doc.resolve(clausePos + 2)));
      this.view.dispatch(tr);
      this.runCommand(setPosition(party.value, stance.value as Stance, note.value));
      dialog.close();
    });
    form.querySelector('#position-cancel')!.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      this.view.focus();
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    party.focus();
  }

  /**
   * The clause at the cursor through every version. Unsaved edits are saved first, so that the working draft's
   * step shows what is on screen.
   */
  private async openHistory(): Promise<void> {
    const $from = this.view.state.selection.$from;
    const here = clauseAt($from);
    if (!here) {
      // The text before the first clause (an imported draft's title block) has a history of its own.
      if ($from.depth > 0 && $from.node(1).type.name === 'front') await this.showHistory('', 'the title block', () => this.view.focus());
      else this.notice('Put the cursor in a clause to see its history.', 'info');
      return;
    }
    const id = here.node.attrs.id as string;
    const heading = clauseHeading({ label: here.node.attrs.label as string, title: here.node.firstChild?.textContent ?? '' }) || `#${id}`;
    await this.showHistory(id, heading, () => this.view.focus());
  }

  /** The Three-way dialog (compare view, View menu); unsaved edits are saved first where it reads the working draft. */
  private openThreeWay(onClose: () => void): void {
    if (document.getElementById('three-way-dialog')) return;
    const versions = this.summary.versions;
    openThreeWayDialog({
      api: this.api, versions, dossierName: this.summary.name, title: this.summary.title,
      beforeWorking: () => this.saveIfEdited(),
      compareTwo: (oldRef, newRef, id) => this.compareAt(oldRef, newRef, id),
    }, defaultThreeWayChoice(versions), onClose);
  }

  /** Unsaved edits saved, before the working draft is read as saved (a comparison with it). */
  private async saveIfEdited(): Promise<void> {
    if (this.dirty) await this.save();
  }

  /** Two drafts in the compare view, one clause brought into view (a dialog's Compare). */
  private compareAt(oldRef: DraftRef, newRef: DraftRef, clauseId: string): void {
    this.showView('compare');
    void this.compare.showClause(oldRef, newRef, clauseId);
  }

  /** The History dialog for a clause, from the draft or the compare view; unsaved edits are saved first. */
  private async showHistory(clauseId: string, heading: string, onClose: () => void): Promise<void> {
    if (document.getElementById('history-dialog')) return;
    if (this.dirty && !this.summary.readOnly) await this.save();
    openHistoryDialog(this.api, clauseId, heading, onClose, (oldRef, newRef, id) => this.compareAt(oldRef, newRef, id));
  }

  private buildTableForm(): HTMLElement {
    const label = h('input', { type: 'text', id: 'table-label', required: true, placeholder: 'e.g. EU revised proposal' });
    const by = h('select', { id: 'table-by' });
    for (const p of this.summary.parties) by.append(h('option', { value: p.id }, `${p.id} — ${p.name}`));
    const status = h('select', { id: 'table-status' });
    for (const s of DRAFT_STATUSES) status.append(h('option', { value: s }, s));
    const submit = h('button', { type: 'submit', class: 'primary', id: 'table-submit' }, 'Table this version');
    const form = h(
      'form',
      { class: 'table-form', 'aria-label': 'Table this version' },
      h('h3', {}, 'Table this version'),
      h('label', {}, 'Label', label),
      h('label', {}, 'Tabled by', by),
      h('label', {}, 'Status', status),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        if (!label.value.trim()) return;
        submit.disabled = true;
        try {
          // Tabling takes the saved working draft: save first so the table holds what is on screen.
          if (this.dirty) await this.save();
          if (this.dirty) return;
          const entry = await this.api.tableVersion({ label: label.value.trim(), by: by.value, status: status.value as VersionEntry['status'] });
          this.summary = await this.api.summary();
          this.renderTimeline();
          this.compare.refreshChoices();
          // A text tabled again unchanged is allowed (the other side tabling it as agreed) but is usually a slip.
          if (entry.sameTextAs === undefined) this.notice(`Tabled as version ${entry.version}: ${entry.label}.`, 'info');
          else this.notice(`Tabled as version ${entry.version}: ${entry.label}. ${sameTextNote(entry.sameTextAs)}`, 'warning');
          label.value = '';
        } catch (error) {
          this.notice(`Tabling failed: ${describeError(error)}`, 'error');
        } finally {
          submit.disabled = false;
        }
      })();
    });
    return form;
  }

  // -------------------------------------------------------------------------------------------------------
  // Outline and timeline

  private renderOutline(): void {
    const entries = outlineOf(this.view.state.doc);
    // Most edits change no label, title, topic or state: then the outline's DOM is left alone.
    const signature = JSON.stringify(entries.map(({ headingPos: _, ...rest }) => rest));
    if (signature === this.outlineSignature) return;
    this.outlineSignature = signature;
    renderOutline(this.outlineList, entries, (clicked) => this.goToClause(clicked.id));
  }

  private goToClause(id: string): void {
    if (this.draftView.hidden) this.showView('draft');
    // Positions move as the user types; find the clause by its id now.
    const entry = outlineOf(this.view.state.doc).find((e) => e.id === id);
    if (!entry) return;
    const { state } = this.view;
    this.view.dispatch(state.tr.setSelection(TextSelection.near(state.doc.resolve(entry.headingPos))).scrollIntoView());
    this.view.focus();
    document.getElementById('clause-' + id)?.scrollIntoView({ block: 'start' });
  }

  // -------------------------------------------------------------------------------------------------------
  // Desktop menus (Electron's preload adds onMenu to window.parley)

  private listenToMenus(): void {
    const bridge = this.api as DossierApi & { onMenu?: (callback: (command: string, payload?: unknown) => void) => () => void };
    bridge.onMenu?.((command, payload) => {
      switch (command) {
        case 'undo': return this.runCommand(undo);
        case 'redo': return this.runCommand(redo);
        case 'find': this.showView('draft'); return this.openFind();
        case 'view-draft': return this.showView('draft');
        case 'view-compare': return this.showView('compare');
        case 'view-positions': return this.showView('positions');
        case 'clause-history': this.showView('draft'); return void this.openHistory();
        case 'three-way':
          this.showView('compare');
          return this.openThreeWay(() => document.getElementById('compare-three-way')?.focus());
        case 'save-redline':
          this.showView('compare');
          return void this.compare.saveRedline('html');
        case 'save-redline-word':
          this.showView('compare');
          return void this.compare.saveRedline('docx');
        case 'save-redline-word-notes':
          this.showView('compare');
          return void this.compare.saveRedline('docx-notes');
        case 'table-version':
          this.showView('draft');
          return document.getElementById('table-label')?.focus();
        case 'import-draft': return void this.importDraft(payload as ImportedFile);
      }
    });
  }

  /**
   * Replace the working draft by an imported text (one undoable step). Its clauses take the ids of the clauses
   * they match in the latest tabled version, as `parley import` gives them (DossierApi.inheritIds), so that
   * comparison and clause history follow them; the dossier's title and parties stay.
   */
  private async importDraft(file: ImportedFile): Promise<void> {
    if (!file || typeof file.text !== 'string') return;
    if (this.summary.readOnly) {
      this.notice(`${file.fileName} was not imported: this window is read-only (the dossier is open in another one).`, 'error');
      return;
    }
    if (!window.confirm(`Replace the working draft with the text of ${file.fileName}? You can undo this.`)) return;
    const imported = importDraft(file.text, { file: file.fileName, format: file.format });
    // A Word document's italic and bold, which the conversion marked beside its text.
    if (file.styled) applyRunStyles(imported.draft, file.styled);
    // A Word document's findings name its paragraphs, as `parley check` does.
    const diagnostics = file.paragraphs ? inDocumentTerms(imported.diagnostics, file.text, file.paragraphs) : imported.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === 'error');
    this.noticeFindings(file.fileName, diagnostics);
    if (errors.length > 0 && imported.draft.clauses.length === 0) return;
    let inherited: InheritedDraft;
    try {
      inherited = await this.api.inheritIds(imported.draft);
    } catch (error) {
      this.notice(`${file.fileName} was not imported: ${describeError(error)}`, 'error');
      return;
    }
    const current = this.view.state.doc;
    const doc = draftToDoc({ ...inherited.draft, meta: current.attrs.meta });
    replaceDraft(this.view, doc.content);
    this.showView('draft');
    this.notice(`Imported ${file.fileName}: ${importedIds(inherited)} Save to keep it.`, 'info');
    for (const note of file.notes ?? []) this.notice(note, 'warning');
  }

  private renderTimeline(): void {
    clear(this.timelineList);
    const versions = this.summary.versions;
    versions.forEach((v, i) => {
      const item = h('li', { class: 'timeline-entry', 'data-version': String(v.version) },
        h('div', { class: 'timeline-head' }, h('span', { class: 'version-no' }, `v${v.version}`), h('span', { class: 'version-label' }, v.label)),
        h('div', { class: 'timeline-meta' },
          h('span', { class: 'party-tag', 'data-party': v.tabledBy }, v.tabledBy), ` · ${v.date} · `, h('span', { class: `status status-${v.status}` }, v.status)));
      if (i > 0) {
        const compareButton = h('button', { type: 'button', class: 'link', title: `Compare v${v.version} with v${v.version - 1}` }, `Compare with v${v.version - 1}`);
        compareButton.addEventListener('click', () => {
          this.compare.choose(v.version - 1, v.version);
          this.showView('compare');
          void this.compare.run();
        });
        item.append(compareButton);
      }
      this.timelineList.append(item);
    });
    this.timelineList.append(h('li', { class: 'timeline-entry working' }, h('div', { class: 'timeline-head' }, h('span', { class: 'version-no' }, '✎'), h('span', { class: 'version-label' }, 'Working draft'))));
  }
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

const root = document.getElementById('app')!;
void new App(installApi(), root).start();
