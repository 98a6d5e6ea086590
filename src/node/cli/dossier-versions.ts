/**
 * Reading the versions of a dossier for the commands that look across it (history, three-way diff): every
 * tabled version with what the manifest says about it, and the working draft, each parsed.
 */
import { join } from 'node:path';
import { draftRefName, versionTitle } from '../../api.js';
import { tabledVersion, workingVersion, type HistoryVersion } from '../../compare/history.js';
import type { Diagnostic } from '../../format/diagnostic.js';
import { parseDraft } from '../../format/markdown.js';
import { openDossier, WORKING_FILE, type DossierHandle } from '../dossier/store.js';
import { DossierError } from '../dossier/errors.js';
import { UserError } from '../read-draft-file.js';

/** Open a dossier read-only, turning "not a dossier" and friends into a plain sentence for the user. */
export async function openDossierForReading(dir: string): Promise<DossierHandle> {
  try {
    return await openDossier(dir, { readOnly: true });
  } catch (error) {
    if (error instanceof DossierError) throw new UserError(error.message);
    throw error;
  }
}

async function readTabled(handle: DossierHandle, n: number): Promise<string> {
  try {
    return await handle.readVersion(n);
  } catch (error) {
    // A version whose bytes no longer match its recorded hash: say so rather than show altered text.
    if (error instanceof DossierError) throw new UserError(error.message, 1);
    throw error;
  }
}

/**
 * Every tabled version in order, then (unless `working` is false) the working draft. The working draft may
 * hold errors (tabling refuses them, saving does not): each goes to `report`, and the draft is read as far as
 * it reads.
 */
export async function loadDossierVersions(dir: string, options: { working?: boolean; report?: (error: Diagnostic) => void } = {}): Promise<HistoryVersion[]> {
  const handle = await openDossierForReading(dir);
  try {
    const out: HistoryVersion[] = [];
    for (const v of handle.listVersions()) {
      const { draft } = parseDraft(await readTabled(handle, v.version), { file: join(dir, v.file) });
      out.push(tabledVersion(v, draft));
    }
    if (options.working !== false) {
      const { draft, diagnostics } = parseDraft(await handle.readWorking(), { file: join(dir, WORKING_FILE) });
      for (const d of diagnostics) if (d.severity === 'error') options.report?.(d);
      out.push(workingVersion(draft));
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * A version as the user names it on the command line: "3", "v3", "@3", or "working". Returns the matching
 * loaded version or throws a UserError naming the versions there are.
 */
export function pickVersion(versions: readonly HistoryVersion[], ref: string, dir: string): HistoryVersion {
  const text = ref.trim().toLowerCase();
  const wanted: number | 'working' | null = text === 'working' ? 'working' : /^(?:v|@)?\d+$/.test(text) ? Number(text.replace(/^(v|@)/, '')) : null;
  if (wanted === null) {
    throw new UserError(`"${ref}" is not a version: name a tabled version by its number (3 or v3) or say "working" for the working draft.`);
  }
  const found = versions.find((v) => v.version === wanted);
  if (!found) {
    const known = versions.filter((v) => v.version !== 'working').map((v) => v.version);
    throw new UserError(`${dir} has no version ${ref}` + (known.length ? ` (its versions are ${known.join(', ')}, and "working").` : ' (nothing has been tabled yet; only "working").'));
  }
  return found;
}

/** "v3" or "working draft", for headings: the name the app gives a version too. */
export const versionName = draftRefName;

/** "v3 — Joint text after the Brussels round" (src/api.ts: the app titles a version the same way). */
export { versionTitle };
