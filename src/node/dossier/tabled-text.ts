/**
 * The text of a version being tabled: working.md with its front matter stamped with the version's number,
 * label, party, date and status. The body after the front matter is kept byte for byte — tabling must not
 * reformat what the parties negotiated.
 */
import type { DossierManifest } from '../../model/dossier.js';
import type { DraftMeta, DraftStatus, PartyId } from '../../model/draft.js';
import { readFrontMatter, splitFrontMatter, writeFrontMatter } from '../../format/front-matter.js';
import { DossierError } from './errors.js';

export interface VersionStamp {
  version: number;
  label: string;
  tabledBy: PartyId;
  date: string;
  status: DraftStatus;
}

export function stampVersion(working: string, stamp: VersionStamp, manifest: DossierManifest, file: string): string {
  const split = splitFrontMatter(working);
  let meta: DraftMeta;
  if (split.yaml === null) {
    // A working draft without front matter (pasted text): the dossier knows the title and the parties.
    meta = { title: manifest.title, parties: Object.fromEntries(manifest.parties.map((p) => [p.id, p.name])) };
  } else {
    const read = readFrontMatter(split.yaml, split.yamlLine, file);
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new DossierError('invalid-working',
        `The working draft cannot be tabled until its front matter is fixed:\n` +
        errors.map((d) => `  ${d.file ?? file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
    }
    meta = read.meta;
    if (meta.title === '') meta.title = manifest.title;
    if (Object.keys(meta.parties).length === 0) {
      meta.parties = Object.fromEntries(manifest.parties.map((p) => [p.id, p.name]));
    }
  }
  meta.version = stamp.version;
  meta.label = stamp.label;
  meta.tabledBy = stamp.tabledBy;
  meta.date = stamp.date;
  meta.status = stamp.status;
  return writeFrontMatter(meta) + split.body;
}
