/**
 * The history of one clause across a dossier: its heading and text in every version, and for each change the
 * word redline and the party that tabled the version that made it.
 *
 *   clauseHistory(versions, clauseId)  →  ClauseHistory
 *   titleBlockHistory(versions)        →  ClauseHistory   (the text before the first clause, id '')
 *
 * Versions of one dossier share clause ids, so the clause is found in each version by its id. Where it is
 * absent, consecutive versions are aligned (alignDrafts with ids: 'always') to tell a reader what became of
 * it: merged into another clause, split into others, or deleted outright — and, where it first appears,
 * whether it was split off or merged from clauses of the version before.
 *
 * A change is always measured against the clause's previous appearance, which is the version before unless
 * the clause was absent for a while (deleted, then re-tabled). Renumbering alone is not a change, as
 * everywhere in the comparison: "Paragraph 8" → "Paragraph 5" with the same text is `unchanged`,
 * `renumbered: true`.
 */
import type { VersionEntry } from '../model/dossier.js';
import type { Clause, Draft, DraftStatus, PartyId } from '../model/draft.js';
import { walkClauses } from '../model/provisions.js';
import { blocksText, clauseHeading, clauseText } from '../model/text.js';
import { alignDrafts, type Alignment, type ClauseChange } from './align.js';
import { normalizeLabel } from './normalize.js';
import { clauseRedline, frontClause, newClauseShare, partsJson, versionPair, wordOpsJson, type ClauseShare } from './compare.js';
import { sameFormatting } from './formatting.js';
import type { LegalChangeJson, WordOpJson } from './contract.js';
import type { RedlinePart } from './redline-parts.js';
import { diffWords, type WordOp } from './words.js';

export interface HistoryVersion {
  /** The tabled version's number, or 'working' for the working draft. */
  version: number | 'working';
  label: string;
  tabledBy: PartyId;
  date: string;
  status: DraftStatus | '';
  draft: Draft;
}

/** A tabled version as the manifest records it, with its text read. */
export function tabledVersion(entry: Pick<VersionEntry, 'version' | 'label' | 'tabledBy' | 'date' | 'status'>, draft: Draft): HistoryVersion {
  return { version: entry.version, label: entry.label, tabledBy: entry.tabledBy, date: entry.date, status: entry.status, draft };
}

/**
 * The working draft as a version: tabled by no one yet, though its front matter may name who prepares it; a
 * working draft without a label of its own is "working draft".
 */
export function workingVersion(draft: Draft): HistoryVersion {
  return { version: 'working', label: draft.meta.label || 'working draft', tabledBy: draft.meta.tabledBy ?? '', date: draft.meta.date ?? '', status: '', draft };
}

export interface ClauseAppearance {
  label: string;
  title: string;
  /** "Paragraph 4 — No export bans". */
  heading: string;
  topics: string[];
  /** The clause's own text, bracketed language marked with [ ]. */
  text: string;
}

/**
 * A split or merge between two consecutive versions that involves the clause, read off their alignment:
 * `from` are the ids in the earlier version, `into` the ids in the later one (one → several for a split,
 * several → one for a merge).
 */
export interface ClauseRelation {
  kind: 'split' | 'merged';
  from: string[];
  into: string[];
}

export interface ClauseChangeStep {
  /** The version of the previous appearance the change is measured against. */
  since: number | 'working';
  kind: 'unchanged' | 'edited';
  renumbered: boolean;
  /**
   * Whether the clause moved among the others since the version just before (as `parley diff` reads a move: out
   * of the longest run of clauses that kept their order); false where it was absent from that version.
   */
  moved: boolean;
  /** The party that tabled the version making the change (empty when unknown, e.g. an untitled working draft). */
  by: PartyId;
  /** Word redline of the clause text against the previous appearance; equal-only when unchanged. */
  words: WordOp[];
  /** What changed in law, as `parley diff` lists it for the clause (empty when unchanged). */
  legal: LegalChangeJson[];
  /** Word redline of the title, present when the title changed. */
  titleWords?: WordOp[];
  /**
   * Where the clause was merged with others of the version before: `words` cut where each merged clause's text
   * begins, each further part headed by that clause (as parley diff heads them).
   */
  parts?: RedlinePart<WordOp>[];
}

export interface HistoryEntry {
  version: number | 'working';
  label: string;
  tabledBy: PartyId;
  date: string;
  status: DraftStatus | '';
  /** The clause as this version has it; null when absent. */
  clause: ClauseAppearance | null;
  /**
   * Why the clause is absent: 'not-yet' before its first appearance, 'deleted' when it was dropped, 'merged'
   * or 'split' when its text went into other clauses (`into`: their ids).
   */
  absent?: { reason: 'not-yet' | 'deleted' | 'merged' | 'split'; into: string[] };
  /** For a present clause: the split or merge with the version before that produced it, if any. */
  relation?: ClauseRelation;
  /** For a present clause after its first appearance: the change against the previous appearance. */
  change?: ClauseChangeStep;
  /**
   * Where the clause first appears split off from a clause of the version before (or merged from several): its
   * share of that split's redline, as parley diff reads it, and what changed in law in it — what the split did to
   * the text it took (a merge's in parts, each further one headed by the clause it came from).
   */
  origin?: ClauseShare;
}

export interface ClauseHistory {
  id: string;
  entries: HistoryEntry[];
}

function appearanceOf(clause: Clause): ClauseAppearance {
  return {
    label: clause.label,
    title: clause.title,
    heading: clauseHeading(clause),
    topics: [...clause.topics],
    text: clauseText(clause, { brackets: 'marked' }),
  };
}

export function findClause(draft: Draft, id: string): Clause | undefined {
  for (const { clause } of walkClauses(draft.clauses)) if (clause.id === id) return clause;
  return undefined;
}

/** Every clause id in the given drafts, in first-seen order. */
export function allClauseIds(drafts: readonly Draft[]): string[] {
  const ids = new Set<string>();
  for (const d of drafts) for (const { clause } of walkClauses(d.clauses)) ids.add(clause.id);
  return [...ids];
}

/** A clause of the later of two versions made by a split or merge, with what newClauseShare needs to measure it. */
export interface MadeBy {
  relation: ClauseRelation;
  alignment: Alignment;
  change: ClauseChange;
  /** The clause's place among the alignment's new clauses. */
  newIndex: number;
}

/**
 * What the alignment of two versions of one dossier (by ids) says of their clauses, read once for all of them.
 * Other kinds of change say nothing the ids do not already say.
 */
export interface Relations {
  /** The ids of the clauses the later version moved among the others (out of the longest run kept in order). */
  moved: Set<string>;
  /** By the id of a clause of the later version: the split or merge that made it. */
  made: Map<string, MadeBy>;
  /** By the id of a clause of the earlier version: the split or merge its text went into. */
  went: Map<string, ClauseRelation>;
}

/** The moves, splits and merges between two versions (parley history between consecutive ones; the three-way diff from its base). */
export function relationsBetween(oldDraft: Draft, newDraft: Draft): Relations {
  const alignment = alignDrafts(oldDraft, newDraft, { ids: 'always' });
  const { oldClauses, newClauses, changes } = alignment;
  const out: Relations = { moved: new Set(), made: new Map(), went: new Map() };
  for (const change of changes) {
    if (change.moved) for (const j of change.new) out.moved.add(newClauses[j]!.id);
    if (change.kind !== 'split' && change.kind !== 'merged') continue;
    const relation: ClauseRelation = { kind: change.kind, from: change.old.map((i) => oldClauses[i]!.id), into: change.new.map((j) => newClauses[j]!.id) };
    for (const id of relation.from) out.went.set(id, relation);
    change.new.forEach((j, k) => out.made.set(relation.into[k]!, { relation, alignment, change, newIndex: j }));
  }
  return out;
}

export function clauseHistory(versions: readonly HistoryVersion[], clauseId: string): ClauseHistory {
  return historyOf(versions, clauseId, (draft) => findClause(draft, clauseId), true);
}

/**
 * The history of the text before the first clause (an imported draft's title block: the instrument's name, the
 * parties, a date), as of a clause: it is no clause and has no id (the id is ''), and a version without one has
 * it absent, deleted. Its appearance's heading is "Title block".
 */
export function titleBlockHistory(versions: readonly HistoryVersion[]): ClauseHistory {
  return historyOf(versions, '', (draft) => (blocksText(draft.front).trim() ? frontClause(draft) : undefined), false);
}

/**
 * One piece of text through the versions: `find` gives it in a version (undefined where absent); `relations`
 * says whether it is a clause the alignment can find split or merged.
 */
function historyOf(versions: readonly HistoryVersion[], clauseId: string, find: (draft: Draft) => Clause | undefined, relations: boolean): ClauseHistory {
  const entries: HistoryEntry[] = [];
  let previous: { version: number | 'working'; clause: ClauseAppearance; source: Clause; parties: Record<string, string>; draft: Draft } | null = null;
  versions.forEach((v, i) => {
    const entry: HistoryEntry = { version: v.version, label: v.label, tabledBy: v.tabledBy, date: v.date, status: v.status, clause: null };
    const found = find(v.draft);
    // Aligning is only needed where the clause appears or disappears next to an earlier version.
    const before = i > 0 ? versions[i - 1]! : null;
    const wasThere = before ? find(before.draft) !== undefined : false;
    if (found) {
      const now = relations ? appearanceOf(found) : { ...appearanceOf(found), heading: 'Title block' };
      entry.clause = now;
      let moved = false;
      let made: MadeBy | undefined;
      if (before && relations) {
        const across = relationsBetween(before.draft, v.draft);
        made = across.made.get(clauseId);
        if (made) entry.relation = made.relation;
        moved = wasThere && across.moved.has(clauseId);
      }
      if (!previous && made) {
        const parties = { ...before!.draft.meta.parties, ...v.draft.meta.parties };
        entry.origin = newClauseShare(made, parties, versionPair(before!.draft, v.draft));
      }
      if (previous) {
        // The same words set otherwise (italic added) are an edit, as parley diff reads them (formatting.ts).
        const same = previous.clause.text === now.text && previous.clause.title === now.title && sameFormatting(previous.source, found);
        // A cross-reference renumbered with the clause it names (by ids), or a footnote mark with its note, is
        // cosmetic, as in parley diff.
        const parties = { ...previous.parties, ...v.draft.meta.parties };
        const pair = versionPair(previous.draft, v.draft);
        // Split from the version just before, or merged with other clauses of it: measured against what the
        // split or merge made it from, as parley diff reads it — paragraphs that went to a sibling of a split
        // are not struck, nor another clause's text merged in inserted, nor their obligations lost or new.
        const share = made && wasThere ? newClauseShare(made, parties, pair) : null;
        const { words, legal } = share ?? clauseRedline(previous.source, found, previous.clause.text, now.text, parties, true, pair);
        const step: ClauseChangeStep = {
          since: previous.version,
          kind: same ? 'unchanged' : 'edited',
          renumbered: normalizeLabel(previous.clause.label) !== normalizeLabel(now.label),
          moved,
          by: v.tabledBy,
          words,
          legal,
        };
        if (previous.clause.title !== now.title) step.titleWords = diffWords(previous.clause.title, now.title);
        if (share?.parts) step.parts = share.parts;
        entry.change = step;
      }
      previous = { version: v.version, clause: now, source: found, parties: v.draft.meta.parties, draft: v.draft };
    } else if (!previous) {
      entry.absent = { reason: 'not-yet', into: [] };
    } else if (wasThere && before) {
      const went = relations ? relationsBetween(before.draft, v.draft).went.get(clauseId) : undefined;
      entry.absent = went ? { reason: went.kind, into: went.into } : { reason: 'deleted', into: [] };
    } else {
      // Still gone: repeat what happened to it when it went, so each block reads on its own.
      const last = entries[entries.length - 1]!;
      entry.absent = last.absent ? { ...last.absent, into: [...last.absent.into] } : { reason: 'deleted', into: [] };
    }
    entries.push(entry);
  });
  return { id: clauseId, entries };
}

/** A history as `parley history --format json` writes it and the app shows it: word ops without their offsets. */
export interface ClauseHistoryJson {
  id: string;
  versions: Array<Omit<HistoryEntry, 'change' | 'origin'> & {
    change?: Omit<ClauseChangeStep, 'words' | 'titleWords' | 'parts'> & { words: WordOpJson[]; titleWords?: WordOpJson[]; parts?: RedlinePart[] };
    origin?: { words: WordOpJson[]; legal: LegalChangeJson[]; parts?: RedlinePart[] };
  }>;
}

export function clauseHistoryJson(history: ClauseHistory): ClauseHistoryJson {
  return {
    id: history.id,
    versions: history.entries.map((e) => ({
      ...e,
      change: e.change && {
        ...e.change,
        words: wordOpsJson(e.change.words),
        ...(e.change.titleWords ? { titleWords: wordOpsJson(e.change.titleWords) } : {}),
        ...(e.change.parts ? { parts: partsJson(e.change.parts) } : {}),
      },
      ...(e.origin ? { origin: {
        words: wordOpsJson(e.origin.words),
        legal: e.origin.legal,
        ...(e.origin.parts ? { parts: partsJson(e.origin.parts) } : {}),
      } } : {}),
    })),
  };
}
