// Timing shared by the benchmarks (bench/run.mjs runs the files of bench/ itself, not this folder).
import { performance } from 'node:perf_hooks';

export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The median of `runs` timed calls of fn, after one untimed warm-up call. */
export function time(fn, runs) {
  fn();
  const times = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
