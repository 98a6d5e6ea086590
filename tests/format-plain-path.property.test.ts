/**
 * The plain-prose fast paths (src/format/plain-blocks.ts) must agree exactly with remark, which they
 * stand in for: whenever a fast path answers, its answer is the one remark would have given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/model/draft.js';
import { toBlocks } from '../src/format/mdast-to-model.js';
import { fromBlocks } from '../src/format/model-to-mdast.js';
import { plainBlocks, plainMarkdown } from '../src/format/plain-blocks.js';
import { markdownProcessor } from '../src/format/processor.js';

const CHARS = [...'abcXYZ019 .,;()"\'-é中§—', ...'*_[]#:<>&!`\\|~+=@/\t'];
const SAFE = [...'abcXYZ019 .,;()"\'-é中§—'];
const char = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...SAFE) }, { weight: 1, arbitrary: fc.constantFrom(...CHARS) });
const text = fc.array(char, { minLength: 1, maxLength: 12 }).map((c) => c.join(''));
const line = fc.oneof(
  text,
  fc.tuple(fc.integer({ min: 1, max: 12 }), text).map(([n, t]) => `${n}. ${t}`),
  fc.tuple(fc.constantFrom('   ', '    ', '  '), text).map(([i, t]) => i + t),
  fc.constant(''),
);
const body = fc.array(line, { maxLength: 10 }).map((ls) => ls.join('\n') + '\n');

function viaRemark(source: string): Block[] {
  const processor = markdownProcessor();
  return toBlocks(processor.parse(source).children, { source, firstLine: 1, diagnostics: [], parties: new Set() });
}

describe('plain fast paths agree with remark', () => {
  it('reading: plainBlocks gives what remark gives, whenever it answers', () => {
    let answered = 0;
    fc.assert(fc.property(body, (source) => {
      const fast = plainBlocks(source);
      if (fast === null) return;
      answered++;
      expect(fast).toEqual(viaRemark(source));
    }), { numRuns: 3000 });
    // The generator must exercise the fast path, or this test proves nothing.
    expect(answered).toBeGreaterThan(100);
  });

  it('reading a canonical clause body takes the fast path', () => {
    const source = '1. The Participants will cooperate.\n\n   (a) first, "quoted";\n\n   (b) second.\n\n2. Further.\n\nA closing paragraph.\n';
    expect(plainBlocks(source)).toEqual(viaRemark(source));
    expect(plainBlocks(source)).not.toBeNull();
  });

  it('writing: plainMarkdown gives what remark writes, whenever it answers', () => {
    const para = text.map((value): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] }));
    const list = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.array(fc.array(para, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean())
      .map(([start, items, spread, itemSpread]): Block => ({
        type: 'list', ordered: true, start, spread,
        children: items.map((children) => ({ type: 'listItem', spread: itemSpread, children })),
      }));
    let answered = 0;
    fc.assert(fc.property(fc.array(fc.oneof(para, list), { minLength: 1, maxLength: 4 }), (blocks) => {
      const fast = plainMarkdown(blocks);
      if (fast === null) return;
      answered++;
      const slow = markdownProcessor().stringify({ type: 'root', children: fromBlocks(blocks) }).replace(/\n+$/, '');
      expect(fast).toBe(slow);
    }), { numRuns: 2000 });
    expect(answered).toBeGreaterThan(100);
  });
});
