/**
 * The dossier manifest (dossier.yaml): what a negotiation folder holds — its title, its parties, its topic
 * taxonomy and the ordered list of tabled versions with the hash of each file.
 *
 * Pure: this module parses and checks text handed to it; reading and writing the folder is src/node/dossier/.
 *
 * ```yaml
 * parley: 1
 * title: Memorandum of Understanding …
 * parties:
 *   - id: EU
 *     name: European Union
 *     colour: "#1f4e9c"
 * topics:
 *   - supply-chains
 * versions:
 *   - version: 1
 *     file: versions/v1.md
 *     label: EU first proposal
 *     tabled-by: EU
 *     date: 2026-01-12
 *     status: draft
 *     sha256: <lowercase hex sha256 of the file's bytes>
 * ```
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { DRAFT_STATUSES, type DraftStatus, type PartyId } from './draft.js';

export interface PartyInfo {
  id: PartyId;
  name: string;
  /** `#rrggbb`: the colour the user interface and the exports use for this party's proposals. */
  colour: string;
}

export interface VersionEntry {
  /** 1, 2, 3 … in tabling order, without gaps. */
  version: number;
  /** Path of the tabled file relative to the dossier folder, with forward slashes ("versions/v1.md"). */
  file: string;
  label: string;
  tabledBy: PartyId;
  /** YYYY-MM-DD. */
  date: string;
  status: DraftStatus;
  /** Lowercase hex SHA-256 of the file's bytes when it was tabled: a tabled version never changes. */
  sha256: string;
}

export interface DossierManifest {
  /** Format version of dossier.yaml; always 1 for now. */
  parley: 1;
  title: string;
  parties: PartyInfo[];
  topics: string[];
  versions: VersionEntry[];
}

/** A located problem in dossier.yaml: the same Diagnostic every reader of Parley's files reports. */
export type ManifestDiagnostic = Diagnostic;

/** A path into the manifest value: keys and list indexes, e.g. ['versions', 2, 'sha256']. */
export type ManifestPath = readonly (string | number)[];

export interface ValidateOptions {
  file?: string;
  /** Where a path sits in the source; when absent (a plain object), diagnostics carry line 0, column 0. */
  locate?: (path: ManifestPath) => { line: number; column: number } | undefined;
}

export interface ManifestResult {
  /** The manifest, or null when there is at least one error. */
  manifest: DossierManifest | null;
  diagnostics: ManifestDiagnostic[];
}

export const PARTY_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const COLOUR = /^#[0-9a-fA-F]{6}$/;
export const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SHA256 = /^[0-9a-f]{64}$/;

const TOP_KEYS = ['parley', 'title', 'parties', 'topics', 'versions'];
const PARTY_KEYS = ['id', 'name', 'colour'];
const VERSION_KEYS = ['version', 'file', 'label', 'tabled-by', 'date', 'status', 'sha256'];

/** Parse and check the text of dossier.yaml; every problem is located at its line. */
export function parseManifest(source: string, file?: string): ManifestResult & { document: Document } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (document.errors.length > 0) {
    const diagnostics = document.errors.map((error): ManifestDiagnostic => ({
      file,
      ...position(error.pos[0]),
      severity: 'error',
      code: 'manifest-syntax',
      message: `dossier.yaml is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`,
    }));
    return { manifest: null, diagnostics, document };
  }
  // A missing key has no node of its own: point at the closest enclosing node that exists.
  const locate = (path: ManifestPath) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return position(range[0]);
    }
    return undefined;
  };
  return { ...validateManifest(document.toJS(), { file, locate }), document };
}

/**
 * Check a manifest value (as YAML parses it) and build the typed manifest. Unknown keys are warnings, not
 * errors: a newer Parley may add fields and an older one should still open the dossier.
 */
export function validateManifest(value: unknown, options: ValidateOptions = {}): ManifestResult {
  const diagnostics: ManifestDiagnostic[] = [];
  const report = (path: ManifestPath, severity: ManifestDiagnostic['severity'], code: string, message: string) => {
    const at = options.locate?.(path) ?? { line: 0, column: 0 };
    diagnostics.push({ file: options.file, line: at.line, column: at.column, severity, code, message });
  };
  const done = (manifest: DossierManifest | null): ManifestResult => ({
    manifest: diagnostics.some((d) => d.severity === 'error') ? null : manifest,
    diagnostics,
  });

  if (!isRecord(value)) {
    report([], 'error', 'manifest-shape', 'dossier.yaml must be a set of "key: value" lines (parley, title, parties, topics, versions)');
    return done(null);
  }
  warnUnknownKeys(value, TOP_KEYS, [], 'dossier.yaml', report);

  if (value.parley === undefined) report([], 'error', 'manifest-parley', 'dossier.yaml has no "parley: 1" line: it does not say which format it is written in');
  else if (value.parley !== 1) report(['parley'], 'error', 'manifest-parley', `"parley: ${String(value.parley)}" is not a format version this Parley reads (expected 1)`);

  let title = '';
  if (typeof value.title === 'string' && value.title.trim() !== '') title = value.title;
  else if (value.title === undefined) report([], 'error', 'manifest-title', 'dossier.yaml has no title');
  else report(['title'], 'error', 'manifest-title', 'title must be non-empty text');

  const parties = readParties(value.parties, report);
  const partyIds = new Set(parties.map((p) => p.id));
  const topics = readTopics(value.topics, report);
  const versions = readVersions(value.versions, partyIds, report);

  return done({ parley: 1, title, parties, topics, versions });
}

type Report = (path: ManifestPath, severity: ManifestDiagnostic['severity'], code: string, message: string) => void;

function readParties(value: unknown, report: Report): PartyInfo[] {
  if (value === undefined) {
    report([], 'error', 'manifest-parties', 'dossier.yaml lists no parties');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    report(['parties'], 'error', 'manifest-parties', 'parties must be a list of entries with id, name and colour');
    return [];
  }
  const parties: PartyInfo[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const path = ['parties', index];
    if (!isRecord(item)) {
      report(path, 'error', 'manifest-party', `party ${index + 1} must have id, name and colour`);
      return;
    }
    warnUnknownKeys(item, PARTY_KEYS, path, `party ${index + 1}`, report);
    const { id, name, colour } = item;
    let ok = true;
    if (typeof id !== 'string' || !PARTY_ID.test(id)) {
      report([...path, 'id'], 'error', 'manifest-party-id', `party ${index + 1} needs an id of letters, digits, "-" or "_" starting with a letter (got ${describe(id)})`);
      ok = false;
    } else if (seen.has(id)) {
      report([...path, 'id'], 'error', 'manifest-party-duplicate', `party id "${id}" is listed twice`);
      ok = false;
    }
    if (typeof name !== 'string' || name.trim() === '') {
      report([...path, 'name'], 'error', 'manifest-party-name', `party ${typeof id === 'string' ? `"${id}"` : index + 1} needs a name`);
      ok = false;
    }
    if (typeof colour !== 'string' || !COLOUR.test(colour)) {
      report([...path, 'colour'], 'error', 'manifest-party-colour', `party ${typeof id === 'string' ? `"${id}"` : index + 1} needs a colour written "#rrggbb" in quotes (got ${describe(colour)})`);
      ok = false;
    }
    if (ok) {
      seen.add(id as string);
      parties.push({ id: id as string, name: name as string, colour: colour as string });
    }
  });
  return parties;
}

function readTopics(value: unknown, report: Report): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report(['topics'], 'error', 'manifest-topics', 'topics must be a list of lowercase words joined by "-" (e.g. supply-chains)');
    return [];
  }
  const topics: string[] = [];
  value.forEach((topic: unknown, index) => {
    if (typeof topic !== 'string' || !TOPIC.test(topic)) {
      report(['topics', index], 'error', 'manifest-topic', `topic ${describe(topic)} must be lowercase words joined by "-" (e.g. supply-chains)`);
    } else if (topics.includes(topic)) {
      report(['topics', index], 'warning', 'manifest-topic-duplicate', `topic "${topic}" is listed twice`);
    } else {
      topics.push(topic);
    }
  });
  return topics;
}

function readVersions(value: unknown, partyIds: ReadonlySet<string>, outerReport: Report): VersionEntry[] {
  // An entry joins the manifest only if it raised no error; count errors as they are reported.
  let errors = 0;
  const report: Report = (path, severity, code, message) => {
    if (severity === 'error') errors++;
    outerReport(path, severity, code, message);
  };
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report(['versions'], 'error', 'manifest-versions', 'versions must be a list of tabled versions');
    return [];
  }
  const versions: VersionEntry[] = [];
  const files = new Set<string>();
  value.forEach((item: unknown, index) => {
    const path = ['versions', index];
    const expected = index + 1;
    if (!isRecord(item)) {
      report(path, 'error', 'manifest-version', `entry ${expected} of versions must have version, file, label, tabled-by, date, status and sha256`);
      return;
    }
    warnUnknownKeys(item, VERSION_KEYS, path, `version entry ${expected}`, report);
    const before = errors;
    const what = `version ${expected}`;
    if (item.version !== expected) {
      report([...path, 'version'], 'error', 'manifest-version-number', `entry ${expected} of versions must be "version: ${expected}" (versions are numbered 1, 2, 3 … in order), got ${describe(item.version)}`);
    }
    const file = item.file;
    if (typeof file !== 'string' || !isSafeRelativePath(file)) {
      report([...path, 'file'], 'error', 'manifest-version-file', `${what} needs a file inside the dossier folder, such as "versions/v${expected}.md" (got ${describe(file)})`);
    } else if (files.has(file)) {
      report([...path, 'file'], 'error', 'manifest-version-file', `${what} names the file ${file}, which an earlier version already uses`);
    }
    if (typeof item.label !== 'string' || item.label.trim() === '') {
      report([...path, 'label'], 'error', 'manifest-version-label', `${what} needs a label`);
    }
    const by = item['tabled-by'];
    if (typeof by !== 'string' || !partyIds.has(by)) {
      report([...path, 'tabled-by'], 'error', 'manifest-version-tabled-by', `${what} is tabled by ${describe(by)}, which is not one of the parties (${[...partyIds].join(', ')})`);
    }
    if (typeof item.date !== 'string' || !isIsoDate(item.date)) {
      report([...path, 'date'], 'error', 'manifest-version-date', `${what} needs a date written YYYY-MM-DD (got ${describe(item.date)})`);
    }
    if (typeof item.status !== 'string' || !(DRAFT_STATUSES as readonly string[]).includes(item.status)) {
      report([...path, 'status'], 'error', 'manifest-version-status', `${what} has status ${describe(item.status)}; expected one of ${DRAFT_STATUSES.join(', ')}`);
    }
    if (typeof item.sha256 !== 'string' || !SHA256.test(item.sha256)) {
      report([...path, 'sha256'], 'error', 'manifest-version-sha256', `${what} needs sha256: the 64 lowercase hex digits of its file's SHA-256 (got ${describe(item.sha256)})`);
    }
    if (errors === before) {
      files.add(file as string);
      versions.push({
        version: expected,
        file: file as string,
        label: item.label as string,
        tabledBy: by as string,
        date: item.date as string,
        status: item.status as DraftStatus,
        sha256: item.sha256 as string,
      });
    }
  });
  return versions;
}

function warnUnknownKeys(record: Record<string, unknown>, known: readonly string[], path: ManifestPath, where: string, report: Report): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) report([...path, key], 'warning', 'manifest-unknown-key', `${where} has a key "${key}" that Parley does not know; it is kept but ignored`);
  }
}

/** Relative, forward slashes, no "..", no absolute or drive paths: a manifest must not point outside its folder. */
export function isSafeRelativePath(file: string): boolean {
  if (file === '' || file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file)) return false;
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}
