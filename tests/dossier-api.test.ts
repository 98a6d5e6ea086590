import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type DraftRef } from '../src/api.js';
import { strFromU8, unzipSync } from 'fflate';
import type { ComparisonJson } from '../src/compare/contract.js';
import { parseDraft } from '../src/format/markdown.js';
import { importDraft } from '../src/format/import-text.js';
import { parseManifest } from '../src/model/dossier.js';
import type { Draft, Paragraph } from '../src/model/draft.js';
import { openDossierApi, type LocalDossierApi } from '../src/node/dossier-api.js';
import { openDossier } from '../src/node/dossier/store.js';
import { copySampleDossier, PROJECT_ROOT, SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { p } from './support/draft-builders.js';
import { collectOutput } from './support/output-collector.js';
import { threeWayCommand } from '../src/node/cli/three-way.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sample(): Promise<string> {
  const copy = await copySampleDossier();
  cleanups.push(copy.dispose);
  return copy.dir;
}

async function open(dir: string, options: Parameters<typeof openDossierApi>[1] = {}): Promise<LocalDossierApi> {
  const api = await openDossierApi(dir, options);
  cleanups.push(() => api.close());
  return api;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Append a sentence to the first paragraph found in the draft's clauses. */
function withEdit(draft: Draft, sentence: string): Draft {
  const copy = structuredClone(draft);
  for (const clause of copy.clauses) {
    const paragraph = clause.body.find((b): b is Paragraph => b.type === 'paragraph');
    if (paragraph) {
      // Into the last text node: the parser merges adjacent text, so a new node would not read back as one.
      const last = paragraph.children.at(-1);
      if (last?.type === 'text') last.value += ` ${sentence}`;
      else paragraph.children.push({ type: 'text', value: ` ${sentence}` });
      return copy;
    }
  }
  throw new Error('the sample has no clause paragraph');
}

describe('openDossierApi', () => {
  it('summarises the dossier as dossier.yaml records it', async () => {
    const dir = await sample();
    const api = await open(dir);
    const summary = await api.summary();
    const manifest = parseManifest(await readFile(join(dir, 'dossier.yaml'), 'utf8'), 'dossier.yaml').manifest!;
    expect(summary.name).toBe('rare-earths-mou');
    expect(summary.title).toBe(manifest.title);
    expect(summary.parties.map((p) => p.id)).toEqual(['EU', 'US']);
    expect(summary.topics).toEqual(manifest.topics);
    expect(summary.versions.map((v) => v.label)).toEqual(manifest.versions.map((v) => v.label));
    expect(summary.readOnly).toBe(false);
    expect(summary.recovered).toBeNull();
  });

  it('reads tabled versions and the working draft with the draft parser', async () => {
    const dir = await sample();
    const api = await open(dir);
    const v1 = await api.readDraft(1);
    const expected = parseDraft(await readFile(join(dir, 'versions', 'v1.md'), 'utf8'));
    expect(v1.ref).toBe(1);
    expect(v1.draft).toEqual(expected.draft);
    const working = await api.readDraft('working');
    expect(working.draft.clauses.length).toBeGreaterThan(5);
    expect(working.draft.clauses.map((c) => c.id)).toEqual(parseDraft(await readFile(join(dir, 'working.md'), 'utf8')).draft.clauses.map((c) => c.id));
  });

  it('refuses drafts that do not exist, with a code and a sentence', async () => {
    const api = await open(await sample());
    const missing = await rejection(api.readDraft(99));
    expect(missing.code).toBe('missing-file');
    expect(missing.message).toMatch(/no version 99/);
    const bad = await rejection(api.readDraft('latest' as never));
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/"latest" is not a draft/);
  });

  it('saves the working draft atomically and reads back what it saved', async () => {
    const dir = await sample();
    const api = await open(dir);
    const before = (await api.readDraft('working')).draft;
    const edited = withEdit(before, 'Saved through the API.');
    const { savedAt } = await api.saveWorking(edited);
    expect(Date.parse(savedAt)).not.toBeNaN();
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toContain('Saved through the API.');
    expect((await api.readDraft('working')).draft).toEqual(edited);
  });

  it('refuses to save something that is not a draft', async () => {
    const api = await open(await sample());
    const error = await rejection(api.saveWorking({ nonsense: true } as never));
    expect(error.code).toBe('invalid-input');
  });

  it('refuses to overwrite a working draft changed behind its back', async () => {
    const dir = await sample();
    const api = await open(dir);
    const draft = (await api.readDraft('working')).draft;
    await writeFile(join(dir, 'working.md'), (await readFile(join(dir, 'working.md'), 'utf8')) + '\nEdited elsewhere.\n');
    const error = await rejection(api.saveWorking(draft));
    expect(error.code).toBe('changed-on-disk');
  });

  it('autosaves into the journal and a reopened dossier recovers it and says so', async () => {
    const dir = await sample();
    const api = await openDossierApi(dir);
    const draft = withEdit((await api.readDraft('working')).draft, 'Typed before the crash.');
    await api.autosaveWorking(draft);
    expect(await readFile(join(dir, 'working.md'), 'utf8')).not.toContain('Typed before the crash.');
    await api.close();

    const reopened = await open(dir);
    const summary = await reopened.summary();
    expect(summary.recovered).not.toBeNull();
    expect(summary.notices.join(' ')).toMatch(/recovered/);
    expect((await reopened.readDraft('working')).draft).toEqual(draft);
  });

  it('tables the saved working draft as the next version', async () => {
    const dir = await sample();
    const api = await open(dir);
    const count = (await api.summary()).versions.length;
    await api.saveWorking(withEdit((await api.readDraft('working')).draft, 'To be tabled.'));
    const entry = await api.tableVersion({ label: 'US counter-proposal', by: 'US', status: 'non-paper', date: '2026-07-01' });
    expect(entry).toMatchObject({ version: count + 1, label: 'US counter-proposal', tabledBy: 'US', status: 'non-paper', date: '2026-07-01' });
    expect((await api.summary()).versions).toHaveLength(count + 1);
    expect(await readFile(join(dir, entry.file), 'utf8')).toContain('To be tabled.');
    expect(entry.sameTextAs).toBeUndefined();
    // The same text tabled again (the EU accepting it ad referendum) is a version of its own, and says so.
    const again = await api.tableVersion({ label: 'Accepted by the EU', by: 'EU', status: 'ad-ref' });
    expect(again).toMatchObject({ version: count + 2, sameTextAs: count + 1 });
    const error = await rejection(api.tableVersion({ label: 'x', by: 'FR' }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/"FR" is not a party/);
  });

  it('opens read-only, and says who holds it, when another handle has the lock', async () => {
    const dir = await sample();
    const holder = await openDossier(dir);
    cleanups.push(() => holder.close());
    const api = await open(dir);
    const summary = await api.summary();
    expect(summary.readOnly).toBe(true);
    expect(summary.notices.join(' ')).toMatch(/read-only: it is being edited by process \d+/);
    const error = await rejection(api.saveWorking((await api.readDraft('working')).draft));
    expect(error.code).toBe('read-only');

    const strict = await rejection(openDossierApi(dir, { readOnlyIfLocked: false }));
    expect(strict.code).toBe('locked');
  });

  it('fails plainly for a folder that is not a dossier, and after close', async () => {
    const notDossier = await rejection(openDossierApi(join(PROJECT_ROOT, 'tests')));
    expect(notDossier.code).toBe('not-a-dossier');
    const api = await openDossierApi(await sample());
    await api.close();
    expect((await rejection(api.readDraft(1))).code).toBe('closed');
  });

  it('hands the two parsed drafts to compareDrafts, and says "not-ready" without it', async () => {
    const dir = await sample();
    const seen: [Draft, Draft][] = [];
    const result = { summary: { edited: 1 } } as unknown as ComparisonJson;
    const api = await open(dir, { loadCompare: async () => (a, b) => { seen.push([a, b]); return result; } });
    expect(await api.compare(1, 'working')).toBe(result);
    expect(seen[0]![0]).toEqual((await api.readDraft(1)).draft);
    expect(seen[0]![1]).toEqual((await api.readDraft('working')).draft);
    expect((await rejection(api.compare(1, 42))).code).toBe('missing-file');

    const api2 = await open(await sample(), { loadCompare: async () => null });
    const notReady = await rejection(api2.compare(1, 2));
    expect(notReady.code).toBe('not-ready');
  });

  it('compares two tabled versions with the comparison engine', async () => {
    const api = await open(await sample());
    const comparison = await api.compare(1, 2);
    const [v1, v2] = [(await api.summary()).versions[0]!, (await api.summary()).versions[1]!];
    expect(comparison.old.label).toBe(v1.label);
    expect(comparison.new.label).toBe(v2.label);
    expect(comparison.changes.length).toBeGreaterThan(0);
  });

  it('compares versions of one dossier by their ids, and still checks a version\'s bytes on every comparison', async () => {
    const dir = await sample();
    const api = await open(dir);
    const first = await api.compare(3, 4);
    expect(first.summary).toMatchObject({ split: 1, moved: 1, inserted: 1 });
    expect(await api.compare(3, 4)).toEqual(first);
    // A tabled file changed behind Parley's back is refused, even though its parse was kept.
    const v4 = join(dir, 'versions/v4.md');
    await writeFile(v4, (await readFile(v4, 'utf8')).replace('Stockpiling', 'Stock-piling'));
    expect((await rejection(api.compare(3, 4))).code).toBe('hash-mismatch');
  });

  it('writes the comparison as a Word redline in the name of the party that tabled the newer version, the working draft\'s in no one\'s', async () => {
    const dir = await sample();
    const api = await open(dir);
    const xmlOf = async (oldRef: DraftRef, newRef: DraftRef) => {
      const { base64 } = await api.wordRedline(oldRef, newRef);
      return strFromU8(unzipSync(Buffer.from(base64, 'base64'))['word/document.xml']!);
    };
    // v3 was tabled by the EU on 2026-03-12.
    const tabled = await xmlOf(2, 3);
    expect(new Set([...tabled.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)" w:date="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`))).toEqual(new Set(['EU 2026-03-12T12:00:00Z']));
    await api.saveWorking(withEdit((await api.readDraft('working')).draft, 'The Participants will review this Memorandum in 2030.'));
    const working = await xmlOf(5, 'working');
    expect(working).toMatch(/w:author="Working draft"[^>]*><w:r><w:t[^>]*>[^<]*review this Memorandum in 2030/);
    expect((await rejection(api.wordRedline(1, 42))).code).toBe('missing-file');
    // Legal notes asked for: margin comments listing what changed in law.
    const noted = unzipSync(Buffer.from((await api.wordRedline(4, 5, { legalNotes: true })).base64, 'base64'));
    expect(strFromU8(noted['word/comments.xml']!)).toContain('obligation: [shall][will] → will (as US proposed)');
    expect(unzipSync(Buffer.from((await api.wordRedline(4, 5)).base64, 'base64'))['word/comments.xml']).toBeUndefined();
    // A working draft without a label, its last clause moved to the front: the notes call it as the app does.
    const moved = structuredClone((await api.readDraft('working')).draft);
    delete moved.meta.label;
    moved.clauses.unshift(moved.clauses.pop()!);
    await api.saveWorking(moved);
    const notes = strFromU8(unzipSync(Buffer.from((await api.wordRedline(5, 'working')).base64, 'base64'))['word/comments.xml']!);
    expect(notes).toMatch(/Moved: in “working draft” this is /);
    expect(notes).toContain('In “Text agreed ad referendum” this was');
  });

  it('gives an imported draft the clause ids of the latest version, new ids to new clauses, and saves nothing', async () => {
    const dir = await sample();
    const api = await open(dir);
    // Version 2's text as it would arrive from outside: plain text, every id generated from its label.
    const v2 = (await readFile(join(dir, 'versions/v2.md'), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '').replace(/ \{#[^}]*\}$/gm, '');
    const incoming = importDraft(v2, { file: 'counter-proposal.md' }).draft;
    expect(incoming.clauses.map((c) => c.id)).toContain('paragraph-4');
    const workingBefore = await readFile(join(dir, 'working.md'), 'utf8');

    const result = await api.inheritIds(incoming);
    const latest = (await api.summary()).versions.at(-1)!.version;
    expect(result.fromVersion).toBe(latest);
    const byTitle = new Map(result.draft.clauses.map((c) => [c.title, c]));
    // "No export bans" is Paragraph 4 in version 2 and Paragraph 6 in the latest: the id follows the text.
    expect(byTitle.get('No export bans')).toMatchObject({ label: 'Paragraph 4', id: 'no-export-bans', topics: ['export-restrictions'] });
    expect(result.kept).toBeGreaterThan(10);
    expect(result.draft.clauses.every((c) => !/^paragraph-\d+$/.test(c.id))).toBe(true);
    // Review, which version 2 put in and version 3 deleted, comes back with its own id (from v2, where it stood
    // last), not a new one; nothing else is new; the latest version's clauses missing from the import are listed.
    expect(byTitle.get('Review')!.id).toBe('review');
    expect(result.restored).toEqual([{ id: 'review', version: 2 }]);
    expect(result.fresh).toEqual([]);
    expect(result.dropped).toContain('territorial-integrity');
    expect(result.draft.meta).toMatchObject({ title: (await api.summary()).title });
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(workingBefore);
    expect((await rejection(api.inheritIds({ clauses: 'none' } as unknown as Draft))).code).toBe('invalid-input');
  });

  it('gives a clause\'s history through every tabled version and the working draft as saved, as parley history gives it', async () => {
    const dir = await sample();
    const api = await open(dir);
    const history = await api.clauseHistory('pricing');
    expect(history.id).toBe('pricing');
    expect(history.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 'working']);
    // v4 split anti-dumping off: pricing kept the rest, nothing struck from it nor lost in law.
    const v4 = history.versions[3]!;
    expect(v4).toMatchObject({ tabledBy: 'EU', relation: { kind: 'split', into: ['pricing', 'anti-dumping'] }, change: { kind: 'edited', legal: [] } });
    expect(v4.change!.words.every((w) => w.op !== 'delete' || !w.text.includes('trade defence'))).toBe(true);
    expect(history.versions[4]!.change).toMatchObject({ by: 'US', legal: [{ type: 'obligation', new: 'intend to', direction: 'weaker' }] });

    // The working draft as saved: an edit saved shows as its change.
    const { draft } = await api.readDraft('working');
    await api.saveWorking(withEdit(draft, 'Added in the working draft.'));
    const preamble = draft.clauses[0]!.id;
    const words = (await api.clauseHistory(preamble)).versions.at(-1)!.change!.words;
    expect(words.filter((w) => w.op === 'insert').map((w) => w.text).join('')).toContain('Added in the working draft.');

    expect((await rejection(api.clauseHistory('no-such-clause'))).code).toBe('not-found');
    expect((await rejection(api.clauseHistory(42 as unknown as string))).code).toBe('invalid-input');

    // '' is the title block (the text before the first clause): none in any version yet, then one the working
    // draft puts in.
    expect((await rejection(api.clauseHistory(''))).code).toBe('not-found');
    await api.saveWorking({ ...(await api.readDraft('working')).draft, front: [p('between the European Union and the United States of America')] });
    const titleBlock = await api.clauseHistory('');
    expect(titleBlock.id).toBe('');
    expect(titleBlock.versions.slice(0, 5).map((v) => v.absent?.reason)).toEqual(['not-yet', 'not-yet', 'not-yet', 'not-yet', 'not-yet']);
    expect(titleBlock.versions[5]!.clause).toMatchObject({ heading: 'Title block', text: 'between the European Union and the United States of America' });
  });

  it('compares two drafts against a base, as parley diff --base gives it, the working draft as saved', async () => {
    const dir = await sample();
    const api = await open(dir);
    const result = await api.threeWay(3, 4, 5);
    expect(result.base).toMatchObject({ version: 3, tabledBy: 'EU' });
    expect(result.second).toMatchObject({ version: 5, tabledBy: 'US' });
    // The same JSON as the command's, which reads the dossier's files itself.
    const cli = collectOutput();
    expect(await threeWayCommand(dir, '3', '4', '5', { format: 'json' }, cli)).toBe(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(cli.text()));
    // v4 split anti-dumping off #pricing, and v5, building on it, edited both: v5 holds both changes.
    const pricing = result.clauses.find((c) => c.id === 'pricing')!;
    expect(pricing).toMatchObject({ status: 'conflict', overlap: false, holdsBoth: 'second' });

    // The working draft as saved: an edit to it is the second side's change.
    const { draft } = await api.readDraft('working');
    await api.saveWorking(withEdit(draft, 'Added in the working draft.'));
    const changed = (await api.threeWay(5, 5, 'working')).clauses.filter((c) => c.status !== 'unchanged');
    // The first side is the base: whatever changed, the second side changed it.
    expect(new Set(changed.map((c) => c.status))).toEqual(new Set(['second-only']));
    const preamble = changed.find((c) => c.id === draft.clauses[0]!.id)!;
    expect(preamble.secondChange.words.filter((w) => w.op === 'insert').map((w) => w.text).join('')).toContain('Added in the working draft.');

    expect((await rejection(api.threeWay(3, 4, 99))).message).toMatch(/no version 99/);
    expect((await rejection(api.threeWay(3, 'latest' as unknown as number, 5))).code).toBe('invalid-input');
  });

  it('never modifies the fixture', async () => {
    expect(existsSync(join(SAMPLE_DOSSIER, '.parley'))).toBe(false);
  });
});
