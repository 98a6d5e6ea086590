/**
 * Whether the cross-references of two texts that read the same differ only as the drafts were renumbered.
 *
 * The keys ignore the number after a reference word ("Article 12" reads as "Article #"), so that a treaty
 * renumbered with its cross-references matches itself. That alone would also call "subject to Article 2" →
 * "subject to Article 3" unchanged when Article 2 kept its number: the exception now points elsewhere, a change
 * a reader must see. So a pair whose texts read the same has its references checked one by one: a number that
 * changed must name, in the new draft, the clause its old number named in the old draft ("Article 2bis" →
 * "Article 3" where old Article 2bis is new Article 3), or, for "paragraph 2" and the like, the provision of
 * the same clause that its old number named (follows: ownProvisions) — unless it is a paragraph of the clause
 * cited with it ("Article 2, paragraph 2", "paragraph 2 of Article 2"), which must name that clause's provision
 * as its provisions were aligned (provisionsOf), and must not change where that is not known. A number that
 * names neither (an article of another treaty, a paragraph of a decision), or goes on to name another instrument
 * ("Article 4 of the Convention": namesElsewhere), must not change at all. A point cited by its letter ("point (b)
 * of paragraph 2 of Article 9", "Article 9(2), point (b)", or "point (b)" alone, of the paragraph the words stand
 * in) must name the point of that paragraph its old letter named (pointOf).
 */
import { PARENTHESISED_KINDS, referenceAt, referenceKind, referencesIn, type Reference } from './normalize.js';

/** A clause label as a reference names it ("article 3bis" for "Article 3bis", "Art. 3bis"), or null. */
export function labelKey(label: string): string | null {
  const match = /^\s*([^\s\d.]+)\.?\s*(\S.*)$/.exec(label);
  if (!match) return null;
  const kind = referenceKind(match[1]!);
  return kind ? `${kind} ${match[2]!.trim().toLowerCase()}` : null;
}

/** References that may name a provision of the clause they stand in. */
export const PROVISION_KINDS: ReadonlySet<string> = new Set(['paragraph', 'subparagraph', 'point']);

/**
 * Whether the reference whose number ends at `end` goes on to name another instrument or another clause, so
 * that its number is not one of this instrument's clause labels, nor one of its own clause's provisions:
 * "Article 4 of the Convention", "Article 4, paragraph 2(g), of the Convention", "Articles 9 and 10 of the
 * Convention", "Article XX of GATT 1994", "paragraph 2 of Article 9" — an "of" after at most more numbers,
 * not followed by "this" or "the present" (which name the instrument or clause itself). `word` is the
 * reference's kind ("article", "paragraph"): a clause is not "of Article 3", so after a clause reference
 * such an "of" belongs to a reference of its own ("Article 2, paragraph 1 of Article 3").
 */
export function namesElsewhere(text: string, end: number, word: string): boolean {
  OF_ELSEWHERE.lastIndex = end;
  const match = OF_ELSEWHERE.exec(text);
  if (match === null) return false;
  if (PROVISION_KINDS.has(word) || !PROVISION_WORD.test(match[0])) return true;
  // "Article 2, paragraph 1 of Article 3": the "of" is the paragraph's (a reference of its own, read on its own).
  ARTICLE_AT.lastIndex = end + match[0].length - 1;
  return !ARTICLE_AT.test(text);
}

const OF_ELSEWHERE = /(?:[\s,[\]\u2013]|\d+[a-z]?\b|\b(?:and|or|to|through|paragraphs?|paras?|subparagraphs?|points?)\b\.?|\([a-z]+\))*\bof\s+(?!this\b|the\s+present\b)\S/iy;
const PROVISION_WORD = /\b(?:paragraphs?|paras?|subparagraphs?|points?)\b/i;
const ARTICLE_AT = /(?:articles?|art)\b/iy;

export function referenceKey(reference: Reference): string {
  return `${reference.word} ${reference.number.toLowerCase()}`;
}

/**
 * A reference to a provision of a clause, cut into the clause it names and the provision: "article 2(2)(a)" →
 * "article 2" and "(2)(a)". Null when the number has no such part. Read this way only when the whole number is
 * no clause's label. A dotted number is not cut: "Article 3.2" is paragraph 2 of Article 3 as the WTO writes
 * it, but Article 2 of Chapter 3 in agreements numbered as CETA is, which a draft numbering its own articles
 * plainly may cite; reading it as the first would call a changed citation of the second a renumbering.
 */
export function splitProvision(key: string): { clause: string; provision: string } | null {
  const match = PROVISION_PART.exec(key);
  return match ? { clause: match[1]!, provision: match[2]! } : null;
}

/** A clause number (no parenthesis in it), then one or more parenthesised parts. */
const PROVISION_PART = /^(\S+ [^\s(]+)((?:\([^)]*\))+)$/;

/** A provision part as a numbered paragraph's label writes it: "(2)(a)" → "2(a)" (model/provisions.ts). */
export function provisionLabel(provision: string): string {
  return provision.replace(/^\(([^)]*)\)/, '$1');
}

/** The numbered paragraph a provision part names alone ("(2)" → "2", "(2bis)" → "2bis"), which a point may belong to; null for any other part. */
export function paragraphPart(provision: string): string | null {
  return /^\(\d+[a-z]*\)$/i.test(provision) ? provisionLabel(provision) : null;
}

/**
 * Whether a reference to a provision belongs to the clause reference right before it: "Article 2, paragraph 2",
 * "Article 2 paragraph 2" (the provision's word and number directly after the clause's number, a comma at most
 * between them).
 */
function ofClauseBefore(text: string, before: Reference, provision: Reference): boolean {
  return (!PROVISION_KINDS.has(before.word) || namesMemorandumClause(text, before, provision)) && ATTACHED.test(text.slice(before.end, provision.end));
}

/**
 * Whether `clause`, a reference of a provision's kind, is cited as a memorandum's clause with `provision` one of
 * its paragraphs: "Paragraph 2, paragraph 3", "paragraph 3 of Paragraph 2" (memoranda number their clauses
 * "Paragraph 1", "Paragraph 2", …), the clause capitalised as a heading is and the paragraph not ("Paragraph 2,
 * Paragraph 3" lists two clauses). Whether a clause is labelled so is the caller's to ask.
 */
function namesMemorandumClause(text: string, clause: Reference, provision: Reference): boolean {
  return writtenCapitalised(text, clause) && !writtenCapitalised(text, provision);
}

const ATTACHED = /^\s*,?\s*(?:paragraphs?|paras?\.?|subparagraphs?|points?)\s*\S+$/i;

/**
 * Where the clause reference stands that the provision reference `references[k]`, or the list it is in, belongs
 * to when that clause is cited right before the list ("Article 2, paragraphs 2 and 3": Article 2 for "2" and for
 * "3"); -1 when none is.
 */
function clauseCitedBefore(text: string, references: readonly Reference[], k: number): number {
  let head = k;
  while (head > 0 && references[head]!.listed) head--;
  return head > 0 && ofClauseBefore(text, references[head - 1]!, references[head]!) ? head - 1 : -1;
}

/**
 * The clause reference that the provision reference `references[k]` goes on to name ("paragraph 2 of Article 9",
 * "paragraphs 2 and 3 of Article 9", "paragraph 2, of Article 9"): the next reference but the numbers of its list,
 * when only those numbers and an "of" stand between them, and it is a clause's (not "paragraph 2 of
 * subparagraph (b)") and names no other instrument ("… of Article 9 of the Convention"). Null otherwise.
 */
function clauseCitedAfter(text: string, provision: Reference, references: readonly Reference[], k: number): Reference | null {
  let m = k + 1;
  while (m < references.length && references[m]!.listed) m++;
  const next = references[m];
  if (next === undefined || (PROVISION_KINDS.has(next.word) && !namesMemorandumClause(text, next, provision))) return null;
  OF_CLAUSE_AFTER.lastIndex = provision.end;
  if (!OF_CLAUSE_AFTER.test(text) || referenceAt(text, OF_CLAUSE_AFTER.lastIndex)?.end !== next.end) return null;
  return namesElsewhere(text, next.end, next.word) ? null : next;
}

/**
 * The provision a point reference `references[k]` names, as a point's label writes it ("2(b)": model/provisions.ts),
 * and the key of the clause cited for it, null for the clause the text stands in: "point (b) of paragraph 2 of
 * Article 9" → "2(b)" of "article 9", "point (b) of paragraph 2" → "2(b)" of this clause, "point (b) of Article
 * 9(2)" → "2(b)" of "article 9", "point (b) of Article 9" (an article whose points stand without a numbered
 * paragraph) → "(b)" of "article 9", "Article 9(2), point (b)" → "2(b)" of "article 9"; each number of a list the
 * same ("points (a) and (b) of paragraph 2"). "point (b)" alone names point (b) of the numbered paragraph the
 * words stand in, which `paragraphAt` tells ("2" → "2(b)"; "" → "(b)", the clause's own point: own-paragraph.ts).
 * Null for any other reading: a number not in parentheses, "point (b)" alone where the paragraph is not known,
 * "point (b) of this Article", a paragraph or clause of another instrument.
 */
function pointOf(text: string, references: readonly Reference[], k: number, paragraphAt?: ParagraphAt): { label: string; clause: string | null } | null {
  const point = references[k]!;
  if (!isParenthesised(point.number) || point.range) return null;
  let m = k + 1;
  while (m < references.length && references[m]!.listed) m++;
  const next = references[m];
  OF_CLAUSE_AFTER.lastIndex = point.end;
  if (next === undefined || !OF_CLAUSE_AFTER.test(text) || referenceAt(text, OF_CLAUSE_AFTER.lastIndex)?.end !== next.end) {
    // "Article 9(2), point (b)", "Article 9(2), points (a) and (b)": the clause cited right before the list, as
    // newer EU texts write it — unless the list goes on to name something else ("…, point (b) of Annex I").
    const before = clauseCitedBefore(text, references, k);
    const listEnd = m > k + 1 ? references[m - 1]!.end : point.end;
    if (before >= 0) return namesElsewhere(text, listEnd, point.word) ? null : pointOfClause(references[before]!, point);
    // "point (b)" alone, "points (a) and (b)": of the paragraph the words stand in — not "point (b) of this Article".
    OF_AFTER.lastIndex = listEnd;
    const paragraph = paragraphAt && !OF_AFTER.test(text) ? paragraphAt(point.end) : null;
    return paragraph === null ? null : { label: `${paragraph}${point.number}`, clause: null };
  }
  if (next.word === 'paragraph') {
    if (!PLAIN_PARAGRAPH.test(next.number)) return null;
    const label = `${next.number.toLowerCase()}${point.number}`;
    if (!namesElsewhere(text, next.end, next.word)) return { label, clause: null };
    const clause = clauseCitedAfter(text, next, references, m);
    return clause ? { label, clause: referenceKey(clause) } : null;
  }
  if (PROVISION_KINDS.has(next.word) || namesElsewhere(text, next.end, next.word)) return null;
  return pointOfClause(next, point);
}

/** A point of the clause `clause` cites ("Article 9(2)" → "2(b)" of "article 9"; "Article 9" → "(b)" of "article 9"). */
function pointOfClause(clause: Reference, point: Reference): { label: string; clause: string } | null {
  if (PROVISION_KINDS.has(clause.word)) return null;
  const key = referenceKey(clause);
  const split = splitProvision(key);
  if (!split) return { label: point.number, clause: key };
  const paragraph = paragraphPart(split.provision);
  return paragraph === null ? null : { label: `${paragraph}${point.number}`, clause: split.clause };
}

/** Whether a reference number is written in parentheses, as a point's letter is: "(b)". */
export function isParenthesised(number: string): boolean {
  return number.charCodeAt(0) === 40;
}

/** The place in the alphabet of a point's single letter, "(a)" → 0, or -1 for any other number. */
function letterOf(number: string): number {
  return /^\([a-z]\)$/.test(number) ? number.charCodeAt(1) - 97 : -1;
}

/** A paragraph number a point's label can carry: "2", "2bis". */
const PLAIN_PARAGRAPH = /^\d+[a-z]*$/i;

/** An "of" right after a reference (or the last number of its list). */
const OF_AFTER = /\s*,?\s*of\b/iy;

const OF_CLAUSE_AFTER = /(?:\s*(?:,|and\b|or\b|to\b|through\b|\u2013)?\s*(?:\d+[a-z]?|\([a-z0-9]{1,4}\)))*\s*,?\s*of\s+/iy;

/**
 * Whether a reference's word is written with a capital ("Paragraphs 2 to 4", not "paragraphs 2 to 4"): read back
 * from its number over the spacing and the word (an abbreviation's period too: "Para. 2").
 */
function writtenCapitalised(text: string, reference: Reference): boolean {
  let i = reference.end - reference.number.length;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (i > 0 && text[i - 1] === '.') i--;
  while (i > 0 && /\p{L}/u.test(text[i - 1]!)) i--;
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** The longest range read (clauses or provisions between its ends); a longer one stays a change. */
const MAX_RANGE = 1000;

/**
 * The two ends of a range written with a hyphen ("2-4", of lettered annexes "A-C", in Roman numerals "I-III"), or
 * null (a reader must first rule out a clause so labelled: "Annex I-A" may be one).
 */
export function hyphenRange(number: string): [string, string] | null {
  const match = /^(?:(\d{1,6})-(\d{1,6})|([A-Z])-([A-Z])|([IVXLC]{1,7})-([IVXLC]{1,7}))$/.exec(number);
  if (!match) return null;
  return match[1] !== undefined ? [match[1], match[2]!] : match[3] !== undefined ? [match[3], match[4]!] : [match[5]!, match[6]!];
}

/**
 * The clauses whose label key (labelKey, by index) is of kind `kind` ("article"), from index `first` to `last`
 * inclusive: the members of a range of them. Null when there are more than `max`.
 */
export function clausesOfKind(keys: readonly (string | null)[], kind: string, first: number, last: number, max: number): number[] | null {
  const out: number[] = [];
  const prefix = `${kind} `;
  for (let i = first; i <= last; i++) {
    if (!keys[i]?.startsWith(prefix)) continue;
    if (out.length >= max) return null;
    out.push(i);
  }
  return out;
}

/** A number written in digits only, as a number; null for any other ("2bis", "IV"). */
function plainNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}

/** The clauses by the key of their label (several where parts repeat their numbering). */
function indexByKey(keys: readonly (string | null)[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const list = byKey.get(key);
    if (list) list.push(i); else byKey.set(key, [i]);
  });
  return byKey;
}

/** The numbered paragraph a place in a text stands in ("2"; "" for a clause's own points; null: not known). */
export type ParagraphAt = (position: number) => string | null;

/** ParagraphAt for each of two texts. */
export interface OwnParagraphs {
  old: ParagraphAt;
  new: ParagraphAt;
}

export class ReferenceMap {
  /** Old clauses by the key of their label (several where parts repeat their numbering). */
  private readonly oldByKey: Map<string, number[]>;
  private readonly oldKeys: (string | null)[];
  private readonly newKeys: (string | null)[];
  /** New clauses by the key of their label, made the first time a range is read. */
  private newByKey: Map<string, number[]> | undefined;
  /** The new labels' keys as a set, made the first time a reference to a provision of a clause is read. */
  private newKeySet: Set<string | null> | undefined;

  /**
   * @param oldLabels, newLabels the clause labels of the two drafts, by index
   * @param partnersOf the new clauses an old clause was aligned with (none when it was deleted)
   * @param provisionsOf for old clause `i` and new clause `j` aligned with it, whether its provision label `a`
   *   became `b`, where the alignment of their provisions is known: what "Article 2, paragraph 2" names
   */
  constructor(oldLabels: readonly string[], newLabels: readonly string[], private readonly partnersOf: (i: number) => readonly number[],
    private readonly provisionsOf?: (i: number, j: number, a: string, b: string) => boolean) {
    this.oldKeys = oldLabels.map(labelKey);
    this.oldByKey = indexByKey(this.oldKeys);
    this.newKeys = newLabels.map(labelKey);
  }

  /**
   * Whether the references of `newText` are those of `oldText`, renumbered as the drafts were (see the module
   * comment). `ownProvisions`, for the text of a provision: whether old provision label `a` became `b` in the
   * clause that holds it — what "paragraph 2" names when no clause of the drafts is labelled so ("in pursuit of
   * the vision referred to in paragraph 2 of this Article", where that paragraph became paragraph 1).
   * `paragraphs`: the numbered paragraph each place of the texts stands in (own-paragraph.ts), which "point (b)"
   * alone names a point of; without it, such a reference that changed is a change.
   */
  follows(oldText: string, newText: string, ownProvisions?: (a: string, b: string) => boolean, paragraphs?: OwnParagraphs): boolean {
    const olds = referencesIn(oldText);
    const news = referencesIn(newText);
    if (olds.length !== news.length) return false;
    for (let k = 0; k < olds.length; k++) {
      const was = olds[k]!, is = news[k]!;
      if (was.range !== is.range) return false;
      if (was.range && k > 0) {
        // A range's end is read with its start, whose own number was read before (if it changed): what the
        // range names, every article between its ends, must not change where either end does.
        const start = olds[k - 1]!, start2 = news[k - 1]!;
        if (was.number === is.number && start.number === start2.number) continue;
        if (this.rangeFollows(oldText, newText, olds, news, k - 1, k, [start.number, was.number, start2.number, is.number], ownProvisions, paragraphs)) continue;
        return false;
      }
      if (was.number === is.number) continue;
      // "Articles 2-4" → "Articles 3-5": a range written with a hyphen, which the scanner reads as one number
      // (as it reads "Annex 3-B"), where no clause is labelled so.
      const ends = hyphenRange(was.number), ends2 = hyphenRange(is.number);
      if (ends && ends2 && !this.oldByKey.has(referenceKey(was)) && !(this.newKeySet ??= new Set(this.newKeys)).has(referenceKey(is))) {
        if (this.rangeFollows(oldText, newText, olds, news, k, k, [ends[0], ends[1], ends2[0], ends2[1]], ownProvisions, paragraphs)) continue;
        return false;
      }
      if (PARENTHESISED_KINDS.has(was.word) && was.word === is.word && (isParenthesised(was.number) || isParenthesised(is.number))) {
        // "point (b) of paragraph 2 of Article 9" → "point (c) of …": the point of that paragraph, relettered with
        // it (its paragraph's and its clause's numbers are read as the next references); "point (b)" alone, a point
        // of the paragraph the words stand in, where the caller says which. ("point 3 of Annex I", numbered as a
        // paragraph is, is read as one below.)
        const a = pointOf(oldText, olds, k, paragraphs?.old), b = pointOf(newText, news, k, paragraphs?.new);
        if (a && b && (a.clause === null ? b.clause === null && ownProvisions?.(a.label, b.label) === true
          : b.clause !== null && this.citedProvisionRenumbered(a.clause, b.clause, a.label, b.label))) continue;
        return false;
      }
      if (PROVISION_KINDS.has(was.word) && was.word === is.word) {
        // "paragraph 2 of Article 9" → "paragraph 3 of Article 10": Article 9's paragraph, renumbered with it or
        // in it (the article's own number is read as the next reference).
        const oldClause = clauseCitedAfter(oldText, was, olds, k);
        const newClause = clauseCitedAfter(newText, is, news, k);
        if (oldClause && newClause) {
          if (this.citedProvisionRenumbered(referenceKey(oldClause), referenceKey(newClause), was.number, is.number)) continue;
          return false;
        }
      }
      // "Article 4 of the Convention" names no clause of these drafts, whatever their Article 4 became, nor
      // "paragraph 2 of Article 9 of the Convention" a provision of one.
      if (namesElsewhere(oldText, was.end, was.word) || namesElsewhere(newText, is.end, is.word)) return false;
      const from = referenceKey(was);
      const target = referenceKey(is);
      if (this.renumbered(from, target)) continue;
      // "Article 2(2)" → "Article 3(2)": the same provision of a clause renumbered, where no clause is labelled so.
      const a = this.oldByKey.has(from) ? null : splitProvision(from);
      const b = a && !(this.newKeySet ??= new Set(this.newKeys)).has(target) ? splitProvision(target) : null;
      if (a && b && a.provision === b.provision && this.renumbered(a.clause, b.clause)) continue;
      // "Article 2(2)" → "Article 3(3)": that clause's paragraph, renumbered with it or in it (labelled "2." or "(2)").
      if (a && b && (this.citedProvisionRenumbered(a.clause, b.clause, provisionLabel(a.provision), provisionLabel(b.provision)) ||
        this.citedProvisionRenumbered(a.clause, b.clause, a.provision, b.provision))) continue;
      if (PROVISION_KINDS.has(was.word) && was.word === is.word) {
        // "Article 2, paragraph 2" → "Article 3, paragraph 3": that clause's paragraph, renumbered with it (and so
        // the other numbers of a list: "Article 2, paragraphs 2 and 3").
        const cited = clauseCitedBefore(oldText, olds, k);
        if (cited >= 0) {
          if (this.citedProvisionRenumbered(referenceKey(olds[cited]!), referenceKey(news[cited]!), was.number, is.number)) continue;
          return false;
        }
        // "paragraph 2" of this clause.
        if (ownProvisions?.(was.number, is.number)) continue;
      }
      return false;
    }
    return true;
  }

  /**
   * Whether the range whose ends are read from references k0 and k ("Articles 2 to 4"; k0 = k for "Articles
   * 2-4"), its ends' numbers given, names in the new text what it named in the old: for clauses, the same clauses
   * one by one, in order (each old clause from the first end to the last, of the range's kind, became its
   * counterpart in the new range: none put in between, taken out or moved); for provisions, whose order this map
   * does not know, each number from one end to the other became its counterpart, as a single reference to it
   * would have to (plain numbers only: "paragraphs 2 to 4" → "paragraphs 3 to 5"). Anything else, and a range of
   * another instrument's, is a change.
   */
  private rangeFollows(oldText: string, newText: string, olds: readonly Reference[], news: readonly Reference[], k0: number, k: number,
    [oldFrom, oldTo, newFrom, newTo]: readonly [string, string, string, string], ownProvisions?: (a: string, b: string) => boolean, paragraphs?: OwnParagraphs): boolean {
    const oldEnd = olds[k]!, newEnd = news[k]!;
    const word = oldEnd.word;
    if (newEnd.word !== word || olds[k0]!.word !== word || news[k0]!.word !== word) return false;
    // "… of the Convention" (for paragraphs: of anything but a clause of these drafts, read first below).
    const elsewhere = namesElsewhere(oldText, oldEnd.end, word) || namesElsewhere(newText, newEnd.end, word);
    const key = (number: string) => `${word} ${number.toLowerCase()}`;
    if (!PROVISION_KINDS.has(word)) return !elsewhere && this.clauseRangeFollows(key(oldFrom), key(oldTo), key(newFrom), key(newTo));
    // "Paragraphs 2 to 4", capitalised as a heading is, in a memorandum whose clauses are "Paragraph 1",
    // "Paragraph 2", …: a range of those clauses where both drafts label its ends so, as the stale reader reads
    // a capitalised "Paragraph 2" (stale-references.ts), and no clause is cited after it.
    if (!elsewhere && writtenCapitalised(oldText, olds[k0]!) && writtenCapitalised(newText, news[k0]!) &&
      !clauseCitedAfter(oldText, oldEnd, olds, k) && !clauseCitedAfter(newText, newEnd, news, k) &&
      this.labelsClauses(key(oldFrom), key(oldTo), key(newFrom), key(newTo))) {
      return this.clauseRangeFollows(key(oldFrom), key(oldTo), key(newFrom), key(newTo));
    }
    if (PARENTHESISED_KINDS.has(word) && [oldFrom, oldTo, newFrom, newTo].some(isParenthesised)) return this.pointRangeFollows(oldText, newText, olds, news, k0, [oldFrom, oldTo, newFrom, newTo], ownProvisions, paragraphs);
    const from = plainNumber(oldFrom), to = plainNumber(oldTo);
    const from2 = plainNumber(newFrom), to2 = plainNumber(newTo);
    if (from === null || to === null || from2 === null || to2 === null || to < from || to - from !== to2 - from2 || to - from > MAX_RANGE) return false;
    // Whose provisions the range names: the clause cited after it ("paragraphs 2 to 4 of Article 9"), the one
    // cited before it ("Article 9, paragraphs 2 to 4"), or the clause it stands in.
    const citedAfter = [clauseCitedAfter(oldText, oldEnd, olds, k), clauseCitedAfter(newText, newEnd, news, k)];
    const citedBefore = clauseCitedBefore(oldText, olds, k0);
    let became: (a: string, b: string) => boolean;
    if (citedAfter[0] && citedAfter[1]) {
      const [a, b] = citedAfter.map((r) => referenceKey(r!));
      became = (x, y) => this.citedProvisionRenumbered(a!, b!, x, y);
    } else if (citedAfter[0] || citedAfter[1] || elsewhere) return false;
    else if (citedBefore >= 0) {
      const a = referenceKey(olds[citedBefore]!), b = referenceKey(news[citedBefore]!);
      became = (x, y) => this.citedProvisionRenumbered(a, b, x, y);
    } else if (ownProvisions) became = ownProvisions;
    else return false;
    for (let t = 0; t <= to - from; t++) if (!became(String(from + t), String(from2 + t))) return false;
    return true;
  }

  /**
   * rangeFollows for points cited by their letters, "points (a) to (c) of paragraph 2 of Article 9" (whose paragraph
   * and clause pointOf reads from the range's start, `olds[k0]`): each point from one end to the other became its
   * counterpart, "(a)" → "(b)", "(b)" → "(c)", "(c)" → "(d)". Single letters only; any other range is a change.
   */
  private pointRangeFollows(oldText: string, newText: string, olds: readonly Reference[], news: readonly Reference[], k0: number,
    [oldFrom, oldTo, newFrom, newTo]: readonly [string, string, string, string], ownProvisions?: (a: string, b: string) => boolean, paragraphs?: OwnParagraphs): boolean {
    const from = letterOf(oldFrom), to = letterOf(oldTo), from2 = letterOf(newFrom), to2 = letterOf(newTo);
    if (from < 0 || to < from || from2 < 0 || to - from !== to2 - from2) return false;
    const a = pointOf(oldText, olds, k0, paragraphs?.old), b = pointOf(newText, news, k0, paragraphs?.new);
    if (!a || !b || (a.clause === null) !== (b.clause === null)) return false;
    // The paragraph's part of each label ("2" of "2(a)").
    const paragraphA = a.label.slice(0, a.label.length - oldFrom.length), paragraphB = b.label.slice(0, b.label.length - newFrom.length);
    const point = (paragraph: string, letter: number) => `${paragraph}(${String.fromCharCode(97 + letter)})`;
    for (let t = 0; t <= to - from; t++) {
      const x = point(paragraphA, from + t), y = point(paragraphB, from2 + t);
      if (!(a.clause === null ? ownProvisions?.(x, y) === true : this.citedProvisionRenumbered(a.clause, b.clause!, x, y))) return false;
    }
    return true;
  }

  /** Whether old clauses are labelled `from` and `to`, and new ones `from2` and `to2` (label keys). */
  private labelsClauses(from: string, to: string, from2: string, to2: string): boolean {
    this.newByKey ??= indexByKey(this.newKeys);
    return this.oldByKey.has(from) && this.oldByKey.has(to) && this.newByKey.has(from2) && this.newByKey.has(to2);
  }

  /** rangeFollows for clauses: old clauses `from` to `to` (label keys) became, one by one, new clauses `from2` to `to2`. */
  private clauseRangeFollows(from: string, to: string, from2: string, to2: string): boolean {
    const a = this.oldByKey.get(from), b = this.oldByKey.get(to);
    this.newByKey ??= indexByKey(this.newKeys);
    const c = this.newByKey.get(from2), d = this.newByKey.get(to2);
    // Each end one clause (a numbering repeated in parts of the draft leaves a range ambiguous).
    if (a?.length !== 1 || b?.length !== 1 || c?.length !== 1 || d?.length !== 1) return false;
    const kind = from.slice(0, from.indexOf(' '));
    const olds = a[0]! <= b[0]! ? clausesOfKind(this.oldKeys, kind, a[0]!, b[0]!, MAX_RANGE + 1) : null;
    const news = c[0]! <= d[0]! ? clausesOfKind(this.newKeys, kind, c[0]!, d[0]!, MAX_RANGE + 1) : null;
    if (!olds || !news || olds.length !== news.length) return false;
    return olds.every((i, t) => this.partnersOf(i).includes(news[t]!));
  }

  /**
   * Whether provision `a` of the old clause labelled `from` (a label's key: "article 2") became provision `b` of
   * the new clause labelled `to`, that clause being the old one renumbered (or not).
   */
  private citedProvisionRenumbered(from: string, to: string, a: string, b: string): boolean {
    const provisionsOf = this.provisionsOf;
    if (!provisionsOf) return false;
    const named = this.oldByKey.get(from);
    return named?.some((i) => this.partnersOf(i).some((j) => this.newKeys[j] === to && provisionsOf(i, j, a, b))) ?? false;
  }

  /** Whether the old clause labelled `from` became (or became part of) the new clause labelled `to`. */
  private renumbered(from: string, to: string): boolean {
    const named = this.oldByKey.get(from);
    return named?.some((i) => this.partnersOf(i).some((j) => this.newKeys[j] === to)) ?? false;
  }
}
