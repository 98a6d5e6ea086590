/**
 * A list of 32-bit integers that keeps its storage when cleared: the word diff fills a few such lists
 * (line bounds, shared stretches, stand-ins, Myers runs) for every clause pair, and a fresh array each time
 * (or `array.length = 0`, which gives the engine's storage back) made garbage at every call.
 */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /** Four values at once (a stretch: its start and end on both sides), with one check for room. */
  push4(a: number, b: number, c: number, d: number): void {
    while (this.length + 4 > this.data.length) this.grow();
    const data = this.data, at = this.length;
    data[at] = a;
    data[at + 1] = b;
    data[at + 2] = c;
    data[at + 3] = d;
    this.length = at + 4;
  }

  /** Clears the list, and gives up storage beyond `limit` entries (one huge input must not keep its memory). */
  reset(limit: number): void {
    this.length = 0;
    if (this.data.length > limit) this.data = new Int32Array(64);
  }

  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}
