// `npm run bench`: every benchmark, one after another, each in its own process (so one's heap and JIT do not
// colour the next). Each prints its own medians and ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = fs.readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
