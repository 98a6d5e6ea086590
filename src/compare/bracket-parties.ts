/**
 * Whose bracket an opening "[" of a compared text is. The comparison reads clause texts with bracketed
 * language marked by "[" and "]" (clauseText, brackets 'marked'), which says where a bracket stands but not
 * which party proposed it; the model does (Bracket.by). bracketMarks lists the "[" characters the text holds
 * in writing order, a party for each bracket's opening and null for a literal "[" of the text, and the k-th
 * "[" of the text is the k-th of that list.
 */
import type { Clause } from '../model/draft.js';
import { bracketMarks } from '../model/text.js';

/**
 * The party of the bracket opening at each offset of `text`, the clauses' marked texts joined by line breaks
 * (as the comparison joins a split's or a merge's clauses); an empty map when the text does not hold the
 * clauses' marks (never a guess).
 */
export function bracketParties(clauses: readonly Pick<Clause, 'body'>[], text: string): Map<number, string> {
  const marks = clauses.flatMap((c) => bracketMarks(c.body));
  const out = new Map<number, string>();
  let k = 0;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1), k++) {
    if (k >= marks.length) return new Map();
    const party = marks[k];
    if (party) out.set(at, party);
  }
  return k === marks.length ? out : new Map();
}
