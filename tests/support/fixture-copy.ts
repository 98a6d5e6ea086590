/** A private copy of the sample dossier in a temp folder: tests never touch fixtures/rare-earths-mou itself. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
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
