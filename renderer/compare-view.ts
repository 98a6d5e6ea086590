/**
 * The compare view: two drafts of the dossier, clause by clause, side by side (aligned clauses facing each
 * other) or inline (one redline). Insertions are underlined and deletions struck through, so the change reads
 * without colour. A summary bar counts changes by kind; filters narrow the list; n / p (or Alt+↓ / Alt+↑) step
 * through the changes. The comparison itself runs in the main process or the local server, never here.
 */
import { draftRefName, type DossierApi, type DraftRef } from '../src/api.js';
import type { ClauseChangeJson, ComparisonJson, LegalChangeJson, StaleReferenceJson, WordOpJson } from '../src/compare/contract.js';
import { newTextOffsets, staleMarks } from '../src/export/stale-marks.js';
import type { PartyInfo, VersionEntry } from '../src/model/dossier.js';
import type { Clause, Draft, Inline, Block } from '../src/model/draft.js';
import { blocksText, clauseHeading } from '../src/model/text.js';
import { tableLayout, type RedlinePiece } from '../src/export/redline-layout.js';
import { htmlRedline } from '../src/export/html-redline.js';
import { redlineParts } from '../src/compare/redline-parts.js';
import { holdsText, sideBySideRows } from '../src/export/facing-lines.js';
import { wasHeading, allCosmetic, directionNote, gatheredLegal, isCosmeticOnly, notableProvisions, partHeading, proposedNote, refHeading, reversedCount, reversedIn, rowNote, staleCount, staleNote, timesNote, frontChange, WORDING_ONLY, MOVED_IN_PARAGRAPH } from '../src/export/text-redline.js';
import { append, clear, h } from './dom.js';

export interface CompareContext {
  api: DossierApi;
  parties: PartyInfo[];
  versions: () => VersionEntry[];
  /** Called before comparing the working draft, so that what is compared is what the user sees. */
  beforeWorking: () => Promise<void>;
  /** The dossier's name (its folder), which a saved redline's file name starts with. */
  dossierName: string;
  /** The History dialog for one clause (`heading`: "Paragraph 10 — Common pricing mechanism"); `back` takes the focus after. */
  openHistory: (clauseId: string, heading: string, back: HTMLElement) => void;
  /** The Three-way dialog (two drafts against a common base); `back` takes the focus after. */
  openThreeWay: (back: HTMLElement) => void;
}

interface ClauseInfo {
  clause: Clause;
  text: string;
  parties: Set<string>;
  /** Id of the clause before it in reading order, for "moved from" links. */
  previous: string | null;
}

interface Filters {
  kind: string;
  party: string;
  legalOnly: boolean;
  hideCosmetic: boolean;
  hideRenumbering: boolean;
}

const KIND_TEXT: Record<string, string> = {
  unchanged: 'Unchanged', edited: 'Edited', inserted: 'Inserted', deleted: 'Deleted', split: 'Split', merged: 'Merged',
  moved: 'Moved', renumbered: 'Renumbered', stale: 'Stale references',
};

export class CompareView {
  readonly root: HTMLElement;
  private oldSelect = h('select', { id: 'compare-old', 'aria-label': 'Older draft' });
  private newSelect = h('select', { id: 'compare-new', 'aria-label': 'Newer draft' });
  private mode: 'side' | 'inline' = 'side';
  private status = h('div', { class: 'compare-status', role: 'status', 'aria-live': 'polite' });
  /** The instrument's title as a redline, when the two drafts name it differently (not only in case or spacing). */
  private titleChange = h('div', { class: 'title-change', hidden: '' });
  private summaryBar = h('div', { class: 'summary-bar', 'aria-label': 'Changes by kind' });
  private list = h('div', { class: 'change-list', id: 'change-list' });
  private filters: Filters = { kind: 'changes', party: '', legalOnly: false, hideCosmetic: false, hideRenumbering: true };
  private result: { comparison: ComparisonJson; refs: [DraftRef, DraftRef]; old: Map<string, ClauseInfo>; new: Map<string, ClauseInfo> } | null = null;
  private current = -1;
  private request = 0;
  private drafts = new Map<number, Promise<Draft>>();
  /** Saves the comparison shown for circulation (saveRedline), as a web page or a Word document; usable once there is one. */
  private saveButton = h('button', { type: 'button', id: 'compare-save', disabled: true, 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: 'Save the redline for circulation' }, 'Save redline…');
  private saveMenu = h('div', { class: 'save-menu', role: 'menu', 'aria-label': 'Save the redline as', hidden: true });

  constructor(private ctx: CompareContext) {
    const modeGroup = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Layout' });
    for (const [value, text] of [['side', 'Side by side'], ['inline', 'Inline']] as const) {
      const button = h('button', { type: 'button', role: 'radio', 'aria-checked': String(value === this.mode), 'data-mode': value }, text);
      button.addEventListener('click', () => {
        this.mode = value;
        modeGroup.querySelectorAll('button').forEach((b) => b.setAttribute('aria-checked', String(b.dataset.mode === value)));
        this.renderList();
      });
      modeGroup.append(button);
    }
    const compareButton = h('button', { type: 'button', class: 'primary', id: 'compare-run' }, 'Compare');
    compareButton.addEventListener('click', () => void this.run());
    const threeWayButton = h('button', { type: 'button', id: 'compare-three-way', title: 'Two drafts against a common base: what each side changed since, and where they conflict' }, 'Three-way…');
    threeWayButton.addEventListener('click', () => ctx.openThreeWay(threeWayButton));
    for (const [format, text, hint] of [
      ['html', 'Web page (.html), as shown', `Web page (.html), as shown (${SAVE_REDLINE_KEYS})`],
      ['docx', 'Word document with tracked changes (.docx)', 'Word document with tracked changes (.docx), for circulation'],
      ['docx-notes', 'Word document with legal notes (.docx)', 'Word document with tracked changes and a margin comment on each clause with a change in law: for your own reading, not for the other side'],
    ] as const) {
      const item = h('button', { type: 'button', role: 'menuitem', 'data-format': format, title: hint }, text);
      item.addEventListener('click', () => {
        this.closeSaveMenu();
        void this.saveRedline(format);
      });
      this.saveMenu.append(item);
    }
    this.saveButton.addEventListener('click', () => (this.saveMenu.hidden ? this.openSaveMenu() : this.closeSaveMenu()));
    this.saveMenu.addEventListener('keydown', (event) => {
      const items = [...this.saveMenu.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeSaveMenu();
        this.saveButton.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]!.focus();
      }
    });
    // A click anywhere else closes the menu.
    document.addEventListener('click', (event) => {
      if (!this.saveMenu.hidden && !(event.target as Element).closest('.save-redline')) this.closeSaveMenu();
    });

    const kind = h('select', { 'aria-label': 'Kind of change', id: 'filter-kind' });
    for (const [value, text] of [
      ['changes', 'All changes'], ['all', 'Everything, with unchanged'], ['edited', 'Edited'], ['inserted', 'Inserted'],
      ['deleted', 'Deleted'], ['moved', 'Moved'], ['split', 'Split'], ['merged', 'Merged'], ['stale', 'Stale references'],
      ['reversed', 'Obligations reversed'],
    ]) kind.append(h('option', { value: value! }, text!));
    kind.addEventListener('change', () => this.setFilter({ kind: kind.value }));
    const party = h('select', { 'aria-label': 'Party', id: 'filter-party' }, h('option', { value: '' }, 'Any party'));
    for (const p of ctx.parties) party.append(h('option', { value: p.id }, `${p.id} brackets or positions`));
    party.addEventListener('change', () => this.setFilter({ party: party.value }));
    const checkbox = (id: string, text: string, key: 'legalOnly' | 'hideCosmetic' | 'hideRenumbering') => {
      const input = h('input', { type: 'checkbox', id, checked: this.filters[key] });
      input.addEventListener('change', () => this.setFilter({ [key]: input.checked }));
      return h('label', { class: 'check' }, input, ' ', text);
    };

    // The main landmark while the compare view is shown (the others are hidden), headed for those who navigate by headings.
    this.root = h(
      'main',
      { class: 'compare-view', 'aria-label': 'Compare drafts' },
      h('h1', { class: 'visually-hidden' }, 'Compare drafts'),
      h(
        'div',
        { class: 'compare-bar' },
        h('label', {}, 'From ', this.oldSelect),
        h('label', {}, 'to ', this.newSelect),
        compareButton,
        modeGroup,
        threeWayButton,
        h('span', { class: 'save-redline' }, this.saveButton, this.saveMenu),
      ),
      h(
        'div',
        { class: 'filter-bar' },
        kind,
        party,
        checkbox('filter-legal', 'Legal changes only', 'legalOnly'),
        checkbox('filter-cosmetic', 'Hide cosmetic', 'hideCosmetic'),
        checkbox('filter-renumbering', 'Hide renumbering', 'hideRenumbering'),
        h('span', { class: 'nav-buttons' },
          button('Previous change', '↑ Previous', () => this.step(-1), 'p / Alt+↑'),
          button('Next change', 'Next ↓', () => this.step(1), 'n / Alt+↓')),
      ),
      this.summaryBar,
      this.status,
      this.titleChange,
      this.list,
    );
    // On the document: after a click on the list, focus sits on the body, and n / p must still work.
    document.addEventListener('keydown', (event) => {
      if (!this.root.hidden) this.onKey(event);
    });
  }

  /** Refill the draft pickers (after tabling); default: the last two versions. */
  refreshChoices(): void {
    const versions = this.ctx.versions();
    const fill = (select: HTMLSelectElement, chosen: string) => {
      const keep = select.value || chosen;
      clear(select);
      for (const v of versions) select.append(h('option', { value: String(v.version) }, `v${v.version} — ${v.label} (${v.tabledBy}, ${v.date})`));
      select.append(h('option', { value: 'working' }, 'Working draft'));
      select.value = [...select.options].some((o) => o.value === keep) ? keep : chosen;
    };
    const last = versions.length;
    fill(this.oldSelect, last >= 2 ? String(last - 1) : last === 1 ? '1' : 'working');
    fill(this.newSelect, last >= 1 ? String(last) : 'working');
  }

  choose(oldRef: DraftRef, newRef: DraftRef): void {
    this.oldSelect.value = String(oldRef);
    this.newSelect.value = String(newRef);
  }

  /** Compare two drafts and bring one clause's entry into view ('': the title block): the History dialog's Compare. */
  async showClause(oldRef: DraftRef, newRef: DraftRef, clauseId: string): Promise<void> {
    this.choose(oldRef, newRef);
    await this.run();
    const target = [...this.list.querySelectorAll<HTMLElement>('article.change')].find((a) => a.dataset.ids!.split(' ').includes(clauseId));
    if (target) this.focusChange(target);
  }

  async run(): Promise<void> {
    const ref = (value: string): DraftRef => (value === 'working' ? 'working' : Number(value));
    const oldRef = ref(this.oldSelect.value);
    const newRef = ref(this.newSelect.value);
    const request = ++this.request;
    const started = performance.now();
    // Progress only when it is slow enough to notice: a flash of a spinner is worse than nothing.
    const progress = window.setTimeout(() => {
      if (request !== this.request) return;
      clear(this.status);
      clear(this.titleChange);
      this.titleChange.hidden = true;
      this.status.className = 'compare-status busy';
      this.status.append(h('progress', { 'aria-label': 'Comparing' }), ' Comparing drafts…');
    }, 500);
    try {
      if (oldRef === 'working' || newRef === 'working') await this.ctx.beforeWorking();
      // The drafts themselves (for the text of whole inserted or deleted clauses, the party filter and
      // "moved from" links) load beside the comparison; the list is painted without waiting for them.
      const drafts = Promise.all([this.draft(oldRef), this.draft(newRef)]);
      drafts.catch(() => undefined);
      const comparison = await this.ctx.api.compare(oldRef, newRef);
      if (request !== this.request) return;
      this.result = { comparison, refs: [oldRef, newRef], old: new Map(), new: new Map() };
      void drafts.then(([oldDraft, newDraft]) => {
        if (request !== this.request || !this.result) return;
        this.result.old = indexDraft(oldDraft);
        this.result.new = indexDraft(newDraft);
        if (this.filters.party || comparison.changes.some((c) => c.moved || c.words.length === 0)) this.renderList();
      }, (error: unknown) => this.status.append(` · the drafts could not be read: ${(error as Error).message}`));
      clear(this.status);
      this.status.className = 'compare-status';
      this.status.textContent = `${comparison.old.label || 'Old'} → ${comparison.new.label || 'New'} · compared in ${Math.round(performance.now() - started)} ms`;
      clear(this.titleChange);
      const title = comparison.titleWords && !allCosmetic(comparison.titleWords) ? comparison.titleWords : null;
      this.titleChange.hidden = title === null;
      if (title) this.titleChange.append(h('span', { class: 'title-change-label' }, 'Title: '), ...redlineNodes(title));
      this.current = -1;
      this.saveButton.disabled = false;
      this.renderSummary();
      this.renderList();
    } catch (error) {
      if (request !== this.request) return;
      const { code, message } = error as { code?: string; message?: string };
      this.result = null;
      this.saveButton.disabled = true;
      clear(this.status);
      clear(this.list);
      clear(this.summaryBar);
      this.status.className = 'compare-status error';
      this.status.setAttribute('role', 'alert');
      append(this.status, [
        h('strong', {}, code === 'not-ready' ? 'The comparison engine is not ready yet. ' : 'The comparison failed. '),
        message ?? String(error),
        code ? h('span', { class: 'error-code' }, ` (${code})`) : null,
      ]);
    } finally {
      window.clearTimeout(progress);
    }
  }

  /** A draft by reference; tabled versions never change, so they are read once. */
  private draft(ref: DraftRef): Promise<Draft> {
    if (ref === 'working') return this.ctx.api.readDraft(ref).then((d) => d.draft);
    let cached = this.drafts.get(ref);
    if (!cached) {
      cached = this.ctx.api.readDraft(ref).then((d) => d.draft);
      cached.catch(() => this.drafts.delete(ref));
      this.drafts.set(ref, cached);
    }
    return cached;
  }

  private setFilter(change: Partial<Filters>): void {
    this.filters = { ...this.filters, ...change };
    this.current = -1;
    this.renderList();
  }

  private renderSummary(): void {
    clear(this.summaryBar);
    if (!this.result) return;
    const s = this.result.comparison.summary;
    for (const key of ['edited', 'inserted', 'deleted', 'moved', 'split', 'merged', 'renumbered', 'unchanged'] as const) {
      const chip = h('button', { type: 'button', class: `count kind-${key}`, title: `Show ${KIND_TEXT[key]!.toLowerCase()} clauses` },
        h('span', { class: 'count-n' }, String(s[key] ?? 0)), ' ', KIND_TEXT[key]!.toLowerCase());
      chip.addEventListener('click', () => {
        const select = this.root.querySelector<HTMLSelectElement>('#filter-kind')!;
        const kind = key === 'unchanged' || key === 'renumbered' ? 'all' : key;
        select.value = kind;
        if (key === 'renumbered') {
          (this.root.querySelector('#filter-renumbering') as HTMLInputElement).checked = false;
          this.setFilter({ kind, hideRenumbering: false });
        } else this.setFilter({ kind });
      });
      this.summaryBar.append(chip);
    }
    const stale = staleCount(this.result.comparison);
    if (stale > 0) {
      const chip = h('button', { type: 'button', class: 'count kind-stale', title: 'Show the clauses that cite a renumbered or deleted clause by its old number (or by a number changed, but not to its new one), or a range that now covers other clauses' },
        h('span', { class: 'count-n' }, String(stale)), ` stale reference${stale === 1 ? '' : 's'}`);
      chip.addEventListener('click', () => {
        this.root.querySelector<HTMLSelectElement>('#filter-kind')!.value = 'stale';
        this.setFilter({ kind: 'stale' });
      });
      this.summaryBar.append(chip);
    }
    const reversed = reversedCount(this.result.comparison);
    if (reversed > 0) {
      const chip = h('button', { type: 'button', class: 'count kind-reversed', title: 'Show the clauses where an obligation turned into its opposite ("shall" → "shall not", "may" → "shall not")' },
        h('span', { class: 'count-n' }, String(reversed)), ` obligation${reversed === 1 ? '' : 's'} reversed`);
      chip.addEventListener('click', () => {
        this.root.querySelector<HTMLSelectElement>('#filter-kind')!.value = 'reversed';
        this.setFilter({ kind: 'reversed' });
      });
      this.summaryBar.append(chip);
    }
    // What the marks mean, for a reader new to redlines (moved text especially: Word's blue double lines).
    this.summaryBar.append(h('span', { class: 'legend', 'aria-label': 'What the marks mean' },
      h('ins', {}, 'inserted'), ' ', h('del', {}, 'deleted'), ' ',
      h('del', { class: 'moved' }, 'moved from'), ' ', h('ins', { class: 'moved' }, 'moved here'), ' ',
      h('ins', { class: 'cosmetic' }, 'cosmetic')));
  }

  private visible(change: ClauseChangeJson): boolean {
    const f = this.filters;
    // An unchanged clause that keeps a stale reference is a change to make: it shows among the changes.
    const stale = (change.staleReferences?.length ?? 0) > 0;
    const onlyRenumbered = change.kind === 'unchanged' && change.renumbered && !change.moved && !stale;
    if (f.kind === 'changes' && change.kind === 'unchanged' && !change.moved && !change.renumbered && !stale) return false;
    if (f.kind === 'stale' ? !stale : f.kind === 'moved' ? !change.moved : f.kind === 'reversed' ? reversedIn(change) === 0
      : f.kind !== 'changes' && f.kind !== 'all' && change.kind !== f.kind) return false;
    if (f.hideRenumbering && onlyRenumbered) return false;
    if (f.legalOnly && change.legal.length === 0 && !stale) return false;
    if (f.hideCosmetic && isCosmeticOnly(change)) return false;
    if (f.party) {
      const touched = [...change.old.map((r) => this.result!.old.get(r.id)), ...change.new.map((r) => this.result!.new.get(r.id))]
        .some((info) => info?.parties.has(f.party));
      if (!touched) return false;
    }
    return true;
  }

  private renderList(): void {
    clear(this.list);
    if (!this.result) return;
    // Hiding cosmetic changes hides the clauses that have nothing else, and unmarks them in the rest (app.css).
    this.list.className = `change-list mode-${this.mode}${this.filters.hideCosmetic ? ' hide-cosmetic' : ''}`;
    const { comparison } = this.result;
    const fragment = document.createDocumentFragment();
    let shown = 0;
    // The text before the first clause (an imported draft's title block), where it changed, heads the list.
    const front = frontChange(comparison);
    if (front && this.visible(front)) {
      shown++;
      fragment.append(this.renderChange(front, 'title-block'));
    }
    comparison.changes.forEach((change, index) => {
      if (!this.visible(change)) return;
      shown++;
      fragment.append(this.renderChange(change, index));
    });
    if (shown === 0) fragment.append(h('p', { class: 'empty' }, 'No clause matches these filters.'));
    this.list.append(fragment);
  }

  /** `index`: the change's place in the comparison's list, or a name for an entry of no clause. */
  private renderChange(change: ClauseChangeJson, index: number | string): HTMLElement {
    const { old: oldInfo, new: newInfo } = this.result!;
    const oldRef = change.old[0];
    const newRef = change.new[0];
    const badges = h('span', { class: 'badges' }, h('span', { class: `badge kind-${change.kind}` }, KIND_TEXT[change.kind]!));
    // As the text and HTML redlines head it: an edit whose changes are all cosmetic says so.
    if (isCosmeticOnly(change)) badges.append(h('span', { class: 'badge cosmetic-only' }, 'Cosmetic only'));
    if (change.moved) badges.append(h('span', { class: 'badge kind-moved' }, 'Moved'));
    if (change.renumbered) badges.append(h('span', { class: 'badge kind-renumbered' }, 'Renumbered'));
    const heading = h(
      'header',
      { class: 'change-head' },
      badges,
      h('span', { class: 'change-labels' }, describeRefs(change)),
    );
    // Where it came from is known once the old draft is loaded (the list is painted again then): until then no
    // link, rather than one that says "the beginning" and leads nowhere.
    if (change.moved && oldRef && oldInfo.has(oldRef.id)) heading.append(this.movedLink(oldRef.id));
    // The clause through every version of the dossier (a split: the clause that kept the id, or the first part).
    const subject = typeof index === 'number' ? (change.new.find((r) => change.old.some((o) => o.id === r.id)) ?? newRef ?? oldRef) : undefined;
    if (subject) {
      const name = refHeading(subject);
      const history = h('button', { type: 'button', class: 'history-button', title: `${name} in every version` }, 'History');
      history.addEventListener('click', () => this.ctx.openHistory(subject.id, name, history));
      heading.append(history);
    }
    const legal = change.legal.length ? legalFlags(change.legal) : null;

    const stale = change.staleReferences?.length
      ? h('ul', { class: 'stale-flags', 'aria-label': 'Stale references' },
        ...change.staleReferences.map((s) => h('li', { class: 'stale' }, h('strong', {}, 'stale reference'), ': ', staleNote(s))))
      : null;

    // What became of each numbered paragraph ("4→5 edited", "2→2+3 split"), as the text and HTML redlines say it.
    const notes = notableProvisions(change);
    const provisions = notes.length ? provisionNotes(notes) : null;

    const ops = wordsOf(change, oldRef ? oldInfo.get(oldRef.id) : undefined, newRef ? newInfo.get(newRef.id) : undefined);
    // A split's or merge's further parts each under the clause it begins (src/compare/redline-parts.ts).
    const body = redlineParts(change, ops).flatMap((part) => {
      const redline = this.mode === 'inline'
        ? h('div', { class: 'redline inline' }, ...redlineNodes(part.words, change.staleReferences, newTextOffsets(part.words, part.newOffset)))
        : sideBySide(part.words, change.staleReferences, part.newOffset);
      return part.head ? [h('p', { class: 'part-head' }, partHeading(part.head)), redline] : [redline];
    });
    // The clauses the entry is about, on either side, for the History dialog to find it by ('' for the title block).
    const ids = typeof index === 'number' ? [...new Set([...change.old, ...change.new].map((r) => r.id))].join(' ') : '';
    return h('article', { class: `change kind-${change.kind}`, id: `change-${index}`, 'data-index': String(index), 'data-ids': ids, tabindex: '-1' }, heading, legal, stale, provisions, ...body);
  }

  /** "Moved from after Paragraph 3" — a link to the change that holds the clause it used to follow. */
  private movedLink(oldId: string): HTMLElement {
    const { old, comparison } = this.result!;
    const previous = old.get(oldId)?.previous ?? null;
    const targetIndex = previous === null ? -1 : comparison.changes.findIndex((c) => c.old.some((r) => r.id === previous));
    const where = previous === null ? 'the beginning' : `after ${labelOf(old.get(previous)!.clause)}`;
    const link = h('a', { href: targetIndex >= 0 ? `#change-${targetIndex}` : '#', class: 'moved-from' }, `moved from ${where}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (targetIndex < 0) return;
      let target = document.getElementById(`change-${targetIndex}`);
      if (!target) {
        // Hidden by the filters: show everything so the link leads somewhere.
        this.setFilter({ kind: 'all', hideRenumbering: false, legalOnly: false, hideCosmetic: false, party: '' });
        target = document.getElementById(`change-${targetIndex}`);
      }
      if (target) this.focusChange(target);
    });
    return link;
  }

  private openSaveMenu(): void {
    this.saveMenu.hidden = false;
    this.saveButton.setAttribute('aria-expanded', 'true');
    this.saveMenu.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
  }

  private closeSaveMenu(): void {
    this.saveMenu.hidden = true;
    this.saveButton.setAttribute('aria-expanded', 'false');
  }

  /**
   * The comparison shown, for circulation, handed to the browser as a download (Electron asks where to save it):
   *   - 'html': the self-contained page `parley diff --format html` writes (html-redline.ts), made here: the
   *     layout shown, cosmetic changes hidden if they are, unchanged clauses left out unless shown (the other
   *     filters are ways of reading; the page holds every change);
   *   - 'docx': the Word document `parley diff --format docx` writes, every change a tracked change in the name of
   *     the party that tabled the newer version (made by the dossier's side: the Word writer stays out of the page);
   *   - 'docx-notes': the same with a margin comment on each clause with a change in law (`--legal-notes`).
   */
  async saveRedline(format: RedlineFormat = 'html'): Promise<void> {
    const result = this.result;
    if (!result) {
      this.status.className = 'compare-status';
      this.status.textContent = 'Compare two drafts first: the redline saved is the comparison shown.';
      return;
    }
    const { comparison, refs } = result;
    const file = redlineFileName(this.ctx.dossierName, refs, format);
    try {
      let blob: Blob;
      if (format !== 'html') {
        this.status.className = 'compare-status busy';
        this.status.textContent = 'Writing the Word redline…';
        const { base64 } = await this.ctx.api.wordRedline(refs[0], refs[1], format === 'docx-notes' ? { legalNotes: true } : undefined);
        // The comparison shown may have changed while the document was written: save what was asked for.
        blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      } else {
        blob = new Blob([htmlRedline(comparison, {
          layout: this.mode === 'inline' ? 'inline' : 'side-by-side',
          hideCosmetic: this.filters.hideCosmetic,
          changedOnly: this.filters.kind !== 'all',
          names: { old: draftRefName(refs[0]), new: draftRefName(refs[1]) },
        })], { type: 'text/html;charset=utf-8' });
      }
      const url = URL.createObjectURL(blob);
      h('a', { href: url, download: file }).click();
      // The download has read the blob by the time a minute has passed.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.status.className = 'compare-status';
      this.status.textContent = `Redline saved as ${file} (${comparison.old.label || draftRefName(refs[0])} → ${comparison.new.label || draftRefName(refs[1])}).`;
    } catch (error) {
      this.status.className = 'compare-status error';
      this.status.textContent = `The redline could not be saved: ${(error as Error).message ?? String(error)}`;
    }
  }

  private step(direction: 1 | -1): void {
    const changes = [...this.list.querySelectorAll<HTMLElement>('article.change')];
    if (changes.length === 0) return;
    this.current = Math.max(0, Math.min(changes.length - 1, this.current + direction));
    this.focusChange(changes[this.current]!);
  }

  private focusChange(target: HTMLElement): void {
    this.list.querySelectorAll('.change.current').forEach((el) => el.classList.remove('current'));
    target.classList.add('current');
    const all = [...this.list.querySelectorAll('article.change')];
    this.current = all.indexOf(target);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'e') {
      event.preventDefault();
      void this.saveRedline();
      return;
    }
    const inField = (event.target as HTMLElement).closest('input, select, textarea, [contenteditable=true], dialog');
    if (inField) return;
    if ((event.key === 'n' && !event.altKey && !event.ctrlKey && !event.metaKey) || (event.altKey && event.key === 'ArrowDown')) {
      event.preventDefault();
      this.step(1);
    } else if ((event.key === 'p' && !event.altKey && !event.ctrlKey && !event.metaKey) || (event.altKey && event.key === 'ArrowUp')) {
      event.preventDefault();
      this.step(-1);
    }
  }
}

function button(label: string, text: string, action: () => void, keys: string): HTMLButtonElement {
  const b = h('button', { type: 'button', 'aria-label': label, title: `${label} (${keys})` }, text);
  b.addEventListener('click', action);
  return b;
}

function labelOf(clause: Clause): string {
  return clause.label || clause.title || clause.id;
}

/** A change's clauses as the text and HTML redlines head them: as they are now, with what they were called where that differs. */
function describeRefs(change: ClauseChangeJson): string {
  const names = (refs: ClauseChangeJson['old']) => refs.map(clauseHeading).join(' + ');
  const now = names(change.new);
  if (!now) return names(change.old);
  const before = wasHeading(change);
  return before ? `${now} (was ${before})` : now;
}

/** The word operations to show; clauses the engine sends without words (inserted, deleted, unchanged) use their text. */
function wordsOf(change: ClauseChangeJson, oldInfo: ClauseInfo | undefined, newInfo: ClauseInfo | undefined): WordOpJson[] {
  if (change.words.length > 0) return change.words;
  if (change.kind === 'inserted') return [{ op: 'insert', text: newInfo?.text ?? '' }];
  if (change.kind === 'deleted') return [{ op: 'delete', text: oldInfo?.text ?? '' }];
  if (change.kind === 'unchanged') return [{ op: 'equal', text: newInfo?.text ?? oldInfo?.text ?? '' }];
  const ops: WordOpJson[] = [];
  if (oldInfo) ops.push({ op: 'delete', text: oldInfo.text });
  if (newInfo) ops.push({ op: 'insert', text: (oldInfo ? '\n' : '') + newInfo.text });
  return ops;
}

/** Provision notes shown at once; a clause rewritten through shows the rest on request. */
const PROVISIONS_SHOWN = 12;

/** "Provisions: 4→5 edited; …", the first PROVISIONS_SHOWN, and a button that shows the rest. */
function provisionNotes(notes: readonly string[]): HTMLElement {
  const line = h('p', { class: 'provision-notes' }, `Provisions: ${notes.slice(0, PROVISIONS_SHOWN).join('; ')}`);
  if (notes.length > PROVISIONS_SHOWN) {
    const more = h('button', { type: 'button', class: 'legal-more' }, `${notes.length - PROVISIONS_SHOWN} more`);
    more.addEventListener('click', () => {
      line.textContent = `Provisions: ${notes.join('; ')}`;
      line.tabIndex = -1;
      line.focus();
    });
    line.append('; ', more);
  }
  return line;
}

/** What changed in law shown at once; a clause with more (one largely rewritten) shows the rest on request. */
const LEGAL_SHOWN = 8;

/**
 * What changed in law in a clause, as flags. A clause rewritten through (a compilation text made a clean draft)
 * can have a hundred: the first LEGAL_SHOWN are shown, and a button says how many more there are and of which
 * kinds, and shows them.
 */
export function legalFlags(legal: readonly LegalChangeJson[]): HTMLElement {
  const flag = ({ item: l, times }: ReturnType<typeof gatheredLegal>[number]) => h('li', { class: `legal legal-${l.type}` },
    h('strong', {}, l.type.replace('-', ' ')), ': ', l.old ?? '—', ' → ', l.new ?? '—',
    l.row ? ` (${rowNote(l)})` : '', l.proposedBy ? ` (${proposedNote(l)})` : '',
    directionNote(l) ? h('span', { class: `direction ${directionNote(l)}` }, ` (${directionNote(l)})`) : '', l.cosmetic ? ` (${WORDING_ONLY})` : '', l.moved ? ` (${MOVED_IN_PARAGRAPH})` : '', timesNote(times));
  const items = gatheredLegal(legal);
  const list = h('ul', { class: 'legal-flags', 'aria-label': 'Legal changes' }, ...items.slice(0, LEGAL_SHOWN).map(flag));
  const rest = items.slice(LEGAL_SHOWN);
  if (rest.length > 0) {
    const kinds = new Map<string, number>();
    for (const { item } of rest) kinds.set(item.type, (kinds.get(item.type) ?? 0) + 1);
    const more = h('button', { type: 'button', class: 'legal-more' },
      `${rest.length} more: ${[...kinds].map(([type, n]) => `${n} ${type.replace('-', ' ')}`).join(', ')}`);
    const holder = h('li', { class: 'legal-more-item' }, more);
    more.addEventListener('click', () => {
      const flags = rest.map(flag);
      holder.replaceWith(...flags);
      // The button is gone: keep the keyboard where the reader was, on the first flag it revealed.
      flags[0]!.tabIndex = -1;
      flags[0]!.focus();
    });
    list.append(holder);
  }
  return list;
}

/**
 * Old and new facing each other, each paragraph level with the one it became and a paragraph put in or struck out
 * opposite a blank (src/export/facing-lines.ts). Each side stays one column element, so that selecting down it
 * copies one draft's words; a CSS subgrid gives both columns the same rows. A redline holding a pipe table (a
 * schedule) keeps two free-flowing columns, its tables set out row by row of their own. `newOffset`: where the
 * ops begin in the new text (a later part of a split or merge).
 */
function sideBySide(ops: readonly WordOpJson[], stale?: readonly StaleReferenceJson[], newOffset = 0): HTMLElement {
  const rows = sideBySideRows(ops, newOffset) ?? [];
  if (rows.length === 0) {
    const newSide = ops.filter((o) => o.op !== 'delete');
    return h(
      'div',
      { class: 'redline side' },
      h('div', { class: 'side-old', 'aria-label': 'Old text' }, ...redlineNodes(ops.filter((o) => o.op !== 'insert'))),
      h('div', { class: 'side-new', 'aria-label': 'New text' }, ...redlineNodes(newSide, stale, newTextOffsets(newSide, newOffset))),
    );
  }
  const cell = (lines: readonly RedlinePiece[][], marks?: readonly StaleReferenceJson[]) => {
    const div = h('div', { class: holdsText(lines) ? 'facing' : 'facing gap' });
    lines.forEach((line, k) => {
      if (k > 0) div.append('\n');
      for (const piece of line) div.append(renderOp({ ...piece.op, text: piece.text }, marks, piece.offset));
    });
    return div;
  };
  const body = h(
    'div',
    { class: 'redline side facing-rows' },
    h('div', { class: 'side-old', 'aria-label': 'Old text' }, ...rows.map((row) => cell(row.old))),
    h('div', { class: 'side-new', 'aria-label': 'New text' }, ...rows.map((row) => cell(row.new, stale))),
  );
  // The number of rows both columns share (set through the CSSOM, which the page's style policy allows).
  body.style.gridTemplateRows = `repeat(${rows.length}, auto)`;
  return body;
}

/**
 * The ops of a redline (those of the side shown), each as renderOp makes it; where they hold a table (a tariff
 * schedule: src/export/redline-layout.ts), its rows set out as a table, each cell with its own changes.
 * `offsets[k]`: where op k starts in the new text, for the stale references.
 */
export function redlineNodes(ops: readonly WordOpJson[], stale?: readonly StaleReferenceJson[], offsets: readonly number[] = []): Node[] {
  const blocks = tableLayout(ops, 'both', offsets);
  if (!blocks) return ops.map((op, k) => renderOp(op, stale, offsets[k]));
  const piece = (p: RedlinePiece) => renderOp({ ...p.op, text: p.text }, stale, p.offset);
  return blocks.map((block) => {
    if (block.kind === 'table') {
      return h('table', { class: 'pipe-table' }, ...block.rows.map((row) =>
        h('tr', {}, ...row.cells.map((cell) => h(row.header ? 'th' : 'td', {}, ...cell.map(piece))))));
    }
    const fragment = document.createDocumentFragment();
    block.lines.forEach((line, k) => fragment.append(...(k > 0 ? [document.createTextNode('\n')] : []), ...line.map(piece)));
    return fragment;
  });
}

/**
 * One op of a redline; the stale references given (the new side's) are marked where they stand (equal text,
 * moved paragraphs, renumbered numbers), `start` being where the op begins in the clause's new text.
 */
function renderOp(op: WordOpJson, stale?: readonly StaleReferenceJson[], start = 0): Node {
  if (op.op === 'equal') return withStaleMarks(op.text, stale, start);
  // A change of bracketing alone is a lone "[" or "]": make it stand out, it matters as much as a word.
  // (Not a bracket only set otherwise: a change of formatting.)
  const classes = [op.cosmetic ? 'cosmetic' : '', op.moved ? 'moved' : '', !op.style && /^\s*[[\]]+\s*$/.test(op.text) ? 'bracket-change' : ''].filter(Boolean).join(' ');
  const attributes: Record<string, string> = classes ? { class: classes } : {};
  // Moved text (a provision moved within its clause) says so to a pointer and to a screen reader.
  if (op.moved) attributes.title = op.op === 'insert' ? 'Moved here' : 'Moved from here';
  // A paragraph moved within its clause is text the new draft kept, a cosmetic insert may be the renumbered
  // part of a stale reference ("paragraph 2 of Article 3", its article renumbered), and an insert the new number
  // of one changed, but not to where its clause went ("Paragraph [-9-]{+8+}"): marked there too.
  // A change of formatting shows each side in its style, and says which to a pointer.
  if (op.style) {
    attributes.title = `Formatting: ${op.op === 'delete' ? 'was' : 'now'} ${op.style}`;
    const text = op.op === 'insert' ? withStaleMarks(op.text, stale, start) : document.createTextNode(op.text);
    const styled = op.style === 'plain' ? text
      : op.style === 'italic' ? h('i', {}, text)
      : op.style === 'bold' ? h('b', {}, text)
      : h('b', {}, h('i', {}, text));
    return h(op.op === 'insert' ? 'ins' : 'del', attributes, styled);
  }
  if (op.op === 'insert') return h('ins', attributes, withStaleMarks(op.text, stale, start));
  return h('del', attributes, op.text);
}

/** Text of the new side with the stale references the comparison placed in it marked (`start`: its offset). */
function withStaleMarks(text: string, stale: readonly StaleReferenceJson[] | undefined, start: number): Node {
  const pieces = staleMarks(text, stale, start);
  if (pieces.length === 1 && !pieces[0]!.stale) return document.createTextNode(text);
  const fragment = document.createDocumentFragment();
  for (const piece of pieces) fragment.append(piece.stale ? h('mark', { class: 'stale-ref', title: staleNote(piece.stale) }, piece.text) : piece.text);
  return fragment;
}

function indexDraft(draft: Draft): Map<string, ClauseInfo> {
  const map = new Map<string, ClauseInfo>();
  let previous: string | null = null;
  const visit = (clauses: readonly Clause[]) => {
    for (const clause of clauses) {
      map.set(clause.id, { clause, text: blocksText(clause.body, { brackets: 'marked' }), parties: partiesIn(clause.body), previous });
      previous = clause.id;
      visit(clause.children);
    }
  };
  visit(draft.clauses);
  return map;
}

function partiesIn(blocks: readonly Block[], out = new Set<string>()): Set<string> {
  const inline = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'bracket') out.add(node.by);
      if ('children' in node) inline(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') inline(block.children);
    else if (block.type === 'position') out.add(block.party);
    else if (block.type === 'list') block.children.forEach((item) => partiesIn(item.children, out));
    else if (block.type === 'blockquote') partiesIn(block.children, out);
  }
  return out;
}

/** The keys that save the redline (the desktop menu's File → Save Redline… has the same). */
const SAVE_REDLINE_KEYS = 'Ctrl+Shift+E';

/** "rare-earths-mou v1-v5 redline.html": the dossier and the two drafts, in characters any file system takes. */
export function redlineFileName(dossier: string, [oldRef, newRef]: readonly [DraftRef, DraftRef], format: RedlineFormat = 'html'): string {
  const part = (ref: DraftRef) => (ref === 'working' ? 'working' : `v${ref}`);
  const stem = `${dossierFileStem(dossier)} ${part(oldRef)}-${part(newRef)} redline`;
  return format === 'docx-notes' ? `${stem} with legal notes.docx` : `${stem}.${format}`;
}

/** The dossier's name as a saved file's name begins: without the characters file systems refuse. */
export function dossierFileStem(dossier: string): string {
  return dossier.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'dossier';
}

/** What the redline is saved as: a web page, a Word document, or one with legal notes in its margin. */
export type RedlineFormat = 'html' | 'docx' | 'docx-notes';
