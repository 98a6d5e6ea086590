/**
 * Naming a draft on the command line: a file, a dossier folder (its working draft), DOSSIER@N (tabled version N
 * of a dossier), or "-" (standard input).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../format/diagnostic.js';
import { parseDraft } from '../../format/markdown.js';
import type { Draft } from '../../model/draft.js';
import { WORKING_FILE } from '../dossier/store.js';
import { MANIFEST_FILE } from '../dossier/manifest-io.js';
import { DossierError } from '../dossier/errors.js';
import { pathKind } from '../path-kind.js';
import { loadDraftFile, loadDraftFromStandardInput, UserError } from '../read-draft-file.js';
import { openDossierForReading } from './dossier-versions.js';
import type { WordComment } from '../../format/import/docx.js';

/** A tabled version named as DOSSIER@N (or DOSSIER@vN): the dossier folder and N; null for any other reference. */
export function versionRef(ref: string): { dossier: string; version: number } | null {
  const at = /^(.*)@[vV]?(\d+)$/.exec(ref);
  return at ? { dossier: at[1]!, version: Number(at[2]) } : null;
}

/** A draft named on the command line, read; a tabled version also says who tabled it and when. */
export interface LoadedDraftRef {
  draft: Draft;
  diagnostics: Diagnostic[];
  name: string;
  tabled?: { by: string; date: string };
  /** A Word document's comments, which are not in the draft (`parley show` lists them). */
  comments?: WordComment[];
}

/** Whether a folder is a dossier (holds a manifest). */
async function isDossierFolder(dir: string): Promise<boolean> {
  return (await pathKind(join(dir, MANIFEST_FILE))) !== 'missing';
}

/** The numbers of a dossier's tabled versions, in order; a dossier that cannot be opened is a UserError. */
async function tabledVersions(dir: string): Promise<number[]> {
  const handle = await openDossierForReading(dir);
  try {
    return handle.listVersions().map((v) => v.version);
  } finally {
    await handle.close();
  }
}

/**
 * What to say of a missing "DOSSIER@…" whose dossier exists but whose version is no number ("mou@v2", "mou@latest"):
 * that a version is named by its number, and which there are, rather than that no such file exists. Null for
 * anything else.
 */
async function notVersionNumber(ref: string): Promise<string | null> {
  const at = /^(.+)@([^@/\\]*)$/.exec(ref);
  if (!at || !(await isDossierFolder(at[1]!))) return null;
  const dir = at[1]!;
  let known: number[] = [];
  try {
    known = await tabledVersions(dir);
  } catch (error) {
    // A dossier that cannot be opened: the sentence on naming versions still holds.
    if (!(error instanceof UserError)) throw error;
  }
  const versions = known.length ? `its versions are ${known.join(', ')}` : 'nothing has been tabled yet';
  return `${ref}: a tabled version is named by its number after the @, as ${dir}@${known[known.length - 1] ?? 1} (${versions}); ${dir} alone names its working draft.`;
}

/**
 * The dossier a draft named on the command line belongs to: DOSSIER@N's, or the folder of a dossier named for its
 * working draft; null for a file. Two drafts of one dossier share their clauses' ids, which then pair them.
 */
export async function dossierOfRef(ref: string): Promise<string | null> {
  const at = versionRef(ref);
  if (at) return resolve(at.dossier);
  return ref !== '-' && (await isDossierFolder(ref)) ? resolve(ref) : null;
}

/**
 * DOSSIER alone, as `parley diff DOSSIER` names it: its latest tabled version and its working draft, the
 * changes not yet tabled (as `git diff` shows what is not yet committed). Null when `ref` is no dossier folder.
 */
export async function untabledChanges(ref: string): Promise<[string, string] | null> {
  if (ref === '-' || versionRef(ref) || !(await isDossierFolder(ref))) return null;
  const latest = (await tabledVersions(ref)).at(-1);
  if (latest === undefined) throw new UserError(`${ref} has nothing tabled yet, so its working draft has nothing to be compared with; name two drafts (parley diff OLD NEW).`);
  return [`${ref}@${latest}`, ref];
}

export async function loadDraftRef(ref: string): Promise<LoadedDraftRef> {
  // "-": the draft piped in, as most command-line tools read it.
  if (ref === '-') return { ...(await loadDraftFromStandardInput()), name: 'standard input' };
  const at = versionRef(ref);
  if (at) {
    const { dossier: dir, version: n } = at;
    const handle = await openDossierForReading(dir);
    try {
      const version = handle.listVersions().find((v) => v.version === n);
      if (!version) {
        const known = handle.listVersions().map((v) => v.version);
        throw new UserError(`${dir} has no version ${n}` + (known.length ? ` (its versions are ${known.join(', ')}).` : ' (nothing has been tabled yet).'));
      }
      let text: string;
      try {
        text = await handle.readVersion(version.version);
      } catch (error) {
        if (error instanceof DossierError) throw new UserError(error.message, 1);
        throw error;
      }
      return { ...parseDraft(text, { file: join(dir, version.file) }), name: `${dir}@${n}`, tabled: { by: version.tabledBy, date: version.date } };
    } finally {
      await handle.close();
    }
  }
  let isDir = false;
  try {
    isDir = (await stat(ref)).isDirectory();
  } catch {
    throw new UserError(await notVersionNumber(ref) ?? `${ref} cannot be read: no such file or folder.`);
  }
  if (isDir) {
    // A folder names a dossier's working draft; say which of the two is missing rather than "working.md
    // cannot be read", which leaves a user guessing whether the folder was meant to be a dossier.
    if ((await pathKind(join(ref, WORKING_FILE))) === 'missing') {
      throw new UserError((await isDossierFolder(ref))
        ? `${ref} has no working draft (${WORKING_FILE}); name a tabled version instead, as ${ref}@N.`
        : `${ref} is a folder but not a Parley dossier (it has no ${MANIFEST_FILE}); name a draft file, a dossier folder or DOSSIER@N.`);
    }
    const loaded = await loadDraftFile(join(ref, WORKING_FILE));
    return { ...loaded, name: ref };
  }
  return { ...(await loadDraftFile(ref)), name: ref };
}
