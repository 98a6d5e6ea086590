/**
 * `parley diff` as a user runs it: the real binary on the sample dossier and on corpus files.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../src/node/cli/diff.js';
import { loadDraftFromStandardInput } from '../src/node/read-draft-file.js';
import { corpus } from './support/corpus.js';
import { collectOutput } from './support/output-collector.js';

const root = path.resolve(import.meta.dirname, '..');
const dossier = path.join(root, 'fixtures/rare-earths-mou');

function parley(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The exit status of a parley run that must not block this process (another child reads what it writes). */
function parleyAsync(...args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(root, 'bin/parley.mjs'), ...args], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('close', resolve));
}

describe('parley diff', () => {
  it('prints a summary first, then the changed clauses with their redline and legal changes', () => {
    const r = parley('diff', `${dossier}@1`, `${dossier}@2`, '--changed-only');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('EU first proposal (14 clauses) → US counter-proposal (14 clauses)');
    expect(lines[1]).toBe('9 edited, 1 inserted, 0 deleted, 0 split, 1 merged, 0 moved, 6 renumbered, 3 unchanged');
    // "shall" made "will" in three paragraphs: one line that says so, where the JSON keeps three items.
    expect(r.stdout).toContain('Paragraph 2 — Supply chains and trade routes  [edited]\n  obligation: shall → will (weaker), 3 times\n  figure:');
    const supply = JSON.parse(parley('diff', `${dossier}@1`, `${dossier}@2`, '--format', 'json').stdout).changes
      .find((c: { new: { id: string }[] }) => c.new[0]?.id === 'supply-chains');
    expect(supply.legal.filter((l: { type: string }) => l.type === 'obligation')).toHaveLength(3);
    expect(r.stdout).toMatch(/figure: within thirty \(30\) days → within sixty \(60\) days/);
    expect(r.stdout).toMatch(/\[-thirty \(30\)-\]\{\+sixty \(60\)\+\}/);
    expect(r.stdout).toContain('[merged]');
    // --changed-only leaves out clauses that did not change at all.
    expect(r.stdout).not.toContain('Paragraph 8 — Stockpiling');
    expect(parley('diff', `${dossier}@1`, `${dossier}@2`).stdout).toContain('Stockpiling (was Paragraph 9)  [unchanged, renumbered]');
  });

  it('writes the JSON contract', () => {
    const r = parley('diff', `${dossier}@3`, `${dossier}@4`, '--format', 'json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.summary).toEqual({ unchanged: 10, edited: 2, inserted: 1, deleted: 0, split: 1, merged: 0, moved: 1, renumbered: 10 });
    const split = c.changes.find((x: { kind: string }) => x.kind === 'split');
    expect(split.old.map((o: { id: string }) => o.id)).toEqual(['pricing']);
    expect(split.new.map((o: { id: string; label: string }) => `${o.id} ${o.label}`)).toEqual(['pricing Paragraph 10', 'anti-dumping Paragraph 11']);
    // Each provision says which of the new clauses it went to: old 4 and 5 became 1 and 2 of Paragraph 11.
    const provisions = split.provisions.map((p: { old: string; new: string; newClause?: string }) => `${p.old}→${p.new} in ${p.newClause}`);
    expect(provisions).toEqual(['1→1 in pricing', '2→2 in pricing', '3→3 in pricing', '4→1 in anti-dumping', '5→2 in anti-dumping']);
    expect(parley('diff', `${dossier}@3`, `${dossier}@4`, '--changed-only').stdout).toContain('provisions: ¶4→1 (Paragraph 11) unchanged; ¶5→2 (Paragraph 11) unchanged');
    const stock = c.changes.find((x: { new: { id: string }[] }) => x.new[0]?.id === 'stockpiling');
    expect(stock).toMatchObject({ kind: 'unchanged', moved: true, renumbered: true, old: [{ label: 'Paragraph 8', path: [] }], new: [{ label: 'Paragraph 5' }] });
  });

  it('writes one self-contained HTML page, with insertions underlined and deletions struck through', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-'));
    const out = path.join(dir, 'redline.html');
    const r = parley('diff', `${dossier}@1`, `${dossier}@2`, '--format', 'html', '--layout', 'inline', '-o', out);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<(script|link|img)\b|src=|https?:\/\//);
    expect(html).toMatch(/<del>thirty \(30\)<\/del><ins>sixty \(60\)<\/ins>/);
    expect(html).toContain('<li><b>obligation</b>: <del>shall</del> → <ins>will</ins> <span class="dir weaker">(weaker)</span>, 3 times</li>');
    // What happened to each numbered paragraph, as the text redline says it.
    expect(html).toContain('<p class="provisions">Provisions: ¶1 edited; ¶2 edited; ¶2(b) edited; ¶2(c) deleted; ¶3 deleted</p>');
    expect(html).toMatch(/del\{[^}]*line-through/);
    expect(html).toMatch(/ins\{[^}]*underline/);
    // A reader who receives the page is told what the marks mean.
    expect(html).toContain('<p class="legend">Marks: <ins>inserted</ins> <del>deleted</del> <del class="moved">moved from here</del> <ins class="moved">moved here</ins>');
  });

  it('marks a paragraph moved within its clause where it stood and where it stands, with the words it changed', () => {
    // The README's example: paragraph 1 of Stockpiling (v5) moved to the end, "will" made "shall" on the way.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-moved-'));
    const v5 = fs.readFileSync(path.join(dossier, 'versions/v5.md'), 'utf8');
    const first = '1. The Participants will coordinate the building up and management of their strategic stocks of critical minerals and rare earths.';
    const second = '2. The Participants will inform each other of their stockpiling targets and of any planned release of stocks that is likely to affect the market.';
    const third = '3. The Participants intend to explore joint procurement for their strategic stocks.';
    expect(v5).toContain(`${first}\n\n${second}\n\n${third}\n`);
    const moved = v5.replace(`${first}\n\n${second}\n\n${third}\n`, [
      second.replace('2.', '1.'), third.replace('3.', '2.'),
      '3. The Participants shall coordinate without delay the building up and management of their strategic stocks of critical minerals and rare earths.',
    ].join('\n\n') + '\n');
    fs.writeFileSync(path.join(dir, 'moved.md'), moved);
    const r = parley('diff', `${dossier}@5`, path.join(dir, 'moved.md'), '--changed-only');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      'Paragraph 5 — Stockpiling  [edited]',
      '  obligation: will → shall (stronger)',
      '  provisions: ¶2→1 unchanged; ¶3→2 unchanged; ¶1→3 edited, moved',
      '  [~1. The Participants ~][-will-][~ coordinate the building up and management of their strategic stocks of critical minerals and rare earths.~]',
    ].join('\n'));
    expect(r.stdout).toContain('  {~3. The Participants ~}{+shall+}{~ coordinate ~}{+without delay +}{~the building up and management of their strategic stocks of critical minerals and rare earths.~}');
    const words = JSON.parse(parley('diff', `${dossier}@5`, path.join(dir, 'moved.md'), '--format', 'json').stdout)
      .changes.find((c: { kind: string }) => c.kind === 'edited').words;
    expect(words).toContainEqual({ op: 'insert', text: 'shall' });
    expect(words).toContainEqual({ op: 'delete', text: '1. The Participants ', moved: true });
    expect(parley('diff', '--help').stdout).toContain('[~where it stood~] and {~where it stands~}');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compares a dossier alone as its working draft against the version tabled last, pairing clauses by id as the app does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-working-'));
    try {
      const mou = path.join(dir, 'mou');
      expect(parley('init', mou, '--title', 'Memorandum on Critical Minerals', '--party', 'EU=European Union').code).toBe(0);
      // Nothing tabled: nothing to compare the working draft with, said in a sentence.
      const none = parley('diff', mou);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('has nothing tabled yet, so its working draft has nothing to be compared with');
      fs.writeFileSync(path.join(dir, 'v1.md'), '## Article 1 — Purpose\n\nThe Participants intend to strengthen supply chains for critical minerals.\n\n' +
        '## Article 2 — Stockpiles\n\nThe Participants may coordinate their stockpiles of critical minerals.\n');
      expect(parley('import', path.join(dir, 'v1.md'), '--into', mou).code).toBe(0);
      expect(parley('table', mou, '--label', 'EU proposal', '--by', 'EU').code).toBe(0);
      // The working draft rewrites Article 2 through, keeping its id: by id it is that clause edited (as the
      // app and a comparison of two tabled versions read it), not one clause deleted and another inserted.
      const working = path.join(mou, 'working.md');
      fs.writeFileSync(working, fs.readFileSync(working, 'utf8').replace(/## Article 2 — Stockpiles (\{#[^}]+\})\n\n.*\n/,
        '## Article 2 — Reserves $1\n\nEach side will hold reserves of rare earth magnets sufficient for ninety days of consumption.\n'));
      const alone = parley('diff', mou);
      expect(alone.code).toBe(0);
      expect(alone.stdout.split('\n').slice(0, 2)).toEqual(['EU proposal (2 clauses) → mou working draft (2 clauses)',
        '1 edited, 0 inserted, 0 deleted, 0 split, 0 merged, 0 moved, 0 renumbered, 1 unchanged']);
      expect(alone.stdout).toContain('\nArticle 2 — Reserves  [edited]\n  title: [-Stockpiles-]{+Reserves+}\n');
      expect(parley('diff', `${mou}@1`, mou).stdout).toBe(alone.stdout);
      // Tabled, the same two texts compare the same; and a version may be named "v1" after the @ too.
      expect(parley('table', mou, '--label', 'US reply', '--by', 'EU').code).toBe(0);
      const json = (...refs: string[]) => JSON.parse(parley('diff', ...refs, '--format', 'json').stdout);
      expect(json(`${mou}@v1`, `${mou}@2`).summary).toEqual(json(`${mou}@1`, mou).summary);
      expect(json(`${mou}@1`, mou).summary.edited).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a format it does not know, and a version the dossier lacks, in a sentence', () => {
    const bad = parley('diff', `${dossier}@1`, `${dossier}@2`, '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be text, html, json or docx, not "pdf"/);
    const missing = parley('diff', `${dossier}@1`, `${dossier}@12`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no version 12/);
    // A version named otherwise than by its number: how to name it, not "no such file".
    const named = parley('diff', `${dossier}@latest`, `${dossier}@3`);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(`${dossier}@latest: a tabled version is named by its number after the @, as ${dossier}@5 (its versions are 1, 2, 3, 4, 5); ${dossier} alone names its working draft.`);
    expect(parley('diff', `${path.dirname(dossier)}/no-such-dossier@latest`, `${dossier}@3`).stderr).toMatch(/no-such-dossier@latest cannot be read: no such file or folder/);
    // A draft file with a version number, as if it were its dossier: said so, not the system's "ENOTDIR".
    const draftFile = path.join(dossier, 'working.md');
    const fileAt = parley('diff', `${draftFile}@2`, `${dossier}@3`);
    expect(fileAt.code).toBe(2);
    expect(fileAt.stderr.trim()).toBe(`parley: ${draftFile} is a file, not a dossier folder: a dossier is a folder holding dossier.yaml, its versions and working draft.`);
  });

  it('writes -o files whole, says plainly where it cannot, and never writes over a draft it compares', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-out-'));
    try {
      const copy = path.join(dir, 'mou');
      fs.cpSync(dossier, copy, { recursive: true });
      const draft = path.join(dir, 'draft.md');
      fs.writeFileSync(draft, '## Article 1 — Stockpiles\n\nThe Participants shall coordinate their stocks.\n');
      const before = fs.readFileSync(draft, 'utf8');
      const versionsBefore = fs.readdirSync(path.join(copy, 'versions'));
      const refused = [
        [[draft, `${copy}@5`, '-o', draft], `${draft} is a draft being compared; writing the output there would replace it`],
        [[`${copy}@4`, `${copy}@5`, '-o', path.join(copy, 'working.md')], "is the dossier's working draft"],
        [[`${copy}@4`, copy, '-o', path.join(copy, 'dossier.yaml')], "is the dossier's manifest"],
        [[`${copy}@4`, `${copy}@5`, '-o', path.join(copy, 'versions', 'v6.md')], "is inside the dossier's folder of tabled versions, which only tabling writes"],
        [['--base', '3', copy, '4', '5', '-o', path.join(copy, 'working.md')], "is the dossier's working draft"],
        [[draft, `${copy}@5`, '-o', path.join(dir, 'no-such-folder', 'out.txt')], `cannot be written: the folder ${path.join(dir, 'no-such-folder')} does not exist.`],
        [[draft, `${copy}@5`, '-o', dir], 'cannot be written: it is a folder; name a file to write to.'],
      ] as const;
      for (const [args, message] of refused) {
        const r = parley('diff', ...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toContain(message);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      }
      expect(fs.readFileSync(draft, 'utf8')).toBe(before);
      expect(fs.readdirSync(path.join(copy, 'versions'))).toEqual(versionsBefore);
      expect(fs.readFileSync(path.join(copy, 'working.md'), 'utf8')).toBe(fs.readFileSync(path.join(dossier, 'working.md'), 'utf8'));
      // Written: replacing an earlier redline leaves no temporary file behind; the three-way diff honours -o too.
      const out = path.join(dir, 'redline.txt');
      fs.writeFileSync(out, 'an earlier redline\n');
      const r = parley('diff', `${copy}@4`, `${copy}@5`, '-o', out);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toBe(parley('diff', `${copy}@4`, `${copy}@5`).stdout);
      const threeWay = path.join(dir, 'three-way.json');
      const t = parley('diff', '--base', '3', copy, '4', '5', '--format', 'json', '-o', threeWay);
      expect(t.code).toBe(0);
      expect(t.stdout).toBe('');
      expect(JSON.parse(fs.readFileSync(threeWay, 'utf8')).summary).toBeDefined();
      // A pipe (as /dev/null or a device would be) is written into, not replaced by a regular file.
      const fifo = path.join(dir, 'pipe');
      if (spawnSync('mkfifo', [fifo]).status === 0) {
        const reader = spawn('cat', [fifo]);
        let read = '';
        reader.stdout.on('data', (chunk) => { read += chunk; });
        const done = new Promise((resolve) => reader.on('close', resolve));
        expect(await parleyAsync('diff', `${copy}@4`, `${copy}@5`, '-o', fifo)).toBe(0);
        const stillAPipe = fs.statSync(fifo).isFIFO();
        if (!stillAPipe) reader.kill(); // replaced by a file: nothing will ever reach the reader
        expect(stillAPipe).toBe(true);
        await done;
        expect(read).toBe(parley('diff', `${copy}@4`, `${copy}@5`).stdout);
        fs.rmSync(fifo);
      }
      // Through a symbolic link, the file it names is replaced and the link stays.
      const real = path.join(dir, 'real-redline.txt');
      fs.writeFileSync(real, 'an earlier redline\n');
      fs.symlinkSync(real, path.join(dir, 'link.txt'));
      expect(parley('diff', `${copy}@4`, `${copy}@5`, '-o', path.join(dir, 'link.txt')).code).toBe(0);
      expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(real, 'utf8')).toBe(parley('diff', `${copy}@4`, `${copy}@5`).stdout);
      fs.rmSync(path.join(dir, 'link.txt'));
      fs.rmSync(real);
      // "-o -" is standard output, for both.
      expect(parley('diff', `${copy}@4`, `${copy}@5`, '-o', '-').stdout).toBe(parley('diff', `${copy}@4`, `${copy}@5`).stdout);
      expect(parley('diff', '--base', '3', copy, '4', '5', '-o', '-').stdout).toBe(parley('diff', '--base', '3', copy, '4', '5').stdout);
      expect(fs.readdirSync(dir).sort()).toEqual(['draft.md', 'mou', 'redline.txt', 'three-way.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls drafts from outside, which have no label, by their file names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-names-'));
    try {
      const ours = path.join(dir, 'eu-draft.txt');
      const theirs = path.join(dir, 'us-reply.txt');
      fs.writeFileSync(ours, 'Article 1 Purpose\n\nThe Participants shall cooperate.\n');
      fs.writeFileSync(theirs, 'Article 1 Purpose\n\nThe Participants will cooperate.\n');
      expect(parley('diff', ours, theirs).stdout.split('\n')[0]).toBe('eu-draft.txt (1 clause) → us-reply.txt (1 clause)');
      expect(parley('diff', ours, theirs, '--format', 'html').stdout).toContain('<title>eu-draft.txt → us-reply.txt — Parley comparison</title>');
      // A version of a dossier keeps its label; standard input is called so.
      const piped = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', '-', `${dossier}@2`], { input: fs.readFileSync(theirs), encoding: 'utf8' });
      expect(piped.stdout.split('\n')[0]).toBe('standard input (1 clause) → US counter-proposal (14 clauses)');
      // The JSON contract is left as the drafts say: no label.
      expect(JSON.parse(parley('diff', ours, theirs, '--format', 'json').stdout).old.label).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a change of the instrument\'s own title, not of a title taken from a file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-titles-'));
    try {
      const mou = path.join(dir, 'mou.txt');
      const agreement = path.join(dir, 'agreement.txt');
      const untitled = path.join(dir, 'untitled.txt');
      fs.writeFileSync(mou, 'Memorandum of Understanding on Critical Minerals\n\nArticle 1 — Purpose\n\nThe Participants will cooperate.\n');
      fs.writeFileSync(agreement, 'Agreement on Critical Minerals\n\nArticle 1 — Purpose\n\nThe Participants will cooperate.\n');
      fs.writeFileSync(untitled, 'Article 1 — Purpose\n\nThe Participants will cooperate.\n');
      const text = parley('diff', mou, agreement).stdout.split('\n');
      expect(text[1]).toBe('0 edited, 0 inserted, 0 deleted, 0 split, 0 merged, 0 moved, 0 renumbered, 1 unchanged');
      expect(text[2]).toBe('title: [-Memorandum of Understanding-]{+Agreement+} on Critical Minerals');
      const json = JSON.parse(parley('diff', mou, agreement, '--format', 'json').stdout);
      expect(json.titleWords).toEqual([{ op: 'delete', text: 'Memorandum of Understanding' }, { op: 'insert', text: 'Agreement' }, { op: 'equal', text: ' on Critical Minerals' }]);
      expect(parley('diff', mou, agreement, '--format', 'html').stdout).toContain('<h1><del>Memorandum of Understanding</del><ins>Agreement</ins> on Critical Minerals</h1>');
      // A draft whose text names no title is titled by its file's name, which is no change of the instrument.
      expect(JSON.parse(parley('diff', mou, untitled, '--format', 'json').stdout).titleWords).toBeUndefined();
      expect(parley('diff', mou, untitled).stdout).not.toMatch(/^title:/m);
      // Nor is it the page's heading: the titled draft's title is, and where neither has one, the two files' names.
      expect(parley('diff', mou, untitled, '--format', 'html').stdout).toContain('<h1>Memorandum of Understanding on Critical Minerals</h1>');
      const other = path.join(dir, 'other.txt');
      fs.writeFileSync(other, 'Article 1 — Purpose\n\nThe Participants shall cooperate.\n');
      expect(parley('diff', untitled, other, '--format', 'html').stdout).toContain('<h1>untitled.txt → other.txt</h1>');
      // A title set in capitals in one draft: in the JSON, marked cosmetic; not announced in the text.
      const capitals = path.join(dir, 'capitals.txt');
      fs.writeFileSync(capitals, 'MEMORANDUM OF UNDERSTANDING ON CRITICAL MINERALS\n\nArticle 1 — Purpose\n\nThe Participants will cooperate.\n');
      expect(JSON.parse(parley('diff', mou, capitals, '--format', 'json').stdout).titleWords.every((w: { op: string; cosmetic?: boolean }) => w.op === 'equal' || w.cosmetic)).toBe(true);
      expect(parley('diff', mou, capitals).stdout).not.toMatch(/^title:/m);
      // Nor is a title the same in both.
      expect(JSON.parse(parley('diff', `${dossier}@1`, `${dossier}@2`, '--format', 'json').stdout).titleWords).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a changed title block (the text before the first clause), which no clause holds, in every format', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-front-'));
    try {
      const write = (name: string, front: string, title = 'Memorandum on Critical Minerals') => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, `# ${title}\n\n${front}\n\n## Article 1 — Purpose\n\nThe Participants will cooperate.\n`);
        return file;
      };
      const eu = write('eu.md', 'between the European Union and the United States of America');
      const member = write('member.md', 'between the European Union, its Member States and the United States of America');
      const text = parley('diff', eu, member).stdout.split('\n');
      expect(text[1]).toBe('0 edited, 0 inserted, 0 deleted, 0 split, 0 merged, 0 moved, 0 renumbered, 1 unchanged, title block edited');
      expect(text.slice(3, 5)).toEqual(['Title block (before the first clause)  [edited]', '  between the European Union{+, its Member States+} and the United States of America']);
      // Shown among the changes only, too.
      expect(parley('diff', eu, member, '--changed-only').stdout).toContain('{+, its Member States+}');
      const json = JSON.parse(parley('diff', eu, member, '--format', 'json').stdout);
      expect(json.front.words).toEqual([
        { op: 'equal', text: 'between the European Union' }, { op: 'insert', text: ', its Member States' }, { op: 'equal', text: ' and the United States of America' },
      ]);
      expect(json.changes).toHaveLength(1);
      const html = parley('diff', eu, member, '--format', 'html').stdout;
      expect(html).toMatch(/<section class="clause edited notable" id="c-title-block"><h2>Title block \(before the first clause\)[^]*?<ins>, its Member States<\/ins>/);
      expect(html.indexOf('id="c-title-block"')).toBeLessThan(html.indexOf('id="c-article-1"'));
      // What changed in law in it: a party of the draft's named otherwise (here the parties' names are the
      // drafts' own: a Parley draft's front matter).
      const canonical = (name: string, front: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, `---\nparley: 1\ntitle: Memorandum\nparties:\n  EU: European Union\n  US: United States of America\n  JP: Japan\n---\n\n${front}\n\n## Article 1 {#purpose}\n\nThe Participants will cooperate.\n`);
        return file;
      };
      const withUs = canonical('us.md', 'between the European Union and the United States of America');
      const withJapan = canonical('jp.md', 'between the European Union and Japan');
      expect(JSON.parse(parley('diff', withUs, withJapan, '--format', 'json').stdout).front.legal)
        .toContainEqual({ type: 'party', old: 'United States of America', new: 'Japan' });
      // The same title block: nothing to show; one that changes only in case: cosmetic, hidden on request.
      expect(JSON.parse(parley('diff', eu, eu, '--format', 'json').stdout).front).toBeUndefined();
      const capitals = write('capitals.md', 'BETWEEN THE EUROPEAN UNION AND THE UNITED STATES OF AMERICA');
      expect(JSON.parse(parley('diff', eu, capitals, '--format', 'json').stdout).front.words.every((w: { op: string; cosmetic?: boolean }) => w.op === 'equal' || w.cosmetic)).toBe(true);
      expect(parley('diff', eu, capitals, '--changed-only', '--hide-cosmetic').stdout).not.toContain('Title block');
      // A title block that only restates the title, in capitals, changes as the title does: said once.
      const restated = (name: string, party: string) => write(name, `AGREEMENT WITH ${party.toUpperCase()}`, `Agreement with ${party}`);
      const cambodia = restated('kh.md', 'Cambodia'), jordan = restated('jo.md', 'Jordan');
      const restatedJson = JSON.parse(parley('diff', cambodia, jordan, '--format', 'json').stdout);
      expect(restatedJson.titleWords).toContainEqual({ op: 'insert', text: 'Jordan' });
      expect(restatedJson.front).toBeUndefined();
      // None on one side, the title restated twice on the other (a cover page and a heading: the Thailand MOU):
      // nothing but the title, which titleWords shows.
      const bare = path.join(dir, 'bare.md');
      fs.writeFileSync(bare, '# Agreement with Cambodia\n\n## Article 1 — Purpose\n\nThe Participants will cooperate.\n');
      const twice = write('twice.md', 'AGREEMENT WITH JORDAN\n\nAgreement with Jordan', 'Agreement with Jordan');
      expect(JSON.parse(parley('diff', bare, twice, '--format', 'json').stdout).front).toBeUndefined();
      // A title block that says more than the title is shown.
      const more = write('more.md', 'AGREEMENT WITH JORDAN\n\nDone at Amman', 'Agreement with Jordan');
      expect(JSON.parse(parley('diff', bare, more, '--format', 'json').stdout).front.words).toContainEqual({ op: 'insert', text: 'AGREEMENT WITH JORDAN\nDone at Amman' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads one of the drafts from standard input as "-"', () => {
    const v1 = fs.readFileSync(path.join(dossier, 'versions/v1.md'));
    const piped = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', '-', `${dossier}@2`, '--format', 'json'], { input: v1, encoding: 'utf8' });
    expect(piped.status).toBe(0);
    const fromFile = JSON.parse(parley('diff', path.join(dossier, 'versions/v1.md'), `${dossier}@2`, '--format', 'json').stdout);
    expect(JSON.parse(piped.stdout).summary).toEqual(fromFile.summary);
    const both = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', '-', '-'], { input: v1, encoding: 'utf8' });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('Only one of the two drafts can come from standard input');
    const shown = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'show', '-'], { input: v1, encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(parley('show', path.join(dossier, 'versions/v1.md')).stdout.split('\n').slice(1).join('\n'));
    const empty = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', '-', `${dossier}@2`], { input: '', encoding: 'utf8' });
    expect(empty.stderr).toContain('<standard input> is empty: there is no draft in it.');
  });

  it('stops reading standard input past the size a draft can have', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(1024 * 1024, 'a');
    }
    await expect(loadDraftFromStandardInput(endless())).rejects.toThrow(/<standard input> holds over 32 MB; Parley reads drafts of up to that size/);
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('refuses a device that never ends, named as a file', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/parley.mjs'), 'diff', '/dev/zero', `${dossier}@2`], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/dev/zero holds over 32 MB');
  });

  it('colours the terminal redline, never a file written with -o (a terminal asks for colour either way)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-colour-'));
    try {
      const shown = collectOutput();
      await diffCommand(`${dossier}@1`, `${dossier}@2`, { changedOnly: true, colour: true }, shown);
      expect(shown.text()).toContain('\u001b[31m[-shall-]');
      const file = path.join(dir, 'redline.txt');
      await diffCommand(`${dossier}@1`, `${dossier}@2`, { changedOnly: true, colour: true, output: file }, collectOutput());
      const written = fs.readFileSync(file, 'utf8');
      expect(written).toContain('[-shall-]{+will+}');
      expect(written).not.toContain('\u001b[');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--hide-cosmetic shows cosmetic changes as made, and with --changed-only leaves out clauses with nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-cosmetic-'));
    try {
      fs.writeFileSync(path.join(dir, 'old.md'), '## Article 1 — Stockpiles\n\nThe Participants shall coordinate their stocks; each will report.\n\n## Article 2 — Research\n\nThe participants will promote joint research, including on recycling.\n');
      fs.writeFileSync(path.join(dir, 'new.md'), '## Article 1 — Stockpiles\n\nThe Participants will coordinate their stocks, each will report.\n\n## Article 2 — Research\n\nThe Participants will promote joint research including on recycling.\n');
      const run = (...flags: string[]) => parley('diff', path.join(dir, 'old.md'), path.join(dir, 'new.md'), ...flags);
      const marked = run('--changed-only');
      expect(marked.stdout).toContain('The Participants [-shall-]{+will+} coordinate their stocks[-;-]{+,+} each will report.');
      // An edit of substance says only that it is edited; one whose changes are all cosmetic says so.
      expect(marked.stdout).toContain('Article 1 — Stockpiles  [edited]\n');
      expect(marked.stdout).toContain('Article 2 — Research  [edited, cosmetic only]\n');
      const hidden = run('--changed-only', '--hide-cosmetic');
      expect(hidden.code).toBe(0);
      expect(hidden.stdout).toContain('The Participants [-shall-]{+will+} coordinate their stocks, each will report.');
      expect(hidden.stdout).not.toContain('Research');
      // Without --changed-only the clause is shown, in its new wording, and says why nothing is marked.
      expect(run('--hide-cosmetic').stdout).toMatch(/Article 2 — Research {2}\[edited: cosmetic only, not marked\]\n {2}The Participants will promote joint research including on recycling\./);
      // The HTML page opens with the switch on; the JSON keeps its flags and refuses the option.
      const html = path.join(dir, 'redline.html');
      expect(run('--format', 'html', '--hide-cosmetic', '-o', html).code).toBe(0);
      expect(fs.readFileSync(html, 'utf8')).toContain('<input type="checkbox" id="hide-cosmetic" class="toggles" checked>');
      const json = run('--format', 'json', '--hide-cosmetic');
      expect(json.code).toBe(2);
      expect(json.stderr).toContain('--hide-cosmetic is for the text and HTML redlines');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares a draft with errors as far as it reads, and names the file, line and error on standard error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-bad-'));
    try {
      const broken = path.join(dir, 'broken.md');
      fs.writeFileSync(broken, '---\ntitle: [unclosed\n---\n\n## Article 1 — Stockpiles\n\nThe Participants will coordinate their stocks.\n');
      const good = path.join(dir, 'good.md');
      fs.writeFileSync(good, '## Article 1 — Stockpiles\n\nThe Participants shall coordinate their stocks.\n');
      const r = parley('diff', broken, good, '--format', 'json');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/broken\.md:\d+:\d+: error: front matter is not valid YAML/);
      expect(JSON.parse(r.stdout).changes[0].legal).toContainEqual({ type: 'obligation', old: 'will', new: 'shall', direction: 'stronger' });
      // Clean drafts: nothing on standard error.
      expect(parley('diff', good, good).stderr).toBe('');
      // The help says where the errors go.
      expect(parley('diff', '--help').stdout).toMatch(/each error is named on standard error\s+as file:line:column/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!corpus)('reads plain-text drafts from outside: MY → TH paragraph 4 became 5, "shall" became "should"', () => {
    const dir = path.join(corpus!, 'us-critical-minerals-MOUs_MY-vs-TH');
    const r = parley('diff', path.join(dir, 'v1_2025-10-26_US-Malaysia_MOU.txt'), path.join(dir, 'v2_2025-10-26_US-Thailand_MOU.txt'), '--format', 'json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const areas = c.changes.find((x: { new: { title: string }[] }) => x.new[0]?.title === 'AREAS OF COOPERATION');
    expect(areas.provisions).toContainEqual(expect.objectContaining({ old: '4', new: '5', renumbered: true }));
    expect(areas.provisions).toContainEqual(expect.objectContaining({ kind: 'inserted', new: '4' }));
    const commencement = c.changes.find((x: { new: { title: string }[] }) => x.new[0]?.title === 'COMMENCEMENT AND DISCONTINUATION');
    expect(commencement.legal).toContainEqual({ type: 'obligation', old: 'shall', new: 'should', direction: 'weaker' });
  });
});
