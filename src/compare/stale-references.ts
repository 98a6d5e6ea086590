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
 * this runs over every clause the drafts share), and only in the equal runs of the redline of a clause both
 * drafts hold: a reference inserted or rewritten, or in an inserted clause, was written for the new numbering.
 * Not read as stale: a label that several clauses share in either draft (parts that restart their numbering), a
 * reference that goes on to name another instrument or clause ("Article 4 of the Convention", "Articles 9 and
 * 10 of the Convention", "Article XX of GATT 1994": reference-map.ts, namesElsewhere), and references to
 * provisions ("paragraph 2", lowercase), which name a provision of their own clause, not a clause.
 */
import type { ClauseChange, FlatClause } from './align.js';
import { referenceAt, referenceWords } from './normalize.js';
import { labelKey, namesElsewhere, PROVISION_KINDS, referenceKey } from './reference-map.js';

export interface StaleReference {
  /** The reference as the new draft writes it ("Article 2"). */
  text: string;
  /** The old clause it named (an index into the old clauses). */
  named: number;
  /** Where that clause stands in the new draft: empty when it was deleted. */
  now: readonly number[];
  /** The new clause the same words name now, or -1 when they name none. */
  names: number;
  /**
   * Where the reference stands in the clause's new text (the redline's equal and inserted runs joined): each
   * place, in reading order, as written there ("Article 2", "Art. 2"). The same words elsewhere in the clause
   * may be a reference renumbered correctly, or one that names another instrument; those are not listed.
   */
  places: TextPlace[];
}

/** A label whose clause moved: the old clause it named, where that went, what the label names now. */
type Moved = Omit<StaleReference, 'text' | 'places'>;

/** A stretch of a text: from `start` up to `end` (UTF-16 offsets). */
export interface TextPlace {
  start: number;
  end: number;
}

/**
 * Calls `found` with the key, the words as written and their offset in the text, for each reference of the
 * moved labels' kinds in a text.
 */
type Finder = (text: string, found: (key: string, text: string, at: number) => void) => void;

/** A label held by more than one clause of a draft: no reference to it says which. */
const SHARED = -2;

const NONE: readonly StaleReference[] = [];

/** The references to labels that changed meaning, as found in redlines. */
export class StaleReferences {
  private constructor(private readonly moved: ReadonlyMap<string, Moved>, private readonly find: Finder) {}

  /** The finder for an alignment, or null when no label names another clause than before (nothing to find). */
  static of(oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], changes: readonly ClauseChange[]): StaleReferences | null {
    const moved = movedLabels(oldClauses, newClauses, changes);
    return moved.size === 0 ? null : new StaleReferences(moved, referenceFinder(moved));
  }

  /**
   * The stale references in the redline of a clause both drafts hold, in its equal runs, each label once (with every
   * place it stands), in reading order.
   */
  inRedline(ops: readonly { op: string; text: string }[]): readonly StaleReference[] {
    const found = new Found(this.moved);
    let offset = 0;
    for (const op of ops) {
      if (op.op === 'delete') continue;
      if (op.op === 'equal') {
        const start = offset;
        this.find(op.text, (key, text, at) => found.add(key, text, start + at));
      }
      offset += op.text.length;
    }
    return found.list();
  }

  /**
   * The stale references of a clause the comparison calls unchanged: its text reads as the old one, its
   * cross-references renumbered as the drafts were (align.ts), so the k-th reference of one text is the k-th
   * of the other, and a reference is kept where its number is.
   */
  inUnchanged(oldText: string, newText: string): readonly StaleReference[] {
    if (oldText === newText) return this.inRedline([{ op: 'equal', text: newText }]);
    const before: string[] = [];
    this.find(oldText, (key) => before.push(key));
    const found = new Found(this.moved);
    let k = 0;
    this.find(newText, (key, text, at) => {
      if (before[k++] === key) found.add(key, text, at);
    });
    return found.list();
  }
}

/** The stale references of one clause as they are found: one per label, with every place it stands. */
class Found {
  private readonly byKey = new Map<string, StaleReference>();
  constructor(private readonly moved: ReadonlyMap<string, Moved>) {}

  add(key: string, text: string, at: number): void {
    const moved = this.moved.get(key);
    if (!moved) return;
    const known = this.byKey.get(key);
    const place = { start: at, end: at + text.length };
    if (known) known.places.push(place);
    else this.byKey.set(key, { text, ...moved, places: [place] });
  }

  list(): readonly StaleReference[] {
    return this.byKey.size === 0 ? NONE : [...this.byKey.values()];
  }
}

/** The labels that name another clause in the new draft than in the old (or none), by reference key. */
function movedLabels(oldClauses: readonly FlatClause[], newClauses: readonly FlatClause[], changes: readonly ClauseChange[]): Map<string, Moved> {
  const partners: (readonly number[])[] = oldClauses.map(() => NO_CLAUSES);
  for (const change of changes) for (const i of change.old) partners[i] = change.new;
  const newByKey = byLabelKey(newClauses);
  const moved = new Map<string, Moved>();
  for (const [key, i] of byLabelKey(oldClauses)) {
    if (i === SHARED) continue;
    const names = newByKey.get(key) ?? -1;
    if (names === SHARED || partners[i]!.includes(names)) continue;
    moved.set(key, { named: i, now: partners[i]!, names });
  }
  return moved;
}

const NO_CLAUSES: readonly number[] = [];

function byLabelKey(clauses: readonly FlatClause[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clauses) {
    const key = labelKey(c.label);
    if (key !== null) out.set(key, out.has(key) ? SHARED : c.index);
  }
  return out;
}

/**
 * A reader of the references of the moved labels' kinds in a text: the regular expression finds their reference
 * words ("Article", "Articles", "Art" for articles), and referenceAt reads each as the comparison's keys do.
 * References that go on to name another instrument or clause (namesElsewhere) are left out.
 */
function referenceFinder(moved: ReadonlyMap<string, Moved>): Finder {
  const kinds = new Set([...moved.keys()].map((key) => key.slice(0, key.indexOf(' '))));
  // Longer words first, so that "articles" is not read as "article".
  const words = [...kinds].flatMap(referenceWords).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi');
  return (text, found) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const reference = referenceAt(text, m.index);
      if (reference === null) continue;
      pattern.lastIndex = reference.end;
      // "paragraph 2" names a provision of the clause it stands in; "Paragraph 2", capitalised as a heading
      // is, may name a clause labelled so (memoranda number their clauses "Paragraph 1", "Paragraph 2", …).
      if (PROVISION_KINDS.has(reference.word) && !isUpperCase(text.charCodeAt(m.index))) continue;
      const key = referenceKey(reference);
      if (!namesElsewhere(text, reference.end)) found(key, text.slice(m.index, reference.end), m.index);
    }
  };
}


function isUpperCase(c: number): boolean {
  return c >= 65 && c <= 90;
}
