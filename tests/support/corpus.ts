/** Where the real texts are: $PARLEY_CORPUS, else ../shared/corpus beside the project; null when absent. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const candidate = process.env.PARLEY_CORPUS ?? path.resolve(projectRoot, '../shared/corpus');
export const corpus: string | null = fs.existsSync(candidate) ? candidate : null;
export const corpusSkipReason = `corpus not found at ${candidate} (set PARLEY_CORPUS)`;
if (!corpus && process.env.PARLEY_REQUIRE_CORPUS) {
  // CI sets this: there, skipping the real-text tests would hide a failure.
  throw new Error(`PARLEY_REQUIRE_CORPUS is set but ${corpusSkipReason}`);
}
if (!corpus) console.warn(`[corpus tests skipped] ${corpusSkipReason}`);

export function readCorpus(relative: string): string {
  return fs.readFileSync(path.join(corpus!, relative), 'utf8');
}
