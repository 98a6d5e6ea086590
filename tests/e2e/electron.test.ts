/**
 * End to end in the desktop application itself, through Playwright's Electron driver — wherever an Electron
 * binary is present. On machines that cannot download it (such as the CI machines of this project) the test
 * says it is skipped and why; the same renderer is tested in Chromium by app.test.ts.
 *
 * Flow: the shell opens a dossier given on the command line, shows its outline and versions through the
 * preload's window.parley (not the HTTP transport), edits and saves, and compares two versions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The Electron binary's path, or null when the package's binary was never downloaded. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.warn('Electron e2e tests skipped: no Electron binary in node_modules/electron (it could not be downloaded on this machine)');

describe.skipIf(!binary)('Parley in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let work = '';
  let dossier = '';

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--build-only'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
    work = await mkdtemp(join(tmpdir(), 'parley-electron-'));
    dossier = join(work, 'rare-earths-mou');
    await cp(join(ROOT, 'fixtures', 'rare-earths-mou'), dossier, { recursive: true });
    app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'dist', 'electron', 'main.cjs'), `--user-data-dir=${join(work, 'user-data')}`, dossier],
    });
    page = await app.firstWindow();
    await page.waitForSelector('.draft-text');
  });

  afterAll(async () => {
    await app?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('loads the interface from parley:// with window.parley from the preload, and no Node in the page', async () => {
    expect(page.url()).toMatch(/^parley:\/\/app\//);
    const exposed = await page.evaluate(() => ({
      api: typeof (window as unknown as { parley?: { summary?: unknown } }).parley?.summary,
      node: typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(exposed).toEqual({ api: 'function', node: 'undefined' });
    await page.getByText('Text agreed ad referendum').first().waitFor({ state: 'visible' });
  });

  it('edits and saves the working draft to disk', async () => {
    await page.evaluate(() => {
      const view = window.parleyEditor!;
      const { state } = view;
      let at = -1;
      state.doc.descendants((node, pos) => {
        if (at < 0 && node.isText && node.text!.includes('coordinated calls')) at = pos + node.text!.indexOf('coordinated calls');
      });
      view.dispatch(state.tr.insertText('jointly coordinated calls', at, at + 'coordinated calls'.length));
    });
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await readFile(join(dossier, 'working.md'), 'utf8')).includes('jointly coordinated calls')).toBe(true);
  });

  it('compares two versions in the compare view', async () => {
    await page.getByRole('button', { name: 'Compare with v3' }).click();
    await page.waitForFunction(() => /1\s*split/.test(document.querySelector('.summary-bar')?.textContent ?? ''));
    expect(await page.locator('.summary-bar').textContent()).toMatch(/1\s*moved/);
  });
});
