/**
 * Bundle the Electron shell with esbuild: electron/main.ts → dist/electron/main.cjs and electron/preload.ts →
 * dist/electron/preload.cjs. Bundled because a sandboxed preload can require nothing but 'electron', and so
 * that the main process carries the src/ modules it uses (several dependencies are ES-module only).
 *
 * Usage: node scripts/build-electron.mjs   (also imported by scripts/start.mjs)
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'electron');

/** Build into `outDir` (default dist/electron/; tests build into a temp folder). */
export async function buildElectron(outDir = OUT) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'main.ts')],
    outfile: join(outDir, 'main.cjs'),
    // Modules written as ES modules read import.meta.url; in this CommonJS bundle it is the bundle's own URL.
    banner: { js: "const __parleyImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__parleyImportMetaUrl' },
  });
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'preload.ts')], outfile: join(outDir, 'preload.cjs') });
  return { main: join(outDir, 'main.cjs'), preload: join(outDir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = await buildElectron();
  console.log(`Built ${built.main} and ${built.preload}`);
}
