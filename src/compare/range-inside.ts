/**
 * What a range of clauses or of paragraphs covers, where its two ends stand while what lies between them changed.
 *
 * "Articles 2 to 4" names Articles 2, 3 and 4. Put in an "Article 3bis" (to spare a renumbering, as negotiators
 * do) and leave the range as it stood: its words are the same, its ends name the same articles, and it now takes
 * in the new article as well. Whether it should is the drafters' call; the stale-reference check
 * (stale-references.ts) tells them the question is there. The same for "paragraphs 2 to 3 of Article 1" where a
 * paragraph 2bis was put in.
 *
 * A clause or paragraph counts as new between the ends when it was put in there, or moved in and renumbered; as
 * gone when it moved out and was renumbered. One moved keeping its number ("Article 7" moved up between Articles 2
 * and 3) is still read by its number, inside the range or out of it as before; one deleted is gone from the text,
 * not from the range; a split keeps its parts in it.
 */
import type { ClauseChange, FlatClause } from './align.js';
import { clausesOfKind, labelKey } from './reference-map.js';

/** New clauses between a range's ends that were not between them (`added`), old ones that moved away (`removed`). */
export interface RangeInside {
  added: readonly number[];
  removed: readonly number[];
}

/** The longest range whose inside is read (clauses between its ends); a longer one is not. */
const MAX_RANGE_INSIDE = 200;

/** The clauses of two aligned drafts, as ranges of them are read. */
export class ClauseRanges {
  /** The old clause each new clause came from (one of them, for a merge), -1 for one put in: made on first need. */
  private origin: Int32Array | undefined;

  private constructor(
    /** The kinds of clause ("article") put in or moved among the others: only a range of those can change. */
    private readonly kinds: ReadonlySet<string>,
    private readonly oldByKey: ReadonlyMap<string, number>,
    private readonly newByKey: ReadonlyMap<string, number>,
    private readonly partners: readonly (readonly number[])[],
    /** Each clause's label as a reference names it (labelKey), by index. */
    private readonly labels: { old: readonly (string | null)[]; new: readonly (string | null)[] },
  ) {}

  /**
   * The ranges of an alignment: `oldByKey` / `newByKey` each draft's clauses by label key (a negative index for a
   * label several clauses hold), `partners` the new clauses each old one became. Null when no clause was put in
   * or moved, so that no range can cover other clauses now.
   */
  static of(changes: readonly ClauseChange[], oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[],
    oldByKey: ReadonlyMap<string, number>, newByKey: ReadonlyMap<string, number>, partners: readonly (readonly number[])[]): ClauseRanges | null {
    const kinds = new Set<string>();
    const add = (label: string) => {
      const key = labelKey(label);
      if (key !== null) kinds.add(key.slice(0, key.indexOf(' ')));
    };
    for (const change of changes) {
      if (change.kind === 'inserted' || change.moved) for (const j of change.new) add(newClauses[j]!.label);
      if (change.moved) for (const i of change.old) add(oldClauses[i]!.label);
    }
    if (kinds.size === 0) return null;
    const labels = { old: oldClauses.map((c) => labelKey(c.label)), new: newClauses.map((c) => labelKey(c.label)) };
    return new ClauseRanges(kinds, oldByKey, newByKey, partners, labels);
  }

  /** The reference words' kinds ("article") whose ranges may have changed: what a reader must look for. */
  get words(): ReadonlySet<string> {
    return this.kinds;
  }

  /**
   * What changed inside the range of clauses of kind `word` from `from` to `to` (numbers as written), whose two
   * ends stand: each names the clause it named, one clause in each draft. Null when nothing did, when an end
   * does not stand, and for a range longer than MAX_RANGE_INSIDE clauses. `first`: the old clause of its first end.
   */
  inside(word: string, from: string, to: string): (RangeInside & { first: number; firstNow: number }) | null {
    if (!this.kinds.has(word)) return null;
    const a = this.oldByKey.get(`${word} ${from.toLowerCase()}`) ?? -1, b = this.oldByKey.get(`${word} ${to.toLowerCase()}`) ?? -1;
    const c = this.newByKey.get(`${word} ${from.toLowerCase()}`) ?? -1, d = this.newByKey.get(`${word} ${to.toLowerCase()}`) ?? -1;
    if (a < 0 || b <= a || c < 0 || d <= c || !this.partners[a]!.includes(c) || !this.partners[b]!.includes(d)) return null;
    // Strictly between the ends.
    const olds = clausesOfKind(this.labels.old, word, a + 1, b - 1, MAX_RANGE_INSIDE), news = clausesOfKind(this.labels.new, word, c + 1, d - 1, MAX_RANGE_INSIDE);
    if (olds === null || news === null) return null;
    const newInside = new Set(news);
    const cameFrom = new Set<number>();
    for (const i of olds) for (const j of this.partners[i]!) cameFrom.add(j);
    const origin = this.origins();
    const added = news.filter((j) => !cameFrom.has(j) && (origin[j]! < 0 || this.labels.old[origin[j]!] !== this.labels.new[j]));
    const removed = olds.filter((i) => this.partners[i]!.length > 0 && !this.partners[i]!.some((j) => newInside.has(j) || this.labels.new[j] === this.labels.old[i]));
    return added.length > 0 || removed.length > 0 ? { added, removed, first: a, firstNow: c } : null;
  }

  private origins(): Int32Array {
    if (!this.origin) {
      this.origin = new Int32Array(this.labels.new.length).fill(-1);
      this.partners.forEach((news, i) => { for (const j of news) this.origin![j] = i; });
    }
    return this.origin;
  }
}

/** The numbered paragraphs of an edited clause on each side, in order, and which became which. */
export class ParagraphOrder {
  constructor(
    /** Old paragraphs in reading order: label key, and the key of the paragraph it became (null: none). */
    private readonly olds: readonly { key: string; became: string | null }[],
    /** New paragraphs in reading order: label key, and the key of the paragraph it was (null: put in). */
    private readonly news: readonly { key: string; was: string | null }[],
  ) {}

  /**
   * For the range of paragraphs `from` to `to` (label keys) whose two ends stand (each is the paragraph it was,
   * under its number, on both sides), the labels of what changed between them. Null when nothing did, or the
   * ends do not stand.
   */
  inside(from: string, to: string): { added: string[]; removed: string[] } | null {
    const a = this.olds.findIndex((p) => p.key === from), b = this.olds.findIndex((p) => p.key === to);
    const c = this.news.findIndex((p) => p.key === from), d = this.news.findIndex((p) => p.key === to);
    if (a < 0 || b <= a || c < 0 || d <= c || this.olds[a]!.became !== from || this.olds[b]!.became !== to) return null;
    const oldInside = new Set(this.olds.slice(a + 1, b).map((p) => p.key));
    const newInside = new Set(this.news.slice(c + 1, d).map((p) => p.key));
    const added = this.news.slice(c + 1, d).filter((p) => p.was === null || (!oldInside.has(p.was) && p.was !== p.key)).map((p) => p.key);
    const removed = this.olds.slice(a + 1, b).filter((p) => p.became !== null && !newInside.has(p.became) && p.became !== p.key).map((p) => p.key);
    return added.length > 0 || removed.length > 0 ? { added, removed } : null;
  }
}

/**
 * The numbered paragraphs of each clause edited one to one in which a paragraph changed between two that kept
 * their numbers (a "2bis" put in, or one moved), by old clause. `label`: a provision label as a paragraph's key,
 * or null for one that is not a numbered paragraph. Not where a label is held twice on a side, or paragraphs were
 * split or merged.
 */
export function paragraphOrders(changes: readonly ClauseChange[], label: (l: string | null) => string | null): Map<number, ParagraphOrder> {
  const out = new Map<number, ParagraphOrder>();
  for (const change of changes) {
    if (change.kind !== 'edited' || change.old.length !== 1 || change.new.length !== 1) continue;
    if (!change.provisions.some((p) => (p.kind === 'inserted' || p.moved) && p.new !== null)) continue;
    if (change.provisions.some((p) => p.group !== undefined)) continue;
    const olds = change.provisions.filter((p) => label(p.old) !== null && p.oldIndex !== null).sort((x, y) => x.oldIndex! - y.oldIndex!)
      .map((p) => ({ key: label(p.old)!, became: label(p.new) }));
    const news = change.provisions.filter((p) => label(p.new) !== null && p.newIndex !== null).sort((x, y) => x.newIndex! - y.newIndex!)
      .map((p) => ({ key: label(p.new)!, was: label(p.old) }));
    // An insertion numbered as lists number renumbers every paragraph after it: no range around it keeps both ends.
    if (!changedBetweenStanding(news, (p) => p.was === p.key) && !changedBetweenStanding(olds, (p) => p.became === p.key)) continue;
    if (new Set(olds.map((p) => p.key)).size !== olds.length || new Set(news.map((p) => p.key)).size !== news.length) continue;
    out.set(change.old[0]!, new ParagraphOrder(olds, news));
  }
  return out;
}

/** Whether a paragraph that did not stand (`stands` false) lies between two that did. */
function changedBetweenStanding<T>(paragraphs: readonly T[], stands: (p: T) => boolean): boolean {
  const first = paragraphs.findIndex(stands);
  if (first < 0) return false;
  let last = paragraphs.length - 1;
  while (!stands(paragraphs[last]!)) last--;
  for (let k = first + 1; k < last; k++) if (!stands(paragraphs[k]!)) return true;
  return false;
}
