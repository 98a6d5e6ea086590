import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { history, undo } from 'prosemirror-history';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  bracketFor,
  mergeWithPrevious,
  moveClause,
  newClause,
  offerAlternative,
  removeBrackets,
  replaceDraft,
  setPosition,
  splitClause,
} from '../renderer/commands.js';
import { docToDraft, draftToDoc } from '../renderer/convert.js';
import { findPlugin, findNext, matchCount, replaceAll, replaceCurrent, setQuery } from '../renderer/find.js';
import { outlineOf } from '../renderer/outline.js';
import { parseDraft } from '../src/format/markdown.js';
import type { Clause, Draft } from '../src/model/draft.js';
import { inlineText } from '../src/model/text.js';

const working = parseDraft(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rare-earths-mou', 'working.md'), 'utf8')).draft;

function stateWith(draft: Draft): EditorState {
  return EditorState.create({ doc: draftToDoc(draft), plugins: [findPlugin] });
}

/** Position just inside the first occurrence of `text` in the document (+ offset into it). */
function posOf(state: EditorState, text: string, offset = 0): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the draft`);
  return found;
}

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  expect(applied).toBe(true);
  return next!;
}

const labels = (draft: Draft) => draft.clauses.map((c) => `${c.label}:${c.id}`);
const clause = (draft: Draft, id: string): Clause => draft.clauses.find((c) => c.id === id)!;

describe('clause editor commands', () => {
  it('moves a clause down and renumbers the labels', () => {
    let state = select(stateWith(working), posOf(stateWith(working), 'The purpose of this Memorandum'));
    state = run(state, moveClause(1));
    const draft = docToDraft(state.doc);
    expect(labels(draft).slice(0, 4)).toEqual([':preamble', 'Paragraph 1:territorial-integrity', 'Paragraph 2:purpose', 'Paragraph 3:supply-chains']);
    // Moving back restores the original draft exactly.
    state = run(state, moveClause(-1));
    expect(docToDraft(state.doc)).toEqual(working);
  });

  it('inserts a new clause after the current one, renumbering those that follow', () => {
    const start = stateWith(working);
    const state = run(select(start, posOf(start, 'sixty (60)')), newClause);
    const draft = docToDraft(state.doc);
    expect(draft.clauses).toHaveLength(working.clauses.length + 1);
    expect(draft.clauses[4]!.label).toBe('Paragraph 4');
    expect(draft.clauses[4]!.title).toBe('');
    expect(draft.clauses[5]!.id).toBe(working.clauses[4]!.id);
    expect(draft.clauses[5]!.label).toBe('Paragraph 5');
    expect(new Set(draft.clauses.map((c) => c.id)).size).toBe(draft.clauses.length);
  });

  it('splits a clause at the cursor and merges it back', () => {
    const start = stateWith(working);
    let state = run(select(start, posOf(start, 'Each Participant will designate')), splitClause);
    let draft = docToDraft(state.doc);
    const first = draft.clauses[3]!;
    const second = draft.clauses[4]!;
    expect(first.id).toBe('supply-chains');
    expect(JSON.stringify(first.body)).not.toContain('designate a contact point');
    expect(JSON.stringify(second.body)).toContain('Each Participant will designate a contact point');
    expect(second.label).toBe('Paragraph 4');
    expect(draft.clauses[5]!.label).toBe('Paragraph 5');

    state = run(state, mergeWithPrevious);
    draft = docToDraft(state.doc);
    expect(draft.clauses).toHaveLength(working.clauses.length);
    expect(JSON.stringify(clause(draft, 'supply-chains').body)).toContain('Each Participant will designate a contact point');
    expect(labels(draft)).toEqual(labels(working));
  });

  it('brackets a phrase, offers an alternative for the other party, and agrees it', () => {
    const start = stateWith(working);
    const from = posOf(start, 'sixty (60)');
    let state = run(select(start, from, from + 'sixty (60)'.length), bracketFor('EU'));
    state = run(state, offerAlternative(['EU', 'US']));
    let body = clause(docToDraft(state.doc), 'supply-chains').body;
    expect(JSON.stringify(body)).toContain(
      JSON.stringify([{ type: 'bracket', by: 'EU', children: [{ type: 'text', value: 'sixty (60)' }] }, { type: 'bracket', by: 'US', children: [{ type: 'text', value: 'alternative' }] }]).slice(1, -1),
    );
    // The placeholder is selected: typing replaces it within the US bracket.
    state = state.apply(state.tr.insertText('ninety (90)'));
    body = clause(docToDraft(state.doc), 'supply-chains').body;
    expect(JSON.stringify(body)).toContain('{"type":"bracket","by":"US","children":[{"type":"text","value":"ninety (90)"}]}');
    // Agree the EU text: cursor inside it, brackets go.
    state = run(select(state, posOf(state, 'sixty (60)', 2)), removeBrackets);
    const paragraph = JSON.stringify(clause(docToDraft(state.doc), 'supply-chains').body);
    expect(paragraph).not.toContain('"by":"EU"');
    expect(paragraph).toContain('"by":"US"');
  });

  it('sets a party position on the clause, replacing an earlier one', () => {
    const start = stateWith(working);
    let state = select(start, posOf(start, 'sixty (60)'));
    state = run(state, setPosition('EU', 'reserves', 'First note.'));
    state = run(state, setPosition('EU', 'supports', 'Second note.'));
    const positions = clause(docToDraft(state.doc), 'supply-chains').body.filter((b) => b.type === 'position');
    expect(positions).toEqual([{ type: 'position', party: 'EU', stance: 'supports', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Second note.' }] }] }]);
    expect(outlineOf(state.doc).find((e) => e.id === 'supply-chains')!.state).toBe('agreed');
    state = run(state, setPosition('US', 'reserves', ''));
    expect(outlineOf(state.doc).find((e) => e.id === 'supply-chains')!.state).toBe('reserved');
  });

  it('does not merge the first clause or move it above the front matter', () => {
    const start = stateWith(working);
    const inPreamble = select(start, posOf(start, 'Have reached'));
    expect(mergeWithPrevious(inPreamble)).toBe(false);
    expect(moveClause(-1)(inPreamble)).toBe(false);
    expect(inlineText([{ type: 'text', value: 'x' }])).toBe('x');
  });

  it('finds case-insensitively, replaces one match, then all the rest', () => {
    let state = stateWith(working);
    // The title in the front matter is not part of the editable text.
    const total = JSON.stringify([working.front, working.clauses]).match(/memorandum/gi)!.length;
    state = state.apply(setQuery(state, 'memorandum'));
    expect(matchCount(state)).toBe(total);
    state = state.apply(findNext(state)!);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('Memorandum');
    state = state.apply(replaceCurrent(state, 'Arrangement')!);
    expect(matchCount(state)).toBe(total - 1);
    state = state.apply(replaceAll(state, 'Arrangement')!);
    expect(matchCount(state)).toBe(0);
    expect(JSON.stringify(docToDraft(state.doc).clauses)).not.toMatch(/memorandum/i);
  });

  it('replaces the whole draft as one undo step of its own, whatever is typed just before or after', () => {
    // An editor with undo history, as the app has; every step below comes within the history's half-second grouping.
    const editor = {
      state: EditorState.create({ doc: draftToDoc(working), plugins: [history()] }),
      dispatch(tr: Transaction) { this.state = this.state.apply(tr); },
    };
    // Typing at the start of the first text of the draft, whatever it is.
    const type = (text: string) => {
      let at = -1;
      editor.state.doc.descendants((node, pos) => {
        if (at < 0 && node.isText) at = pos;
        return at < 0;
      });
      editor.dispatch(editor.state.tr.insertText(text, at));
    };
    type('[typed before] ');
    const beforeImport = editor.state.doc;
    const imported = draftToDoc({ ...working, clauses: working.clauses.slice(0, 2) });
    replaceDraft(editor, imported.content);
    expect(editor.state.doc.childCount).toBe(imported.childCount);
    type('[typed after] ');
    const undoOnce = () => undo(editor.state, (tr) => editor.dispatch(tr));
    // The keystroke after the import is a step of its own…
    expect(undoOnce()).toBe(true);
    expect(editor.state.doc.eq(imported)).toBe(true);
    // …and so is the import: the text typed before it stays.
    expect(undoOnce()).toBe(true);
    expect(editor.state.doc.eq(beforeImport)).toBe(true);
    expect(editor.state.doc.textContent).toContain('[typed before] ');
  });
});
