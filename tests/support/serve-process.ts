/**
 * What the end-to-end tests need to run the app: `parley serve DIR --no-open` from the built bin, as a user
 * starts it (resolved once it says where), Chromium and a page, and the `parley` command to prepare a dossier.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type FileChooser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { copySampleDossier, PROJECT_ROOT } from './fixture-copy.js';

export function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'parley.mjs'), 'serve', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley serve did not announce its address in 20 s.\nstdout: ${out}\nstderr: ${err}`)), 20_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /Parley is serving .+ at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited (${code}) before announcing its address.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Stop a server started by serve() and wait until it has exited. */
export async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Debian's Chromium, where the end-to-end tests drive the app. */
export const CHROMIUM = '/usr/bin/chromium';

/** A headless Chromium and a page of the size the end-to-end tests look at. */
export async function launchPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  return { browser, page };
}

/** `parley ARGS…` from the built bin, as a user runs it; throws with its output when it fails. */
export function runParley(...args: string[]): void {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'parley.mjs'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parley ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** A draft file brought into a dossier and tabled, as `parley import FILE --into DOSSIER` and `parley table` do. */
export function importAndTable(dossier: string, file: string, label: string, by: string): void {
  runParley('import', file, '--into', dossier);
  runParley('table', dossier, '--label', label, '--by', by);
}

/**
 * A dossier served (`parley serve`) and open in a headless page, ready; tearDown ends the three. Should the browser
 * not start or the app not open, what was started is ended before the error goes on.
 */
export async function openDossier(dir: string): Promise<{ server: ChildProcess; browser: Browser; page: Page }> {
  const { child, url } = await serve(dir);
  let browser: Browser | undefined;
  try {
    const launched = await launchPage();
    browser = launched.browser;
    await openApp(launched.page, url);
    return { server: child, browser, page: launched.page };
  } catch (error) {
    await tearDown(browser, child, '');
    throw error;
  }
}

/**
 * Two drafts as the versions of a dossier made here, open in the app for the tests of one describe block: `parley
 * init` (the EU and the US), then each draft imported and tabled — v1 "EU proposal" by the EU, v2 "US reply" by the
 * US — in a beforeAll hook; removed with the server and the browser in an afterAll hook (or at once, should
 * anything fail on the way). `page` is set once the hook has run.
 */
export function twoVersionsInApp(name: string, v1: string, v2: string): { page: Page } {
  const app = {} as { page: Page };
  let work = '';
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), `parley-e2e-${name}-`));
    try {
      const dossier = join(work, 'mou');
      runParley('init', dossier, '--title', 'Memorandum on Critical Minerals', '--party', 'EU=European Union', '--party', 'US=United States of America');
      writeFileSync(join(work, 'v1.md'), v1);
      writeFileSync(join(work, 'v2.md'), v2);
      importAndTable(dossier, join(work, 'v1.md'), 'EU proposal', 'EU');
      importAndTable(dossier, join(work, 'v2.md'), 'US reply', 'US');
      ({ server, browser, page: app.page } = await openDossier(dossier));
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      work = '';
      throw error;
    }
  });
  afterAll(() => tearDown(browser, server, work));
  return app;
}

/** The compare view asked for OLD → NEW (a version's number, or "working"), as a user picks them. */
export async function compareInApp(page: Page, oldRef: string, newRef: string): Promise<void> {
  await page.click('#tab-compare');
  await page.selectOption('#compare-old', oldRef);
  await page.selectOption('#compare-new', newRef);
  await page.click('#compare-run');
}

/** Open the app at its address and wait until it says it is ready (the draft on screen). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
}

/** Close the browser, stop the server and remove the test's folder, whichever of them were started. */
export async function tearDown(browser: Browser | undefined, server: ChildProcess | undefined, work: string): Promise<void> {
  await browser?.close();
  await stopServer(server);
  if (work) await rm(work, { recursive: true, force: true });
}

/**
 * The file chooser that a keyboard shortcut opens (Import Draft: Control+I). Playwright learns of a chooser only
 * once it intercepts them, which it starts doing when asked to wait for one; on a loaded machine the key can
 * beat that, and Chromium's own (headless, invisible) chooser opens instead. The key is pressed again, up to
 * three times, until a chooser is seen; a shortcut that never opens one still fails.
 */
export async function chooserFromShortcut(page: Page, key: string): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press(key);
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}


/**
 * A copy of the sample dossier open in the app for the tests of one describe block: made (and `prepare`d, before the
 * app opens it) in a beforeAll hook, removed with the server and the browser in an afterAll hook. Its fields are set
 * once the hook has run.
 */
export function sampleDossierInApp(prepare?: (dir: string) => Promise<void>): { page: Page; dir: string } {
  const app = {} as { page: Page; dir: string };
  let copy: Awaited<ReturnType<typeof copySampleDossier>> | undefined;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    copy = await copySampleDossier();
    await prepare?.(copy.dir);
    ({ server, browser, page: app.page } = await openDossier(copy.dir));
    app.dir = copy.dir;
  });
  afterAll(async () => {
    await tearDown(browser, server, '');
    await copy?.dispose();
  });
  return app;
}
