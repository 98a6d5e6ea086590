/**
 * `npm start`: build everything, then open Parley.
 *
 * 1. `npm run build` (src/ → dist/), `npm run build:renderer` (renderer/ → dist/renderer/), and the Electron
 *    shell (scripts/build-electron.mjs → dist/electron/).
 * 2. If the Electron binary is installed, launch it on dist/electron/main.cjs, passing on any arguments (a
 *    dossier folder opens that dossier; otherwise the sample negotiation, copied to the user's data folder).
 * 3. If it is not, run Electron's own installer once (it downloads the binary where that is allowed). If that
 *    fails too, say so in one sentence and serve the sample dossier to the browser instead (`parley serve` on a
 *    copy in the temp folder), printing the URL.
 *
 * `node scripts/start.mjs --build-only` stops after step 1 (used by `npm run dist`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');
const passOn = args.filter((a) => a !== '--build-only');

function npmRun(script) {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\`npm run ${script}\` failed; fix the error above and run \`npm start\` again.`);
    process.exit(result.status ?? 1);
  }
}

/** The Electron binary's path, or null when the package is there but its binary was never downloaded. */
function electronBinary() {
  try {
    // Fresh require each time: the installer may have just written node_modules/electron/path.txt.
    const require = createRequire(import.meta.url);
    delete require.cache[require.resolve('electron')];
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function installElectronBinary() {
  const installer = join(ROOT, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('Electron is not downloaded yet; fetching it once…');
  const result = spawnSync(process.execPath, [installer], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 5 * 60_000 });
  return result.status === 0;
}

async function serveSampleInBrowser() {
  const copy = join(tmpdir(), 'parley', 'rare-earths-mou');
  if (!existsSync(join(copy, 'dossier.yaml'))) {
    await mkdir(copy, { recursive: true });
    await cp(join(ROOT, 'fixtures', 'rare-earths-mou'), copy, { recursive: true });
  }
  const dossier = passOn.find((a) => !a.startsWith('-') && existsSync(join(a, 'dossier.yaml'))) ?? copy;
  const { runServe } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'node', 'serve', 'run.js')).href);
  await runServe(dossier, { open: true });
}

npmRun('build');
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
// `npm run build` may already include the renderer; build it here only when it does not.
if (!scripts['build:renderer']) console.error('There is no `build:renderer` script yet, so the user interface in dist/renderer/ may be missing or old.');
else if (!String(scripts.build).includes('build:renderer')) npmRun('build:renderer');
await buildElectron();
if (buildOnly) process.exit(0);

const electron = electronBinary() ?? (installElectronBinary() ? electronBinary() : null);
if (electron) {
  const child = spawn(electron, [join(ROOT, 'dist', 'electron', 'main.cjs'), ...passOn], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log('Electron could not be installed on this machine, so Parley opens in your web browser instead.');
  try {
    await serveSampleInBrowser();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
