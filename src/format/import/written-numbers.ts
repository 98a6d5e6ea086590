/**
 * An ordered list numbered as its text writes it, not as Markdown counts it.
 *
 * Markdown numbers a list's items from its first one by one, whatever numbers the later items write. A draft whose
 * points are written under a paragraph with too little indentation ("7. Each Party shall provide:" then " 1. A
 * national inventory report", " 2. Information …", then "8. Each Party should also …", as the adopted Paris
 * Agreement's Article 13 is written) is one list to Markdown, counted 7, 8, 9, 10, …: every paragraph after the
 * points would take another's number, and the comparison would read the text's "paragraph 13" as paragraph 15.
 * Here the numbers the items write are kept:
 * - a run that starts again from a lower number and returns, after it, to the number after the item before it
 *   ("7.", "1.", "2.", "8.") is a list of points inside that item (7.1, 7.2: model/provisions.ts);
 * - any other number that does not follow ("1.", "2.", "5."; "1." for every item) starts a list of its own from
 *   that number, as the importer reads numbered paragraphs apart (provision-blocks.ts: a draft's own numbering is
 *   never silently changed).
 * Left as Markdown counts it: a list whose numbers follow already, or any item whose number cannot be read.
 */
import type { Block, ListItem } from '../../model/draft.js';

type OrderedList = Extract<Block, { type: 'list' }>;

/** The list blocks for ordered list items, `written[k]` the number item k writes (null: not read). */
export function numberedAsWritten(items: ListItem[], written: readonly (number | null)[], start: number, spread: boolean): Block[] {
  const list = (from: number, children: ListItem[]): OrderedList => ({ type: 'list', ordered: true, start: from, spread, children });
  const first = written[0];
  if (first === undefined || first === null || written.some((n) => n === null) || written.every((n, k) => n === start + k)) {
    return [list(start, items)];
  }
  const numbers = written as readonly number[];
  const out: OrderedList[] = [];
  let current = list(first, [items[0]!]);
  let last = first;
  for (let k = 1; k < items.length; k++) {
    const n = numbers[k]!;
    if (n === last + 1) {
      current.children.push(items[k]!);
      last = n;
      continue;
    }
    // Points under the item before: numbered from a lower number one by one, until the numbering goes on after it.
    const resume = n < last ? numbers.indexOf(last + 1, k + 1) : -1;
    if (resume > k && numbers.slice(k, resume).every((m, j) => m === n + j)) {
      const parent = current.children[current.children.length - 1]!;
      parent.children = [...parent.children, list(n, items.slice(k, resume))];
      k = resume - 1;
      continue;
    }
    out.push(current);
    current = list(n, [items[k]!]);
    last = n;
  }
  out.push(current);
  return out;
}
