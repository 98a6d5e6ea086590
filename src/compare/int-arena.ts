/**
 * Int32Arrays for the many small integer lists of an alignment (word hashes, shingle sets: tens of thousands
 * per comparison), carved out of shared chunks. A typed array of its own costs far more than its contents:
 * beyond 64 bytes the engine gives it a separately allocated buffer, which the garbage collector must track
 * and free; a view into a shared buffer is one small object. Chunks are never reused: a chunk is freed when
 * no array carved from it is left.
 */

/** Values per chunk (256 KB). */
const CHUNK = 1 << 16;
/** Arrays longer than this get a buffer of their own (they are few, and would waste chunk space). */
const LARGE = CHUNK >> 4;

let chunk = new ArrayBuffer(CHUNK * 4);
let used = 0;

/** A zero-filled Int32Array of length n. */
export function int32s(n: number): Int32Array {
  if (n > LARGE) return new Int32Array(n);
  if (used + n > CHUNK) {
    chunk = new ArrayBuffer(CHUNK * 4);
    used = 0;
  }
  const array = new Int32Array(chunk, used * 4, n);
  used += n;
  return array;
}

/** A copy of the first n values of `source`. */
export function copyInt32s(source: Int32Array, n: number): Int32Array {
  const array = int32s(n);
  for (let i = 0; i < n; i++) array[i] = source[i]!;
  return array;
}
