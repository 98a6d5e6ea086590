/**
 * DossierApi: the one interface through which a user interface reaches a dossier.
 *
 * Three transports carry it and the renderer cannot tell them apart: Electron IPC (the preload exposes one
 * method per operation as `window.parley`), the local web server (`parley serve`, JSON over HTTP), and
 * direct calls in unit tests. Everything that crosses it is plain data (see src/model).
 */
import type { ComparisonJson } from './compare/contract.js';
import type { ClauseHistoryJson } from './compare/history.js';
import type { ThreeWayJson } from './compare/three-way-json.js';
import type { Diagnostic } from './format/diagnostic.js';
import type { PartyInfo, VersionEntry } from './model/dossier.js';
import type { Draft, DraftStatus, PartyId } from './model/draft.js';

/** A tabled version by number, or the working draft. */
export type DraftRef = number | 'working';

/** What the app, the command line and the Word notes call a version that has no label of its own: "v3", "working draft". */
export function draftRefName(ref: DraftRef): string {
  return ref === 'working' ? 'working draft' : `v${ref}`;
}

/**
 * "v3 — Joint text after the Brussels round", for the line that introduces a version; a working draft without a
 * label of its own (one made by `parley import`) is just "working draft", not "working draft — working draft".
 */
export function versionTitle(v: { version: DraftRef; label: string }): string {
  const name = draftRefName(v.version);
  return v.label && v.label.toLowerCase() !== name ? `${name} — ${v.label}` : name;
}

export interface DossierSummary {
  /** Folder name, for the window title. */
  name: string;
  title: string;
  parties: PartyInfo[];
  topics: string[];
  versions: VersionEntry[];
  /** Opened without the write lock (another window holds it): every write is refused. */
  readOnly: boolean;
  /** Set when unsaved work from an interrupted session was restored; the UI says so. */
  recovered: { savedAt: string } | null;
  /** Plain sentences about what opening found and did. */
  notices: string[];
}

export interface DraftDocument {
  ref: DraftRef;
  draft: Draft;
  /** Problems found reading the file (the draft is still usable). */
  diagnostics: Diagnostic[];
}

export interface TableRequest {
  label: string;
  by: PartyId;
  status?: DraftStatus;
  date?: string;
}

/** A version just tabled: its manifest entry, and whether its text is the previous version's unchanged. */
export interface TabledVersion extends VersionEntry {
  /** The version whose text this one repeats unchanged (only its label, party, status or date are new); absent otherwise. */
  sameTextAs?: number;
}

export interface ProgressEvent {
  /** What is being done, for the progress indicator ("Comparing 2,000 clauses"). */
  task: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
}

export interface DossierApi {
  summary(): Promise<DossierSummary>;
  readDraft(ref: DraftRef): Promise<DraftDocument>;
  /** Save the working draft (atomically); returns the new summary-independent save time. */
  saveWorking(draft: Draft): Promise<{ savedAt: string }>;
  /** Record unsaved edits in the crash-recovery journal; cheap, called as the user types. */
  autosaveWorking(draft: Draft): Promise<void>;
  /** Table the saved working draft as the next version. */
  tableVersion(request: TableRequest): Promise<TabledVersion>;
  /** Compare two drafts of the dossier; the result is the `parley diff --format json` contract. */
  compare(oldRef: DraftRef, newRef: DraftRef): Promise<ComparisonJson>;
  /**
   * The same comparison as a Word document with tracked changes (`parley diff --format docx`), in the name of the
   * party that tabled the newer version: its bytes, base64 (plain data over every transport). With `legalNotes`,
   * a margin comment on each clause with a change in law lists them (`--legal-notes`).
   */
  wordRedline(oldRef: DraftRef, newRef: DraftRef, options?: { legalNotes?: boolean }): Promise<{ base64: string }>;
  /**
   * A draft brought in from outside (Import Draft) as a draft of this dossier, as `parley import` makes it:
   * each clause takes the id (and topics) of the clause it aligns with in the latest tabled version, new
   * clauses new ids; the front matter is the dossier's title and parties. Nothing is saved.
   */
  inheritIds(draft: Draft): Promise<InheritedDraft>;
  /**
   * One clause through every tabled version and the working draft as saved, as `parley history --format json`
   * gives it: its text in each, each change redlined against its previous appearance with the party that tabled
   * it and what it changed in law, and where it is absent, why (split, merged, deleted, not yet there). The id
   * '' asks for the title block (the text before the first clause: an imported draft's parties and date), as
   * `parley history --title-block` gives it. An id that no version holds fails with code "not-found".
   */
  clauseHistory(clauseId: string): Promise<ClauseHistoryJson>;
  /**
   * Two drafts against a common base, clause by clause, as `parley diff --base BASE DOSSIER FIRST SECOND --format
   * json` gives it: each clause changed by the first side only, the second only, both the same way, or both
   * differently (a conflict, with what stands between the two sides and, where their changes do not overlap,
   * the text with both). The working draft is read as saved.
   */
  threeWay(base: DraftRef, first: DraftRef, second: DraftRef): Promise<ThreeWayJson>;
}

/** What inheritIds gives back: the draft, and what became of the ids (for the user's notice). */
export interface InheritedDraft {
  draft: Draft;
  /** The tabled version whose ids were inherited; null when nothing is tabled yet (the ids stay as generated). */
  fromVersion: number | null;
  /** Clauses that kept the id of their counterpart. */
  kept: number;
  /** Ids given to clauses new in the imported draft. */
  fresh: string[];
  /** Ids of the latest version that no imported clause took (deleted or merged away). */
  dropped: string[];
  /**
   * Clauses of earlier versions that the latest dropped and the imported draft puts back, each with its old id
   * again and the version it returns from (newest holding it).
   */
  restored: { id: string; version: number }[];
}

/** Errors cross transports as data: a code a UI can act on and a sentence a person can read. */
export interface ApiErrorData {
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message };
  }
}
