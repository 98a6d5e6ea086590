/**
 * The clause model: what one tabled version of an instrument is, independent of how it is stored.
 *
 * A Draft is plain data (no classes, no cycles) so that it can cross IPC and HTTP unchanged, be compared
 * with deep equality in tests, and be produced by any importer. Numbering is presentation: a clause's
 * identity is its `id`, never its `label`.
 */

/** A party's short identifier, as the draft's front matter lists it ("EU", "US"). */
export type PartyId = string;

/** Where a party stands on a clause. */
export type Stance = 'supports' | 'proposes' | 'opposes' | 'reserves' | 'ad-ref';
export const STANCES: readonly Stance[] = ['supports', 'proposes', 'opposes', 'reserves', 'ad-ref'];

/** The procedural status of a tabled text. */
export type DraftStatus = 'draft' | 'non-paper' | 'chair-text' | 'ad-ref' | 'agreed' | 'signed';
export const DRAFT_STATUSES: readonly DraftStatus[] = ['draft', 'non-paper', 'chair-text', 'ad-ref', 'agreed', 'signed'];

/** Front matter of a draft. Field order here is the canonical order on disk. */
export interface DraftMeta {
  title: string;
  /** Party id → full name, in the order the draft lists them. */
  parties: Record<PartyId, string>;
  version?: number;
  label?: string;
  tabledBy?: PartyId;
  /** ISO date, kept as written (YYYY-MM-DD). */
  date?: string;
  status?: DraftStatus;
  /** Keys Parley does not know, kept so that nothing a user wrote is lost. */
  extra?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// Inline content

export interface Text { type: 'text'; value: string }
export interface Emphasis { type: 'emphasis'; children: Inline[] }
export interface Strong { type: 'strong'; children: Inline[] }
/**
 * Language that is not agreed, proposed by one party. Adjacent brackets (nothing between them) are
 * alternatives: `:bracket[shall]{by="EU"}:bracket[intends to]{by="US"}`.
 */
export interface Bracket { type: 'bracket'; by: PartyId; children: Inline[] }
export interface InlineCode { type: 'inlineCode'; value: string }
export interface Break { type: 'break' }
/**
 * Inline Markdown Parley does not model (links, images, footnote references, HTML): kept verbatim as the
 * source text so that it survives a round trip.
 */
export interface RawInline { type: 'rawInline'; value: string }

export type Inline = Text | Emphasis | Strong | Bracket | InlineCode | Break | RawInline;

// ---------------------------------------------------------------------------------------------------------
// Block content

export interface Paragraph { type: 'paragraph'; children: Inline[] }
export interface ListItem { type: 'listItem'; spread: boolean; children: Block[] }
/** A Markdown list. Ordered list items are the draft's numbered paragraphs. */
export interface List {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list; null for bullets. */
  start: number | null;
  spread: boolean;
  children: ListItem[];
}
/** A party's position on the clause that contains it, with an explanatory note. */
export interface Position { type: 'position'; party: PartyId; stance: Stance; children: Block[] }
export interface Blockquote { type: 'blockquote'; children: Block[] }
/** Block Markdown Parley does not model (tables, code, HTML, rules, footnote definitions): kept verbatim. */
export interface RawBlock { type: 'rawBlock'; value: string }

export type Block = Paragraph | List | Position | Blockquote | RawBlock;

// ---------------------------------------------------------------------------------------------------------
// Clauses and drafts

/**
 * One clause: a heading and what follows it up to the next heading of the same or a higher level.
 *
 * The heading reads `label — title {#id .topic}`; either of label and title may be empty, not both.
 */
export interface Clause {
  /** Stable identity across every version of a dossier. */
  id: string;
  /** Heading level, 1–6. Children have a greater level. */
  level: number;
  /** The number as the draft writes it: "Article 3bis", "Paragraph 4", "Section II", "4.1", "5". */
  label: string;
  /** The clause title, plain text ("No export restrictions"); may be empty. */
  title: string;
  /** Topic classes from the dossier's taxonomy. */
  topics: string[];
  body: Block[];
  children: Clause[];
}

export interface Draft {
  meta: DraftMeta;
  /** Content before the first heading (usually empty in Parley files; the title block of imported texts). */
  front: Block[];
  clauses: Clause[];
  /**
   * Set on a draft read from a source that says nothing of italic or bold (a plain-text draft; a Word document
   * whose italic and bold could not all be given back to its paragraphs, format/import/word-run-styles.ts): its
   * text has none, or not all, which is no change of formatting. The comparison does not compare formatting
   * against it (compare/formatting.ts). Not written to disk.
   */
  unformatted?: boolean;
  /**
   * Set on an imported draft whose text gives it no title: its title is its file's name, which says nothing of
   * the instrument, and the comparison does not compare it (compare.ts). Not written to disk.
   */
  untitled?: boolean;
}
