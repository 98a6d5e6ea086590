/**
 * `parley import FILE --into DOSSIER`: importCommand on a private copy of the sample dossier.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../src/format/markdown.js';
import { walkClauses } from '../src/model/provisions.js';
import { blocksText, clauseHeading } from '../src/model/text.js';
import type { Draft } from '../src/model/draft.js';
import { importCommand, registerImport } from '../src/node/cli/import.js';
import { createDossier } from '../src/node/dossier/store.js';
import { UserError } from '../src/node/read-draft-file.js';
import { copySampleDossier, SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { collectOutput } from './support/output-collector.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => { while (disposers.length) await disposers.pop()!(); });

async function sampleCopy(): Promise<string> {
  const copy = await copySampleDossier();
  disposers.push(copy.dispose);
  return copy.dir;
}

const readVersion = (n: number) => parseDraft(fs.readFileSync(path.join(SAMPLE_DOSSIER, `versions/v${n}.md`), 'utf8')).draft;

/** Version 3 as it might come back by e-mail: plain text, no front matter, no ids. */
function v3AsPlainText(extra: string[] = []): string {
  const v3 = readVersion(3);
  const parts = [v3.meta.title, ''];
  for (const { clause } of walkClauses(v3.clauses)) {
    parts.push(clauseHeading(clause), '', blocksText(clause.body, { brackets: 'marked' }).split('\n').join('\n\n'), '');
  }
  return [...parts, ...extra].join('\n');
}

const idByTitle = (d: Draft) => new Map([...walkClauses(d.clauses)].map(({ clause }) => [clause.title, clause.id]));

describe('parley import', () => {
  it('makes the imported text the working draft, each clause with the id of its v5 counterpart', async () => {
    const dir = await sampleCopy();
    const file = path.join(dir, '..', 'from-brussels.txt');
    fs.writeFileSync(file, v3AsPlainText(['Paragraph 13 — Dispute settlement', '', '1. Any dispute will be settled amicably by consultation between the Participants.', '']));
    const o = collectOutput();
    expect(await importCommand(file, { into: dir, force: true }, o)).toBe(0);
    expect(o.stdout[0]).toBe('14 clauses: 13 kept their ids, 1 new (ids dispute-settlement).');
    expect(o.text()).toContain('Not in the imported text (from v5): territorial-integrity, anti-dumping.');

    const working = parseDraft(fs.readFileSync(path.join(dir, 'working.md'), 'utf8'));
    expect(working.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const got = idByTitle(working.draft);
    // Every clause of v3 is in v5 under the same title (CHANGES.tsv): it must carry the v5 id.
    for (const [title, id] of idByTitle(readVersion(3))) expect(got.get(title), title).toBe(id);
    expect(got.get('Dispute settlement')).toBe('dispute-settlement');
    expect(working.draft.meta.title).toBe(readVersion(5).meta.title);
    expect(working.draft.meta.parties).toEqual({ EU: 'European Union', US: 'United States of America' });
    // Topics came with the ids.
    expect([...walkClauses(working.draft.clauses)].find(({ clause }) => clause.id === 'pricing')!.clause.topics).toEqual(['pricing']);
  });

  it('will not replace untabled work in the working draft without --force', async () => {
    const dir = await sampleCopy();
    const file = path.join(dir, '..', 'v3.txt');
    fs.writeFileSync(file, v3AsPlainText());
    const before = fs.readFileSync(path.join(dir, 'working.md'), 'utf8');
    const error = await importCommand(file, { into: dir }, collectOutput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/working\.md holds changes that have not been tabled.*--force/);
    expect(fs.readFileSync(path.join(dir, 'working.md'), 'utf8')).toBe(before);
  });

  it('keeps the generated ids when nothing has been tabled yet', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-import-'));
    disposers.push(async () => fs.rmSync(parent, { recursive: true, force: true }));
    const dir = path.join(parent, 'fresh');
    await createDossier(dir, { title: 'A fresh dossier', parties: [{ id: 'EU', name: 'European Union', colour: '#1f4e9c' }, { id: 'JP', name: 'Japan', colour: '#bc002d' }] });
    const file = path.join(parent, 'draft.txt');
    fs.writeFileSync(file, 'Draft\n\nArticle 1 — Scope\n\nThis applies.\n\nArticle 2 — Cooperation\n\nThe Parties cooperate.\n');
    const o = collectOutput();
    expect(await importCommand(file, { into: dir }, o)).toBe(0);
    expect(o.stdout[0]).toBe('2 clauses: nothing has been tabled yet, so the ids stay as generated. Saved as the working draft.');
    const working = parseDraft(fs.readFileSync(path.join(dir, 'working.md'), 'utf8')).draft;
    expect(working.clauses.map((c) => c.id)).toEqual(['article-1', 'article-2']);
    expect(working.meta).toEqual({ title: 'A fresh dossier', parties: { EU: 'European Union', JP: 'Japan' } });
  });

  it('reports an empty file and a missing dossier as plain sentences', async () => {
    const dir = await sampleCopy();
    const empty = path.join(dir, '..', 'empty.txt');
    fs.writeFileSync(empty, '');
    await expect(importCommand(empty, { into: dir }, collectOutput())).rejects.toThrow(/empty\.txt is empty/);
    const file = path.join(dir, '..', 'ok.txt');
    fs.writeFileSync(file, 'Article 1\n\nText.\n');
    await expect(importCommand(file, { into: path.join(dir, 'nowhere') }, collectOutput())).rejects.toBeInstanceOf(UserError);
  });

  it('registers as a command with --into required', () => {
    const program = new Command();
    registerImport(program);
    const command = program.commands.find((c) => c.name() === 'import')!;
    expect(command.options.find((o) => o.long === '--into')!.mandatory).toBe(true);
  });
});
