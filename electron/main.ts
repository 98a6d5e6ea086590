/**
 * The Electron main process: one window, the menus, the dialogs, and the DossierApi carried over IPC. All
 * dossier logic is in src/node/dossier-api.ts; this file only wires it to the desktop.
 *
 * Security, after Electron's checklist: the renderer runs sandboxed with context isolation and no Node; it is
 * loaded from parley://app/ (a privileged custom protocol serving dist/renderer/ only, never file://) under a
 * strict Content-Security-Policy; navigation away, new windows, webviews, permission requests and every
 * http(s)/ws(s)/file request are refused; each IPC call is answered only if it comes from a parley://app frame.
 *
 * Built by scripts/build-electron.mjs into dist/electron/main.cjs (with preload.cjs beside it).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { basename, join } from 'node:path';
import { ApiError } from '../src/api.js';
import type { PartyInfo } from '../src/model/dossier.js';
import { openDossierApi, toApiError, type LocalDossierApi } from '../src/node/dossier-api.js';
import { createDossier } from '../src/node/dossier/store.js';
import { DOSSIER_API_METHODS, ipcChannel, MENU_CHANNEL, type MenuCommand } from '../src/node/serve/api-methods.js';
import { CONTENT_SECURITY_POLICY } from '../src/node/serve/security.js';
import { readStaticFile } from '../src/node/serve/static-files.js';
import { dossierFromArgs, ensureSampleCopy, forgetRecent, readRecent, rememberRecent } from '../src/node/desktop/dossier-locations.js';
import { readImportFile } from '../src/node/desktop/import-file.js';
import { buildMenu } from './menu.js';

const SCHEME = 'parley';
const APP_HOST = 'app';
const START_URL = `${SCHEME}://${APP_HOST}/index.html`;

// dist/electron/main.cjs → the project (or the packaged app) two levels up.
const ROOT = join(__dirname, '..', '..');
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');
const FIXTURE = app.isPackaged ? join(process.resourcesPath, 'rare-earths-mou') : join(ROOT, 'fixtures', 'rare-earths-mou');

const DEFAULT_PARTIES: PartyInfo[] = [
  { id: 'A', name: 'Party A', colour: '#1f4e9c' },
  { id: 'B', name: 'Party B', colour: '#b22234' },
];

let window: BrowserWindow | null = null;
let dossier: LocalDossierApi | null = null;
let recent: string[] = [];
const recentFile = () => join(app.getPath('userData'), 'recent.json');

// Must precede 'ready': a standard, secure scheme gets a real origin, web storage, fetch and the CSP like https;
// corsEnabled because module scripts (<script type="module">) are fetched in CORS mode.
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance gets 'second-instance' and focuses its window
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const dir = dossierFromArgs(argv.slice(1), workingDirectory);
    if (dir) void openDossierInWindow(dir);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.whenReady().then(start, (error: unknown) => fail('Parley could not start', error));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!dossier) return;
    // Release the dossier's write lock before the process ends; then quit for real.
    event.preventDefault();
    const closing = dossier;
    dossier = null;
    void closing.close().finally(() => app.quit());
  });
}

async function start(): Promise<void> {
  protocol.handle(SCHEME, serveRendererFile);
  refuseRemoteContent();
  registerIpc();
  recent = await readRecent(recentFile());
  refreshMenu();
  createWindow();
  const dir = dossierFromArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd()) ?? recent[0] ?? (await ensureSampleCopy(FIXTURE, app.getPath('userData')));
  await openDossierInWindow(dir);
}

function createWindow(): void {
  window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Parley',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => { window = null; });
}

/** Close the current dossier (releasing its lock), open another, and reload the interface on it. */
async function openDossierInWindow(dir: string): Promise<void> {
  let opened: LocalDossierApi;
  try {
    opened = await openDossierApi(dir);
  } catch (error) {
    dialog.showErrorBox('Parley could not open the dossier', toApiError(error, 'open the dossier').message);
    if (window && !dossier) await window.loadURL(START_URL); // an empty window still explains itself
    return;
  }
  await dossier?.close();
  dossier = opened;
  recent = await rememberRecent(recentFile(), opened.dir, recent).catch(() => recent);
  app.addRecentDocument(opened.dir);
  refreshMenu();
  if (window) {
    window.setTitle(`${basename(opened.dir)}${opened.readOnly ? ' (read-only)' : ''} — Parley`);
    await window.loadURL(START_URL);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Security

function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

async function serveRendererFile(request: Request): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  const url = new URL(request.url);
  const file = url.host === APP_HOST && request.method === 'GET' ? await readStaticFile(RENDERER_DIR, url.pathname) : null;
  if (!file) return new Response('Not found.', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => { if (!isAppUrl(url)) event.preventDefault(); });
  contents.on('will-redirect', (event, url) => { if (!isAppUrl(url)) event.preventDefault(); });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Parley works offline: the page may load nothing from the network or the disk except through parley://. */
function refuseRemoteContent(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] }, (_details, callback) => callback({ cancel: true }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

// ---------------------------------------------------------------------------------------------------------
// IPC: one channel per DossierApi method, answered as data ({ ok, value } or { ok: false, error }).

function registerIpc(): void {
  for (const method of DOSSIER_API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      try {
        if (!isAppUrl(event.senderFrame?.url ?? '')) throw new ApiError('forbidden', 'This request did not come from Parley\'s own window.');
        if (!dossier) throw new ApiError('no-dossier', 'No dossier is open: use File › Open… to open one.');
        const call = dossier[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await call.apply(dossier, args);
        return { ok: true, value: value === undefined ? null : value };
      } catch (error) {
        return { ok: false, error: toApiError(error, `carry out ${method}`).toJSON() };
      }
    });
  }
}

function sendToRenderer(command: MenuCommand, payload?: unknown): void {
  window?.webContents.send(MENU_CHANNEL, command, payload);
}

// ---------------------------------------------------------------------------------------------------------
// Menus and dialogs

function refreshMenu(): void {
  Menu.setApplicationMenu(buildMenu({
    newDossier: () => void newDossier(),
    openDossier: () => void chooseDossier(),
    openRecent: (dir) => void openDossierInWindow(dir),
    clearRecent: () => void forgetRecent(recentFile()).then(() => { recent = []; app.clearRecentDocuments(); refreshMenu(); }),
    importDraft: () => void importDraft(),
    closeWindow: () => window?.close(),
    about: () => void dialog.showMessageBox({ type: 'info', title: 'About Parley', message: `Parley ${app.getVersion()}`, detail: 'An offline editor for negotiating international instruments.' }),
    send: (command) => sendToRenderer(command),
  }, recent));
}

async function chooseDossier(): Promise<void> {
  const options = { title: 'Open dossier', properties: ['openDirectory' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (!result.canceled && result.filePaths[0]) await openDossierInWindow(result.filePaths[0]);
}

/** A new dossier takes its title from the folder name and the parties of the open dossier (editable in dossier.yaml). */
async function newDossier(): Promise<void> {
  const options = { title: 'New dossier', buttonLabel: 'Create', defaultPath: join(app.getPath('documents'), 'New negotiation') };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return;
  const parties = dossier ? (await dossier.summary()).parties : DEFAULT_PARTIES;
  try {
    await createDossier(result.filePath, { title: basename(result.filePath), parties });
  } catch (error) {
    dialog.showErrorBox('Parley could not create the dossier', toApiError(error, 'create the dossier').message);
    return;
  }
  await openDossierInWindow(result.filePath);
}

/** The renderer cannot read files (sandbox): the main process reads the chosen one and hands over its text. */
async function importDraft(): Promise<void> {
  const options = {
    title: 'Import draft',
    properties: ['openFile' as const],
    filters: [{ name: 'Drafts', extensions: ['md', 'txt', 'docx', 'html', 'htm'] }, { name: 'All files', extensions: ['*'] }],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = result.filePaths[0];
  if (result.canceled || !file) return;
  try {
    sendToRenderer('import-draft', await readImportFile(file));
  } catch (error) {
    dialog.showErrorBox('Parley could not read the draft', error instanceof Error ? error.message : String(error));
  }
}

function fail(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
