/**
 * The order in which a comparison reports its changes: the new draft's reading order, and each deletion right
 * after the new unit it is anchored to (the last unit of the nearest preceding old unit that kept its place;
 * -1: before everything), deletions sharing an anchor in old order, after the change reported at the anchor.
 *
 * That is a sort by (position, deletion after change, old index); built here by one merge, since the changes
 * already come in new order and the deletions in old order (their anchors nearly always ascending).
 */

/**
 * @param changes entries at ascending new positions `positions` (several may share one: the parts of a merge)
 * @param deletions entries in ascending old order, anchored at `anchors`
 */
export function interleave<T>(changes: readonly T[], positions: readonly number[], deletions: readonly T[], anchors: readonly number[]): T[] {
  if (deletions.length === 0) return changes as T[];
  let order: number[] | null = null;
  for (let d = 1; d < anchors.length; d++) {
    if (anchors[d]! < anchors[d - 1]!) {
      // A split's last part can stand after a later pair's unit: order by anchor, old order among equals
      // (Array.prototype.sort is stable).
      order = anchors.map((_, k) => k).sort((a, b) => anchors[a]! - anchors[b]!);
      break;
    }
  }
  const out: T[] = [];
  let d = 0;
  const anchorAt = (k: number) => anchors[order ? order[k]! : k]!;
  const deletionAt = (k: number) => deletions[order ? order[k]! : k]!;
  for (let c = 0; c < changes.length; c++) {
    while (d < deletions.length && anchorAt(d) < positions[c]!) out.push(deletionAt(d++));
    out.push(changes[c]!);
  }
  while (d < deletions.length) out.push(deletionAt(d++));
  return out;
}
