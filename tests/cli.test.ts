/**
 * The `parley` command line as a user runs it: the real binary, real files, exit statuses and output.
 * Needs `npm run build` (npm test does it first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'fixtures/rare-earths-mou');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function parley(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), ...args], { encoding: 'utf8', cwd: temp });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyFixture(name: string): string {
  const dir = path.join(temp, name);
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('parley check', () => {
  it('finds the sample dossier clean', () => {
    const r = parley('check', fixture);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/clean\n$/);
    expect(r.code).toBe(0);
  });

  it('reports a tabled version whose bytes changed, naming the file', () => {
    const dir = copyFixture('tampered');
    const v2 = path.join(dir, 'versions/v2.md');
    fs.writeFileSync(v2, fs.readFileSync(v2, 'utf8').replace('will', 'shall'));
    const r = parley('check', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/versions\/v2\.md:1:1: error: .*hash/i);
  });

  it('locates each problem in a draft file with file:line:column and a sentence', () => {
    const file = path.join(temp, 'bad-draft.md');
    fs.writeFileSync(file, [
      '---', 'parley: 1', 'title: T', 'parties:', '  EU: European Union', '---', '',
      '## Article 1 {#a}', '', 'The :bracket[Parties]{by="US"} agree.', '',
      '## Article 2 {#a}', '', ':::position{party="EU" stance="maybe"}', 'Hm.', ':::', '',
      '## {#c}', '',
    ].join('\n'));
    const r = parley('check', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/bad-draft\.md:10:5: error: bracket names party "US", which this draft does not list \(its parties are EU\) \[unknown-party\]$/),
      expect.stringMatching(/bad-draft\.md:12:1: error: clause id "a" is used twice \(first on line 8\).*\[duplicate-id\]$/),
      expect.stringMatching(/bad-draft\.md:14:1: error: unknown stance "maybe".*\[unknown-stance\]$/),
      expect.stringMatching(/bad-draft\.md:18:1: error: heading has no text.*\[empty-heading\]$/),
      expect.stringMatching(/3 problems \(4 errors|4 problems \(4 errors, 0 warnings\)$/),
    ]);
  });

  it('reports front matter that does not parse, with its line', () => {
    const file = path.join(temp, 'bad-front.md');
    fs.writeFileSync(file, '---\nparley: 1\ntitle: "unclosed\n---\n\n## A {#a}\n');
    const r = parley('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad-front\.md:\d+:\d+: error: front matter is not valid YAML/);
  });

  it.each([
    ['empty', '', 1, /is empty/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 2, /binary file/],
    // A ZIP header is read as a Word document, which this one cannot be.
    ['archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 2, /archive\.md cannot be read: it looks like a Word document \(a ZIP archive\) but cannot be unpacked/],
    ['latin1', Buffer.from('Article 1\n\nCaf\xe9\n', 'latin1'), 2, /:3: this file is not valid UTF-8/],
  ] as const)('gives a clear message for an %s file, never a stack trace', (name, content, code, message) => {
    const file = path.join(temp, `${name}.md`);
    fs.writeFileSync(file, content);
    const r = parley('check', file);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    noStackTrace(r.stderr);
  });

  it('gives a clear message for a 50 MB file', () => {
    const file = path.join(temp, 'huge.md');
    fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const r = parley('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/50\.0 MB; Parley reads drafts of up to 32 MB/);
    noStackTrace(r.stderr);
    fs.rmSync(file);
  });

  it('exits 2 for a path that cannot be read', () => {
    const r = parley('check', path.join(temp, 'nothing-here'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be read: no such file or folder/);
  });

  it('says when a folder is not a dossier, or a dossier has no working draft', () => {
    const folder = fs.mkdtempSync(path.join(temp, 'plain-'));
    const r = parley('diff', folder, `${fixture}@1`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${folder} is a folder but not a Parley dossier (it has no dossier.yaml)`);
    const dossier = copyFixture('no-working');
    fs.rmSync(path.join(dossier, 'working.md'));
    const s = parley('show', dossier);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(`${dossier} has no working draft (working.md); name a tabled version instead, as ${dossier}@N.`);
    noStackTrace(r.stderr + s.stderr);
  });
});

describe('parley show', () => {
  it('prints the outline of a tabled version with ids, provisions, brackets and positions', () => {
    const r = parley('show', `${fixture}@4`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('version 4, "Revised text after the Greenland crisis", tabled by EU');
    expect(r.stdout).toMatch(/Paragraph 2 — Respect for territorial integrity {2}#territorial-integrity \[territorial-integrity\]\n {4}3 provisions: 1 2 3\n {4}brackets: EU \[shall\], US \[will\]\n {4}positions: EU proposes, US reserves/);
  });

  it('prints JSON for machines', () => {
    const r = parley('show', `${fixture}@5`, '--format', 'json');
    expect(r.code).toBe(0);
    const outline = JSON.parse(r.stdout);
    expect(outline.meta.status).toBe('ad-ref');
    const ids = outline.clauses.map((c: { id: string }) => c.id);
    expect(ids).toContain('territorial-integrity');
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of outline.clauses) expect(Object.keys(c)).toEqual(['id', 'label', 'title', 'level', 'path', 'topics', 'state', 'provisions', 'brackets', 'positions']);
  });

  it('shows the title block an import kept before the first clause, and none for a draft without one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-show-front-'));
    try {
      const file = path.join(dir, 'mou.txt');
      fs.writeFileSync(file, 'Memorandum on Critical Minerals\n\nbetween the European Union and Japan\n\nArticle 1 — Purpose\n\nThe Participants will cooperate.\n');
      expect(parley('show', file).stdout.split('\n').slice(0, 2)).toEqual(['Memorandum on Critical Minerals', 'Title block: between the European Union and Japan']);
      expect(JSON.parse(parley('show', file, '--format', 'json').stdout).front).toBe('between the European Union and Japan');
      expect(parley('show', `${fixture}@4`).stdout).not.toContain('Title block');
      expect(JSON.parse(parley('show', `${fixture}@4`, '--format', 'json').stdout).front).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the versions a dossier has when asked for one it lacks', () => {
    const r = parley('show', `${fixture}@9`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no version 9 \(its versions are 1, 2, 3, 4, 5\)/);
  });
});

describe('parley init and table', () => {
  // Node's recursive mkdir spins forever where a file system answers ENOENT for a child of a folder that exists,
  // as /proc does: this is the command returning at all, with a sentence.
  it.skipIf(!fs.existsSync('/proc/self'))('says it cannot create a dossier where no folder can be made, and returns', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'init', '/proc/parley-cannot-be/here', '--title', 'T', '--party', 'EU=European Union'],
      { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Could not create the dossier /proc/parley-cannot-be/here');
    noStackTrace(r.stderr);
  });

  it('creates a dossier, tables its working draft, and refuses a working draft with errors', () => {
    const dir = path.join(temp, 'new-dossier');
    const init = parley('init', dir, '--title', 'Test MoU', '--party', 'EU=European Union', '--party', 'US=United States of America');
    expect(init.code).toBe(0);
    fs.appendFileSync(path.join(dir, 'working.md'), '\n## Paragraph 1 — Purpose {#purpose}\n\nThe Participants :bracket[shall]{by="EU"} cooperate.\n');
    const tabled = parley('table', dir, '--label', 'First proposal', '--by', 'EU', '--date', '2026-01-05');
    expect(tabled.stderr).toBe('');
    expect(tabled.stdout).toMatch(/^Tabled version 1 "First proposal" by EU on 2026-01-05 \(draft\): versions\/v1\.md/);
    expect(tabled.stdout).not.toContain('unchanged');
    expect(parley('check', dir).code).toBe(0);
    // The same text tabled again is a version of its own (the US accepting it), and the command says so.
    const again = parley('table', dir, '--label', 'Accepted', '--by', 'US', '--status', 'ad-ref');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('\nIts text is that of v1, unchanged: this version records a new label, party, status or date, not a new text.\n');
    expect(fs.existsSync(path.join(dir, 'versions/v2.md'))).toBe(true);
    expect(parley('show', `${dir}@1`).stdout).toContain('brackets: EU [shall]');

    fs.appendFileSync(path.join(dir, 'working.md'), '\n## Paragraph 2 {#purpose}\n');
    const refused = parley('table', dir, '--label', 'Second', '--by', 'EU');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/duplicate-id[\s\S]*Not tabled/);
    expect(fs.existsSync(path.join(dir, 'versions/v3.md'))).toBe(false);
  });

  it('refuses a tabling party the dossier does not have', () => {
    const dir = copyFixture('party');
    const r = parley('table', dir, '--label', 'X', '--by', 'JP');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/JP/);
    noStackTrace(r.stderr);
  });
});

describe('help', () => {
  it.each(['check', 'show', 'table', 'init'])('parley %s --help explains the command', (command) => {
    const r = parley(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: parley ${command}`));
    expect(r.stdout).toMatch(/Example/);
  });
});
