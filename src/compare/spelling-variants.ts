/**
 * British and American spellings of one word: "organisation" / "organization", "labour" / "labor", "centre" /
 * "center", "defence" / "defense", "programme" / "program", "travelled" / "traveled", "sulphur" / "sulfur".
 * An EU text and a US counter-draft of one instrument differ in these throughout, and none of them changes what
 * the text says: the comparison marks such a change cosmetic (cosmetic.ts), so that a reader can hide it.
 *
 * Each word is reduced to a key, the same for both spellings: a list of words whose variants follow no rule, then
 * the regular endings (-ise/-ize, -yse/-yze, -our/-or, -tre/-ter, a doubled l before -ed/-ing/-er, -dgement).
 * A rule needs letters enough before the ending that short words keep theirs ("four" is not "for", "filled" is
 * not "filed"); a key that is no word harms nothing, since both sides must reduce to it. "Tonne" and "ton" are
 * different units and stay different.
 */

/** Words whose two spellings no ending rule relates, by their British spelling. */
const LISTED: Record<string, string> = {
  programme: 'program', programmes: 'programs',
  defence: 'defense', offence: 'offense', offences: 'offenses', licence: 'license', licences: 'licenses', pretence: 'pretense',
  catalogue: 'catalog', catalogues: 'catalogs', analogue: 'analog', analogues: 'analogs',
  ageing: 'aging', grey: 'gray',
  aluminium: 'aluminum', caesium: 'cesium',
  sulphur: 'sulfur', sulphate: 'sulfate', sulphates: 'sulfates', sulphide: 'sulfide', sulphides: 'sulfides', sulphuric: 'sulfuric',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment',
  instalment: 'installment', instalments: 'installments', skilful: 'skillful', wilful: 'willful',
  manoeuvre: 'maneuver', manoeuvres: 'maneuvers', centred: 'centered',
};

/** Regular endings, British → American, each after enough letters that a short word is left alone. */
const RULES: readonly [RegExp, string][] = [
  [/(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$/, 'yz$1'],
  [/(?<=[a-z]{3})our(s|ed|ing|able|ably|ite|ites|er|ers|ful|less)?$/, 'or$1'],
  [/(?<=[a-z]{2})([tb])re(s)?$/, '$1er$2'],
  [/(?<=[a-z]{3}[aeiou])ll(ed|ing|er|ers)$/, 'l$1'],
  [/dgement(s)?$/, 'dgment$1'],
];

/** The word's key: the same for its British and its American spelling. */
export function spellingKey(word: string): string {
  const lower = word.toLowerCase();
  const listed = LISTED[lower];
  if (listed) return listed;
  let key = lower;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

/**
 * Whether two texts are one word spelled the British and the American way (case aside). Cheap to say no:
 * asked of every changed word of a redline, most of which differ in more than an ending.
 */
export function isSpellingVariant(oldText: string, newText: string): boolean {
  const a = oldText.trim(), b = newText.trim();
  if (a === b || a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 3) return false;
  // The same first letter (case aside), and one word each.
  if ((a.charCodeAt(0) | 32) !== (b.charCodeAt(0) | 32)) return false;
  if (!ONE_WORD.test(a) || !ONE_WORD.test(b)) return false;
  return spellingKey(a) === spellingKey(b);
}

const ONE_WORD = /^[A-Za-z]+$/;
