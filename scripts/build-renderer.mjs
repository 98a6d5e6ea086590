#!/usr/bin/env node
// Bundles the user interface (renderer/main.ts) into dist/renderer/app.js and copies index.html and app.css
// beside it. One self-contained script: the page's CSP allows only scripts from its own origin.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'renderer');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(root, 'renderer', 'main.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome120'],
  outfile: join(out, 'app.js'),
  sourcemap: true,
  // Minified by default: the bundle is parsed on every start; --dev keeps it readable.
  minify: !process.argv.includes('--dev'),
  logLevel: 'warning',
});
await copyFile(join(root, 'renderer', 'index.html'), join(out, 'index.html'));
await copyFile(join(root, 'renderer', 'app.css'), join(out, 'app.css'));
console.log('renderer built into dist/renderer/');
