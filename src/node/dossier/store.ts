/**
 * The dossier store: a negotiation as a folder of plain files.
 *
 *   rare-earths-mou/
 *     dossier.yaml   title, parties, topics, the ordered list of tabled versions with their hashes
 *     versions/      one Markdown file per tabled version; created once, never rewritten
 *     working.md     the draft being edited
 *     .parley/       the write lock and the autosave journal (machine-local; ignored by version control)
 *
 * Guarantees, and how they are kept:
 * - Every write is atomic and durable (atomic-write.ts): after a crash each file is wholly old or wholly new.
 * - A tabled version is created exclusively and its hash recorded; verify() and readVersion() check it.
 * - One writer at a time (lock.ts); a writer killed outright leaves a lock the next opener takes over.
 * - A file changed behind our back is reported, not overwritten: saveWorking and tableWorking compare the
 *   disk with what this handle last read or wrote.
 * - Unsaved work survives a crash in the autosave journal (journal.ts) and is offered back on reopening.
 *
 * Tabling writes versions/vN.md first, then dossier.yaml. A crash in between leaves vN.md unrecorded; the next
 * writer moves it to .parley/interrupted/ and says so, so that the number can be tabled again.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { makeDirectories } from './make-directories.js';
import { join, resolve } from 'node:path';
import { writeFrontMatter } from '../../format/front-matter.js';
import {
  isIsoDate, parseManifest, validateManifest,
  type DossierManifest, type ManifestDiagnostic, type PartyInfo, type VersionEntry,
} from '../../model/dossier.js';
import { DRAFT_STATUSES, type DraftStatus, type PartyId } from '../../model/draft.js';
import { createFileExclusive, removeLeftoverTemps, writeFileAtomic } from './atomic-write.js';
import { DossierError, errnoCode, ioError } from './errors.js';
import { sha256 } from './hash.js';
import { clearJournal, journalPath, readJournal, setJournalAside, writeJournal, type JournalEntry } from './journal.js';
import { acquireLock, type DossierLock } from './lock.js';
import { appendVersion, loadManifest, MANIFEST_FILE, renderManifest } from './manifest-io.js';
import { stampVersion } from './tabled-text.js';
import { readTextIfPresent } from './read-text.js';

export { DossierError } from './errors.js';

export const WORKING_FILE = 'working.md';
export const VERSIONS_DIR = 'versions';
export const STATE_DIR = '.parley';

export interface CreateDossierInit {
  title: string;
  parties: PartyInfo[];
  topics?: string[];
  /** Initial working draft; by default an empty draft whose front matter names the title and parties. */
  working?: string;
}

export interface OpenOptions {
  /** Open without taking the lock: reading works, every write is refused. */
  readOnly?: boolean;
}

/** Unsaved text found in the autosave journal on opening, newer than working.md. */
export interface Recovery {
  /** The journal file it came from. */
  from: string;
  /** When it was autosaved (ISO timestamp). */
  savedAt: string;
}

export interface Finding {
  severity: 'error' | 'warning';
  code: 'missing-file' | 'hash-mismatch' | 'untracked-file' | 'manifest-changed' | 'working-changed';
  /** Path relative to the dossier folder. */
  file: string;
  message: string;
  /** For hash-mismatch: the hash dossier.yaml records, and the hash of the bytes on disk. */
  expected?: string;
  actual?: string;
}

export interface TableOptions {
  label: string;
  /** The party tabling the text; must be one of the dossier's parties. */
  by: PartyId;
  /** Default "draft". */
  status?: DraftStatus;
  /** YYYY-MM-DD; default today (local time). */
  date?: string;
}

export interface SaveOptions {
  /** Replace working.md even if it changed on disk since this handle last read or wrote it. */
  force?: boolean;
}

export interface DossierHandle {
  readonly dir: string;
  readonly readOnly: boolean;
  /** The manifest as of the last read or tabling. */
  readonly manifest: DossierManifest;
  /** Warnings about dossier.yaml (unknown keys …); errors prevent opening. */
  readonly warnings: readonly ManifestDiagnostic[];
  /**
   * Set when unsaved work was found in the autosave journal on opening, or autosaved through this handle since
   * the last save; readWorking() returns it until saved or discarded.
   */
  readonly recovered: Recovery | null;
  /** Plain sentences about what opening found and did (leftovers set aside …), for the user to see. */
  readonly notices: readonly string[];
  listVersions(): VersionEntry[];
  /** The text of tabled version n, after checking its bytes against the recorded hash. */
  readVersion(n: number): Promise<string>;
  /** The working draft: recovered text if any is pending, else working.md as now on disk. */
  readWorking(): Promise<string>;
  /** Write working.md atomically and clear the autosave journal. */
  saveWorking(text: string, options?: SaveOptions): Promise<void>;
  /** Record unsaved text in the autosave journal (and, until saved, as the working draft read); working.md is untouched. */
  autosave(text: string): Promise<void>;
  /** Drop recovered text: the user chose working.md as it is on disk. */
  discardRecovery(): Promise<void>;
  /** Table working.md (as saved) as the next version. */
  tableWorking(options: TableOptions): Promise<VersionEntry>;
  /** Check every tabled file against its hash, and look for files changed or left outside the record. */
  verify(): Promise<Finding[]>;
  /** Release the lock. The handle cannot be used afterwards. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------

export async function createDossier(dir: string, init: CreateDossierInit): Promise<void> {
  const root = resolve(dir);
  let entries: string[] = [];
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new DossierError('not-empty', `Cannot create a dossier at ${root}: a file of that name exists.`);
    entries = await readdir(root);
  } catch (error) {
    if (error instanceof DossierError) throw error;
    if (errnoCode(error) !== 'ENOENT') throw ioError('look at', root, error);
  }
  if (entries.length > 0) {
    throw new DossierError('not-empty', `Cannot create a dossier in ${root}: the folder is not empty. Choose a new or empty folder.`);
  }

  const checked = validateManifest({
    parley: 1, title: init.title, parties: init.parties, topics: init.topics ?? [], versions: [],
  });
  if (!checked.manifest) {
    const problems = checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new DossierError('invalid-input', `Cannot create the dossier ${root}: ${problems.join('; ')}.`, { diagnostics: checked.diagnostics });
  }
  const manifest = checked.manifest;
  const working = init.working ??
    writeFrontMatter({ title: manifest.title, parties: Object.fromEntries(manifest.parties.map((p) => [p.id, p.name])) });

  try {
    await makeDirectories(join(root, VERSIONS_DIR));
    await ensureStateDir(root);
    await writeFileAtomic(join(root, WORKING_FILE), working);
    // dossier.yaml last: a folder without it is not a dossier, so a crash half-way leaves nothing that opens.
    await writeFileAtomic(join(root, MANIFEST_FILE), renderManifest(manifest));
  } catch (error) {
    throw ioError('create the dossier', root, error);
  }
}

/**
 * Why a path that holds no dossier.yaml is no dossier, in the words that help: nothing is there (a mistyped
 * path), a file is (a draft named where its dossier was meant, as in draft.md@2), or a folder without a dossier.
 */
async function notADossier(root: string): Promise<DossierError> {
  const what = await stat(root).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => 'nothing');
  const message = what === 'nothing' ? `${root} does not exist: there is no dossier there.`
    : what === 'file' ? `${root} is a file, not a dossier folder: a dossier is a folder holding ${MANIFEST_FILE}, its versions and working draft.`
    : `${root} is not a Parley dossier: it has no ${MANIFEST_FILE}.`;
  return new DossierError('not-a-dossier', message);
}

export async function openDossier(dir: string, options: OpenOptions = {}): Promise<DossierHandle> {
  const root = resolve(dir);
  const readOnly = options.readOnly === true;
  // Look for dossier.yaml before creating .parley/ or a lock: never litter a folder that is not a dossier.
  try {
    await stat(join(root, MANIFEST_FILE));
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw await notADossier(root);
    throw ioError('look at', root, error);
  }

  let lock: DossierLock | null = null;
  if (!readOnly) {
    await ensureStateDir(root);
    lock = await acquireLock(root, join(root, STATE_DIR));
  }
  try {
    const loaded = await loadManifest(root);
    const notices: string[] = [];
    if (!readOnly) {
      for (const sub of [root, join(root, VERSIONS_DIR), join(root, STATE_DIR)]) await removeLeftoverTemps(sub);
      notices.push(...await setAsideInterruptedTablings(root, loaded.manifest));
    }
    const working = await readText(join(root, WORKING_FILE));
    const handle = new Handle(root, readOnly, lock, loaded.manifest, loaded.source, loaded.warnings, sha256(working), notices);
    await handle.lookForUnsavedWork(working);
    return handle;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------

class Handle implements DossierHandle {
  recovered: Recovery | null = null;
  private pending: JournalEntry | null = null;
  /** How many times working.md was saved through this handle: an autosave overtaken by a save is not pending. */
  private saves = 0;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    private lock: DossierLock | null,
    public manifest: DossierManifest,
    /** dossier.yaml as we last read or wrote it. */
    private manifestSource: string,
    readonly warnings: ManifestDiagnostic[],
    /** sha256 of working.md as we last read or wrote it. */
    private workingSha: string,
    readonly notices: string[],
  ) {}

  private get stateDir(): string {
    return join(this.dir, STATE_DIR);
  }

  /** Called once by openDossier: decide what an autosave journal left by an earlier session means. */
  async lookForUnsavedWork(working: string): Promise<void> {
    const journal = await readJournal(this.stateDir);
    if (!journal) return;
    if (journal.text === working) {
      // Already saved (we were killed between saving and clearing the journal): nothing to recover.
      if (!this.readOnly) await clearJournal(this.stateDir);
    } else if (journal.baseSha256 === this.workingSha) {
      this.pending = journal;
      this.recovered = { from: journalPath(this.stateDir), savedAt: journal.savedAt };
      this.notices.push(`Unsaved changes from ${journal.savedAt} were recovered from the autosave journal; save them to keep them.`);
    } else if (!this.readOnly) {
      // working.md changed after this autosave: it is not newer work, but it may still hold words someone wants.
      const aside = await setJournalAside(this.stateDir, journal.savedAt);
      this.notices.push(`An autosave from ${journal.savedAt} is older than ${WORKING_FILE} and was not recovered; it was kept as ${aside}.`);
    }
  }

  listVersions(): VersionEntry[] {
    return this.manifest.versions.map((v) => ({ ...v }));
  }

  async readVersion(n: number): Promise<string> {
    this.assertOpen();
    const entry = this.manifest.versions.find((v) => v.version === n);
    if (!entry) {
      throw new DossierError('missing-file', `The dossier ${this.dir} has no version ${n}; it has ${this.manifest.versions.length} tabled version(s).`);
    }
    const path = join(this.dir, entry.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') throw new DossierError('missing-file', `Version ${n} (${entry.file}) is missing from the dossier ${this.dir}.`);
      throw ioError('read', path, error);
    }
    const actual = sha256(bytes);
    if (actual !== entry.sha256) {
      throw new DossierError('hash-mismatch',
        `Version ${n} (${entry.file}) was changed after it was tabled: dossier.yaml records sha256 ${entry.sha256}, the file now has ${actual}.`);
    }
    return bytes.toString('utf8');
  }

  async readWorking(): Promise<string> {
    this.assertOpen();
    if (this.pending) return this.pending.text;
    const text = await readText(join(this.dir, WORKING_FILE));
    this.workingSha = sha256(text); // what the caller now holds is what a later save is based on
    return text;
  }

  async saveWorking(text: string, options: SaveOptions = {}): Promise<void> {
    this.assertWritable('save the working draft');
    if (!options.force) await this.assertWorkingUnchanged('was not saved');
    const path = join(this.dir, WORKING_FILE);
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      throw ioError('save', path, error);
    }
    this.workingSha = sha256(text);
    this.saves++;
    this.pending = null;
    this.recovered = null;
    await clearJournal(this.stateDir);
  }

  async autosave(text: string): Promise<void> {
    this.assertWritable('autosave');
    const saves = this.saves;
    // Based on working.md as this handle knows it; recovery later requires working.md to still be that.
    const entry: JournalEntry = { savedAt: new Date().toISOString(), baseSha256: this.workingSha, text };
    await writeJournal(this.stateDir, entry);
    // Until it is saved or discarded, the autosaved text is the working draft for whoever reads it next (a page
    // reloaded or reopened while this process runs), just as after a crash. A save that overtook this autosave
    // wins, and text that reads as working.md is no unsaved work.
    if (this.saves === saves && sha256(text) !== this.workingSha) {
      this.pending = entry;
      this.recovered = { from: journalPath(this.stateDir), savedAt: entry.savedAt };
    }
  }

  async discardRecovery(): Promise<void> {
    this.assertWritable('discard recovered changes');
    if (!this.pending) return;
    await setJournalAside(this.stateDir, this.pending.savedAt);
    this.pending = null;
    this.recovered = null;
  }

  async tableWorking(options: TableOptions): Promise<VersionEntry> {
    this.assertWritable('table a version');
    const { label, by } = options;
    const status = options.status ?? 'draft';
    const date = options.date ?? today();
    if (typeof label !== 'string' || label.trim() === '') throw new DossierError('invalid-input', 'A tabled version needs a label, such as "EU first proposal".');
    if (!this.manifest.parties.some((p) => p.id === by)) {
      throw new DossierError('invalid-input', `"${by}" is not a party to this dossier; the parties are ${this.manifest.parties.map((p) => p.id).join(', ')}.`);
    }
    if (!(DRAFT_STATUSES as readonly string[]).includes(status)) {
      throw new DossierError('invalid-input', `"${status}" is not a status; use one of ${DRAFT_STATUSES.join(', ')}.`);
    }
    if (!isIsoDate(date)) throw new DossierError('invalid-input', `"${date}" is not a date written YYYY-MM-DD.`);
    if (this.pending) {
      throw new DossierError('invalid-input', 'There are recovered unsaved changes: save or discard them before tabling, so that it is clear which text is tabled.');
    }

    const manifestPath = join(this.dir, MANIFEST_FILE);
    if ((await readText(manifestPath)) !== this.manifestSource) {
      throw new DossierError('changed-on-disk', `${manifestPath} was changed outside Parley since the dossier was opened; nothing was tabled. Reopen the dossier to see the change.`);
    }
    const working = await this.assertWorkingUnchanged('was not tabled');

    const version = this.manifest.versions.length + 1;
    const file = `${VERSIONS_DIR}/v${version}.md`;
    const bytes = Buffer.from(stampVersion(working, { version, label, tabledBy: by, date, status }, this.manifest, join(this.dir, WORKING_FILE)), 'utf8');
    try {
      await createFileExclusive(join(this.dir, file), bytes);
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') {
        throw new DossierError('version-exists',
          `${file} already exists in ${this.dir} although dossier.yaml lists only ${version - 1} version(s); it was not overwritten. Move it out of ${VERSIONS_DIR}/ and table again.`);
      }
      throw ioError('write', join(this.dir, file), error);
    }
    const entry: VersionEntry = { version, file, label, tabledBy: by, date, status, sha256: sha256(bytes) };
    const source = appendVersion(this.manifestSource, entry);
    const reparsed = parseManifest(source, manifestPath);
    if (!reparsed.manifest) throw new DossierError('invalid-manifest', `Recording version ${version} would make ${manifestPath} invalid; it was left as it was.`, { diagnostics: reparsed.diagnostics });
    try {
      await writeFileAtomic(manifestPath, source);
    } catch (error) {
      throw ioError('record the new version in', manifestPath, error);
    }
    this.manifestSource = source;
    this.manifest = reparsed.manifest;
    return { ...entry };
  }

  async verify(): Promise<Finding[]> {
    this.assertOpen();
    const findings: Finding[] = [];
    const recorded = new Set<string>();
    for (const entry of this.manifest.versions) {
      recorded.add(entry.file);
      let bytes: Buffer;
      try {
        bytes = await readFile(join(this.dir, entry.file));
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw ioError('read', join(this.dir, entry.file), error);
        findings.push({ severity: 'error', code: 'missing-file', file: entry.file, message: `Version ${entry.version} (${entry.file}) is missing.` });
        continue;
      }
      const actual = sha256(bytes);
      if (actual !== entry.sha256) {
        findings.push({
          severity: 'error', code: 'hash-mismatch', file: entry.file, expected: entry.sha256, actual,
          message: `Version ${entry.version} (${entry.file}) was changed after it was tabled: dossier.yaml records sha256 ${entry.sha256}, the file has ${actual}.`,
        });
      }
    }
    for (const name of await listDir(join(this.dir, VERSIONS_DIR))) {
      const file = `${VERSIONS_DIR}/${name}`;
      if (!recorded.has(file) && !name.startsWith('.')) {
        findings.push({ severity: 'warning', code: 'untracked-file', file, message: `${file} is not a tabled version: dossier.yaml does not list it.` });
      }
    }
    if ((await readText(join(this.dir, MANIFEST_FILE))) !== this.manifestSource) {
      findings.push({ severity: 'warning', code: 'manifest-changed', file: MANIFEST_FILE, message: `${MANIFEST_FILE} was changed outside Parley since the dossier was opened.` });
    }
    if (sha256(await readText(join(this.dir, WORKING_FILE))) !== this.workingSha) {
      findings.push({ severity: 'warning', code: 'working-changed', file: WORKING_FILE, message: `${WORKING_FILE} was changed outside Parley since it was last read or saved.` });
    }
    return findings;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock?.release();
    this.lock = null;
  }

  private assertOpen(): void {
    if (this.closed) throw new DossierError('closed', `The dossier ${this.dir} has been closed.`);
  }

  private assertWritable(action: string): void {
    this.assertOpen();
    if (this.readOnly) throw new DossierError('read-only', `Cannot ${action}: the dossier ${this.dir} is open read-only.`);
  }

  /** working.md as on disk, after checking nobody changed it since we last read or wrote it. */
  private async assertWorkingUnchanged(consequence: string): Promise<string> {
    const path = join(this.dir, WORKING_FILE);
    const text = await readText(path);
    if (sha256(text) !== this.workingSha) {
      throw new DossierError('changed-on-disk',
        `${path} was changed outside Parley since it was last read or saved, so the draft ${consequence}. ` +
        `Reload it to see the change, or save again choosing to replace it.`);
    }
    return text;
  }
}

// ---------------------------------------------------------------------------------------------------------

async function ensureStateDir(root: string): Promise<void> {
  const state = join(root, STATE_DIR);
  await makeDirectories(state);
  // The lock and journal belong to this machine: keep them out of any repository the dossier lives in.
  try {
    await writeFile(join(state, '.gitignore'), '*\n', { flag: 'wx' });
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw error;
  }
}

/**
 * A file versions/vN.md with N beyond the recorded versions is a tabling cut short between writing the file
 * and recording it. Move it out of the way (never delete: it is someone's text) so that N can be tabled again.
 */
async function setAsideInterruptedTablings(root: string, manifest: DossierManifest): Promise<string[]> {
  const notices: string[] = [];
  const last = manifest.versions.length;
  for (const name of await listDir(join(root, VERSIONS_DIR))) {
    const match = /^v(\d+)\.md$/.exec(name);
    if (!match || Number(match[1]) <= last || manifest.versions.some((v) => v.file === `${VERSIONS_DIR}/${name}`)) continue;
    const asideDir = join(root, STATE_DIR, 'interrupted');
    await makeDirectories(asideDir);
    const aside = join(asideDir, `${name.slice(0, -3)}-${Date.now()}.md`);
    await rename(join(root, VERSIONS_DIR, name), aside);
    notices.push(`Tabling of version ${match[1]} was interrupted before it was recorded; its file was moved to ${aside}. Table it again if it is wanted.`);
  }
  return notices;
}

async function readText(path: string): Promise<string> {
  return (await readTextIfPresent(path, 'read')) ?? ''; // a missing working.md reads as an empty draft
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw ioError('list', dir, error);
  }
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
