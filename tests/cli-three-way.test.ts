/**
 * `parley diff --base V1 DOSSIER V2 V3`: threeWayCommand on the sample dossier, with its output collected.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threeWayCommand } from '../src/node/cli/three-way.js';
import { UserError } from '../src/node/read-draft-file.js';
import { copySampleDossier, copySampleDossierWithWorkingError, SAMPLE_DOSSIER } from './support/fixture-copy.js';
import { collectOutput } from './support/output-collector.js';
import { importAndTable, runParley } from './support/serve-process.js';

describe('parley diff --base (three-way)', () => {
  it('prints the three versions, the counts and each changed clause with its status', async () => {
    const o = collectOutput();
    expect(await threeWayCommand(SAMPLE_DOSSIER, '3', 'v4', '5', { changedOnly: true, color: false }, o)).toBe(0);
    const text = o.text();
    expect(o.stdout[0]).toBe('base:   v3 — Joint text after the Brussels round — tabled by EU, 2026-03-12');
    expect(text).toContain('3 unchanged, 0 first-only, 7 second-only, 0 both-same, 5 conflict (15 clauses)');
    // v4 moved Stockpiling up from after Emergency planning (v5 keeps it there): a move alone is no change of its
    // state, so the status is v5's edit's, and the line says who moved it.
    expect(text).toContain('Paragraph 5 — Stockpiling  #stockpiling  — changed by the second side only (moved by v4 and v5)');
    expect(text).toMatch(/#joint-investment {2}— changed by the second side only\n/);
    // v5 resolved the brackets v4 resolved, the same way, and went on to resolve the others: it holds both changes.
    expect(text).toMatch(/#no-export-bans {2}— CONFLICT: changed by both, differently \(v5 holds both changes: it made v4's change too\)\n {2}first \(v4\): edited\n/);
    // Both split it off #pricing alike; v5 then added to its second point: v5 holds both changes.
    expect(text).toMatch(/#anti-dumping {2}— CONFLICT: changed by both, differently \(v5 holds both changes: it made v4's change too\)\n {2}first \(v4\): inserted \(split: #pricing → #pricing, #anti-dumping\)\n/);
    // The inserted paragraph is marked on its own line, whole.
    expect(text).toContain('\n    {+3. The Participants intend to explore joint procurement for their strategic stocks.+}\n');
    // --changed-only hides the three clauses neither side touched.
    expect(text).not.toContain('#purpose');
  });

  it('lists what changed in law on each side, and in a conflict what stands between the sides', async () => {
    const o = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '3', '4', '5', { changedOnly: true, color: false }, o);
    const text = o.text();
    expect(text).toMatch(/#joint-investment {2}— changed by the second side only\n {2}second \(v5\): edited\n {4}obligation: will → intend to \(weaker\)\n/);
    expect(text).toContain('    figure: not less than EUR 10 billion → EUR 8 billion\n');
    expect(text).toMatch(/ {2}v4 → v5:\n {4}obligation: \[shall not\]\[will not\] → will not \(as US proposed\)\n/);
    const j = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '3', '4', '5', { format: 'json' }, j);
    const byId = Object.fromEntries(JSON.parse(j.text()).clauses.map((c: { id: string }) => [c.id, c]));
    expect(byId['joint-investment'].secondChange.legal).toContainEqual({ type: 'obligation', old: 'will', new: 'intend to', direction: 'weaker' });
    expect(byId['joint-investment'].firstChange.legal).toEqual([]);
    // v4 resolved the bracketed list as v5 did, and changed nothing v5 did not: the change both made counts once,
    // and the text with both changes is v5's.
    expect(byId['no-export-bans'].overlap).toBe(false);
    expect(byId['no-export-bans'].combined.text).toBe(byId['no-export-bans'].second.text);
    // Both cut the anti-dumping paragraphs out of the pricing mechanism and gave it the same shorter title: made
    // alike, the title is no overlap, and the text with both changes is v5's.
    expect(byId.pricing.overlap).toBe(false);
    expect(byId.pricing.combined.title).toBe('Common pricing mechanism');
    expect(byId.pricing.combined.text).toBe(byId.pricing.second.text);
    // Both split the anti-dumping paragraphs off into a clause of their own, and v5 added to its second point:
    // measured over the base's paragraphs it took, the two changes combine, and v5's text holds both.
    expect([byId['anti-dumping'].overlap, byId['anti-dumping'].holdsBoth]).toEqual([false, 'second']);
    expect(byId['anti-dumping'].combined.text).toBe(byId['anti-dumping'].second.text);
    expect(byId['no-export-bans'].betweenLegal).toContainEqual({ type: 'figure', old: '[thirty (30)][fifteen (15)]', new: 'at least thirty (30) days', proposedBy: 'EU' });
  });

  it('compares the working draft too, and lists unchanged clauses without --changed-only', async () => {
    const o = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '5', 'working', '5', { color: false }, o);
    const text = o.text();
    expect(text).toContain('14 unchanged, 1 first-only, 0 second-only, 0 both-same, 0 conflict (15 clauses)');
    expect(text).toContain('#purpose  — unchanged');
    expect(text).toMatch(/first \(working draft\): edited\n[\s\S]*?\[-joint-\]\{\+coordinated\+\}/);
    expect(o.stdout[1]).toBe('first:  working draft — Working draft after ad referendum — not tabled');
  });

  it('names a working draft without a label of its own (one brought in by parley import) once', async () => {
    const copy = await copySampleDossier();
    try {
      const working = join(copy.dir, 'working.md');
      await writeFile(working, (await readFile(working, 'utf8')).replace(/^label: .*\n/m, ''));
      const o = collectOutput();
      await threeWayCommand(copy.dir, '4', '5', 'working', { changedOnly: true, color: false }, o);
      expect(o.stdout[2]).toBe('second: working draft — not tabled');
    } finally {
      await copy.dispose();
    }
  });

  it('shows a title block a side put before the first clause first, apart from the clauses', async () => {
    const copy = await copySampleDossier();
    try {
      const working = join(copy.dir, 'working.md');
      await writeFile(working, (await readFile(working, 'utf8')).replace('\n## ', '\nbetween the European Union and the United States of America\n\n## '));
      const o = collectOutput();
      await threeWayCommand(copy.dir, '5', '5', 'working', { changedOnly: true, color: false }, o);
      expect(o.text()).toContain('\nTitle block (before the first clause)  — changed by the second side only\n  second (working draft): inserted\n    {+between the European Union and the United States of America+}\n');
      const j = collectOutput();
      await threeWayCommand(copy.dir, '5', '5', 'working', { format: 'json' }, j);
      const json = JSON.parse(j.text());
      expect(json.front).toMatchObject({ id: '', status: 'second-only', base: null, first: null, second: { text: 'between the European Union and the United States of America' } });
      expect(json.clauses.some((c: { id: string }) => c.id === '')).toBe(false);
    } finally {
      await copy.dispose();
    }
  });

  it('names an error of the working draft on standard error, and still compares it', async () => {
    const copy = await copySampleDossierWithWorkingError();
    try {
      const o = collectOutput();
      expect(await threeWayCommand(copy.dir, '4', '5', 'working', { changedOnly: true, color: false }, o)).toBe(0);
      expect(o.stderr.join('\n')).toMatch(/working\.md:\d+:\d+: error: .*"UK"/);
      expect(o.text()).toContain('#no-export-bans');
      // Comparing tabled versions only, the working draft's errors are not this comparison's business.
      const tabled = collectOutput();
      expect(await threeWayCommand(copy.dir, '3', '4', '5', { changedOnly: true, color: false }, tabled)).toBe(0);
      expect(tabled.stderr).toEqual([]);
    } finally {
      await copy.dispose();
    }
  });

  it('gives JSON with the summary and every clause', async () => {
    const o = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '1', '2', '3', { format: 'json' }, o);
    const json = JSON.parse(o.text());
    expect(json.base).toEqual({ version: 1, label: 'EU first proposal', tabledBy: 'EU', date: '2026-01-12' });
    const byId = Object.fromEntries(json.clauses.map((c: { id: string }) => [c.id, c]));
    // research-mobility: merged away by v2 and not back in v3: both sides deleted it.
    expect(byId['research-mobility'].status).toBe('both-same');
    expect(byId['research-mobility'].firstChange.change).toBe('deleted');
    // … into #research: said so, its text not struck (it is in #research).
    expect(byId['research-mobility'].firstChange.relation).toEqual({ kind: 'merged', from: ['research', 'research-mobility'], into: ['research'] });
    expect(byId['research-mobility'].firstChange.words).toEqual([]);
    // review: inserted by v2, withdrawn again in v3.
    expect(byId['review'].status).toBe('first-only');
    // stockpiling: renumbered only on both sides, and moved by neither.
    expect(byId['stockpiling'].status).toBe('unchanged');
    expect(byId['stockpiling'].firstChange.moved).toBeUndefined();
    const moved = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '3', '4', '5', { format: 'json' }, moved);
    const stockpiling = JSON.parse(moved.text()).clauses.find((c: { id: string }) => c.id === 'stockpiling');
    expect([stockpiling.firstChange.moved, stockpiling.secondChange.moved, stockpiling.status]).toEqual([true, true, 'second-only']);
    const total = Object.values(json.summary as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(json.clauses.length);
  });

  it('writes the three-way comparison as a self-contained web page', async () => {
    const o = collectOutput();
    await threeWayCommand(SAMPLE_DOSSIER, '3', '4', '5', { format: 'html' }, o);
    const html = o.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain('base: v3 — Joint text after the Brussels round — tabled by EU, 2026-03-12');
    expect(html).toContain('3 unchanged, 0 first-only, 7 second-only, 0 both-same, 5 conflict (15 clauses)');
    // A conflict: the two sides facing each other, what stands between them, and the text with both changes.
    const bans = html.slice(html.indexOf('No export bans'), html.indexOf('</section>', html.indexOf('No export bans')));
    expect(bans).toContain('conflict: changed by both, differently');
    expect(bans).toContain('<th width="50%">v4: edited</th><th width="50%">v5: edited</th>');
    expect(bans).toContain('<b>obligation</b>: <del>[shall not][will not]</del> → <ins>will not</ins>');
    expect(bans).toContain('Both changes together (v4 and v5, against the base):');
    // A clause one side changed: that side's redline.
    const investment = html.slice(html.indexOf('Joint investment'), html.indexOf('</section>', html.indexOf('Joint investment')));
    expect(investment).toContain('changed by the second side only');
    expect(investment).toContain('<p class="side">v5: edited</p>');
    const stockpiling = html.slice(html.indexOf('Stockpiling'), html.indexOf('</section>', html.indexOf('Stockpiling')));
    expect(stockpiling).toContain('changed by the second side only</span>, <span class="badge moved">moved by v4 and v5</span>');
    // A clause split off by v4 (and kept so by v5): each side says so.
    const antiDumping = html.slice(html.indexOf('Anti-dumping'), html.indexOf('</section>', html.indexOf('Anti-dumping')));
    expect(antiDumping).toContain('<th width="50%">v4: inserted (split: #pricing → #pricing, #anti-dumping)</th>');
  });

  it('refuses a version the dossier does not have, naming those it has', async () => {
    const error = await threeWayCommand(SAMPLE_DOSSIER, '3', '4', '9', {}, collectOutput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/has no version 9 \(its versions are 1, 2, 3, 4, 5, and "working"\)/);
    await expect(threeWayCommand(SAMPLE_DOSSIER, 'latest', '4', '5', {}, collectOutput())).rejects.toThrow(/"latest" is not a version/);
    await expect(threeWayCommand(SAMPLE_DOSSIER, '3', '4', '5', { format: 'xml' }, collectOutput())).rejects.toThrow(/--format must be text, html or json/);
  });

  it('reads a clause one side merged away and the other put back, edited, as one clause in conflict (ids as parley import gives them)', async () => {
    const work = await mkdtemp(join(tmpdir(), 'parley-three-way-restore-'));
    try {
      const dossier = join(work, 'dossier');
      const supply = 'The Participants will cooperate on the supply of critical minerals and rare earths to secure their industries.';
      const sharing = 'The Participants will share information on supply risks within thirty (30) days of a disruption.';
      const term = 'This Memorandum takes effect on signature and remains in effect for five years.';
      const write = async (name: string, articles: string[]) => {
        await writeFile(join(work, name), articles.map((text, k) => `Article ${k + 1}\n\n${text}\n`).join('\n'));
        return join(work, name);
      };
      runParley('init', dossier, '--title', 'Test MoU', '--party', 'EU=European Union', '--party', 'US=United States');
      importAndTable(dossier, await write('base.txt', [supply, sharing, term]), 'base', 'EU');
      // The EU merges Article 2 into Article 1; the US answers the base, keeping Article 2 and changing it.
      importAndTable(dossier, await write('eu.txt', [`${supply} ${sharing}`, term]), 'EU merger', 'EU');
      importAndTable(dossier, await write('us.txt', [supply, sharing.replace('will', 'shall').replace('thirty (30)', 'ten (10)'), term]), 'US reply', 'US');
      const o = collectOutput();
      expect(await threeWayCommand(dossier, '1', '2', '3', { changedOnly: true, color: false }, o)).toBe(0);
      const text = o.text();
      expect(text).toContain('1 unchanged, 0 first-only, 0 second-only, 0 both-same, 2 conflict (3 clauses)');
      expect(text).toMatch(/#article-2 {2}— CONFLICT: changed by both, differently\n {2}first \(v2\): deleted \(merged: #article-1, #article-2 → #article-1\)\n {2}second \(v3\): edited\n {4}obligation: will → shall \(stronger\)\n/);
      // The merged clause too: taking the EU's would lose the US edit of the text merged into it. Both together:
      expect(text).toMatch(/#article-1 {2}— CONFLICT: changed by both, differently \(in different sentences or rows: the two changes do not overlap\)\n/);
      expect(text).toContain('  second (v3): edited (in #article-2, where this text still stands)\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
