/** A private copy of the sample dossier in a temp folder: tests never touch fixtures/rare-earths-mou itself. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const SAMPLE_DOSSIER = join(PROJECT_ROOT, 'fixtures', 'rare-earths-mou');

export async function copySampleDossier(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'parley-sample-'));
  const dir = join(parent, 'rare-earths-mou');
  await cp(SAMPLE_DOSSIER, dir, { recursive: true, filter: (source) => !source.includes(`${SAMPLE_DOSSIER}/.parley`) });
  return { dir, dispose: () => rm(parent, { recursive: true, force: true }) };
}

/**
 * A copy of the sample dossier whose working draft has an error: in "No export bans", a bracket for a party
 * the dossier does not list ("UK"). Saving allows that; tabling and `parley check` refuse it.
 */
export async function copySampleDossierWithWorkingError(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const copy = await copySampleDossier();
  const file = join(copy.dir, 'working.md');
  const text = await readFile(file, 'utf8');
  const broken = text.replace('The Participants will not impose export bans', 'The Participants :bracket[will not]{by="UK"} impose export bans');
  if (broken === text) throw new Error('the sample working draft no longer has the sentence this copy breaks');
  await writeFile(file, broken);
  return copy;
}
