/**
 * What the user interface does only in an ordinary browser (served by `parley serve`), where the desktop shell's
 * File menu and window are missing:
 *   - Import Draft: an "Import…" button beside Save (and Ctrl+I), a file picker, and files dropped on the page.
 *     The file's bytes go to the local server, which reads them as the desktop application reads a file (a Word
 *     document converted there); the host then puts the text into the editor.
 *   - Leaving the page: a file dropped on it would replace the page (the browser opens it), so it is imported
 *     instead; and leaving with keystrokes not yet in the autosave journal (written a second after the last
 *     one) asks first. Everything older is restored when the page is opened again.
 * The desktop shell refuses navigation, and its menus carry Import Draft.
 */
import type { DossierApi } from '../src/api.js';
import { h } from './dom.js';
import { keyLabel } from './editor.js';
import { describeError } from './errors.js';
import { IMPORT_ACCEPT, MAX_IMPORT_BYTES, type ImportedFile, type WebImport } from './imported-file.js';

/** Import Draft's shortcut, as the desktop application's File menu has it (electron/menu.ts). */
const IMPORT_KEY = 'Mod-i';

/** What the page lends this module. */
export interface BrowserPageHost {
  readOnly: boolean;
  notice(text: string, kind: 'info' | 'warning' | 'error'): void;
  /** Show a message while a file is read; the returned function takes it away. */
  progress(text: string): () => void;
  /** Put an imported file into the editor (asks first; App.importDraft). */
  importDraft(file: ImportedFile): Promise<void>;
  /** Whether there are keystrokes not yet in the autosave journal. */
  unsavedKeystrokes(): boolean;
}

export interface BrowserPage {
  /** The "Import…" button (and its hidden file picker), for the header; null in a read-only window. */
  importArea: HTMLElement | null;
  /** Open the file picker (the Ctrl+I shortcut); null in a read-only window. */
  openImport: (() => void) | null;
}

/** The browser's part of the page, or null when the page runs in the desktop shell (or without the HTTP transport). */
export function browserPage(api: DossierApi, host: BrowserPageHost): BrowserPage | null {
  const web = api as DossierApi & Partial<WebImport> & { onMenu?: unknown };
  if (typeof web.importFile !== 'function' || web.onMenu) return null;
  const webImport = web as DossierApi & WebImport;
  const button = host.readOnly ? null : h('button', { type: 'button', id: 'import', title: `Replace the working draft with a draft file: Markdown, plain text or Word .docx (${keyLabel(IMPORT_KEY)})` }, 'Import…');
  const picker = h('input', { type: 'file', id: 'import-file', accept: IMPORT_ACCEPT, hidden: true, 'aria-hidden': 'true', tabindex: '-1' }) as HTMLInputElement;
  let reading = false;
  const importFile = async (file: File): Promise<void> => {
    if (host.readOnly) {
      host.notice(`${file.name} was not imported: this window is read-only (the dossier is open in another one).`, 'error');
      return;
    }
    if (reading) return;
    if (file.size > MAX_IMPORT_BYTES) {
      host.notice(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; Parley reads drafts of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB (a 2,000-article treaty is about 3.4 MB). Is this the right file?`, 'error');
      return;
    }
    reading = true;
    button?.setAttribute('disabled', '');
    const done = host.progress(`Reading ${file.name}…`);
    let read: ImportedFile;
    try {
      read = await webImport.importFile(file.name, await file.arrayBuffer());
    } catch (error) {
      host.notice(describeError(error), 'error');
      return;
    } finally {
      done();
      reading = false;
      button?.removeAttribute('disabled');
    }
    await host.importDraft(read);
  };
  const openImport = () => {
    if (!reading) picker.click();
  };
  button?.addEventListener('click', openImport);
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    picker.value = ''; // the same file may be chosen again
    if (file) void importFile(file);
  });

  window.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = host.readOnly ? 'none' : 'copy';
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void importFile(file);
  });
  window.addEventListener('beforeunload', (event) => {
    if (!host.unsavedKeystrokes()) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });

  return button ? { importArea: h('span', { class: 'import-area' }, button, picker), openImport } : { importArea: null, openImport: null };
}
