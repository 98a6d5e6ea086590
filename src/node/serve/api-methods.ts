/**
 * The names of the DossierApi operations, as data: the HTTP server routes `POST /api/<method>` by them, and the
 * Electron main process and preload register one IPC channel `parley:<method>` per name.
 *
 * Pure (no Node imports) so that the sandboxed Electron preload can bundle it.
 */
import type { DossierApi } from '../../api.js';

export const DOSSIER_API_METHODS = [
  'summary',
  'readDraft',
  'saveWorking',
  'autosaveWorking',
  'tableVersion',
  'compare',
  'wordRedline',
  'inheritIds',
  'clauseHistory',
  'threeWay',
] as const;

export type DossierApiMethod = (typeof DOSSIER_API_METHODS)[number];

// Compile-time guard: the list and the interface name exactly the same operations. If a method is added to
// DossierApi and not here (or the reverse), one of these two lines stops compiling.
type Missing = Exclude<keyof DossierApi, DossierApiMethod>;
type Extra = Exclude<DossierApiMethod, keyof DossierApi>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
const noUnknownMethod: [Extra] extends [never] ? true : Extra = true;
void everyMethodListed;
void noUnknownMethod;

export function isDossierApiMethod(name: string): name is DossierApiMethod {
  return (DOSSIER_API_METHODS as readonly string[]).includes(name);
}

/** The IPC channel of an operation in the Electron shell. */
export function ipcChannel(method: DossierApiMethod): string {
  return `parley:${method}`;
}

/** The IPC channel on which the main process sends menu commands to the renderer. */
export const MENU_CHANNEL = 'parley:menu';

/**
 * What the desktop menus ask of the renderer (through `window.parley.onMenu`). Menu items the main process can
 * do alone (open, new dossier, close, cut/copy/paste) are not here.
 */
export type MenuCommand =
  | 'undo' | 'redo' | 'find'
  | 'view-draft' | 'view-compare' | 'view-positions'
  /** The clause at the cursor through every version (the History dialog). */
  | 'clause-history'
  /** Two drafts against a common base (the Three-way dialog of the compare view). */
  | 'three-way'
  | 'table-version'
  /** The comparison shown, saved as an HTML redline or a Word one, with legal notes or without (the renderer hands it to a download). */
  | 'save-redline' | 'save-redline-word' | 'save-redline-word-notes'
  /** payload: ImportedDraftFile */
  | 'import-draft';

/** The payload of 'import-draft': a file the user picked, read by the main process (the renderer cannot). */
export interface ImportedDraftFile {
  fileName: string;
  text: string;
  /** 'auto' for a text file (told by its name and content); what a Word document or a web page was converted to. */
  format: 'auto' | 'markdown' | 'text';
  /** A converted Word document's: the document paragraph of each paragraph of `text`, for what the import reports. */
  paragraphs?: number[];
  /** A converted Word document's paragraphs with italic or bold, marked (applyRunStyles gives the draft their style). */
  styled?: string[];
  /** Sentences the user should read with the import (a Word document's tracked changes, read as accepted). */
  notes?: string[];
}

/**
 * `window.parley` in the desktop application: the DossierApi plus the menu subscription. A failed call rejects
 * with a plain object `{ name: 'ApiError', code, message }` (Electron's contextBridge drops the extra fields of
 * an Error), the same two fields an ApiError of the HTTP transport has.
 */
export type ParleyBridge = DossierApi & {
  onMenu(callback: (command: MenuCommand, payload?: unknown) => void): () => void;
};
