/**
 * The bundled Electron main process, run under Node against a recording stand-in for 'electron'
 * (tests/support/fake-electron.cjs): what it registers is called the way Electron would call it.
 * This checks the wiring — first-run copy, parley:// serving, sender checks, navigation and network refusals,
 * menus — that type-checking cannot; the real binary is exercised where it can be downloaded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SAMPLE_DOSSIER } from './support/fixture-copy.js';

type Handler = (...args: unknown[]) => unknown;
interface Fake {
  userData: string;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: Record<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Record<string, Handler>;
  windows: { options: { webPreferences: Record<string, unknown> }; title: string; webContents: { listeners(e: string): Handler[]; windowOpenHandler: Handler; sent: unknown[][] } }[];
  menu: { template: { label?: string; role?: string; submenu?: { label?: string; role?: string }[] }[] } | null;
  beforeRequest: { filter: { urls: string[] }; handler: Handler } | null;
  permissionRequest: Handler | null;
  errors: string[];
  loaded: string[];
}

let app: string; // a throw-away "project": dist/electron/main.cjs, dist/renderer/, fixtures/, node_modules/electron
let fake: Fake;

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'parley-electron-app-'));
  const { buildElectron } = (await import(join(PROJECT_ROOT, 'scripts', 'build-electron.mjs'))) as { buildElectron(outDir: string): Promise<{ main: string }> };
  const built = await buildElectron(join(app, 'dist', 'electron'));
  mkdirSync(join(app, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
  writeFileSync(join(app, 'dist', 'renderer', 'app.js'), 'void 0');
  writeFileSync(join(app, 'secret.txt'), 'not for the renderer');
  cpSync(SAMPLE_DOSSIER, join(app, 'fixtures', 'rare-earths-mou'), { recursive: true });
  mkdirSync(join(app, 'node_modules', 'electron'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'tests', 'support', 'fake-electron.cjs'), join(app, 'node_modules', 'electron', 'index.js'));

  const require = createRequire(built.main);
  fake = (require('electron') as { __fake: Fake }).__fake;
  fake.userData = join(app, 'userData');
  require(built.main);
  for (let i = 0; i < 200 && fake.loaded.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
});

afterAll(async () => {
  const quit: { preventDefault(): void } = { preventDefault: () => undefined };
  const electron = createRequire(join(app, 'dist', 'electron', 'main.cjs'))('electron') as { app: { emit(e: string, v: unknown): void } };
  electron.app.emit('will-quit', quit); // releases the dossier lock
  await new Promise((r) => setTimeout(r, 100));
  rmSync(app, { recursive: true, force: true });
});

function ipc(method: string, senderUrl: string | null, ...args: unknown[]) {
  const handler = fake.ipcHandlers[`parley:${method}`];
  if (!handler) throw new Error(`no IPC handler for ${method}`);
  return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args) as Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
}

describe('electron/main.ts (bundled, under a stand-in for electron)', () => {
  it('opens a copy of the sample dossier in the user data folder on first run', async () => {
    expect(fake.errors).toEqual([]);
    expect(fake.loaded).toEqual(['parley://app/index.html']);
    expect(existsSync(join(fake.userData, 'rare-earths-mou', 'dossier.yaml'))).toBe(true);
    expect(existsSync(join(fake.userData, 'rare-earths-mou', '.parley', 'lock'))).toBe(true);
    expect(existsSync(join(app, 'fixtures', 'rare-earths-mou', '.parley'))).toBe(false);
    expect(fake.windows[0]!.title).toBe('rare-earths-mou — Parley');
    expect(JSON.parse(readFileSync(join(fake.userData, 'recent.json'), 'utf8'))).toEqual([join(fake.userData, 'rare-earths-mou')]);
  });

  it('creates the window sandboxed, context-isolated, without Node', () => {
    const prefs = fake.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toBe(join(app, 'dist', 'electron', 'preload.cjs'));
    expect(fake.privilegedSchemes[0]).toMatchObject({ scheme: 'parley', privileges: { standard: true, secure: true } });
  });

  it('answers the DossierApi over IPC only to its own parley://app frames', async () => {
    const summary = await ipc('summary', 'parley://app/index.html');
    expect(summary.ok).toBe(true);
    expect(summary.value.name).toBe('rare-earths-mou');
    expect((await ipc('readDraft', 'parley://app/index.html', 1)).value.ref).toBe(1);
    expect((await ipc('readDraft', 'parley://app/index.html', 99)).error!.code).toBe('missing-file');
    // The Word redline crosses IPC as plain data: base64 of a .docx (a zip: "PK").
    const word = await ipc('wordRedline', 'parley://app/index.html', 1, 2);
    expect(Buffer.from(word.value.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    for (const sender of ['https://evil.example/', 'file:///etc/passwd', 'parley://other/index.html', null]) {
      const refused = await ipc('summary', sender);
      expect(refused, String(sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(Object.keys(fake.ipcHandlers).sort()).toEqual(
      ['autosaveWorking', 'clauseHistory', 'compare', 'inheritIds', 'readDraft', 'saveWorking', 'summary', 'tableVersion', 'threeWay', 'wordRedline'].map((m) => `parley:${m}`));
  });

  it('serves dist/renderer through parley://app with the CSP, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.parley!;
    const page = await handler(new Request('parley://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Parley</title>');
    expect((await handler(new Request('parley://app/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['parley://app/../../secret.txt', 'parley://app/%2e%2e/%2e%2e/secret.txt', 'parley://app/..%2f..%2fsecret.txt', 'parley://elsewhere/index.html']) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });

  it('refuses navigation away, new windows, network requests and permissions', () => {
    const contents = fake.windows[0]!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      for (const listener of contents.listeners('will-navigate')) listener({ preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('parley://app/index.html')).toBe(false);
    expect(contents.windowOpenHandler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(fake.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'file://*/*']));
    let cancelled: unknown;
    fake.beforeRequest!.handler({ url: 'https://example.org/' }, (r: unknown) => { cancelled = r; });
    expect(cancelled).toEqual({ cancel: true });
    let granted: unknown;
    fake.permissionRequest!({}, 'media', (g: boolean) => { granted = g; });
    expect(granted).toBe(false);
  });

  it('has the File, Edit, View and Help menus, and sends document commands to the renderer', () => {
    const template = fake.menu!.template;
    const labels = (name: string) => (template.find((m) => m.label === name || m.role === name)?.submenu ?? []).map((i) => i.label ?? i.role);
    expect(labels('File')).toEqual(expect.arrayContaining(['New Dossier…', 'Open…', 'Open Recent', 'Import Draft…', 'Table Version…', 'Close']));
    expect(labels('Edit')).toEqual(expect.arrayContaining(['Undo', 'Redo', 'cut', 'copy', 'paste', 'Find…']));
    expect(labels('View')).toEqual(expect.arrayContaining(['Draft', 'Compare', 'Positions']));
    expect(labels('help')).toEqual(['About Parley']);
    const compare = (template.find((m) => m.label === 'View')!.submenu! as { label?: string; click?: () => void }[]).find((i) => i.label === 'Compare')!;
    compare.click!();
    expect(fake.windows[0]!.webContents.sent.at(-1)).toEqual(['parley:menu', 'view-compare', undefined]);
    const history = (template.find((m) => m.label === 'View')!.submenu! as { label?: string; click?: () => void }[]).find((i) => i.label === 'Clause History…')!;
    history.click!();
    expect(fake.windows[0]!.webContents.sent.at(-1)).toEqual(['parley:menu', 'clause-history', undefined]);
    const threeWay = (template.find((m) => m.label === 'View')!.submenu! as { label?: string; click?: () => void }[]).find((i) => i.label === 'Three-way Comparison…')!;
    threeWay.click!();
    expect(fake.windows[0]!.webContents.sent.at(-1)).toEqual(['parley:menu', 'three-way', undefined]);
    // The redline saved three ways, each a command of its own for the compare view.
    const file = template.find((m) => m.label === 'File')!.submenu! as { label?: string; click?: () => void }[];
    for (const [label, command] of [['Save Redline as Web Page…', 'save-redline'], ['Save Redline as Word Document…', 'save-redline-word'],
      ['Save Redline as Word Document with Legal Notes…', 'save-redline-word-notes']]) {
      file.find((i) => i.label === label)!.click!();
      expect(fake.windows[0]!.webContents.sent.at(-1)).toEqual(['parley:menu', command, undefined]);
    }
  });
});
