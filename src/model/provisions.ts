/**
 * Provisions: the units inside a clause that are compared on their own — numbered paragraphs, unnumbered
 * paragraphs (recitals, chapeaux) and, inside them, lettered or roman points.
 *
 * Provisions are a view computed from a clause's blocks, not stored: the Markdown a user writes stays
 * ordinary Markdown (ordered lists for numbered paragraphs, "(a)" at the start of a paragraph for points).
 *
 * How a clause body becomes provisions:
 * - each item of an ordered list is a provision numbered `start + index`; the item's first paragraph is its
 *   text, and what follows inside the item (nested list items, paragraphs that open with "(a)", "(i)" …) are
 *   its points;
 * - each item of a bullet list is an unnumbered provision;
 * - a paragraph opening with a label ("1.", "(2)", "(a)", "a)", "(iv)") is a provision with that label — or,
 *   when it is a letter or roman numeral and a numbered provision precedes it, a point of that provision;
 * - any other paragraph, block quote or verbatim block is an unnumbered provision;
 * - positions are commentary about the clause and are never provisions.
 */
import type { Block, Clause } from './draft.js';
import { blocksText, inlineText, type TextOptions } from './text.js';

export interface Provision {
  /** The number or letter as written ("4", "(a)", "b)"), or null for an unnumbered paragraph. */
  label: string | null;
  /** The provision's own text, without its points. */
  text: string;
  points: Provision[];
}

/**
 * The Latin ordinals of a provision put in between others without renumbering them: "3bis", "3 ter", "11undecies".
 * Both spellings of the ninth are in use (EU texts write "nonies", others "novies"), and consolidated texts go past
 * the tenth; the compound forms are listed as both styles write them ("quindecies" and "quinquiesdecies"). One
 * list for every reader of such a number: headings (format/heading.ts, format/import/heading-recognition.ts),
 * provisions (here), the comparison's scanner (compare/normalize.ts) and its legal reading (compare/legal-find.ts).
 */
export const INSERTED_ORDINALS: readonly string[] = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'novies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'quinquiesdecies', 'sexdecies', 'sexiesdecies',
  'septdecies', 'septiesdecies', 'octodecies', 'octiesdecies', 'novodecies', 'noniesdecies', 'vicies',
];
/** The same as a pattern's source, longest first: no match stops at the shorter ordinal a longer one begins with
 * ("ter" of "terdecies") where nothing after it forces the pattern to try again. */
export const INSERTED_ORDINAL = `(?:${[...INSERTED_ORDINALS].sort((a, b) => b.length - a.length).join('|')})`;
/** The longest ordinal, in letters: how far a scanner reads after a number for one. */
export const LONGEST_INSERTED_ORDINAL = Math.max(...INSERTED_ORDINALS.map((o) => o.length));
/**
 * The divisions and attachments numbered with capital letters too ("Part A", "Section A" as CETA writes it, "Annex
 * A", "Appendix B", "Schedule C"): headings label them so (format/heading.ts), and the comparison's scanner reads
 * "Annex A" as a cross-reference (compare/normalize.ts). Lowercase, singular.
 */
export const LETTERED_DIVISIONS: readonly string[] = ['part', 'section', 'annex', 'appendix', 'schedule'];
/** A numbered paragraph's number as written before its "." or ")": "4", "3bis", "3 ter" (a pattern's source). */
export const PARAGRAPH_NUMBER = String.raw`[0-9]{1,3}(?:\s?${INSERTED_ORDINAL})?`;
const LEADING_LABEL = new RegExp(String.raw`^\s*(\(\s*(?:[0-9]{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\s*\)|[a-z]\)|${PARAGRAPH_NUMBER}[.)](?=\s)|[ivxlc]{1,6}\)(?=\s))\s*`, 'i');
/** A paragraph's label with a Latin ordinal ("3bis"): a paragraph of its own, not a point of the one before. */
const INSERTED_LABEL = new RegExp(`^[0-9]{1,3}${INSERTED_ORDINAL}$`, 'i');
const POINT_LABEL = /^\(?\s*(?:[a-z]{1,2}|[ivxlc]{1,6})\s*\)$/i;

/** Split "(a) Project selection: …" into its label and the rest; null label when it opens with none. */
export function splitLeadingLabel(text: string): { label: string | null; rest: string } {
  const m = mayOpenWithLabel(text) ? LEADING_LABEL.exec(text) : null;
  if (!m) return { label: null, rest: text };
  // "4." reads as "4", as the list item "4." does: the dot closes the number, and a label that kept it would
  // read as renumbered against the same paragraph written as a list item (and a point under "5" as "5.1.").
  const label = m[1]!.replace(/\s+/g, '');
  return { label: label.charCodeAt(label.length - 1) === 46 ? label.slice(0, -1) : label, rest: text.slice(m[0].length) };
}

/**
 * False when LEADING_LABEL cannot match, decided from the first characters (most paragraphs open with a word):
 * after ASCII spaces, a label opens with "(", a run of at most three digits followed by "." or ")", or a run
 * of at most six letters followed by ")". Anything else non-ASCII is left to the expression.
 */
function mayOpenWithLabel(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n && (text.charCodeAt(i) === 32 || (text.charCodeAt(i) >= 9 && text.charCodeAt(i) <= 13))) i++;
  if (i === n) return false;
  const c = text.charCodeAt(i);
  if (c >= 128 || c === 40) return true;
  let j = i;
  if (isDigitAt(text, i)) {
    while (j < n && isDigitAt(text, j)) j++;
    if (j - i > 3) return false;
    // A paragraph put in between others: "3bis.", "3 ter)".
    if (text.charCodeAt(j) === 32 && isLetterAt(text, j + 1)) j++;
    while (j < n && isLetterAt(text, j)) j++;
    return text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41;
  }
  if (isLetterAt(text, i)) {
    while (j < n && isLetterAt(text, j)) j++;
    return j - i <= 6 && text.charCodeAt(j) === 41;
  }
  return false;
}

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k) | 0x20;
  return c >= 97 && c <= 122;
}

/**
 * The label splitLeadingLabel finds at the start of a text. The usual point, "(a)" or "(iv)" right at the
 * start, is read without the regular expression (its first alternative matches exactly these): the
 * comparison reads the label of every paragraph of every edited clause.
 */
export function leadingLabel(text: string): string | null {
  const length = bracketedLetters(text);
  return length > 0 ? text.slice(0, length) : splitLeadingLabel(text).label;
}

/** The length of "(" + one or two ASCII letters + ")" at the start of a text, or 0. */
function bracketedLetters(text: string): number {
  if (text.charCodeAt(0) !== 40) return 0;
  let k = 1;
  while (k <= 2 && isLetterAt(text, k)) k++;
  return k > 1 && text.charCodeAt(k) === 41 ? k + 1 : 0;
}

export function isPointLabel(label: string | null): boolean {
  if (label === null) return false;
  // "(a)", "(iv)": the usual point label, which POINT_LABEL matches.
  const bracketed = bracketedLetters(label);
  if (bracketed > 0 && bracketed === label.length) return true;
  // A point label ends with ")": numbered labels ("4") are told apart without the regular expression.
  return label.charCodeAt(label.length - 1) === 41 && POINT_LABEL.test(label);
}

/** Labels of numbered items, made once: every edited clause's provisions are read on every comparison. */
const NUMBER_LABELS: string[] = [];

function numberLabel(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 ? (NUMBER_LABELS[n] ??= String(n)) : String(n);
}

export function provisionsOf(clause: Pick<Clause, 'body'>, options: TextOptions = {}): Provision[] {
  return provisionsOfBlocks(clause.body, 0, options);
}

/** The provisions of blocks[from..]. Plain loops: the comparison reads the provisions of every edited clause. */
function provisionsOfBlocks(blocks: readonly Block[], from: number, options: TextOptions): Provision[] {
  const out: Provision[] = [];
  for (let b = from; b < blocks.length; b++) {
    const block = blocks[b]!;
    switch (block.type) {
      case 'position':
        break;
      case 'list':
        for (let i = 0; i < block.children.length; i++) out.push(...listItemProvisions(block, i, options));
        break;
      case 'paragraph': {
        const text = inlineText(block.children, options);
        const label = leadingLabel(text);
        // The last provision, when it is numbered (not a point): a lettered paragraph after it is its point.
        const last = out[out.length - 1];
        const owner = last && last.label !== null && !isPointLabel(last.label) ? last : undefined;
        if (isPointLabel(label) && owner) owner.points.push({ label, text, points: [] });
        else out.push({ label, text, points: [] });
        break;
      }
      default:
        out.push({ label: null, text: blocksText([block], options), points: [] });
    }
  }
  return out;
}

/**
 * The provision of item i of a list: numbered in an ordered list, its first block its text; and after it any
 * paragraph put in after it without renumbering ("3bis.", written inside item 3 as negotiating texts indent it),
 * a provision of its own with what follows it.
 */
function listItemProvisions(block: Extract<Block, { type: 'list' }>, i: number, options: TextOptions): Provision[] {
  const item = block.children[i]!.children;
  const label = block.ordered ? numberLabel((block.start ?? 1) + i) : null;
  const first = item[0];
  const text = first && first.type === 'paragraph' ? inlineText(first.children, options) : first ? blocksText([first], options) : '';
  const out: Provision[] = [{ label, text, points: [] }];
  // Inside a numbered item everything that follows belongs to it: points, or further paragraphs.
  if (item.length > 1) {
    for (const sub of provisionsOfBlocks(item, 1, options)) {
      if (sub.label !== null && INSERTED_LABEL.test(sub.label)) { out.push(sub); continue; }
      const provision = out[out.length - 1]!;
      if (sub.label === null && provision.points.length === 0) provision.text += '\n' + sub.text;
      else provision.points.push(sub);
    }
  }
  return out;
}

/**
 * A point's label as reported, after its owner's: "4" and "(a)" give "4(a)"; a number inside a number keeps a
 * dot between them ("5" and "1" give "5.1", which "51" would not say).
 */
export function pointLabel(owner: string, label: string): string {
  return isDigitAt(owner, owner.length - 1) && isDigitAt(label, 0) ? owner + '.' + label : owner + label;
}

/** A provision or point in reading order; a point's label carries its owner's ("4(a)", "5.1"). */
export interface ProvisionLine {
  label: string | null;
  text: string;
}

/**
 * The provisions of a clause flattened in reading order, each followed by its points (a point's label prefixed
 * with its owner's own label), appended to `out`: the same as walking provisionsOf(clause, options), without
 * building a Provision and a list of points for every paragraph — the comparison flattens every edited clause,
 * and most list items are one paragraph, which is read straight into its line.
 */
export function appendProvisionLines(clause: Pick<Clause, 'body'>, options: TextOptions, out: ProvisionLine[]): void {
  const blocks = clause.body;
  // The label of the last provision at the top (undefined: none yet), which a lettered paragraph may belong to.
  let lastLabel: string | null | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    switch (block.type) {
      case 'position':
        break;
      case 'list':
        for (let i = 0; i < block.children.length; i++) {
          const item = block.children[i]!.children;
          const first = item[0];
          if (item.length === 1 && first!.type === 'paragraph') {
            lastLabel = block.ordered ? numberLabel((block.start ?? 1) + i) : null;
            out.push({ label: lastLabel, text: inlineText(first.children, options) });
          } else {
            const provisions = listItemProvisions(block, i, options);
            for (const provision of provisions) appendLines(provision, null, out);
            lastLabel = provisions[provisions.length - 1]!.label;
          }
        }
        break;
      case 'paragraph': {
        const text = inlineText(block.children, options);
        const label = leadingLabel(text);
        if (isPointLabel(label) && lastLabel !== undefined && lastLabel !== null && !isPointLabel(lastLabel)) {
          // A point of the last provision: it follows that provision's other points.
          out.push({ label: pointLabel(lastLabel, label!), text });
        } else {
          out.push({ label, text });
          lastLabel = label;
        }
        break;
      }
      default:
        out.push({ label: null, text: blocksText([block], options) });
        lastLabel = null;
    }
  }
}

/** A provision and its points, as lines; `ownerLabel`: the label of the provision it is a point of. */
function appendLines(p: Provision, ownerLabel: string | null, out: ProvisionLine[]): void {
  out.push({ label: ownerLabel !== null && p.label !== null ? pointLabel(ownerLabel, p.label) : p.label, text: p.text });
  for (const point of p.points) appendLines(point, p.label, out);
}

/** All clauses in reading order (a clause before its sub-clauses), with the labels of their ancestors. */
export function* walkClauses(clauses: readonly Clause[], path: string[] = []): Generator<{ clause: Clause; path: string[] }> {
  for (const clause of clauses) {
    yield { clause, path };
    yield* walkClauses(clause.children, [...path, clause.label || clause.title]);
  }
}
