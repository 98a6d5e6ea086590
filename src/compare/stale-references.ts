/**
 * Stale cross-references: a reference the new draft kept as the old one wrote it while the clause it named was
 * renumbered or deleted, so that the same words now name another clause, or none. "subject to Article 2" left
 * standing after a new Article 2 was put in front (old Article 2 is now Article 3) points at the new article.
 * The comparison calls such a clause unchanged, rightly (its text did not change); this is what tells the
 * reader that the text should have.
 *
 * Which numbers changed meaning is read off the alignment: an old clause's label ("Article 2") where the new
 * clause with that label, if any, is not one the old clause became. Then only references to those labels are
 * looked for, at the places a regular expression finds their reference words (the texts are not tokenized:
 * this runs over every clause the drafts share), and only in text of a clause both drafts hold that the redline
 * keeps equal: a reference inserted or rewritten, or in an inserted clause, was written for the new numbering.
 * Each number of a list under a plural word ("Articles 9, 10 and 11") is a reference of its own, its words the
 * number, as the comparison's scanner reads lists (normalize.ts: not a range, "Articles 9 to 11").
 *
 * The same for provisions, read off the provision alignment of each edited clause: a paragraph inserted before
 * paragraph 2 of Article 9 makes it paragraph 3, and "paragraph 2 of Article 9", "Article 9(2)", "Article 9,
 * paragraph 2" left as they stood, or "paragraph 2" inside Article 9 itself, now name the new paragraph. Points
 * of a numbered paragraph likewise, as "paragraph 2(b)", "Article 9(2)(b)" and, as EU texts write it, "point (b)
 * of paragraph 2 of Article 9" cite them: a point put in before (b) makes it 2(c). "point (b)" alone names a point
 * of the paragraph it stood in (own-paragraph.ts).
 *
 * A range whose ends stand ("Articles 2 to 4", Articles 2 and 4 kept their numbers) names what lies between them:
 * an article put in or moved in between (renumbered: "Article 3bis"), or one moved out, changes what it covers
 * though not one of its words did (range-inside.ts). Only the kinds of clause that an insertion or a move touched are
 * looked for.
 *
 * Not read as stale: a label that several clauses share in either draft (parts that restart their numbering), a
 * reference that goes on to name another instrument ("Article 4 of the Convention", "Articles 9 and 10 of the
 * Convention", "Article XX of GATT 1994": reference-map.ts, namesElsewhere), subparagraphs counted in words ("the
 * second subparagraph"), a point named by its letter alone ("point (b)") in a paragraph without a point of that letter,
 * the paragraphs of a clause that was split or merged, or whose paragraphs (or points) share labels, and dotted
 * numbers that are no clause's label ("Article 3.2": splitProvision).
 */
import type { ClauseChange, FlatClause, ProvisionChange } from './align.js';
import { alignProvisions } from './provisions-align.js';
import { ClauseRanges, paragraphOrders, type ParagraphOrder, type RangeInside } from './range-inside.js';
import { isPluralReferenceWord, listedNumberAt, PARENTHESISED_KINDS, RANGE_JOINT_PATTERN, referenceAt, referenceWords, type Reference } from './normalize.js';
import { hyphenRange, isParenthesised, labelKey, namesElsewhere, paragraphPart, PROVISION_KINDS, provisionLabel, referenceKey, splitProvision, type ParagraphAt } from './reference-map.js';
import { sideText } from './words.js';
import { paragraphAt } from './own-paragraph.js';

export interface StaleReference {
  /** The reference as the new draft writes it ("Article 2", "paragraph 2 of Article 9"). */
  text: string;
  /** The old clause it named (an index into the old clauses). */
  named: number;
  /** Where that clause stands in the new draft: empty when it was deleted. */
  now: readonly number[];
  /** The new clause the same words name now, or -1 when they name none. */
  names: number;
  /** For a reference to a paragraph of the clause `named`: which one, what it became, what the number names now. */
  provision?: ProvisionMove;
  /** For a range whose ends stand ("Articles 2 to 4"; `named` its first end) while what lies between them changed. */
  range?: RangeInside;
  /**
   * For a range of the paragraphs of clause `named` whose ends stand ("paragraphs 2 to 4 of Article 9") while what
   * lies between them changed: the new paragraphs between its ends that were not (their labels), and the old ones
   * that moved away.
   */
  paragraphRange?: { added: readonly string[]; removed: readonly string[] };
  /**
   * For a reference whose number was changed, but not to the number its clause took ("Paragraph 9" → "Paragraph
   * 8" where Paragraph 9 became Paragraph 5): the words it replaced. Such a reference is a change in the redline,
   * and may be meant to cite another clause; it is listed so that a reader sees that it no longer follows its
   * clause, most often across several versions, each renumbering on its own.
   */
  was?: string;
  /**
   * Where the reference stands in the clause's new text (the redline's equal and inserted runs joined): each
   * place, in reading order, as written there ("Article 2", "Art. 2"). The same words elsewhere in the clause
   * may be a reference renumbered correctly, or one that names another instrument; those are not listed.
   */
  places: TextPlace[];
}

/** A paragraph whose number changed meaning: its old label, its new one (null: deleted), what has its old one now. */
export interface ProvisionMove {
  named: string;
  now: string | null;
  names: string | null;
}

/** A stretch of a text: from `start` up to `end` (UTF-16 offsets). */
export interface TextPlace {
  start: number;
  end: number;
}

/** A stale reference without its words and places: what a moved label or paragraph number means. */
type Moved = Omit<StaleReference, 'text' | 'places'>;

/** A reference found in a text: what it means if stale, its words' span, and its key as written. */
interface Hit {
  /** One per clause, or per paragraph of a clause: references found under one key are one note. */
  key: string;
  stale: Moved | undefined;
  start: number;
  end: number;
  /** The reference as written, to pair the k-th reference of an old text with the k-th of the new one. */
  written: string;
  /** For a reference to a paragraph of a clause it names: the clause's key as written and the paragraph. */
  paragraph?: { clause: string; number: string };
}

/** A label held by more than one clause of a draft: no reference to it says which. */
const SHARED = -2;

const NONE: readonly StaleReference[] = [];

/** The references to labels that changed meaning, as found in redlines. */
export class StaleReferences {
  private constructor(private readonly finder: ReferenceFinder) {}

  /** The finder for an alignment, or null when no label or paragraph number changed meaning (nothing to find). */
  static of(oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], changes: readonly ClauseChange[]): StaleReferences | null {
    const oldByKey = byLabelKey(oldClauses);
    const partners: (readonly number[])[] = oldClauses.map(() => NO_CLAUSES);
    for (const change of changes) for (const i of change.old) partners[i] = change.new;
    const newByKey = byLabelKey(newClauses);
    const moved = movedLabels(oldByKey, newByKey, partners);
    const { moves: paragraphs, newLabels } = movedParagraphs(changes, oldClauses, newClauses);
    const ranges = ClauseRanges.of(changes, oldClauses, newClauses, oldByKey, newByKey, partners);
    const orders = paragraphOrders(changes, paragraphLabel);
    if (moved.size === 0 && paragraphs.size === 0 && ranges === null && orders.size === 0) return null;
    return new StaleReferences(new ReferenceFinder(moved, paragraphs, newLabels, oldByKey, newByKey, partners, ranges, orders));
  }

  /**
   * The stale references in the redline of a clause both drafts hold, in the text it kept, each label once (with
   * every place it stands), in reading order. `own`: the old clause the text is of (-1 when several: a split or
   * merge), for "paragraph 2" without a clause named.
   */
  inRedline(ops: readonly { op: string; text: string; moved?: boolean }[], own: number): readonly StaleReference[] {
    // The whole new text is read, so that what follows a reference counts ("Article 2" with " of the Convention"
    // inserted after it names the Convention), and a reference is kept only where it lies in one run the new
    // draft kept as it stood: an equal run, or the text of a paragraph moved within its clause. `runs` holds,
    // for each such run, where it starts and ends in the new text and where it starts in the old one (-1 for
    // moved text, which stood elsewhere).
    const runs: number[] = [];
    let text = '';
    let oldLength = 0;
    for (const op of ops) {
      if (op.op !== 'insert') oldLength += op.text.length;
      if (op.op === 'delete') continue;
      if (op.op === 'equal' || op.moved) runs.push(text.length, text.length + op.text.length, op.op === 'equal' ? oldLength - op.text.length : -1);
      text += op.text;
    }
    if (runs.length === 0) return NONE;
    const found = new Found(text);
    // References that open in an equal run but whose number changed, with the old text's place of their opening.
    const changed: { hit: Hit; oldStart: number }[] = [];
    let run = 0;
    // The old text, joined the first time it is needed (most clauses never need it).
    let oldText: string | undefined;
    const old = () => (oldText ??= sideText(ops, 'old'));
    // "point (b)" alone names a point of the paragraph it stood in, in the old text: read where the run holding it stood.
    const oldParagraphAt = (position: number): string | null => {
      const r = runHolding(runs, position);
      return r < 0 || runs[r + 2]! < 0 ? null : paragraphAt(old(), runs[r + 2]! + position - runs[r]!);
    };
    this.finder.find(text, own, (hit) => {
      while (run < runs.length && runs[run + 1]! <= hit.start) run += 3;
      if (run >= runs.length || hit.start < runs[run]!) return;
      if (hit.end <= runs[run + 1]!) found.add(hit);
      else if (runs[run + 2]! >= 0) changed.push({ hit, oldStart: runs[run + 2]! + hit.start - runs[run]! });
    }, oldParagraphAt);
    if (changed.length > 0) {
      // The same reference in the old text, opening at the same place, says whether the change left part of it
      // behind (read after the new text: the finder reads one text at a time). The old text is joined only here:
      // most clauses have no such reference.
      const oldHits = new Map<number, Hit>();
      this.finder.find(old(), own, (hit) => oldHits.set(hit.start, hit), (position) => paragraphAt(old(), position));
      for (const { hit, oldStart } of changed) {
        const was = oldHits.get(oldStart);
        const stale = was && (this.finder.partlyLeft(was, hit) ?? this.finder.retargeted(was, hit, old().slice(was.start, was.end)));
        if (stale) found.add(stale);
      }
    }
    return found.list();
  }

  /**
   * The stale references of a clause the comparison calls unchanged: its text reads as the old one, its
   * cross-references renumbered as the drafts were (align.ts), so the k-th reference of one text is the k-th
   * of the other, and a reference is kept where its number is.
   */
  inUnchanged(oldText: string, newText: string, own: number): readonly StaleReference[] {
    if (oldText === newText) return this.inRedline([{ op: 'equal', text: newText }], own);
    const before: Hit[] = [];
    this.finder.find(oldText, own, (hit) => before.push(hit), (position) => paragraphAt(oldText, position));
    const found = new Found(newText);
    let k = 0;
    // The two texts read the same, line for line: a line of the new text stood as the same line of the old.
    const oldParagraphAt = (position: number) => {
      const start = sameLineStart(newText, position, oldText);
      return start < 0 ? null : paragraphAt(oldText, start);
    };
    this.finder.find(newText, own, (hit) => {
      const was = before[k++];
      if (was === undefined) return;
      if (was.written === hit.written) found.add(hit);
      else {
        const stale = this.finder.partlyLeft(was, hit);
        if (stale) found.add(stale);
      }
    }, oldParagraphAt);
    return found.list();
  }
}

/** The index in `runs` (triples: start, end, old start) of the run holding `position`, or -1. */
function runHolding(runs: readonly number[], position: number): number {
  let lo = 0, hi = runs.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid * 3 + 1]! <= position) lo = mid + 1;
    else if (runs[mid * 3]! > position) hi = mid - 1;
    else return mid * 3;
  }
  return -1;
}

/** Where the line of `other` opens that has the same number as the line of `text` holding `position` (-1: none). */
function sameLineStart(text: string, position: number, other: string): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line++;
  let start = 0;
  for (let k = 0; k < line; k++) {
    const lineBreak = other.indexOf('\n', start);
    if (lineBreak < 0) return -1;
    start = lineBreak + 1;
  }
  return start;
}

/** The stale references of one clause as they are found: one per key, with every place it stands. */
class Found {
  private readonly byKey = new Map<string, StaleReference>();
  constructor(private readonly text: string) {}

  add(hit: Hit): void {
    if (!hit.stale) return;
    const place = { start: hit.start, end: hit.end };
    const known = this.byKey.get(hit.key);
    if (known) known.places.push(place);
    else this.byKey.set(hit.key, { text: this.text.slice(hit.start, hit.end), ...hit.stale, places: [place] });
  }

  list(): readonly StaleReference[] {
    return this.byKey.size === 0 ? NONE : [...this.byKey.values()];
  }
}

/** The labels that name another clause in the new draft than in the old (or none), by reference key. */
function movedLabels(oldByKey: ReadonlyMap<string, number>, newByKey: ReadonlyMap<string, number>, partners: readonly (readonly number[])[]): Map<string, Moved> {
  const moved = new Map<string, Moved>();
  for (const [key, i] of oldByKey) {
    if (i === SHARED) continue;
    const names = newByKey.get(key) ?? -1;
    const now = partners[i]!;
    if (names === SHARED || now.includes(names)) continue;
    moved.set(key, { named: i, now, names });
  }
  return moved;
}

/**
 * The paragraphs whose numbers changed meaning, by old clause and old label: in each clause edited one to one, or
 * read the same but for its numbering, whose provision alignment renumbered or deleted a paragraph. Read with care, since a note that calls a
 * correct reference stale sends a drafter to change it:
 * - only numbered paragraphs ("4", "4bis") and points as a reference writes them ("4(b)", "4(b)(ii)", and "(b)"
 *   in a clause without numbered paragraphs): a point whose label is written otherwise ("4.2") is not read, since
 *   no reference of that form could be checked against it;
 * - a paragraph that went on under another number only where the two are alike (PARTNER_SIMILAR);
 * - a deleted paragraph only where no paragraph has its number now: one that does may be the same paragraph
 *   rewritten past what the alignment pairs;
 * - nothing about a label held twice on a side, or a paragraph split or merged.
 * With them, for each such clause, the labels its paragraphs and points have in the new draft (as paragraphKey
 * writes them): what a reference's new number may name.
 */
function movedParagraphs(changes: readonly ClauseChange[], oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[]):
  { moves: Map<number, Map<string, ProvisionMove>>; newLabels: Map<number, ReadonlySet<string>> } {
  const out = new Map<number, Map<string, ProvisionMove>>();
  const labels = new Map<number, ReadonlySet<string>>();
  for (const change of changes) {
    if (change.old.length !== 1 || change.new.length !== 1) continue;
    // A clause that reads the same but for its numbering has no provisions in the comparison, yet its paragraphs
    // may have been renumbered ("2bis" → "3" as a text is finally numbered): aligned here, where its text is not
    // the same character for character (few are).
    const provisions = change.kind === 'edited' ? change.provisions
      : change.kind === 'unchanged' && !change.identical ? alignProvisions([oldClauses[change.old[0]!]!.clause], [newClauses[change.new[0]!]!.clause])
      : NO_PROVISIONS;
    if (!provisions.some((p) => p.renumbered || p.kind === 'deleted')) continue;
    const became = new Map<string, ProvisionChange>();
    const doubtful = new Set<string>();
    const newLabels = new Map<string, string>();
    for (const p of provisions) {
      if (p.new !== null) {
        const key = paragraphKey(p.new);
        if (newLabels.has(key)) doubtful.add(key); else newLabels.set(key, p.new);
      }
      if (p.old === null) continue;
      const key = paragraphKey(p.old);
      if (became.has(key) || p.group !== undefined) doubtful.add(key);
      became.set(key, p);
    }
    let moves: Map<string, ProvisionMove> | undefined;
    for (const [key, p] of became) {
      if (doubtful.has(key) || !PROVISION_LABEL.test(key)) continue;
      const names = newLabels.get(key) ?? null;
      const now = p.new === null ? null : paragraphKey(p.new);
      // Deleted, where no paragraph has its number now; or gone on, as a numbered paragraph alike, under another number.
      const read = now === null ? names === null : PROVISION_LABEL.test(now) && now !== key && p.similarity >= PARTNER_SIMILAR;
      if (read) (moves ??= new Map()).set(key, { named: p.old!, now: p.new, names });
    }
    if (moves) {
      out.set(change.old[0]!, moves);
      labels.set(change.old[0]!, new Set(newLabels.keys()));
    }
  }
  return { moves: out, newLabels: labels };
}

/** How alike a paragraph and the one it became under another number must be for references to it to be read. */
const PARTNER_SIMILAR = 0.5;

/** The labels of numbered paragraphs, as paragraphKey writes them: "4", "4bis". */
const PARAGRAPH_LABEL = /^\d+[a-z]*$/;

/**
 * The labels of numbered paragraphs and of their points, as paragraphKey writes them: "4", "4bis", "4(b)",
 * "4(b)(ii)"; and of points that stand in a clause without a numbered paragraph, "(b)", as "point (b) of Article 1"
 * cites them (the definitions of an EU text: "point (1) of Article 3").
 */
const PROVISION_LABEL = /^(?:\d+[a-z]*|\([0-9a-z]{1,4}\))(?:\([0-9a-z]+\))*$/;

/** A provision label as a numbered paragraph's key ("4", "4bis"), or null for any other label (points, none). */
function paragraphLabel(label: string | null): string | null {
  return label !== null && PARAGRAPH_LABEL.test(paragraphKey(label)) ? paragraphKey(label) : null;
}

/** A paragraph label or reference number as compared: lowercase, no trailing dot. */
function paragraphKey(label: string): string {
  return label.trim().toLowerCase().replace(/\.$/, '');
}

const NO_CLAUSES: readonly number[] = [];
const NO_PROVISIONS: readonly ProvisionChange[] = [];

function byLabelKey(clauses: readonly FlatClause[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clauses) {
    const key = labelKey(c.label);
    if (key !== null) out.set(key, out.has(key) ? SHARED : c.index);
  }
  return out;
}

/** "of Article 9", after "paragraph 2 " (the "of" and the clause reference). */
const OF_CLAUSE = /\s*,?\s*of\s+/y;
/** An "of" right after a reference, naming something else than this instrument or clause. */
const OF_OTHER = /\s*,?\s*of\s+(?!this\b|the\s+present\b)\S/iy;
/** ", paragraph 2", " paragraph 2" or ", paragraphs 1, 4 and 5" (the first read), after "Article 9". */
const COMMA_PARAGRAPH = /,?\s*(?:paragraphs?|paras?)\.?\s+/iy;

/**
 * Reads the references of a text that may be stale: the regular expression finds reference words of the kinds
 * that matter ("Article", "Articles", "Art" for articles; "paragraph" where paragraphs were renumbered), and
 * referenceAt reads each as the comparison's keys do.
 */
class ReferenceFinder {
  private readonly pattern: RegExp;

  constructor(
    private readonly moved: ReadonlyMap<string, Moved>,
    private readonly paragraphs: ReadonlyMap<number, ReadonlyMap<string, ProvisionMove>>,
    /** For each clause of `paragraphs`, the labels of its paragraphs and points in the new draft. */
    private readonly newParagraphs: ReadonlyMap<number, ReadonlySet<string>>,
    private readonly oldByKey: ReadonlyMap<string, number>,
    private readonly newByKey: ReadonlyMap<string, number>,
    private readonly partners: readonly (readonly number[])[],
    /** Ranges of clauses that may cover others now (range-inside.ts), null where none can. */
    private readonly ranges: ClauseRanges | null,
    /** The numbered paragraphs of each edited clause where one was put in or moved, in order on each side. */
    private readonly orders: ReadonlyMap<number, ParagraphOrder>,
  ) {
    // Where paragraphs moved, a reference to any clause may go on to name one of them ("Article 9(2)").
    // Points too ("point (b) of paragraph 2"), where a paragraph or point moved.
    const keys = paragraphs.size > 0 || orders.size > 0 ? [...moved.keys(), ...oldByKey.keys(), 'paragraph', ...(paragraphs.size > 0 ? PARENTHESISED_KINDS : [])] : [...moved.keys()];
    const kinds = new Set([...keys.map((key) => key.split(' ')[0]!), ...(ranges?.words ?? [])]);
    // Longer words first, so that "articles" is not read as "article".
    const words = [...kinds].flatMap(referenceWords).sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi');
  }

  /**
   * A range of clauses of kind `word` from `from` to `to` (numbers as written) whose ends stand while what lies
   * between them changed (range-inside.ts), as a hit spanning the range; null otherwise.
   */
  private rangeInside(word: string, from: string, to: string, start: number, end: number): Hit | null {
    const inside = this.ranges?.inside(word, from, to);
    if (!inside) return null;
    const key = `${word} ${from.toLowerCase()} to ${to.toLowerCase()}`;
    const range = { added: inside.added, removed: inside.removed };
    return { key, stale: { named: inside.first, now: this.partners[inside.first]!, names: inside.firstNow, range }, start, end, written: key };
  }

  /**
   * Whether a reference names a clause of the old draft by its label ("Paragraph 2" where a clause is labelled
   * so), a paragraph of one ("Paragraph 2(2)"), or a range of them written with a hyphen ("Paragraphs 2-4").
   */
  private namesClause(reference: Reference): boolean {
    const written = referenceKey(reference);
    if (this.oldByKey.has(written)) return true;
    const split = splitProvision(written);
    if (split) return this.oldByKey.has(split.clause);
    const ends = hyphenRange(reference.number);
    return ends !== null && ends.every((end) => this.oldByKey.has(`${reference.word} ${end.toLowerCase()}`));
  }

  /**
   * Calls `found` with each reference of the text, stale or not: inUnchanged pairs the references of two texts
   * by their order, so which references are reported depends on the text alone, not on what is stale.
   */
  find(text: string, own: number, found: (hit: Hit) => void, paragraphAt?: ParagraphAt): void {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const reference = referenceAt(text, m.index);
      if (reference === null) continue;
      // "sub-paragraph (b)" is found at its "paragraph" and read whole.
      const start = reference.word === 'subparagraph' && (m[0].charCodeAt(0) | 0x20) === 112 /* p */ ? m.index - 4 : m.index;
      pattern.lastIndex = reference.end;
      const written = referenceKey(reference);
      // "paragraph 2" names a provision; "Paragraph 2", capitalised as a heading is, names a clause where one is
      // labelled so (memoranda number their clauses "Paragraph 1", "Paragraph 2", …), and "Paragraph 2(2)" that
      // clause's paragraph 2, as "Article 2(2)" does, and "Paragraphs 2-4" those clauses.
      if (PROVISION_KINDS.has(reference.word) && !(isUpperCase(text.charCodeAt(start)) && this.namesClause(reference))) {
        if (reference.word === 'paragraph') this.paragraphReferences(text, start, reference, isPluralReferenceWord(m[0]), own, found);
        else if (PARENTHESISED_KINDS.has(reference.word)) this.pointReferences(text, start, reference, isPluralReferenceWord(m[0]), own, found, paragraphAt);
        continue;
      }
      if (namesElsewhere(text, reference.end, reference.word)) continue;
      const split = this.oldByKey.has(written) ? null : splitProvision(written);
      if (split) {
        // "Article 9(2)" names paragraph 2 of Article 9, where no clause is labelled "Article 9(2)"
        // (reference-map.ts); stale as the article's reference if the article moved, else as the paragraph's.
        const paragraph = provisionLabel(split.provision);
        // "Article 9(2), point (b)", as newer EU texts write it: one reference, to point 2(b) of Article 9; each
        // number of a list ("Article 9(2), points (a) and (b)") one of its own, the first from the article on.
        const points = pointsAfter(text, reference.end);
        if (points) this.pattern.lastIndex = points[points.length - 1]!.end;
        const parts = points?.map((n, k) => ({ start: k === 0 ? start : n.start, end: n.end, number: `${paragraph}${n.text}`, written: `point ${n.text} of ${written}` }))
          ?? [{ start, end: reference.end, number: paragraph, written }];
        for (const part of parts) {
          const hit = this.paragraphHit(split.clause, part.number, part.start, part.end, part.written);
          found(this.moved.has(split.clause) ? { ...hit, key: split.clause, stale: this.moved.get(split.clause) } : hit);
        }
        continue;
      }
      // "Articles 9-11", where no clause is labelled "9-11": a range written with a hyphen, each end a reference of
      // its own, as the ends of "Articles 9 to 11" are.
      const ends = this.oldByKey.has(written) ? null : hyphenRange(reference.number);
      if (ends) {
        // What lies between its ends first: hits come in the order of their starts (inRedline reads them so).
        const inside = this.rangeInside(reference.word, ends[0], ends[1], start, reference.end);
        if (inside) found(inside);
        for (const end of hyphenEnds([{ start, end: reference.end, text: reference.number }])) {
          const key = `${reference.word} ${end.text.toLowerCase()}`;
          found({ key, stale: this.moved.get(key), start: end.start, end: end.end, written: key });
        }
      } else found({ key: written, stale: this.moved.get(written), start, end: reference.end, written });
      // "Articles 9 to 11": its ends are read below as a list's numbers; what lies between them here.
      RANGE_JOINT.lastIndex = reference.end;
      const rangeEnd = RANGE_JOINT.test(text) ? listedNumberAt(text, reference.end, reference.word) : null;
      if (rangeEnd) {
        const inside = this.rangeInside(reference.word, reference.number, text.slice(rangeEnd.start, rangeEnd.end), start, rangeEnd.end);
        if (inside) found(inside);
      }
      // "Articles 9, 10 and 11": each number of the list names a clause of its own ("of the Convention" after the
      // list went above, namesElsewhere reading past its numbers).
      if (isPluralReferenceWord(m[0]) && this.listed(text, reference, found)) continue;
      // "Article 9, paragraph 2" (", of the Convention" after it went above): the paragraph is Article 9's, never
      // one of the clause the words stand in.
      COMMA_PARAGRAPH.lastIndex = reference.end;
      const comma = COMMA_PARAGRAPH.exec(text);
      const number = comma ? paragraphNumberAt(text, COMMA_PARAGRAPH.lastIndex) : null;
      if (number === null) continue;
      // "Article 9, paragraphs 2 and 3": each number of the list is one of Article 9's paragraphs; "paragraphs 2-4"
      // a range of them, its ends as those of "2 to 4".
      const plural = /s\b/i.test(comma![0]);
      const hyphenTo = plural && text.charCodeAt(number.end) === 45 ? paragraphNumberAt(text, number.end + 1) : null;
      const listed = !plural ? [] : hyphenTo ? [{ start: number.end + 1, end: hyphenTo.end, text: hyphenTo.text }, ...listedNumbers(text, hyphenTo.end)]
        : listedNumbers(text, number.end);
      const end = listed.length > 0 ? listed[listed.length - 1]!.end : number.end;
      // Not "Article 9, paragraph 2 of Article 3": that paragraph is read with its own clause.
      OF_CLAUSE.lastIndex = end;
      if (OF_CLAUSE.test(text) && referenceAt(text, OF_CLAUSE.lastIndex) !== null) continue;
      pattern.lastIndex = end;
      if (!this.moved.has(written)) this.paragraphRanges(text, [{ start, end: number.end, text: number.text }, ...listed], this.oldByKey.get(written) ?? -1, found);
      found(this.paragraphHit(written, number.text, start, number.end, `${written}, paragraph ${number.text}`));
      for (const n of listed) found(this.paragraphHit(written, n.text, n.start, n.end, `paragraph ${n.text.toLowerCase()} of ${written}`));
    }
  }

  /**
   * The numbers after the first of a list under a plural reference word, each found as a reference of its own
   * (its words: the number), the pattern moved past them. Whether the list went on.
   */
  private listed(text: string, reference: Reference, found: (hit: Hit) => void): boolean {
    const numbers = listedNumbers(text, reference.end, reference.word);
    for (const next of numbers) {
      const key = `${reference.word} ${next.text.toLowerCase()}`;
      found({ key, stale: this.moved.get(key), start: next.start, end: next.end, written: key });
    }
    if (numbers.length === 0) return false;
    this.pattern.lastIndex = numbers[numbers.length - 1]!.end;
    return true;
  }

  /**
   * "paragraph 2" (of the clause it stands in) or "paragraph 2 of Article 9", and after a plural word each number
   * of a list or range ("paragraphs 2 and 3 of Article 9", "paragraphs 4 to 6"), a reference of its own to a
   * paragraph of the same clause. The clause reference after "of" is read again on its own: left as it stood
   * while the clause moved, it is stale itself.
   */
  private paragraphReferences(text: string, start: number, reference: Reference, plural: boolean, own: number, found: (hit: Hit) => void): void {
    const numbers = hyphenEnds([{ start, end: reference.end, text: reference.number }, ...(plural ? listedNumbers(text, reference.end) : [])]);
    const end = numbers[numbers.length - 1]!.end;
    this.pattern.lastIndex = Math.max(this.pattern.lastIndex, end);
    const written = (number: string) => `paragraph ${number.toLowerCase()}`;
    if (!namesElsewhere(text, end, reference.word)) {
      this.paragraphRanges(text, numbers, own, found);
      for (const n of numbers) found(this.paragraphHit(null, n.text, n.start, n.end, written(n.text), own));
      return;
    }
    OF_CLAUSE.lastIndex = end;
    const target = OF_CLAUSE.test(text) ? referenceAt(text, OF_CLAUSE.lastIndex) : null;
    // "… of Article 9 of the Convention". (namesElsewhere would also read "of Article 9, paragraph 1 of
    // Article 3" as Article 9's paragraph 1 of something else.)
    if (target !== null) OF_OTHER.lastIndex = target.end;
    if (target === null || OF_OTHER.test(text)) {
      for (const n of numbers) found({ key: '', stale: undefined, start: n.start, end: n.end, written: written(n.text) });
      return;
    }
    const key = referenceKey(target);
    if (!this.moved.has(key)) this.paragraphRanges(text, numbers, this.oldByKey.get(key) ?? -1, found);
    // A single reference reads as one place with its clause ("paragraph 2 of Article 9"); a list's places are its numbers.
    for (const n of numbers) found(this.paragraphHit(key, n.text, n.start, numbers.length === 1 ? target.end : n.end, `${written(n.text)} of ${key}`));
  }

  /**
   * "point (b) of paragraph 2" (of the clause it stands in), "point (b) of paragraph 2 of Article 9", "point (b) of
   * Article 9(2)", "point (b) of Article 9" (points without a numbered paragraph), and after a plural word each
   * number of a list ("points (a) and (b) of paragraph 2"): a reference to the point whose label is the
   * paragraph's number and its letter ("2(b)"), as "paragraph 2(b)" is. The paragraph is not read again on its
   * own (one note for one reference); the clause after it is, as in paragraphReferences. "point (b)" alone names
   * point (b) of the paragraph it stood in, in the old text, which `paragraphAt` tells (own-paragraph.ts); where it
   * cannot, the reference is not read.
   */
  private pointReferences(text: string, start: number, reference: Reference, plural: boolean, own: number, found: (hit: Hit) => void,
    paragraphAt?: ParagraphAt): void {
    if (!isParenthesised(reference.number)) return;
    const numbers = [{ start, end: reference.end, text: reference.number }, ...(plural ? listedNumbers(text, reference.end, reference.word) : [])];
    const end = numbers[numbers.length - 1]!.end;
    this.pattern.lastIndex = Math.max(this.pattern.lastIndex, end);
    // A range's inside ("points (a) to (c)") is not read: each number is read as a point of its own.
    const unread = () => {
      for (const n of numbers) found({ key: '', stale: undefined, start: n.start, end: n.end, written: `${reference.word} ${n.text}` });
    };
    OF_CLAUSE.lastIndex = end;
    if (!OF_CLAUSE.test(text)) {
      // "point (b)" alone, "points (a) and (b)": of the paragraph the words stood in.
      const paragraph = paragraphAt?.(start) ?? null;
      if (paragraph === null) return unread();
      for (const n of numbers) found(this.paragraphHit(null, `${paragraph}${n.text}`, n.start, n.end, `${reference.word} ${n.text}`, own));
      return;
    }
    const target = referenceAt(text, OF_CLAUSE.lastIndex);
    if (target === null || PROVISION_KINDS.has(target.word) && target.word !== 'paragraph') return unread();
    let paragraph = '';
    let clause: Reference | null = target;
    let ownsArticle = false;
    if (target.word === 'paragraph') {
      if (!PARAGRAPH_LABEL.test(paragraphKey(target.number))) return unread();
      paragraph = target.number;
      // Past the paragraph's number: the clause after it, if any, is read on its own.
      this.pattern.lastIndex = target.end;
      OF_CLAUSE.lastIndex = target.end;
      clause = OF_CLAUSE.test(text) ? referenceAt(text, OF_CLAUSE.lastIndex) : null;
      if (clause === null && namesElsewhere(text, target.end, target.word)) return unread();
    } else {
      const split = splitProvision(referenceKey(target));
      if (split && !this.oldByKey.has(referenceKey(target))) {
        const part = paragraphPart(split.provision);
        if (part === null) return unread();
        paragraph = part;
        clause = { ...target, number: target.number.slice(0, target.number.indexOf('(')) };
        // "point (b) of Article 9(2)" is one reference: "Article 9(2)" is not read again as a paragraph's (two notes
        // where paragraph 2 moved); where Article 9 moved, the reference is stale as the article's, below.
        this.pattern.lastIndex = target.end;
        ownsArticle = true;
      }
    }
    if (clause !== null) {
      OF_OTHER.lastIndex = clause.end;
      if (PROVISION_KINDS.has(clause.word) || OF_OTHER.test(text)) return unread();
    }
    const key = clause === null ? null : referenceKey(clause);
    const written = (n: string) => `point ${n}${paragraph ? ` of paragraph ${paragraph.toLowerCase()}` : ''}${key === null ? '' : ` of ${key}`}`;
    // A single reference reads as one place with its paragraph and clause; a list's places are its numbers.
    const last = clause?.end ?? target.end;
    for (const n of numbers) {
      const hit = this.paragraphHit(key, `${paragraph}${n.text}`, n.start, numbers.length === 1 ? last : n.end, written(n.text), own);
      found(ownsArticle && this.moved.has(key!) ? { ...hit, key: key!, stale: this.moved.get(key!) } : hit);
    }
  }

  /**
   * The ranges among a list's numbers ("paragraphs 2 to 4", "paragraphs 1 and 3 to 5") of the paragraphs of old
   * clause `index`, whose ends stand while a paragraph was put in or moved in between them, or moved out: found
   * as hits of their own, spanning the range, before its numbers (hits come in the order of their starts).
   */
  private paragraphRanges(text: string, numbers: readonly { start: number; end: number; text: string }[], index: number, found: (hit: Hit) => void): void {
    const order = index >= 0 ? this.orders.get(index) : undefined;
    if (!order) return;
    for (let k = 0; k + 1 < numbers.length; k++) {
      const from = numbers[k]!, to = numbers[k + 1]!;
      RANGE_JOINT.lastIndex = from.end;
      // "to", "through", an en dash, or the hyphen of "2-4" (hyphenEnds).
      const hyphen = to.start === from.end + 1 && text.charCodeAt(from.end) === 45;
      if (!hyphen && (!RANGE_JOINT.test(text) || RANGE_JOINT.lastIndex !== to.start)) continue;
      const inside = order.inside(paragraphKey(from.text), paragraphKey(to.text));
      if (!inside) continue;
      const now = this.partners[index]!;
      found({
        key: `${index}#${paragraphKey(from.text)}-${paragraphKey(to.text)}`,
        stale: { named: index, now, names: now.length === 1 ? now[0]! : -1, paragraphRange: inside },
        start: from.start,
        end: to.end,
        written: `paragraphs ${paragraphKey(from.text)} to ${paragraphKey(to.text)}`,
      });
    }
  }

  /**
   * A reference to paragraph `number` of the clause whose label's key is `clause` (null: the clause `own` the
   * text is of), stale if that paragraph's number changed meaning and the clause kept its own.
   */
  private paragraphHit(clause: string | null, number: string, start: number, end: number, written: string, own = -1): Hit {
    const index = clause === null ? own : this.oldByKey.get(clause) ?? -1;
    const paragraph = paragraphKey(number);
    const move = index >= 0 && (clause === null || !this.moved.has(clause)) ? this.paragraphs.get(index)?.get(paragraph) : undefined;
    return {
      key: `${index}#${paragraph}`,
      stale: move ? this.paragraphStale(index, move) : undefined,
      start,
      end,
      written,
      paragraph: clause === null ? undefined : { clause, number: paragraph },
    };
  }

  /**
   * What a reference to a moved paragraph of old clause `index` means. The words name a paragraph of `names`:
   * by default the clause the old one became, whose number the words kept.
   */
  private paragraphStale(index: number, move: ProvisionMove, names?: number): Moved {
    const now = this.partners[index]!;
    return { named: index, now, names: names ?? (now.length === 1 ? now[0]! : -1), provision: move };
  }

  /**
   * A reference whose words changed, but only part of it as the drafts were renumbered (`was` in the old text,
   * `is` the one at the same place of the new), as the hit to report, or undefined: its article renumbered and
   * its paragraph not (halfRenumbered), or the other way round — "Article 2(2)" made "Article 2(1)" as paragraph
   * 2 of Article 2 became paragraph 1, while Article 2 became Article 3. A reference changed otherwise was
   * rewritten, for the new numbering.
   */
  partlyLeft(was: Hit, is: Hit): Hit | undefined {
    const half = this.halfRenumbered(was, is);
    if (half) return { ...is, key: `${half.named}#${is.paragraph!.number}`, stale: half };
    if (!is.stale || is.stale.provision || !was.paragraph || !is.paragraph || was.paragraph.clause !== is.paragraph.clause) return undefined;
    const move = this.paragraphs.get(is.stale.named)?.get(was.paragraph.number);
    return move?.now != null && paragraphKey(move.now) === is.paragraph.number ? is : undefined;
  }

  /**
   * A reference to a clause by its label whose number was changed (`was` in the old text, written `words`; `is`
   * the one at the same place of the new) to name a clause other than the one the old number's clause became,
   * while that clause stands on under another number: "Paragraph 9" made "Paragraph 8" where Paragraph 9 became
   * Paragraph 5; and the same for a paragraph or point (paragraphRetargeted). Undefined for every other change:
   * one that follows its clause, one made while its clause kept its number or was deleted (rewritten to cite
   * another), one that names no clause of the new draft, a range or a label several clauses share.
   */
  retargeted(was: Hit, is: Hit, words: string): Hit | undefined {
    if (was.written === is.written) return undefined;
    if (was.key !== was.written || is.key !== is.written) return this.paragraphRetargeted(was, is, words);
    if (was.paragraph || is.paragraph) return undefined;
    // The clause it named took another number (its label names another clause now, or none), and the new words
    // name a clause of the new draft, not the one it became ("Article 6" → "Article 6.13", a paragraph of it or of
    // another text, names none).
    const named = this.oldByKey.get(was.written) ?? -1;
    if (named < 0 || !this.moved.has(was.written)) return undefined;
    const now = this.partners[named]!;
    const names = this.newByKey.get(is.written) ?? -1;
    if (now.length === 0 || names < 0 || now.includes(names)) return undefined;
    return { ...is, key: `${named}>${is.written}`, stale: { named, now, names, was: words } };
  }

  /**
   * retargeted for a reference to a paragraph or point of one clause, its own or one cited with it: "paragraph 2"
   * made "paragraph 4" where paragraph 2 became paragraph 3 and the clause has a paragraph 4 now. Only where the
   * clause is cited in the same words on both sides (one whose number changed is partlyLeft's to read).
   */
  private paragraphRetargeted(was: Hit, is: Hit, words: string): Hit | undefined {
    const a = PARAGRAPH_KEY.exec(was.key), b = PARAGRAPH_KEY.exec(is.key);
    if (!a || !b || a[1] !== b[1] || was.paragraph?.clause !== is.paragraph?.clause) return undefined;
    const index = Number(a[1]);
    const move = index >= 0 ? this.paragraphs.get(index)?.get(a[2]!) : undefined;
    if (!move || move.now === null || paragraphKey(move.now) === b[2] || !this.newParagraphs.get(index)?.has(b[2]!)) return undefined;
    const stale = this.paragraphStale(index, { named: move.named, now: move.now, names: b[2]! });
    return { ...is, key: `${is.key}<${a[2]}`, stale: { ...stale, was: words } };
  }

  /**
   * A reference whose clause was renumbered with the drafts and whose paragraph was not: "paragraph 2 of Article
   * 2" became "paragraph 2 of Article 3" as Article 2 became Article 3, while its paragraph 2 became paragraph 1.
   * `was` is the reference in the old text, `is` the one in the same place of the new.
   */
  private halfRenumbered(was: Hit, is: Hit): Moved | undefined {
    if (!was.paragraph || !is.paragraph || was.paragraph.number !== is.paragraph.number) return undefined;
    const index = this.oldByKey.get(was.paragraph.clause) ?? -1;
    const target = this.newByKey.get(is.paragraph.clause) ?? -1;
    if (index < 0 || target < 0 || !this.partners[index]!.includes(target)) return undefined;
    const move = this.paragraphs.get(index)?.get(was.paragraph.number);
    return move ? this.paragraphStale(index, move, target) : undefined;
  }
}

/** What joins a range's two numbers ("to", "through", an en dash), sticky: the scanner's reading (normalize.ts). */
const RANGE_JOINT = new RegExp(RANGE_JOINT_PATTERN, 'iy');

/** A paragraph hit's key (paragraphHit): the clause's index, then the paragraph's label. */
const PARAGRAPH_KEY = /^(-?\d+)#(.+)$/;

/**
 * A list's numbers with each range written with a hyphen ("2-4", "A-C", which the scanner reads as one number) cut
 * into its two ends, each a reference of its own as the ends of "2 to 4" are (a caller has ruled out a clause
 * labelled so; no paragraph is).
 */
function hyphenEnds(numbers: { start: number; end: number; text: string }[]): { start: number; end: number; text: string }[] {
  if (!numbers.some((n) => hyphenRange(n.text))) return numbers;
  return numbers.flatMap((n) => {
    const ends = hyphenRange(n.text);
    if (!ends) return [n];
    // The first number's start may be its reference word's ("paragraphs 2-4" read whole): count from its end.
    const dash = n.end - n.text.length + ends[0].length;
    return [{ start: n.start, end: dash, text: ends[0] }, { start: dash + 1, end: n.end, text: ends[1] }];
  });
}

/** The numbers of a list or range going on after a reference number that ends at `end` (normalize.ts, listedNumberAt),
 * under a reference word of kind `word` (letters are numbers after "Annexes"). */
function listedNumbers(text: string, end: number, word = ''): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let next = listedNumberAt(text, end, word); next !== null; next = listedNumberAt(text, next.end, word)) out.push({ ...next, text: text.slice(next.start, next.end) });
  return out;
}

/**
 * The points cited right after a reference that ends at `end` (", point (b)", ", points (a) and (b)"), each number
 * with its place, or null where none is, or where the list goes on to name something else (", point (b) of …").
 */
function pointsAfter(text: string, end: number): { start: number; end: number; text: string }[] | null {
  COMMA_POINT.lastIndex = end;
  if (!COMMA_POINT.test(text)) return null;
  const point = referenceAt(text, COMMA_POINT.lastIndex);
  if (point === null || !PARENTHESISED_KINDS.has(point.word) || !isParenthesised(point.number)) return null;
  const numbers = [{ start: point.end - point.number.length, end: point.end, text: point.number }, ...listedNumbers(text, point.end, point.word)];
  return namesElsewhere(text, numbers[numbers.length - 1]!.end, point.word) ? null : numbers;
}

/** ", point", ", points", ", subparagraph" before a number in parentheses, after a clause reference. */
const COMMA_POINT = /,?[^\S\n\r]*(?=(?:points?|subparagraphs?)[^\S\n\r]*\()/iy;

/** A paragraph number at `i` ("2", "2(a)"), with where it ends. */
function paragraphNumberAt(text: string, i: number): { text: string; end: number } | null {
  PARAGRAPH_NUMBER.lastIndex = i;
  const found = PARAGRAPH_NUMBER.exec(text);
  return found ? { text: found[0], end: i + found[0].length } : null;
}

const PARAGRAPH_NUMBER = /\d+[a-z]?(?:\([0-9a-z]+\))*(?![0-9a-z])/iy;

function isUpperCase(c: number): boolean {
  return c >= 65 && c <= 90;
}
