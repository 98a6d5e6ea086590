/**
 * Options put in or taken out whole, on the Paris drafts: a negotiating text grows by lines ("Option 2: …"), and
 * the redline must show each such line struck or inserted whole, not a change that starts in the middle of the
 * line before it and ends in the middle of the option (the token diff may choose either where the option ends
 * with the same words as that line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare/compare.js';
import { importDraft } from '../src/format/import-text.js';
import { corpus, corpusSkipReason } from './support/corpus.js';

describe.skipIf(!corpus)(`options put in or taken out whole in the Paris drafts (${corpus ? 'corpus found' : corpusSkipReason})`, () => {
  const dir = path.join(corpus ?? '', 'paris-agreement-drafts');
  const version = (prefix: string) => {
    const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix))!;
    return importDraft(fs.readFileSync(path.join(dir, file), 'utf8'), { file }).draft;
  };
  const words = (oldPrefix: string, newPrefix: string, article: string) =>
    compareDrafts(version(oldPrefix), version(newPrefix)).changes.find((c) => c.new[0]?.label === article)!.words;

  it('strikes an option of the 23 October draft whole, from the start of its line to its end (Article 4 on 4 December)', () => {
    const ops = words('v1_', 'v2_', 'Article 4');
    const k = ops.findIndex((o) => o.op !== 'equal' && o.text.includes('Option 2: Parties share the goal of increasing resilience'));
    expect(k).toBeGreaterThan(0);
    expect(ops[k]!.op).toBe('delete');
    expect(ops[k]!.text.startsWith('Option 2: Parties share the goal')).toBe(true);
    expect(ops[k]!.text.endsWith('ecosystems.\n')).toBe(true);
    expect(ops[k - 1]!.op === 'equal' && ops[k - 1]!.text.endsWith('\n')).toBe(true);
  });

  it('inserts an option whole where the text before it ends its line (Article 4 of the 23 October draft against the co-chairs\' non-paper)', () => {
    const ops = words('v0_', 'v1_', 'Article 4');
    const k = ops.findIndex((o) => o.op === 'insert' && o.text.includes('Option 2: Parties acknowledge that adaptation action'));
    expect(k).toBeGreaterThan(0);
    expect(ops[k]!.text.startsWith('Option 2: Parties acknowledge')).toBe(true);
    expect(ops[k]!.text.endsWith('where appropriate.\n')).toBe(true);
    // The line before it, the non-paper's own paragraph, is kept whole.
    expect(ops[k - 1]!.op === 'equal' && ops[k - 1]!.text.endsWith('economic and environmental policies and actions, where appropriate.\n')).toBe(true);
  });
});
