/**
 * The DossierApi (src/api.ts) over a dossier folder on this machine: what the Electron main process and the
 * local web server (`parley serve`) both serve, and what unit tests call directly.
 *
 * Its job is translation, not logic: drafts are parsed and serialized by src/format/markdown.ts, the files are
 * kept by the dossier store (src/node/dossier/store.ts: lock, atomic saves, autosave journal, hashes), and
 * comparison is src/compare. Every failure leaves as an ApiError with a code a UI can act on and a plain
 * sentence a person can read; nothing else (and no stack trace) crosses to the user interface.
 */
import { basename, join } from 'node:path';
import { ApiError, draftRefName, type DossierApi, type DossierSummary, type DraftDocument, type DraftRef, type InheritedDraft, type TableRequest, type TabledVersion } from '../api.js';
import { sameContent } from '../model/text.js';
import type { ComparisonJson } from '../compare/contract.js';
import type { CompareOptions } from '../compare/compare.js';
import type { ClauseHistoryJson, HistoryVersion } from '../compare/history.js';
import type { ThreeWayJson } from '../compare/three-way-json.js';
import { parseDraft, serializeDraft } from '../format/markdown.js';
import type { Draft } from '../model/draft.js';
import { DossierError, openDossier, WORKING_FILE, type DossierHandle } from './dossier/store.js';
import { lockHolder } from './dossier/lock.js';

export type CompareDrafts = (oldDraft: Draft, newDraft: Draft, options?: CompareOptions) => ComparisonJson;

export interface DossierApiOptions {
  /** Open without the write lock from the start. */
  readOnly?: boolean;
  /**
   * When another process holds the write lock: true (default) opens read-only and says so in the summary's
   * notices, so that the text can still be read and compared; false fails with the store's "locked" message.
   */
  readOnlyIfLocked?: boolean;
  /** Where compareDrafts comes from; tests replace it. Default: src/compare/compare.ts, loaded on first use. */
  loadCompare?: () => Promise<CompareDrafts | null>;
}

export interface LocalDossierApi extends DossierApi {
  /** The dossier folder, resolved. */
  readonly dir: string;
  readonly readOnly: boolean;
  /** Release the write lock. Calls afterwards fail with code "closed". */
  close(): Promise<void>;
}

/** Open the dossier in `dir` and serve the DossierApi over it. Fails with an ApiError (code and sentence). */
export async function openDossierApi(dir: string, options: DossierApiOptions = {}): Promise<LocalDossierApi> {
  const notices: string[] = [];
  let handle: DossierHandle;
  try {
    handle = await openDossier(dir, { readOnly: options.readOnly === true });
  } catch (error) {
    if (!(error instanceof DossierError && error.code === 'locked' && options.readOnlyIfLocked !== false)) throw toApiError(error, 'open the dossier');
    try {
      handle = await openDossier(dir, { readOnly: true });
    } catch (second) {
      throw toApiError(second, 'open the dossier');
    }
    notices.push(await lockedNotice(handle.dir));
  }
  return new LocalApi(handle, notices, options.loadCompare ?? loadCompareModule);
}

class LocalApi implements LocalDossierApi {
  constructor(
    private readonly handle: DossierHandle,
    private readonly openingNotices: string[],
    private readonly loadCompare: () => Promise<CompareDrafts | null>,
  ) {}

  get dir(): string {
    return this.handle.dir;
  }

  get readOnly(): boolean {
    return this.handle.readOnly;
  }

  summary(): Promise<DossierSummary> {
    return guard('read the dossier', async () => {
      const { manifest } = this.handle;
      return {
        name: basename(this.handle.dir),
        title: manifest.title,
        parties: manifest.parties.map((p) => ({ ...p })),
        topics: [...manifest.topics],
        versions: this.handle.listVersions(),
        readOnly: this.handle.readOnly,
        recovered: this.handle.recovered ? { savedAt: this.handle.recovered.savedAt } : null,
        notices: [...this.openingNotices, ...this.handle.notices, ...this.handle.warnings.map((w) => w.message)],
      };
    });
  }

  readDraft(ref: DraftRef): Promise<DraftDocument> {
    return guard('read the draft', async () => {
      const checked = checkRef(ref);
      const { draft, diagnostics } = await this.parse(checked);
      return { ref: checked, draft, diagnostics };
    });
  }

  saveWorking(draft: Draft): Promise<{ savedAt: string }> {
    return guard('save the working draft', async () => {
      const text = serialize(draft);
      await this.handle.saveWorking(text);
      return { savedAt: new Date().toISOString() };
    });
  }

  autosaveWorking(draft: Draft): Promise<void> {
    return guard('autosave the working draft', async () => {
      await this.handle.autosave(serialize(draft));
    });
  }

  tableVersion(request: TableRequest): Promise<TabledVersion> {
    return guard('table the version', async () => {
      if (typeof request !== 'object' || request === null) {
        throw new ApiError('invalid-input', 'Tabling a version needs a label and the tabling party.');
      }
      const { label, by, status, date } = request;
      const latest = this.handle.listVersions().at(-1);
      const sameTextAs = latest && (await this.repeatsVersion(latest.version)) ? latest.version : undefined;
      const entry = await this.handle.tableWorking({ label, by, ...(status === undefined ? {} : { status }), ...(date === undefined ? {} : { date }) });
      return sameTextAs === undefined ? entry : { ...entry, sameTextAs };
    });
  }

  compare(oldRef: DraftRef, newRef: DraftRef): Promise<ComparisonJson> {
    return guard('compare the drafts', async () => (await this.comparePair(oldRef, newRef)).comparison);
  }

  wordRedline(oldRef: DraftRef, newRef: DraftRef, options: { legalNotes?: boolean } = {}): Promise<{ base64: string }> {
    return guard('write the Word redline', async () => {
      const { comparison, older, newer, oldRef: checkedOld, newRef: newChecked } = await this.comparePair(oldRef, newRef);
      // Loaded on first use: the Word writer is large, and only this asks for it.
      const { docxRedline, trackedChangeDate } = await import('../export/docx-redline.js');
      // The changes are the tabling party's, on the day it tabled; the working draft's are nobody's yet.
      const tabled = newChecked === 'working' ? undefined : this.handle.listVersions().find((v) => v.version === newChecked);
      const bytes = await docxRedline(comparison, older, newer, {
        author: tabled?.tabledBy ?? 'Working draft',
        date: trackedChangeDate(tabled?.date),
        legalNotes: options?.legalNotes === true,
        // A draft without a label of its own is named in the notes as the app names it.
        names: { old: draftRefName(checkedOld), new: draftRefName(newChecked) },
      });
      return { base64: Buffer.from(bytes).toString('base64') };
    });
  }

  /** Two drafts of the dossier, checked and parsed, and their comparison (what compare and wordRedline share). */
  private async comparePair(oldRef: DraftRef, newRef: DraftRef): Promise<{ comparison: ComparisonJson; older: Draft; newer: Draft; oldRef: DraftRef; newRef: DraftRef }> {
    const [oldChecked, newChecked] = [checkRef(oldRef), checkRef(newRef)];
    const compareDrafts = await this.loadCompare();
    if (!compareDrafts) throw new ApiError('not-ready', 'Comparison is not available in this build of Parley yet.');
    const [older, newer] = await Promise.all([this.parseForCompare(oldChecked), this.parseForCompare(newChecked)]);
    // Versions of one dossier share their authored clause ids: trust them.
    const comparison = compareDrafts(older.draft, newer.draft, { ids: 'always', staleReferences: true });
    return { comparison, older: older.draft, newer: newer.draft, oldRef: oldChecked, newRef: newChecked };
  }

  inheritIds(draft: Draft): Promise<InheritedDraft> {
    return guard('bring the imported draft into the dossier', async () => {
      checkDraft(draft, 'The imported draft');
      const versions = this.handle.listVersions();
      const tabled: Draft[] = [];
      for (const v of versions) tabled.push((await this.parseForCompare(v.version)).draft);
      // Loaded on first use, as the comparison is (inheriting aligns the drafts).
      const { inheritFromVersions } = await import('../compare/inherit-ids.js');
      const { draft: inherited, report } = inheritFromVersions(tabled, draft);
      const { manifest } = this.handle;
      inherited.meta = { title: manifest.title, parties: Object.fromEntries(manifest.parties.map((p) => [p.id, p.name])) };
      return {
        draft: inherited,
        fromVersion: report ? versions[versions.length - 1]!.version : null,
        kept: report?.kept.length ?? 0,
        fresh: report?.fresh.map((c) => c.id) ?? [],
        dropped: report?.dropped ?? [],
        restored: report?.restored.map((c) => ({ id: c.id, version: c.version })) ?? [],
      };
    });
  }

  clauseHistory(clauseId: string): Promise<ClauseHistoryJson> {
    return guard('read the clause\'s history', async () => {
      if (typeof clauseId !== 'string' || (clauseId !== '' && clauseId.trim() === '')) throw new ApiError('invalid-input', 'A clause history needs the clause\'s id (or \'\' for the title block).');
      // Loaded on first use, as the comparison is.
      const { allClauseIds, clauseHistory, clauseHistoryJson, tabledVersion, titleBlockHistory, workingVersion } = await import('../compare/history.js');
      const versions: HistoryVersion[] = [];
      for (const v of this.handle.listVersions()) versions.push(tabledVersion(v, (await this.parseForCompare(v.version)).draft));
      versions.push(workingVersion((await this.parse('working')).draft));
      if (clauseId === '') {
        const history = titleBlockHistory(versions);
        if (history.entries.every((e) => !e.clause)) throw new ApiError('not-found', 'No version of this dossier has a title block (text before its first clause).');
        return clauseHistoryJson(history);
      }
      if (!allClauseIds(versions.map((v) => v.draft)).includes(clauseId)) {
        throw new ApiError('not-found', `No version of this dossier has a clause with the id "${clauseId}".`);
      }
      return clauseHistoryJson(clauseHistory(versions, clauseId));
    });
  }

  threeWay(base: DraftRef, first: DraftRef, second: DraftRef): Promise<ThreeWayJson> {
    return guard('compare the three drafts', async () => {
      const refs = [checkRef(base), checkRef(first), checkRef(second)];
      // Loaded on first use, as the comparison is.
      const { tabledVersion, workingVersion } = await import('../compare/history.js');
      const { threeWay } = await import('../compare/three-way.js');
      const { threeWayJson } = await import('../compare/three-way-json.js');
      const tabled = this.handle.listVersions();
      const version = async (ref: DraftRef): Promise<HistoryVersion> => {
        if (ref === 'working') return workingVersion((await this.parse('working')).draft);
        const entry = tabled.find((v) => v.version === ref);
        // readVersion says which versions there are, for a number none has.
        const { draft } = await this.parseForCompare(ref);
        return tabledVersion(entry!, draft);
      };
      const [b, f, s] = [await version(refs[0]!), await version(refs[1]!), await version(refs[2]!)];
      return threeWayJson(threeWay(b.draft, f.draft, s.draft), b, f, s);
    });
  }

  close(): Promise<void> {
    return guard('close the dossier', () => this.handle.close());
  }

  /**
   * Tabled versions never change, so their parse is kept for later comparisons (a 2,000-article version
   * takes ~100 ms to parse cold). The bytes are still read and checked against the recorded hash each time,
   * and the parse is reused only for the very same text. These drafts never leave this object: readDraft
   * parses afresh, so a caller cannot alter what is cached.
   */
  private readonly parsedVersions = new Map<number, { text: string; result: ReturnType<typeof parseDraft> }>();

  private async parseForCompare(ref: DraftRef) {
    if (ref === 'working') return this.parse(ref);
    const text = await this.handle.readVersion(ref);
    const cached = this.parsedVersions.get(ref);
    if (cached && cached.text === text) return cached.result;
    const entry = this.handle.manifest.versions.find((v) => v.version === ref);
    const result = parseDraft(text, { file: join(this.handle.dir, entry?.file ?? `version ${ref}`) });
    this.parsedVersions.set(ref, { text, result });
    return result;
  }

  /** Whether the working draft, as saved, holds the text of a tabled version unchanged (false when either cannot be read). */
  private async repeatsVersion(version: number): Promise<boolean> {
    try {
      return sameContent((await this.parse('working')).draft, (await this.parseForCompare(version)).draft);
    } catch {
      // Only a note rides on this; tabling reports what is wrong with the files itself.
      return false;
    }
  }

  private async parse(ref: DraftRef) {
    if (ref === 'working') {
      return parseDraft(await this.handle.readWorking(), { file: join(this.handle.dir, WORKING_FILE) });
    }
    const text = await this.handle.readVersion(ref);
    const entry = this.handle.manifest.versions.find((v) => v.version === ref);
    return parseDraft(text, { file: join(this.handle.dir, entry?.file ?? `version ${ref}`) });
  }
}

// ---------------------------------------------------------------------------------------------------------

function checkRef(ref: unknown): DraftRef {
  if (ref === 'working' || (typeof ref === 'number' && Number.isInteger(ref) && ref >= 1)) return ref as DraftRef;
  throw new ApiError('invalid-input', `${JSON.stringify(ref) ?? String(ref)} is not a draft: name a tabled version by its number (1, 2 …) or "working".`);
}

/** Refuse what is not a draft: one from a user interface is, over HTTP, whatever JSON was sent. */
function checkDraft(draft: Draft, what: string): void {
  if (typeof draft !== 'object' || draft === null || !Array.isArray(draft.clauses) || !Array.isArray(draft.front) || typeof draft.meta !== 'object' || draft.meta === null) {
    throw new ApiError('invalid-input', `${what} is not a Parley draft (it needs meta, front and clauses).`);
  }
}

/** Serialize a draft that came from a user interface. */
function serialize(draft: Draft): string {
  checkDraft(draft, 'The draft to save');
  try {
    return serializeDraft(draft);
  } catch (error) {
    throw new ApiError('invalid-input', `The draft could not be written as Markdown: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function guard<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error, doing);
  }
}

/** Any failure as an ApiError. Store errors already are plain sentences; anything else is a bug, said plainly. */
export function toApiError(error: unknown, doing: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DossierError) return new ApiError(error.code, error.message);
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', `Parley could not ${doing}: ${reason}`);
}

async function lockedNotice(dir: string): Promise<string> {
  const holder = await lockHolder(join(dir, '.parley')).catch(() => null);
  const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
  return `The dossier is open read-only: it is being edited by ${who}. Close it there to edit it here.`;
}

/**
 * The comparison engine (src/compare/compare.ts) is loaded on first use: opening a dossier, reading and saving
 * do not pay for loading it.
 */
async function loadCompareModule(): Promise<CompareDrafts | null> {
  const { compareDrafts } = await import('../compare/compare.js');
  return compareDrafts;
}
