/**
 * Bracketed alternatives in the legal reading: "[shall][will]", "within [thirty (30)][sixty (60)] days" — two
 * or more bracket groups side by side, each a party's proposal for one place of the text. When a version
 * settles them ("will", "within forty-five (45) days"), a reading item by item says that each alternative went
 * and something else came ("thirty (30) → —", "sixty (60) → —", "— → within forty-five (45) days"), where a
 * negotiator reads one change: "[thirty (30)][sixty (60)] → within forty-five (45) days". So the items of one
 * kind that stand in two or more alternatives of one group are read as one item, the group, quoted whole (a
 * group short enough to quote: MAX_QUOTED), which pairs with an item of any kind of its type (an alternative's
 * figure "thirty (30)" has its unit outside the brackets, "days", so its kind is unknown). A group has an
 * obligation strength only when all its alternatives have the same one ("[will establish][will explore]" →
 * "intend to" is weaker; "[shall][will]" → "will" has no direction).
 *
 * Groups are found in the text as clauseText writes bracketed language ("[" and "]", nested groups allowed),
 * within one line.
 */
import { normalizeSpace, type Found } from './legal-find.js';

/** The kind of a group item: it pairs with an item of any kind (legal.ts pairUp). */
export const ANY_KIND = '*';

/** A group of alternatives: [start, end) from its first "[" to after its last "]", and each alternative's span. */
interface Alternatives {
  start: number;
  end: number;
  spans: [number, number][];
}

/** The items of one kind in `text`, those that stand in two or more alternatives of one group joined into one. */
export function joinAlternatives(text: string, items: readonly Found[]): Found[] {
  if (items.length < 2 || !text.includes('][')) return items as Found[];
  const groups: { group: Alternatives; members: Found[] }[] = [];
  const out: Found[] = [];
  for (const item of items) {
    const group = alternativesAround(text, item.start, item.end);
    if (!group) { out.push(item); continue; }
    let entry = groups.find((g) => g.group.start === group.start && g.group.end === group.end);
    if (!entry) groups.push((entry = { group, members: [] }));
    entry.members.push(item);
  }
  for (const { group, members } of groups) {
    const byAlternative = group.spans.map(([from, to]) => members.filter((m) => m.start >= from && m.end <= to));
    if (group.end - group.start > MAX_QUOTED || byAlternative.filter((list) => list.length > 0).length < 2) { out.push(...members); continue; }
    const quoted = text.slice(group.start, group.end);
    const key = normalizeSpace(quoted);
    // Alternatives of one strength ("[will establish][will explore]") have that strength: a direction can be given.
    const first = members[0]!;
    const oneStrength = byAlternative.every((list) => list.length > 0) && members.every((m) => m.rank === first.rank && m.polarity === first.polarity);
    out.push({
      start: group.start, end: group.end, text: quoted, key, value: key, kind: ANY_KIND,
      rank: oneStrength ? first.rank : undefined, polarity: oneStrength ? first.polarity : undefined, quoted: undefined,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The group of alternatives whose innermost alternative holds [start, end), or null: none holds it, or its
 * bracket group stands alone (one alternative is bracketed language, not a choice).
 */
function alternativesAround(text: string, start: number, end: number): Alternatives | null {
  const open = enclosingOpen(text, start);
  if (open < 0) return null;
  const close = matchingClose(text, open);
  if (close < 0 || close < end) return null;
  const spans: [number, number][] = [[open, close + 1]];
  // Alternatives touch: "][" with nothing between.
  for (let s = open; text.charCodeAt(s - 1) === CLOSE;) {
    const before = enclosingOpen(text, s - 1);
    if (before < 0) break;
    spans.unshift([before, s]);
    s = before;
  }
  for (let e = close; text.charCodeAt(e + 1) === OPEN;) {
    const after = matchingClose(text, e + 1);
    if (after < 0) break;
    spans.push([e + 1, after + 1]);
    e = after;
  }
  if (spans.length < 2) return null;
  return { start: spans[0]![0], end: spans[spans.length - 1]![1], spans };
}

const OPEN = 91, CLOSE = 93, LINE_FEED = 10;
/**
 * Groups longer than this (in characters) are not joined: a finding quotes its words, and alternatives of a
 * sentence or more each ("[Parties shall …][Each Party should …]") read better item by item.
 */
const MAX_QUOTED = 80;

/** The "[" of the innermost bracket group open at `at` (on its line) — the one a "]" at `at` closes — or -1. */
function enclosingOpen(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED) return -1;
    if (c === CLOSE) depth++;
    else if (c === OPEN && depth-- === 0) return i;
  }
  return -1;
}

/** The "]" that closes the "[" at `open` (on its line), or -1. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED) return -1;
    if (c === OPEN) depth++;
    else if (c === CLOSE && depth-- === 0) return i;
  }
  return -1;
}


/**
 * The alternatives, each [its "[", after its "]"), of the group that spans exactly [start, end) of `text`, in
 * order; empty when no group of two or more alternatives spans it.
 */
export function alternativeSpans(text: string, start: number, end: number): [number, number][] {
  const group = text.charCodeAt(start) === OPEN ? alternativesAround(text, start + 1, start + 1) : null;
  return group && group.start === start && group.end === end ? group.spans : [];
}

/**
 * Which alternative of the group quoted at [start, end) of `text` a wording takes ("will" takes "[will]" of
 * "[shall][will]"; "within sixty (60) days" takes "[sixty (60)]" of "[thirty (30)][sixty (60)]"): the offset of
 * that alternative's "[", or -1 when the wording holds none of them or holds two equally long ones (a
 * compromise, "forty-five (45)", takes none). An alternative is held when its words stand in the wording as
 * whole words, case and spacing aside; of several held, the longest is taken ("[may][may not]" → "may not").
 */
export function alternativeTaken(text: string, start: number, end: number, wording: string): number {
  const haystack = comparable(wording);
  let taken = -1, takenLength = 0, tie = false;
  for (const [open, after] of alternativeSpans(text, start, end)) {
    const words = comparable(text.slice(open + 1, after - 1));
    if (words === '' || !holdsWords(haystack, words)) continue;
    if (words.length > takenLength) { taken = open; takenLength = words.length; tie = false; }
    else if (words.length === takenLength) tie = true;
  }
  return tie ? -1 : taken;
}

/** Words as compared for alternativeTaken: bracket marks dropped, spacing collapsed, lower case. */
function comparable(words: string): string {
  return normalizeSpace(words.replace(/[[\]]/g, ' ')).toLowerCase();
}

/** Whether `needle` stands in `haystack` starting and ending at word boundaries. */
function holdsWords(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordCharacter(haystack.charAt(at - 1)) && !isWordCharacter(haystack.charAt(at + needle.length))) return true;
  }
  return false;
}

function isWordCharacter(c: string): boolean {
  return c !== '' && /[\p{L}\p{N}]/u.test(c);
}
