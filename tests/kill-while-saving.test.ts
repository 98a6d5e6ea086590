/**
 * Crash safety, tested by crashing: a child process saves the working draft over and over (alternating two
 * large texts, autosaving before each save and tabling every third), and we SIGKILL it at random moments.
 * After every kill the dossier must be whole: the manifest parses, each tabled file matches its recorded hash,
 * working.md is exactly one of the two texts, and the dead writer's lock does not keep us out.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseManifest } from '../src/model/dossier.js';
import type * as Store from '../src/node/dossier/store.js';
import { bundleStore, type StoreBundle } from './support/build-store.js';
import { startChild } from './support/child-process.js';

const ITERATIONS = 40;
/** Each text is about this many bytes: large enough that a kill often lands inside a write. */
const TEXT_SIZE = 1_000_000;

const TITLE = 'Memorandum of Understanding between the European Union and the United States of America on Critical Minerals';

/** A draft of about TEXT_SIZE bytes whose every clause carries `tag`, so that a mix of two texts is visible. */
function bigDraft(tag: string): string {
  const head = `---\nparley: 1\ntitle: ${TITLE}\nparties:\n  EU: European Union\n  US: United States of America\n---\n`;
  const clauses: string[] = [];
  let size = head.length;
  for (let n = 1; size < TEXT_SIZE; n++) {
    const clause = `\n## Paragraph ${n} — Cooperation ${tag} {#p${n}}\n\n1. The Participants ${tag} cooperate on supply chains for critical minerals, clause ${n}.\n`;
    clauses.push(clause);
    size += clause.length;
  }
  return head + clauses.join('');
}

/** The text after the front matter, which tabling must keep byte for byte. */
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5);
/** Temporary files of interrupted writes, in the folders the store writes to. */
async function leftoverTemps(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['', 'versions', '.parley']) {
    for (const name of await readdir(join(dir, sub))) if (name.endsWith('.parley-tmp')) found.push(join(sub, name));
  }
  return found;
}
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let work: string;
let bundle: StoreBundle;
let storeUrl: string;
/** The parent uses the same bundle as the child, so that a deliberately broken store is broken on both sides. */
let store: typeof Store;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'parley-kill-'));
  bundle = await bundleStore();
  storeUrl = bundle.url;
  store = await import(storeUrl) as typeof Store;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await bundle.dispose();
});

it(`leaves a whole dossier however often the saving process is killed (${ITERATIONS} kills)`, async () => {
  const textA = bigDraft('shall');
  const textB = bigDraft('will endeavour to');
  const fileA = join(work, 'a.md');
  const fileB = join(work, 'b.md');
  await writeFile(fileA, textA);
  await writeFile(fileB, textB);
  const dir = join(work, 'rare-earths-mou');
  await store.createDossier(dir, {
    title: TITLE,
    parties: [
      { id: 'EU', name: 'European Union', colour: '#1f4e9c' },
      { id: 'US', name: 'United States of America', colour: '#b22234' },
    ],
    working: textA,
  });

  const bodies = new Set([bodyOf(textA), bodyOf(textB)]);
  const seen = { A: 0, B: 0, interrupted: 0, recovered: 0, temps: 0 };
  for (let i = 0; i < ITERATIONS; i++) {
    const child = startChild(storeUrl, 'save-loop', dir, fileA, fileB);
    try {
      await child.waitForLine((line) => line === 'ready');
      if (i % 2 === 0) {
        // Any moment at all.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      } else {
        // Aimed: just after the child announces its n-th save or tabling, when a write is most likely under way.
        const n = 1 + Math.floor(Math.random() * 4);
        await child.waitForLine((line) => line === `save ${n}` || line === `table ${n}`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      }
    } finally {
      await child.kill();
    }

    // The manifest parses, and every version it records is intact and holds one of the two texts.
    const manifestText = await readFile(join(dir, 'dossier.yaml'), 'utf8');
    const { manifest, diagnostics } = parseManifest(manifestText, 'dossier.yaml');
    expect(diagnostics, `after kill ${i + 1}`).toEqual([]);
    for (const entry of manifest!.versions) {
      const bytes = await readFile(join(dir, entry.file));
      expect(sha(bytes), `${entry.file} after kill ${i + 1}`).toBe(entry.sha256);
      expect(bodies.has(bodyOf(bytes.toString('utf8'))), `${entry.file} holds text A or B`).toBe(true);
    }

    // working.md is one text or the other, never a mix, never empty.
    const working = await readFile(join(dir, 'working.md'), 'utf8');
    const which = working === textA ? 'A' : working === textB ? 'B' : null;
    expect(which, `working.md after kill ${i + 1} has ${working.length} bytes`).not.toBeNull();
    seen[which!]++;

    seen.temps += (await leftoverTemps(dir)).length;

    // The dead writer's lock does not keep us out, and its temporary files are swept up. (The store's own
    // verify() repeats the hash checks above, so it runs on the last round only, to keep the test quick.)
    const handle = await store.openDossier(dir);
    try {
      if (handle.notices.some((n) => n.includes('interrupted'))) seen.interrupted++;
      if (handle.recovered) seen.recovered++;
      expect(await leftoverTemps(dir), `after kill ${i + 1}`).toEqual([]);
      if (i === ITERATIONS - 1) expect((await handle.verify()).filter((f) => f.severity === 'error')).toEqual([]);
    } finally {
      await handle.close();
    }
  }

  const versions = parseManifest(await readFile(join(dir, 'dossier.yaml'), 'utf8')).manifest!.versions.length;
  console.log(`kill-while-saving: ${ITERATIONS} kills; working.md was A ${seen.A}×, B ${seen.B}×; ` +
    `${versions} versions tabled; ${seen.interrupted} interrupted tablings set aside; ${seen.recovered} autosaves recovered; ${seen.temps} temporary files swept up`);
  // The child must really have been working between kills, or the test proves nothing.
  expect(seen.A).toBeGreaterThan(0);
  expect(seen.B).toBeGreaterThan(0);
  expect(versions).toBeGreaterThan(0);
});
