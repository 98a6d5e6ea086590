/**
 * `-o FILE`: a command's output written to a file, whole or not at all (writeFileAtomic), so that a redline
 * being replaced is never left half-written; and a path that cannot be written is named in a sentence a user
 * can act on, not an internal error.
 */
import { realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../dossier/atomic-write.js';
import { MANIFEST_FILE } from '../dossier/manifest-io.js';
import { VERSIONS_DIR, WORKING_FILE } from '../dossier/store.js';
import { errnoCode } from '../dossier/errors.js';
import { pathKind } from '../path-kind.js';
import { UserError } from '../read-draft-file.js';
import { versionRef } from './draft-ref.js';

/** A path the output must not replace, and what it is, for the message. A folder guards everything inside. */
export interface Guarded {
  path: string;
  what: string;
}

/**
 * `protect`: the drafts being compared, and a dossier's working draft, manifest and tabled versions. `-o
 * draft.md`, with draft.md one of the inputs, would otherwise put a redline where the draft was.
 */
export async function writeOutputFile(file: string, text: string | Uint8Array, protect: readonly Guarded[] = []): Promise<void> {
  const target = await canonical(file);
  for (const guarded of protect) {
    const path = await canonical(guarded.path);
    if (target === path) throw new UserError(`${file} is ${guarded.what}; writing the output there would replace it. Name another file.`);
    if (target.startsWith(path + sep)) throw new UserError(`${file} is inside ${guarded.what}, which only tabling writes. Name another file.`);
  }
  // Text ends with a line break, as a text file does; bytes (a Word document) are written as they are.
  const data = typeof text !== 'string' || text.endsWith('\n') ? text : text + '\n';
  try {
    // A device or a pipe (-o /dev/null, a named pipe) is written into, not replaced: renaming a file over
    // /dev/null would put a regular file where the device was.
    if ((await pathKind(target)) === 'other') await writeFile(target, data);
    // Through a symbolic link to the file it names: the link stays a link.
    else await writeFileAtomic(target, data);
  } catch (error) {
    const code = errnoCode(error);
    // ENOENT for a folder that exists (procfs): the folder takes no new files, it is not missing.
    const folderMissing = code === 'ENOENT' && (await pathKind(dirname(resolve(file)))) !== 'folder';
    throw new UserError(`${file} cannot be written: ${code === 'ENOENT' && !folderMissing ? 'that folder takes no new files; nothing was written.' : reasonOf(code, file)}`);
  }
}

function reasonOf(code: string | undefined, file: string): string {
  switch (code) {
    case 'ENOENT': return `the folder ${dirname(resolve(file))} does not exist.`;
    case 'ENOTDIR': return 'part of the path is a file, not a folder.';
    case 'EISDIR': return 'it is a folder; name a file to write to.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS': return 'permission denied.';
    case 'ENOSPC':
    case 'EDQUOT': return 'the disk is full; nothing was written.';
    default: return `the system refused${code ? ` (${code})` : ''}; nothing was written.`;
  }
}

/** A path as the file system names it: symbolic links followed as far as the path exists. */
async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    // Not there yet: its folder may still be a link.
    try {
      return join(await realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/**
 * What the output must not overwrite for a draft named as the command line names drafts (draft-ref.ts): the
 * file itself, or, for a dossier (DOSSIER or DOSSIER@N), its working draft, manifest and tabled versions.
 */
export async function guardedByRef(ref: string): Promise<Guarded[]> {
  const dossier = versionRef(ref)?.dossier ?? ((await pathKind(ref)) === 'folder' ? ref : null);
  if (dossier === null) return [{ path: ref, what: 'a draft being compared' }];
  return [
    { path: join(dossier, WORKING_FILE), what: "the dossier's working draft" },
    { path: join(dossier, MANIFEST_FILE), what: "the dossier's manifest" },
    { path: join(dossier, VERSIONS_DIR), what: "the dossier's folder of tabled versions" },
  ];
}
