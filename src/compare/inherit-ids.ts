/**
 * Giving an imported draft the clause ids of the dossier it belongs to.
 *
 *   inheritIds(latest, incoming, options?)  →  { draft, report }
 *
 * A draft that arrives from outside (a Word file saved as text, an e-mail) has ids generated from its labels,
 * and "paragraph-6" in it says nothing about which clause of the dossier it is. So the incoming draft is
 * aligned with the latest tabled version by content alone (alignDrafts with ids: 'never') and each clause
 * takes the id of the clause it aligns with:
 *   - unchanged or edited: the id of its counterpart;
 *   - split (one old clause, several new parts): the part with the most text keeps the id, the others are new;
 *   - merged (several old clauses, one new): the id of the largest old part;
 *   - inserted: a new id.
 * A clause that inherits an id also inherits the counterpart's topics when it has none of its own (an import
 * has none); the other parts of a split take the topics of the clause they came from.
 *
 * New ids are slugs of the clause title, else its label (as src/format/ids.ts makes them), never one that
 * the latest version uses or that `reserved` lists (the caller passes the ids of every earlier version, so
 * that a new clause never takes the id of a deleted one and muddles its history). A clause that is one of
 * those deleted ones put back takes its own id again (inheritFromVersions).
 *
 * The result keeps the latest version's title and parties in its front matter; the rest of the incoming
 * front matter (version, label, tabled-by …) is dropped, since the draft is now a working draft, not tabled.
 */
import type { Clause, Draft } from '../model/draft.js';
import { clauseText } from '../model/text.js';
import { slugify } from '../format/ids.js';
import { alignDrafts, flattenDraft, type FlatClause } from './align.js';
import { diffWords } from './words.js';

export interface InheritOptions {
  /** Ids that new clauses must not take, beyond those of `latest` (e.g. ids used in earlier versions). */
  reserved?: Iterable<string>;
  /**
   * The versions before `latest`, oldest first: a clause of the incoming draft that is one of theirs which `latest`
   * no longer holds, put back, takes its id again (restorations).
   */
  earlier?: readonly Draft[];
}

export interface InheritedClause {
  id: string;
  label: string;
  title: string;
}

export interface InheritReport {
  /** Number of clauses (every heading level) in the resulting draft. */
  clauses: number;
  /** Clauses that took the id of their counterpart in the latest version. */
  kept: InheritedClause[];
  /** Clauses that got a new id (inserted clauses, extra parts of splits). */
  fresh: InheritedClause[];
  /** Ids of the latest version that no incoming clause took (deleted, or the smaller parts of a merge). */
  dropped: string[];
  /**
   * Clauses new against the latest version that are a clause of an earlier version (`earlier`), which the latest
   * no longer holds, put back (restorationsOf): each took that clause's id again, from the version named.
   */
  restored: (InheritedClause & { version: number })[];
}

const textSize = (c: Clause) => clauseText(c).length + c.title.length;

export function inheritIds(latest: Draft, incoming: Draft, options: InheritOptions = {}): { draft: Draft; report: InheritReport } {
  // Work on a copy: the caller's incoming draft stays as imported.
  const draft: Draft = structuredClone(incoming);
  const { oldClauses, newClauses, changes } = alignDrafts(latest, draft, { ids: 'never' });
  const assigned = new Map<number, { id: string; topics: string[]; kept: boolean }>();
  const taken = new Set<string>();
  // Inserted clauses and the parts of splits are open to restoration, before a split's heir is chosen: a clause
  // merged into another and put back is a split of the merged clause, whose larger part may be the one put back.
  const open = changes.filter((c) => c.old.length === 0 || c.new.length > 1).flatMap((c) => c.new.map((j) => newClauses[j]!));
  const restorations = restorationsOf(options.earlier ?? [], latest, open);

  for (const change of changes) {
    if (change.old.length === 0 || change.new.length === 0) continue;
    const olds = change.old.map((i) => oldClauses[i]!);
    const news = change.new.map((j) => newClauses[j]!);
    // The old clause whose id passes on: the only one, or for a merge the one with the most text.
    const source = olds.reduce((a, b) => (textSize(b.clause) > textSize(a.clause) ? b : a));
    // The new clause that takes it: the only one, or for a split the part with the most text that is not put back.
    const heirs = news.filter((c) => !restorations.has(c.index));
    const heir = heirs.length > 0 ? heirs.reduce((a, b) => (textSize(b.clause) > textSize(a.clause) ? b : a)) : null;
    if (taken.has(source.id)) continue; // cannot happen with a valid alignment; never give one id twice
    if (heir) {
      taken.add(source.id);
      assigned.set(heir.index, { id: source.id, topics: source.clause.topics, kept: true });
    }
    for (const part of news) {
      if (part !== heir && !restorations.has(part.index)) assigned.set(part.index, { id: '', topics: source.clause.topics, kept: false });
    }
  }

  const used = new Set<string>([...oldClauses.map((c) => c.id), ...(options.reserved ?? [])]);
  for (const a of assigned.values()) used.add(a.id);
  for (const r of restorations.values()) used.add(r.id);
  const report: InheritReport = { clauses: newClauses.length, kept: [], fresh: [], dropped: [], restored: [] };
  for (const c of newClauses) {
    const a = assigned.get(c.index);
    const clause = c.clause;
    const back = restorations.get(c.index);
    if (back) {
      clause.id = back.id;
      // The topics it had (an import has none of its own).
      if (clause.topics.length === 0) clause.topics = [...back.topics];
      report.restored.push({ id: back.id, label: clause.label, title: clause.title, version: back.version });
      continue;
    }
    if (a?.kept) {
      clause.id = a.id;
      report.kept.push({ id: a.id, label: clause.label, title: clause.title });
    } else {
      clause.id = freshId(clause, used);
      used.add(clause.id);
      report.fresh.push({ id: clause.id, label: clause.label, title: clause.title });
    }
    if (a && clause.topics.length === 0) clause.topics = [...a.topics];
  }
  report.dropped = oldClauses.map((c) => c.id).filter((id) => !taken.has(id));
  draft.meta = { title: latest.meta.title || draft.meta.title, parties: { ...latest.meta.parties } };
  return { draft, report };
}

/** A readable id for a new clause: its title's slug (ids in a dossier name what a clause is about), else its label's. */
function freshId(clause: Clause, used: ReadonlySet<string>): string {
  let base = slugify(clause.title || clause.label) || 'clause';
  if (!/^[a-z]/.test(base)) base = 'clause-' + base;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Every clause id of the given drafts: what new ids must avoid. */
export function idsOf(drafts: readonly Draft[]): Set<string> {
  const out = new Set<string>();
  for (const d of drafts) for (const c of flattenDraft(d)) out.add(c.id);
  return out;
}

/**
 * An imported draft as it enters a dossier whose tabled versions are `tabled` (oldest first): the ids of the
 * latest version inherited, no new id taken from any earlier one (inheritIds with `reserved`). With nothing
 * tabled there is nothing to inherit: a copy with its generated ids, and no report. `parley import` and the
 * application's Import Draft (DossierApi.inheritIds) both bring drafts in so.
 */
export function inheritFromVersions(tabled: readonly Draft[], incoming: Draft): { draft: Draft; report: InheritReport | null } {
  const latest = tabled[tabled.length - 1];
  if (!latest) return { draft: structuredClone(incoming), report: null };
  return inheritIds(latest, incoming, { reserved: idsOf(tabled), earlier: tabled.slice(0, -1) });
}

/**
 * A clause new against the latest version may be one the latest version dropped and the incoming draft puts back:
 * the other side's reply to a version that deleted an article, or merged it into another, restores it. Such a
 * clause takes its old id again, so that its history runs on through the versions without it and a three-way
 * comparison against a version that still had it sees the same clause on both sides, not a deletion and an
 * unrelated insertion.
 *
 * The `open` clauses (inserted, or parts of a split) are aligned, by content alone and each for its own text (a
 * heading apart from its children), with the clauses of the earlier versions whose ids the latest version no
 * longer uses (each id as the newest version holding it wrote it). A pair the alignment makes as unchanged or
 * edited, one clause to one, is a restoration when the earlier clause comes back nearly word for word
 * (RESTORED_SHARE of its text kept, whatever was added to it): an article put back is re-tabled as it stood, or
 * lightly edited, while a new article in the formulaic language of a deleted one would otherwise take its id and
 * muddle its history (the alignment alone pairs them, having nothing else in those lists to set them against).
 * Merged or split pairs are not restorations: a clause whose text went into two earlier ones is new. Returned by
 * the open clause's index in the incoming draft's reading order.
 */
function restorationsOf(earlier: readonly Draft[], latest: Draft, open: readonly FlatClause[]): Map<number, { id: string; topics: string[]; version: number }> {
  const out = new Map<number, { id: string; topics: string[]; version: number }>();
  if (open.length === 0 || earlier.length === 0) return out;
  const inLatest = idsOf([latest]);
  const dropped = new Map<string, { clause: Clause; version: number }>();
  for (let v = earlier.length - 1; v >= 0; v--) {
    for (const c of flattenDraft(earlier[v]!)) {
      if (!inLatest.has(c.id) && !dropped.has(c.id)) dropped.set(c.id, { clause: c.clause, version: earlier[v]!.meta.version ?? v + 1 });
    }
  }
  if (dropped.size === 0) return out;
  const candidates = [...dropped.values()];
  const alone = (c: Clause): Clause => ({ ...c, children: [] });
  const asDraft = (clauses: Clause[]): Draft => ({ meta: { title: '', parties: {} }, front: [], clauses });
  const { changes } = alignDrafts(asDraft(candidates.map((e) => alone(e.clause))), asDraft(open.map((c) => alone(c.clause))), { ids: 'never' });
  for (const change of changes) {
    if ((change.kind !== 'unchanged' && change.kind !== 'edited') || change.old.length !== 1 || change.new.length !== 1) continue;
    const { clause, version } = candidates[change.old[0]!]!;
    const back = open[change.new[0]!]!;
    if (change.kind === 'edited' && keptShare(clause, back.clause) < RESTORED_SHARE) continue;
    out.set(back.index, { id: clause.id, topics: clause.topics, version });
  }
  return out;
}

/** The share of the earlier clause's text that a clause put back keeps (keptShare), at least. */
const RESTORED_SHARE = 0.8;

/**
 * How much of an earlier clause's text (title and text, spacing aside) comes back in a clause of the incoming draft:
 * the characters of the equal runs of the word redline between them, against the earlier clause's. Text the clause
 * gained on the way (a paragraph added to the article put back) takes nothing from it.
 */
function keptShare(earlier: Clause, now: Clause): number {
  const textOf = (c: Clause) => `${c.title}\n${clauseText(c)}`;
  const before = textOf(earlier);
  const solid = (text: string) => text.replace(/\s+/g, '').length;
  const kept = diffWords(before, textOf(now)).reduce((n, op) => (op.op === 'equal' ? n + solid(op.text) : n), 0);
  return kept / Math.max(solid(before), 1);
}
