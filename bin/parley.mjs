#!/usr/bin/env node
// The `parley` command: runs the command line as built into one file (scripts/build-cli.mjs), which loads in a
// fraction of the time its modules take one by one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/parley.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('parley: Parley is not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
