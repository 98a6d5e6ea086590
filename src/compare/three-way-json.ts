/**
 * A three-way comparison (three-way.ts) as JSON: what `parley diff --base … --format json` prints and what the
 * app's Three-way dialog reads (DossierApi.threeWay). One shape for both, so that tools reading the command's
 * output and the app see the same thing.
 */
import { partsJson, wordOpsJson } from './compare.js';
import type { HistoryVersion } from './history.js';
import type { ThreeWayClause, ThreeWayEntry, ThreeWayResult, ThreeWaySide } from './three-way.js';
import type { LegalChangeJson, WordOpJson } from './contract.js';
import type { WordOp } from './words.js';

/** A version as the JSON names it. */
function describe(v: HistoryVersion) {
  return { version: v.version, label: v.label, tabledBy: v.tabledBy, date: v.date };
}

function sideJson(side: ThreeWaySide) {
  return { change: side.change, ...(side.moved ? { moved: true as const } : {}), ...(side.relation ? { relation: side.relation } : {}), ...(side.within ? { within: side.within } : {}), legal: side.legal,
    ...(side.parts ? { parts: partsJson(side.parts) } : {}), words: wordOpsJson(side.words), ...(side.titleWords ? { titleWords: wordOpsJson(side.titleWords) } : {}) };
}

/** The comparison of `first` and `second` against `base`; with `changedOnly`, the clauses neither side changed left out. */
export function threeWayJson(result: ThreeWayResult, base: HistoryVersion, first: HistoryVersion, second: HistoryVersion, changedOnly = false) {
  return {
    base: describe(base),
    first: describe(first),
    second: describe(second),
    summary: result.summary,
    ...(result.front ? { front: entryJson(result.front) } : {}),
    clauses: result.entries.filter((e) => !changedOnly || e.status !== 'unchanged').map(entryJson),
  };
}

export type ThreeWayJson = ReturnType<typeof threeWayJson>;
export type ThreeWaySideJson = ReturnType<typeof sideJson>;

/** A clause as the JSON tells it (ThreeWayEntry, its words without their offsets). */
export interface ThreeWayEntryJson {
  id: string;
  status: ThreeWayEntry['status'];
  base: ThreeWayClause | null;
  first: ThreeWayClause | null;
  second: ThreeWayClause | null;
  firstChange: ThreeWaySideJson;
  secondChange: ThreeWaySideJson;
  between?: WordOpJson[];
  betweenLegal?: LegalChangeJson[];
  overlap?: boolean;
  combined?: { title: string; text: string; words: WordOpJson[] };
  holdsBoth?: 'first' | 'second';
}

function entryJson(e: ThreeWayEntry): ThreeWayEntryJson {
  return {
    id: e.id,
    status: e.status,
    base: e.base,
    first: e.first,
    second: e.second,
    firstChange: sideJson(e.firstChange),
    secondChange: sideJson(e.secondChange),
    ...(e.between ? { between: wordOpsJson(e.between), betweenLegal: e.betweenLegal ?? [], overlap: e.overlap === true } : e.overlap !== undefined ? { overlap: e.overlap } : {}),
    ...(e.combined ? { combined: { title: e.combined.title, text: newSide(e.combined.words), words: wordOpsJson(e.combined.words) } } : {}),
    ...(e.holdsBoth ? { holdsBoth: e.holdsBoth } : {}),
  };
}

/** The text a redline reads on its new side. */
function newSide(words: readonly WordOp[]): string {
  return words.filter((w) => w.op !== 'delete').map((w) => w.text).join('');
}
