import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList } from '../src/compare/int-list.js';

// IntList keeps its storage across clears (the word diff's scratch lists): whatever it is given, in
// whatever mix of push, push4, clear and reset, it must read back exactly what an array would hold.

const step = fc.oneof(
  fc.tuple(fc.constant('push' as const), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 1 })),
  fc.tuple(fc.constant('push4' as const), fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 4 })),
  fc.tuple(fc.constant('clear' as const), fc.constant([] as number[])),
  fc.tuple(fc.constant('reset' as const), fc.constant([] as number[])),
);

describe('IntList', () => {
  it('holds what an array holds, across growth, clears and resets', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (steps, capacity) => {
      const list = new IntList(capacity);
      let plain: number[] = [];
      for (const [kind, values] of steps) {
        if (kind === 'push') list.push(values[0]!);
        else if (kind === 'push4') list.push4(values[0]!, values[1]!, values[2]!, values[3]!);
        else if (kind === 'clear') list.clear();
        else list.reset(16);
        plain = kind === 'clear' || kind === 'reset' ? [] : [...plain, ...values];
        expect(Array.from(list.data.subarray(0, list.length))).toEqual(plain);
      }
    }), { numRuns: 500 });
  });

  it('gives up storage past the limit on reset, and keeps it below', () => {
    const list = new IntList(4);
    for (let i = 0; i < 100; i++) list.push(i);
    const grown = list.data;
    list.reset(1000);
    expect(list.data).toBe(grown);
    list.reset(50);
    expect(list.data.length).toBeLessThan(100);
    expect(list.length).toBe(0);
  });
});
