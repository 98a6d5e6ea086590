/**
 * The words a clause's history is told in — what introduces a version, why a clause is absent, the split or
 * merge that produced it, what is notable about a change — shared by `parley history` and the app's History
 * dialog, so that both say the same thing of the same step (and the three-way diff, of a side's split or merge).
 */
import { draftRefName, versionTitle } from '../api.js';
import type { ClauseRelation, HistoryEntry } from '../compare/history.js';
import type { WordOpJson } from '../compare/contract.js';
import { allCosmetic } from './text-redline.js';

type EntryFacts = Pick<HistoryEntry, 'version' | 'label' | 'tabledBy' | 'date'>;

/** "v3 — Joint text — tabled by EU, 2026-03-12"; a working draft is "not tabled". */
export function versionLine(e: EntryFacts): string {
  if (e.version === 'working') {
    const facts = [e.tabledBy ? `prepared by ${e.tabledBy}` : '', e.date].filter(Boolean).join(', ');
    return `${versionTitle(e)} — not tabled${facts ? ` (${facts})` : ''}`;
  }
  return `${versionTitle(e)} — tabled by ${e.tabledBy}, ${e.date}`;
}

/** Why the clause is not in a version: "not in this version yet", "absent: merged into #a, #b" … */
export function absentNote(absent: NonNullable<HistoryEntry['absent']>): string {
  const ids = absent.into.map((x) => '#' + x).join(', ');
  switch (absent.reason) {
    case 'not-yet': return 'not in this version yet';
    case 'deleted': return 'absent: deleted';
    case 'merged': return `absent: merged into ${ids}`;
    case 'split': return `absent: split into ${ids}`;
  }
}

/** "split: #a → #a, #b". */
export function relationNote(r: ClauseRelation): string {
  return `${r.kind === 'split' ? 'split' : 'merged'}: ${r.from.map((x) => '#' + x).join(', ')} → ${r.into.map((x) => '#' + x).join(', ')}`;
}

/**
 * What introduces a first appearance: "first appears here" alone, or where the clause was split off or merged
 * from clauses of the version before and the redline against them follows, what that redline is against.
 */
export function firstAppearanceLine(relation: ClauseRelation | undefined, withRedline: boolean): string {
  if (!relation || !withRedline) return 'first appears here';
  const ids = relation.from.map((x) => '#' + x).join(', ');
  return relation.kind === 'split'
    ? `first appears here, against the text of ${ids} it was split from`
    : `first appears here, against ${ids}, merged into it`;
}

/**
 * A side's change of a three-way diff with the split or merge it made: "inserted (split: #pricing → #pricing,
 * #anti-dumping)"; or, of a clause the other side split off, where this side edited its text: "edited (in #pricing,
 * where this text still stands)".
 */
export function sideChangeNote(side: { change: string; relation?: ClauseRelation; within?: string }): string {
  if (side.within) return `${side.change} (in #${side.within}, where this text still stands)`;
  return side.relation ? `${side.change} (${relationNote(side.relation)})` : side.change;
}

interface StepFacts {
  since: number | 'working';
  kind: 'unchanged' | 'edited';
  renumbered: boolean;
  moved: boolean;
  words: readonly Pick<WordOpJson, 'op' | 'cosmetic'>[];
  titleWords?: readonly Pick<WordOpJson, 'op' | 'cosmetic'>[];
}

/** What is notable about a step: "cosmetic only", "moved", "renumbered", "against v2, where it last appeared". */
export function changeNotes(change: StepFacts, version: number | 'working'): string[] {
  return [
    // A step whose changes are all cosmetic says so, as `parley diff` heads such a clause.
    change.kind !== 'unchanged' && allCosmetic([...change.words, ...(change.titleWords ?? [])]) ? 'cosmetic only' : '',
    change.moved ? 'moved' : '',
    change.renumbered ? 'renumbered' : '',
    isPreviousVersion(change.since, version) ? '' : `against ${draftRefName(change.since)}, where it last appeared`,
  ].filter(Boolean);
}

/** "changed by EU (moved)" or "unchanged (renumbered)". */
export function changeLine(change: StepFacts & { by: string }, version: number | 'working'): string {
  const notes = changeNotes(change, version);
  const tail = notes.length ? ` (${notes.join('; ')})` : '';
  return change.kind === 'unchanged' ? `unchanged${tail}` : `changed${change.by ? ` by ${change.by}` : ''}${tail}`;
}

function isPreviousVersion(since: number | 'working', now: number | 'working'): boolean {
  if (since === 'working') return false;
  return now === 'working' ? true : now === since + 1;
}
