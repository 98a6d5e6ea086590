#!/usr/bin/env node
// The `parley` command: runs the compiled command line from dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/node/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('parley: Parley is not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
