/**
 * Provision alignment inside an aligned clause pair: numbered paragraphs and their points are compared as
 * units of their own, by the same stages as clauses (exact text ignoring numbering, similarity, gap filling,
 * moves), so that "paragraph 4 became paragraph 5 and changed one word" reads as exactly that.
 */
import type { Clause } from '../model/draft.js';
import { provisionsOf, type Provision } from '../model/provisions.js';
import { Matcher } from './matcher.js';
import { sameLabel, strictKey, tokenize, type Tokens } from './normalize.js';
import type { ChangeKind } from './align.js';
import { interleave } from './report-order.js';

export interface ProvisionChange {
  kind: ChangeKind;
  moved: boolean;
  renumbered: boolean;
  /** Label of the old provision ("4", "4(a)", "(b)"); null when inserted or unnumbered. */
  old: string | null;
  new: string | null;
  /** Index into the flattened provisions (see flattenProvisions) of the old / new clause(s); null when absent. */
  oldIndex: number | null;
  newIndex: number | null;
  similarity: number;
}

/** A provision or point, flattened in reading order; a point's label carries its paragraph's ("4(a)"). */
export interface FlatProvision {
  label: string | null;
  text: string;
}

/** The provisions of clauses, in reading order, points after the paragraph that holds them. */
export function flattenProvisions(clauses: readonly Pick<Clause, 'body'>[]): FlatProvision[] {
  const out: FlatProvision[] = [];
  const visit = (p: Provision, parentLabel: string | null) => {
    const label = parentLabel !== null && p.label !== null ? parentLabel + p.label : p.label;
    out.push({ label, text: p.text });
    for (const point of p.points) visit(point, p.label);
  };
  // Brackets marked: bracketing language is a (cosmetic) edit of the provision, as it is of the clause.
  for (const clause of clauses) for (const p of provisionsOf(clause, { brackets: 'marked' })) visit(p, null);
  return out;
}

/**
 * Align the provisions of old clause(s) with those of new clause(s) (several for a split or a merge).
 * `background`: the similarity of unrelated text in these drafts, when the caller measured it (Matcher);
 * `tokens`: a tokenizer, possibly caching (the clause aligner has already read the changed paragraphs).
 */
export function alignProvisions(oldClauses: readonly Pick<Clause, 'body'>[], newClauses: readonly Pick<Clause, 'body'>[], background?: number, tokens: (text: string) => Tokens = tokenize): ProvisionChange[] {
  const olds = flattenProvisions(oldClauses);
  const news = flattenProvisions(newClauses);
  const m = new Matcher(olds.length, news.length, (i) => tokens(olds[i]!.text), (j) => tokens(news[j]!.text), background);
  // Provisions an edit did not touch are the same string: pair them before tokenizing anything.
  m.matchKeys(olds.map((p) => p.text), news.map((p) => p.text));
  m.matchExact();
  m.matchSimilar(0.4);
  m.fillGaps(0.25, 0.15);
  m.markMoves();
  return orderChanges(m, olds, news);
}

function labelsDiffer(a: string | null, b: string | null): boolean {
  return !sameLabel(a ?? '', b ?? '');
}

function orderChanges(m: Matcher, olds: FlatProvision[], news: FlatProvision[]): ProvisionChange[] {
  const changes: ProvisionChange[] = [];
  const positions: number[] = [];
  for (let j = 0; j < news.length; j++) {
    const g = m.newGroup[j]!;
    positions.push(j);
    if (g < 0) {
      changes.push({ kind: 'inserted', moved: false, renumbered: false, old: null, new: news[j]!.label, oldIndex: null, newIndex: j, similarity: 0 });
      continue;
    }
    const group = m.groups[g]!;
    const i = group.old[0]!;
    const unchanged = group.identical === true || (group.exact && strictKey(olds[i]!.text) === strictKey(news[j]!.text));
    changes.push({
      kind: unchanged ? 'unchanged' : 'edited', moved: group.moved, renumbered: labelsDiffer(olds[i]!.label, news[j]!.label),
      old: olds[i]!.label, new: news[j]!.label, oldIndex: i, newIndex: j, similarity: unchanged ? 1 : group.similarity,
    });
  }
  // A deleted provision stands after the last preceding old provision that stayed in order.
  const deletions: ProvisionChange[] = [];
  const anchors: number[] = [];
  let anchor = -1;
  for (let i = 0; i < olds.length; i++) {
    const g = m.oldGroup[i]!;
    if (g >= 0) {
      const group = m.groups[g]!;
      if (!group.moved) anchor = group.new[0]!;
      continue;
    }
    deletions.push({ kind: 'deleted', moved: false, renumbered: false, old: olds[i]!.label, new: null, oldIndex: i, newIndex: null, similarity: 0 });
    anchors.push(anchor);
  }
  return interleave(changes, positions, deletions, anchors);
}
