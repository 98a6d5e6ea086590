/**
 * The margin comments of the Word redline (docx-redline.ts), in words:
 *   - on a moved clause, what its tracked changes cannot show: the redline strikes it where it stood and puts it
 *     in whole where it stands (so that "reject all" gives the old order back), and a reader of Word sees two
 *     whole blocks, not what changed inside. The notes at both places say where the clause came from or went,
 *     whether its wording changed, and if so how — the changed words, the provisions, and what changed in law, as
 *     the text redline says them;
 *   - asked for (legal notes, for the legal staff's own reading), on every other clause with a change in law: the
 *     list of them ("obligation: shall → will (weaker)"), which the tracked changes show one word at a time.
 */
import type { ClauseChangeJson, ClauseRefJson, WordOpJson } from '../compare/contract.js';
import { legalLines, notableProvisions, refHeading } from './text-redline.js';

/** At most this many changes of wording are listed one by one; the rest are counted. */
const LISTED_CHANGES = 12;
/** A change's words are cut to this many characters (an ellipsis marks the cut). */
const QUOTED_CHARACTERS = 80;

/** One change of wording: what was struck and what was put in, between two stretches of shared text. */
export interface WordingChange {
  old: string;
  new: string;
  cosmetic: boolean;
}

/**
 * The changes of wording of a redline: each maximal run of ops between two equal ones, its struck and its
 * inserted text (white space at their ends trimmed). A run that only changes white space is no change a reader
 * can see in a quotation, and is left out.
 */
export function wordingChanges(words: readonly WordOpJson[]): WordingChange[] {
  const out: WordingChange[] = [];
  let old = '', added = '', cosmetic = true, open = false;
  const close = () => {
    if (open && (old.trim() !== '' || added.trim() !== '')) out.push({ old: old.trim(), new: added.trim(), cosmetic });
    old = ''; added = ''; cosmetic = true; open = false;
  };
  for (const w of words) {
    if (w.op === 'equal') { close(); continue; }
    open = true;
    if (w.op === 'delete') old += w.text; else added += w.text;
    if (!w.cosmetic) cosmetic = false;
  }
  close();
  return out;
}

/** A stretch of text as a note quotes it: on one line, cut at a word near QUOTED_CHARACTERS. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  if (line.length <= QUOTED_CHARACTERS) return `“${line}”`;
  const cut = line.lastIndexOf(' ', QUOTED_CHARACTERS);
  return `“${line.slice(0, cut > QUOTED_CHARACTERS / 2 ? cut : QUOTED_CHARACTERS)}…”`;
}

/** One change of wording as a line of a note: "“shall” → “will”", "added “…”", "struck “…”". */
function changeLine(change: WordingChange): string {
  const said = change.old && change.new ? `${quoted(change.old)} → ${quoted(change.new)}` : change.new ? `added ${quoted(change.new)}` : `struck ${quoted(change.old)}`;
  return change.cosmetic ? `${said} (cosmetic)` : said;
}

/** A clause as a note names it: "Paragraph 9 — Stockpiling", within its enclosing clauses. */
function clauseName(refs: readonly ClauseRefJson[]): string {
  return refs.map((ref) => (ref.path.length > 0 ? `${refHeading(ref)} (in ${ref.path.join(', ')})` : refHeading(ref))).join(' + ');
}

/** A draft as a note names it: its label, quoted (“EU first proposal”), or the older / newer draft. */
function draftName(label: string, side: 'old' | 'new'): string {
  return label ? `“${label}”` : side === 'old' ? 'the older draft' : 'the newer draft';
}

/**
 * The note at a moved clause's new place, one paragraph per line: where it stood, and what changed in it — or
 * that its wording did not.
 */
export function movedHereNote(change: ClauseChangeJson, oldDraftLabel: string): string[] {
  const lines = [`Moved here. In ${draftName(oldDraftLabel, 'old')} this was ${clauseName(change.old)}, struck out where it stood.`];
  const changes = wordingChanges(change.words);
  const titleChanges = change.titleWords ? wordingChanges(change.titleWords) : [];
  if (change.kind === 'unchanged' || changes.length + titleChanges.length === 0) {
    lines.push('Its wording is unchanged.');
    return lines;
  }
  const listed = [...titleChanges.map((c) => `title: ${changeLine(c)}`), ...changes.map(changeLine)];
  lines.push(`Changed in its wording (${listed.length === 1 ? 'one change' : `${listed.length} changes`}):`);
  lines.push(...listed.slice(0, LISTED_CHANGES).map((line) => `• ${line}`));
  const more = listed.length - LISTED_CHANGES;
  if (more > 0) lines.push(`… and ${more === 1 ? 'one more' : `${more} more`} (the HTML redline, parley diff --format html, shows every change in place).`);
  const provisions = notableProvisions(change);
  if (provisions.length > 0) lines.push(`Provisions: ${provisions.join('; ')}.`);
  lines.push(...(legalNote(change) ?? []));
  return lines;
}

/** The note at a moved clause's old place: where it went. */
export function movedAwayNote(change: ClauseChangeJson, newDraftLabel: string): string[] {
  return [`Moved: in ${draftName(newDraftLabel, 'new')} this is ${clauseName(change.new)}, put in where it stands now; the note there says what changed in it.`];
}

/** The note on a clause with changes in law (legal notes): each as the text redline says it, or none (null). */
export function legalNote(change: ClauseChangeJson): string[] | null {
  const legal = legalLines(change.legal);
  return legal.length === 0 ? null : ['What changed in law:', ...legal.map((line) => `• ${line}`)];
}
