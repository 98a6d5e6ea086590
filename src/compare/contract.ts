/**
 * The comparison result as `parley diff --format json` writes it. Tools outside the project rely on this
 * shape (issue 3 fixes it): add fields if needed, never rename or remove one.
 */

export type ChangeKindJson = 'unchanged' | 'edited' | 'inserted' | 'deleted' | 'split' | 'merged';

export interface ClauseRefJson {
  id: string;
  /** The number as the draft writes it ("Article 3bis", "Section II", "4.1", "5"). */
  label: string;
  title: string;
  /** Labels of the enclosing clauses. */
  path: string[];
  /**
   * On the clauses of a split's new side and of a merge's old side: where this clause's text begins in the
   * words of its side (the texts of the clauses joined by line breaks; 0 for the first), so that a reader of
   * the redline can be shown where each part begins (redline-parts.ts).
   */
  start?: number;
}

export interface ProvisionChangeJson {
  kind: ChangeKindJson;
  moved: boolean;
  renumbered: boolean;
  old: string | null;
  new: string | null;
  similarity: number;
  /** On the entries of a provision split or merge (one entry per part): a number they share, 1, 2, … within the clause. */
  group?: number;
  /**
   * When the clause change has several old (a merge) or new clauses (a split): the id of the clause the old
   * or new provision belongs to, since its label ("1") alone does not say which.
   */
  oldClause?: string;
  newClause?: string;
}

export interface LegalChangeJson {
  type: 'obligation' | 'figure' | 'date' | 'defined-term' | 'party';
  /**
   * The words before and after, as written. A group of bracketed alternatives holding such items is quoted
   * whole ("[shall][will]", "[thirty (30)][sixty (60)]"): legal-alternatives.ts.
   */
  old: string | null;
  new: string | null;
  /** Obligations only; none for a group of alternatives of several strengths. */
  direction?: 'stronger' | 'weaker' | 'same';
  /**
   * Obligations only: the obligation turned into its opposite ("shall" → "shall not", "may" → "shall not",
   * "not legally binding" → "legally binding"), which has no `direction`. Absent otherwise; not for a group of
   * alternatives of several strengths.
   */
  reversed?: true;
  /** The value is the same, only written differently ("6 months" → "six months"). */
  cosmetic?: boolean;
  /**
   * Figures and dates: the same words taken out of one place of a paragraph and written in another of it. The
   * value is unchanged; what it attaches to may not be. Listed once, old and new both given.
   */
  moved?: true;
  /**
   * The party whose bracketed proposal the change comes from (its bracket's `by`, as the draft writes it), when
   * one side is a group of alternatives and the other plain wording: a group settled on one of its
   * alternatives ("[shall][will]" → "will"), the party of that alternative; a group opened beside the old
   * wording ("will not" → "[shall not][will not]"), the party of the alternatives that do not keep it, when
   * they are all one party's. Absent for a compromise that takes no alternative ("[thirty (30)][sixty (60)]"
   * → "forty-five (45)"), for unattributed and for literal brackets (typed as text).
   */
  proposedBy?: string;
  /**
   * For an item in a row of a table (a schedule): the row's name, its first filled cell ("8112.92"), cut after
   * forty characters; absent elsewhere, and for the row's name itself.
   */
  row?: string;
}

/** How a stretch of text is set, in a change of formatting only (WordOpJson.style). */
export type TextStyleJson = 'plain' | 'italic' | 'bold' | 'bold italic';

export interface WordOpJson {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /**
   * Set on changes that differ only in whitespace, punctuation, case, quote style, British or American spelling
   * or formatting (`style`), and on the number of a list item or the label of a point renumbered by a provision
   * inserted, deleted or moved before it ("2" → "3", "(a)" → "(b)": the provision alignment paired it), and on
   * a cross-reference's number renumbered with the clause it names ("Article 2" → "Article 3" where Article 2
   * became Article 3: renumbered-references.ts), and on a footnote mark renumbered with a note that says the
   * same ("[4]" → "[5]": renumbered-footnotes.ts).
   */
  cosmetic?: boolean;
  /**
   * Set on the text of a provision moved within its clause: on a delete, text that stood here and stands
   * where the provision moved to; on an insert, text that came from where it stood (its item number or point
   * label goes with its place and may differ). The words that changed on the way are plain deletes and
   * inserts between them (as Word marks an edit inside moved text). The provision note (`provisions`, moved)
   * says from where to where. Also on a table row taken out and put in elsewhere word for word (each such row
   * an op of its own, the same text at both ends but for a line break), and on a sentence or phrase of six words
   * or more struck in one place of the clause and put in at another, word for word (the same words at both ends
   * but for the spacing and punctuation at their edges) or reworded (three quarters of its words kept: the words
   * it changed are plain deletes and inserts between its moved ones): moved-text.ts.
   */
  moved?: boolean;
  /**
   * Set on the delete and insert of a change of formatting only: the same text, set otherwise (italic or bold
   * added or taken away: "mutatis mutandis" → "*mutatis mutandis*"). The text's style on that side: `plain`,
   * `italic`, `bold` or `bold italic`. Such a change is also `cosmetic`.
   */
  style?: TextStyleJson;
}

export interface ClauseChangeJson {
  kind: ChangeKindJson;
  moved: boolean;
  renumbered: boolean;
  old: ClauseRefJson[];
  new: ClauseRefJson[];
  similarity: number;
  provisions: ProvisionChangeJson[];
  legal: LegalChangeJson[];
  /**
   * The clause text as a redline: equal, inserted and deleted runs in the new draft's reading order. Equal and
   * deleted texts rebuild the old text, equal and inserted the new. Within a change the deletion comes first;
   * a paragraph inserted or deleted whole is a change of its own, which the next paragraph's change (its new
   * number) may follow with no equal text between. Where the redline follows the provisions, a change that
   * runs past the end of a line is written as one op per line (each of the later ones opening its line), so
   * a reader may find two deletes, or two inserts, in a row: read them as one. An unchanged clause has one
   * equal run, or, where its cross-references or paragraph numbers were renumbered with the drafts, the
   * numbers as cosmetic deletes and inserts between equal runs.
   */
  words: WordOpJson[];
  /** Present when the title changed: the title as a redline. */
  titleWords?: WordOpJson[];
  /**
   * Present when the clause (the new text of a clause both drafts hold) keeps a cross-reference whose number
   * now names another clause, or none, because the clause it named was renumbered or deleted
   * (stale-references.ts): "Article 2" kept while old Article 2 became Article 3. Each label once, with
   * every place it stands.
   */
  staleReferences?: StaleReferenceJson[];
}

export interface StaleReferenceJson {
  /** The reference as the new draft writes it ("Article 2"). */
  text: string;
  /** The clause it named in the old draft. */
  named: ClauseRefJson;
  /** Where that clause stands in the new draft: empty when it was deleted, several when it was split. */
  now: ClauseRefJson[];
  /** The clause the same words name in the new draft; absent when they name none. */
  names?: ClauseRefJson;
  /**
   * For a reference to a paragraph ("paragraph 2 of Article 9", "Article 9(2)", or "paragraph 2" of the clause it
   * stands in), the clause being `named`: the paragraph's label in the old draft (`named`), in the new one
   * (`now`, absent when it was deleted), and the new paragraph the same number names (`names`, absent if none).
   */
  provision?: { named: string; now?: string; names?: string };
  /**
   * For a range whose two ends still name the clauses they named ("Articles 2 to 4", Articles 2 and 4 kept their
   * numbers; `named` is its first end) while the clauses between them changed: `added`, new clauses between its
   * ends that were not between them (put in, or moved in); `removed`, old clauses that stood between them and
   * went on elsewhere. A clause deleted from between them is in neither.
   */
  range?: { added: ClauseRefJson[]; removed: ClauseRefJson[] };
  /**
   * For a range of the paragraphs of clause `named` whose two ends stand ("paragraphs 2 to 4 of Article 9") while
   * the paragraphs between them changed: `added`, the labels of new paragraphs between its ends that were not
   * (put in, "2bis", or moved in and renumbered); `removed`, those of old paragraphs that moved away.
   */
  paragraphRange?: { added: string[]; removed: string[] };
  /**
   * Present when the reference was changed in the new draft, but not to the number its clause took ("Paragraph 9"
   * made "Paragraph 8" while Paragraph 9 became Paragraph 5): the words it replaced ("Paragraph 9"). It may be
   * meant to cite another clause; it no longer follows its own.
   */
  was?: string;
  /**
   * Each place the reference stands in the clause's new text — the `equal` and `insert` words joined (the
   * clause text when `words` is empty) — as UTF-16 offsets, `start` up to `end`, in reading order. The same
   * words elsewhere in the clause (a reference renumbered correctly, "Article 2 of the Convention") are not
   * listed.
   */
  places: { start: number; end: number }[];
}

export interface DraftSummaryJson {
  title: string;
  label: string;
  clauses: number;
}

export interface ComparisonJson {
  old: DraftSummaryJson;
  new: DraftSummaryJson;
  /**
   * The redline of the instrument's title, where the two drafts' own titles differ (a Memorandum become an
   * Agreement, another party named): not for a draft titled by its file's name (Draft.untitled).
   */
  titleWords?: WordOpJson[];
  /**
   * Present when the text before the first clause differs: the title block of an imported draft ("between the
   * Government of … and the Government of …", a date line), which no clause holds. Its redline and what
   * changed in law in it (a party named otherwise), as a clause's `words` and `legal`. Not where both drafts'
   * title blocks only restate their titles (in capitals, say): `titleWords` has that change.
   */
  front?: { words: WordOpJson[]; legal: LegalChangeJson[] };
  summary: Record<'unchanged' | 'edited' | 'inserted' | 'deleted' | 'split' | 'merged' | 'moved' | 'renumbered', number>;
  changes: ClauseChangeJson[];
}
