/**
 * The clause editor: a ProseMirror view over the working draft with history, the clause and bracket commands
 * on keys, and find-and-replace highlighting.
 */
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView, type NodeView } from 'prosemirror-view';
import {
  bracketFor,
  mergeWithPrevious,
  moveClause,
  newClause,
  offerAlternative,
  removeBrackets,
  splitClause,
} from './commands.js';
import { findPlugin } from './find.js';
import { schema } from './schema.js';

export interface EditorHooks {
  /** Party ids in the dossier's order: Mod-Shift-1 brackets for the first, Mod-Shift-2 for the second … */
  parties: string[];
  onTransaction(tr: Transaction, view: EditorView): void;
  save(): void;
  openPositionForm(): void;
  openFind(): void;
  openHistory(): void;
}

/** Keys of the editor, also listed in the toolbar's tooltips. */
export const KEYS = {
  newClause: 'Mod-Shift-Enter',
  splitClause: 'Mod-Alt-Enter',
  mergeClause: 'Mod-Alt-Backspace',
  moveUp: 'Alt-Shift-ArrowUp',
  moveDown: 'Alt-Shift-ArrowDown',
  alternative: 'Mod-Shift-a',
  removeBrackets: 'Mod-Shift-0',
  position: 'Mod-Shift-p',
  history: 'Mod-Shift-h',
  find: 'Mod-f',
  save: 'Mod-s',
  undo: 'Mod-z',
  redo: 'Mod-Shift-z',
} as const;

/** "Mod-Shift-Enter" → "Ctrl+Shift+Enter" (or ⌘ on a Mac), for tooltips. */
export function keyLabel(key: string): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return key.replace('Mod', mac ? '⌘' : 'Ctrl').replace(/-/g, '+').replace('Arrow', '');
}

/** Draws a clause with its label above the title; the label is not typed, the commands renumber it. */
class ClauseView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private label: HTMLElement;
  constructor(private node: PMNode) {
    this.dom = document.createElement('section');
    this.dom.className = 'clause';
    this.label = document.createElement('div');
    this.label.className = 'clause-label';
    this.label.contentEditable = 'false';
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'clause-content';
    this.dom.append(this.label, this.contentDOM);
    this.render();
  }
  private render() {
    const { id, label, level, topics } = this.node.attrs;
    this.dom.id = 'clause-' + id;
    this.dom.dataset.clauseId = id;
    this.dom.dataset.level = String(level);
    this.label.textContent = label;
    this.label.title = (topics as string[]).length ? 'Topics: ' + (topics as string[]).join(', ') : '';
  }
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const changed = node.attrs !== this.node.attrs;
    this.node = node;
    if (changed) this.render();
    return true;
  }
  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: Node }): boolean {
    return mutation.type !== 'selection' && !this.contentDOM.contains(mutation.target);
  }
}

export function createEditor(mount: HTMLElement, doc: PMNode, hooks: EditorHooks, readOnly = false): EditorView {
  const run = (command: () => void): Command => () => {
    command();
    return true;
  };
  const partyKeys: Record<string, Command> = {};
  hooks.parties.slice(0, 9).forEach((party, i) => {
    partyKeys[`Mod-Shift-${i + 1}`] = bracketFor(party);
  });
  const listItem = schema.nodes.list_item!;
  const state = EditorState.create({
    doc,
    plugins: [
      history(),
      keymap({
        [KEYS.undo]: undo,
        [KEYS.redo]: redo,
        'Mod-y': redo,
        [KEYS.save]: run(hooks.save),
        [KEYS.find]: run(hooks.openFind),
        [KEYS.position]: run(hooks.openPositionForm),
        [KEYS.history]: run(hooks.openHistory),
        [KEYS.newClause]: newClause,
        [KEYS.splitClause]: splitClause,
        [KEYS.mergeClause]: mergeWithPrevious,
        [KEYS.moveUp]: moveClause(-1),
        [KEYS.moveDown]: moveClause(1),
        [KEYS.alternative]: offerAlternative(hooks.parties),
        [KEYS.removeBrackets]: removeBrackets,
        ...partyKeys,
        Enter: splitListItem(listItem),
        'Mod-[': liftListItem(listItem),
        'Mod-]': sinkListItem(listItem),
        'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
          if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break!.create()).scrollIntoView());
          return true;
        }),
      }),
      keymap(baseKeymap),
      findPlugin,
    ],
  });
  const view: EditorView = new EditorView(mount, {
    state,
    editable: () => !readOnly,
    nodeViews: { clause: (node) => new ClauseView(node) },
    // tabindex: the text is in the tab order as any editable element is; said outright, checkers that do not count an
    // editable element as focusable see that its scrolling page can be reached from the keyboard.
    attributes: { class: 'draft-text', 'aria-label': 'Working draft', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true', tabindex: '0' },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      hooks.onTransaction(tr, view);
    },
  });
  return view;
}
