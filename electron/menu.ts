/**
 * The native menus. Items the main process can carry out alone (open, new, close, clipboard) call back into
 * main.ts; items that act on the document are sent to the renderer as MenuCommands.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../src/node/serve/api-methods.js';

export interface MenuActions {
  newDossier(): void;
  openDossier(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  importDraft(): void;
  closeWindow(): void;
  about(): void;
  /** Send a command to the renderer of the focused window. */
  send(command: MenuCommand): void;
}

export function buildMenu(actions: MenuActions, recent: readonly string[]): Menu {
  const isMac = process.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((dir): MenuItemConstructorOptions => ({ label: `${basename(dir)} — ${dir}`, click: () => actions.openRecent(dir) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent dossiers', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Dossier…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newDossier() },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDossier() },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Import Draft…', accelerator: 'CmdOrCtrl+I', click: () => actions.importDraft() },
        { label: 'Table Version…', accelerator: 'CmdOrCtrl+T', click: send('table-version') },
        // The comparison shown in the Compare view, for circulation (the download asks where).
        { label: 'Save Redline as Web Page…', accelerator: 'CmdOrCtrl+Shift+E', click: send('save-redline') },
        { label: 'Save Redline as Word Document…', click: send('save-redline-word') },
        { label: 'Save Redline as Word Document with Legal Notes…', click: send('save-redline-word-notes') },
        { type: 'separator' },
        { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeWindow() },
        ...(isMac ? [] : [{ role: 'quit' as const }]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo and redo belong to the editor's own history (ProseMirror), not to the page's execCommand.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Draft', accelerator: 'CmdOrCtrl+1', click: send('view-draft') },
        { label: 'Compare', accelerator: 'CmdOrCtrl+2', click: send('view-compare') },
        { label: 'Positions', accelerator: 'CmdOrCtrl+3', click: send('view-positions') },
        { type: 'separator' },
        // The clause at the cursor through every version (the renderer saves unsaved edits first).
        { label: 'Clause History…', accelerator: 'CmdOrCtrl+Shift+H', click: send('clause-history') },
        // Two drafts against a common base: what each side changed since, and where they conflict.
        { label: 'Three-way Comparison…', click: send('three-way') },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'About Parley', click: () => actions.about() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
