import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDraft } from '../src/format/markdown.js';
import { parseManifest, validateManifest, type PartyInfo } from '../src/model/dossier.js';
import { createDossier, DossierError, openDossier, type DossierHandle } from '../src/node/dossier/store.js';
import { bundleStore, type StoreBundle } from './support/build-store.js';
import { startChild, type Child } from './support/child-process.js';

const PARTIES: PartyInfo[] = [
  { id: 'EU', name: 'European Union', colour: '#1f4e9c' },
  { id: 'US', name: 'United States of America', colour: '#b22234' },
];
const TITLE = 'Memorandum of Understanding between the European Union and the United States of America on Critical Minerals';

const WORKING = `---
parley: 1
title: ${TITLE}
parties:
  EU: European Union
  US: United States of America
---

## Paragraph 1 — Supply chains {#supply-chains .supply-chains}

1. The Participants intend to cooperate on secure supply chains for critical minerals.
`;

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-dossier-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function newDossier(): Promise<string> {
  const dir = join(await tempDir(), 'rare-earths-mou');
  await createDossier(dir, { title: TITLE, parties: PARTIES, topics: ['supply-chains', 'export-restrictions'], working: WORKING });
  return dir;
}

async function open(dir: string, readOnly = false): Promise<DossierHandle> {
  const handle = await openDossier(dir, { readOnly });
  cleanups.push(() => handle.close());
  return handle;
}

function child(storeUrl: string, mode: string, dir: string, ...args: string[]): Child {
  const c = startChild(storeUrl, mode, dir, ...args);
  cleanups.push(() => c.kill());
  return c;
}

async function rejection(promise: Promise<unknown>): Promise<DossierError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected the operation to fail');
}

describe('dossier store: public API', () => {
  it('exposes the public API', () => {
    expect(typeof createDossier).toBe('function');
    expect(typeof openDossier).toBe('function');
    expect(new DossierError('io', 'x')).toBeInstanceOf(Error);
  });
});

describe('createDossier', () => {
  it('lays out the folder and writes a manifest that parses back to what was given', async () => {
    const dir = await newDossier();
    expect((await readdir(dir)).sort()).toEqual(['.parley', 'dossier.yaml', 'versions', 'working.md']);
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(WORKING);
    const { manifest, diagnostics } = parseManifest(await readFile(join(dir, 'dossier.yaml'), 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(manifest).toEqual({ parley: 1, title: TITLE, parties: PARTIES, topics: ['supply-chains', 'export-restrictions'], versions: [] });
  });

  it('refuses a folder that is not empty, and leaves it alone', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const error = await rejection(createDossier(dir, { title: TITLE, parties: PARTIES }));
    expect(error.code).toBe('not-empty');
    expect(error.message).toContain(dir);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('refuses bad parties with a sentence saying what is wrong', async () => {
    const dir = join(await tempDir(), 'd');
    const error = await rejection(createDossier(dir, { title: TITLE, parties: [{ id: 'EU', name: 'European Union', colour: 'blue' }] }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/"EU" needs a colour written "#rrggbb"/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('tabling and verifying versions', () => {
  it('tables working.md as the next version, stamping its front matter and recording its hash', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    const v1 = await handle.tableWorking({ label: 'EU first proposal', by: 'EU', date: '2026-01-12' });
    await handle.saveWorking(WORKING.replace('intend to', 'shall'));
    const v2 = await handle.tableWorking({ label: 'US counter-proposal', by: 'US', date: '2026-01-20', status: 'non-paper' });

    expect(v1).toMatchObject({ version: 1, file: 'versions/v1.md', tabledBy: 'EU', status: 'draft' });
    expect(v2).toMatchObject({ version: 2, file: 'versions/v2.md', tabledBy: 'US', status: 'non-paper' });
    const text2 = await readFile(join(dir, 'versions/v2.md'), 'utf8');
    expect(text2).toContain('version: 2\nlabel: US counter-proposal\ntabled-by: US\ndate: 2026-01-20\nstatus: non-paper\n---\n');
    // The body is kept byte for byte.
    expect(text2.slice(text2.indexOf('\n## '))).toBe(WORKING.replace('intend to', 'shall').slice(WORKING.indexOf('\n## ')));
    expect(v2.sha256).toBe(sha(await readFile(join(dir, 'versions/v2.md'))));

    // What is recorded survives reopening, from another handle.
    await handle.close();
    const again = await open(dir, true);
    expect(again.listVersions()).toEqual([v1, v2]);
    expect(await again.readVersion(2)).toBe(text2);
    expect(await again.verify()).toEqual([]);
  });

  it('keeps comments a person wrote in dossier.yaml when recording a version', async () => {
    const dir = await newDossier();
    const path = join(dir, 'dossier.yaml');
    await writeFile(path, '# Negotiation file — do not circulate\n' + await readFile(path, 'utf8'));
    const handle = await open(dir);
    await handle.tableWorking({ label: 'EU first proposal', by: 'EU' });
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('# Negotiation file — do not circulate\n')).toBe(true);
    expect(parseManifest(text).manifest?.versions).toHaveLength(1);
  });

  it('refuses a tabling party that is not a party to the dossier', async () => {
    const handle = await open(await newDossier());
    const error = await rejection(handle.tableWorking({ label: 'x', by: 'CN' }));
    expect(error.message).toBe('"CN" is not a party to this dossier; the parties are EU, US.');
    expect(handle.listVersions()).toEqual([]);
  });

  it('reports a tabled file changed behind our back, naming the file and both hashes', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    const v1 = await handle.tableWorking({ label: 'EU first proposal', by: 'EU' });
    const tampered = (await readFile(join(dir, v1.file), 'utf8')).replace('intend to', 'shall');
    await writeFile(join(dir, v1.file), tampered);

    const findings = await handle.verify();
    expect(findings).toEqual([expect.objectContaining({
      severity: 'error', code: 'hash-mismatch', file: 'versions/v1.md', expected: v1.sha256, actual: sha(tampered),
    })]);
    expect(findings[0]!.message).toContain(v1.sha256);
    expect(findings[0]!.message).toContain(sha(tampered));
    expect((await rejection(handle.readVersion(1))).code).toBe('hash-mismatch');
  });

  it('reports a missing tabled file and a stray file in versions/', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    await handle.tableWorking({ label: 'EU first proposal', by: 'EU' });
    await rm(join(dir, 'versions/v1.md'));
    await writeFile(join(dir, 'versions/notes.md'), 'stray');
    expect((await handle.verify()).map((f) => [f.severity, f.code, f.file])).toEqual([
      ['error', 'missing-file', 'versions/v1.md'],
      ['warning', 'untracked-file', 'versions/notes.md'],
    ]);
  });

  it('never overwrites an existing version file', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    // Appears after opening, so it is not taken for an interrupted tabling and set aside.
    await writeFile(join(dir, 'versions/v1.md'), 'someone else\'s text');
    const error = await rejection(handle.tableWorking({ label: 'EU first proposal', by: 'EU' }));
    expect(error.code).toBe('version-exists');
    expect(await readFile(join(dir, 'versions/v1.md'), 'utf8')).toBe('someone else\'s text');
    expect(parseManifest(await readFile(join(dir, 'dossier.yaml'), 'utf8')).manifest?.versions).toEqual([]);
  });

  it('sets aside a version file left by an interrupted tabling, and says so', async () => {
    const dir = await newDossier();
    await writeFile(join(dir, 'versions/v1.md'), 'half of a tabling');
    const handle = await open(dir);
    expect(handle.notices.join('\n')).toMatch(/Tabling of version 1 was interrupted/);
    const aside = await readdir(join(dir, '.parley/interrupted'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, '.parley/interrupted', aside[0]!), 'utf8')).toBe('half of a tabling');
    expect((await handle.tableWorking({ label: 'EU first proposal', by: 'EU' })).version).toBe(1);
  });
});

describe('working draft', () => {
  it('refuses to overwrite working.md changed on disk behind our back', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    await handle.readWorking();
    await writeFile(join(dir, 'working.md'), 'edited in another editor');
    const error = await rejection(handle.saveWorking('mine'));
    expect(error.code).toBe('changed-on-disk');
    expect(error.message).toContain(join(dir, 'working.md'));
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe('edited in another editor');
    expect((await rejection(handle.tableWorking({ label: 'x', by: 'EU' }))).code).toBe('changed-on-disk');

    // Once the change has been read, saving on top of it is fine; and force replaces regardless.
    expect(await handle.readWorking()).toBe('edited in another editor');
    await handle.saveWorking('mine');
    await writeFile(join(dir, 'working.md'), 'again');
    await handle.saveWorking('forced', { force: true });
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe('forced');
  });

  it('read-only handles read but never write', async () => {
    const dir = await newDossier();
    const handle = await open(dir, true);
    expect(await handle.readWorking()).toBe(WORKING);
    expect((await rejection(handle.saveWorking('x'))).code).toBe('read-only');
    expect((await rejection(handle.tableWorking({ label: 'x', by: 'EU' }))).code).toBe('read-only');
    expect(existsSync(join(dir, '.parley/lock'))).toBe(false);
  });

  it('recovers autosaved text newer than working.md; saving clears the journal', async () => {
    const dir = await newDossier();
    const first = await openDossier(dir);
    await first.autosave('unsaved words');
    await first.close();

    const second = await open(dir);
    expect(second.recovered).toEqual({ from: join(dir, '.parley/autosave.json'), savedAt: expect.any(String) });
    expect(await second.readWorking()).toBe('unsaved words');
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(WORKING); // nothing overwritten until saved
    await second.saveWorking(await second.readWorking());
    await second.close();

    const third = await open(dir);
    expect(third.recovered).toBeNull();
    expect(await third.readWorking()).toBe('unsaved words');
  });

  it('offers autosaved text to the next reader while the same process runs (a reloaded page), until saved', async () => {
    const dir = await newDossier();
    const handle = await open(dir);
    // Text that reads as working.md is no unsaved work.
    await handle.autosave(await handle.readWorking());
    expect(handle.recovered).toBeNull();
    await handle.autosave('typed a moment ago');
    expect(handle.recovered).toEqual({ from: join(dir, '.parley/autosave.json'), savedAt: expect.any(String) });
    expect(await handle.readWorking()).toBe('typed a moment ago');
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe(WORKING);
    // Tabling takes working.md: it waits until the newer text is saved or discarded.
    expect((await rejection(handle.tableWorking({ label: 'x', by: 'EU' }))).message).toMatch(/save or discard them before tabling/);
    await handle.saveWorking('typed a moment ago');
    expect(handle.recovered).toBeNull();
    expect(await handle.readWorking()).toBe('typed a moment ago');
  });

  it('does not offer an autosave older than working.md, but keeps it', async () => {
    const dir = await newDossier();
    const first = await openDossier(dir);
    await first.autosave('old unsaved words');
    await first.close();
    await writeFile(join(dir, 'working.md'), 'changed later elsewhere');

    const second = await open(dir);
    expect(second.recovered).toBeNull();
    expect(await second.readWorking()).toBe('changed later elsewhere');
    expect(second.notices.join('\n')).toMatch(/older than working\.md and was not recovered/);
    const kept = (await readdir(join(dir, '.parley'))).filter((n) => n.startsWith('autosave-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dir, '.parley', kept[0]!), 'utf8')).text).toBe('old unsaved words');
  });
});

describe('dossier.yaml validation', () => {
  it('reports each problem at its line, naming the file', async () => {
    const source = [
      'parley: 1',                                  // 1
      'title: MOU',                                 // 2
      'parties:',                                   // 3
      '  - id: EU',                                 // 4
      '    name: European Union',                   // 5
      '    colour: "#1f4e9c"',                      // 6
      'topics: [supply-chains, Export Bans]',       // 7
      'versions:',                                  // 8
      '  - version: 1',                             // 9
      '    file: versions/v1.md',                   // 10
      '    label: EU first proposal',               // 11
      '    tabled-by: US',                          // 12
      '    date: 2026-02-30',                       // 13
      '    status: draft',                          // 14
      '    sha256: abc',                            // 15
    ].join('\n');
    const { manifest, diagnostics } = parseManifest(source, 'mou/dossier.yaml');
    expect(manifest).toBeNull();
    expect(diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['mou/dossier.yaml', 7, 'manifest-topic'],
      ['mou/dossier.yaml', 12, 'manifest-version-tabled-by'],
      ['mou/dossier.yaml', 13, 'manifest-version-date'],
      ['mou/dossier.yaml', 15, 'manifest-version-sha256'],
    ]);
    expect(diagnostics[1]!.message).toBe('version 1 is tabled by "US", which is not one of the parties (EU)');
  });

  it('reports YAML syntax errors with their line, and opening such a dossier fails with file:line', async () => {
    const dir = await newDossier();
    await writeFile(join(dir, 'dossier.yaml'), 'parley: 1\ntitle: MOU\nparties:\n  - id: EU\n   name: bad indent\n');
    const error = await rejection(openDossier(dir));
    expect(error.code).toBe('invalid-manifest');
    expect(error.message).toMatch(new RegExp(`${join(dir, 'dossier.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: dossier.yaml is not valid YAML`));
    expect(error.diagnostics[0]!.line).toBe(5);
  });

  it('checks plain objects too, and warns about unknown keys without rejecting', () => {
    const result = validateManifest({ parley: 1, title: 'MOU', parties: PARTIES, versions: [], colour: 'red' });
    expect(result.manifest?.parties).toEqual(PARTIES);
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'manifest-unknown-key']]);
    expect(validateManifest({ parley: 2, title: 'MOU', parties: PARTIES }).manifest).toBeNull();
  });
});

describe('the write lock, across processes', () => {
  let bundle: StoreBundle;
  let storeUrl: string;
  beforeAll(async () => { bundle = await bundleStore(); storeUrl = bundle.url; });
  afterAll(async () => { await bundle.dispose(); });

  it('lets only one process write a dossier; the second is told who holds it', async () => {
    const dir = await newDossier();
    const holder = await open(dir);

    const other = child(storeUrl, 'try-open', dir);
    const reply = JSON.parse(await other.waitForLine(() => true));
    expect(reply).toMatchObject({ ok: false, name: 'DossierError', code: 'locked' });
    expect(reply.message).toContain(dir);
    expect(reply.message).toMatch(new RegExp(`process ${process.pid} on ${hostname()} since \\d{4}-\\d{2}-\\d{2}T`));
    await holder.close();

    const again = child(storeUrl, 'try-open', dir);
    expect(JSON.parse(await again.waitForLine(() => true))).toEqual({ ok: true });
  });

  it('refuses us while a child holds it, and takes over at once when the child is killed', async () => {
    const dir = await newDossier();
    const holder = child(storeUrl, 'hold', dir);
    await holder.waitForLine((l) => l === 'ready');
    const error = await rejection(openDossier(dir));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`process ${holder.process.pid} on ${hostname()}`);
    // Read-only opening is still allowed while someone edits.
    await (await openDossier(dir, { readOnly: true })).close();

    await holder.kill();
    const handle = await open(dir);
    await handle.saveWorking('after the holder died');
    expect(await readFile(join(dir, 'working.md'), 'utf8')).toBe('after the holder died');
  });

  it('recovers autosaved work after the process that autosaved it is killed', async () => {
    const dir = await newDossier();
    const textFile = join(await tempDir(), 'unsaved.md');
    await writeFile(textFile, WORKING + '\n2. Added on the plane, never saved.\n');
    const writer = child(storeUrl, 'autosave', dir, textFile);
    await writer.waitForLine((l) => l === 'autosaved');
    await writer.kill();

    const handle = await open(dir);
    expect(handle.recovered?.from).toBe(join(dir, '.parley/autosave.json'));
    expect(await handle.readWorking()).toBe(await readFile(textFile, 'utf8'));
  });
});

describe('opening', () => {
  it('says clearly when a folder is not a dossier, and leaves it untouched', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'empty'));
    const error = await rejection(openDossier(join(dir, 'empty')));
    expect(error.code).toBe('not-a-dossier');
    expect(error.message).toBe(`${join(dir, 'empty')} is not a Parley dossier: it has no dossier.yaml.`);
    expect(await readdir(join(dir, 'empty'))).toEqual([]);
  });

  it('says what is there instead when the path names a file or nothing, not the system\'s ENOTDIR', async () => {
    const dir = await tempDir();
    // A draft named where its dossier was meant, as `parley show draft.md@2` does.
    await writeFile(join(dir, 'draft.md'), '# A draft\n');
    const file = await rejection(openDossier(join(dir, 'draft.md')));
    expect(file.code).toBe('not-a-dossier');
    expect(file.message).toBe(`${join(dir, 'draft.md')} is a file, not a dossier folder: a dossier is a folder holding dossier.yaml, its versions and working draft.`);
    expect(await readFile(join(dir, 'draft.md'), 'utf8')).toBe('# A draft\n');
    const nothing = await rejection(openDossier(join(dir, 'mistyped')));
    expect(nothing.code).toBe('not-a-dossier');
    expect(nothing.message).toBe(`${join(dir, 'mistyped')} does not exist: there is no dossier there.`);
    expect(await readdir(dir)).toEqual(['draft.md']);
  });
});

describe('the sample negotiation (fixtures/rare-earths-mou)', () => {
  const SAMPLE = fileURLToPath(new URL('../fixtures/rare-earths-mou', import.meta.url));

  it('opens read-only without touching the folder, and every tabled version matches its hash', async () => {
    const before = await readdir(SAMPLE);
    const handle = await open(SAMPLE, true);
    expect(handle.warnings).toEqual([]);
    expect(handle.listVersions().map((v) => v.version)).toEqual(handle.listVersions().map((_, i) => i + 1));
    expect(handle.listVersions().length).toBeGreaterThan(1);
    expect(await handle.verify()).toEqual([]);
    expect(await readdir(SAMPLE)).toEqual(before);
  });

  it('tables its working draft as a version the draft parser reads back with the new front matter', async () => {
    const dir = join(await tempDir(), 'copy');
    await cp(SAMPLE, dir, { recursive: true });
    const handle = await open(dir);
    const count = handle.listVersions().length;
    const entry = await handle.tableWorking({ label: 'US reply', by: 'US', date: '2026-06-10', status: 'chair-text' });
    expect(entry.version).toBe(count + 1);
    const { draft, diagnostics } = parseDraft(await handle.readVersion(entry.version), { file: entry.file });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(draft.meta).toMatchObject({ version: count + 1, label: 'US reply', tabledBy: 'US', date: '2026-06-10', status: 'chair-text' });
    const working = parseDraft(await handle.readWorking()).draft;
    expect(draft.clauses).toEqual(working.clauses);
  });
});

describe('saving through a symbolic link', () => {
  it('saves a working draft that is a link into the file it names, and keeps the link', async () => {
    const dir = await newDossier();
    // The drafter keeps the working draft in a synced folder and links it into the dossier.
    const synced = join(await tempDir(), 'synced-draft.md');
    await writeFile(synced, WORKING);
    await rm(join(dir, 'working.md'));
    await symlink(synced, join(dir, 'working.md'));
    const handle = await open(dir);
    await handle.saveWorking(WORKING.replace('intend to', 'shall'));
    expect((await lstat(join(dir, 'working.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(synced, 'utf8')).toContain('The Participants shall cooperate');
    expect(await handle.readWorking()).toContain('The Participants shall cooperate');
  });
});
