/**
 * Child processes in the dossier tests need the store as plain JavaScript. Bundling src/node/dossier/store.ts
 * with esbuild (a few hundred milliseconds) tests the current source, not a dist/ that may be stale or
 * broken by someone else's unfinished file.
 *
 * PARLEY_STORE_BUNDLE, when set, names a prebuilt bundle to use instead: that is how a deliberately broken
 * store (e.g. non-atomic writes) is run against these tests to see them fail.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export const CHILD_SCRIPT = resolve(HERE, 'dossier-child.mjs');

export interface StoreBundle {
  /** file: URL of the bundled store module, for import() and for the child script. */
  url: string;
  /** Remove the bundle (call in afterAll). */
  dispose(): Promise<void>;
}

export async function bundleStore(): Promise<StoreBundle> {
  if (process.env.PARLEY_STORE_BUNDLE) {
    return { url: pathToFileURL(resolve(process.env.PARLEY_STORE_BUNDLE)).href, dispose: async () => undefined };
  }
  const outdir = mkdtempSync(join(tmpdir(), 'parley-store-bundle-'));
  const outfile = join(outdir, 'store.mjs');
  await build({
    entryPoints: [resolve(HERE, '../../src/node/dossier/store.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // yaml ships CommonJS for Node; inside an ES module bundle its require() calls need a real require.
    banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);" },
  });
  return { url: pathToFileURL(outfile).href, dispose: () => rm(outdir, { recursive: true, force: true }) };
}
