/**
 * `parley serve` as a real child process: src/node/cli/serve.ts registered on a commander program, bundled with
 * esbuild (so the test runs the current source, not a possibly stale dist/), started with node.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixture-copy.js';

export async function bundleServeCli(): Promise<{ file: string; dispose(): Promise<void> }> {
  const outdir = await mkdtemp(join(tmpdir(), 'parley-serve-bundle-'));
  const file = join(outdir, 'serve-cli.mjs');
  await build({
    stdin: {
      contents: `import { Command } from 'commander';\nimport { registerServe } from './serve.ts';\n` +
        `const program = new Command('parley');\nregisterServe(program);\nawait program.parseAsync(process.argv);\n`,
      resolveDir: join(PROJECT_ROOT, 'src', 'node', 'cli'),
      loader: 'ts',
      sourcefile: 'serve-cli-entry.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'error',
    // Some dependencies ship CommonJS; inside an ES module bundle their require() calls need a real require.
    banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);" },
  });
  return { file, dispose: () => rm(outdir, { recursive: true, force: true }) };
}
