/**
 * Reading and writing dossier.yaml. Writing an added version edits the parsed YAML document rather than
 * re-rendering the manifest from data, so that comments and key order a person wrote survive.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseManifest, type DossierManifest, type ManifestDiagnostic, type VersionEntry } from '../../model/dossier.js';
import { DossierError, errnoCode, ioError } from './errors.js';

export const MANIFEST_FILE = 'dossier.yaml';

export interface LoadedManifest {
  manifest: DossierManifest;
  /** The exact text read: the base for edits, and what "changed behind our back" is checked against. */
  source: string;
  warnings: ManifestDiagnostic[];
}

export async function loadManifest(dir: string): Promise<LoadedManifest> {
  const file = join(dir, MANIFEST_FILE);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      throw new DossierError('not-a-dossier', `${dir} is not a Parley dossier: it has no ${MANIFEST_FILE}.`);
    }
    throw ioError('read', file, error);
  }
  const { manifest, diagnostics } = parseManifest(source, file);
  if (!manifest) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new DossierError('invalid-manifest',
      `${file} cannot be read:\n` + errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'),
      { diagnostics });
  }
  return { manifest, source, warnings: diagnostics };
}

/** "file:line:column: message", the form editors and terminals make clickable. */
export function formatDiagnostic(d: ManifestDiagnostic): string {
  return `${d.file ?? MANIFEST_FILE}:${d.line}:${d.column}: ${d.message}`;
}

/** dossier.yaml for a new dossier, in the documented key order. */
export function renderManifest(manifest: DossierManifest): string {
  return stringify({
    parley: 1,
    title: manifest.title,
    parties: manifest.parties.map((p) => ({ id: p.id, name: p.name, colour: p.colour })),
    topics: manifest.topics,
    versions: manifest.versions.map(versionRecord),
  }, { lineWidth: 0 });
}

/** The text of dossier.yaml with one more tabled version appended, everything else as it was. */
export function appendVersion(source: string, entry: VersionEntry): string {
  const { document } = parseManifest(source);
  const record = versionRecord(entry);
  const versions = document.get('versions', true);
  // `versions: []` (or an empty `versions:`) would stay in flow style or null; rebuild it as a block list.
  const items = (versions as { items?: unknown[] } | undefined)?.items;
  if (!items || items.length === 0) {
    const fresh = document.createNode([record]);
    document.set('versions', fresh);
  } else {
    document.addIn(['versions'], document.createNode(record));
  }
  return document.toString({ lineWidth: 0 });
}

function versionRecord(v: VersionEntry): Record<string, unknown> {
  return {
    version: v.version,
    file: v.file,
    label: v.label,
    'tabled-by': v.tabledBy,
    date: v.date,
    status: v.status,
    sha256: v.sha256,
  };
}
