/**
 * `parley history`: the command function on the sample dossier, with its output collected.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { historyCommand, registerHistory } from '../src/node/cli/history.js';
import { UserError } from '../src/node/read-draft-file.js';
import { openDossier } from '../src/node/dossier/store.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copySampleDossier, copySampleDossierWithWorkingError, SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { collectOutput } from './support/output-collector.js';

describe('parley history', () => {
  it('prints one block per version with who tabled it, the heading and the redline', async () => {
    const o = collectOutput();
    expect(await historyCommand(SAMPLE_DOSSIER, 'no-export-bans', { format: 'text', color: false }, o)).toBe(0);
    const text = o.text();
    expect(text).toContain('v3 — Joint text after the Brussels round — tabled by EU, 2026-03-12');
    expect(text).toContain('v2 — US counter-proposal — tabled by US, 2026-02-09\nParagraph 4 — No export bans\n  changed by US:');
    expect(text).toMatch(/\[-shall-\]\{\+will\+\} not/);
    expect(text).toContain('working draft — Working draft after ad referendum — not tabled (prepared by EU, 2026-06-02)');
    expect(text).toMatch(/working draft[^\n]*\nParagraph 6 — No export bans\n {2}unchanged\n?/);
    expect(o.stderr).toEqual([]);
    // No colour codes unless asked for.
    expect(text).not.toContain('\u001b[');
  });

  it('names an error of the working draft on standard error, and still shows the history', async () => {
    const copy = await copySampleDossierWithWorkingError();
    try {
      const o = collectOutput();
      expect(await historyCommand(copy.dir, 'no-export-bans', { format: 'text', color: false }, o)).toBe(0);
      expect(o.stderr.join('\n')).toMatch(/working\.md:\d+:\d+: error: .*"UK"/);
      expect(o.text()).toContain('working draft — Working draft after ad referendum');
    } finally {
      await copy.dispose();
    }
  });

  it('colours the redline when asked', async () => {
    const o = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'no-export-bans', { format: 'text', color: true }, o);
    expect(o.text()).toContain('\u001b[31m[-shall-]\u001b[0m');
  });

  it('says where a merged clause went and marks renumbering without an edit as unchanged', async () => {
    const o = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'research-mobility', { format: 'text', color: false }, o);
    expect(o.text()).toContain('(absent: merged into #research)');
    const s = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'stockpiling', { format: 'text', color: false }, s);
    // v2 renumbered it (a paragraph before it was merged into another) without moving it; v4 moved it up, from
    // after Emergency planning to before No export bans, as parley diff reads the move.
    expect(s.text()).toMatch(/v2 — [^\n]*\nParagraph 8 — Stockpiling\n {2}unchanged \(renumbered\)/);
    expect(s.text()).toMatch(/v4 — [^\n]*\nParagraph 5 — Stockpiling\n {2}unchanged \(moved; renumbered\)/);
    const json = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'stockpiling', { format: 'json', working: false }, json);
    expect(JSON.parse(json.text()).versions.map((v: { change?: { moved: boolean } }) => v.change?.moved)).toEqual([undefined, false, false, true, false]);
  });

  it('gives JSON with every version and each change', async () => {
    const o = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'research', { format: 'json', working: false }, o);
    const json = JSON.parse(o.text());
    expect(json.id).toBe('research');
    expect(json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(json.versions[1].relation).toEqual({ kind: 'merged', from: ['research', 'research-mobility'], into: ['research'] });
    expect(json.versions[1].change.by).toBe('US');
    expect(json.versions[1].change.words[0]).toEqual({ op: expect.any(String), text: expect.any(String) });
  });

  it('lists what changed in law in each change, as parley diff does, before its redline', async () => {
    const o = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'no-export-bans', { format: 'text', color: false }, o);
    const text = o.text();
    expect(text).toContain('  changed by US:\n    obligation: shall not → will not (weaker)\n    obligation: shall → will (weaker), twice\n' +
      '    figure: at least thirty (30) days → at least fifteen (15) days\n    1. The Participants [-shall-]{+will+} not impose');
    // v5 settles the brackets: who proposed the wording that stays.
    expect(text).toMatch(/v5 — [^\n]*\n[^\n]*\n {2}changed by US:\n {4}obligation: \[shall not\]\[will not\] → will not \(as US proposed\)\n/);
    // Renumbering alone says nothing in law.
    expect(text).toMatch(/changed by EU \(renumbered\):\n {4}1\. The Participants \[shall not\]/);
    const j = collectOutput();
    await historyCommand(SAMPLE_DOSSIER, 'no-export-bans', { format: 'json', working: false }, j);
    const v2 = JSON.parse(j.text()).versions[1];
    expect(v2.change.legal).toContainEqual({ type: 'obligation', old: 'shall not', new: 'will not', direction: 'weaker' });
    expect(JSON.parse(j.text()).versions[0].change).toBeUndefined();
  });

  it('says of a change whose words are all cosmetic that it is (a phrase set in italic)', async () => {
    const copy = await copySampleDossier();
    try {
      const working = join(copy.dir, 'working.md');
      const text = await readFile(working, 'utf8');
      expect(text).toContain('projects of mutual interest');
      await writeFile(working, text.replace('projects of mutual interest', 'projects of *mutual interest*'));
      const o = collectOutput();
      expect(await historyCommand(copy.dir, 'joint-investment', { format: 'text', color: false }, o)).toBe(0);
      const step = o.text().split('working draft')[1]!;
      expect(step).toContain('  changed by EU (cosmetic only):');
      expect(step).toContain('projects of [-mutual interest-]{+*mutual interest*+}');
    } finally {
      await copy.dispose();
    }
  });

  it('--title-block: the text before the first clause in every version, each change with who tabled it', async () => {
    const copy = await copySampleDossier();
    try {
      // An imported draft keeps its title block before its first clause: the US tables one as v6, and the working
      // draft after it says it otherwise.
      const handle = await openDossier(copy.dir);
      const withFront = async (front: string) => {
        const text = await handle.readWorking();
        expect(text).toContain('\n## Preamble');
        await handle.saveWorking(text.replace('\n## Preamble', `\n${front}\n\n## Preamble`));
      };
      try {
        await withFront('MEMORANDUM OF UNDERSTANDING between the European Union and the United States of America\n\nBrussels, 1 July 2026');
        await handle.tableWorking({ label: 'US text as imported', by: 'US', date: '2026-07-01' });
        const tabled = await handle.readWorking();
        const changed = tabled.replace('and the United States of America\n', 'and the Government of the United States of America\n').replace('1 July 2026', '15 July 2026');
        expect(changed).toContain('Government of the United States of America\n\nBrussels, 15 July 2026');
        await handle.saveWorking(changed);
      } finally {
        await handle.close();
      }
      const o = collectOutput();
      expect(await historyCommand(copy.dir, undefined, { format: 'text', color: false, titleBlock: true }, o)).toBe(0);
      const text = o.text();
      expect(text).toContain('History of the title block (the text before the first clause) — in 2 versions of 7, 1 change');
      expect(text).toMatch(/v5 — [^\n]*\n {2}\(not in this version yet\)/);
      expect(text).toMatch(/v6 — US text as imported — tabled by US, 2026-07-01\nTitle block\n {2}first appears here:\n {4}MEMORANDUM OF UNDERSTANDING between the European Union and the United States/);
      expect(text).toMatch(/working draft[^\n]*\nTitle block\n {2}changed by EU:/);
      expect(text).toContain('and the {+Government of the +}United States');
      expect(text).toContain('date: 1 July 2026 → 15 July 2026');
      const j = collectOutput();
      await historyCommand(copy.dir, undefined, { format: 'json', working: false, titleBlock: true }, j);
      const json = JSON.parse(j.text());
      expect(json.id).toBe('');
      expect(json.versions.map((v: { clause: unknown }) => v.clause !== null)).toEqual([false, false, false, false, false, true]);
      // A clause id and --title-block together, or neither, is a clear error; so is a dossier without a title block.
      await expect(historyCommand(copy.dir, 'research', { format: 'text', titleBlock: true }, collectOutput())).rejects.toThrow(/either a clause id or --title-block/);
      await expect(historyCommand(copy.dir, undefined, { format: 'text' }, collectOutput())).rejects.toThrow(/Name the clause/);
      await expect(historyCommand(SAMPLE_DOSSIER, undefined, { format: 'text', titleBlock: true }, collectOutput())).rejects.toThrow(/No version of .* has a title block/);
    } finally {
      await copy.dispose();
    }
  });

  it('names close ids when the clause id is unknown', async () => {
    const error = await historyCommand(SAMPLE_DOSSIER, 'no-export-ban', { format: 'text' }, collectOutput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/No clause has the id "no-export-ban".*Close ids: no-export-bans/);
  });

  it('refuses an unknown format and a folder that is not a dossier', async () => {
    await expect(historyCommand(SAMPLE_DOSSIER, 'research', { format: 'xml' }, collectOutput())).rejects.toThrow(/--format must be text or json/);
    await expect(historyCommand(SAMPLE_DOSSIER + '/versions', 'research', { format: 'text' }, collectOutput())).rejects.toBeInstanceOf(UserError);
  });

  it('registers as a command with its options', () => {
    const program = new Command();
    registerHistory(program);
    const command = program.commands.find((c) => c.name() === 'history')!;
    expect(command.options.map((o) => o.long)).toEqual(['--format', '--no-working', '--no-color', '--title-block']);
  });
});
