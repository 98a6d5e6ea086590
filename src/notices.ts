/**
 * Sentences the command line and the application both say of work on a dossier (tabling, importing): one wording
 * for both, so that `parley table` and the app's Table this version, `parley import` and Import Draft, read alike.
 */

/**
 * What tabling a working draft whose text is a version's unchanged says, in `parley table` and the app alike: not
 * an error (the other side tabling the same text as agreed is a step of its own), but worth a line, since tabling
 * before bringing in the new text is the usual slip.
 */
export function sameTextNote(version: number): string {
  return `Its text is that of v${version}, unchanged: this version records a new label, party, status or date, not a new text.`;
}

/**
 * Names listed in a sentence, the first `shown` of them and how many more ("a, b, c and 12 more"): an import into a
 * long treaty can leave out, or put back, hundreds of clauses, and a notice that lists them all buries the rest.
 */
export function fewNamed(names: readonly string[], shown = 10): string {
  return names.slice(0, shown).join(', ') + (names.length > shown ? ` and ${names.length - shown} more` : '');
}
